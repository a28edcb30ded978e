package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"plenum/assembly"
	"plenum/auth"
)

// logSize is the number of entries in coop's log.
func (w *world) logSize() int64 {
	a, _ := w.eng.Assembly("coop")
	return a.Log().Size()
}

// refused sends each body to coop's commands as c, with a fresh key and
// hdr, wants the status given with it and a problem, and that the log
// did not grow.
func (w *world) refused(t *testing.T, c *client, cases []refusedCase) {
	t.Helper()
	before := w.logSize()
	for _, rc := range cases {
		r := c.do("POST", "/api/assemblies/coop/commands", rc.body, append([]string{"Idempotency-Key", w.key()}, rc.hdr...)...)
		if r.status != rc.status || r.header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %.300s, want %d", rc.name, r.status, r.body, rc.status)
		}
	}
	if n := w.logSize(); n != before {
		t.Fatalf("the log grew from %d to %d", before, n)
	}
}

type refusedCase struct {
	name, body string
	hdr        []string
	status     int
}

// openSecretVote closes coop's roll call v1 and has the chair (as c)
// move mo2 and open the secret vote v2 on it.
func (w *world) openSecretVote(c *client) {
	w.t.Helper()
	for _, cmd := range []string{
		`{"cmd":"close_vote","args":{"vote":"v1"}}`,
		`{"cmd":"move_motion","args":{"id":"mo2","kind":"procedural","procedure":"close_discussion","title":"Close","item":"i1","mover":"ann"}}`,
		`{"cmd":"open_vote","args":{"id":"v2","motion":"mo2","method":"secret"}}`,
	} {
		c.mustStatus(201, "POST", "/api/assemblies/coop/commands", cmd, "Idempotency-Key", w.key())
	}
}

