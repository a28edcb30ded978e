package web

import (
	"strings"

	"plenum/assembly"
)

// stop is the full stop a sentence ending in text s takes: none when s
// ends a sentence already (a reason typed "Not valid." or "Why?"), so
// the page never says "…valid..".
func stop(s string) string {
	s = strings.TrimRight(s, " \t\n”\"»’)")
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…") {
		return ""
	}
	return "."
}

// oneStop is a sentence whose last word ends in its own period ("closed
// at 3:30 a.m."), written without the second one its message adds.
func oneStop(s string) string {
	if strings.HasSuffix(s, "..") && !strings.HasSuffix(s, "...") {
		return s[:len(s)-1]
	}
	return s
}

// ConsentLabel asks how the assembly consented to withdrawing vt, once a
// ballot was cast or a count entered, saying which: "3,000 ballots
// already cast", "A count is already entered", "1 ballot cast and a
// count entered" (never "0 ballots and a count already cast").
func (v *view) ConsentLabel(vt *assembly.Vote) string {
	switch n := len(vt.Ballots); {
	case n > 0 && len(vt.Rounds) > 0:
		return v.L.T("web.c.consent_both", n)
	case n > 0:
		return v.L.T("web.c.consent_ballots", n)
	}
	return v.L.T("web.c.consent_count")
}
