package assembly

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// bigAssembly builds an assembly of n delegates, all verified and present,
// with a sitting open; it applies events directly, without the JSON round trip.
func bigAssembly(tb testing.TB, n int) *State {
	s := NewState()
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	do := func(actor string, c Command) {
		evs, err := Decide(s, Meta{Actor: actor, At: at}, c)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range evs {
			if err := s.Apply(e); err != nil {
				tb.Fatal(err)
			}
		}
	}
	do("admin", CreateAssembly{ID: "big", Name: "Big congress", Starts: "2026-05-09", Rules: "congress"})
	do("admin", AddOrganization{ID: "org", Name: "Org", Kind: "delegating"})
	do("admin", AddPerson{ID: "chair", Name: "Chair"})
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("d%d", i)
		do("admin", AddPerson{ID: p, Name: p})
		do("admin", SubmitMandate{ID: "m" + p, Person: p, Organization: "org", Kind: KindDecisive})
		do("admin", VerifyMandate{Mandate: "m" + p})
		do("admin", CheckIn{Person: p})
	}
	do("admin", OpenSitting{ID: "s1", Date: "2026-05-09", Chair: "chair"})
	return s
}

func openVotes(tb testing.TB, s *State, k int) {
	for i := 0; i < k; i++ {
		evs, err := Decide(s, Meta{Actor: "admin", At: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)}, OpenVote{ID: fmt.Sprintf("v%d", len(s.VoteOrder)), Question: "Q", Method: "roll_call"})
		if err != nil {
			tb.Fatal(err)
		}
		if err := s.Apply(evs[0]); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkDecideBallot decides ballots of an assembly of 10,000 delegates
// in one open vote, each by another delegate (Decide only: the state does
// not change, so every ballot is a first one).
func BenchmarkDecideBallot(b *testing.B) {
	const n = 10000
	s := bigAssembly(b, n)
	openVotes(b, s, 1)
	cmds := make([]Command, n)
	metas := make([]Meta, n)
	for i := range cmds {
		p := fmt.Sprintf("d%d", i)
		cmds[i] = CastBallot{Vote: "v0", Voter: p, Choice: "for"}
		metas[i] = Meta{Assembly: "big", Actor: p, At: time.Date(2026, 5, 9, 10, 1, 0, 0, time.UTC)}
	}
	runtime.GC() // the garbage of building the assembly is not the ballots'
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := i % n
		if _, err := Decide(s, metas[j], cmds[j]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
}

// BenchmarkDecideApplyBallot decides and applies ballots: 10,000 delegates
// voting in as many votes as b.N needs.
func BenchmarkDecideApplyBallot(b *testing.B) {
	const n = 10000
	s := bigAssembly(b, n)
	openVotes(b, s, (b.N+n-1)/n)
	cmds := make([]Command, 0, b.N)
	metas := make([]Meta, n)
	for i := range metas {
		metas[i] = Meta{Assembly: "big", Actor: fmt.Sprintf("d%d", i), At: time.Date(2026, 5, 9, 10, 1, 0, 0, time.UTC)}
	}
	for i := 0; i < b.N; i++ {
		cmds = append(cmds, CastBallot{Vote: s.VoteOrder[i/n], Voter: metas[i%n].Actor, Choice: "for"})
	}
	runtime.GC() // the garbage of building the assembly is not the ballots'
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		evs, err := Decide(s, metas[i%n], cmds[i])
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Apply(evs[0]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
}

// BenchmarkApplyBallot applies ballots' events only, decided beforehand:
// 1,000 delegates voting in as many votes as b.N needs. It is what the
// writer's loop does to the state for every ballot.
func BenchmarkApplyBallot(b *testing.B) {
	const n = 1000
	s := bigAssembly(b, n)
	openVotes(b, s, (b.N+n-1)/n)
	evs := make([]Event, 0, b.N)
	for i := 0; i < b.N; i++ {
		p := fmt.Sprintf("d%d", i%n)
		e, err := Decide(s, Meta{Assembly: "big", Actor: p, At: time.Date(2026, 5, 9, 10, 1, 0, 0, time.UTC)}, CastBallot{Vote: s.VoteOrder[i/n], Voter: p, Choice: "for"})
		if err != nil {
			b.Fatal(err)
		}
		evs = append(evs, e[0])
	}
	runtime.GC() // the garbage of building the assembly is not the ballots'
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Apply(evs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeBallotCast encodes a ballot's event as the engine's
// writer does for each ballot (EncodeEvent), with an idempotency key and
// a request hash as the API's ballots carry.
func BenchmarkEncodeBallotCast(b *testing.B) {
	e := BallotCast{Meta: Meta{Assembly: "coop", Actor: "d1234", At: time.Date(2026, 12, 4, 21, 30, 0, 123456789, time.UTC), Key: "d1234/ballot-b1", Req: "0123456789abcdef0123456789abcdef"}, Vote: "b1", Voter: "d1234", Right: "md1234", Choice: "against", Weight: 1}
	b.ReportAllocs()
	for b.Loop() {
		p, err := EncodeEvent(e)
		if err != nil || len(p) > cap(p) {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBallotCast decodes ballots' events as a restart does,
// a run of one vote's ballots, seconds apart, as they are in a log.
func BenchmarkDecodeBallotCast(b *testing.B) {
	var payloads [][]byte
	at := time.Date(2026, 12, 4, 21, 30, 0, 0, time.UTC)
	for i := range 1000 {
		d := fmt.Sprintf("d%d", i)
		p, err := EncodeEvent(BallotCast{Meta: Meta{Assembly: "big", Actor: d, At: at.Add(time.Duration(i) * 1700 * time.Millisecond)}, Vote: "v12", Voter: d, Right: "m-" + d, Choice: []string{"for", "against", "abstain"}[i%3], Weight: 1})
		if err != nil {
			b.Fatal(err)
		}
		payloads = append(payloads, p)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := DecodeEvent("ballot_cast", payloads[i%len(payloads)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
