package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/ledger"
)

// receiptsHelp serves /a/{id}/receipt without an entry: the receipt
// page, in the reader's language, listing the viewer's ballots whose
// receipts the server can find (myBallots) and saying where the others'
// are found (right after the ballot; a secret ballot's from the
// delegate's page with its code), rather than a bare error.
func (s *server) receiptsHelp(w http.ResponseWriter, r *http.Request, a *engine.Assembly, sess *auth.Session) {
	v := &view{Page: "receipt", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Loc: s.opts.Location, Query: r.URL.Query()}
	mine := s.myBallots(r.Context(), a, actorOf(sess))
	var buf strings.Builder
	var err error
	a.Read(func(st *assembly.State) {
		v.S, v.Me = st, identify(st, sess)
		localize(r, v)
		v.Title = v.L.T("web.title.receipt") + " · " + balanced(st.Assembly.Name)
		for i := range mine {
			b := &mine[i]
			if vt := st.Votes[b.vote]; vt != nil && !b.Election {
				b.Question = voteQuestion(st, vt)
			} else if el := st.Elections[b.vote]; el != nil && b.Election {
				b.Question = el.Title
			}
		}
		v.MyBallots = mine
		err = s.pages["receipt"].ExecuteTemplate(&buf, "layout", v)
	})
	s.sendReceiptPage(w, r, a, buf.String(), err)
}

// myBallot is one of the viewer's ballots on their receipts page: its
// entry (the link to its receipt), when it was cast and on what.
type myBallot struct {
	Index    int64
	At       time.Time
	Question string
	Election bool
	vote     string // the vote's or the election's id
}

// myBallots are person's ballots in votes and elections that are not
// secret, latest first, as the log records them (ballot_cast with a
// choice, election_ballot_cast): read from the assembly's ballotIndex,
// brought up to the readers' state first. A secret ballot (a ballot_cast
// without its choice) is left out, and an encrypted ballot (an event of
// its own): the server lists no ballot of a secret vote under a person
// (its receipt is got with its code on the delegate's page).
func (s *server) myBallots(ctx context.Context, a *engine.Assembly, person string) []myBallot {
	x := s.ballotIndexOf(a.ID())
	var upTo int64
	a.Read(func(st *assembly.State) { upTo = int64(st.Events) })
	x.mu.Lock()
	if x.reading || upTo-x.upTo > ballotsReadAtOnce {
		// Far behind (the first list since the server started): the
		// index reads the log in the background, and meanwhile the list
		// is found as before it was kept.
		if !x.reading {
			x.reading = true
			go x.readBehind(a, upTo)
		}
		x.mu.Unlock()
		return keyedBallots(ctx, a, person)
	}
	defer x.mu.Unlock()
	x.readUpTo(ctx, a, upTo)
	refs := x.of[person]
	out := make([]myBallot, 0, len(refs))
	for i := len(refs) - 1; i >= 0; i-- {
		r := refs[i]
		out = append(out, myBallot{Index: r.entry, At: time.Unix(0, r.at).UTC(), vote: x.ids[r.vote], Election: r.election})
	}
	return out
}

// ballotIndex is the open ballots of an assembly's log by voter: the
// receipts page listed a delegate's ballots by a walk of every key the
// state keeps (assembly.State.Keys: 450,000 in 50 votes of 10,000
// delegates) and a read of the log for each of the delegate's keyed
// commands, on every view; now it reads the index, and the index reads
// each entry of the log once, as the log grows (the entries up to the
// readers' state, before each list; only the ballots are decoded). A
// ballot given without an idempotency key (a command script) is found
// too. Entries, once in the log, do not change: the index holds for
// every state of the assembly. mu guards the rest.
type ballotIndex struct {
	mu sync.Mutex
	// reading is set while the index reads the log in the background
	// (readBehind).
	reading bool
	upTo    int64                  // the entries read: [0, upTo)
	of      map[string][]ballotRef // voter → their ballots, in the log's order
	ids     []string               // the votes' and elections' ids (ballotRef.vote)
	id      map[string]int32       // id → its place in ids
}

// ballotRef is one open ballot in the index: its entry, when it was
// cast (Unix nanoseconds), and the vote or election (of ballotIndex.ids).
type ballotRef struct {
	entry, at int64
	vote      int32
	election  bool
}

