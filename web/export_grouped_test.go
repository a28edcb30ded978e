package web

import "plenum/i18n"

// GroupedCounts is groupedCounts in the language lang, for the tests of
// package web_test.
func GroupedCounts(lang, s string) string { return groupedCounts(i18n.For(lang), s) }
