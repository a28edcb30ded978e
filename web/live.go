package web

import (
	"sync"
	"sync/atomic"

	"plenum/assembly"
)

// The counts a page shows live walk every voting right or every person:
// who of those entitled to a vote or an election is in the hall now, the
// running count of a vote's open ballots, the hall's attendance. In an
// assembly of ten thousand a render of the chair's console spent 4 ms on
// them, and during a vote the chair's page and the delegates' pages are
// fetched again on every event. They are counted once for each state the
// readers see, as engine.Assembly.Quorum counts the quorum: the readers'
// state changes only by events applied (each adds one to its Events) or
// by being replaced (another pointer, which the memo keeps from being
// reused while it holds it). Who is present, and the hall's attendance,
// read only what assembly.State.PresenceEvents stands for (the
// attendance, and who holds or carries each mandate; a vote's or an
// election's entitled are fixed when it opens), so they hold while the
// state's pointer and its PresenceEvents do: a burst of ballots, which
// moves Events with every batch, does not count them again. The running
// counts of the ballots follow Events.

// liveCounts are the memos of the assemblies the pages render, by id.
type liveCounts struct {
	of sync.Map // assembly id → *atomic.Pointer[liveOf]
}

// slot is the memo of assembly id's readers' state.
func (c *liveCounts) slot(id string) *atomic.Pointer[liveOf] {
	if p, ok := c.of.Load(id); ok {
		return p.(*atomic.Pointer[liveOf])
	}
	p, _ := c.of.LoadOrStore(id, new(atomic.Pointer[liveOf]))
	return p.(*atomic.Pointer[liveOf])
}

// liveOf is what has been counted of a state while its PresenceEvents
// is presence: who is present, and the running counts of the ballots
// after its first events events. mu guards the rest; a count is made
// under it, so that the renders of one state that ask at once count it
// once.
type liveOf struct {
	state    *assembly.State
	presence int

	mu        sync.Mutex
	present   map[string]int // vote id → present now, of those entitled
	elections map[string]int // present now, of those entitled
	hall      *hall
	// walks is how many times the rights of a vote or an election were
	// walked for this memo (the tests count them).
	walks int

	events int                    // the running counts are of the state after these events
	tally  map[string]choiceTally // vote id → open ballots per choice
}

// choiceTally is a vote's open ballots per choice (shared by the
// renders: read only).
type choiceTally = map[string]int

// voteLive is a vote's live count: who of those entitled is present now,
// and its open ballots per choice (read only).
type voteLive struct {
	present int
	tally   choiceTally
}

// liveOf returns the memo of v.S (a fresh one when the presence moved on
// since the last, or the state was replaced), or nil when v.S is not an
// assembly's readers' state read by a page (then each count is made
// afresh).
func (v *view) liveOf() *liveOf {
	if v.live == nil || v.S == nil {
		return nil
	}
	if l := v.live.Load(); l != nil && l.state == v.S && l.presence == v.S.PresenceEvents {
		return l
	}
	l := &liveOf{state: v.S, presence: v.S.PresenceEvents, events: v.S.Events}
	// Another render of the same state may have stored its own memo
	// meanwhile; this one replaces it, and both are right.
	v.live.Store(l)
	return l
}

// voteLive is vt's live count: who is present counted once while the
// presence holds, the open ballots once for each state.
func (v *view) voteLive(vt *assembly.Vote) voteLive {
	l := v.liveOf()
	if l == nil {
		return countVote(v.S, vt)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.countPresent(&l.present, vt.ID, v.S, vt.Eligible)
	if l.events != v.S.Events {
		l.events, l.tally = v.S.Events, nil
	}
	t, ok := l.tally[vt.ID]
	if !ok {
		t = tallyOf(vt)
		if l.tally == nil {
			l.tally = map[string]choiceTally{}
		}
		l.tally[vt.ID] = t
	}
	return voteLive{present: n, tally: t}
}

// electionPresent is how many of those entitled to vote in el are in the
// hall now, counted once while the presence holds.
func (v *view) electionPresent(el *assembly.Election) int {
	l := v.liveOf()
	if l == nil {
		return presentOf(v.S, el.Eligible)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.countPresent(&l.elections, el.ID, v.S, el.Eligible)
}

// countPresent is how many of the rights eligible in the vote or
// election id are held by someone in the hall now: memoized in *memo
// (one of l's maps), or counted (a walk) and memoized there. l.mu is held.
func (l *liveOf) countPresent(memo *map[string]int, id string, s *assembly.State, eligible map[string]bool) int {
	n, ok := (*memo)[id]
	if !ok {
		n = presentOf(s, eligible)
		l.walks++
		if *memo == nil {
			*memo = map[string]int{}
		}
		(*memo)[id] = n
	}
	return n
}

// countVote counts vt's live count afresh.
func countVote(s *assembly.State, vt *assembly.Vote) voteLive {
	return voteLive{present: presentOf(s, vt.Eligible), tally: tallyOf(vt)}
}

// tallyOf counts vt's open ballots per choice afresh.
func tallyOf(vt *assembly.Vote) choiceTally {
	t := choiceTally{}
	for _, b := range vt.Ballots {
		if b.Choice != "" {
			t[b.Choice]++
		}
	}
	return t
}

// presentOf counts the voting rights whose holder is in the hall now
// (rightInHall).
func presentOf(s *assembly.State, eligible map[string]bool) int {
	n := 0
	for right := range eligible {
		if rightInHall(s, right) {
			n++
		}
	}
	return n
}

// rightInHall reports whether the person who votes with a voting right
// is in the hall: a guest's right ("p:" + person) is their own; a
// mandate is exercised by its holder, or, while the holder is not in the
// hall, by the proxy carrying it. Each person is looked up once.
func rightInHall(s *assembly.State, right string) bool {
	if len(right) > 2 && right[:2] == "p:" {
		return s.InHall(right[2:])
	}
	m := s.Mandates[right]
	if m == nil {
		return false
	}
	return s.InHall(m.Person) || m.Proxy != "" && s.InHall(m.Proxy)
}