// ballotIndexOf is the index of assembly id, made when first asked for.
func (s *server) ballotIndexOf(id string) *ballotIndex {
	if x, ok := s.ballots.Load(id); ok {
		return x.(*ballotIndex)
	}
	x, _ := s.ballots.LoadOrStore(id, &ballotIndex{of: map[string][]ballotRef{}, id: map[string]int32{}})
	return x.(*ballotIndex)
}

// ballotsReadAtOnce is how many entries of the log the index reads at a
// time.
const ballotsReadAtOnce = 4096

// readUpTo reads the entries of a's log up to end into the index; x.mu
// is held. An entry that cannot be read is left for the next list (the
// index reads on from it then).
func (x *ballotIndex) readUpTo(ctx context.Context, a *engine.Assembly, end int64) {
	for x.upTo < end {
		to := min(x.upTo+ballotsReadAtOnce, end)
		es, err := a.Log().Read(ctx, x.upTo, to)
		if err != nil || int64(len(es)) != to-x.upTo {
			return
		}
		for _, e := range es {
			if e.Type != "ballot_cast" && e.Type != "election_ballot_cast" {
				continue
			}
			ev, err := assembly.DecodeEvent(e.Type, e.Payload)
			if err != nil {
				continue
			}
			switch ev := ev.(type) {
			case assembly.BallotCast:
				if ev.Choice != "" {
					x.add(ev.Voter, e, ev.Vote, false)
				}
			case assembly.ElectionBallotCast:
				x.add(ev.Ballot.Voter, e, ev.Election, true)
			}
		}
		x.upTo = to
	}
}

// readBehind reads a's log up to end into the index, a part at a time,
// letting the lists between the parts (each made as before the index was
// kept, keyedBallots, until it is done).
func (x *ballotIndex) readBehind(a *engine.Assembly, end int64) {
	ctx := context.Background()
	for {
		x.mu.Lock()
		from := x.upTo
		x.readUpTo(ctx, a, min(from+ballotsReadAtOnce, end))
		if x.upTo == from || x.upTo >= end {
			x.reading = false
			x.mu.Unlock()
			return
		}
		x.mu.Unlock()
	}
}

// add indexes the ballot of voter in the vote or election id, entry e.
func (x *ballotIndex) add(voter string, e ledger.Entry, id string, election bool) {
	n, ok := x.id[id]
	if !ok {
		n = int32(len(x.ids))
		x.ids = append(x.ids, id)
		x.id[id] = n
	}
	x.of[voter] = append(x.of[voter], ballotRef{entry: e.Index, at: e.Time.UnixNano(), vote: n, election: election})
}

// keyedBallots are person's open ballots as the list found them before
// the index was kept, while it reads the log in the background: the
// state keeps no ballot's entry, but it keeps every command's
// idempotency key, scoped to its actor, with the entry of its first
// event (assembly.State.Keys, engine.ScopedKey); a ballot is a command
// of one event, and the pages and the API key every command. So the
// entries of person's keyed commands, read from the log, hold their
// ballots, among their other acts. A ballot given without a key is not
// found until the index is read.

func keyedBallots(ctx context.Context, a *engine.Assembly, person string) []myBallot {
	var entries []int64
	want := 0 // how many such ballots person cast: the reading stops when all are found
	prefix := engine.ScopedKey(person, "")
	a.Read(func(st *assembly.State) {
		for k, u := range st.Keys {
			if strings.HasPrefix(k, prefix) {
				entries = append(entries, int64(u.First))
			}
		}
		for _, vt := range st.Votes {
			for _, b := range vt.Ballots {
				if b.Voter == person && b.Choice != "" {
					want++
				}
			}
		}
		for _, el := range st.Elections {
			for _, b := range el.Ballots {
				if b.Voter == person {
					want++
				}
			}
		}
	})
	slices.Sort(entries)
	var out []myBallot
	for i := len(entries) - 1; i >= 0 && len(out) < want; i-- {
		es, err := a.Log().Read(ctx, entries[i], entries[i]+1)
		if err != nil || len(es) != 1 {
			continue
		}
		ev, err := assembly.DecodeEvent(es[0].Type, es[0].Payload)
		if err != nil {
			continue
		}
		switch ev := ev.(type) {
		case assembly.BallotCast:
			if ev.Voter == person && ev.Choice != "" {
				out = append(out, myBallot{Index: entries[i], At: es[0].Time, vote: ev.Vote})
			}
		case assembly.ElectionBallotCast:
			if ev.Ballot.Voter == person {
				out = append(out, myBallot{Index: entries[i], At: es[0].Time, vote: ev.Election, Election: true})
			}
		}
	}
	return out
}
