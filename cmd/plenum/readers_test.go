package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/internal/routes"
	"plenum/ledger"
)

// What a route gives those who are not logged in, and the others, under
// each setting of who may read the record (docs/access.md).
type readClass int

const (
	// open: anyone, under every setting (the checkpoint, the login form,
	// the list of assemblies, the server's key).
	open readClass = iota
	// record: the record itself, to those who may read it: visitors
	// only where it is public, participants where it is open to them,
	// officers always.
	record
	// participantRecord: the record, to participants who may read it
	// (never to visitors).
	participantRecord
	// stream: the live stream: as record, and a participant always (their
	// own page needs to know when to change).
	stream
	// never: nothing of the record to visitors under any setting (a
	// person's own page, a form that acts, a refusal of any other path).
	never
)

// readClasses classifies every route of the server. A route the server
// serves that is not here fails the test: say what it gives visitors.
var readClasses = map[string]readClass{
	"/login":                                                 open,
	"GET /login":                                             open,
	"/logout":                                                never,
	"POST /lang":                                             never, // the choice of language: a cookie, nothing of the record
	"GET /api/openapi.json":                                  open,
	"GET /api/session":                                       open,
	"GET /api/assemblies":                                    open,
	"POST /api/assemblies":                                   never,
	"GET /api/assemblies/{id}":                               record,
	"POST /api/assemblies/{id}/commands":                     never,
	"GET /api/assemblies/{id}/me":                            never,
	"GET /api/assemblies/{id}/persons":                       participantRecord,
	"GET /api/assemblies/{id}/organizations":                 participantRecord,
	"GET /api/assemblies/{id}/mandates":                      participantRecord,
	"GET /api/assemblies/{id}/sittings":                      record,
	"GET /api/assemblies/{id}/items":                         participantRecord,
	"GET /api/assemblies/{id}/items/{item}/speakers":         participantRecord,
	"GET /api/assemblies/{id}/motions":                       participantRecord,
	"GET /api/assemblies/{id}/motions/{motion}/excerpt":      record,
	"GET /api/assemblies/{id}/elections/{election}/excerpt":  record,
	"GET /api/assemblies/{id}/votes":                         record,
	"GET /api/assemblies/{id}/votes/{vote}":                  record,
	"POST /api/assemblies/{id}/votes/{vote}/receipt":         never,
	"POST /api/assemblies/{id}/elections/{election}/receipt": never,
	"GET /api/assemblies/{id}/elections":                     participantRecord,
	"GET /api/assemblies/{id}/record":                        record,
	"GET /api/assemblies/{id}/checkpoint":                    open,
	"GET /api/assemblies/{id}/proof/{index}":                 record,
	"GET /api/assemblies/{id}/events":                        stream,
	"POST /api/assemblies/{id}/access-codes":                 never,
	"POST /api/assemblies/{id}/access-codes/revoke":          never,
	"POST /api/assemblies/{id}/mandate-cards.pdf":            never,
	"/api/":                         never,
	"GET /log/{$}":                  open,
	"GET /log/{id}/checkpoint":      open,
	"GET /log/{id}/tile/{tile...}":  record,
	"GET /log/{id}/blob/{hash}":     record,
	"/log/":                         never,
	"GET /healthz":                  open,
	"GET /key":                      open,
	"GET /{$}":                      open,
	"GET /static/":                  open,
	"GET /a/{id}/{$}":               open,
	"GET /a/{id}":                   open,
	"GET /a/{id}/delegate":          never,
	"POST /a/{id}/delegate":         never,
	"GET /a/{id}/sessions":          never, // a person's own sessions
	"POST /a/{id}/sessions":         never, // "log out everywhere else"
	"GET /a/{id}/chair":             participantRecord,
	"GET /a/{id}/chair/agenda":      participantRecord,
	"GET /a/{id}/chair/elections":   participantRecord,
	"GET /a/{id}/chair/hall":        participantRecord,
	"GET /a/{id}/chair/screens":     participantRecord,
	"GET /a/{id}/chair/sitting":     participantRecord,
	"GET /a/{id}/secretary":         participantRecord,
	"GET /a/{id}/mandates":          participantRecord,
	"GET /a/{id}/choices/persons":   participantRecord, // the searched pickers' matches
	"GET /a/{id}/choices/speakers":  participantRecord, // the console's searched picker of speakers
	"GET /a/{id}/choices/delegates": participantRecord, // the proxy picker of the person page
	// The hall tab's searched pickers: only those who may record others
	// leaving and coming back (the chair, a secretary), under every
	// setting; a delegate is refused (web's TestChoicesOfTheHall).
	"GET /a/{id}/choices/in-hall":     never,
	"GET /a/{id}/choices/out-of-hall": never,
	"GET /a/{id}/trustee":             never,
	"GET /ballot/{file}":              open,
	"GET /a/{id}/projector":           record,
	"GET /a/{id}/record":              record,
	"GET /a/{id}/receipt":             never,
	"POST /a/{id}/secret-receipt":     never,
	"POST /a/{id}/mandate-cards.pdf":  never,
	"POST /a/{id}/mandate-cards.html": never,
	"POST /a/{id}/revoke-codes":       never,
	"GET /a/{id}/minutes/{format}":    record,
	"GET /a/{id}/record.db":           record,
	"GET /a/{id}/motions":             record,
	"GET /a/{id}/motions/book.html":   record,
	"GET /a/{id}/motions/book.pdf":    record,
	"GET /a/{id}/motions/{m}":         record,
	"POST /a/{id}/act":                never,
	"GET /setup":                      never,
	"POST /setup":                     never,
	"GET /a/{id}/setup":               participantRecord,
	"GET /a/{id}/setup-organizations": participantRecord,
	"GET /a/{id}/setup-people":        participantRecord,
	"GET /a/{id}/setup-person":        participantRecord,
	"GET /a/{id}/setup-offices":       participantRecord,
	"GET /a/{id}/import":              participantRecord,
	"POST /a/{id}/setup":              never,
	"POST /a/{id}/import":             never,
	"POST /a/{id}/import/record":      never,
	"GET /a/{id}/roster.csv":          record,
	"GET /a/{id}/roster.xlsx":         record,

	// A server administrator's link for another device, on his sessions
	// page (a person is refused).
	"POST /a/{id}/sessions/device-link": never,
}