// TestActingAsAnother: every command that names a person, given by
// someone who is not that person and not an officer allowed to give it
// on their behalf (docs/api.md's table of who may give what): a
// delegate for another delegate, a secretary, the mandate commission or
// the chair for a delegate's ballot or nomination. Each is refused 403
// by the rules and records nothing. (The chair and a secretary may record
// a delegate's seconding, second_motion with by: the minutes say who
// seconded in the hall.)
func TestActingAsAnother(t *testing.T) {
	w := newWorld(t, 3)
	// A secretary, an election with d2 and d3 as candidates, and d2's
	// request for the floor, for the attempts below.
	w.admin.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"add_person","args":{"id":"sec","name":"Sec Retary"}}`, "Idempotency-Key", w.key())
	w.admin.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"grant_role","args":{"person":"sec","role":"secretary"}}`, "Idempotency-Key", w.key())
	if r := w.as("ann").cmd("open_election", `{"id":"e1","title":"The auditors","seats":1,"method":"plurality","candidates":["d2","d3"]}`); r.status != 201 {
		t.Fatalf("open_election: %d %s", r.status, r.body)
	}
	if r := w.as("d2").cmd("request_floor", `{"item":"i1","person":"d2"}`); r.status != 201 {
		t.Fatalf("request_floor: %d %s", r.status, r.body)
	}
	for _, c := range []struct{ who, cmd, args string }{
		{"d1", "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for","for_mandate":"md-d2"}`},
		{"d1", "request_floor", `{"item":"i1","person":"d2"}`},
		{"d1", "withdraw_request", `{"item":"i1","person":"d2"}`},
		{"d1", "check_out", `{"person":"d2"}`},
		{"d1", "leave_hall", `{"persons":["d2"]}`},
		{"d1", "move_motion", `{"id":"mo9","kind":"substantive","title":"T","item":"i1","mover":"d2"}`},
		{"d1", "second_motion", `{"motion":"mo1","by":"d2"}`},
		{"d1", "withdraw_motion", `{"motion":"mo1"}`},
		{"d1", "nominate", `{"election":"e1","person":"d2"}`},
		{"d1", "cast_election_ballot", `{"election":"e1","voter":"d2","approve":["d3"]}`},
		{"d1", "record_speech", `{"id":"sp9","item":"i1","speaker":"d2","notes":"I withdraw."}`},
		{"sec", "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{"sec", "cast_election_ballot", `{"election":"e1","voter":"d1","approve":["d2"]}`},
		{"sec", "withdraw_request", `{"item":"i1","person":"d2"}`},
		{"sec", "nominate", `{"election":"e1","person":"d1"}`},
		{"cara", "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{"cara", "request_floor", `{"item":"i1","person":"d1"}`},
		{"cara", "leave_hall", `{"persons":["d1"]}`},
		{"cara", "cast_election_ballot", `{"election":"e1","voter":"d1","approve":["d2"]}`},
		{"ann", "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{"ann", "cast_election_ballot", `{"election":"e1","voter":"d1","approve":["d2"]}`},
		{"admin", "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{"admin", "cast_election_ballot", `{"election":"e1","voter":"d1","approve":["d2"]}`},
	} {
		who := w.admin
		if c.who != "admin" {
			who = w.as(c.who)
		}
		before := w.logSize()
		r := who.cmd(c.cmd, c.args)
		if r.status != 403 || r.problem().Code != "forbidden" {
			t.Errorf("%s: %s %s: %d %s, want 403", c.who, c.cmd, c.args, r.status, r.body)
		}
		if n := w.logSize(); n != before {
			t.Errorf("%s: %s: the log grew from %d to %d", c.who, c.cmd, before, n)
		}
	}
}

// TestOfficerOfAnotherAssembly: the chair of another assembly, logged in
// there under the same person id as coop's chair ("ann"), is nobody in
// coop: every route that acts, issues codes, gives a receipt or shows a
// participant's view refuses it 403, the public views show it what they
// show the public (no ballots, no entry bytes, no event payloads), and
// coop's record does not grow.
func TestOfficerOfAnotherAssembly(t *testing.T) {
	w := newWorld(t, 2)
	w.admin.mustStatus(201, "POST", "/api/assemblies", `{"args":{"id":"other","name":"Other Union","starts":"2026-05-09","rules":"congress"}}`, "Idempotency-Key", w.key())
	for _, c := range []string{
		`{"cmd":"add_person","args":{"id":"ann","name":"Ann Other"}}`,
		`{"cmd":"grant_role","args":{"person":"ann","role":"chair"}}`,
		`{"cmd":"grant_role","args":{"person":"ann","role":"administrator"}}`,
		`{"cmd":"grant_role","args":{"person":"ann","role":"mandate_commission"}}`,
	} {
		w.admin.mustStatus(201, "POST", "/api/assemblies/other/commands", c, "Idempotency-Key", w.key())
	}
	tokens, err := w.auth.NewSessions(t.Context(), "other", []string{"ann"})
	if err != nil {
		t.Fatal(err)
	}
	foreign := &client{w: w, token: tokens[0]}
	w.as("d1").cmd("cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`)
	a, _ := w.eng.Assembly("coop")
	before := a.Log().Size()
	const base = "/api/assemblies/coop"
	for _, c := range []struct{ method, path, body string }{
		{"POST", base + "/commands", `{"cmd":"close_vote","args":{"vote":"v1"},"key":"k-close"}`},
		{"POST", base + "/commands", `{"cmd":"grant_role","args":{"person":"d2","role":"chair"},"key":"k-grant"}`},
		{"POST", base + "/access-codes", `{"persons":["d2"]}`},
		{"POST", base + "/access-codes/revoke", `{"persons":["d1"]}`},
		{"POST", base + "/mandate-cards.pdf", `{"persons":["d2"]}`},
		{"POST", base + "/votes/v1/receipt", `{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAA"}`},
		{"POST", base + "/elections/e1/receipt", `{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAA"}`},
		{"GET", base + "/me", ""},
		{"GET", base + "/persons", ""},
		{"GET", base + "/organizations", ""},
		{"GET", base + "/mandates", ""},
		{"GET", base + "/items", ""},
		{"GET", base + "/items/i1/speakers", ""},
		{"GET", base + "/motions", ""},
		{"GET", base + "/elections", ""},
	} {
		r := foreign.do(c.method, c.path, c.body)
		if r.status != 403 || r.problem().Code != "forbidden" {
			t.Errorf("%s %s as the other assembly's chair: %d %s, want 403", c.method, c.path, r.status, r.body)
		}
	}
	if n := a.Log().Size(); n != before {
		t.Fatalf("coop's log grew from %d to %d", before, n)
	}
	// The public views: as the public sees them.
	var v VoteView
	foreign.mustStatus(200, "GET", base+"/votes/v1", "").decode(t, &v)
	if v.Ballots != nil {
		t.Errorf("the other assembly's chair sees coop's ballots: %+v", v.Ballots)
	}
	var av AssemblyView
	foreign.mustStatus(200, "GET", base, "").decode(t, &av)
	if len(av.You.Roles) != 1 || av.You.Roles[0] != RolePublic || av.You.Person != "" {
		t.Errorf("the other assembly's chair is %+v in coop", av.You)
	}
	var pv ProofView
	foreign.mustStatus(200, "GET", base+"/proof/0", "").decode(t, &pv)
	if pv.Entry != "" || pv.Receipt != "" {
		t.Errorf("the other assembly's chair gets coop's entry bytes: %+v", pv)
	}
	s := w.stream(foreign, "?after=-1")
	if ev := s.event(t); ev.id != "0" || ev.data != `{"index":0,"type":"assembly_created"}` {
		t.Errorf("the other assembly's chair's stream of coop: %+v", ev)
	}
	// Where coop's record is open to its participants only, nothing.
	w.admin.mustStatus(201, "POST", base+"/commands", `{"cmd":"set_record_access","args":{"access":"participants"}}`, "Idempotency-Key", w.key())
	for _, p := range []string{"", "/votes", "/votes/v1", "/record", "/sittings", "/proof/0", "/motions/mo1/excerpt", "/events"} {
		if r := foreign.get(base + p); r.status != 401 && r.status != 403 {
			t.Errorf("GET %s of a participants' record as the other assembly's chair: %d %.200s", p, r.status, r.body)
		}
	}
}

