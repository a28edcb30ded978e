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
// commission's page.
func TestCardRefusalsNameThePersons(t *testing.T) {
	h := newHall(t)
	mc := h.browser("mc")
	for _, path := range []string{"/a/coop/mandate-cards.pdf", "/a/coop/revoke-codes"} {
		resp, _ := mc.postPage("mandates", path, url.Values{"persons": {"sec"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s for the secretary: %s", path, resp.Status)
		}
		_, body, _ := mc.get("/a/coop/mandates")
		msg := html.UnescapeString(flashText(body))
		if !strings.Contains(msg, "Sasha Secretary holds the office of") || strings.Contains(msg, "Sec holds") {
			t.Errorf("%s for the secretary: %q, want the secretary's name", path, msg)
		}
	}
}
