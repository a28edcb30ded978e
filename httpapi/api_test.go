package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"plenum/assembly"
)

func TestCommandAccepted(t *testing.T) {
	w := newWorld(t, 3)
	r := w.as("d1").cmd("request_floor", `{"item":"i1","person":"d1"}`)
	if r.status != http.StatusCreated {
		t.Fatalf("request_floor: %d %s", r.status, r.body)
	}
	var cr CommandResponse
	r.decode(t, &cr)
	if len(cr.Events) != 1 || cr.Events[0].Type != "floor_requested" || !strings.Contains(cr.Checkpoint, "/coop\n") {
		t.Fatalf("response %s", r.body)
	}
	// The actor is the logged-in person and the time is the server's.
	a, _ := w.eng.Assembly("coop")
	entries, err := a.Log().Read(t.Context(), cr.Events[0].Index, cr.Events[0].Index+1)
	if err != nil || entries[0].Actor != "d1" {
		t.Fatalf("entry %+v %v", entries, err)
	}
	var ev struct {
		Meta assembly.Meta `json:"meta"`
	}
	json.Unmarshal(entries[0].Payload, &ev)
	if ev.Meta.Key != "d1/"+fmt.Sprint("k", w.keys.Load()) || ev.Meta.At.IsZero() || ev.Meta.At.Location().String() != "UTC" {
		t.Fatalf("meta %+v", ev.Meta)
	}
}

func TestRoleRefusals(t *testing.T) {
	w := newWorld(t, 2)
	for _, tc := range []struct {
		name, who, cmd, args string
		status               int
	}{
		{"a delegate acting as chair", "d1", "open_vote", `{"id":"v2","question":"Break now?","method":"show_of_hands"}`, 403},
		{"a delegate giving the floor", "d1", "give_floor", `{"item":"i1","person":"d2"}`, 403},
		{"a delegate closing the vote", "d1", "close_vote", `{"vote":"v1"}`, 403},
		{"a consultative delegate voting", "con", "cast_ballot", `{"vote":"v1","voter":"con","choice":"for"}`, 403},
		{"a guest asking for the floor", "gus", "request_floor", `{"item":"i1","person":"gus"}`, 403},
		{"a delegate voting for another", "d1", "cast_ballot", `{"vote":"v1","voter":"d2","choice":"for"}`, 403},
		{"a delegate verifying a mandate", "d1", "verify_mandate", `{"mandate":"md-d2"}`, 403},
		{"a delegate granting a role", "d1", "grant_role", `{"person":"d1","role":"chair"}`, 403},
		{"a person without mandate voting", "nob", "cast_ballot", `{"vote":"v1","voter":"nob","choice":"for"}`, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.as(tc.who).cmd(tc.cmd, tc.args)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			p := r.problem()
			if r.header.Get("Content-Type") != "application/problem+json" || p.Detail == "" || p.Status != tc.status {
				t.Fatalf("problem %s (%s)", r.body, r.header.Get("Content-Type"))
			}
		})
	}
	// Nothing of it was recorded: the vote has no ballot.
	w.state(func(s *assembly.State) {
		if n := len(s.Votes["v1"].Ballots); n != 0 {
			t.Fatalf("%d ballots after refusals", n)
		}
	})
	// The roles that may, can.
	if r := w.as("d2").cmd("request_floor", `{"item":"i1","person":"d2"}`); r.status != 201 {
		t.Fatalf("delegate asking for the floor: %d %s", r.status, r.body)
	}
	if r := w.as("ann").cmd("give_floor", `{"item":"i1"}`); r.status != 201 {
		t.Fatalf("chair give_floor: %d %s", r.status, r.body)
	}
	if r := w.as("d1").cmd("cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`); r.status != 201 {
		t.Fatalf("decisive delegate voting: %d %s", r.status, r.body)
	}
	if r := w.as("con").cmd("request_floor", `{"item":"i1","person":"con"}`); r.status != 201 {
		t.Fatalf("consultative delegate asking for the floor: %d %s", r.status, r.body)
	}
}

