package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/tlogproof"
)

// excerptCounts checks the counts of the encrypted votes an excerpt
// shows (assembly.CheckEncryptedCounts: the key ceremony, every ballot,
// their sum, the trustees' partial decryptions, the derived counts and
// the declared result, as the replay of the whole log checks them) and
// writes what it proved of each to w: the count, from how many
// trustees' decryptions of the sum of how many ballots; who declared
// the result (plenum itself when the K-th share arrived, under that
// trustee's name); and what it could not check. A vote whose count the
// excerpt does not hold is said to be unchecked. The first entry that
// fails is the error.
func excerptCounts(l *i18n.Locale, w io.Writer, x *tlogproof.Excerpt) error {
	events := make([]assembly.LoggedEvent, 0, len(x.Entries))
	for _, e := range x.Entries {
		d, ref, err := e.Decode()
		if err != nil {
			return fmt.Errorf("entry %d: %w", e.Index, err)
		}
		if ref != nil && d.Payload == nil && assembly.ExcerptReads(d.Type) {
			return fmt.Errorf("entry %d (%s): its payload is stored beside the log (SHA-256 %x, %d bytes), and the excerpt does not carry it, so it cannot be checked", e.Index, d.Type, ref.SHA256, ref.Size)
		}
		events = append(events, assembly.LoggedEvent{Index: e.Index, Type: d.Type, Payload: d.Payload})
	}
	counts, err := assembly.CheckEncryptedCounts(events)
	if err != nil {
		return err
	}
	elections, err := assembly.CheckElections(events)
	if err != nil {
		return err
	}
	votes, err := assembly.CheckVotes(events)
	if err != nil {
		return err
	}
	for _, c := range counts {
		vote := shown(c.Vote)
		switch {
		case !c.Checked && c.Steps == 0:
			fmt.Fprintln(w, l.T("cli.excerpt.count.none", vote))
			continue
		case !c.Checked:
			fmt.Fprintln(w, l.T("cli.excerpt.count.pending", vote, c.Steps))
			continue
		}
		parts := make([]string, 0, len(c.Options))
		for _, o := range c.Options {
			parts = append(parts, shown(o)+" "+strconv.Itoa(c.Counts[o]))
		}
		names := make([]string, len(c.Names))
		for i, n := range c.Names {
			names[i] = shown(n)
		}
		fmt.Fprintln(w, l.T("cli.excerpt.count", vote, len(c.Decrypted), c.Trustees, strings.Join(names, ", "),
			l.T("cli.excerpt.n_ballots", c.Ballots), l.T("cli.excerpt.n_votes", int(c.Weight)), strings.Join(parts, ", ")))
		if c.Cast != c.Ballots {
			fmt.Fprintln(w, l.T("cli.excerpt.count.replaced", vote, c.Ballots, c.Cast))
		}
		switch {
		case c.Declared >= 0 && c.Automatic:
			fmt.Fprintln(w, l.T("cli.excerpt.declared.auto", vote, int(c.Declared), c.Quorum, shown(c.DeclaredBy)))
		case c.Declared >= 0:
			fmt.Fprintln(w, l.T("cli.excerpt.declared.by", vote, int(c.Declared), shown(c.DeclaredBy)))
		}
		fmt.Fprintln(w, l.T("cli.excerpt.count.limits", vote))
	}
	for _, c := range elections {
		excerptElection(l, w, c)
	}
	for _, c := range votes {
		excerptVote(l, w, c)
	}
	return nil
}

// excerptVote writes what CheckVotes proved of a plain vote: its
// declaration counted again from the ballots, the sealed votes or the
// last count entered the excerpt shows, or why it was not; and what it
// could not check.
func excerptVote(l *i18n.Locale, w io.Writer, c *assembly.VoteCheck) {
	id := shown(c.Vote)
	switch {
	case c.Alternatives:
		fmt.Fprintln(w, l.T("cli.excerpt.vote.drafts", id))
		return
	case c.Withdrawn >= 0:
		fmt.Fprintln(w, l.T("cli.excerpt.vote.withdrawn", id, int(c.Withdrawn)))
		return
	case c.Declared < 0:
		fmt.Fprintln(w, l.T("cli.excerpt.vote.pending", id))
		return
	case !c.Recounted:
		fmt.Fprintln(w, l.T("cli.excerpt.vote.unchecked", id, int(c.Declared)))
		return
	}
	from := l.T("cli.excerpt.vote.none")
	switch {
	case c.Method == "secret" && c.Sealed > 0:
		from = l.T("cli.excerpt.vote.sealed", c.Sealed)
	case c.Ballots > 0:
		from = l.T("cli.excerpt.n_ballots", c.Ballots)
	case c.Rounds > 0:
		from = l.T("cli.excerpt.vote.rounds", c.Rounds)
	}
	fmt.Fprintln(w, l.T("cli.excerpt.vote.recounted", id, int(c.Declared), shown(c.DeclaredBy), from, shown(c.Arithmetic)))
	if c.AbstentionsCount {
		fmt.Fprintln(w, l.T("cli.excerpt.vote.abstentions", id))
	}
	fmt.Fprintln(w, l.T("cli.excerpt.vote.limits", id))
}