// TestAnotherActorsKey: a key is its sender's. d2 sending d1's ballot
// with d1's key does not get d1's answer (the replayed receipt, or in a
// secret vote anything of d1's ballot): it is a new command of d2's,
// which the rules refuse. A key given twice, differently, in the header
// and the body is refused; a key used for one command cannot be reused by
// its owner for another after the first was refused either way.
func TestAnotherActorsKey(t *testing.T) {
	w := newWorld(t, 2)
	const path = "/api/assemblies/coop/commands"
	d1, d2, ann := w.as("d1"), w.as("d2"), w.as("ann")
	ballot := `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"}}`
	d1.mustStatus(201, "POST", path, ballot, "Idempotency-Key", "d1-ballot")
	for _, c := range []*client{d2, ann, w.admin} {
		r := c.do("POST", path, ballot, "Idempotency-Key", "d1-ballot")
		if r.status != 403 || r.header.Get("Idempotent-Replayed") != "" {
			t.Errorf("d1's ballot and key sent by another: %d %s", r.status, r.body)
		}
	}
	// In a secret vote.
	w.openSecretVote(ann)
	secret := `{"cmd":"cast_ballot","args":{"vote":"v2","voter":"d1","choice":"against"}}`
	d1.mustStatus(201, "POST", path, secret, "Idempotency-Key", "d1-secret")
	r := d2.do("POST", path, secret, "Idempotency-Key", "d1-secret")
	if r.status != 403 || r.header.Get("Idempotent-Replayed") != "" || strings.Contains(string(r.body), "ballot_token") || strings.Contains(string(r.body), "receipt") {
		t.Errorf("d1's secret ballot and key sent by d2: %d %s", r.status, r.body)
	}
	// The header and the body each give a key, not the same.
	r = d2.do("POST", path, `{"cmd":"cast_ballot","key":"one","args":{"vote":"v2","voter":"d2","choice":"for"}}`, "Idempotency-Key", "two")
	if r.status != 422 || r.problem().Field != "key" {
		t.Errorf("two keys: %d %s", r.status, r.body)
	}
	w.state(func(s *assembly.State) {
		if n := len(s.Votes["v2"].Ballots); n != 1 {
			t.Errorf("%d ballots in v2, want d1's only", n)
		}
	})
}

