// Package figures groups the counts of a text in thousands as a
// language writes numbers: "2411 for" → "2,411 for", "2.411 dafür",
// "2 411 pour". The minutes (a result's arithmetic, since md/8, html/9
// and akn/8) and the pages (the projector's and the delegate's result)
// group the same arithmetic with it, so that the two read alike.
package figures

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/i18n"
)

// Group writes the whole numbers of s, a text in l's language (a
// result's arithmetic: "2411 for, 787 against, 3198 cast; 1600 needed"),
// grouped in thousands as l writes numbers (i18n.Locale.Number). It
// leaves alone what is not a count: figures within l's quotation marks
// (a draft's title, “Budget 2027”), figures joined to a letter, a digit
// group, a "_", "-" or "/" (an id, a date), the parts of a decimal ("7.5",
// "7,5"), a number of fewer than four figures and one with a leading
// zero ("0012").
func Group(l *i18n.Locale, s string) string {
	open, closing := quotes(l)
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

// quotes are the quotation marks of l's language, as the minutes quote a
// title (the catalog's "minutes.quote": “…”, „…“, «…», « … »), without
// the spaces inside them.
func quotes(l *i18n.Locale) (open, closing string) {
	open, closing, _ = strings.Cut(l.T("minutes.quote", "\x00"), "\x00")
	return strings.TrimSpace(open), strings.TrimSpace(closing)
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
