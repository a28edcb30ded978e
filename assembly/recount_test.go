package assembly

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReplayRecountsAPlainElection: a replay counts a plain election
// again as its declaration is applied (declaredCount, CheckElections'
// count) and refuses one that names others than its ballots elect, with
// their weights and a tie decided by lot from the seed of the close, one
// whose recorded count is not theirs, one as stated naming others than
// its ballots elect and one that records a count where no ballot was
// cast. It takes the record as declare_election made it: counted, as
// stated over ballots and without them, withdrawn, and a count of 1 in
// the plural of records made before 2026-12-06.
func TestReplayRecountsAPlainElection(t *testing.T) {
	h := weightedFixture(t) // md-m1 carries 3 votes
	// e1: m9 3 (m1's weight), m7 2, m8 1; m8 out, m9 elected. Without
	// the weight, m7.
	h.must("ann", "open_election", `{"id":"e1","title":"Chair","seats":1,"method":"irv","candidates":["m7","m8","m9"]}`)
	for p, r := range map[string]string{"m1": `["m9"]`, "m2": `["m7"]`, "m3": `["m7"]`, "m4": `["m8"]`} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","ranking":`+r+`}`)
	}
	h.must("ann", "close_election", `{"election":"e1","seed":3}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	// e2: m7 1, m8 1, the lot of the seed 7 decides.
	h.must("ann", "open_election", `{"id":"e2","title":"Teller","seats":1,"method":"plurality","candidates":["m7","m8"]}`)
	h.must("m2", "cast_election_ballot", `{"election":"e2","voter":"m2","approve":["m7"]}`)
	h.must("m3", "cast_election_ballot", `{"election":"e2","voter":"m3","approve":["m8"]}`)
	h.must("ann", "close_election", `{"election":"e2","seed":7}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	// e3: as stated, over a ballot; e4: as stated, none cast; e5: withdrawn;
	// e6: one ballot counted.
	h.must("ann", "open_election", `{"id":"e3","title":"Auditor","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e3","voter":"m4","approve":["m2"]}`)
	h.must("ann", "close_election", `{"election":"e3"}`)
	h.must("ann", "declare_election", `{"election":"e3","elected":["m2"]}`)
	h.must("ann", "open_election", `{"id":"e4","title":"Agrarian","seats":2,"method":"plurality"}`)
	h.must("ann", "close_election", `{"election":"e4"}`)
	h.must("ann", "declare_election", `{"election":"e4","elected":["m1","m2"]}`)
	h.must("ann", "open_election", `{"id":"e5","title":"Wrong","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e5","voter":"m4","approve":["m2"]}`)
	h.must("ann", "withdraw_election", `{"election":"e5","reason":"the wrong seats","consent":"no objection"}`)
	h.must("ann", "open_election", `{"id":"e6","title":"Keeper","seats":1,"method":"plurality","candidates":["m7","m8"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e6","voter":"m4","approve":["m8"]}`)
	h.must("ann", "close_election", `{"election":"e6"}`)
	h.must("ann", "declare_election", `{"election":"e6"}`)
	won := map[string]string{}
	for _, id := range []string{"e1", "e2", "e3", "e4", "e6"} {
		won[id] = strings.Join(h.s.Elections[id].Elected, ",")
	}
	if won["e1"] != "m9" || won["e6"] != "m8" || h.s.Elections["e6"].Arithmetic != "plurality, 1 ballot: m7 0, m8 1; elected: m8" {
		t.Fatalf("elected %v; e6 recorded %q", won, h.s.Elections["e6"].Arithmetic)
	}
	lost := map[string]string{"m7": "m8", "m8": "m7"}[won["e2"]]

	declared := func(id string, change func(d *ElectionDeclared)) func(Event) Event {
		return func(e Event) Event {
			if d, ok := e.(ElectionDeclared); ok && d.Election == id {
				change(&d)
				return d
			}
			return e
		}
	}
	replay := func(change func(Event) Event) error { return replayChanged(h.events, change) }
	for name, change := range map[string]func(Event) Event{
		"unchanged": func(e Event) Event { return e },
		"a count of 1 in the older plural": declared("e6", func(d *ElectionDeclared) {
			d.Arithmetic = strings.Replace(d.Arithmetic, "1 ballot:", "1 ballots:", 1)
		}),
	} {
		if err := replay(change); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}

	cases := map[string]func(Event) Event{
		`the declared result of the election "e1" (m7) is not whom its ballots elect by irv (m9)`: declared("e1", func(d *ElectionDeclared) { d.Elected = []string{"m7"} }),
		`the declared result of the election "e1" (m9) is not whom its ballots elect by irv (m7)`: func(e Event) Event {
			if b, ok := e.(ElectionBallotCast); ok && b.Ballot.Voter == "m1" {
				b.Ballot.Weight = 1
				return b
			}
			return e
		},
		`the declared result of the election "e2" (` + lost + `) is not whom its ballots elect by plurality (` + won["e2"] + `)`: declared("e2", func(d *ElectionDeclared) {
			d.Elected = []string{lost}
			d.Arithmetic = strings.Replace(d.Arithmetic, "elected: "+won["e2"], "elected: "+lost, 1)
		}),
		`the count the declaration of the election "e1" records (irv, 4 ballots: m7 2, m8 2, m9 3`: declared("e1", func(d *ElectionDeclared) {
			d.Arithmetic = strings.Replace(d.Arithmetic, "m8 1", "m8 2", 1)
		}),
		`the declared result of the election "e3" (m1) is not whom its ballots elect by plurality (m2)`: declared("e3", func(d *ElectionDeclared) {
			d.Elected, d.Arithmetic = []string{"m1"}, "elected as stated: M1"
		}),
		`the declaration of the election "e4" records a count (plurality, 2 ballots: m1 2, m2 2; elected: m1, m2), and no ballot was cast in it`: declared("e4", func(d *ElectionDeclared) {
			d.Arithmetic = "plurality, 2 ballots: m1 2, m2 2; elected: m1, m2"
		}),
	}
	for want, change := range cases {
		if err := replay(change); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("changed record: %v\nwant %q", err, want)
		}
	}
	// Another seed at the close of e2: the lot falls to the other,
	// whom the declaration does not name.
	for seed := uint64(0); ; seed++ {
		if seed == 64 {
			t.Fatal("no seed of 64 lets the lot of e2 fall otherwise")
		}
		err := replay(func(e Event) Event {
			if c, ok := e.(ElectionClosed); ok && c.Election == "e2" {
				c.Seed = seed
				return c
			}
			return e
		})
		if err != nil {
			if want := `the declared result of the election "e2" (` + won["e2"] + `) is not whom its ballots elect by plurality (` + lost + `)`; !strings.Contains(err.Error(), want) {
				t.Errorf("seed %d: %v\nwant %q", seed, err, want)
			}
			break
		}
	}
}

