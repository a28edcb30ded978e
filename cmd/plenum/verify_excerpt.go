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
		d, _, err := ledger.DecodeEntry(e.Data)
		if err != nil {
			return fmt.Errorf("entry %d: %w", e.Index, err)
		}
		events = append(events, assembly.LoggedEvent{Index: e.Index, Type: d.Type, Payload: d.Payload})
	}
	counts, err := assembly.CheckEncryptedCounts(events)
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
	return nil
}
