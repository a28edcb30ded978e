package web_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
)

// TLS hides what a phone sends and receives in the hall, not how much: in
// a secret vote every request the delegate's browser sends in the ballot
// flow, and every answer it gets, must be as long whatever the choice.
// The flow is driven through the real handler as a browser drives it,
// with the script (fragments, JSON) and without (whole pages, redirects),
// in every language, for each choice of a yes/no/abstain vote and of a
// vote between competing drafts whose ids and titles differ in length.

var (
	draftFormRe   = regexp.MustCompile(`(?s)<form method="post" action="/a/coop/delegate" class="ballot draft">(.*?)</form>`)
	confirmFormRe = regexp.MustCompile(`(?s)<form method="post" action="/a/coop/act" class="act confirm-form">(.*?)</form>`)
	hiddenFieldRe = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)
	choiceBtnRe   = regexp.MustCompile(`<button type="submit" name="choice" value="([^"]*)"`)
)

// secretVoteKind is a kind of secret vote: how it is opened in a hall,
// and the choices its ballot offers, in order.
type secretVoteKind struct {
	name    string
	open    func(h *hall, method string)
	choices []string
}

var secretVoteKinds = []secretVoteKind{
	{"motion", func(h *hall, method string) {
		h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": method})
	}, []string{"for", "against", "abstain"}},
	{"drafts", func(h *hall, method string) {
		h.must("chair", "move_motion", obj{"id": "the-members-long-draft", "kind": "substantive", "title": "The members' much longer draft & its annex", "item": "i1"})
		h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "the-members-long-draft"}})
		h.must("chair", "open_vote", obj{"id": "v1", "alternatives": "g1", "method": method})
	}, []string{"m1", "the-members-long-draft", "abstain"}},
	// A draft titled right to left is isolated where the page names it
	// (bidi.go), which the padding counts.
	{"drafts right to left", func(h *hall, method string) {
		h.must("chair", "move_motion", obj{"id": "m-ar", "kind": "substantive", "title": "مشروع الأعضاء", "item": "i1"})
		h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m-ar"}})
		h.must("chair", "open_vote", obj{"id": "v1", "alternatives": "g1", "method": method})
	}, []string{"m1", "m-ar", "abstain"}},
}

// flowStep is one request of the ballot flow and its answer, as lengths
// on the wire.
type flowStep struct {
	name          string
	request, answ int
	status        int
}

// lengthHall is a hall with a fixed clock, so that two halls render the
// same bytes but for the random tokens.
func lengthHall(t *testing.T) *hall {
	h := newEmptyHallWith(t, fixedOptions(), nil)
	h.at = fixedNow.Add(-time.Hour)
	h.setup()
	return h
}

// send sends one request of the flow as anna's browser would and returns
// the step's lengths and the answer's body.
func (b *browser) sendStep(name, method, path string, form url.Values, script bool) (flowStep, *http.Response, string) {
	t := b.h.t
	t.Helper()
	body := ""
	if form != nil {
		body = form.Encode()
	}
	req, _ := http.NewRequest(method, b.h.srv.URL+path, strings.NewReader(body))
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", b.h.srv.URL)
	}
	if script {
		req.Header.Set("X-Plenum", "1")
		if strings.HasSuffix(path, "/act") {
			req.Header.Set("Accept", "application/json")
		}
	}
	reqLen := len(method) + len(path) + len(body)
	for _, c := range b.c.Jar.Cookies(req.URL) {
		reqLen += len(c.Name) + len(c.Value) + 3
	}
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// The receipt shows hashes and a signature in base64, random with
	// the hall's key and the ballot's token, not with the choice; the
	// page escapes each '+' in them as "&#43;". They are measured as if
	// it did not, so that only what the choice could change is compared.
	resp.Body = io.NopCloser(strings.NewReader(strings.ReplaceAll(string(answer), "&#43;", "+")))
	resp.ContentLength = -1
	resp.Header.Del("Content-Length")
	dump, err := httputil.DumpResponse(resp, true)
	if err != nil {
		t.Fatal(err)
	}
	return flowStep{name: name, request: reqLen, answ: len(dump), status: resp.StatusCode}, resp, string(answer)
}

