package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSetupFormsKeepWhatWasTyped: each set-up form whose entry is refused
// — by the rules (409) or by the form's own reading (422: a weight or a
// number of minutes that is no number) — brings its page back, without
// scripts, with what was typed in it, and the refusal; the same form
// accepted goes on (a redirect) and the page shows the form afresh. What
// comes back is the form's fields only: not its idempotency key.
func TestSetupFormsKeepWhatWasTyped(t *testing.T) {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"weighted_votes": true}})
	h.must("admin", "add_organization", obj{"id": "b9", "name": "Branch 9", "kind": "delegating"})
	admin, chair := h.adminBrowser(), h.browser("chair")
	checkKept(t, "setup", []keptCase{
		{
			name: "add_person", by: admin, page: "setup-people",
			sent:   url.Values{"name": {"Zoë Quill"}, "ref": {"R-17"}, "kind": {"consultative"}, "organization": {"b9"}, "weight": {"two"}, "verified": {"1"}},
			status: http.StatusUnprocessableEntity, refusal: "two",
			kept: []string{`<details open>`, `<input id="p-name" name="name" required autocomplete="off" value="Zoë Quill">`, `<input id="p-ref" name="ref" class="short" autocomplete="off" value="R-17">`,
				`<option value="consultative" selected>`, `<option value="b9" selected>`, `<input id="p-weight" name="weight" class="short" inputmode="numeric" value="two">`,
				`<input type="checkbox" name="verified" value="1" checked>`},
			accepted: url.Values{"name": {"Zoë Quill"}, "ref": {"R-17"}, "kind": {""}},
			afresh:   []string{`<input id="p-name" name="name" required autocomplete="off">`, `<option value="decisive" selected>`, `name="weight" class="short" inputmode="numeric" value="1">`},
		},
		{
			name: "submit_mandate", by: admin, page: "setup-person?p=anna",
			sent:   url.Values{"person": {"anna"}, "kind": {"guest"}, "organization": {"b9"}, "weight": {"0"}, "verified": {"1"}},
			status: http.StatusUnprocessableEntity, refusal: "0",
			kept: []string{`<h1>Anna Arkadyevna</h1>`, `<details open><summary>Add a mandate`, `<select id="nm-kind" name="kind"><option value="decisive">`, `<option value="guest" selected>`,
				`<option value="b9" selected>`, `<input id="nm-weight" name="weight" class="short" inputmode="numeric" value="0">`, `<input type="checkbox" name="verified" value="1" checked>`},
			accepted: url.Values{"person": {"anna"}, "kind": {"guest"}, "organization": {"b9"}, "weight": {"2"}},
			afresh:   []string{`<details><summary>Add a mandate`, `<input id="nm-weight" name="weight" class="short" inputmode="numeric" value="1">`},
		},
		{
			// The chair forms a body with someone not on the roll: the
			// rules refuse it. (A secretary, whom the rules refuse a body
			// at all, is not shown the form.)
			name: "form_body", by: chair, page: "setup-offices",
			sent:   url.Values{"name": {"Tellers' commission"}, "kind": {"committee"}, "members": {"anna", "clara", "ghost"}},
			status: http.StatusConflict, refusal: "Refused: ",
			kept: []string{`<details open><summary>Form a section`, `<input id="b-name" name="name" required autocomplete="off" value="Tellers&#39; commission">`,
				`<option value="committee" selected>`, `name="members" value="anna" checked>`, `name="members" value="clara" checked>`, `name="members" value="boris">`},
		},
		{
			name: "amend_assembly", by: admin, page: "setup",
			sent:   url.Values{"name": {"Autumn congress"}, "starts": {"2026-05-09"}, "ends": {"2026-05-01"}, "venues": {"Hall A\nHall B"}, "language": {"de"}, "description": {"Typed at length"}},
			status: http.StatusConflict, refusal: "Refused: ",
			kept: []string{`<input id="as-name" name="name" value="Autumn congress" required>`, `name="ends" type="date" value="2026-05-01"`,
				"<textarea id=\"as-venues\" name=\"venues\" rows=\"2\">Hall A\nHall B</textarea>", `<input id="as-lang" name="language" value="de"`,
				`<textarea id="as-desc" name="description" rows="2">Typed at length</textarea>`},
			accepted: url.Values{"name": {"Autumn congress"}, "starts": {"2026-05-09"}, "ends": {"2026-05-10"}},
			afresh:   []string{`<input id="as-name" name="name" value="Autumn congress" required>`, `<textarea id="as-desc" name="description" rows="2"></textarea>`},
		},
		{
			name: "rules", by: admin, page: "setup",
			sent: url.Values{"quorum": {"number"}, "quorum_number": {"40"}, "speaking_minutes": {"five"}, "speakers_order": {"alternate_for_against"},
				"max_proxies": {"3"}, "proxies_allowed": {"1"}, "precedence": {"1"}},
			status: http.StatusUnprocessableEntity, refusal: "five",
			kept: []string{`<input type="radio" name="quorum" value="number" checked>`, `name="quorum_number" inputmode="numeric" aria-label="`, `value="40">`,
				`name="speaking_minutes" inputmode="numeric" value="five">`, `<option value="alternate_for_against" selected>`,
				`<input type="checkbox" name="proxies_allowed" value="1" checked>`, `name="max_proxies" inputmode="numeric" value="3">`,
				`<input type="checkbox" name="precedence" value="1" checked>`, `<input type="checkbox" name="weighted_votes" value="1">`},
			accepted: url.Values{"quorum": {"none"}, "speaking_minutes": {"4"}, "weighted_votes": {"1"}},
			afresh:   []string{`name="speaking_minutes" inputmode="numeric" value="4">`, `<input type="checkbox" name="precedence" value="1">`},
		},
	})
}

