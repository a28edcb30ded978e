package web

import (
	"plenum/assembly"
	"plenum/i18n"
)

// The counts the pages show are written as the page's language writes a
// number — "2,411" · "2.411" · "2 411" — as the attendance beside them
// is ("5,600 of 10,000 present now", i18n.Locale.Number), not "For 2411"
// (REVIEW-scale F9). A result's arithmetic is grouped as the minutes
// group it (figures.Group, which both use).

// countNumber is a count in l's way of writing numbers: a number, or a
// range of two ("2,400–2,411").
func countNumber(l *i18n.Locale, c assembly.Count) string {
	if c.Min == c.Max {
		return l.Number(c.Max)
	}
	return l.Number(c.Min) + "–" + l.Number(c.Max)
}
