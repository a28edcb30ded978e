package web_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestResultInThePagesLanguage: a declared result's arithmetic is said
// in the page's language, as the minutes say it, on the projector and the
// delegate's page — not the English the record states it in ("2 for, 1
// against, 3 cast; …" under a German "ANGENOMMEN").
func TestResultInThePagesLanguage(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	de := http.Header{"Cookie": {"plenum_lang=de"}}
	_, delegate := h.browser("anna").getWith("/a/"+asm+"/delegate", de)
	_, en, _ := h.browser("anna").get("/a/" + asm + "/projector")
	if !strings.Contains(html.UnescapeString(en), "1 for, ") {
		t.Error("the English projector no longer says the result")
	}
	// The hall's screen speaks the assembly's language.
	h.must("admin", "amend_assembly", obj{"language": "de"})
	_, projector, _ := h.browser("anna").get("/a/" + asm + "/projector")
	for page, body := range map[string]string{"projector": projector, "delegate": delegate} {
		body = html.UnescapeString(body)
		if !strings.Contains(body, "1 dafür") {
			t.Errorf("%s: the result is not said in German:\n%s", page, body)
		}
		if strings.Contains(body, "1 for, ") || strings.Contains(body, " cast;") {
			t.Errorf("%s: the result is said in English on a German page", page)
		}
	}
}
