package web

import (
	"maps"
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
// counts of the ballots follow the ballots cast: a vote's ballots are
// only appended to while the state is the same (see votedSets), so each
// count reads only the ballots cast since the one before (runningTally);
// counting them all again after every batch of a burst was a fifth of
// the console's first render of each state (3,000–10,000 ballots).

// liveCounts are the memos of the assemblies the pages render, by id,
// and the indexes their searches read (personIndex).
type liveCounts struct {
	of      sync.Map // assembly id → *atomic.Pointer[liveOf]
	indexes sync.Map // assembly id → *atomic.Pointer[personIndex]
}

// slot is the memo of assembly id's readers' state.
func (c *liveCounts) slot(id string) *atomic.Pointer[liveOf] { return slotIn[liveOf](&c.of, id) }

// indexSlot is the index of assembly id's readers' state.
func (c *liveCounts) indexSlot(id string) *atomic.Pointer[personIndex] {
	return slotIn[personIndex](&c.indexes, id)
}

// slotIn is the slot of id in m, made when first asked for.
func slotIn[T any](m *sync.Map, id string) *atomic.Pointer[T] {
	if p, ok := m.Load(id); ok {
		return p.(*atomic.Pointer[T])
	}
	p, _ := m.LoadOrStore(id, new(atomic.Pointer[T]))
	return p.(*atomic.Pointer[T])
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

	// tally is the running count of each vote in progress asked of, by
	// its id; ballotsRead counts the ballots read for them (the tests
	// count them).
	tally       map[string]*runningTally
	ballotsRead int

	// voted is who has voted in the votes and elections of state: shared
	// by its memos (a move of the presence does not change who voted).
	voted *votedSets

	// carried is the mandates each person carries as proxy, by the
	// proxy's id, in the order submitted (carriedBy); nil until asked.
	carried map[string][]string
}

// carriedBy is the ids of the mandates person carries as proxy, in the
// order they were submitted: read from a map made once while the
// presence holds (who carries which mandate is of the presence), rather
// than by a walk of every mandate for each delegate's page.
func (v *view) carriedBy(person string) []string {
	l := v.liveOf()
	if l == nil {
		return carriedIn(v.S)[person]
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.carried == nil {
		l.carried = carriedIn(v.S)
	}
	return l.carried[person]
}

// carriedIn is the mandates of s carried as proxy, by the proxy's id.
func carriedIn(s *assembly.State) map[string][]string {
	c := map[string][]string{}
	for _, id := range s.MandateOrder {
		if m := s.Mandates[id]; m != nil && m.Proxy != "" {
			c[m.Proxy] = append(c[m.Proxy], id)
		}
	}
	return c
}

// votedSets is who has cast a ballot in each vote and election asked of
// (by its *assembly.Vote or *assembly.Election), brought up to date with
// the ballots cast since at each ask; read counts the ballots read for
// them (the tests count them). mu guards the rest.
type votedSets struct {
	mu   sync.Mutex
	of   map[any]*ballotVoters
	read int
}

// choiceTally is a vote's open ballots and votes per choice (shared by the
// renders: read only).
type choiceTally = map[string]choiceN

// choiceN is one choice's open ballots, and the votes they carry (their
// weights counted: a mandate of weight 2 is one ballot and two votes).
type choiceN struct{ votes, ballots int }

// countBallot counts ballot b in t.
func countBallot(t choiceTally, b assembly.Ballot) {
	if b.Choice != "" {
		n := t[b.Choice]
		n.votes += max(b.Weight, 1)
		n.ballots++
		t[b.Choice] = n
	}
}

// runningTally is the running count t of the first n ballots of vote
// (never written once made: a count of more ballots is another).
type runningTally struct {
	vote *assembly.Vote
	n    int
	t    choiceTally
}

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
	l := &liveOf{state: v.S, presence: v.S.PresenceEvents, voted: &votedSets{}}
	if old := v.live.Load(); old != nil && old.state == v.S {
		// The same state, its presence moved on: who voted holds, and
		// the running counts of the votes in progress go on from theirs.
		l.voted = old.voted
		old.mu.Lock()
		for id, r := range old.tally {
			if r.vote.InProgress() {
				if l.tally == nil {
					l.tally = map[string]*runningTally{}
				}
				l.tally[id] = r
			}
		}
		old.mu.Unlock()
	}
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
	return voteLive{present: n, tally: l.runningTally(vt)}
}

// runningTally is vt's running count, brought up to date with the
// ballots cast since it was last asked (all of them the first time, or
// when the vote is not the one counted: another state's); l.mu is held.
// The count returned is never written again: renders read it without
// l.mu, so one with more ballots is a copy (of a few choices) with them
// added.
func (l *liveOf) runningTally(vt *assembly.Vote) choiceTally {
	r := l.tally[vt.ID]
	if r != nil && r.vote == vt && r.n == len(vt.Ballots) {
		return r.t
	}
	from, t := 0, choiceTally{}
	if r != nil && r.vote == vt && r.n < len(vt.Ballots) {
		from, t = r.n, maps.Clone(r.t)
	}
	for _, b := range vt.Ballots[from:] {
		countBallot(t, b)
	}
	l.ballotsRead += len(vt.Ballots) - from
	if l.tally == nil {
		l.tally = map[string]*runningTally{}
	}
	l.tally[vt.ID] = &runningTally{vote: vt, n: len(vt.Ballots), t: t}
	return t
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
		countBallot(t, b)
	}
	return t
}

