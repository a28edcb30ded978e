package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
)

// receiptsHelp serves /a/{id}/receipt without an entry: the receipt
// page, in the reader's language, listing the viewer's ballots whose
// receipts the server can find (myBallots) and saying where the others'
// are found (right after the ballot; a secret ballot's from the
// delegate's page with its code), rather than a bare error.
func (s *server) receiptsHelp(w http.ResponseWriter, r *http.Request, a *engine.Assembly, sess *auth.Session) {
	v := &view{Page: "receipt", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Loc: s.opts.Location, Query: r.URL.Query()}
	mine := myBallots(r.Context(), a, actorOf(sess))
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
// secret, latest first. The state keeps no ballot's entry, but it keeps
// every command's idempotency key, scoped to its actor, with the entry
// of its first event (assembly.State.Keys, engine.ScopedKey); a ballot
// is a command of one event, and the pages and the API key every
// command. So the entries of person's keyed commands, read from the log,
// hold their ballots, among their other acts: nothing new is kept. A
// ballot given without a key (a command script) is not found; its
// receipt is still served by its entry. A secret ballot's entry is left
// out, and an encrypted ballot's: the server lists no ballot of a secret
// vote under a person (its receipt is got with its code on the
// delegate's page).
func myBallots(ctx context.Context, a *engine.Assembly, person string) []myBallot {
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
