package minutes

import (
	"regexp"
	"strconv"

	"plenum/i18n"
)

// englishBallots is the number of ballots that opens the English count
// of an election (package tally's line: "plurality, 3003 ballots: …").
var englishBallots = regexp.MustCompile(`^([^:]*?, )([1-9][0-9]{3,17})( ballots: )`)

// groupBallots is an election's count with the number of ballots grouped
// in thousands as l writes numbers, as md/8, html/9 and akn/8 give it.
// Only the English count needs it: the other languages' catalogs write
// the number with %d, which groups it already; the votes, the names and
// the decimals of the count stay as they are.
func groupBallots(l *i18n.Locale, s string) string {
	m := englishBallots.FindStringSubmatchIndex(s)
	if m == nil || l.Lang() != i18n.Default {
		return s
	}
	n, err := strconv.Atoi(s[m[4]:m[5]])
	if err != nil {
		return s
	}
	return s[:m[4]] + l.Number(n) + s[m[5]:]
}
