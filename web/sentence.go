package web

import "strings"

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