// excerptElection writes what CheckElections proved of an election: the
// count made again from its ballots (or from its trustees' decryptions),
// whether its declaration is that count, or that it was withdrawn or is
// not declared yet; and what it could not check.
func excerptElection(l *i18n.Locale, w io.Writer, c *assembly.ElectionCheck) {
	id := shown(c.Election)
	if k := c.Count; k != nil {
		totals := make([]string, len(k.First))
		for i, v := range k.First {
			totals[i] = shown(v.ID) + " " + v.Votes
		}
		elected := shownList(k.Elected)
		names := shownList(c.Names)
		switch {
		case c.Encrypted && c.Ranked:
			fmt.Fprintln(w, l.T("cli.excerpt.election.shuffled", id, len(c.Decrypted), c.Trustees, names,
				l.T("cli.excerpt.n_ballots", k.Ballots), strings.Join(totals, ", "), shown(k.Method), elected))
		case c.Encrypted:
			fmt.Fprintln(w, l.T("cli.excerpt.election.decrypted", id, len(c.Decrypted), c.Trustees, names,
				l.T("cli.excerpt.n_ballots", c.Ballots), l.T("cli.excerpt.n_votes", int(c.Weight)), strings.Join(totals, ", "), shown(k.Method), elected))
		default:
			fmt.Fprintln(w, l.T("cli.excerpt.election.recount", id, shown(k.Method),
				l.T("cli.excerpt.n_ballots", c.Ballots), l.T("cli.excerpt.n_votes", int(c.Weight)), strings.Join(totals, ", "), elected))
		}
		if c.Encrypted && c.Cast != c.Ballots {
			fmt.Fprintln(w, l.T("cli.excerpt.election.replaced", id, c.Ballots, c.Cast))
		}
	}
	switch {
	case c.Withdrawn >= 0:
		fmt.Fprintln(w, l.T("cli.excerpt.election.withdrawn", id, int(c.Withdrawn)))
	case c.Declared < 0:
		fmt.Fprintln(w, l.T("cli.excerpt.election.pending", id, c.Steps))
	case c.AsStated:
		fmt.Fprintln(w, l.T("cli.excerpt.election.stated", id, int(c.Declared), shown(c.DeclaredBy), shownList(c.Elected)))
	case c.Automatic:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.auto", id, int(c.Declared), c.Quorum, shown(c.DeclaredBy)))
	case c.Recorded:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.by", id, int(c.Declared), shown(c.DeclaredBy)))
	default:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.names", id, int(c.Declared), shown(c.DeclaredBy)))
	}
	fmt.Fprintln(w, l.T("cli.excerpt.election.limits", id))
}

// shownList is ids joined by ", " for a terminal (shown), or "—" for
// none.
func shownList(ids []string) string {
	if len(ids) == 0 {
		return "—"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = shown(id)
	}
	return strings.Join(out, ", ")
}

// excerptEntry writes an entry of an excerpt as the log holds it, and
// where its payload is stored beside the log, the payload the excerpt
// carries (checked against the SHA-256 and the size the entry names) or
// that it carries none.
func excerptEntry(l *i18n.Locale, w io.Writer, e tlogproof.ExcerptEntry) {
	fmt.Fprintf(w, "%s\n", shown(string(e.Data)))
	_, ref, err := ledger.DecodeEntry(e.Data)
	switch {
	case err != nil || ref == nil:
	case e.Payload != nil:
		fmt.Fprintln(w, l.T("cli.excerpt.payload", int(e.Index), int(ref.Size), fmt.Sprintf("%x", ref.SHA256), shown(string(e.Payload))))
	default:
		fmt.Fprintln(w, l.T("cli.excerpt.payload.missing", int(e.Index), int(ref.Size), fmt.Sprintf("%x", ref.SHA256)))
	}
}
