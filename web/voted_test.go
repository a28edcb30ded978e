package web

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/enctest"
)

// walkVoted is whether person has cast a ballot in vt as the delegate's
// page has always said it: walking every ballot, plain and encrypted.
func walkVoted(vt *assembly.Vote, person string) bool {
	voters := make([]string, 0, len(vt.Ballots))
	for _, b := range vt.Ballots {
		voters = append(voters, b.Voter)
	}
	return walkVoters(voters, vt.Encrypted, person)
}

// walkElectionVoted is walkVoted for an election.
func walkElectionVoted(el *assembly.Election, person string) bool {
	voters := make([]string, 0, len(el.Ballots))
	for _, b := range el.Ballots {
		voters = append(voters, b.Voter)
	}
	return walkVoters(voters, el.Encrypted, person)
}

// walkVoters reports whether person is one of voters or of the voters of
// enc's ballots (enc nil: none).
func walkVoters(voters []string, enc *assembly.EncryptedVote, person string) bool {
	if enc != nil {
		for _, b := range enc.Cast {
			voters = append(voters, b.Voter)
		}
	}
	for _, v := range voters {
		if v == person {
			return true
		}
	}
	return false
}

// votedPeople are everyone of newLiveHall and the trustees, and someone
// the assembly does not know.
var votedPeople = []string{"chair", "g1", "d1", "d2", "d3", "d4", "d5", "d6", "t1", "t2", "t3", "nobody", ""}

// checkVoted asks, for every vote and election of h's state and every
// person, whether they have voted: from the memo of slot (twice, as two
// renders of the state would: the second reads no ballot) and without a
// memo, and compares each answer with walkVoted's. want lists, by vote or
// election id, who must have voted (the others of votedPeople must not).
// It returns the memo.
func (h *liveHall) checkVoted(slot *atomic.Pointer[liveOf], step string, want map[string][]string) *liveOf {
	h.t.Helper()
	var read int
	for round := 0; round < 2; round++ {
		for _, p := range votedPeople {
			memo := &view{S: h.s, live: slot, L: i18n.For("en"), Me: viewer{Person: p}}
			fresh := &view{S: h.s, L: i18n.For("en"), Me: viewer{Person: p}}
			// each compares the answers of the memo and without one, of
			// the vote or election id, with the walk's (w).
			each := func(what, id string, w bool, ask func(v *view) bool) {
				if got := ask(memo); got != w {
					h.t.Errorf("%s: %s %s: %q has voted, from the memo: %t; the walk: %t", step, what, id, p, got, w)
				}
				if got := ask(fresh); got != w {
					h.t.Errorf("%s: %s %s: %q has voted, without a memo: %t; the walk: %t", step, what, id, p, got, w)
				}
				if m := contains(want[id], p); want != nil && m != w {
					h.t.Errorf("%s: %s %s: %q has voted: %t, want %t", step, what, id, p, w, m)
				}
			}
			for id, vt := range h.s.Votes {
				each("vote", id, walkVoted(vt, p), func(v *view) bool { return v.Voted(vt) })
			}
			for id, el := range h.s.Elections {
				each("election", id, walkElectionVoted(el, p), func(v *view) bool { return v.ElectionVoted(el) })
			}
		}
		n := ballotsRead(slot.Load())
		if round == 1 && n != read {
			h.t.Errorf("%s: the second round of renders read %d ballots again", step, n-read)
		}
		read = n
	}
	return slot.Load()
}

// ballotsRead is how many ballots have been read for l's sets of voters.
func ballotsRead(l *liveOf) int {
	l.voted.mu.Lock()
	defer l.voted.mu.Unlock()
	return l.voted.read
}

