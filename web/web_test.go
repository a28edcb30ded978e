package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/tlogproof"
)

// browser is a person's HTTP client with its cookies.
type browser struct {
	h *hall
	c *http.Client
}

func (h *hall) browser(person string) *browser {
	h.t.Helper()
	jar, _ := cookiejar.New(nil)
	b := &browser{h: h, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if person == "" {
		return b
	}
	resp := b.post("/login", url.Values{"code": {h.codes[person]}, "next": {"/a/" + asm + "/"}}, nil)
	if resp.StatusCode != http.StatusSeeOther && resp.StatusCode != http.StatusFound {
		h.t.Fatalf("login %s: %s", person, resp.Status)
	}
	return b
}

func (b *browser) get(path string) (int, string, http.Header) {
	b.h.t.Helper()
	resp, body := b.getWith(path, nil)
	return resp.StatusCode, body, resp.Header
}

// getWith gets path with header's fields added to the request, and
// returns the answer with its body read.
func (b *browser) getWith(path string, header http.Header) (*http.Response, string) {
	b.h.t.Helper()
	req, err := http.NewRequest("GET", b.h.srv.URL+path, nil)
	if err != nil {
		b.h.t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.h.t.Fatal(err)
	}
	return resp, string(body)
}

func (b *browser) post(path string, form url.Values, header http.Header) *http.Response {
	b.h.t.Helper()
	resp, _ := b.postHeader(path, form, header)
	return resp
}

// postHeader is post that returns the answer's body too.
func (b *browser) postHeader(path string, form url.Values, header http.Header) (*http.Response, string) {
	b.h.t.Helper()
	req, _ := http.NewRequest("POST", b.h.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.h.srv.URL)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// draft posts a ballot to the delegate's page for its confirmation step,
// as the ballot's form does, and returns the page.
func (b *browser) draft(fields url.Values) string {
	b.h.t.Helper()
	form := url.Values{}
	for k, v := range fields {
		form[k] = v
	}
	resp, page := b.postPage("delegate", "/a/"+asm+"/delegate", form)
	if resp.StatusCode != 200 {
		b.h.t.Fatalf("posting the ballot for confirmation: %s", resp.Status)
	}
	return string(page)
}

// act sends a page's form: the token is taken from page, as a browser would.
func (b *browser) act(page, cmd string, args url.Values) *http.Response {
	b.h.t.Helper()
	_, body, _ := b.get("/a/" + asm + "/" + page)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		b.h.t.Fatalf("no form token on %s", page)
	}
	form := url.Values{"csrf": {m[1]}, "cmd": {cmd}, "back": {"/a/" + asm + "/" + page}}
	for k, v := range args {
		form[k] = v
	}
	return b.post("/a/"+asm+"/act", form, nil)
}

func TestPagesShowEachPersonTheirPage(t *testing.T) {
	h := newHall(t)
	cases := []struct {
		person, path string
		status       int
		want         []string
	}{
		{"anna", "/a/coop/", http.StatusSeeOther, nil},
		{"anna", "/a/coop/delegate", 200, []string{"Anna Arkadyevna", "Ask for the floor", "Adopt the budget", "The meeting adopts the budget as printed.", "No vote is open", "registered present"}},
		{"chair", "/a/coop/chair", 200, []string{"The floor", "The budget", "In order now:", "Adopt the budget", "Put to the vote", "3 present", "No vote in progress"}},
		{"chair", "/a/coop/chair/agenda", 200, []string{"Order of the day", "The budget", "Planned:", "Add an item"}},
		{"chair", "/a/coop/chair/sitting", 200, []string{"First sitting", "Close the sitting", "Sasha Secretary"}},
		{"chair", "/a/coop/chair/hall", 200, []string{"In the hall: <strong>3</strong>", "Who left the hall"}},
		{"chair", "/a/coop/chair/elections", 200, []string{"Open an election", "No election is in progress"}},
		{"chair", "/a/coop/chair/screens", 200, []string{"The hall", "the business in hand", "Start the countdown"}},
		{"sec", "/a/coop/secretary", 200, []string{"Notes of a speech", "Interjection", "A document read into the record", "A correction"}},
		{"mc", "/a/coop/mandates", 200, []string{"Mandates to check (1)", "Dmitri Unchecked", "Verify", "Verified (3)"}},
		{"", "/a/coop/projector", 200, []string{"The budget", "Nobody has the floor"}},
		{"anna", "/a/coop/chair", 200, []string{"You do not hold the chair"}},
		{"", "/a/coop/record", 200, []string{"First sitting", "How to check this record", "plenum.localhost/", "plenum verify", `src="/a/coop/minutes/html"`}},
		{"", "/a/coop/delegate", http.StatusSeeOther, nil},
		{"", "/", 200, []string{"Spring general meeting", "Access code"}},
		{"", "/login?next=/a/coop/chair", 200, []string{"Access code", `value="/a/coop/chair"`}},
		{"", "/a/coop/", 200, []string{"The projector", "Access code"}},
		{"", "/a/nowhere/projector", 404, nil},
	}
	for _, c := range cases {
		b := h.browser(c.person)
		status, body, hdr := b.get(c.path)
		if status != c.status {
			t.Errorf("%s %s: status %d, want %d", c.person, c.path, status, c.status)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s %s: the page does not say %q", c.person, c.path, w)
			}
		}
		if status == 200 && strings.Contains(c.path, "/a/coop/") && !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no content security policy", c.path)
		}
	}
	// Officers on their own pages are not warned.
	for person, page := range map[string]string{"chair": "chair", "sec": "secretary", "mc": "mandates"} {
		if _, body, _ := h.browser(person).get("/a/coop/" + page); strings.Contains(body, "You do not hold") {
			t.Errorf("%s is warned on their own page %s", person, page)
		}
	}
	// The landing page sends each office to its page.
	for person, page := range map[string]string{"anna": "delegate", "chair": "chair", "sec": "secretary", "mc": "mandates"} {
		resp, err := h.browser(person).c.Get(h.srv.URL + "/a/coop/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); loc != "/a/coop/"+page {
			t.Errorf("%s lands on %q, want /a/coop/%s", person, loc, page)
		}
	}
}

