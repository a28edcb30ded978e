package main

import (
	"regexp"
	"strings"
	"testing"
)

// noEnglish fails the test when text holds a word of english, the words of
// the English messages a command says in another language (englishWords).
func noEnglish(t *testing.T, what, text string, english map[string]bool) {
	t.Helper()
	for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(text, -1) {
		if english[strings.ToLower(w)] {
			t.Errorf("%s: the English word %q is left:\n%s", what, w, text)
			return
		}
	}
}
