package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCardRefusalsNameThePersons: a card or a revocation refused for an
// officer says the officer's name, not their id, on the mandate
// commission's page: also when the id is a word of the rules (the hall's
// chair, id "chair"), whose office keeps its word ("the office of
// chair").
func TestCardRefusalsNameThePersons(t *testing.T) {
	h := newHall(t)
	mc := h.browser("mc")
	for _, c := range []struct{ id, want, notWant string }{
		{"sec", "Refused: Sasha Secretary holds the office of", "Sec holds"},
		{"chair", "Refused: Vera Chair holds the office of chair:", "of Vera Chair"},
	} {
		for _, path := range []string{"/a/coop/mandate-cards.pdf", "/a/coop/revoke-codes"} {
			resp, _ := mc.postPage("mandates", path, url.Values{"persons": {c.id}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s for %s: %s", path, c.id, resp.Status)
			}
			_, body, _ := mc.get("/a/coop/mandates")
			msg := html.UnescapeString(flashText(body))
			if !strings.HasPrefix(msg, c.want) || strings.Contains(msg, c.notWant) {
				t.Errorf("%s for %s: %q, want the officer's name (%q)", path, c.id, msg, c.want)
			}
		}
	}
}