func TestActGivesTheCommandAsTheLoggedInPerson(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	resp := anna.act("delegate", "request_floor", url.Values{"a:item": {"i1"}, "a:person": {"anna"}, "key": {"k-1"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/a/coop/delegate" {
		t.Fatalf("request_floor: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	_, body, _ := anna.get("/a/coop/delegate")
	if !strings.Contains(body, "You are on the speakers&#39; list") || !strings.Contains(body, "You are number 1 on the list") {
		t.Errorf("the delegate page does not confirm the request:\n%s", body)
	}
	reqs := read(h, func(s *assembly.State) []assembly.Request { return s.SpeakersList("i1") })
	if len(reqs) != 1 || reqs[0].Person != "anna" {
		t.Fatalf("speakers' list %+v, want anna", reqs)
	}
	a, _ := h.eng.Assembly(asm)
	last, err := a.Log().Read(context.Background(), a.Log().Size()-1, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	if actor := last[0].Actor; actor != "anna" {
		t.Errorf("the request was given by %q, want anna", actor)
	}

	// The chair's page lists the request with the button to give the floor.
	_, body, _ = h.browser("chair").get("/a/coop/chair")
	if !strings.Contains(body, "Anna Arkadyevna") || !strings.Contains(body, "Give the floor") {
		t.Errorf("the chair's page does not list the request:\n%s", body)
	}

	// The same form sent again (same idempotency key) is applied once.
	n := read(h, func(s *assembly.State) int { return s.Events })
	anna.act("delegate", "request_floor", url.Values{"a:item": {"i1"}, "a:person": {"anna"}, "key": {"k-1"}})
	if m := read(h, func(s *assembly.State) int { return s.Events }); m != n {
		t.Errorf("a form sent twice was applied twice: %d events, then %d", n, m)
	}

	// A refusal of the rules is shown on the page, as an alert, and changes nothing.
	boris := h.browser("boris")
	boris.act("delegate", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"roll_call"}})
	_, body, _ = boris.get("/a/coop/delegate")
	if !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "Refused: Only the chair puts a question to the vote.") {
		t.Errorf("the refusal is not shown:\n%s", body)
	}
	if read(h, func(s *assembly.State) int { return len(s.Votes) }) != 0 {
		t.Error("a refused command opened a vote")
	}

	// A delegate cannot act as another: the actor is the session's person.
	boris.act("delegate", "withdraw_request", url.Values{"a:item": {"i1"}, "a:person": {"anna"}})
	if reqs := read(h, func(s *assembly.State) []assembly.Request { return s.SpeakersList("i1") }); len(reqs) != 1 {
		t.Error("boris withdrew anna's request")
	}
}

func TestActRefusesForgedForms(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	before := read(h, func(s *assembly.State) int { return s.Events })
	cases := []struct {
		name   string
		form   url.Values
		origin string
	}{
		{"no token", url.Values{"cmd": {"request_floor"}, "a:item": {"i1"}, "a:person": {"anna"}}, h.srv.URL},
		{"wrong token", url.Values{"csrf": {"00112233445566778899aabbccddeeff"}, "cmd": {"request_floor"}, "a:item": {"i1"}, "a:person": {"anna"}}, h.srv.URL},
		{"other site", nil, "https://evil.example"},
	}
	_, page, _ := anna.get("/a/coop/delegate")
	token := csrfRe.FindStringSubmatch(page)[1]
	for _, c := range cases {
		form := c.form
		if form == nil {
			form = url.Values{"csrf": {token}, "cmd": {"request_floor"}, "a:item": {"i1"}, "a:person": {"anna"}}
		}
		resp := anna.post("/a/coop/act", form, http.Header{"Origin": {c.origin}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: %s", c.name, resp.Status)
		}
	}
	if after := read(h, func(s *assembly.State) int { return s.Events }); after != before {
		t.Errorf("forged forms were applied: %d events, then %d", before, after)
	}
	// The public cannot act at all.
	resp := h.browser("").post("/a/coop/act", url.Values{"cmd": {"check_in"}}, nil)
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Errorf("the public's form went to %q, want the login", loc)
	}
}

func TestVoteConfirmationAndReceipt(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	anna := h.browser("anna")
	_, body, _ := anna.get("/a/coop/delegate")
	for _, w := range []string{`value="for"`, `value="against"`, `value="abstain"`, "Adopt the budget"} {
		if !strings.Contains(body, w) {
			t.Errorf("the vote does not offer %q", w)
		}
	}
	// The choice is posted, never put in the page's address: a choice in
	// the query is ignored.
	if !strings.Contains(body, `<form method="post" action="/a/coop/delegate" class="ballot draft">`) {
		t.Errorf("the ballot's choice is not posted:\n%s", body)
	}
	if _, body, _ = anna.get("/a/coop/delegate?vote=v1&choice=against"); strings.Contains(body, "Cast your ballot") {
		t.Errorf("a choice in the page's address is shown for confirmation")
	}
	body = anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"against"}})
	if !strings.Contains(body, "Cast your ballot: <strong>AGAINST</strong>?") || !strings.Contains(body, "Change") {
		t.Fatalf("no confirmation step:\n%s", body)
	}
	if read(h, func(s *assembly.State) int { return len(s.Votes["v1"].Ballots) }) != 0 {
		t.Fatal("choosing cast the ballot before the confirmation")
	}
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"against"}})
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after the ballot the page goes to %q, want the receipt", loc)
	}
	status, body, _ := anna.get(loc)
	if status != 200 {
		t.Fatalf("receipt: %d", status)
	}
	a, _ := h.eng.Assembly(asm)
	var idx int64
	a.Read(func(s *assembly.State) { idx = int64(s.Events - 1) })
	raw, err := a.Log().Raw(context.Background(), idx, idx+1)
	if err != nil {
		t.Fatal(err)
	}
	body = html.UnescapeString(body)
	for _, w := range []string{tlog.RecordHash(raw[0]).String(), "AGAINST", "plenum.localhost/", "Adopt the budget"} {
		if !strings.Contains(body, w) {
			t.Errorf("the receipt does not show %q:\n%s", w, body)
		}
	}
	// The proof the receipt points to leads from the same leaf hash.
	_, proof, _ := anna.get(fmt.Sprintf("/api/assemblies/coop/proof/%d", idx))
	var pv struct {
		LeafHash string `json:"leaf_hash"`
	}
	if err := json.Unmarshal([]byte(proof), &pv); err != nil || pv.LeafHash != tlog.RecordHash(raw[0]).String() {
		t.Errorf("the API's proof of entry %d has the leaf hash %q (%v), the receipt %s", idx, pv.LeafHash, err, tlog.RecordHash(raw[0]))
	}
	// The receipt file is a C2SP tlog-proof that plenum verify --receipt
	// checks: entry idx, anna's ballot, at the current checkpoint.
	status, file, hdr := anna.get(loc + "&download=1")
	if status != 200 || hdr.Get("Content-Type") != "application/tlog-proof" || hdr.Get("Content-Disposition") != fmt.Sprintf(`attachment; filename="receipt-v1-%d.tlog-proof"`, idx) {
		t.Fatalf("receipt file: %d %v", status, hdr)
	}
	rc, err := tlogproof.VerifyReceipt([]byte(file), h.verifiers, nil)
	if err != nil {
		t.Fatalf("the receipt file does not verify: %v\n%s", err, file)
	}
	if rc.Index != idx || !bytes.Equal(rc.Entry, raw[0]) || !strings.Contains(string(rc.Entry), `"voter":"anna"`) {
		t.Errorf("the receipt file is of entry %d: %s", rc.Index, rc.Entry)
	}
	if _, err := tlogproof.VerifyReceipt(bytes.Replace([]byte(file), []byte(fmt.Sprintf("index %d\n", idx)), []byte(fmt.Sprintf("index %d\n", idx-1)), 1), h.verifiers, nil); err == nil {
		t.Error("an altered receipt file verifies")
	}
	if status, _, _ := h.browser("boris").get(loc); status != http.StatusNotFound {
		t.Errorf("another delegate sees anna's receipt: %d", status)
	}
	_, body, _ = anna.get("/a/coop/delegate")
	if !strings.Contains(body, "You have voted in this vote") {
		t.Error("the delegate page does not say the delegate has voted")
	}
	// A second ballot is refused by the rules, and the page says so.
	anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	_, body, _ = anna.get("/a/coop/delegate")
	if !strings.Contains(body, "already voted") {
		t.Errorf("a second ballot is not refused on the page:\n%s", body)
	}
}

