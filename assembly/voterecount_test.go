package assembly

import (
	"maps"
	"strings"
	"testing"
)

// TestReplayRecountsAPlainVote: a replay counts a plain vote again as its
// declared result is applied (recountVote, State.count) and refuses a
// declaration whose figures or arithmetic are not those of its ballots
// (with their weights), of its sealed ballots or of the count entered
// for a show of hands, one whose outcome is not the count's where the
// count decides, and a result declared not recorded over a count. It
// takes the record as declare_result made it: from the count, with the
// outcome the chair stated where the count does not decide (whichever
// it is), not recorded where there is no count, and a roll call closed
// with no ballot whose outcome the chair stated before 2026-12-06.
func TestReplayRecountsAPlainVote(t *testing.T) {
	h := weightedFixture(t) // md-m1 carries 3 votes
	// v1: a roll call, m1 for (3), m2 and m3 against, m4 abstaining:
	// carried 3 to 2. Without the weight, defeated.
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt the budget?","method":"roll_call"}`)
	for p, c := range map[string]string{"m1": "for", "m2": "against", "m3": "against", "m4": "abstain"} {
		h.must(p, "cast_ballot", `{"vote":"v1","voter":"`+p+`","choice":"`+c+`"}`)
	}
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("ann", "declare_result", `{"vote":"v1"}`)
	// v2: a show of hands by two thirds, "all the others" for and 4
	// against, which does not decide: the chair states it carried.
	h.must("ann", "open_vote", `{"id":"v2","question":"Amend the statutes?","method":"show_of_hands","threshold":"two_thirds_cast","ruling":"the question changes the statutes"}`)
	h.must("ann", "close_vote", `{"vote":"v2"}`)
	h.must("kim", "enter_count", `{"vote":"v2","for":"rest","against":4}`)
	h.must("ann", "declare_result", `{"vote":"v2","outcome":"carried"}`)
	// v3: a show of hands counted twice, the last count 7 to 2.
	h.must("ann", "open_vote", `{"id":"v3","question":"Adjourn?","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v3"}`)
	h.must("kim", "enter_count", `{"vote":"v3","for":2,"against":7}`)
	h.must("kim", "enter_count", `{"vote":"v3","for":7,"against":2,"ballots":2}`)
	h.must("ann", "declare_result", `{"vote":"v3"}`)
	// v4: a secret vote, sealed 2 for, 1 against.
	h.must("ann", "open_vote", `{"id":"v4","question":"Censure?","method":"secret"}`)
	for _, p := range []string{"m2", "m3", "m4"} {
		h.must(p, "cast_ballot", `{"vote":"v4","voter":"`+p+`","choice":"against","token":"TOKEN-OF-`+p+`-0123456"}`)
	}
	h.must("ann", "close_vote", `{"vote":"v4","sealed":[{"token":"SEALED-TOKEN-0000","choice":"for"},{"token":"SEALED-TOKEN-0001","choice":"against"},{"token":"SEALED-TOKEN-0002","choice":"for"}]}`)
	h.must("ann", "declare_result", `{"vote":"v4"}`)
	// v5: a show of hands with no count: not recorded. v6: a roll call
	// closed with no ballot, a count of none: defeated.
	h.must("ann", "open_vote", `{"id":"v5","question":"Thank the hosts?","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v5"}`)
	h.must("ann", "declare_result", `{"vote":"v5","outcome":"not_recorded"}`)
	h.must("ann", "open_vote", `{"id":"v6","question":"Recess?","method":"roll_call"}`)
	h.must("ann", "close_vote", `{"vote":"v6"}`)
	h.must("ann", "declare_result", `{"vote":"v6"}`)
	for id, want := range map[string]string{"v1": "carried", "v2": "carried", "v3": "carried", "v4": "carried", "v5": "not_recorded", "v6": "defeated"} {
		if r := h.s.Votes[id].Result; r == nil || r.Outcome != want {
			t.Fatalf("%s: %+v, want %s", id, r, want)
		}
	}
	arith := func(id string) string { return h.s.Votes[id].Result.Arithmetic }

	declared := func(id string, change func(r *Result)) func(Event) Event {
		return func(e Event) Event {
			if d, ok := e.(ResultDeclared); ok && d.Vote == id {
				r := d.Result
				r.ByChoice = maps.Clone(r.ByChoice)
				change(&r)
				d.Result = r
				return d
			}
			return e
		}
	}
	replay := func(change func(Event) Event) error { return replayChanged(h.events, change) }
	for name, change := range map[string]func(Event) Event{
		"unchanged": func(e Event) Event { return e },
		"the other outcome stated where the count does not decide": declared("v2", func(r *Result) {
			r.Outcome, r.Arithmetic = "defeated", strings.Replace(r.Arithmetic, "declared; carried", "declared; defeated", 1)
		}),
		"a roll call with no ballot, its outcome stated before 2026-12-06": declared("v6", func(r *Result) {
			*r = Result{Outcome: "carried", Arithmetic: "no count recorded; declared carried"}
		}),
	} {
		if err := replay(change); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}

	cases := map[string]func(Event) Event{
		// A figure changed, the arithmetic left as it was.
		`the declared result of the vote "v1" (4 for, 2 against, 1 abstaining; base 5, 3 needed; carried) is not that of its ballots (3 for, 2 against, 1 abstaining; base 5, 3 needed; carried)`: declared("v1", func(r *Result) {
			r.For, r.ByChoice["for"] = Exact(4), 4
		}),
		// The outcome where the ballots decide it.
		`the arithmetic the declaration of the vote "v1" records (` + strings.Replace(arith("v1"), "; carried", "; defeated", 1) + `) is not that of its ballots (` + arith("v1") + `)`: declared("v1", func(r *Result) {
			r.Outcome, r.Arithmetic = "defeated", strings.Replace(r.Arithmetic, "; carried", "; defeated", 1)
		}),
		`the declared result of the vote "v1" (3 for, 2 against, 1 abstaining; base 5, 3 needed; defeated) is not that of its ballots (3 for, 2 against, 1 abstaining; base 5, 3 needed; carried)`: declared("v1", func(r *Result) {
			r.Outcome = "defeated"
		}),
		// m1's weight left out: 1 for, 2 against.
		`the arithmetic the declaration of the vote "v1" records (` + arith("v1") + `) is not that of its ballots (1 for, 2 against, 1 abstaining, 3 cast; 2 needed; defeated)`: func(e Event) Event {
			if b, ok := e.(BallotCast); ok && b.Vote == "v1" && b.Voter == "m1" {
				b.Weight = 1
				return b
			}
			return e
		},
		// The last count of the show of hands changed.
		`the arithmetic the declaration of the vote "v3" records (` + arith("v3") + `) is not that of the count entered for it (after 2 ballots: 2 for, 7 against, 9 cast; 5 needed; defeated)`: func(e Event) Event {
			if c, ok := e.(CountEntered); ok && c.Vote == "v3" && c.Round.Ballots == 2 {
				c.Round.For, c.Round.Against = Exact(2), Exact(7)
				return c
			}
			return e
		},
		// A sealed ballot changed.
		`the arithmetic the declaration of the vote "v4" records (` + arith("v4") + `) is not that of its sealed ballots (1 for, 2 against, 3 cast; 2 needed; defeated)`: func(e Event) Event {
			if sb, ok := e.(SealedBallots); ok && sb.Vote == "v4" {
				sb.Sealed = append([]SealedChoice(nil), sb.Sealed...)
				sb.Sealed[0].Choice = "against"
				return sb
			}
			return e
		},
		// A counted vote declared not recorded.
		`the result of the vote "v3" is declared not recorded, and the vote has a count`: declared("v3", func(r *Result) {
			*r = Result{Outcome: "not_recorded", Arithmetic: "result not recorded"}
		}),
		// A count of none declared carried, in today's words.
		`the arithmetic the declaration of the vote "v6" records (0 for, 0 against, 0 cast; 1 needed; carried) is not that of a count of none (` + arith("v6") + `)`: declared("v6", func(r *Result) {
			r.Outcome, r.Arithmetic = "carried", strings.Replace(r.Arithmetic, "; defeated", "; carried", 1)
		}),
		// A stated outcome that is neither.
		`the declared result of the vote "v2" (all the others for, 4 against; the count does not show whether two thirds of the votes cast was reached; declared; lapsed) is not what its count allows: the outcome is carried or defeated, not "lapsed"`: declared("v2", func(r *Result) {
			r.Outcome, r.Arithmetic = "lapsed", strings.Replace(r.Arithmetic, "declared; carried", "declared; lapsed", 1)
		}),
	}
	for want, change := range cases {
		if err := replay(change); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("changed record: %v\nwant %q", err, want)
		}
	}
}

