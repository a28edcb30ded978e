package web_test

import (
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestAgendaFormItemThreshold: the chair's form for adding an item offers
// the majority the rules fix for its decision (a change of the statutes
// by two thirds), the item keeps it, the order of the day shows it, and
// a bad value is refused and adds nothing.
func TestAgendaFormItemThreshold(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/" + asm + "/chair/agenda")
	form := page[strings.Index(page, `value="add_item"`):]
	form = form[:strings.Index(form, "</form>")]
	for _, want := range []string{`name="a:threshold"`, `<option value="" selected>as for every motion: more than half of the votes cast</option>`, `<option value="two_thirds_cast">two thirds of the votes cast</option>`} {
		if !strings.Contains(form, want) {
			t.Fatalf("the add-item form lacks %s:\n%s", want, form)
		}
	}
	refusedNothingChanged(t, h, chair, "chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"Statutes"}, "a:threshold": {"most"}},
		`must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`)
	chair.act("chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"Amendment of the statutes"}, "a:threshold": {"two_thirds_cast"}})
	th := read(h, func(s *assembly.State) assembly.Threshold {
		for _, id := range s.ItemOrder {
			if it := s.Items[id]; it.Title == "Amendment of the statutes" {
				return it.Threshold
			}
		}
		return "none"
	})
	if th != assembly.TwoThirdsCast {
		t.Fatalf("the item added takes %q", th)
	}
	_, page, _ = chair.get("/a/" + asm + "/chair/agenda")
	if strings.Count(page, `class="meta item-threshold">needs two thirds of the votes cast<`) != 1 {
		t.Errorf("the order of the day does not say once that the statutes item needs two thirds")
	}
	// An item added without a threshold takes voting_threshold, and says nothing.
	chair.act("chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"The accounts"}, "a:threshold": {""}})
	_, page, _ = chair.get("/a/" + asm + "/chair/agenda")
	if !strings.Contains(page, "The accounts") || strings.Count(page, "item-threshold") != 1 {
		t.Errorf("the accounts item: missing, or shown with a threshold")
	}
}
