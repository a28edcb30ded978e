package httpapi

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/auth"
	"plenum/ledger"
	"plenum/tlogproof"
)

// sse is one open event stream.
type sse struct {
	res *http.Response
	sc  *bufio.Scanner
}

type sseEvent struct {
	id, typ, data string
	comment       bool
}

func (w *world) stream(c *client, query string, hdr ...string) *sse {
	w.t.Helper()
	req, _ := http.NewRequest("GET", w.srv.URL+"/api/assemblies/coop/events"+query, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if c.token != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: c.token})
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
		w.t.Fatalf("events: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	w.t.Cleanup(func() { res.Body.Close() })
	return &sse{res: res, sc: bufio.NewScanner(res.Body)}
}

// next reads the next event or comment block.
func (s *sse) next(t *testing.T) sseEvent {
	t.Helper()
	var ev sseEvent
	got := false
	for s.sc.Scan() {
		line := s.sc.Text()
		switch {
		case line == "":
			if got {
				return ev
			}
		case strings.HasPrefix(line, ":"):
			ev.comment, got = true, true
		case strings.HasPrefix(line, "id: "):
			ev.id, got = line[4:], true
		case strings.HasPrefix(line, "event: "):
			ev.typ, got = line[7:], true
		case strings.HasPrefix(line, "data: "):
			ev.data, got = line[6:], true
		case strings.HasPrefix(line, "retry: "):
		}
	}
	t.Fatalf("the stream ended: %v", s.sc.Err())
	return ev
}

// event reads the next event, skipping keep-alive comments.
func (s *sse) event(t *testing.T) sseEvent {
	t.Helper()
	for {
		if ev := s.next(t); !ev.comment {
			return ev
		}
	}
}

