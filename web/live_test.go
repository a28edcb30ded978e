package web

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

// liveHall is a state built by deciding and applying commands, as the
// engine does to its readers' state: in place, one event at a time.
type liveHall struct {
	t  testing.TB
	s  *assembly.State
	at time.Time
}

func (h *liveHall) do(actor, cmd string, args map[string]any) {
	h.t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		h.t.Fatal(err)
	}
	h.at = h.at.Add(time.Second)
	env := assembly.Envelope{Cmd: cmd, Assembly: "live", Actor: actor, At: h.at, Args: raw}
	c, err := assembly.ParseCommand(env)
	if err != nil {
		h.t.Fatalf("%s: %v", cmd, err)
	}
	evs, err := assembly.Decide(h.s, env.Meta(), c)
	if err != nil {
		h.t.Fatalf("%s %s: %v", cmd, raw, err)
	}
	for _, e := range evs {
		if err := h.s.Apply(e); err != nil {
			h.t.Fatalf("%s: %v", cmd, err)
		}
	}
}

// newLiveHall is an assembly whose rules allow proxies, with delegates
// d1…d6 holding verified decisive mandates m-d1…m-d6 (d1–d4 arrived), the
// guest g1 (arrived) of a sitting whose guests may vote, and an item
// with a motion.
func newLiveHall(t *testing.T) *liveHall {
	h := &liveHall{t: t, s: assembly.NewState(), at: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	type obj = map[string]any
	h.do("admin", "create_assembly", obj{"id": "live", "name": "Live counts", "starts": "2026-05-09", "rules": "congress", "overrides": obj{"proxies_allowed": true}})
	h.do("admin", "add_organization", obj{"id": "org", "name": "The members", "kind": "delegating"})
	h.do("admin", "add_person", obj{"id": "chair", "name": "The Chair"})
	h.do("admin", "add_person", obj{"id": "g1", "name": "A Guest"})
	h.do("admin", "grant_role", obj{"person": "chair", "role": "chair"})
	for i, p := range []string{"d1", "d2", "d3", "d4", "d5", "d6"} {
		h.do("admin", "add_person", obj{"id": p, "name": "Delegate " + p})
		h.do("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		h.do("admin", "verify_mandate", obj{"mandate": "m-" + p})
		if i < 4 {
			h.do(p, "check_in", obj{"person": p})
		}
	}
	h.do("g1", "check_in", obj{"person": "g1"})
	h.do("chair", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chair", "guests": []string{"g1"}, "guests_may_vote": true})
	h.do("chair", "add_item", obj{"id": "i1", "title": "The budget"})
	h.do("chair", "take_up_item", obj{"item": "i1"})
	h.do("chair", "move_motion", obj{"id": "mo1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chair"})
	h.do("chair", "move_motion", obj{"id": "mo2", "kind": "procedural", "procedure": "close_discussion", "title": "Close the discussion", "item": "i1", "mover": "chair"})
	return h
}

// freshPresent counts who of those entitled is in the hall now by the
// rule as the console has always stated it, walking every right: a
// guest's right is theirs; a mandate is voted by its proxy while its
// holder is not in the hall, else by its holder.
func freshPresent(s *assembly.State, eligible map[string]bool) int {
	n := 0
	for right := range eligible {
		holder := ""
		if len(right) > 2 && right[:2] == "p:" {
			holder = right[2:]
		} else if m := s.Mandates[right]; m != nil {
			holder = m.Person
			if m.Proxy != "" && !s.InHall(m.Person) {
				holder = m.Proxy
			}
		}
		if s.InHall(holder) {
			n++
		}
	}
	return n
}

func freshTally(vt *assembly.Vote) map[string]int {
	t := map[string]int{}
	for _, b := range vt.Ballots {
		if b.Choice != "" {
			t[b.Choice]++
		}
	}
	return t
}

// check renders the counts of every active vote and election of h's
// state twice, as one page would (the second from the memo, walking no
// right again), and compares them with a fresh walk; want, when not nil,
// is the present count each vote or election (by id) must show.
func (h *liveHall) check(slot *atomic.Pointer[liveOf], step string, want map[string]int) {
	h.t.Helper()
	v := &view{S: h.s, live: slot, L: i18n.For("en")}
	for round := 0; round < 2; round++ {
		if round == 1 {
			l := slot.Load()
			defer func(walks int) {
				if slot.Load() != l || l.walks != walks {
					h.t.Errorf("%s: the second render walked the rights again", step)
				}
			}(l.walks)
		}
		for _, vt := range v.ActiveVotes() {
			c := v.Count(vt)
			if f := freshPresent(h.s, vt.Eligible); c.Present != f {
				h.t.Errorf("%s: vote %s shows %d present, a fresh count %d", step, vt.ID, c.Present, f)
			}
			if w, ok := want[vt.ID]; ok && c.Present != w {
				h.t.Errorf("%s: vote %s shows %d present, want %d", step, vt.ID, c.Present, w)
			}
			if c.Voted != len(vt.Ballots) {
				h.t.Errorf("%s: vote %s shows %d voted, has %d ballots", step, vt.ID, c.Voted, len(vt.Ballots))
			}
			ft := freshTally(vt)
			for _, ch := range c.Choices {
				if ch.N != ft[ch.Value] {
					h.t.Errorf("%s: vote %s shows %d %s, a fresh count %d", step, vt.ID, ch.N, ch.Value, ft[ch.Value])
				}
			}
			if len(ft) > 0 && len(c.Choices) == 0 {
				h.t.Errorf("%s: vote %s shows no running count of %v", step, vt.ID, ft)
			}
		}
		for _, el := range v.ActiveElections() {
			c := v.ElectionCountNow(el)
			if f := freshPresent(h.s, el.Eligible); c.Present != f {
				h.t.Errorf("%s: election %s shows %d present, a fresh count %d", step, el.ID, c.Present, f)
			}
			if w, ok := want[el.ID]; ok && c.Present != w {
				h.t.Errorf("%s: election %s shows %d present, want %d", step, el.ID, c.Present, w)
			}
		}
		if got, f := v.Hall(), countHall(h.s); got != f {
			h.t.Errorf("%s: the hall shows %+v, a fresh count %+v", step, got, f)
		}
	}
	// The counts are memoized for this state as it stands: who is
	// present while its presence holds, the ballots as they are cast.
	l := slot.Load()
	if l == nil || l.state != h.s || l.presence != h.s.PresenceEvents {
		h.t.Fatalf("%s: no memo of the state after %d events (%d of them of the presence)", step, h.s.Events, h.s.PresenceEvents)
	}
	for _, vt := range v.ActiveVotes() {
		if _, ok := l.present[vt.ID]; !ok {
			h.t.Errorf("%s: who is present in vote %s was not memoized", step, vt.ID)
		}
		if r := l.tally[vt.ID]; r == nil || r.vote != vt || r.n != len(vt.Ballots) {
			h.t.Errorf("%s: the running count of vote %s was not memoized with its %d ballots", step, vt.ID, len(vt.Ballots))
		}
	}
}

// memo is the memo of slot now and how many walks of the rights it made.
func memo(slot *atomic.Pointer[liveOf]) (*liveOf, int) {
	l := slot.Load()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l, l.walks
}

// TestLiveCountsFollowEveryEvent: the present-now counts of the votes and
// elections and the hall's attendance, memoized for each state of the
// readers, are what a fresh walk counts after every kind of event that
// changes them (arrivals, departures and returns, a proxy taking over a
// mandate whose holder is away, ballots, a new vote, an election) and
// after the state is replaced by another with as many events; and that
// ballots, which change the running counts but not who is present (the
// state's PresenceEvents), do not walk the rights again.
func TestLiveCountsFollowEveryEvent(t *testing.T) {
	type obj = map[string]any
	h := newLiveHall(t)
	slot := new(atomic.Pointer[liveOf])
	h.do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	// Entitled: m-d1…m-d6 and g1; present: d1–d4 and g1.
	h.check(slot, "opened", map[string]int{"v1": 5})

	h.do("chair", "leave_hall", obj{"persons": []string{"d2"}})
	h.check(slot, "d2 left", map[string]int{"v1": 4})
	h.do("d5", "check_in", obj{"person": "d5"})
	h.check(slot, "d5 arrived", map[string]int{"v1": 5})
	h.do("chair", "return_to_hall", obj{"persons": []string{"d2"}})
	h.check(slot, "d2 back", map[string]int{"v1": 6})

	// d6 is away: d1 carries the mandate, and is in the hall.
	h.do("admin", "transfer_proxy", obj{"mandate": "m-d6", "to": "d1"})
	h.check(slot, "proxy to d1", map[string]int{"v1": 7})
	// The proxy leaves: neither holder nor proxy is in the hall.
	h.do("chair", "leave_hall", obj{"persons": []string{"d1"}})
	h.check(slot, "proxy left", map[string]int{"v1": 5})
	// The holder arrives and votes with their own mandate.
	h.do("d6", "check_in", obj{"person": "d6"})
	h.check(slot, "holder arrived", map[string]int{"v1": 6})
	h.do("chair", "return_to_hall", obj{"persons": []string{"d1"}})
	h.check(slot, "d1 back", map[string]int{"v1": 7})

	// Ballots change the running count, never who is present: the rights
	// are not walked again, though every ballot is a new state of the
	// readers.
	// Nor is a ballot counted again: each is read once for the running
	// count, when the first render after it asks.
	before, walks := memo(slot)
	for i, p := range []string{"d1", "d3", "d4"} {
		h.do(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": []string{"for", "against", "for"}[i]})
		h.check(slot, p+" voted", map[string]int{"v1": 7})
		if l, w := memo(slot); l != before || w != walks {
			t.Errorf("%s's ballot walked the rights again (%d walks, %d before)", p, w, walks)
		}
		if before.ballotsRead != i+1 {
			t.Errorf("after %d ballots, %d ballots read for the running count", i+1, before.ballotsRead)
		}
	}
	h.do("g1", "cast_ballot", obj{"vote": "v1", "voter": "g1", "choice": "abstain"})
	h.check(slot, "g1 voted", nil)
	h.do("chair", "leave_hall", obj{"persons": []string{"g1"}})
	h.check(slot, "the guest left", map[string]int{"v1": 6})
	if l, w := memo(slot); l == before || w != 1 {
		t.Errorf("a departure after the ballots: the rights walked %d times for the memo (a new one: %t), want once, afresh", w, l != before)
	}
	// A proxy given between ballots is counted; the ballots after it are
	// not counted again.
	h.do("chair", "leave_hall", obj{"persons": []string{"d5"}})
	h.do("admin", "transfer_proxy", obj{"mandate": "m-d5", "to": "d2"})
	h.check(slot, "proxy to d2", map[string]int{"v1": 6})
	h.do("d2", "cast_ballot", obj{"vote": "v1", "voter": "d2", "choice": "for"})
	h.check(slot, "d2 voted", map[string]int{"v1": 6})
	h.do("d2", "cast_ballot", obj{"vote": "v1", "voter": "d2", "for_mandate": "m-d5", "choice": "against"})
	h.check(slot, "d2 voted for d5", map[string]int{"v1": 6})
	if l, w := memo(slot); w != 1 || l.ballotsRead != 2 {
		t.Errorf("the ballots after the proxy: the rights walked %d times since it, want once; %d ballots read for the running count, want the 2 cast since (the count goes on across the presence's moves)", w, l.ballotsRead)
	}
	h.do("chair", "return_to_hall", obj{"persons": []string{"d5"}})
	h.check(slot, "d5 back", map[string]int{"v1": 6})

	// A second vote, opened while the first is counted, then an election.
	h.do("chair", "close_vote", obj{"vote": "v1"})
	h.check(slot, "v1 closed", map[string]int{"v1": 6})
	h.do("chair", "open_vote", obj{"id": "v2", "motion": "mo2", "method": "roll_call", "eligible": obj{"persons": []string{"d1", "d2", "d3"}}})
	h.check(slot, "v2 opened", map[string]int{"v1": 6, "v2": 3})
	h.do("chair", "leave_hall", obj{"persons": []string{"d3"}})
	h.check(slot, "d3 left", map[string]int{"v1": 5, "v2": 2})
	h.do("chair", "open_election", obj{"id": "e1", "title": "The auditors", "seats": 1, "method": "plurality", "candidates": []string{"d1", "d2"}})
	h.check(slot, "election opened", map[string]int{"e1": 5})
	h.do("chair", "return_to_hall", obj{"persons": []string{"d3", "g1"}})
	h.check(slot, "d3 and g1 back", map[string]int{"v1": 7, "v2": 3, "e1": 7})

	// Another state with as many events (the readers' state replaced, as
	// after a rebuild) is counted afresh, though its Events match.
	other := newLiveHall(t)
	other.do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	h2 := newLiveHall(t)
	h2.do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	h2.do("chair", "leave_hall", obj{"persons": []string{"d1", "d2"}})
	other.do("chair", "leave_hall", obj{"persons": []string{"d3"}})
	if other.s.Events != h2.s.Events {
		t.Fatalf("the two states have %d and %d events", other.s.Events, h2.s.Events)
	}
	other.check(slot, "one state", map[string]int{"v1": 4})
	h2.check(slot, "another with as many events", map[string]int{"v1": 3})
}

// TestLiveCountsWithoutMemo: a view that is not a page's (no memo) counts
// afresh each time.
func TestLiveCountsWithoutMemo(t *testing.T) {
	h := newLiveHall(t)
	h.do("chair", "open_vote", map[string]any{"id": "v1", "motion": "mo1", "method": "roll_call"})
	v := &view{S: h.s, L: i18n.For("en")}
	vt := h.s.Votes["v1"]
	if got := v.Count(vt).Present; got != 5 {
		t.Fatalf("present %d, want 5", got)
	}
	h.do("chair", "leave_hall", map[string]any{"persons": []string{"d1"}})
	if got := v.Count(vt).Present; got != 4 {
		t.Fatalf("after a departure: present %d, want 4", got)
	}
}

// bigLiveHall is an assembly of 10,000 delegates with verified mandates,
// 9,000 of them arrived (every tenth, p10, p20…, is not), in a sitting
// with the roll-call vote v1 open on a motion, in which the first 3,000
// of those arrived have voted: the readers' state of `plenum bench vote`
// a third of the way through its burst.
func bigLiveHall(b *testing.B) *liveHall { return bigLiveHallOf(b, 10_000, 3_000) }

// bigLiveHallOf is bigLiveHall with n delegates (every tenth not
// arrived), of whom the first cast of those arrived have voted.
func bigLiveHallOf(b *testing.B, n, cast int) *liveHall {
	type obj = map[string]any
	h := &liveHall{t: b, s: assembly.NewState(), at: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	do := h.do
	do("admin", "create_assembly", obj{"id": "live", "name": "Live counts", "starts": "2026-05-09", "rules": "congress"})
	do("admin", "add_organization", obj{"id": "org", "name": "The members", "kind": "delegating"})
	do("admin", "add_person", obj{"id": "chair", "name": "The Chair"})
	do("admin", "grant_role", obj{"person": "chair", "role": "chair"})
	for i := 1; i <= n; i++ {
		p := "p" + strconv.Itoa(i)
		do("admin", "add_person", obj{"id": p, "name": "Delegate " + p})
		do("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		do("admin", "verify_mandate", obj{"mandate": "m-" + p})
		if i%10 != 0 {
			do(p, "check_in", obj{"person": p})
		}
	}
	do("chair", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chair"})
	do("chair", "add_item", obj{"id": "i1", "title": "The budget"})
	do("chair", "take_up_item", obj{"item": "i1"})
	do("chair", "move_motion", obj{"id": "mo1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chair"})
	do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	for i := 1; cast > 0; i++ {
		if p := "p" + strconv.Itoa(i); i%10 != 0 {
			do(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": "for"})
			cast--
		}
	}
	return h
}

// BenchmarkCountVote10000 is what a page pays for a vote's live count
// when the state has moved on since the last render (one walk of the
// rights and the ballots; then the memo answers): 10,000 delegates with
// verified mandates, 9,000 arrived, 3,000 ballots.
func BenchmarkCountVote10000(b *testing.B) {
	h := bigLiveHall(b)
	vt := h.s.Votes["v1"]
	b.ReportAllocs()
	for b.Loop() {
		if c := countVote(h.s, vt); c.present != 9_000 {
			b.Fatalf("present %d", c.present)
		}
	}
}

// BenchmarkCountAfterBallot10000 is what the first render after each
// ballot of a burst pays for the vote's live count, as the chair's
// console and the delegates' pages show it through the memo: one ballot
// decided and applied to the state (as the engine applies a batch to the
// readers' state), then the count. In the hall of bigLiveHall; when
// everyone present has voted in a vote, another is opened (not timed).
func BenchmarkCountAfterBallot10000(b *testing.B) {
	h := bigLiveHall(b)
	v := &view{S: h.s, live: new(atomic.Pointer[liveOf]), L: i18n.For("en")}
	vote, votes, next := "v1", 1, 3_334
	v.Count(h.s.Votes[vote])
	b.ReportAllocs()
	for b.Loop() {
		if next%10 == 0 {
			next++ // not arrived
		}
		if next > 10_000 {
			b.StopTimer()
			votes++
			vote, next = "v"+strconv.Itoa(votes), 1
			h.do("chair", "open_vote", map[string]any{"id": vote, "question": "Question " + vote, "method": "roll_call"})
			b.StartTimer()
		}
		p := "p" + strconv.Itoa(next)
		next++
		h.at = h.at.Add(time.Millisecond)
		evs, err := assembly.Decide(h.s, assembly.Meta{Actor: p, At: h.at}, assembly.CastBallot{Vote: vote, Voter: p, Choice: "for"})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range evs {
			if err := h.s.Apply(e); err != nil {
				b.Fatal(err)
			}
		}
		vt := h.s.Votes[vote]
		if c := v.Count(vt); c.Present != 9_000 || c.Voted != len(vt.Ballots) {
			b.Fatalf("%s: present %d, voted %d of %d ballots", vote, c.Present, c.Voted, len(vt.Ballots))
		}
	}
}