// TestVotedFollowsEveryBallot: whether the viewer has voted, answered
// from the memo of the readers' state, is what a walk of every ballot
// answers, after each ballot of a roll-call vote (a proxy voting only
// with the mandate they carry, then with their own; a guest), a secret
// vote, an encrypted vote (with a second ballot that replaces the
// first), an election and an encrypted election; the set of voters is
// not stale after a ballot (a new event on the same state and memo),
// reads each new ballot once, and is read afresh for another state.
func TestVotedFollowsEveryBallot(t *testing.T) {
	type obj = map[string]any
	h := newLiveHall(t)
	slot := new(atomic.Pointer[liveOf])
	for _, p := range []string{"t1", "t2", "t3"} {
		h.do("admin", "add_person", obj{"id": p, "name": "Trustee " + p})
	}
	h.do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	l := h.checkVoted(slot, "opened", nil)

	// d6 is away; d2 carries the mandate and votes with it alone: the
	// page has always said d2 has voted (a ballot of theirs), though
	// their own right has not (assembly.Vote.Voted is by right).
	h.do("admin", "transfer_proxy", obj{"mandate": "m-d6", "to": "d2"})
	l = h.checkVoted(slot, "proxy to d2", nil)
	h.do("d2", "cast_ballot", obj{"vote": "v1", "voter": "d2", "for_mandate": "m-d6", "choice": "against"})
	if vt := h.s.Votes["v1"]; vt.Voted["m-d2"] || !vt.Voted["m-d6"] {
		t.Fatalf("d2's ballot for m-d6: the rights voted are %v", vt.Voted)
	}
	if slot.Load() != l {
		t.Fatal("a ballot replaced the memo: the test would not see a stale set")
	}
	before := ballotsRead(l)
	h.checkVoted(slot, "d2 voted for d6", map[string][]string{"v1": {"d2"}})
	if n := ballotsRead(l) - before; n != 1 {
		t.Errorf("the ballot after the memo's: %d ballots read, want the new one alone", n)
	}
	for i, p := range []string{"d2", "d1", "g1", "d3"} {
		// Each ballot a new event of the same state, whose presence
		// holds: the same memo, which must follow it.
		h.do(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": []string{"for", "against", "abstain", "for"}[i]})
		if slot.Load() != l {
			t.Fatalf("%s's ballot replaced the memo", p)
		}
		h.checkVoted(slot, p+" voted", nil)
	}
	h.checkVoted(slot, "v1 cast", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}})
	// A move of the presence makes a new memo of the same state, which
	// keeps who has voted: no ballot is read again.
	before = ballotsRead(l)
	h.do("chair", "leave_hall", obj{"persons": []string{"d3"}})
	h.checkVoted(slot, "d3 left", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}})
	if slot.Load() == l || ballotsRead(slot.Load()) != before {
		t.Errorf("a departure: a new memo %t, %d ballots read again; want a new memo reading none", slot.Load() != l, ballotsRead(slot.Load())-before)
	}
	h.do("chair", "return_to_hall", obj{"persons": []string{"d3"}})
	h.do("chair", "close_vote", obj{"vote": "v1"})
	h.checkVoted(slot, "v1 closed", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}})
	h.do("chair", "declare_result", obj{"vote": "v1"})

	// A secret vote: ballots without a choice.
	h.do("chair", "open_vote", obj{"id": "v2", "motion": "mo2", "method": "secret"})
	h.checkVoted(slot, "secret opened", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}})
	for _, p := range []string{"d4", "d1"} {
		h.do(p, "cast_ballot", obj{"vote": "v2", "voter": p, "choice": "for", "token": strings.Repeat(p, 8)})
		h.checkVoted(slot, p+" voted in secret", nil)
	}
	h.checkVoted(slot, "secret cast", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}, "v2": {"d1", "d4"}})
	h.do("chair", "close_vote", obj{"vote": "v2", "sealed": []obj{{"choice": "for", "token": strings.Repeat("d4", 8)}, {"choice": "for", "token": strings.Repeat("d1", 8)}}})

	// An encrypted vote whose ballots may be cast again.
	h.do("chair", "open_vote", obj{"id": "v3", "question": "Adopt the accounts?", "method": "encrypted", "trustees": []string{"t1", "t2", "t3"}, "trustee_quorum": 2, "revote": true})
	c := ceremony(h, func(kv ...any) obj { return obj{"vote": "v3", kv[0].(string): kv[1]} }, h.s.Votes["v3"].Encrypted)
	h.checkVoted(slot, "encrypted key", nil)
	castEnc := func(p, right string, option int) {
		h.do(p, "cast_encrypted_ballot", obj{"vote": "v3", "voter": p, "ballot": json.RawMessage(enctest.Ballot(t, c.Key, 3, option, right))})
	}
	castEnc("d3", "m-d3", 0)
	h.checkVoted(slot, "d3 voted encrypted", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}, "v2": {"d1", "d4"}, "v3": {"d3"}})
	castEnc("d4", "m-d4", 1)
	castEnc("d3", "m-d3", 2) // again: replaces the first
	h.checkVoted(slot, "d3 voted again", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}, "v2": {"d1", "d4"}, "v3": {"d3", "d4"}})
	h.do("chair", "close_vote", obj{"vote": "v3"})

	// An election, then an encrypted one.
	h.do("chair", "open_election", obj{"id": "e1", "title": "The auditors", "seats": 1, "method": "plurality", "candidates": []string{"d1", "d2"}})
	h.checkVoted(slot, "election opened", nil)
	for _, p := range []string{"d4", "d2"} {
		h.do(p, "cast_election_ballot", obj{"election": "e1", "voter": p, "approve": []string{"d1"}})
		h.checkVoted(slot, p+" voted in e1", nil)
	}
	h.do("chair", "open_election", obj{"id": "e2", "title": "The board", "seats": 1, "method": "plurality", "candidates": []string{"d3", "d4"}, "encrypted": true, "trustees": []string{"t1", "t2", "t3"}, "trustee_quorum": 2})
	el := h.s.Elections["e2"]
	c = ceremony(h, func(kv ...any) obj { return obj{"election": "e2", kv[0].(string): kv[1]} }, el.Encrypted)
	h.do("d1", "cast_encrypted_ballot", obj{"election": "e2", "voter": "d1", "ballot": json.RawMessage(enctest.Marks(t, c.Key, el.Encrypted.Question(), []int{0, 1}, "m-d1"))})
	l = h.checkVoted(slot, "d1 voted in e2", map[string][]string{"v1": {"d1", "d2", "d3", "g1"}, "v2": {"d1", "d4"}, "v3": {"d3", "d4"}, "e1": {"d2", "d4"}, "e2": {"d1"}})

	// The sets are of the votes and elections in progress alone: those
	// declared since were dropped when the next set was made.
	if st := h.s.Votes["v1"].Status; st != assembly.VoteStatusDeclared {
		t.Fatalf("v1 is %s, not declared", st)
	}
	l.voted.mu.Lock()
	for k := range l.voted.of {
		if !inProgress(k) {
			id := ""
			switch k := k.(type) {
			case *assembly.Vote:
				id = "vote " + k.ID
			case *assembly.Election:
				id = "election " + k.ID
			}
			t.Errorf("a set of voters is kept for %s, no longer in progress", id)
		}
	}
	if len(l.voted.of) == 0 {
		t.Error("no set of voters kept")
	}
	l.voted.mu.Unlock()

	// Another state with the same votes, fewer ballots: read afresh.
	other := newLiveHall(t)
	other.do("chair", "open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"})
	other.do("d4", "cast_ballot", obj{"vote": "v1", "voter": "d4", "choice": "for"})
	if ol := other.checkVoted(slot, "another state", map[string][]string{"v1": {"d4"}}); ol == l {
		t.Fatal("another state answered from the first one's memo")
	}
}

