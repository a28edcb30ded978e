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

// refusal is a run of a command that it refuses: its arguments, its exit
// status, and what it says in English after "plenum COMMAND: ".
type refusal struct {
	args    []string
	code    int
	english string
	keep    int // how many parts (split at ": ") are the command's own, before a library's English error; 0: all
}

// pathWords are the file paths of a message, which stand in every language.
var pathWords = regexp.MustCompile(`/[^\s“”«»"]+`)

// checkRefusals runs each refusal of command in English, where it must say
// c.english, and in German and Russian — with --lang when withLang, else
// in the environment's language — where no word of english may be left in
// what the command says itself (the paths set aside).
func checkRefusals(t *testing.T, command string, cases []refusal, english map[string]bool, withLang bool) {
	t.Helper()
	prefix := "plenum " + command + ": "
	for _, c := range cases {
		args := append([]string{command}, c.args...)
		code, _, errs := runForTest(t, "", args...)
		if code != c.code || !strings.HasPrefix(errs, prefix) || !strings.Contains(errs, c.english) {
			t.Errorf("English %v: exit %d: %q, want %d and %q", c.args, code, errs, c.code, c.english)
		}
		for _, lang := range []string{"de", "ru"} {
			var out string
			if withLang {
				code, out, errs = runForTest(t, "", append([]string{command, "--lang", lang}, c.args...)...)
			} else {
				code, out, errs = runIn(t, lang, args...)
			}
			if code != c.code || out != "" || !strings.HasPrefix(errs, prefix) {
				t.Errorf("%s %v: exit %d: %q", lang, c.args, code, errs)
			}
			said := strings.TrimPrefix(errs, prefix)
			if c.keep > 0 {
				said = strings.Join(strings.SplitN(said, ": ", c.keep+1)[:c.keep], ": ")
			}
			noEnglish(t, lang+" "+strings.Join(c.args, " "), pathWords.ReplaceAllString(said, ""), english)
		}
	}
}
