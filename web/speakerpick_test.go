package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestConsoleOffersTheFloorOnlyToWhomItMayGo: the console's "Give the
// floor to anyone" lists only those the rules let take the floor — not a
// person whose mandate is unverified or rejected, nor one who holds none
// (REVIEW-CHAIR #34: Kutuzov, his mandate rejected, was offered); the
// rules refuse give_floor to them.
func TestConsoleOffersTheFloorOnlyToWhomItMayGo(t *testing.T) {
	h := newHall(t)
	h.must("mc", "reject_mandate", obj{"mandate": "m-clara", "reason": "not elected"})
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	i := strings.Index(page, `id="more-floor"`)
	if i < 0 {
		t.Fatalf("no form to give anyone the floor:\n%s", page)
	}
	form := page[i:]
	form = form[:strings.Index(form, "</section>")]
	for p, offered := range map[string]bool{"anna": true, "boris": true, "clara": false, "dmitri": false, "mc": false} {
		if got := strings.Contains(form, `value="`+p+`"`); got != offered {
			t.Errorf("%s offered: %v, want %v", p, got, offered)
		}
	}
	chair.act("chair", "give_floor", url.Values{"a:item": {"i1"}, "a:person": {"clara"}})
	if _, page, _ = chair.get("/a/coop/chair"); !strings.Contains(html.UnescapeString(flashOf(page)), "holds no verified mandate that gives the floor") {
		t.Errorf("give_floor to clara: %s", flashOf(page))
	}
}

// TestConsoleReopensTheList: once the list is closed the console offers
// to reopen it, and reopening lets a delegate ask for the floor again
// (REVIEW-CHAIR #33).
func TestConsoleReopensTheList(t *testing.T) {
	h := newHall(t)
	h.must("chair", "close_list", obj{"item": "i1"})
	chair := h.browser("chair")
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(page, `value="reopen_list"`) {
		t.Fatalf("the console does not offer to reopen the list:\n%s", page)
	}
	chair.act("chair", "reopen_list", url.Values{"a:item": {"i1"}})
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(flashOf(page), "open again") || strings.Contains(page, `value="reopen_list"`) {
		t.Errorf("after reopening: %s", flashOf(page))
	}
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
}

// TestConsoleGivesASpeechOnAProceduralMotion: with a procedural motion
// pending, the console's "Give the floor to anyone" asks for the motion and
// the side, and gives the floor ahead of the list (REVIEW-CHAIR #9).
func TestConsoleGivesASpeechOnAProceduralMotion(t *testing.T) {
	h := newHall(t)
	h.must("anna", "move_motion", obj{"id": "p1", "kind": "procedural", "procedure": "close_discussion", "title": "Close the discussion", "item": "i1"})
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	chair := h.browser("chair")
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(page, `<select id="gf-motion" name="a:motion">`) || !strings.Contains(page, `<option value="p1">Close the discussion</option>`) {
		t.Fatalf("the console does not offer a speech on the procedural motion:\n%s", page)
	}
	chair.act("chair", "give_floor", url.Values{"a:item": {"i1"}, "a:person": {"boris"}, "a:motion": {"p1"}, "a:side": {"against"}})
	if got := read(h, func(s *assembly.State) string { return s.Items["i1"].Floor.Speaker }); got != "boris" {
		_, page, _ := chair.get("/a/coop/chair")
		t.Fatalf("the floor is with %q: %s", got, flashOf(page))
	}
	chair.act("chair", "end_speech", url.Values{"a:item": {"i1"}})
	// The form sent without a motion gives the floor as before.
	chair.act("chair", "give_floor", url.Values{"a:item": {"i1"}, "a:person": {"anna"}, "a:motion": {""}, "a:side": {""}})
	if got := read(h, func(s *assembly.State) string { return s.Items["i1"].Floor.Speaker }); got != "anna" {
		_, page, _ := chair.get("/a/coop/chair")
		t.Fatalf("the floor is with %q: %s", got, flashOf(page))
	}
}
