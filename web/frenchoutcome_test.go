package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestFrenchOutcomeAgrees: a French page states a vote's outcome in one
// form, the invariable one the minutes give since md/8 ("Adopté."): the
// projector's "ADOPTÉ" beside an arithmetic ending "; adopté", not
// "; adoptée" (minutes.status.carried, which agrees with "la motion");
// the delegate's last result gives the outcome once, before the count,
// which then ends in what is needed.
func TestFrenchOutcomeAgrees(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	fr := http.Header{"Cookie": {"plenum_lang=fr"}}
	_, delegate := h.browser("anna").getWith("/a/"+asm+"/delegate", fr)
	h.must("admin", "amend_assembly", obj{"language": "fr"})
	_, projector, _ := h.browser("anna").get("/a/" + asm + "/projector")
	projector = html.UnescapeString(projector)
	if !strings.Contains(projector, "ADOPTÉ") || !regexp.MustCompile(` ; adopté\s*</p>`).MatchString(projector) {
		t.Errorf("the projector does not pair ADOPTÉ with \"; adopté\":\n%s", projector)
	}
	delegate = html.UnescapeString(delegate)
	for page, body := range map[string]string{"projector": projector, "delegate": delegate} {
		if strings.Contains(body, "adoptée") {
			t.Errorf("%s: the outcome agrees with a motion it does not name (adoptée)", page)
		}
	}
	last := regexp.MustCompile(`Dernier résultat : [^<]*`).FindString(delegate)
	if !strings.Contains(last, " — adopté : ") || !strings.HasSuffix(last, "1 requis") {
		t.Errorf("the delegate's last result: %q", last)
	}
}
