package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestTellerCountsOnTheConsole: a teller enters the count of a show of
// hands (enter_count: chair, teller). Their navigation links the
// console's vote, where the count's form is; the banner there names the
// forms the rules let them use, the count among them, not that the rules
// will refuse what the page offers (review 41, M1); and the count they
// send is recorded. The banner tells each viewer the truth: none for the
// chair, the forms a secretary may use, and the refusal for a delegate on
// a page none of whose forms is theirs.
func TestTellerCountsOnTheConsole(t *testing.T) {
	h := newHall(t)
	h.must("admin", "grant_role", obj{"person": "boris", "role": "teller"})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	teller := h.browser("boris")

	_, page, _ := teller.get("/a/coop/delegate")
	if !strings.Contains(page, `<a href="/a/coop/chair#vote">Count</a>`) {
		t.Errorf("the teller's navigation does not link the console's count:\n%s", between(page, "<nav", "</nav>"))
	}
	_, console, _ := teller.get("/a/coop/chair")
	if strings.Contains(console, "the rules will refuse what this page offers") {
		t.Error("the console tells the teller that the rules will refuse the count")
	}
	// Boris is a delegate too, who may enter a motion in his own name.
	if want := "of this page&#39;s forms the rules let you use “Enter the count”, “Enter a motion”; they will refuse the others."; !strings.Contains(console, want) {
		t.Errorf("the console's banner does not name the teller's form:\n%s", between(console, "<main", `<section id="now"`))
	}
	if !strings.Contains(console, `id="count-v1"`) {
		t.Fatal("the console shows the teller no count form")
	}
	resp := teller.act("chair", "enter_count", url.Values{"a:vote": {"v1"}, "a:for:count": {"2"}, "a:against:count": {"1"}})
	if resp.StatusCode != 303 {
		t.Fatalf("enter_count: %s", resp.Status)
	}
	_, after, _ := teller.get("/a/coop/chair")
	if !strings.Contains(after, "The count was entered (entry ") {
		t.Errorf("the teller's count is not answered as recorded:\n%s", between(after, "<main", `<section id="now"`))
	}

	// Each viewer's banner.
	if _, page, _ := h.browser("chair").get("/a/coop/chair"); strings.Contains(page, "do not hold the chair") {
		t.Error("the chair is told they do not hold the chair")
	}
	_, sec, _ := h.browser("sec").get("/a/coop/chair")
	if !strings.Contains(sec, "the rules let you use “Enter a motion”") || strings.Contains(sec, "“Enter the count”") {
		t.Errorf("the secretary's banner on the console:\n%s", between(sec, "<main", `<section id="now"`))
	}
	if _, page, _ := h.browser("mc").get("/a/coop/chair"); !strings.Contains(page, "the rules will refuse what this page offers") || strings.Contains(page, "the rules let you use") {
		t.Errorf("the mandate commission's banner on the console:\n%s", between(page, "<main", `<section id="now"`))
	}
	_, agenda, _ := teller.get("/a/coop/chair/agenda")
	if !strings.Contains(agenda, "the rules will refuse what this page offers") {
		t.Errorf("the agenda tab does not tell the teller that none of its forms is theirs:\n%s", between(agenda, "<main", "</nav>"))
	}
}