func TestEventsResume(t *testing.T) {
	w := newWorld(t, 3)
	a, _ := w.eng.Assembly("coop")
	n0 := a.Feed().Next()
	d1 := w.as("d1")
	s := w.stream(d1, "")
	r := d1.cmd("request_floor", `{"item":"i1","person":"d1"}`)
	if r.status != 201 {
		t.Fatal(r.status, string(r.body))
	}
	ev := s.event(t)
	if ev.id != strconv.FormatInt(n0, 10) || ev.typ != "floor_requested" {
		t.Fatalf("first event %+v, want id %d floor_requested", ev, n0)
	}
	var data struct {
		Index int64           `json:"index"`
		Type  string          `json:"type"`
		Actor string          `json:"actor"`
		Event json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal([]byte(ev.data), &data); err != nil || data.Index != n0 || data.Actor != "d1" || !strings.Contains(string(data.Event), `"person":"d1"`) {
		t.Fatalf("data %s: %v", ev.data, err)
	}
	s.res.Body.Close() // the phone loses its connection

	// Three things happen while it is away.
	w.as("d2").cmd("request_floor", `{"item":"i1","person":"d2"}`)
	w.as("d1").cmd("cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`)
	w.as("ann").cmd("give_floor", `{"item":"i1"}`)
	want := []string{"floor_requested", "ballot_cast", "floor_given"}

	// It reconnects with its last event id and gets exactly what it missed.
	s = w.stream(d1, "", "Last-Event-ID", ev.id)
	for i, typ := range want {
		ev := s.event(t)
		if ev.id != strconv.FormatInt(n0+1+int64(i), 10) || ev.typ != typ {
			t.Fatalf("missed event %d: %+v, want id %d %s", i, ev, n0+1+int64(i), typ)
		}
	}
	// Then nothing but keep-alives until something happens.
	if ev := s.next(t); !ev.comment {
		t.Fatalf("an extra event after the missed ones: %+v", ev)
	}
	// ?after= works as Last-Event-ID; the public sees index and type only;
	// plain=1 leaves out the event name.
	p := w.stream(w.public(), fmt.Sprintf("?after=%d&plain=1", n0))
	ev = p.event(t)
	if ev.id != strconv.FormatInt(n0+1, 10) || ev.typ != "" || ev.data != fmt.Sprintf(`{"index":%d,"type":"floor_requested"}`, n0+1) {
		t.Fatalf("public event %+v", ev)
	}
	// ?after=-1 replays the whole log from entry 0.
	all := w.stream(d1, "?after=-1")
	if ev := all.event(t); ev.id != "0" || ev.typ != "assembly_created" {
		t.Fatalf("first entry %+v", ev)
	}
}

func TestQueries(t *testing.T) {
	w := newWorld(t, 3)
	ann, cara, d1, con, pub := w.as("ann"), w.as("cara"), w.as("d1"), w.as("con"), w.public()
	// Some history: a secret vote with a ballot, a request for the floor.
	for _, c := range []struct {
		who       *client
		cmd, args string
	}{
		{d1, "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{ann, "close_vote", `{"vote":"v1"}`},
		{ann, "declare_result", `{"vote":"v1"}`},
		{d1, "move_motion", `{"id":"mo2","kind":"procedural","procedure":"close_discussion","title":"Close the discussion","item":"i1","mover":"d1"}`},
		{ann, "open_vote", `{"id":"v2","motion":"mo2","method":"secret"}`},
		{w.as("d2"), "cast_ballot", `{"vote":"v2","voter":"d2","choice":"against"}`},
		{w.as("d3"), "request_floor", `{"item":"i1","person":"d3"}`},
		{con, "request_floor", `{"item":"i1","person":"con"}`},
		{w.admin, "submit_mandate", `{"id":"md-nob","person":"nob","organization":"org","kind":"decisive"}`},
	} {
		if r := c.who.cmd(c.cmd, c.args); r.status != 201 {
			t.Fatalf("%s %s: %d %s", c.cmd, c.args, r.status, r.body)
		}
	}
	const base = "/api/assemblies/coop"
	// Who may read what.
	for _, tc := range []struct {
		path         string
		public       bool
		participants bool
	}{
		{"/api/assemblies", true, true},
		{"/api/openapi.json", true, true},
		{"/api/session", true, true},
		{base, true, true},
		{base + "/sittings", true, true},
		{base + "/votes", true, true},
		{base + "/votes/v1", true, true},
		{base + "/record", true, true},
		{base + "/checkpoint", true, true},
		{base + "/proof/0", true, true},
		{base + "/me", false, true},
		{base + "/persons", false, true},
		{base + "/organizations", false, true},
		{base + "/mandates", false, true},
		{base + "/items", false, true},
		{base + "/items/i1/speakers", false, true},
		{base + "/motions", false, true},
		{base + "/elections", false, true},
	} {
		wantPub := 401
		if tc.public {
			wantPub = 200
		}
		if r := pub.get(tc.path); r.status != wantPub {
			t.Errorf("public GET %s: %d, want %d", tc.path, r.status, wantPub)
		}
		if r := d1.get(tc.path); r.status != 200 {
			t.Errorf("delegate GET %s: %d %s", tc.path, r.status, r.body)
		}
	}

	// me: roles and ballots.
	var me struct {
		Identity
		Ballots []MyBallot `json:"ballots"`
	}
	d1.get(base+"/me").decode(t, &me)
	if me.Person != "d1" || !slices.Equal(me.Roles, []string{"delegate"}) || me.Vote != "decisive" || me.Mandate == nil || len(me.Ballots) != 1 || me.Ballots[0].Choice != "for" {
		t.Fatalf("me %+v", me)
	}
	if me.Mandate.Weight != 1 || len(me.Mandates) == 0 || me.Mandates[0].Weight != 1 {
		t.Fatalf("me: a mandate of one vote has weight %d in the API, want 1", me.Mandate.Weight)
	}
	var cme Identity
	con.get(base+"/me").decode(t, &cme)
	if cme.Vote != "consultative" {
		t.Fatalf("consultative me %+v", cme)
	}
	var ame Identity
	ann.get(base+"/me").decode(t, &ame)
	if !ame.Has("chair") {
		t.Fatalf("chair me %+v", ame)
	}
	var adm Identity
	w.admin.get(base+"/me").decode(t, &adm)
	if !adm.ServerAdmin || !adm.Has("administrator") {
		t.Fatalf("the server administrator in the assembly it created: %+v", adm)
	}
	var pv AssemblyView
	pub.get(base).decode(t, &pv)
	if pv.Assembly.Name != "Riverside Cooperative" || !slices.Equal(pv.You.Roles, []string{"public"}) || pv.OpenSitting != "s1" {
		t.Fatalf("assembly for the public %+v", pv)
	}

	// Mandates: the commission sees the submitted one, a delegate does not.
	var all, verified []assembly.Mandate
	cara.get(base+"/mandates").decode(t, &all)
	d1.get(base+"/mandates").decode(t, &verified)
	if len(all) != len(verified)+1 {
		t.Fatalf("commission sees %d mandates, delegate %d", len(all), len(verified))
	}
	for _, m := range verified {
		if m.Status != "verified" {
			t.Fatalf("delegate sees %+v", m)
		}
		// A mandate submitted without a weight carries one vote: the API
		// says 1, not the 0 the state keeps.
		if m.Weight != 1 {
			t.Fatalf("mandate %s has weight %d in the API, want 1", m.ID, m.Weight)
		}
	}

	// Speakers' list in order; motions pending; items.
	var sp SpeakersView
	d1.get(base+"/items/i1/speakers").decode(t, &sp)
	if len(sp.Waiting) != 2 || sp.Waiting[0].Person != "d3" || sp.Waiting[1].Person != "con" {
		t.Fatalf("speakers %+v", sp)
	}
	var mv MotionsView
	d1.get(base+"/motions").decode(t, &mv)
	if len(mv.Motions) != 2 || !slices.Contains(mv.Pending, "mo2") {
		t.Fatalf("motions %+v", mv)
	}
	var items []ItemView
	d1.get(base+"/items").decode(t, &items)
	if len(items) != 1 || items[0].ID != "i1" {
		t.Fatalf("items %+v", items)
	}

	// Votes: the result with arithmetic; a secret ballot without choice.
	var votes []VoteView
	pub.get(base+"/votes").decode(t, &votes)
	if len(votes) != 2 || votes[0].Result == nil || votes[0].Result.Arithmetic == "" || votes[0].Ballots != nil {
		t.Fatalf("votes %s", pub.get(base+"/votes").body)
	}
	var v2 VoteView
	d1.get(base+"/votes/v2").decode(t, &v2)
	if len(v2.Ballots) != 1 || v2.Ballots[0].Choice != "" || v2.Ballots[0].Voter != "d2" {
		t.Fatalf("secret vote %+v", v2)
	}
	if r := d1.get(base + "/votes/v2"); strings.Contains(string(r.body), "against") {
		t.Fatalf("a secret ballot's choice is shown: %s", r.body)
	}
	var pv2 VoteView
	pub.get(base+"/votes/v1").decode(t, &pv2)
	if pv2.Ballots != nil {
		t.Fatal("the public sees ballots")
	}

	// The record pages.
	var rec []assembly.RecordEntry
	pub.get(base+"/record?limit=2").decode(t, &rec)
	if len(rec) != 2 {
		t.Fatalf("record %+v", rec)
	}
	var rest []assembly.RecordEntry
	pub.get(base+fmt.Sprintf("/record?after=%d", rec[1].Entry)).decode(t, &rest)
	if len(rest) == 0 || rest[0].Entry <= rec[1].Entry {
		t.Fatalf("record after %d: %+v", rec[1].Entry, rest)
	}
	var list []AssemblySummary
	pub.get("/api/assemblies").decode(t, &list)
	if len(list) != 1 || list[0].ID != "coop" {
		t.Fatalf("assemblies %+v", list)
	}
	if r := pub.get(base + "/checkpoint"); !strings.HasPrefix(string(r.body), "plenum.localhost/") {
		t.Fatalf("checkpoint %s", r.body)
	}
}

func TestReceiptAndProof(t *testing.T) {
	w := newWorld(t, 2)
	r := w.as("d1").cmd("cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`)
	var cr CommandResponse
	r.decode(t, &cr)
	if cr.Receipt == nil || cr.Receipt.Index != cr.Events[0].Index {
		t.Fatalf("receipt %s", r.body)
	}
	w.as("d2").cmd("cast_ballot", `{"vote":"v1","voter":"d2","choice":"for"}`) // the log grows
	var pv ProofView
	w.as("d1").get(cr.Receipt.Proof).decode(t, &pv)
	if pv.LeafHash != cr.Receipt.LeafHash || pv.TreeSize <= cr.Receipt.Index {
		t.Fatalf("proof %+v, receipt %+v", pv, cr.Receipt)
	}
	// Check it as a voter would: the checkpoint's signature, then the proof.
	n, err := note.Open([]byte(pv.Checkpoint), w.verifiers)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ledger.ParseCheckpoint([]byte(n.Text))
	if err != nil {
		t.Fatal(err)
	}
	entry, _ := base64.StdEncoding.DecodeString(pv.Entry)
	leaf := tlog.RecordHash(entry)
	if base64.StdEncoding.EncodeToString(leaf[:]) != pv.LeafHash {
		t.Fatal("the entry does not hash to the leaf hash")
	}
	var proof tlog.RecordProof
	for _, p := range pv.Proof {
		var h tlog.Hash
		b, _ := base64.StdEncoding.DecodeString(p)
		copy(h[:], b)
		proof = append(proof, h)
	}
	if err := tlog.CheckRecord(proof, c.Size, c.Hash, pv.Index, leaf); err != nil {
		t.Fatalf("inclusion proof: %v", err)
	}
	rc, err := tlogproof.VerifyReceipt([]byte(pv.Receipt), w.verifiers, nil)
	if err != nil || rc.Index != pv.Index || rc.LeafHash != leaf {
		t.Fatalf("the tlog-proof receipt: %+v %v", rc, err)
	}
	// A forged leaf fails.
	leaf[0] ^= 1
	if tlog.CheckRecord(proof, c.Size, c.Hash, pv.Index, leaf) == nil {
		t.Fatal("a forged leaf passes")
	}
	// The public gets the proof but not the entry's bytes.
	var pub ProofView
	w.public().get(cr.Receipt.Proof).decode(t, &pub)
	if pub.Entry != "" || pub.Receipt != "" || pub.LeafHash != pv.LeafHash {
		t.Fatalf("public proof %+v", pub)
	}
}

func TestAccessCodesAndLogin(t *testing.T) {
	w := newWorld(t, 2)
	cara := w.as("cara")
	const base = "/api/assemblies/coop"
	r := cara.mustStatus(201, "POST", base+"/access-codes", `{"persons":["d1","con"]}`)
	var issued struct {
		Codes []IssuedCode `json:"codes"`
	}
	r.decode(t, &issued)
	// The cards come in print order: by organization, then by name.
	if len(issued.Codes) == 2 && issued.Codes[0].Person == "con" {
		issued.Codes[0], issued.Codes[1] = issued.Codes[1], issued.Codes[0]
	}
	if len(issued.Codes) != 2 || issued.Codes[0].Person != "d1" || issued.Codes[0].Mandate != "decisive" || issued.Codes[0].Organization != "Riverside" ||
		!strings.HasPrefix(issued.Codes[0].Link, w.srv.URL+"/login?code=") || len(strings.ReplaceAll(issued.Codes[0].Code, "-", "")) != 16 {
		t.Fatalf("codes %s", r.body)
	}
	// Log in with the card's link and act.
	res, err := noRedirect.Get(issued.Codes[0].Link)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var d1 *client
	for _, c := range res.Cookies() {
		if c.Name == auth.CookieName && c.HttpOnly && c.SameSite == http.SameSiteLaxMode {
			d1 = &client{w: w, token: c.Value}
		}
	}
	if res.StatusCode != http.StatusSeeOther || d1 == nil {
		t.Fatalf("login link: %d %v", res.StatusCode, res.Cookies())
	}
	var me Identity
	d1.get(base+"/me").decode(t, &me)
	if me.Person != "d1" || !me.Has("delegate") {
		t.Fatalf("me after login %+v", me)
	}
	// JSON login with the code typed.
	r = w.public().do("POST", "/login", jsonBody(map[string]string{"code": strings.ToLower(issued.Codes[1].Code)}))
	if r.status != 200 || !strings.Contains(string(r.body), `"person":"con"`) {
		t.Fatalf("JSON login: %d %s", r.status, r.body)
	}

	// Who may issue: not a delegate; unknown persons are named.
	if r := d1.do("POST", base+"/access-codes", `{"persons":["d2"]}`); r.status != 403 {
		t.Fatalf("delegate issuing codes: %d %s", r.status, r.body)
	}
	if r := cara.do("POST", base+"/access-codes", `{"persons":["ghost"]}`); r.status != 404 || !strings.Contains(r.problem().Detail, "ghost") {
		t.Fatalf("unknown person: %d %s", r.status, r.body)
	}
	if r := w.public().do("POST", base+"/access-codes", `{}`); r.status != 401 {
		t.Fatalf("public issuing codes: %d", r.status)
	}

	// The server administrator prints cards for anyone, officers too:
	// a PDF, and new codes (the old one stops working, and so does the
	// session made with it).
	r = w.admin.do("POST", base+"/mandate-cards.pdf", `{"persons":["d1","d2","con","gus","ann","cara","nob","d1"]}`)
	if r.status != 201 || r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(r.body), "%PDF-") || len(r.body) < 2000 {
		t.Fatalf("mandate cards: %d %s %d bytes", r.status, r.header.Get("Content-Type"), len(r.body))
	}
	r = w.public().do("POST", "/login", jsonBody(map[string]string{"code": issued.Codes[0].Code}))
	if r.status != 401 {
		t.Fatalf("login with a replaced code: %d %s", r.status, r.body)
	}
	if r := d1.do("GET", base+"/me", ""); r.status != 401 {
		t.Fatalf("the session of a replaced code still acts as d1: %d %s", r.status, r.body)
	}
	// The re-issue ended cara's session too: she logs in anew. A form post
	// from the pages works (same-site Origin, no header): no persons named
	// is everyone with a verified mandate (whose codes another officer,
	// the server administrator, revoked first: one officer alone may not
	// replace a code).
	cara.mustStatus(401, "GET", base+"/me", "")
	cara = w.as("cara")
	w.admin.mustStatus(204, "POST", base+"/access-codes/revoke", `{"persons":["d1","d2","con","gus"],"reason":"new cards"}`)
	r = cara.do("POST", base+"/access-codes", "", "Content-Type", "application/x-www-form-urlencoded", "X-Plenum", "", "Origin", w.srv.URL)
	var all struct {
		Codes []IssuedCode `json:"codes"`
	}
	r.decode(t, &all)
	if r.status != 201 || len(all.Codes) != 4 {
		t.Fatalf("codes for everyone by form: %d %s", r.status, r.body)
	}
	// The record holds every issue, with who and for whom, never a code.
	var rec []byte
	for _, e := range w.recordEntries(t) {
		if e.Type == "access_codes_issued" {
			rec = append(rec, e.Payload...)
			rec = append(rec, '\n')
		}
	}
	if n := strings.Count(string(rec), "\n"); n != 3 || !strings.Contains(string(rec), `"actor":"cara"`) || !strings.Contains(string(rec), `"actor":"admin"`) {
		t.Fatalf("access_codes_issued entries:\n%s", rec)
	}
	for _, c := range all.Codes {
		if strings.Contains(string(rec), c.Code) || strings.Contains(string(rec), strings.ReplaceAll(c.Code, "-", "")) {
			t.Fatalf("a code is in the record")
		}
	}

	// Wrong codes are limited (30 a minute by default): the 31st gets
	// 429 (a little later if the bucket refilled while the test ran).
	var last response
	wrong := 0
	for ; wrong < 40; wrong++ {
		if last = w.public().do("POST", "/login", `{"code":"AAAA-BBBB-CCCC-DDDD"}`); last.status != 401 {
			break
		}
	}
	if last.status != 429 || last.header.Get("Retry-After") == "" || wrong < 25 { // one wrong code was tried above
		t.Fatalf("login flood: %d wrong codes answered 401, then %d %s", wrong, last.status, last.body)
	}
	// …and a correct code still logs in.
	if r := w.public().do("POST", "/login", jsonBody(map[string]string{"code": all.Codes[0].Code})); r.status != 200 {
		t.Fatalf("a correct code after the flood: %d %s", r.status, r.body)
	}
}

// TestCommandTable keeps commands_table.go in step with the domain.
func TestCommandTable(t *testing.T) {
	have := map[string]bool{}
	for _, c := range commandDocs {
		if have[c.Name] {
			t.Errorf("%s is described twice", c.Name)
		}
		have[c.Name] = true
	}
	for _, c := range assembly.CommandNames() {
		if !have[c] {
			t.Errorf("commands_table.go lacks %s", c)
		}
		delete(have, c)
	}
	for c := range have {
		t.Errorf("commands_table.go describes %s, which assembly does not know", c)
	}
}

// flushOnly hides Hijack (as a logging middleware or HTTP/2 would).
type flushOnly struct{ w http.ResponseWriter }

func (f flushOnly) Header() http.Header         { return f.w.Header() }
func (f flushOnly) Write(b []byte) (int, error) { return f.w.Write(b) }
func (f flushOnly) WriteHeader(code int)        { f.w.WriteHeader(code) }
func (f flushOnly) Flush()                      { f.w.(http.Flusher).Flush() }

func TestEventsWithoutHijack(t *testing.T) {
	w := newWorld(t, 1)
	w.srv.Config.Handler = http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.api.ServeHTTP(flushOnly{rw}, r)
	})
	s := w.stream(w.as("d1"), "?after=-1")
	if ev := s.event(t); ev.id != "0" || ev.typ != "assembly_created" {
		t.Fatalf("first event %+v", ev)
	}
	a, _ := w.eng.Assembly("coop")
	last := a.Feed().Next() - 1
	for {
		ev := s.event(t)
		if ev.id == strconv.FormatInt(last, 10) {
			break
		}
	}
	w.as("d1").cmd("request_floor", `{"item":"i1","person":"d1"}`)
	if ev := s.event(t); ev.id != strconv.FormatInt(last+1, 10) || ev.typ != "floor_requested" {
		t.Fatalf("live event %+v", ev)
	}
	if ev := s.next(t); !ev.comment {
		t.Fatalf("no keep-alive: %+v", ev)
	}
}