// TestEnvelopeFromTheSession: who acts, when, and in which assembly are
// the server's to say: a body that names an actor, a time or an
// assembly, beside cmd, args and key or among the arguments, is refused
// and records nothing; what is recorded carries the session's person.
func TestEnvelopeFromTheSession(t *testing.T) {
	w := newWorld(t, 2)
	d1 := w.as("d1")
	before := w.logSize()
	w.refused(t, d1, []refusedCase{
		{name: "actor", body: `{"cmd":"request_floor","actor":"d2","args":{"item":"i1","person":"d2"}}`, status: 400},
		{name: "Actor", body: `{"cmd":"request_floor","Actor":"ann","args":{"item":"i1","person":"d1"}}`, status: 400},
		{name: "at", body: `{"cmd":"request_floor","at":"2020-01-01T00:00:00Z","args":{"item":"i1","person":"d1"}}`, status: 400},
		{name: "assembly", body: `{"cmd":"request_floor","assembly":"other","args":{"item":"i1","person":"d1"}}`, status: 400},
		{name: "actor in args", body: `{"cmd":"request_floor","args":{"item":"i1","person":"d1","actor":"ann"}}`, status: 422},
		{name: "actor in a ballot", body: `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for","actor":"d2"}}`, status: 422},
		{name: "at in a ballot", body: `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for","at":"2020-01-01T00:00:00Z"}}`, status: 422},
	})
	// Duplicate members: refused whichever comes first (the decoder would
	// keep the last, a reader of the body the first), nothing recorded.
	for _, body := range []string{
		`{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","voter":"d2","choice":"for"}}`,
		`{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d2","voter":"d1","choice":"for"}}`,
	} {
		r := d1.do("POST", "/api/assemblies/coop/commands", body, "Idempotency-Key", w.key())
		if r.status != 400 || r.problem().Field != "voter" {
			t.Errorf("%s: %d %s", body, r.status, r.body)
		}
	}
	if n := w.logSize(); n != before {
		t.Fatalf("the refused bodies recorded %d entries", n-before)
	}
	r := d1.do("POST", "/api/assemblies/coop/commands", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"}}`, "Idempotency-Key", w.key())
	if r.status != 201 {
		t.Fatalf("d1's ballot: %d %s", r.status, r.body)
	}
	for _, e := range w.recordEntries(t)[before:] {
		if e.Actor != "d1" {
			t.Errorf("entry %s recorded as %q", e.Type, e.Actor)
		}
	}
	w.state(func(s *assembly.State) {
		if b := s.Votes["v1"].Ballots; len(b) != 1 || b[0].Voter != "d1" {
			t.Errorf("ballots %+v", b)
		}
	})
}

// TestBodiesRefused: a command whose body is too large, nested too deep,
// or declared as something other than JSON (a Content-Type that does not
// even parse included), or that comes from a page of no site ("Origin:
// null") or of another port, is refused and records nothing.
func TestBodiesRefused(t *testing.T) {
	w := newWorld(t, 2)
	d1 := w.as("d1")
	const path = "/api/assemblies/coop/commands"
	floor := `{"cmd":"request_floor","args":{"item":"i1","person":"d1"}}`
	huge := `{"cmd":"request_floor","args":{"item":"i1","person":"d1","note":"` + strings.Repeat("x", maxBody) + `"}}`
	deep := `{"cmd":"request_floor","args":{"item":"i1","person":"d1","kind":` + strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) + `}}`
	w.refused(t, d1, []refusedCase{
		{"over 1 MiB", huge, nil, 413},
		{"nested 200,000 deep", deep, nil, 400},
		{"a type that does not parse", floor, []string{"Content-Type", "///"}, 415},
		{"JSON with something after it", floor, []string{"Content-Type", "application/json garbage"}, 415},
		{"plain text with the header", floor, []string{"Content-Type", "text/plain"}, 415},
		{"Origin null", floor, []string{"Origin", "null"}, 403},
		{"Origin of another port", floor, []string{"Origin", "http://127.0.0.1:1"}, 403},
		{"a form from another site", "cmd=request_floor", []string{"X-Plenum", "", "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example"}, 403},
	})
	// The same command, declared as JSON, is taken.
	d1.mustStatus(201, "POST", path, floor, "Idempotency-Key", w.key(), "Content-Type", "application/json; charset=utf-8")
}

