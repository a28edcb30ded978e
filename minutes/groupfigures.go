package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/i18n"
)

// groupFigures writes the whole numbers of s, a result's arithmetic in
// l's language, grouped in thousands as l writes numbers
// (i18n.Locale.Number: "2411 for" → "2,411 for"), as md/8, html/9 and
// akn/8 give them. It leaves alone what is not a count: figures within
// the document's quotation marks (a draft's title), figures joined to a
// letter, a digit group, a "_", "-" or "/" (an id, a date), and the parts
// of a decimal ("7.5", "7,5").
func groupFigures(l *i18n.Locale, s string) string {
	open, closing, _ := strings.Cut(l.T("minutes.quote", "\x00"), "\x00")
	open, closing = strings.TrimSpace(open), strings.TrimSpace(closing)
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); {
		switch {
		case !quoted && open != "" && strings.HasPrefix(s[i:], open):
			quoted = true
			b.WriteString(open)
			i += len(open)
			continue
		case quoted && closing != "" && strings.HasPrefix(s[i:], closing):
			quoted = false
			b.WriteString(closing)
			i += len(closing)
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		run := s[i:j]
		if n, err := strconv.Atoi(run); err == nil && !quoted && run[0] != '0' && len(run) > 3 && standsAlone(s, i, j) {
			b.WriteString(l.Number(n))
		} else {
			b.WriteString(run)
		}
		i = j
	}
	return b.String()
}

// standsAlone reports whether the figures s[i:j] are a number of their
// own: not joined to a letter, "_", "-", "/", nor a decimal's part.
func standsAlone(s string, i, j int) bool {
	joined := func(r rune) bool { return unicode.IsLetter(r) || r == '_' || r == '-' || r == '/' }
	if i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if joined(r) {
			return false
		}
		if (r == '.' || r == ',') && i-n > 0 && s[i-n-1] >= '0' && s[i-n-1] <= '9' {
			return false // the decimals of "7.5"
		}
	}
	if j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if joined(r) {
			return false
		}
		if (r == '.' || r == ',') && j+n < len(s) && s[j+n] >= '0' && s[j+n] <= '9' {
			return false // the whole part of "7.5"
		}
	}
	return true
}

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
