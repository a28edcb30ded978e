package assembly

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"plenum/tally"
)

// meekTwice is an stv-meek election that the Meek of before 2026-12-02
// (tally.EarlierMeek) and Meek v1 decide otherwise: m7..m10 stand for 2
// seats, m1..m7 vote, and the close's seed 14721 draws the lot the
// earlier Meek needs for the second seat (it elects m7, m8; v1, with a
// tie the earlier stages break, m7, m10).
func meekTwice(t *testing.T) *harness {
	h := fixture(t, "congress", "")
	h.must("ann", "open_election", `{"id":"e1","title":"Presidium","seats":2,"method":"stv-meek","candidates":["m7","m8","m9","m10"]}`)
	for p, r := range map[string]string{
		"m1": `["m8","m10"]`, "m2": `["m7","m10"]`, "m3": `["m7","m9","m10","m8"]`, "m4": `["m8"]`,
		"m5": `["m10","m9","m7"]`, "m6": `["m10","m7"]`, "m7": `["m8","m9","m7","m10"]`,
	} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","ranking":`+r+`}`)
	}
	h.must("ann", "close_election", `{"election":"e1","seed":14721}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	if got := h.s.Elections["e1"].Elected; !slices.Equal(got, []string{"m8", "m10"}) {
		t.Fatalf("Meek v1 elects %v, want m8, m10", got)
	}
	return h
}

// TestOldMeekRecordReplays: an stv-meek election is counted again by the
// counting rules its opening names. One whose record names none (every
// record made before 2026-12-07) may have been counted by the Meek of
// before 2026-12-02: its declaration is taken where that Meek's count
// bears it out, as where v1's does, and refused where neither does; one
// that names v1 (every stv-meek election opened since) is held to v1.
func TestOldMeekRecordReplays(t *testing.T) {
	h := meekTwice(t)
	var opened ElectionOpened
	for _, e := range h.events {
		if o, ok := e.(ElectionOpened); ok && o.ID == "e1" {
			opened = o
		}
	}
	if opened.Counting != 1 {
		t.Fatalf("the opening of an stv-meek election records the counting rules v%d, want v1", opened.Counting)
	}
	record := func(counting int, elected ...string) func(Event) Event {
		return func(e Event) Event {
			switch e := e.(type) {
			case ElectionOpened:
				e.Counting = counting
				return e
			case ElectionDeclared:
				e.Elected = elected
				return e
			}
			return e
		}
	}
	for name, c := range map[string]struct {
		change func(Event) Event
		err    string // "" where it replays
	}{
		"v1, as declared":                           {record(1, "m8", "m10"), ""},
		"none named, counted by v1 (since 12-02)":   {record(0, "m8", "m10"), ""},
		"none named, counted by the earlier Meek":   {record(0, "m8", "m7"), ""},
		"v1 named, the earlier Meek's count":        {record(1, "m8", "m7"), `the declared result of the election "e1" (m8, m7) is not whom its ballots elect by stv-meek (m8, m10)`},
		"none named, whom neither Meek elects":      {record(0, "m8", "m9"), `the declared result of the election "e1" (m8, m9) is not whom its ballots elect by stv-meek (m8, m10)`},
		"none named, the earlier Meek's in reverse": {record(0, "m7", "m8"), `the declared result of the election "e1" (m7, m8) is not whom its ballots elect by stv-meek (m8, m10)`},
		"a version no plenum writes":                {record(-1, "m8", "m10"), `the opening of the election "e1" names the counting rules v-1, which no plenum writes`},
	} {
		err := replayChanged(h.events, c.change)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case c.err != "" && (err == nil || err.Error() != c.err || CodeOf(err) != ErrCorrupt):
			t.Errorf("%s: %v, want corrupt: %s", name, err, c.err)
		}
	}
}

// TestUnknownCountingRules: an election or a vote whose opening names
// counting rules this plenum does not know (a later plenum's) is refused
// at its declaration as such, an *UnknownCountingError that says which
// version and to use a newer plenum — never counted by another version,
// nor called corrupt. One that nothing counts (declared not recorded,
// withdrawn, as stated with no ballot) replays.
func TestUnknownCountingRules(t *testing.T) {
	h := meekTwice(t)
	h.must("ann", "open_election", `{"id":"e2","title":"Auditor","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e2","voter":"m4","approve":["m2"]}`)
	h.must("ann", "close_election", `{"election":"e2"}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	h.must("ann", "open_election", `{"id":"e3","title":"Agrarian","seats":1,"method":"plurality"}`)
	h.must("ann", "close_election", `{"election":"e3"}`)
	h.must("ann", "declare_election", `{"election":"e3","elected":["m1"]}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt the budget?","method":"roll_call"}`)
	h.must("m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("ann", "declare_result", `{"vote":"v1"}`)
	h.must("ann", "open_vote", `{"id":"v2","question":"Thank the hosts?","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v2"}`)
	h.must("ann", "declare_result", `{"vote":"v2","outcome":"not_recorded"}`)
	for _, e := range h.events {
		if b, _ := EncodeEvent(e); (e.EventType() == "vote_opened" || e.EventType() == "election_opened" && !strings.Contains(string(b), `"stv-meek"`)) && strings.Contains(string(b), `"counting"`) {
			t.Errorf("%s records the counting rules v1, which it leaves out so that its bytes are those of the records before: %s", e.EventType(), b)
		}
	}
	future := func(ids ...string) func(Event) Event {
		return func(e Event) Event {
			switch e := e.(type) {
			case ElectionOpened:
				if slices.Contains(ids, e.ID) {
					e.Counting = 3
				}
				return e
			case VoteOpened:
				if slices.Contains(ids, e.Vote) {
					e.Counting = 3
				}
				return e
			}
			return e
		}
	}
	for _, c := range []struct{ id, what string }{{"e1", "election"}, {"e2", "election"}, {"v1", "vote"}} {
		err := replayChanged(h.events, future(c.id))
		var ue *UnknownCountingError
		if !errors.As(err, &ue) || ue.Rules != 3 || ue.ID != c.id || CodeOf(err) == ErrCorrupt {
			t.Errorf("%s counted by v3: %v, want an UnknownCountingError", c.id, err)
			continue
		}
		want := `the ` + c.what + ` "` + c.id + `" was counted by counting rules v3, which this plenum does not know (it counts by v1): use a newer plenum`
		if tally.LatestRules == tally.Rules1 && err.Error() != want {
			t.Errorf("%s: %q, want %q", c.id, err, want)
		}
	}
	if err := replayChanged(h.events, future("e3", "v2")); err != nil {
		t.Errorf("nothing counted by v3, yet: %v", err)
	}
	// The chair's own count refuses too.
	h.s.Votes["v1"].Counting = 3
	if _, err := h.s.count(h.s.Votes["v1"], ""); err == nil || !strings.Contains(err.Error(), "use a newer plenum") {
		t.Errorf("the chair's count under v3: %v", err)
	}
}