// TestSecretChoiceNowhere: a secret ballot's choice is in no answer that
// names its voter: not in the ballot_cast entry as the proof, the
// certified excerpt, the record and the event stream give it, nor in the
// answer to the ballot or to its retry, which has no token either.
// (TestSecretBallot looks for the tokens; TestQueries for the choice in
// the vote's view.)
func TestSecretChoiceNowhere(t *testing.T) {
	w := newWorld(t, 2)
	ann, d1 := w.as("ann"), w.as("d1")
	w.openSecretVote(ann)
	const base = "/api/assemblies/coop"
	s := w.stream(d1, "")
	ballot := `{"cmd":"cast_ballot","args":{"vote":"v2","voter":"d1","choice":"against"}}`
	first := d1.mustStatus(201, "POST", base+"/commands", ballot, "Idempotency-Key", "secret-1")
	retry := d1.mustStatus(200, "POST", base+"/commands", ballot, "Idempotency-Key", "secret-1")
	var cr, again CommandResponse
	first.decode(t, &cr)
	retry.decode(t, &again)
	if cr.BallotToken == "" || !again.Replayed || again.BallotToken != "" {
		t.Fatalf("the token in the first answer only: %s, retried %s", first.body, retry.body)
	}
	// What names d1 beside the ballot.
	var proof ProofView
	d1.mustStatus(200, "GET", fmt.Sprintf("%s/proof/%d", base, cr.Receipt.Index), "").decode(t, &proof)
	entry, _ := base64.StdEncoding.DecodeString(proof.Entry)
	ev := s.event(t)
	answers := map[string][]byte{
		"the answer":       first.body,
		"the retry":        retry.body,
		"the entry":        entry,
		"the proof":        []byte(proof.Receipt),
		"the event stream": []byte(ev.data),
		"the record":       d1.mustStatus(200, "GET", base+"/record", "").body,
		"the excerpt":      d1.mustStatus(200, "GET", base+"/motions/mo2/excerpt", "").body,
		"d1's own view":    d1.mustStatus(200, "GET", base+"/me", "").body,
		"the vote's view":  d1.mustStatus(200, "GET", base+"/votes/v2", "").body,
	}
	if !bytes.Contains(entry, []byte(`"voter":"d1"`)) || ev.typ != "ballot_cast" || !strings.Contains(ev.data, `"voter":"d1"`) {
		t.Fatalf("the ballot's entry %s, event %+v", entry, ev)
	}
	for where, b := range answers {
		if bytes.Contains(b, []byte("against")) {
			t.Errorf("%s gives d1's secret choice: %s", where, b)
		}
	}
}

// TestStreamOfAnOfficersRecord: where the record is open to its officers
// only, a delegate's stream says that something happened (index and
// type) and nothing of what: no actor, no payload.
func TestStreamOfAnOfficersRecord(t *testing.T) {
	w := newWorld(t, 2)
	w.admin.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"set_record_access","args":{"access":"officers"}}`, "Idempotency-Key", w.key())
	s := w.stream(w.as("d1"), "?after=-1")
	full := w.stream(w.as("ann"), "?after=-1")
	for range 3 {
		ev, fev := s.event(t), full.event(t)
		if want := fmt.Sprintf(`{"index":%s,"type":%q}`, ev.id, ev.typ); ev.data != want || ev.id != fev.id {
			t.Fatalf("a delegate's stream of an officers' record: %+v, want %s", ev, want)
		}
		if !strings.Contains(fev.data, `"actor"`) {
			t.Fatalf("the chair's stream: %+v", fev)
		}
	}
}

// TestOfficeEndsWithTheSitting: a session carries a person, not their
// offices. A delegate who is a secretary of the open sitting records and
// reads an officers-only record while it is open; once the sitting is
// closed the same session is refused both, without logging in again.
func TestOfficeEndsWithTheSitting(t *testing.T) {
	w := newWorld(t, 2)
	ann, d2 := w.as("ann"), w.as("d2")
	const base = "/api/assemblies/coop"
	w.admin.mustStatus(201, "POST", base+"/commands", `{"cmd":"set_record_access","args":{"access":"officers"}}`, "Idempotency-Key", w.key())
	ann.mustStatus(201, "POST", base+"/commands", `{"cmd":"close_vote","args":{"vote":"v1"}}`, "Idempotency-Key", w.key())
	ann.mustStatus(201, "POST", base+"/commands", `{"cmd":"close_sitting","args":{"sitting":"s1"}}`, "Idempotency-Key", w.key())
	ann.mustStatus(201, "POST", base+"/commands", `{"cmd":"open_sitting","args":{"id":"s2","date":"2026-05-10","chair":"ann","secretaries":["d2"]}}`, "Idempotency-Key", w.key())
	if r := d2.cmd("record_narrative", `{"text":"The delegates take their seats."}`); r.status != 201 {
		t.Fatalf("the sitting's secretary records: %d %s", r.status, r.body)
	}
	d2.mustStatus(200, "GET", base+"/record", "")
	ann.mustStatus(201, "POST", base+"/commands", `{"cmd":"close_sitting","args":{"sitting":"s2"}}`, "Idempotency-Key", w.key())
	if r := d2.cmd("record_narrative", `{"text":"After the sitting."}`); r.status != 403 {
		t.Errorf("the secretary of a closed sitting records: %d %s", r.status, r.body)
	}
	for _, p := range []string{"/record", "/votes", "/persons", "/proof/0"} {
		if r := d2.get(base + p); r.status != 403 {
			t.Errorf("GET %s of an officers' record by the secretary of a closed sitting: %d %.200s", p, r.status, r.body)
		}
	}
	d2.mustStatus(200, "GET", base+"/me", "")
}

// TestSecretBallotLengths: who watches the traffic of the hall's network
// (TLS hides the bytes, not their number) must not tell a secret
// ballot's choice by the length of the answer, and a client must be able
// to give every choice's request the same length: a body padded with
// white space to the length of the longest is taken as it is, and the
// answers to "for", "against" and "abstain" are as long as each other.
func TestSecretBallotLengths(t *testing.T) {
	w := newWorld(t, 3)
	ann := w.as("ann")
	const path = "/api/assemblies/coop/commands"
	w.openSecretVote(ann)
	lengths := map[int][]string{}
	for i, choice := range []string{"for", "against", "abstain"} {
		voter := fmt.Sprintf("d%d", i+1)
		body := fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":"v2","voter":%q,"choice":%q}}`, voter, choice)
		body += strings.Repeat(" ", len("abstain")-len(choice))
		r := w.as(voter).mustStatus(201, "POST", path, body, "Idempotency-Key", "ballot-"+voter)
		lengths[len(r.body)] = append(lengths[len(r.body)], choice)
	}
	if len(lengths) != 1 {
		t.Fatalf("the answers to secret ballots differ in length by their choice: %v", lengths)
	}
}