// TestReplayRecountOfTenThousandBallots: the replay of a plain STV
// election of 10,000 ballots (3 seats, 12 candidates, rankings of 1 to 6)
// counts it again once, at its declaration, and stays fast: the figure is
// logged (go test -v), and the test fails only far above it.
func TestReplayRecountOfTenThousandBallots(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 ballots")
	}
	const n = 10000
	rng := rand.New(rand.NewPCG(1, 2))
	cands := make([]string, 12)
	for i := range cands {
		cands[i] = fmt.Sprintf("c%d", i+1)
	}
	for _, method := range []string{"stv-scottish", "stv-meek", "stv-ers97"} {
		m := Meta{Assembly: "a1", Actor: "ann", At: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
		rights := make([]string, n)
		for i := range rights {
			rights[i] = fmt.Sprintf("md-%d", i)
		}
		events := []Event{ElectionOpened{Meta: m, ID: "e", Title: "Council", Seats: 3, Method: method, Candidates: cands, Sitting: "s1", Eligible: rights}}
		for i, r := range rights {
			ranking := slices.Clone(cands)
			rng.Shuffle(len(ranking), func(a, b int) { ranking[a], ranking[b] = ranking[b], ranking[a] })
			// Some candidates are liked more: c1..c4 first more often.
			if k := rng.IntN(8); k < 4 {
				j := slices.Index(ranking, cands[k])
				ranking[0], ranking[j] = ranking[j], ranking[0]
			}
			v := fmt.Sprintf("p%d", i)
			events = append(events, ElectionBallotCast{Meta: Meta{Assembly: "a1", Actor: v, At: m.At}, Election: "e",
				Ballot: ElectionBallot{Voter: v, Right: r, Ranking: ranking[:1+rng.IntN(6)], Weight: 1, At: m.At}})
		}
		events = append(events, ElectionClosed{Meta: m, Election: "e", Seed: 42})
		s := NewState()
		s.Assembly.ID = "a1"
		begin := time.Now()
		for _, e := range events {
			if err := e.apply(s); err != nil {
				t.Fatal(err)
			}
		}
		ballots := time.Since(begin)
		elected, arith, err := s.countElection(s.Elections["e"])
		if err != nil {
			t.Fatal(err)
		}
		d := ElectionDeclared{Meta: m, Election: "e", Elected: elected, Arithmetic: arith}
		start := time.Now()
		if err := d.apply(s); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		t.Logf("%s, %d ballots: the declaration replayed, counted again, in %v (elected %v); the opening, ballots and close before it in %v", method, n, took, elected, ballots)
		if took > 5*time.Second {
			t.Errorf("%s: the recount of %d ballots took %v", method, n, took)
		}
	}
}