// ceremony runs the key ceremony of the encrypted vote or election ev
// (trustees t1, t2, t3), whose commands name it with arg.
func ceremony(h *liveHall, arg func(kv ...any) map[string]any, ev *assembly.EncryptedVote) *enctest.Ceremony {
	h.t.Helper()
	c := enctest.Run(h.t, ev.Params())
	trustees := []string{"t1", "t2", "t3"}
	for i, p := range trustees {
		h.do(p, "post_trustee_key", arg("key", json.RawMessage(enctest.Encode(h.t, c.Keys[i]))))
	}
	for i, p := range trustees {
		h.do(p, "post_dealing", arg("dealing", json.RawMessage(enctest.Encode(h.t, c.Dealings[i]))))
	}
	for i, p := range trustees {
		h.do(p, "post_confirmation", arg("confirmation", json.RawMessage(enctest.Encode(h.t, c.Confirmations[i]))))
	}
	if ev.Key == nil {
		h.t.Fatal("no election key after the ceremony")
	}
	return c
}

// BenchmarkVoted10000 is what a render pays to know whether the viewer has
// voted, in a vote of 10,000 ballots (11,112 delegates, 10,001 arrived),
// asked for one who has not (p11112): walking every ballot (a view
// without a memo, as every page did), by the first render of a state
// (which builds the set: once for each memo, that is for each state and
// each change of its presence), and from the memo (each render after it).
func BenchmarkVoted10000(b *testing.B) {
	h := bigLiveHallOf(b, 11_112, 10_000)
	vt := h.s.Votes["v1"]
	if len(vt.Ballots) != 10_000 {
		b.Fatalf("%d ballots", len(vt.Ballots))
	}
	me := viewer{Person: "p11112"}
	b.Run("walk", func(b *testing.B) {
		v := &view{S: h.s, Me: me}
		b.ReportAllocs()
		for b.Loop() {
			if v.Voted(vt) {
				b.Fatal("voted")
			}
		}
	})
	b.Run("first", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v := &view{S: h.s, live: new(atomic.Pointer[liveOf]), Me: me}
			if v.Voted(vt) {
				b.Fatal("voted")
			}
		}
	})
	v := &view{S: h.s, live: new(atomic.Pointer[liveOf]), Me: me}
	b.Run("memo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v.Voted(vt) {
				b.Fatal("voted")
			}
		}
	})
}
