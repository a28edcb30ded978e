package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestDelegateSeesTheOrderOfTheDay: the delegate's page lists every item
// of the order of the day with where it stands — the one taken up marked
// current —, not only the item being discussed; in German too.
func TestDelegateSeesTheOrderOfTheDay(t *testing.T) {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The solar panels"})
	h.must("chair", "add_item", obj{"id": "i3", "title": "Any other business"})
	_, body, _ := h.browser("anna").get("/a/" + asm + "/delegate")
	at := strings.Index(body, `<section id="agenda"`)
	if at < 0 {
		t.Fatal("the delegate's page has no order of the day")
	}
	agenda := body[at : at+strings.Index(body[at:], "</section>")]
	for _, want := range []string{"Order of the day", "3 items", `aria-current="true"><strong>The budget</strong> <span class="tag">current</span>`, `The solar panels <span class="tag">open</span>`, "Any other business"} {
		if !strings.Contains(agenda, want) {
			t.Errorf("the order of the day has no %s:\n%s", want, agenda)
		}
	}
	_, de := h.browser("anna").getWith("/a/"+asm+"/delegate", http.Header{"Cookie": {"plenum_lang=de"}})
	if !strings.Contains(de, "Tagesordnung") || !strings.Contains(de, "3 Punkte") {
		t.Error("the German page's order of the day is not in German")
	}
}