func TestBadInputs(t *testing.T) {
	w := newWorld(t, 2)
	d1 := w.as("d1")
	ann := w.as("ann")
	if r := d1.cmd("cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`); r.status != 201 {
		t.Fatalf("first ballot: %d %s", r.status, r.body)
	}
	const path = "/api/assemblies/coop/commands"
	for _, tc := range []struct {
		name   string
		c      *client
		method string
		path   string
		body   string
		hdr    []string
		status int
		code   string
	}{
		{"malformed JSON", d1, "POST", path, `{"cmd": "cast_ballot", "args": {`, []string{"Idempotency-Key", "x1"}, 400, "malformed"},
		{"unknown field", d1, "POST", path, `{"cmd": "cast_ballot", "argz": {}}`, []string{"Idempotency-Key", "x2"}, 400, "malformed"},
		{"unknown command", d1, "POST", path, `{"cmd": "seize_power", "args": {}}`, []string{"Idempotency-Key", "x3"}, 422, "invalid"},
		{"missing argument", d1, "POST", path, `{"cmd": "cast_ballot", "args": {"vote":"v1"}}`, []string{"Idempotency-Key", "x4"}, 422, "invalid"},
		{"unknown delegate", w.admin, "POST", path, `{"cmd": "check_in", "args": {"person":"nobody"}}`, []string{"Idempotency-Key", "x5"}, 404, "not_found"},
		{"unknown vote", d1, "POST", path, `{"cmd": "cast_ballot", "args": {"vote":"v9","voter":"d1","choice":"for"}}`, []string{"Idempotency-Key", "x6"}, 404, "not_found"},
		{"double vote", d1, "POST", path, `{"cmd": "cast_ballot", "args": {"vote":"v1","voter":"d1","choice":"against"}}`, []string{"Idempotency-Key", "x7"}, 409, ""},
		{"no idempotency key", d1, "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, nil, 422, "invalid"},
		{"bad idempotency key", d1, "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, []string{"Idempotency-Key", "has space"}, 422, "invalid"},
		{"missing CSRF header", d1, "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, []string{"Idempotency-Key", "x8", "X-Plenum", "", "Content-Type", "text/plain"}, 403, "forbidden"},
		{"cross-site origin", d1, "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, []string{"Idempotency-Key", "x9", "Origin", "https://evil.example"}, 403, "forbidden"},
		{"not JSON", d1, "POST", path, `cmd=request_floor`, []string{"Idempotency-Key", "x10", "Content-Type", "application/x-www-form-urlencoded"}, 415, "malformed"},
		{"not logged in", w.public(), "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, []string{"Idempotency-Key", "x11"}, 401, "unauthorized"},
		{"forged session", &client{w: w, token: "forged"}, "POST", path, `{"cmd": "request_floor", "args": {"item":"i1","person":"d1"}}`, []string{"Idempotency-Key", "x12"}, 401, "unauthorized"},
		{"another assembly", d1, "POST", "/api/assemblies/other/commands", `{"cmd": "request_floor", "args": {}}`, []string{"Idempotency-Key", "x13"}, 403, "forbidden"},
		{"unknown assembly as admin", w.admin, "POST", "/api/assemblies/nowhere/commands", `{"cmd": "request_floor", "args": {}}`, []string{"Idempotency-Key", "x14"}, 404, "not_found"},
		{"create_assembly at commands", w.admin, "POST", path, `{"cmd": "create_assembly", "args": {}}`, []string{"Idempotency-Key", "x15"}, 422, "invalid"},
		{"create_assembly by a delegate", d1, "POST", "/api/assemblies", `{"args": {"id":"mine","name":"Mine","starts":"2026-05-09","rules":"congress"}}`, []string{"Idempotency-Key", "x16"}, 403, "forbidden"},
		{"bad proof index", d1, "GET", "/api/assemblies/coop/proof/x", "", nil, 400, "malformed"},
		{"proof beyond the log", d1, "GET", "/api/assemblies/coop/proof/999999", "", nil, 404, "not_found"},
		{"unknown item", d1, "GET", "/api/assemblies/coop/items/i9/speakers", "", nil, 404, "not_found"},
		{"unknown vote view", d1, "GET", "/api/assemblies/coop/votes/v9", "", nil, 404, "not_found"},
		{"bad record limit", d1, "GET", "/api/assemblies/coop/record?limit=0", "", nil, 400, "malformed"},
		{"bad Last-Event-ID", d1, "GET", "/api/assemblies/coop/events", "", []string{"Last-Event-ID", "abc"}, 400, "malformed"},
		{"unknown endpoint", d1, "GET", "/api/nothing", "", nil, 404, "not_found"},
		{"private view for the public", w.public(), "GET", "/api/assemblies/coop/persons", "", nil, 401, "unauthorized"},
		{"unknown assembly view", d1, "GET", "/api/assemblies/nowhere/record", "", nil, 404, "not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.c.do(tc.method, tc.path, tc.body, tc.hdr...)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			p := r.problem()
			if !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") || p.Detail == "" {
				t.Fatalf("not a problem: %s %s", r.header.Get("Content-Type"), r.body)
			}
			if tc.code != "" && p.Code != tc.code {
				t.Fatalf("code %q, want %q: %s", p.Code, tc.code, r.body)
			}
		})
	}
	// Vote after close.
	if r := ann.cmd("close_vote", `{"vote":"v1"}`); r.status != 201 {
		t.Fatalf("close_vote: %d %s", r.status, r.body)
	}
	r := w.as("d2").cmd("cast_ballot", `{"vote":"v1","voter":"d2","choice":"for"}`)
	if r.status != 409 || r.problem().Code != "closed" || !strings.Contains(r.problem().Detail, "closed") {
		t.Fatalf("vote after close: %d %s", r.status, r.body)
	}
	w.state(func(s *assembly.State) {
		if n := len(s.Votes["v1"].Ballots); n != 1 {
			t.Fatalf("%d ballots, want 1", n)
		}
	})
}

func TestIdempotentRetry(t *testing.T) {
	w := newWorld(t, 2)
	d1 := w.as("d1")
	const path = "/api/assemblies/coop/commands"
	body := `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"}}`
	first := d1.mustStatus(201, "POST", path, body, "Idempotency-Key", "vote-1")
	var before int
	w.state(func(s *assembly.State) { before = s.Events })

	var orig CommandResponse
	first.decode(t, &orig)
	// sameAnswer reports whether a retry's answer is the original's, from
	// the record: the same entry and receipt, marked replayed.
	sameAnswer := func(r response) bool {
		var cr CommandResponse
		if r.status != 200 || r.header.Get("Idempotent-Replayed") != "true" || json.Unmarshal(r.body, &cr) != nil {
			return false
		}
		return cr.Replayed && len(cr.Events) == 1 && cr.Events[0] == orig.Events[0] && cr.Receipt != nil && cr.Receipt.LeafHash == orig.Receipt.LeafHash && cr.Checkpoint != ""
	}
	// Retries, even concurrent ones, get the original answer.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := d1.do("POST", path, body, "Idempotency-Key", "vote-1"); !sameAnswer(r) {
				t.Errorf("retry: %d %s", r.status, r.body)
			}
		}()
	}
	wg.Wait()
	// The key in the body works the same.
	r := d1.do("POST", path, `{"cmd":"cast_ballot","key":"vote-1","args":{"vote":"v1","voter":"d1","choice":"for"}}`)
	if !sameAnswer(r) {
		t.Fatalf("retry with the key in the body: %d %s", r.status, r.body)
	}
	// Same key, another command: refused.
	r = d1.do("POST", path, `{"cmd":"cast_ballot","args":{"vote":"v9","voter":"d1","choice":"for"}}`, "Idempotency-Key", "vote-1")
	if r.status != 422 || r.problem().Field != "key" {
		t.Fatalf("same key, other body: %d %s", r.status, r.body)
	}
	// Same key, same ballot with another choice: the choice is not in the
	// request hash (it would give away a secret ballot's choice), and the
	// first ballot stands.
	if r := d1.do("POST", path, `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"against"}}`, "Idempotency-Key", "vote-1"); !sameAnswer(r) {
		t.Fatalf("same key, another choice: %d %s", r.status, r.body)
	}
	// Keys are per actor: d2 may use the same key.
	if r := w.as("d2").do("POST", path, `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d2","choice":"for"}}`, "Idempotency-Key", "vote-1"); r.status != 201 {
		t.Fatalf("d2 with d1's key: %d %s", r.status, r.body)
	}
	// After a restart of the API (the answers in memory are gone) the
	// state still knows the key and answers with the original entry.
	w.api = NewAPI(w.eng, w.auth, Options{})
	w.srv.Config.Handler = w.api
	if r = d1.do("POST", path, body, "Idempotency-Key", "vote-1"); !sameAnswer(r) {
		t.Fatalf("retry after restart: %d %s", r.status, r.body)
	}
	// And the key for another command is still refused.
	r = d1.do("POST", path, `{"cmd":"cast_ballot","args":{"vote":"v9","voter":"d1","choice":"for"}}`, "Idempotency-Key", "vote-1")
	if r.status != 422 || r.problem().Field != "key" {
		t.Fatalf("same key, other body, after restart: %d %s", r.status, r.body)
	}
	w.state(func(s *assembly.State) {
		if s.Events != before+1 { // d2's ballot only
			t.Fatalf("events %d, want %d", s.Events, before+1)
		}
		if n := len(s.Votes["v1"].Ballots); n != 2 {
			t.Fatalf("%d ballots, want 2", n)
		}
	})
}

