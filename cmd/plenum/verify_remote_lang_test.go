package main

import (
	"path/filepath"
	"strings"
	"testing"

	"plenum/remote/tlogtest"
)

// TestVerifyRemoteInTheOfficersLanguage: the refusals of plenum verify
// --url, --receipt and --excerpt are in the environment's language (plenum
// verify has no --lang); no English word of them is left, the log
// client's own error stands as it is, and the English is as it was.
func TestVerifyRemoteInTheOfficersLanguage(t *testing.T) {
	l := tlogtest.New("plenum.test/assembly/march-1917")
	x := writeFile(t, "excerpt.txt", "nothing")
	none := filepath.Join(t.TempDir(), "none")
	cases := []struct {
		args    []string
		english string
		keep    int // the parts (": ") that are ours; 0: all
	}{
		{[]string{"--url", "ftp://x", "--key", l.VKey}, `--url "ftp://x": give the log's http:// or https:// address (its tlog-tiles prefix)`, 0},
		{[]string{"--url", "http://127.0.0.1:1"}, "--url needs --key: the verifier key the server published", 0},
		{[]string{"extra"}, "takes no arguments; see plenum verify --help", 0},
		{[]string{"--token", "t"}, "--token goes with --receipt: the receipt of a secret ballot", 0},
		{[]string{"--receipt", x, "--token", "t", "--tracker", "k"}, "--tracker goes with --receipt, without --token: the receipt of an encrypted ballot", 0},
		{[]string{"--excerpt", x, "--url", "http://127.0.0.1:1"}, "give one of --document, --url, --receipt and --excerpt", 0},
		{[]string{"--key", l.VKey, "--data", "d"}, "give --key or --data, not both", 0},
		{[]string{"--excerpt", x}, "give --key, the log's verifier key: without it nothing can be checked", 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", "nonsense"}, `--key: "nonsense" is neither a key (name+hash+key) nor a file`, 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey, "--witness", none}, `--witness: "` + none + `" is neither a key (name+hash+key) nor a file`, 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey}, "http://127.0.0.1:1: cannot read the log: ", 2},
	}
	english := englishWords([]string{"https", "http", "tlog", "tiles", "since", "hash", "name", "witness", "token", "verify", "plenum", "help", "receipt", "tracker", "document", "excerpt", "data", "server"}, "cli.verify.no_args", "cli.verify.token", "cli.verify.tracker", "cli.verify.modes", "cli.verify.key_or_data", "cli.remote.url", "cli.remote.no_key", "cli.remote.unreadable", "cli.remote.not_saved", "cli.receipt.no_sealed", "cli.key_arg")
	for _, c := range cases {
		args := append([]string{"verify"}, c.args...)
		code, _, errs := runForTest(t, "", args...)
		if code == 0 || !strings.HasPrefix(errs, "plenum verify: ") || !strings.Contains(errs, c.english) {
			t.Errorf("English %v: exit %d: %q, want %q", c.args, code, errs, c.english)
		}
		for _, lang := range []string{"de", "ru"} {
			code2, out, errs := runIn(t, lang, args...)
			if code2 != code || out != "" || !strings.HasPrefix(errs, "plenum verify: ") {
				t.Errorf("%s %v: exit %d: %q", lang, c.args, code2, errs)
			}
			said := strings.TrimPrefix(errs, "plenum verify: ")
			if c.keep > 0 {
				said = strings.Join(strings.SplitN(said, ": ", c.keep+1)[:c.keep], ": ")
			}
			said = strings.ReplaceAll(strings.ReplaceAll(said, filepath.Dir(x), ""), filepath.Dir(none), "")
			noEnglish(t, lang+" "+strings.Join(c.args, " "), said, english)
		}
	}
}
