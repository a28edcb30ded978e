package minutes

import (
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// A restored record enters each count as its source gives it (enter_count
// in a sitting whose attendance is not recorded: docs/rules.md, "restored
// records"): "(For – 38; against – 26.)". The rules reckon the result from
// it, and the recorded arithmetic gives the source's counts and what they
// worked out from them in one line: "38 for, 26 against, 64 cast; 33
// needed; carried". The 1917 secretaries wrote the two counts; plenum
// worked out the votes cast, the votes needed and, from them, that the
// motion was carried (a count that decides decides the outcome, and a
// declared outcome must agree with it). The minutes mark what plenum
// worked out in brackets, as an editor marks what is not the document's:
// "38 for, 26 against [worked out by plenum: 64 cast; 33 needed;
// carried]", "the majority against [worked out by plenum: defeated]".
// What the source itself says of the outcome, if anything, is the note
// that follows. An outcome the chair declared where the count does not
// decide is the source's, and is said as before. A count made in plenum —
// by ballots cast in it, or by tellers in a sitting whose attendance it
// records — keeps the line as the rules wrote it.

// workedOutMarked is the recorded arithmetic of a count entered from a
// source in l's language, what plenum worked out from the source's counts
// (the votes cast, those present, the members, the votes needed, the
// outcome the count decides) marked as such: "after 3 ballots: 74 for, 66
// against [worked out by plenum: 140 cast; 71 needed; carried]". False
// for arithmetic of another shape (the drafts' counts of a choice between
// them, a count that does not decide), which is said as before.
func workedOutMarked(l *i18n.Locale, recorded string, mended bool) (string, bool) {
	en := l.Lang() == i18n.Default
	s, prefix := recorded, ""
	if m := afterBallotsRE.FindStringSubmatch(s); m != nil {
		prefix, s = m[0], s[len(m[0]):]
		if !en {
			n, _ := strconv.Atoi(m[1])
			prefix = l.T("minutes.arith.after_ballots", n)
		}
	}
	if strings.Contains(s, basisSep) {
		return "", false // the drafts' counts, all the source's
	}
	// The source's counts come first, separated by commas; the rest must
	// be what plenum worked out from them.
	say := func(p string) (string, bool) {
		if en {
			return p, true
		}
		return arithPiece(l, p, mended)
	}
	var counts, worked strings.Builder
	for i, seg := range strings.Split(s, "; ") {
		for j, p := range strings.Split(seg, ", ") {
			t, ok := say(p)
			if !ok {
				return "", false
			}
			source := p == "unanimous" || sideRE.MatchString(p)
			switch {
			case i == 0 && source && worked.Len() == 0:
				if j > 0 {
					counts.WriteString(", ")
				}
				counts.WriteString(t)
			case baseRE.MatchString(p) || p == assembly.MotionStatusCarried || p == assembly.MotionStatusDefeated:
				if worked.Len() > 0 {
					worked.WriteString(map[bool]string{true: ", ", false: arithSep(l, mended)}[j > 0])
				}
				worked.WriteString(t)
			default:
				return "", false
			}
		}
	}
	if counts.Len() == 0 || worked.Len() == 0 {
		return "", false
	}
	return prefix + counts.String() + " " + l.T("minutes.arith.worked_out", worked.String()), true
}