// TestWhoMayReadTheRecord reads every route of the server — enumerated
// from its muxes, so that a new route cannot escape — as a visitor, as a
// delegate and as an officer, under each setting of who may read the
// record, and checks that each gives the record only to whom the setting
// admits, while the checkpoint stays open to anyone.
func TestWhoMayReadTheRecord(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, stderr := exportCLI(t, "replay", "--db", db, filepath.Join("..", "..", "testdata", "coop-2026.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	srv, err := openServer(ctx, serverConfig{db: db, name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	const id = "coop-2026"
	at := time.Date(2026, 5, 9, 20, 0, 0, 0, time.UTC)
	submit := func(actor, cmd string, args any) {
		t.Helper()
		b, _ := json.Marshal(args)
		at = at.Add(time.Minute)
		if _, err := srv.engine.Submit(ctx, assembly.Envelope{Cmd: cmd, Assembly: id, Actor: actor, At: at, Args: b}); err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
	}
	// An election, for its excerpt.
	submit("ann", "open_sitting", map[string]any{"id": "s-read", "date": "2026-05-10", "chair": "ann"})
	submit("ann", "open_election", map[string]any{"id": "e-read", "title": "Teller", "seats": 1, "method": "plurality"})
	submit("ann", "close_election", map[string]any{"election": "e-read"})
	submit("ann", "declare_election", map[string]any{"election": "e-read", "elected": []string{"ann"}})
	submit("ann", "close_sitting", map[string]any{"sitting": "s-read"})
	// A text too long for one entry, stored beside the log as a blob.
	submit("ann", "record_gap", map[string]string{"reason": strings.Repeat("The drafts of this part are lost. ", 3000)})

	a, _ := srv.engine.Assembly(id)
	var item, motion, vote, delegate, officer string
	a.Read(func(s *assembly.State) {
		item, motion, vote = s.ItemOrder[0], s.MotionOrder[0], s.VoteOrder[0]
		for _, p := range s.PersonOrder {
			if _, ok := s.VotingMandate(p); ok && len(s.Offices(p).Titles()) == 0 && delegate == "" {
				delegate = p
			}
			if s.HasRole(p, assembly.RoleAdministrator) && officer == "" {
				officer = p
			}
		}
	})
	if delegate == "" || officer == "" {
		t.Fatal("the coop meeting has no delegate without office, or no administrator")
	}
	blob := lastBlob(t, srv, id)
	tokens, err := srv.auth.NewSessions(ctx, id, []string{delegate, officer})
	if err != nil {
		t.Fatal(err)
	}
	who := map[string]string{"visitor": "", "delegate": tokens[0], "officer": tokens[1]}

	values := map[string][]string{"{id}": {id}, "{file}": {"ballot.js"}, "{format}": {"html", "md", "pdf", "akn", "popolo"}, "{item}": {item}, "{motion}": {motion}, "{m}": {motion}, "{election}": {"e-read"},
		"{vote}": {vote}, "{index}": {"0"}, "{tile...}": {"0/000.p/1", "entries/000.p/1"}, "{hash}": {blob}, "{$}": {""}}
	all := routes.All(srv.handler)
	if len(all) < 50 {
		t.Fatalf("only %d routes enumerated: the muxes are not all listed", len(all))
	}
	seen := map[string]bool{}
	type request struct{ method, path string }
	reqs := map[string][]request{}
	for _, r := range all {
		seen[r.Pattern] = true
		if _, ok := readClasses[r.Pattern]; !ok {
			t.Errorf("the route %q is not in readClasses: say what it gives visitors under each setting of who may read the record", r.Pattern)
			continue
		}
		method := r.Method()
		if method == "" {
			method = http.MethodGet
		}
		paths := []string{r.Path()}
		switch {
		case strings.HasPrefix(r.Path(), "/static/"):
			paths = []string{"/static/plenum.css"}
		case r.Method() == "" && strings.HasSuffix(r.Path(), "/"):
			// A prefix that catches what nothing else serves.
			paths = []string{r.Path() + id + "/nothing"}
		}
		for k, vs := range values {
			var next []string
			for _, p := range paths {
				if !strings.Contains(p, k) {
					next = append(next, p)
					continue
				}
				for _, v := range vs {
					next = append(next, strings.Replace(p, k, v, 1))
				}
			}
			paths = next
		}
		for _, p := range paths {
			if strings.Contains(p, "{") {
				t.Fatalf("the route %q needs a value for %s", r.Pattern, p)
			}
			reqs[r.Pattern] = append(reqs[r.Pattern], request{method, p})
		}
	}
	for p := range readClasses {
		if !seen[p] {
			t.Errorf("readClasses lists %q, which the server does not serve", p)
		}
	}

	ts := httptest.NewServer(srv.handler)
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(method, path, token string) (int, string) {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(rctx, method, ts.URL+path, nil)
		req.Header.Set("Origin", ts.URL)
		req.Header.Set("Accept-Encoding", "identity")
		if token != "" {
			req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: token})
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			line, _ := bufio.NewReader(resp.Body).ReadString('\n')
			return resp.StatusCode, line
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		return resp.StatusCode, string(body)
	}

	// reads says whether someone reads the record by the answer: a 2xx.
	reads := func(status int) bool { return status >= 200 && status < 300 }
	current := assembly.RecordPublic
	for _, setting := range []string{assembly.RecordPublic, assembly.RecordParticipants, assembly.RecordOfficers} {
		if setting != current {
			submit(officer, "set_record_access", map[string]string{"access": setting})
			current = setting
		}
		patterns := make([]string, 0, len(reqs))
		for p := range reqs {
			patterns = append(patterns, p)
		}
		sort.Strings(patterns)
		for _, pattern := range patterns {
			class := readClasses[pattern]
			for _, rq := range reqs[pattern] {
				persons := []string{"visitor", "delegate", "officer"}
				if class == open || class == never {
					// What they give the logged in is their own affair
					// (and a logout would end the test's sessions).
					persons = persons[:1]
				}
				for _, person := range persons {
					status, body := get(rq.method, rq.path, who[person])
					var want bool // may this person read it?
					switch class {
					case open:
						if status == http.StatusUnauthorized || status == http.StatusForbidden || status >= 500 {
							t.Errorf("%s: %s %s as %s: %d, want it open to anyone\n%.300s", setting, rq.method, rq.path, person, status, body)
						}
						continue
					case never:
						if person == "visitor" && reads(status) {
							t.Errorf("%s: %s %s as a visitor: %d, want no record\n%.300s", setting, rq.method, rq.path, status, body)
						}
						continue
					case record:
						want = setting == assembly.RecordPublic || person == "officer" || person == "delegate" && setting == assembly.RecordParticipants
					case participantRecord:
						want = person == "officer" || person == "delegate" && setting != assembly.RecordOfficers
					case stream:
						want = setting == assembly.RecordPublic || person != "visitor"
					}
					if reads(status) != want {
						t.Errorf("%s: %s %s as %s: %d, want reading it %v\n%.300s", setting, rq.method, rq.path, person, status, want, body)
					}
					if !want && status != http.StatusUnauthorized && status != http.StatusForbidden && status != http.StatusSeeOther {
						t.Errorf("%s: %s %s as %s: %d, want 401 or 403 (or to the login form)", setting, rq.method, rq.path, person, status)
					}
				}
			}
		}
	}
	// An officers-only record still gives a delegate their own page, and
	// the refusal says why in words.
	if status, _ := get("GET", "/a/"+id+"/delegate", tokens[0]); status != 200 {
		t.Errorf("a delegate's own page under an officers-only record: %d", status)
	}
	if status, body := get("GET", "/a/"+id+"/record", ""); status != http.StatusUnauthorized || !strings.Contains(body, "is open to its officers only") {
		t.Errorf("the refusal of the record page: %d\n%.500s", status, body)
	}
	if status, body := get("GET", "/api/assemblies/"+id+"/record", tokens[0]); status != http.StatusForbidden || !strings.Contains(body, "open to its officers only (the administrators") {
		t.Errorf("the API's refusal: %d %s", status, body)
	}
}

// lastBlob is the SHA-256, in hex, of the last payload of the assembly's
// log that is stored beside it.
func lastBlob(t *testing.T, srv *server, id string) string {
	t.Helper()
	a, _ := srv.engine.Assembly(id)
	n := a.Log().Size()
	raw, err := a.Log().Raw(context.Background(), n-1, n)
	if err != nil {
		t.Fatal(err)
	}
	_, ref, err := ledger.DecodeEntry(raw[0])
	if err != nil || ref == nil {
		t.Fatalf("the last entry is not stored apart: %v", err)
	}
	return hex.EncodeToString(ref.SHA256[:])
}
