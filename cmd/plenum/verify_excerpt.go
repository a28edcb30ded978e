package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	names := excerptCandidates(x)
	for _, c := range elections {
		excerptElection(l, w, c, names[c.Election])
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
// not declared yet; and what it could not check. The candidates and
// lists are named as names names them (excerptCandidates), and where the
// excerpt names a candidate shown by nothing, it says they are given by
// their ids.
func excerptElection(l *i18n.Locale, w io.Writer, c *assembly.ElectionCheck, names *candidateNamer) {
	id := shown(c.Election)
	var shownIDs []string
	if k := c.Count; k != nil {
		totals := make([]string, len(k.First))
		for i, v := range k.First {
			totals[i] = shown(names.either(v.ID)) + " " + v.Votes
			shownIDs = append(shownIDs, v.ID)
		}
		shownIDs = append(shownIDs, k.Elected...)
		elected := namedList(names, k.Elected)
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
		fmt.Fprintln(w, l.T("cli.excerpt.election.stated", id, int(c.Declared), shown(c.DeclaredBy), namedList(names, c.Elected)))
		shownIDs = append(shownIDs, c.Elected...)
	case c.Automatic:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.auto", id, int(c.Declared), c.Quorum, shown(c.DeclaredBy)))
	case c.Recorded:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.by", id, int(c.Declared), shown(c.DeclaredBy)))
	default:
		fmt.Fprintln(w, l.T("cli.excerpt.election.declared.names", id, int(c.Declared), shown(c.DeclaredBy)))
	}
	if len(shownIDs) > 0 && names.unnamed(shownIDs) {
		fmt.Fprintln(w, l.T("cli.excerpt.election.ids", id))
	}
	fmt.Fprintln(w, l.T("cli.excerpt.election.limits", id))
}

// namedList is the candidates (or lists) ids as names names them, joined
// for a terminal (shown) by ", ", or by "; " where a name holds a comma,
// or "—" for none.
func namedList(names *candidateNamer, ids []string) string {
	if len(ids) == 0 {
		return "—"
	}
	out := make([]string, len(ids))
	sep := ", "
	for i, id := range ids {
		if out[i] = shown(names.either(id)); strings.Contains(out[i], ",") {
			sep = "; "
		}
	}
	return strings.Join(out, sep)
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

// excerptEntry writes an entry of an excerpt on a line of its own, as
// a person reads it (excerptEntryLine: its index, when it was recorded,
// its type, by whom, and what its payload says in short), or, with raw
// (--json), as the log holds it; and where its payload is stored beside
// the log, that the excerpt carries its payload (checked against the
// SHA-256 and the size the entry names; with raw, the payload as it
// stands) or that it carries none.
func excerptEntry(l *i18n.Locale, w io.Writer, e tlogproof.ExcerptEntry, raw bool) {
	d, ref, err := e.Decode()
	switch {
	case raw || err != nil:
		fmt.Fprintf(w, "%s\n", shown(string(e.Data)))
	default:
		fmt.Fprintln(w, excerptEntryLine(l, e.Index, d, ref))
	}
	switch {
	case err != nil || ref == nil:
	case e.Payload != nil && raw:
		fmt.Fprintln(w, l.T("cli.excerpt.payload", int(e.Index), int(ref.Size), fmt.Sprintf("%x", ref.SHA256), shown(string(e.Payload))))
	case e.Payload != nil:
		// The line above says it in short.
		fmt.Fprintln(w, l.T("cli.excerpt.payload.checked", int(e.Index), int(ref.Size), fmt.Sprintf("%x", ref.SHA256)))
	default:
		fmt.Fprintln(w, l.T("cli.excerpt.payload.missing", int(e.Index), int(ref.Size), fmt.Sprintf("%x", ref.SHA256)))
	}
}

// excerptEntryLine is an entry of an excerpt on one line: "entry 622,
// 2026-12-07 13:45:03 UTC, vote_closed by restorer: vote v-motion-1"; the
// payload in short (payloadSummary), or, stored beside the log and not
// carried, nothing of it.
func excerptEntryLine(l *i18n.Locale, index int64, d ledger.Entry, ref *ledger.PayloadRef) string {
	summary := ""
	if ref == nil || d.Payload != nil {
		summary = payloadSummary(l, d.Payload)
	}
	when := d.Time.UTC().Format(time.DateTime + " UTC")
	if at, ok := eventDated(d); ok {
		when = l.T("cli.excerpt.recorded_dated", when, at.Format(time.DateTime+" -07:00"))
	}
	return l.T("cli.excerpt.entry", int(index), when, shown(d.Type), shown(d.Actor), shown(summary))
}

// eventDated is the time an entry's event states (its payload's
// meta.at), when it is a minute or more away from the time the entry was
// recorded: a record restored from old minutes is recorded now and dated
// then, and its line must not pass the day of the restoring for the day
// of the event (payloadSummary leaves the meta out).
func eventDated(d ledger.Entry) (time.Time, bool) {
	var p struct {
		Meta struct {
			At time.Time `json:"at"`
		} `json:"meta"`
	}
	if d.Payload == nil || json.Unmarshal(d.Payload, &p) != nil || p.Meta.At.IsZero() {
		return time.Time{}, false
	}
	if gap := p.Meta.At.Sub(d.Time); gap < time.Minute && gap > -time.Minute {
		return time.Time{}, false
	}
	return p.Meta.At, true
}

// summaryRunes is how much of a value payloadSummary shows.
const summaryRunes = 100

// payloadSummary is an object payload in short, on one line: its fields
// but the meta (the entry's time and actor say it), each "name: value"
// in the order given, those empty or false left out, an object's fields
// so too between braces, a string cut after summaryRunes characters
// ("…"), a long list counted ("81 items"). A payload that is not an
// object is its compact JSON, cut so too.
func payloadSummary(l *i18n.Locale, payload []byte) string {
	parts, ok := fieldsSummary(l, payload, true)
	if !ok {
		return cut(compactJSON(payload))
	}
	return strings.Join(parts, "; ")
}

// fieldsSummary are the fields of the object v in short
// (payloadSummary), the meta left out at the top; ok is false if v is
// not an object.
func fieldsSummary(l *i18n.Locale, v []byte, top bool) (parts []string, ok bool) {
	ok = eachField(v, func(field string, v json.RawMessage) {
		c := compactJSON(v)
		if top && field == "meta" || c == `""` || c == "null" || c == "[]" || c == "{}" || c == "false" {
			return
		}
		var str string
		var list []json.RawMessage
		switch {
		case json.Unmarshal(v, &str) == nil:
			c = cut(str)
		case json.Unmarshal(v, &list) == nil && utf8.RuneCountInString(c) > summaryRunes:
			c = l.T("cli.excerpt.items", len(list))
		default:
			if inner, ok := fieldsSummary(l, v, false); ok {
				c = "{" + strings.Join(inner, ", ") + "}"
			} else {
				c = cut(c)
			}
		}
		parts = append(parts, field+": "+c)
	})
	return parts, ok
}

// eachField calls fn with each field of the JSON object v and its value,
// in their order (numbers as they stand); it reports whether v is one.
func eachField(v []byte, fn func(field string, v json.RawMessage)) bool {
	d := json.NewDecoder(bytes.NewReader(v))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return false
		}
		field, _ := t.(string)
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return false
		}
		fn(field, v)
	}
	return true
}

// compactJSON is v without its insignificant spaces, or v as it stands.
func compactJSON(v []byte) string {
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return string(v)
	}
	return b.String()
}

// cut is s on one line, its first summaryRunes characters followed by
// "…" where it is longer.
func cut(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= summaryRunes {
		return s
	}
	return string([]rune(s)[:summaryRunes]) + "…"
}