// keptCase is a form sent to /a/{id}/ACTION, refused and sent again
// accepted (checkKept).
type keptCase struct {
	name     string // the form's cmd
	by       *browser
	page     string // under /a/coop/
	sent     url.Values
	status   int
	refusal  string
	kept     []string // on the page sent back
	unkept   []string // not on it (what was typed, in another row)
	accepted url.Values
	afresh   []string // on the page after the accepted form
}

// checkKept sends each case's form to /a/coop/action from its page: its
// refusal must bring the page back with what was typed (kept, not
// unkept) and not the form's key, and the form accepted (if the case
// has it) goes on, a redirect, to the page afresh.
func checkKept(t *testing.T, action string, cases []keptCase) {
	t.Helper()
	for _, c := range cases {
		page := "/a/" + asm + "/" + c.page
		form := url.Values{"cmd": {c.name}, "back": {page}, "key": {"k-kept-" + c.name}}
		for k, v := range c.sent {
			form[k] = v
		}
		resp, data := c.by.postPage(c.page, "/a/"+asm+"/"+action, form)
		body := string(data)
		if resp.StatusCode != c.status {
			t.Errorf("%s refused: %s, want %d\n%s", c.name, resp.Status, c.status, flashText(body))
			continue
		}
		if f := flashText(body); !strings.Contains(f, c.refusal) {
			t.Errorf("%s: the page sent back says %q, want the refusal (%q)", c.name, f, c.refusal)
		}
		for _, want := range append(c.kept, `name="back" value="`+page+`"`) {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page sent back lacks %s", c.name, want)
			}
		}
		for _, not := range c.unkept {
			if strings.Contains(body, not) {
				t.Errorf("%s: the page sent back shows %s, typed in another row", c.name, not)
			}
		}
		if strings.Contains(body, "k-kept-") {
			t.Errorf("%s: the page sent back holds the form's key", c.name)
		}
		if c.accepted == nil {
			continue
		}
		form = url.Values{"cmd": {c.name}, "back": {page}}
		for k, v := range c.accepted {
			form[k] = v
		}
		if resp, data := c.by.postPage(c.page, "/a/"+asm+"/"+action, form); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("%s accepted: %s, want a redirect\n%s", c.name, resp.Status, flashText(string(data)))
			continue
		}
		_, body, _ = c.by.get(page)
		for _, want := range c.afresh {
			if !strings.Contains(body, want) {
				t.Errorf("%s: after the accepted form the page lacks %s", c.name, want)
			}
		}
	}
}