// TestOneKeyManyCommandsAtOnce: one person's key sent with different
// commands at the same moment acts once: one of them is recorded, every
// other is refused as a key used for another command, or answered as
// that one if it is the same.
func TestOneKeyManyCommandsAtOnce(t *testing.T) {
	w := newWorld(t, 1)
	d1 := w.as("d1")
	bodies := []string{
		`{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"}}`,
		`{"cmd":"request_floor","args":{"item":"i1","person":"d1"}}`,
		`{"cmd":"check_out","args":{"person":"d1"}}`,
		`{"cmd":"move_motion","args":{"id":"mo9","kind":"substantive","title":"T","item":"i1","mover":"d1"}}`,
	}
	before := w.logSize()
	statuses := make([]int, 4*len(bodies))
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = d1.do("POST", "/api/assemblies/coop/commands", bodies[i%len(bodies)], "Idempotency-Key", "one-key").status
		})
	}
	wg.Wait()
	count := map[int]int{}
	for _, s := range statuses {
		count[s]++
	}
	if count[201] != 1 || count[200] != 3 || count[422] != len(statuses)-4 {
		t.Fatalf("answers %v, want one 201, its three repeats 200, and 422 for the rest", count)
	}
	// Each of the commands is one event.
	if n := w.logSize() - before; n != 1 {
		t.Fatalf("%d entries recorded, want 1", n)
	}
}

// TestSecretDoubleVoteAtOnce: a delegate who sends eight secret ballots
// at once, with eight keys and changing choices (two phones, a script),
// has one ballot: one answer 201 with a token, seven 409; at the close
// the ballot box gives one sealed ballot, and it is the accepted one's
// choice under the accepted one's token.
func TestSecretDoubleVoteAtOnce(t *testing.T) {
	w := newWorld(t, 2)
	ann, d1 := w.as("ann"), w.as("d1")
	const path = "/api/assemblies/coop/commands"
	w.openSecretVote(ann)
	choices := []string{"for", "against", "abstain", "for", "against", "abstain", "for", "against"}
	answers := make([]response, len(choices))
	var wg sync.WaitGroup
	for i, c := range choices {
		wg.Go(func() {
			answers[i] = d1.do("POST", path, `{"cmd":"cast_ballot","args":{"vote":"v2","voter":"d1","choice":"`+c+`"}}`, "Idempotency-Key", fmt.Sprintf("phone-%d", i))
		})
	}
	wg.Wait()
	var token, choice string
	for i, r := range answers {
		switch r.status {
		case 201:
			var cr CommandResponse
			r.decode(t, &cr)
			if token != "" || cr.BallotToken == "" {
				t.Fatalf("a second ballot taken, or one without its token: %s", r.body)
			}
			token, choice = cr.BallotToken, choices[i]
		case 409:
		default:
			t.Fatalf("ballot %d: %d %s", i, r.status, r.body)
		}
	}
	if token == "" {
		t.Fatal("no ballot was taken")
	}
	ann.mustStatus(201, "POST", path, `{"cmd":"close_vote","args":{"vote":"v2"}}`, "Idempotency-Key", w.key())
	var sealed []assembly.SealedChoice
	for _, e := range w.recordEntries(t) {
		if e.Type == "sealed_ballots" {
			var sb assembly.SealedBallots
			if err := json.Unmarshal(e.Payload, &sb); err != nil {
				t.Fatal(err)
			}
			sealed = append(sealed, sb.Sealed...)
		}
	}
	if len(sealed) != 1 || sealed[0].Token != token || sealed[0].Choice != choice {
		t.Fatalf("sealed %+v, want the one ballot taken: %s under %s", sealed, choice, token)
	}
}

