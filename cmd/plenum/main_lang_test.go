package main

import (
	"strings"
	"testing"
)

// TestMainInTheOfficersLanguage: the command line's own refusals (an
// unknown command, a language plenum does not speak, a wrong option) are
// in the language of the environment, the overview that follows stays
// English, and the English is as it was.
func TestMainInTheOfficersLanguage(t *testing.T) {
	english := englishWords([]string{"plenum", "help", "lang"}, "cli.main.")
	cases := []struct {
		args    []string
		code    int
		english string
	}{
		{[]string{"nosuch"}, 2, "plenum: unknown command \"nosuch\"\n\nplenum — run a delegate assembly"},
		{[]string{"witness", "--lang", "pt"}, 2, "plenum witness: plenum does not speak \"pt\"; use one of en, de, ru, fr, es\n"},
		{[]string{"witness", "--nosuch"}, 2, "flag provided but not defined: -nosuch\nRun \"plenum witness --help\" for its manual.\n"},
	}
	for _, c := range cases {
		code, out, errs := runForTest(t, "", c.args...)
		if code != c.code || out != "" || !strings.Contains(errs, c.english) {
			t.Errorf("English %v: exit %d: %q, want %q", c.args, code, errs, c.english)
		}
		for _, lang := range []string{"de", "ru"} {
			code, out, errs := runIn(t, lang, c.args...)
			if code != c.code || out != "" || !strings.Contains(errs, "plenum") {
				t.Errorf("%s %v: exit %d: %q", lang, c.args, code, errs)
			}
			said, _, _ := strings.Cut(errs, "\n\nplenum — ") // the overview is English
			said = strings.TrimPrefix(said, "flag provided but not defined: -nosuch\n")
			if strings.Contains(said, "flag provided") {
				t.Errorf("%s %v: %q", lang, c.args, errs)
			}
			noEnglish(t, lang+" "+strings.Join(c.args, " "), said, english)
		}
	}
}
