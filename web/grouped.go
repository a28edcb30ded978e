package web

import (
	"strconv"
	"strings"
	"unicode"

	"plenum/assembly"
	"plenum/i18n"
)

// The counts the pages show are written as the page's language writes a
// number — "2,411" · "2.411" · "2 411" — as the attendance beside them
// is ("5,600 of 10,000 present now", i18n.Locale.Number), not "For 2411"
// (REVIEW-scale F9). The minutes keep the record's digits.

// countNumber is a count in l's way of writing numbers: a number, or a
// range of two ("2,400–2,411").
func countNumber(l *i18n.Locale, c assembly.Count) string {
	if c.Min == c.Max {
		return l.Number(c.Max)
	}
	return l.Number(c.Min) + "–" + l.Number(c.Max)
}

// groupedCounts is a result's arithmetic in l's language (as the minutes
// give it, with the record's digits: "2411 for, 787 against, 3198 cast;
// 1600 needed") with each count written as l writes a number. A count is
// a run of four or more digits that stands alone: not part of a word or
// an id ("m1234"), of a number already grouped or a decimal, nor inside
// a quotation (a draft's title, “Budget 2027”, in a choice between
// drafts).
func groupedCounts(l *i18n.Locale, s string) string {
	rs := []rune(s)
	var b strings.Builder
	quoted := false
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case quoted && strings.ContainsRune("”“»’", r):
			quoted = false
		case !quoted && strings.ContainsRune("“„«‘", r):
			quoted = true
		}
		if quoted || r < '0' || r > '9' {
			b.WriteRune(r)
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		run := string(rs[i:j])
		if n, err := strconv.Atoi(run); err == nil && j-i >= 4 && alone(rs, i, j) {
			run = l.Number(n)
		}
		b.WriteString(run)
		i = j
	}
	return b.String()
}

// alone reports whether the digits rs[i:j] stand alone: no letter, digit
// or underscore next to them, nor a separator followed by a digit (a
// decimal "7.5", a number grouped "2,411" or "2 411").
func alone(rs []rune, i, j int) bool {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	if i > 0 && (word(rs[i-1]) || i > 1 && strings.ContainsRune(".,\u00a0\u202f'", rs[i-1]) && unicode.IsDigit(rs[i-2])) {
		return false
	}
	if j < len(rs) && (word(rs[j]) || j+1 < len(rs) && strings.ContainsRune(".,\u00a0\u202f'", rs[j]) && unicode.IsDigit(rs[j+1])) {
		return false
	}
	return true
}
