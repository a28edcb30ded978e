package web

import (
	"plenum/i18n"
	"plenum/internal/figures"
)

// GroupedCounts is the pages' grouping of a result's arithmetic (figures.Group) in the language lang, for the tests of
// package web_test.
func GroupedCounts(lang, s string) string { return figures.Group(i18n.For(lang), s) }
