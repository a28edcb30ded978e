package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestRefusalsNamePersonsWhoseIdIsAWord: a refusal that names a person
// whose id is a word of the rules (the hall's chair, id "chair") says
// their name where the rules set the person, and keeps the word where
// the rules use it in their own sense (the office of chair).
func TestRefusalsNamePersonsWhoseIdIsAWord(t *testing.T) {
	h := newHall(t)
	mc := h.browser("mc")
	for _, path := range []string{"/a/coop/mandate-cards.pdf", "/a/coop/revoke-codes"} {
		resp, _ := mc.postPage("mandates", path, url.Values{"persons": {"chair"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s for the chair: %s", path, resp.Status)
		}
		_, body, _ := mc.get("/a/coop/mandates")
		msg := html.UnescapeString(flashText(body))
		if !strings.HasPrefix(msg, "Refused: Vera Chair holds the office of chair") || strings.Contains(msg, "Vera Chair, ") || strings.Contains(msg, "of Vera Chair") {
			t.Errorf("%s for the chair: %q, want her name, and the office in words", path, msg)
		}
	}
}
