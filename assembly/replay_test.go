package assembly

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestReplayRandom runs random command sequences against the fixture. The
// harness decides each command, applies the events to the live state, and
// applies the same events encoded to JSON and decoded to a second state; the
// two must be deep-equal after every command, accepted or refused. At the
// end the whole log is replayed once more into a fresh state.
func TestReplayRandom(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			preset := "congress"
			if seed%2 == 0 {
				preset = "ronr"
			}
			h := fixture(t, preset, `{"proxies_allowed":true}`)
			accepted := 0
			for i := 0; i < 1200; i++ {
				actor, cmd := randomCommand(r, h.s)
				h.clock = h.clock.Add(7e9)
				m := Meta{Actor: actor, At: h.clock}
				if r.IntN(10) == 0 {
					m.Key = fmt.Sprintf("k%d", r.IntN(50))
				}
				if h.run(m, cmd) == nil {
					accepted++
				}
			}
			if accepted < 250 {
				t.Fatalf("only %d of 1200 random commands were accepted; the test explores too little", accepted)
			}
			kinds := map[string]int{}
			for _, e := range h.events {
				kinds[e.EventType()]++
			}
			for _, k := range []string{"ballot_cast", "vote_closed", "result_declared", "floor_given", "motion_moved", "motion_seconded"} {
				if kinds[k] == 0 {
					t.Errorf("no %s event in the random sequence", k)
				}
			}
			t.Logf("%d accepted: %v", accepted, kinds)
			if !reflect.DeepEqual(replayed(t, h.events), h.s) {
				t.Fatal("the state rebuilt from the log differs from the live one")
			}
		})
	}
}

// replayed is the state rebuilt from events encoded as the log stores
// them and decoded again, into a fresh state.
func replayed(t testing.TB, events []Event) *State {
	t.Helper()
	fresh := NewState()
	for _, e := range events {
		b, err := EncodeEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		d, err := DecodeEvent(e.EventType(), b)
		if err != nil {
			t.Fatal(err)
		}
		if err := fresh.Apply(d); err != nil {
			t.Fatalf("replaying %s: %v", e.EventType(), err)
		}
	}
	return fresh
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

func randomCommand(r *rand.Rand, s *State) (string, Command) {
	members := []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "rep", "guest", "outsider"}
	who := func() string { return pick(r, members...) }
	officer := func() string { return pick(r, "ann", "ben", "kim", "cara", who()) }
	items := []string{"i1", "i2", "i3"}
	var motions, votes []string
	for i := 1; i <= 24; i++ {
		motions = append(motions, fmt.Sprintf("mo%d", i))
	}
	for i := 1; i <= 12; i++ {
		votes = append(votes, fmt.Sprintf("v%d", i))
	}
	n := r.IntN(34)
	switch n {
	case 0:
		return "ann", AddItem{ID: pick(r, items...), Title: "Item"}
	case 1:
		return officer(), TakeUpItem{Item: pick(r, items...)}
	case 2:
		return officer(), TableItem{Item: pick(r, items...), Until: "until fuller attendance"}
	case 3:
		return officer(), ResumeItem{Item: pick(r, items...)}
	case 4:
		p := who()
		return pick(r, p, "ben"), RequestFloor{Item: pick(r, items...), Person: p, Kind: pick(r, "", "speech", "point_of_order"), Side: pick(r, "", "for", "against")}
	case 5:
		p := who()
		return pick(r, p, "ann"), WithdrawRequest{Item: pick(r, items...), Person: p}
	case 6, 7:
		return "ann", GiveFloor{Item: pick(r, items...), Person: pick(r, "", "", "rep", who())}
	case 8:
		return "ann", EndSpeech{Item: pick(r, items...)}
	case 9:
		return "ann", DepriveFloor{Item: pick(r, items...), Reason: "off the subject"}
	case 10:
		return "ann", CloseDiscussion{Item: pick(r, items...)}
	case 11:
		p := who()
		return p, MoveMotion{ID: pick(r, motions...), Kind: "substantive", Title: "Draft " + p}
	case 12:
		p := who()
		return p, MoveMotion{ID: pick(r, motions...), Kind: "amendment", Amends: pick(r, motions...), Title: "Amendment"}
	case 13:
		p := who()
		return p, MoveMotion{ID: pick(r, motions...), Kind: "procedural", Procedure: pick(r, "close_discussion", "close_list", "table", "reconsider"), Target: pick(r, "", "i1", pick(r, motions...)), Title: "Procedure"}
	case 14, 15:
		p := who()
		return p, SecondMotion{Motion: pick(r, motions...), By: p}
	case 16:
		return pick(r, "ann", who()), WithdrawMotion{Motion: pick(r, motions...)}
	case 17, 18:
		return "ann", OpenVote{ID: pick(r, votes...), Motion: pick(r, motions...), Method: pick(r, "show_of_hands", "roll_call", "secret")}
	case 19:
		return "ann", OpenVote{ID: pick(r, votes...), Question: "Q", Method: pick(r, "roll_call", "secret"), Threshold: pick(r, Threshold(""), TwoThirdsCast, MajorityMembers)}
	case 20, 21, 22, 23:
		p := who()
		c := CastBallot{Vote: pick(r, votes...), Voter: p, Choice: pick(r, "for", "against", "abstain")}
		if v := s.Votes[c.Vote]; v != nil && v.Method == "secret" {
			c.Token = fmt.Sprintf("TOKEN-%016d", r.IntN(1<<40))
		}
		return p, c
	case 24:
		v := s.Votes[pick(r, votes...)]
		if v != nil && v.Method == "secret" {
			sealed := make([]SealedChoice, v.votesCast())
			for i := range sealed {
				sealed[i] = SealedChoice{Token: fmt.Sprintf("SEALED-%016d", i), Choice: pick(r, "for", "against", "abstain")}
			}
			return "ann", CloseVote{Vote: v.ID, Sealed: sealed}
		}
		return "ann", CloseVote{Vote: pick(r, votes...)}
	case 25:
		f, a := Exact(r.IntN(20)), Exact(r.IntN(20))
		if r.IntN(3) == 0 {
			f = Count{Min: 3, Max: 3 + r.IntN(5)}
		}
		return pick(r, "kim", "ann"), EnterCount{Vote: pick(r, votes...), For: &f, Against: &a, Ballots: r.IntN(3)}
	case 26:
		return "ann", DeclareResult{Vote: pick(r, votes...), Outcome: pick(r, "", "carried", "defeated")}
	case 27:
		p := who()
		return "ben", LeaveHall{Persons: []string{p}, Walkout: r.IntN(2) == 0}
	case 28:
		return "ben", ReturnToHall{Persons: []string{who()}}
	case 29:
		return "ben", RecordSpeech{ID: fmt.Sprintf("sp%d", r.IntN(1000)), Speaker: who(), Notes: "notes"}
	case 30:
		return "ben", RecordInterjection{Kind: pick(r, "applause", "shouts", "commotion")}
	case 31:
		return "ben", CorrectRecord{Entry: r.IntN(200), Text: "corrected", Reason: "a slip"}
	case 32:
		return "cara", TransferProxy{Mandate: "md-" + pick(r, members[:10]...), To: pick(r, members[:10]...)}
	default:
		return "ann", ChangePresidium{Sitting: "s1", Add: []string{who()}}
	}
}