// TestReplayRecountsAVoteBetweenDrafts: a vote between competing drafts
// is counted again too: the draft the count takes as the basis must be
// the one declared, and where the count ties the chair's choice is taken,
// whichever draft it is. A base of 1 member written in the plural, as
// declare_result wrote it before 2026-12-06, replays.
func TestReplayRecountsAVoteBetweenDrafts(t *testing.T) {
	h := restored(t, "congress", "")
	h.must("ben", "move_motion", `{"id":"ec","kind":"substantive","title":"Adhere to the resolution of the Executive Committee"}`)
	h.must("m1", "move_motion", `{"id":"kam","kind":"substantive","title":"Kamenev's resolution"}`)
	h.must("ann", "group_alternatives", `{"id":"basis","title":"Which resolution is taken as the basis","motions":["ec","kam"]}`)
	h.must("ann", "open_vote", `{"id":"v","alternatives":"basis","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("kim", "enter_count", `{"vote":"v","alternatives":{"ec":29,"kam":74}}`)
	h.must("ann", "declare_result", `{"vote":"v"}`)
	h.must("m2", "move_motion", `{"id":"a","kind":"substantive","title":"Draft A"}`)
	h.must("m3", "move_motion", `{"id":"b","kind":"substantive","title":"Draft B"}`)
	h.must("ann", "group_alternatives", `{"id":"tie","title":"A or B","motions":["a","b"]}`)
	h.must("ann", "open_vote", `{"id":"t","alternatives":"tie","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"t"}`)
	h.must("kim", "enter_count", `{"vote":"t","alternatives":{"a":40,"b":40}}`)
	h.must("ann", "declare_result", `{"vote":"t","outcome":"a"}`)
	// One member entitled, by a majority of the members: "1 member".
	m := fixture(t, "congress", "")
	m.must("ann", "open_vote", `{"id":"one","question":"Q","method":"roll_call","threshold":"majority_members","ruling":"the statutes","eligible":{"persons":["m2"]}}`)
	m.must("m2", "cast_ballot", `{"vote":"one","voter":"m2","choice":"for"}`)
	m.must("ann", "close_vote", `{"vote":"one"}`)
	m.must("ann", "declare_result", `{"vote":"one"}`)
	if a := m.s.Votes["one"].Result.Arithmetic; !strings.Contains(a, "; 1 member;") {
		t.Fatalf("one: %q, want a base of 1 member", a)
	}
	declared := func(id string, change func(r *Result)) func(Event) Event {
		return func(e Event) Event {
			if d, ok := e.(ResultDeclared); ok && d.Vote == id {
				change(&d.Result)
				return d
			}
			return e
		}
	}
	for name, c := range map[string]struct {
		events []Event
		change func(Event) Event
	}{
		"the other draft where the count ties": {h.events, declared("t", func(r *Result) {
			r.Outcome, r.Arithmetic = "b", strings.Replace(r.Arithmetic, "basis: a", "basis: b", 1)
		})},
		"1 members": {m.events, declared("one", func(r *Result) {
			r.Arithmetic = strings.Replace(r.Arithmetic, "; 1 member;", "; 1 members;", 1)
		})},
	} {
		if err := replayChanged(c.events, c.change); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	want := `the arithmetic the declaration of the vote "v" records (ec 29, kam 74; taken as the basis: ec) is not that of the count entered for it (ec 29, kam 74; taken as the basis: kam)`
	err := replayChanged(h.events, declared("v", func(r *Result) {
		r.Outcome, r.Arithmetic = "ec", strings.Replace(r.Arithmetic, "basis: kam", "basis: ec", 1)
	}))
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("another basis: %v\nwant %q", err, want)
	}
}