// TestThousandVoters: 1,000 delegates vote at once through the API; every
// ballot is counted exactly once, none lost, and a retry of each adds
// nothing.
func TestThousandVoters(t *testing.T) {
	const n = 1000
	w := newWorld(t, n)
	clients := make([]*client, n)
	persons := make([]string, n)
	for i := range persons {
		persons[i] = fmt.Sprintf("d%d", i+1)
	}
	tokens, err := w.auth.NewSessions(t.Context(), "coop", persons)
	if err != nil {
		t.Fatal(err)
	}
	for i := range clients {
		clients[i] = &client{w: w, token: tokens[i]}
	}
	choices := []string{"for", "against", "abstain"}
	indexes := make([]int64, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			body := fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":"v1","voter":%q,"choice":%q}}`, persons[i], choices[i%3])
			for attempt := range 2 { // the second is a retry: it must not count
				r := clients[i].do("POST", "/api/assemblies/coop/commands", body, "Idempotency-Key", "ballot")
				if want := []int{201, 200}[attempt]; r.status != want {
					t.Errorf("%s attempt %d: %d %s, want %d", persons[i], attempt, r.status, r.body, want)
					return
				}
				var cr CommandResponse
				json.Unmarshal(r.body, &cr)
				if cr.Receipt == nil {
					t.Errorf("%s: no receipt", persons[i])
					return
				}
				if attempt == 1 && (!cr.Replayed || cr.Receipt.Index != indexes[i]) {
					t.Errorf("%s's retry: %s; want replayed at %d", persons[i], r.body, indexes[i])
					return
				}
				indexes[i] = cr.Receipt.Index
			}
		}()
	}
	close(start)
	wg.Wait()
	seen := map[int64]bool{}
	for i, idx := range indexes {
		if seen[idx] {
			t.Fatalf("%s's ballot shares the entry %d", persons[i], idx)
		}
		seen[idx] = true
	}
	w.state(func(s *assembly.State) {
		v := s.Votes["v1"]
		if len(v.Ballots) != n {
			t.Fatalf("%d ballots counted, want %d", len(v.Ballots), n)
		}
		per := map[string]int{}
		count := map[string]int{}
		for _, b := range v.Ballots {
			per[b.Voter]++
			count[b.Choice]++
		}
		for _, p := range persons {
			if per[p] != 1 {
				t.Fatalf("%s has %d ballots", p, per[p])
			}
		}
		if count["for"] != 334 || count["against"] != 333 || count["abstain"] != 333 {
			t.Fatalf("counts %v", count)
		}
	})
}
