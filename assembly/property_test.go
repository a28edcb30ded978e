package assembly

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestForbiddenStatesUnreachable runs random command sequences under each
// preset (and with online attendance and weighted mandates) and checks,
// after every command, accepted or refused, that the state is one the
// rules allow: never two amendments pending on one motion where the rules
// admit one at a time, never two main motions pending on an item where
// they admit no competing drafts,
// never an attendance below zero (more unnamed out of the hall than
// members present by name, a vote's attendance that does not add up), and
// never a count of more votes than could be cast.
func TestForbiddenStatesUnreachable(t *testing.T) {
	for _, c := range []struct{ preset, overrides string }{
		{"ronr", `{"proxies_allowed":true}`},
		{"congress", `{"proxies_allowed":true,"amendments_at_once":false}`},
		{"congress", `{"online":"full","weighted_votes":true,"proxies_allowed":true}`},
		{"ronr", `{"online":"vote","competing_drafts":true,"proxies_allowed":true}`},
	} {
		seen := map[string]int{}
		for seed := uint64(1); seed <= 2; seed++ {
			t.Run(fmt.Sprintf("%s %s %d", c.preset, c.overrides, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 1917))
				h := fixture(t, c.preset, c.overrides)
				for i := 0; i < 900; i++ {
					actor, cmd := randomCommand(r, h.s)
					if r.IntN(3) == 0 {
						actor, cmd = ruleCommand(r, h.s)
					}
					h.clock = h.clock.Add(7e9)
					if h.run(Meta{Actor: actor, At: h.clock}, cmd) == nil {
						seen[cmd.CommandName()]++
					}
					if err := forbiddenState(h.s); err != "" {
						t.Fatalf("after %s %+v (%d accepted): %s", cmd.CommandName(), cmd, i, err)
					}
				}
			})
		}
		for _, k := range []string{"move_motion", "leave_hall", "enter_count", "declare_result", "return_to_hall", "transfer_proxy", "reject_mandate"} {
			if seen[k] == 0 {
				t.Errorf("%s %s: no %s accepted: the test explores too little (%v)", c.preset, c.overrides, k, seen)
			}
		}
	}
}

// ruleCommand makes the commands the rules of docs/rules.md limit: a
// second amendment or main motion, departures from the hall named and
// unnamed, counts that may exceed those present, presence online.
func ruleCommand(r *rand.Rand, s *State) (string, Command) {
	members := []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"}
	who := func() string { return pick(r, members...) }
	var motions, votes []string
	for i := 1; i <= 24; i++ {
		motions = append(motions, fmt.Sprintf("mo%d", i))
	}
	for i := 1; i <= 12; i++ {
		votes = append(votes, fmt.Sprintf("v%d", i))
	}
	switch r.IntN(11) {
	case 0, 1:
		return who(), MoveMotion{ID: pick(r, motions...), Kind: "amendment", Amends: pick(r, motions...), Title: "Amendment"}
	case 2:
		return who(), MoveMotion{ID: pick(r, motions...), Kind: "substantive", Title: "Draft", Item: pick(r, "", "i1")}
	case 3:
		return "ben", LeaveHall{Unnamed: 1 + r.IntN(2), Walkout: r.IntN(2) == 0}
	case 4:
		return "ben", ReturnToHall{Unnamed: 1 + r.IntN(3)}
	case 5:
		return "ben", LeaveHall{Persons: []string{who(), who()}[:1+r.IntN(2)]}
	case 6:
		p := who()
		if r.IntN(2) == 0 {
			return "ben", CheckOut{Person: p}
		}
		return p, CheckIn{Person: p, Where: pick(r, "", "online")}
	case 7:
		f, a := Exact(r.IntN(9)), Exact(r.IntN(9))
		if r.IntN(3) == 0 {
			f = Count{Min: 2 + r.IntN(5), Max: 7 + r.IntN(5)}
		}
		return "kim", EnterCount{Vote: pick(r, votes...), For: &f, Against: &a}
	case 8:
		if r.IntN(2) == 0 {
			return "ann", OpenVote{ID: pick(r, votes...), Question: "Q", Method: "show_of_hands"}
		}
		return "ann", OpenVote{ID: pick(r, votes...), Question: "Q", Method: "show_of_hands", Threshold: pick(r, Threshold(""), TwoThirdsCast), Ruling: pick(r, "", "by the statutes")}
	case 9:
		if r.IntN(3) == 0 {
			return "cara", RejectMandate{Mandate: "md-" + who(), Reason: "not elected"}
		}
		return "ann", DeclareResult{Vote: pick(r, votes...), Outcome: pick(r, "", "carried")}
	default:
		return "ann", DeclareResult{Vote: pick(r, votes...), Outcome: pick(r, "", "carried")}
	}
}

// forbiddenState says what in s the rules forbid, or "".
func forbiddenState(s *State) string {
	amending := map[string]string{}
	mains := map[string]string{}
	for _, id := range s.MotionOrder {
		mo := s.Motions[id]
		if mo.Status != MotionStatusPending {
			continue
		}
		switch mo.Kind {
		case "amendment":
			if other, ok := amending[mo.Amends]; ok && !s.Assembly.Rules.ManyAmendments() {
				return fmt.Sprintf("two amendments pending on %s: %s and %s", mo.Amends, other, mo.ID)
			}
			amending[mo.Amends] = mo.ID
		case "substantive":
			if other, ok := mains[mo.Item]; ok && !s.Assembly.Rules.Drafts() {
				return fmt.Sprintf("two main motions pending on %q: %s and %s", mo.Item, other, mo.ID)
			}
			mains[mo.Item] = mo.ID
		}
	}
	a := s.Attendance
	if a.UnnamedOut < 0 || a.UnnamedWalkedOut < 0 || a.UnnamedWalkedOut > a.UnnamedOut {
		return fmt.Sprintf("unnamed out of the hall %d, of them walked out %d", a.UnnamedOut, a.UnnamedWalkedOut)
	}
	if _, named := s.members(); named < a.UnnamedOut {
		return fmt.Sprintf("%d members present by name, but %d left unnamed: the attendance is below zero", named, a.UnnamedOut)
	}
	for _, id := range s.VoteOrder {
		v := s.Votes[id]
		at := v.Attendance
		if at.Present < 0 || at.Absent < 0 || at.WalkedOut < 0 || at.UnnamedOut < 0 {
			return fmt.Sprintf("the attendance of %s is below zero: %+v", id, at)
		}
		if !at.NotRecorded && at.Present+at.Absent+at.WalkedOut != at.Eligible {
			return fmt.Sprintf("the attendance of %s does not add up: %+v", id, at)
		}
		if at.NotRecorded {
			continue
		}
		for i, rd := range v.Rounds {
			least := rd.For.Min + rd.Against.Min + rd.Abstain.Min
			for _, c := range rd.Alternatives {
				least += c.Min
			}
			if least > rd.Present || rd.Present < at.votesPresent() {
				return fmt.Sprintf("count %d of %s gives at least %d votes, but %d could be cast (%d present when it opened)", i+1, id, least, rd.Present, at.votesPresent())
			}
		}
		if r := v.Result; r != nil && v.Status == VoteStatusDeclared && len(v.Rounds) > 0 {
			if cast := r.For.Min + r.Against.Min + r.Abstain.Min; cast > v.Rounds[len(v.Rounds)-1].Present {
				return fmt.Sprintf("the declared result of %s counts %d votes, more than could be cast", id, cast)
			}
		}
	}
	return ""
}
