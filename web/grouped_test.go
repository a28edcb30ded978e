package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"plenum/web"
)

// TestCountsGrouped: the counts the pages show are grouped as the page's
// language writes a number, as the attendance beside them is ("5,600 of
// 10,000 present now"): the console's count of hands, the projector's
// bars and arithmetic, the delegate's last result — "2,411 for", not
// "For 2411" (REVIEW-scale F9); a title's digits are left as typed.
func TestCountsGrouped(t *testing.T) {
	h := newWeightedSitting(t, []weighted{{"anna", "Anna", 2411}, {"boris", "Boris", 787}, {"clara", "Clara", 1802}}, "chair", "anna")
	choices := map[string]string{"anna": "for", "boris": "against", "clara": "abstain"}
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for who, choice := range choices {
		h.must(who, "cast_ballot", obj{"vote": "v1", "voter": who, "choice": choice})
	}
	_, console, _ := h.browser("chair").get("/a/" + asm + "/chair")
	if line := regexp.MustCompile(`class="meta count-line">[^<]*`).FindString(console); !strings.Contains(line, "For 2,411 (1 ballot), Against 787 (1 ballot), Abstain 1,802") {
		t.Errorf("the console's count is not grouped: %q", line)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	_, projector, _ := h.browser("anna").get("/a/" + asm + "/projector")
	projector = html.UnescapeString(projector)
	for _, want := range []string{`<span class="bar-count">2,411</span>`, "2,411 for, 787 against, 1,802 abstaining, 3,198 cast; 1,600 needed"} {
		if !strings.Contains(projector, want) {
			t.Errorf("the projector lacks %q:\n%s", want, projector)
		}
	}
	de := http.Header{"Cookie": {"plenum_lang=de"}}
	_, delegate := h.browser("anna").getWith("/a/"+asm+"/delegate", de)
	if last := regexp.MustCompile(`Letztes Ergebnis: [^<]*`).FindString(html.UnescapeString(delegate)); !strings.Contains(last, "2.411 dafür") || !strings.Contains(last, "3.198") {
		t.Errorf("the German last result is not grouped: %q", last)
	}
	// A title's digits, quoted in the arithmetic of a choice between
	// drafts or not, are as typed.
	if got := web.GroupedCounts("en", "“Budget 10000” 2411, “B 1000” 787; taken as the basis: “Budget 10000”"); got != "“Budget 10000” 2,411, “B 1000” 787; taken as the basis: “Budget 10000”" {
		t.Errorf("a choice between drafts: %q", got)
	}
}
