package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestMotionsFormsKeepWhatWasTyped: each form of the motions' pages in
// which a person types or chooses something — submitting a motion, the
// set-up of written motions, an amendment moved or submitted, the
// committee's change and recommendation — brings its page back, without
// scripts, with what was typed in it and the refusal when the rules
// refuse it, as the set-up pages' forms do (checkKept); the same form
// accepted goes on, and the page shows it afresh.
func TestMotionsFormsKeepWhatWasTyped(t *testing.T) {
	h := newCongressHall(t)
	h.must("eva", "add_motion_category", obj{"id": "wages", "name": "Wages", "prefix": "W"})
	h.must("eva", "add_motion_block", obj{"id": "round", "title": "The bargaining round"})
	submittedAndPending(h)
	h.must("kai", "recommend_change", obj{"id": "w1-c1", "motion": "w1", "change": obj{"from_line": 7, "to_line": 8, "text": "in three steps"}})
	eva, bruno, hanna, kai := h.browser("eva"), h.browser("bruno"), h.browser("hanna"), h.browser("kai")
	lines := url.Values{"a:change.from_line:int": {"3"}, "a:change.to_line:int": {"4"}}
	with := func(vs ...url.Values) url.Values {
		out := url.Values{}
		for _, v := range vs {
			for k, x := range v {
				out[k] = x
			}
		}
		return out
	}
	checkKept(t, "act", []keptCase{
		{
			// The title left out (without scripts nothing stops it).
			name: "submit_motion", by: bruno, page: "motions", status: http.StatusConflict, refusal: "Refused: ",
			sent: url.Values{"new:id": {"m"}, "a:title": {""}, "a:delegation": {"berlin"}, "a:category": {"wages"}, "a:text": {"Typed at length"}, "a:reason": {"Because"}},
			kept: []string{`<input id="sm-title" name="a:title" required value="">`, `<option value="berlin" selected>`, `<option value="wages" selected>`,
				`aria-describedby="sm-help">Typed at length</textarea>`, `<textarea id="sm-reason" name="a:reason" rows="3">Because</textarea>`},
			accepted: url.Values{"new:id": {"m"}, "a:title": {"Overtime"}, "a:text": {"Typed at length"}},
			afresh:   []string{"Overtime", `aria-describedby="sm-help"></textarea>`},
		},
		{
			// Typed where a browser offers no picker, and no day and time.
			name: "set_submission_deadline", by: eva, page: "motions", status: http.StatusUnprocessableEntity, refusal: "Refused: “next Friday” is not a day and a time",
			sent: url.Values{"a:deadline:local": {"next Friday"}},
			kept: []string{`<details open>`, `name="a:deadline:local" type="datetime-local" value="next Friday"`},
		},
		{
			// The committee it is already.
			name: "appoint_motions_committee", by: eva, page: "motions", status: http.StatusConflict, refusal: "Refused: ",
			sent: url.Values{"a:body": {"mc"}},
			kept: []string{`<details open>`, `<option value="mc" selected>`},
		},
		{
			// A prefix another category has.
			name: "add_motion_category", by: eva, page: "motions", status: http.StatusConflict, refusal: "Refused: ",
			sent:     url.Values{"new:id": {"cat"}, "a:name": {"Working hours"}, "a:prefix": {"W"}},
			kept:     []string{`<details open>`, `<input id="mc-name" name="a:name" required value="Working hours">`, `aria-describedby="mc-prefix-hint" value="W">`},
			accepted: url.Values{"new:id": {"cat"}, "a:name": {"Working hours"}, "a:prefix": {"H"}},
			afresh:   []string{"Working hours", `<input id="mc-name" name="a:name" required value="">`},
		},
		{
			// A block's id taken meanwhile (a form made by hand).
			name: "add_motion_block", by: eva, page: "motions", status: http.StatusConflict, refusal: "Refused: ",
			sent: url.Values{"a:id": {"round"}, "a:title": {"Pensions"}},
			kept: []string{`<details open>`, `<input id="mb-title" name="a:title" required value="Pensions">`},
		},
		{
			// An amendment submitted in writing, its title left out: the
			// lines it changes come back with the wording typed.
			name: "submit_motion", by: hanna, page: "motions/w1", status: http.StatusConflict, refusal: "Refused: ",
			sent: with(lines, url.Values{"new:id": {"w1-a"}, "a:amends": {"w1"}, "a:title": {""}, "a:change.text": {"typed wording"}}),
			kept: []string{`<input id="am-title" name="a:title" value="" required>`, `<textarea id="am-text" name="a:change.text" rows="6">typed wording</textarea>`,
				`<input type="hidden" name="a:change.from_line:int" value="3">`},
			accepted: with(lines, url.Values{"new:id": {"w1-a"}, "a:amends": {"w1"}, "a:title": {"Packaging"}, "a:change.text": {"typed wording"}}),
			afresh:   []string{"Packaging"},
		},
		{
			name: "move_motion", by: eva, page: "motions/w2", status: http.StatusConflict, refusal: "Refused: ",
			sent: with(lines, url.Values{"new:id": {"w2-a"}, "a:kind": {"amendment"}, "a:amends": {"w2"}, "a:title": {""}, "a:change.text": {"moved wording"}}),
			kept: []string{`<input id="am-title" name="a:title" value="" required>`, `<textarea id="am-text" name="a:change.text" rows="6">moved wording</textarea>`},
		},
		{
			// A change's id taken (a form made by hand: the page's form
			// asks for a fresh one, new:id).
			name: "recommend_change", by: kai, page: "motions/w1", status: http.StatusConflict, refusal: "Refused: ",
			sent: with(lines, url.Values{"a:id": {"w1-c1"}, "a:motion": {"w1"}, "a:change.text": {"the committee's wording"}, "a:note": {"Clearer"}}),
			kept: []string{`<textarea id="rc-text" name="a:change.text" rows="6">the committee&#39;s wording</textarea>`, `<input id="rc-note" name="a:note" value="Clearer">`},
		},
		{
			// A form made by hand, naming no motion: the rules refuse
			// nothing else the page offers the committee.
			name: "recommend", by: kai, page: "motions/w1", status: http.StatusConflict, refusal: "Refused: ",
			sent: url.Values{"a:motion": {"w9"}, "a:recommendation": {"reject"}, "a:note": {"Too costly"}},
			kept: []string{`<option value="reject" selected>`, `<input id="rec-note" name="a:note" value="Too costly">`},
		},
	})
}