// formFields are the hidden fields of a form's inner HTML, as a browser
// sends them.
func formFields(inner string) url.Values {
	f := url.Values{}
	for _, m := range hiddenFieldRe.FindAllStringSubmatch(inner, -1) {
		f.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	return f
}

// ballotFlow casts anna's ballot for the choice-th choice of the open
// vote through the pages, as a browser does (with the script or
// without), in lang, and returns its steps.
func ballotFlow(t *testing.T, h *hall, lang string, choice int, want string, script bool) []flowStep {
	t.Helper()
	anna := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: lang, Path: "/"}})
	var steps []flowStep

	_, page, _ := anna.get("/a/coop/delegate")
	m := draftFormRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("%s: no ballot on anna's page:\n%s", lang, page)
	}
	draft := formFields(m[1])
	buttons := choiceBtnRe.FindAllStringSubmatch(m[1], -1)
	if len(buttons) <= choice {
		t.Fatalf("%s: %d choices on the ballot, not %d:\n%s", lang, len(buttons), choice+1, m[1])
	}
	draft.Set("choice", html.UnescapeString(buttons[choice][1]))

	// The draft: the confirmation, as a page or as the live fragment
	// (which the script also fetches again while it is shown).
	path := "/a/coop/delegate"
	if script {
		path += "?fragment=live"
	}
	step, _, answer := anna.sendStep("draft", "POST", path, draft, script)
	steps = append(steps, step)
	c := confirmFormRe.FindStringSubmatch(answer)
	if c == nil {
		t.Fatalf("%s: no confirmation after the draft:\n%s", lang, answer)
	}
	confirm := formFields(c[1])
	if got := strings.TrimSpace(confirm.Get("a:choice")); got != want {
		t.Fatalf("%s: the confirmation is of %q, not %q", lang, got, want)
	}
	if script {
		step, _, _ = anna.sendStep("draft again", "POST", path, draft, script)
		steps = append(steps, step)
	}

	// The confirmation: the command, answered with JSON or a redirect.
	step, resp, answer := anna.sendStep("confirm", "POST", "/a/coop/act", confirm, script)
	steps = append(steps, step)
	var receipt string
	if script {
		var res struct {
			OK      bool
			Receipt string
			Error   string
		}
		if err := json.Unmarshal([]byte(answer), &res); err != nil || !res.OK || res.Receipt == "" {
			t.Fatalf("%s: the ballot is not cast: %v %s", lang, err, answer)
		}
		receipt = res.Receipt + "&fragment=receipt"
	} else {
		receipt = resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(receipt, "/a/coop/receipt?entry=") {
			t.Fatalf("%s: the ballot is not cast: %s %q", lang, resp.Status, receipt)
		}
	}
	step, _, answer = anna.sendStep("receipt", "GET", receipt, nil, script)
	steps = append(steps, step)
	if !strings.Contains(answer, `id="ballot-token"`) {
		t.Fatalf("%s: the receipt shows no token:\n%s", lang, answer)
	}
	path = "/a/coop/delegate"
	if script {
		path += "?fragment=live"
	}
	step, _, _ = anna.sendStep("page after", "GET", path, nil, script)
	steps = append(steps, step)
	// The ballot sealed at the close is the choice anna made.
	h.must("chair", "close_vote", obj{"vote": "v1"})
	if got := read(h, func(s *assembly.State) []string { return s.Votes["v1"].Sealed }); len(got) != 1 || got[0] != want {
		t.Fatalf("%s: the ballots sealed are %q, anna chose %q", lang, got, want)
	}
	return steps
}

func TestSecretBallotFlowSameLengthWhateverTheChoice(t *testing.T) {
	for _, kind := range secretVoteKinds {
		for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
			for _, script := range []bool{false, true} {
				var runs [][]flowStep
				for i, want := range kind.choices {
					h := lengthHall(t)
					kind.open(h, "secret")
					runs = append(runs, ballotFlow(t, h, lang, i, want, script))
				}
				for s := range runs[0] {
					for i := 1; i < len(runs); i++ {
						a, b := runs[0][s], runs[i][s]
						if a.request != b.request || a.answ != b.answ || a.status != b.status {
							t.Errorf("%s vote, %s, script %v, %s: %s sends %d bytes, gets %d (%d); %s sends %d, gets %d (%d)",
								kind.name, lang, script, a.name, kind.choices[0], a.request, a.answ, a.status, kind.choices[i], b.request, b.answ, b.status)
						}
					}
				}
			}
		}
	}
}

// A roll call shows its choices as they are: nothing is padded, and the
// flow casts the choice confirmed.
func TestRollCallBallotNotPadded(t *testing.T) {
	for _, kind := range secretVoteKinds {
		for i, want := range kind.choices {
			h := lengthHall(t)
			kind.open(h, "roll_call")
			_, page, _ := h.browser("anna").get("/a/coop/delegate")
			if !strings.Contains(page, `name="choice" value="`+want+`" class=`) {
				t.Fatalf("%s: the roll call's choice %q is not sent as it is:\n%s", kind.name, want, page)
			}
			ballotFlowRollCall(t, h, i, want)
		}
	}
}

// ballotFlowRollCall casts anna's roll-call ballot through the pages
// without the script and checks the choice recorded.
func ballotFlowRollCall(t *testing.T, h *hall, choice int, want string) {
	t.Helper()
	anna := h.browser("anna")
	_, page, _ := anna.get("/a/coop/delegate")
	m := draftFormRe.FindStringSubmatch(page)
	draft := formFields(m[1])
	draft.Set("choice", choiceBtnRe.FindAllStringSubmatch(m[1], -1)[choice][1])
	_, _, answer := anna.sendStep("draft", "POST", "/a/coop/delegate", draft, false)
	c := confirmFormRe.FindStringSubmatch(answer)
	if c == nil || !strings.Contains(c[1], `name="a:choice" value="`+want+`">`) {
		t.Fatalf("the roll call's confirmation is not of %q:\n%s", want, answer)
	}
	_, resp, _ := anna.sendStep("confirm", "POST", "/a/coop/act", formFields(c[1]), false)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the roll call's ballot: %s", resp.Status)
	}
	got := read(h, func(s *assembly.State) string {
		for _, b := range s.Votes["v1"].Ballots {
			if b.Voter == "anna" {
				return b.Choice
			}
		}
		return ""
	})
	if got != want {
		t.Fatalf("the roll call recorded %q, not %q", got, want)
	}
}