// TestCodesOnlyWhereTheyAreMade: issue_access_codes and
// revoke_access_codes on the generic command route would be recorded
// without a code made or deleted (the record would say d1 has a new
// card, and d1's old code would go on working); they are refused there
// even to those who may issue and revoke, and record nothing.
func TestCodesOnlyWhereTheyAreMade(t *testing.T) {
	w := newWorld(t, 2)
	for _, c := range []*client{w.as("cara"), w.admin} {
		w.refused(t, c, []refusedCase{
			{name: "issue", body: `{"cmd":"issue_access_codes","args":{"persons":["d1"]}}`, status: 422},
			{name: "revoke", body: `{"cmd":"revoke_access_codes","args":{"persons":["d1"],"reason":"lost"}}`, status: 422},
		})
	}
}

// TestChairBringsNoBallots: the chair cannot stuff the ballot box by
// closing a vote with sealed ballots of their own making, in a secret
// vote or a roll call: refused, the vote stays open, nothing recorded.
func TestChairBringsNoBallots(t *testing.T) {
	w := newWorld(t, 2)
	ann := w.as("ann")
	stuffed := `"sealed":[{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAA","choice":"for"},{"token":"BBBBBBBBBBBBBBBBBBBBBBBBBB","choice":"for"}]`
	w.refused(t, ann, []refusedCase{{name: "a roll call closed with sealed ballots", body: `{"cmd":"close_vote","args":{"vote":"v1",` + stuffed + `}}`, status: 422}})
	w.openSecretVote(ann)
	w.as("d1").mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"cast_ballot","args":{"vote":"v2","voter":"d1","choice":"against"}}`, "Idempotency-Key", w.key())
	w.refused(t, ann, []refusedCase{{name: "a secret vote closed with sealed ballots", body: `{"cmd":"close_vote","args":{"vote":"v2",` + stuffed + `}}`, status: 422}})
	w.state(func(s *assembly.State) {
		if v := s.Votes["v2"]; v.Status != assembly.VoteStatusOpen || len(v.Ballots) != 1 {
			t.Fatalf("v2 %s with %d ballots", v.Status, len(v.Ballots))
		}
	})
}

// TestBodyLongerThanDeclared: a body that goes on past the length its
// request declares (no request net/http reads, but a handler may be
// given any Body) is still bounded by maxBody: readBody reads a declared
// length without http.MaxBytesReader, and must take it up when more
// comes.
func TestBodyLongerThanDeclared(t *testing.T) {
	w := newWorld(t, 2)
	d1 := w.as("d1")
	before := w.logSize()
	huge := `{"cmd":"request_floor","args":{"item":"i1","person":"d1","note":"` + strings.Repeat("x", maxBody) + `"}}`
	r := httptest.NewRequest("POST", "/api/assemblies/coop/commands", strings.NewReader(huge))
	r.ContentLength = 100
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Plenum", "1")
	r.Header.Set("Idempotency-Key", w.key())
	r.AddCookie(&http.Cookie{Name: auth.CookieName, Value: d1.token})
	rec := httptest.NewRecorder()
	w.api.ServeHTTP(rec, r)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413: %.300s", rec.Code, rec.Body)
	}
	if n := w.logSize(); n != before {
		t.Fatalf("the log grew from %d to %d", before, n)
	}
}
