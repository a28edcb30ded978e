package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/ledger"
	"plenum/named"
)

// receiptsHelp serves /a/{id}/receipt without an entry: the receipt
// page, in the reader's language, listing the viewer's ballots whose
// receipts the server can find (myBallots) and saying where the others'
// are found (right after the ballot; a secret ballot's from the
// delegate's page with its code), rather than a bare error. While the
// list cannot be made (the index still reads a long log after a start,
// for longer than the view waits), the page says so instead.
func (s *server) receiptsHelp(w http.ResponseWriter, r *http.Request, a *engine.Assembly, sess *auth.Session) {
	v := &view{Page: "receipt", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Loc: s.opts.Location, Query: r.URL.Query()}
	mine, err := s.myBallots(r.Context(), a, actorOf(sess))
	if err != nil {
		s.opts.Logger.Warn("web: the list of a delegate's ballots is not ready", "assembly", a.ID(), "err", err)
		v.MyBallotsLater = true
	}
	var buf strings.Builder
	a.Read(func(st *assembly.State) {
		v.S, v.Me = st, identify(st, sess)
		localize(r, v)
		v.Title = v.L.T("web.title.receipt") + " · " + balanced(st.Assembly.Name)
		for i := range mine {
			b := &mine[i]
			if vt := st.Votes[b.vote]; vt != nil && !b.Election {
				b.Question = named.VoteQuestion(st, vt)
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
//
// Far behind (more than ballotsReadAtOnce entries: the first list since
// the server started), the index reads the log in the background
// (readBehind), and the list waits for it, up to ballotsWait and while
// ctx lasts; the reading goes on for the next list should the wait run
// out. An error is a list that could not be made complete, in time or at
// all: never a part of it.
func (s *server) myBallots(ctx context.Context, a *engine.Assembly, person string) ([]myBallot, error) {
	x := s.ballotIndexOf(a.ID())
	var upTo int64
	a.Read(func(st *assembly.State) { upTo = int64(st.Events) })
	ctx, cancel := context.WithTimeout(ctx, ballotsWait)
	defer cancel()
	x.mu.Lock()
	if x.reading == nil && upTo-x.upTo > ballotsReadAtOnce {
		x.reading = make(chan struct{})
		go x.readBehind(a, upTo)
	}
	if done := x.reading; done != nil {
		x.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
		}
		if err := ctx.Err(); err != nil {
			return nil, err // out of time, even should the read have ended meanwhile
		}
		x.mu.Lock()
	}
	defer x.mu.Unlock()
	if err := x.readUpTo(ctx, a, upTo); err != nil {
		return nil, err
	}
	refs := x.of[person]
	out := make([]myBallot, 0, len(refs))
	for i := len(refs) - 1; i >= 0; i-- {
		r := refs[i]
		out = append(out, myBallot{Index: r.entry, At: time.Unix(0, r.at).UTC(), vote: x.ids[r.vote], Election: r.election})
	}
	return out, nil
}

// ballotsWait bounds how long a list of ballots waits for the index to
// read the log (myBallots). The index reads 100,000 entries in 0.2 s of
// CPU (0.5 to 0.9 s on a shared machine of two cores); the 460,000 of
// BenchmarkMyBallots10000 in about 4 s there.
var ballotsWait = 5 * time.Second

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
	// (readBehind), and closed when it ends.
	reading chan struct{}
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
// index reads on from it then), and the error returned.
func (x *ballotIndex) readUpTo(ctx context.Context, a *engine.Assembly, end int64) error {
	for x.upTo < end {
		to := min(x.upTo+ballotsReadAtOnce, end)
		es, err := a.Log().Read(ctx, x.upTo, to)
		if err == nil && int64(len(es)) != to-x.upTo {
			err = fmt.Errorf("web: the log gave %d entries from %d, not %d", len(es), x.upTo, to-x.upTo)
		}
		if err != nil {
			return err
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
				// A secret election's ballot records no ballot, as a
				// secret vote's no choice: never listed under a person.
				if b := ev.Ballot; len(b.Ranking) > 0 || len(b.Approve) > 0 || b.List != "" {
					x.add(b.Voter, e, ev.Election, true)
				}
			}
		}
		x.upTo = to
	}
	return nil
}

// readBehind reads a's log up to end into the index, a part at a time
// (x.mu held for each part alone), and closes x.reading when it is done
// or a part cannot be read.
func (x *ballotIndex) readBehind(a *engine.Assembly, end int64) {
	ctx := context.Background()
	for {
		x.mu.Lock()
		err := x.readUpTo(ctx, a, min(x.upTo+ballotsReadAtOnce, end))
		if err != nil || x.upTo >= end {
			close(x.reading)
			x.reading = nil
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