func TestProjectorShowsTheResultAsBars(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for i, p := range delegates {
		choice := "for"
		if i == 2 {
			choice = "against"
		}
		h.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choice})
	}
	_, body, _ := h.browser("").get("/a/coop/projector?fragment=live")
	if !strings.Contains(body, "3 of 3 have voted") {
		t.Errorf("the projector does not count the ballots:\n%s", body)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	_, body, _ = h.browser("").get("/a/coop/projector?fragment=live")
	for _, w := range []string{"CARRIED", `bar bar-for w-67`, `bar bar-against w-33`, "2 for, 1 against"} {
		if !strings.Contains(body, w) {
			t.Errorf("the projector's result does not show %q:\n%s", w, body)
		}
	}
	if strings.Contains(body, "<html") {
		t.Error("the fragment is a whole page")
	}
}

// TestPagesListenToTheAPIStream: the pages' script listens to the JSON
// API's event stream (one live stream for the API and the pages), asking
// for an event's index and type alone (brief=1) even where the person
// may read the whole event: the script reads only the type, and a
// vote's opening names every mandate entitled, which ten thousand
// phones need not each download.
func TestPagesListenToTheAPIStream(t *testing.T) {
	h := newHall(t)
	for _, c := range []struct{ who, page string }{{"anna", "delegate"}, {"chair", "chair"}, {"", "projector"}} {
		_, body, _ := h.browser(c.who).get("/a/coop/" + c.page)
		if !strings.Contains(body, `data-live-url="/api/assemblies/coop/events?plain=1&amp;brief=1"`) {
			t.Errorf("the %s page does not listen to the API's stream", c.page)
		}
	}
	if status, _, _ := h.browser("").get("/a/coop/live"); status != http.StatusNotFound {
		t.Errorf("the pages' own stream still answers: %d", status)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Anna may read the record: the stream would give her whole events.
	req, _ := http.NewRequestWithContext(ctx, "GET", h.srv.URL+"/api/assemblies/coop/events?plain=1&brief=1", nil)
	resp, err := h.browser("anna").c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	if line, _ := r.ReadString('\n'); line != "retry: 2000\n" {
		t.Fatalf("first line %q", line)
	}
	res := h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	want := []string{"", "id: " + itoa(res.First()), fmt.Sprintf(`data: {"index":%d,"type":"floor_requested"}`, res.First())}
	for _, w := range want {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimRight(line, "\n") != w {
			t.Fatalf("stream line %q, want %q", line, w)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestMinutesAreRenderedAtTheLatestCheckpoint(t *testing.T) {
	h := newHall(t)
	public := h.browser("")
	size := func() int64 {
		a, _ := h.eng.Assembly(asm)
		return a.Log().Size()
	}
	status, body, hdr := public.get("/a/coop/minutes/html")
	if status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
		t.Fatalf("minutes: %d %s", status, hdr.Get("Content-Type"))
	}
	for _, w := range []string{"Spring general meeting", "First sitting", "Adopt the budget", fmt.Sprintf("%d", size())} {
		if !strings.Contains(body, w) {
			t.Errorf("the minutes do not say %q", w)
		}
	}
	if !strings.Contains(hdr.Get("Content-Security-Policy"), "frame-ancestors 'self'") {
		t.Error("the minutes cannot be framed by the record page")
	}
	// A new entry renders them again, at the new size.
	h.must("sec", "record_narrative", obj{"text": "The chair thanks the tellers."})
	_, body, _ = public.get("/a/coop/minutes/html")
	if !strings.Contains(body, "The chair thanks the tellers.") || !strings.Contains(body, fmt.Sprintf("\n%d\n", size())) {
		t.Errorf("the minutes were not rendered again at size %d", size())
	}
	status, md, hdr := public.get("/a/coop/minutes/md")
	if status != 200 || !strings.Contains(md, "The chair thanks the tellers.") || !strings.Contains(hdr.Get("Content-Disposition"), "coop-minutes-") {
		t.Errorf("markdown minutes: %d %q", status, hdr.Get("Content-Disposition"))
	}
	if status, _, _ := public.get("/a/coop/minutes/docx"); status != http.StatusNotFound {
		t.Errorf("an unknown format: %d", status)
	}
}

// TestDemoPages renders every page over the March 1917 conference, plenum's
// demo: a restored record with five sittings, the last one left open.
func TestDemoPages(t *testing.T) {
	if testing.Short() {
		t.Skip("replays the whole demo")
	}
	h := newDemoHall(t, "restorer", "nogin", "boki", "daineko")
	base := "/a/" + h.asm + "/"
	cases := []struct {
		person, page string
		want         []string
	}{
		{"nogin", "chair", []string{"The floor", "Nogin"}},
		{"nogin", "chair/agenda", []string{"Order of the day"}},
		{"restorer", "mandates", []string{"Verified"}},
		{"boki", "secretary", []string{"The record as it is written"}},
		{"daineko", "delegate", []string{"Daineko"}},
		{"", "projector", nil},
		{"", "record", []string{"How to check this record"}},
		{"", "minutes/html", []string{"Nogin", "Checkpoint"}},
		{"", "minutes/pdf", nil},
	}
	for _, c := range cases {
		status, body, _ := h.browser(c.person).get(base + c.page)
		if status != 200 {
			t.Errorf("%s %s: %d\n%s", c.person, c.page, status, body)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s %s: the page does not say %q", c.person, c.page, w)
			}
		}
	}
}

func TestChairPutsCompetingDraftsToTheVote(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "m2", "kind": "substantive", "title": "The members' draft", "item": "i1"})
	h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m2"}})
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair")
	if !strings.Contains(body, "Which draft is taken as the basis:</span> <strong>The budget drafts</strong>") {
		t.Fatalf("the chair is not offered the vote on the drafts:\n%s", body)
	}
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:alternatives": {"g1"}, "a:method": {"show_of_hands"}})
	chair.act("chair", "close_vote", url.Values{"a:vote": {"v1"}})
	_, body, _ = chair.get("/a/coop/chair")
	if !strings.Contains(body, `name="a:alternatives.m2:count"`) {
		t.Fatalf("the count form has no field per draft:\n%s", body)
	}
	chair.act("chair", "enter_count", url.Values{"a:vote": {"v1"}, "a:alternatives.m1:count": {"12"}, "a:alternatives.m2:count": {"rest"}})
	chair.act("chair", "declare_result", url.Values{"a:vote": {"v1"}, "a:outcome": {"m2"}})
	chosen := read(h, func(s *assembly.State) string { return s.Alternatives["g1"].Chosen })
	if chosen != "m2" {
		_, body, _ = chair.get("/a/coop/chair")
		t.Fatalf("the basis chosen is %q, want m2; the page says:\n%s", chosen, body)
	}
}
