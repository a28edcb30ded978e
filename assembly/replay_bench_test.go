package assembly

import (
	"fmt"
	"testing"
	"time"
)

// amendmentLog is the log of an assembly under the ronr rules where n
// amendments to one main motion are moved one after another, each either
// withdrawn or, with voted, put to the vote and defeated: the replay of
// such a log was quadratic in n.
func amendmentLog(tb testing.TB, n int, voted bool) []Event {
	s := NewState()
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	var log []Event
	do := func(actor string, c Command) {
		at = at.Add(time.Second)
		evs, err := Decide(s, Meta{Actor: actor, At: at}, c)
		if err != nil {
			tb.Fatalf("%s: %v", c.CommandName(), err)
		}
		for _, e := range evs {
			if err := s.Apply(e); err != nil {
				tb.Fatal(err)
			}
		}
		log = append(log, evs...)
	}
	do("admin", CreateAssembly{ID: "amend", Name: "Amendments", Starts: "2026-05-09", Rules: "ronr", Overrides: &Overrides{SecondsRequired: new(bool)}})
	do("admin", AddPerson{ID: "chair", Name: "Chair"})
	do("admin", AddOrganization{ID: "org", Name: "Org", Kind: "delegating"})
	do("admin", AddPerson{ID: "d1", Name: "Delegate"})
	do("admin", SubmitMandate{ID: "md1", Person: "d1", Organization: "org", Kind: KindDecisive})
	do("admin", VerifyMandate{Mandate: "md1"})
	do("admin", CheckIn{Person: "d1"})
	do("admin", OpenSitting{ID: "s1", Date: "2026-05-09", Chair: "chair", AttendanceRecorded: new(bool)})
	do("admin", AddItem{ID: "i1", Title: "The programme"})
	do("admin", TakeUpItem{Item: "i1"})
	do("chair", MoveMotion{ID: "main", Kind: "substantive", Title: "The programme", Label: "the committee"})
	for i := 0; i < n; i++ {
		a := fmt.Sprintf("a%d", i)
		do("chair", MoveMotion{ID: a, Kind: "amendment", Amends: "main", Title: "Amendment " + a, Label: "a delegate"})
		if !voted {
			do("chair", WithdrawMotion{Motion: a})
			continue
		}
		v := "v" + a
		do("chair", OpenVote{ID: v, Motion: a, Method: "show_of_hands"})
		do("chair", CloseVote{Vote: v})
		do("chair", DeclareResult{Vote: v, Outcome: MotionStatusDefeated})
	}
	return log
}

// BenchmarkReplayWithdrawnAmendments replays (Apply only) logs of 1,000
// and 10,000 amendments moved and withdrawn, or voted on and defeated;
// live/… decides and applies the commands of the first.
func BenchmarkReplayWithdrawnAmendments(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("live/%d", n), func(b *testing.B) {
			for b.Loop() {
				amendmentLog(b, n, false)
			}
		})
	}
	for _, voted := range []bool{false, true} {
		for _, n := range []int{1000, 10000} {
			name := fmt.Sprintf("withdrawn/%d", n)
			if voted {
				name = fmt.Sprintf("defeated/%d", n)
			}
			b.Run(name, func(b *testing.B) {
				log := amendmentLog(b, n, voted)
				b.ReportAllocs()
				for b.Loop() {
					s := NewState()
					for _, e := range log {
						if err := s.Apply(e); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