// presentOf counts the voting rights eligible that are present now, as
// the quorum and a vote's attendance count them (assembly's PresentOf):
// the "present now" beside a vote's "present when it was opened".
func presentOf(s *assembly.State, eligible map[string]bool) int {
	return s.PresentOf(eligible)
}

// Whether the viewer has voted in a vote or an election (a delegate's
// page asks it of every vote and election it shows, and during a vote
// every delegate's page is fetched again on every event) walked every
// ballot: ten thousand string compares a render at ten thousand ballots.
// Who has voted is kept in the memo of the state instead, for each vote
// and election, as a set of the people who cast a ballot in it, plain or
// encrypted (not assembly.Vote.Voted, which is by voting right: a person
// who carries another's mandate as a proxy and has voted only with that
// one has not voted with their own). A vote's or an election's ballots
// are only ever appended to, while the state is the same (BallotCast,
// ElectionBallotCast and EncryptedBallotCast append; nothing else writes
// them), so the set follows the ballots cast since it was last asked,
// reading each ballot once for each state rather than each render; and
// the memos of one state share the sets (votedSets), since a move of the
// presence, which makes a new memo, does not change who has voted. Only
// the votes and elections in progress (open, or closed and not yet
// declared) have a set: the readers' state lives as long as the server,
// and a set of ten thousand voters takes near half a megabyte; a set is
// dropped once its vote or election is no longer in progress (when the
// next set is made), and of the others (the delegate's page asks of every
// past secret vote, for its receipts) the ballots are walked, as before.

// ballotVoters is who has cast a ballot in a vote or an election: the
// voters of its first plain ballots and of the first cast of its
// encrypted ones (enc's). Guarded by its votedSets' mu.
type ballotVoters struct {
	people map[string]struct{}
	plain  int
	enc    *assembly.EncryptedVote
	cast   int
}

// votedIn reports, walking every ballot, whether person has cast one of
// the plain ballots (whose voter is voter's) or of enc's encrypted ones
// (enc nil: none).
func votedIn[B any](plain []B, voter func(*B) string, enc *assembly.EncryptedVote, person string) bool {
	for i := range plain {
		if voter(&plain[i]) == person {
			return true
		}
	}
	if enc != nil {
		for _, b := range enc.Cast {
			if b.Voter == person {
				return true
			}
		}
	}
	return false
}

// hasVoted is votedIn of the vote or election key (a *assembly.Vote or
// *assembly.Election), from its set of voters in l, which it first brings
// up to date with the ballots cast since.
func hasVoted[B any](l *liveOf, key any, plain []B, voter func(*B) string, enc *assembly.EncryptedVote, person string) bool {
	sets := l.voted
	sets.mu.Lock()
	defer sets.mu.Unlock()
	w := sets.of[key]
	if w == nil || len(plain) < w.plain || enc != w.enc || enc != nil && len(enc.Cast) < w.cast {
		// Not yet asked; or (which the events never do) ballots gone
		// or the encrypted ballots replaced: read afresh.
		w = &ballotVoters{people: make(map[string]struct{}, len(plain)), enc: enc}
		if sets.of == nil {
			sets.of = map[any]*ballotVoters{}
		}
		for k := range sets.of {
			if !inProgress(k) {
				delete(sets.of, k)
			}
		}
		sets.of[key] = w
	}
	for ; w.plain < len(plain); w.plain++ {
		w.people[voter(&plain[w.plain])] = struct{}{}
		sets.read++
	}
	if enc != nil {
		for ; w.cast < len(enc.Cast); w.cast++ {
			w.people[enc.Cast[w.cast].Voter] = struct{}{}
			sets.read++
		}
	}
	_, ok := w.people[person]
	return ok
}

// inProgress reports whether the vote or election key (a *assembly.Vote
// or *assembly.Election) is in progress: it may have a set of voters.
func inProgress(key any) bool {
	switch k := key.(type) {
	case *assembly.Vote:
		return k.InProgress()
	case *assembly.Election:
		return k.InProgress()
	}
	return false
}
