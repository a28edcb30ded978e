package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"plenum/remote/tlogtest"
)

// TestVerifyRemoteInTheOfficersLanguage: the refusals of plenum verify
// --url, --receipt and --excerpt are in the environment's language (plenum
// verify has no --lang); no English word of them is left, the log
// client's own error stands as it is, and the English is as it was; so
// are those of its --timeout and --complete.
func TestVerifyRemoteInTheOfficersLanguage(t *testing.T) {
	l := tlogtest.New("plenum.test/assembly/march-1917")
	x := writeFile(t, "excerpt.txt", "nothing")
	none := filepath.Join(t.TempDir(), "none")
	silent := slowServer(t, l, "/checkpoint", 0)
	for i := range 512 {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	slowTiles := slowServer(t, l, "/tile/", time.Second)
	minutes := hostileLog(t, "plenum.test/log/march-1917", `{}`, `{}`)
	part := excerptOf(t, minutes, "the vote", 0)
	cases := []refusal{
		{[]string{"--url", "ftp://x", "--key", l.VKey}, 2, `--url "ftp://x": give the log's http:// or https:// address (its tlog-tiles prefix)`, 0},
		{[]string{"--url", "http://127.0.0.1:1"}, 2, "--url needs --key: the verifier key the server published", 0},
		{[]string{"extra"}, 2, "takes no arguments; see plenum verify --help", 0},
		{[]string{"--token", "t"}, 2, "--token goes with --receipt: the receipt of a secret ballot", 0},
		{[]string{"--receipt", x, "--token", "t", "--tracker", "k"}, 2, "--tracker goes with --receipt, without --token: the receipt of an encrypted ballot", 0},
		{[]string{"--excerpt", x, "--url", "http://127.0.0.1:1"}, 2, "give only one of --document, --url, --receipt and --excerpt", 0},
		{[]string{"--key", l.VKey, "--data", "d"}, 2, "give --key or --data, not both", 0},
		{[]string{"--excerpt", x}, 2, "give --key, the log's verifier key: without it nothing can be checked", 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", "nonsense"}, 2, `--key: "nonsense" is neither a key (name+hash+key) nor a file`, 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey, "--witness", none}, 2, `--witness: "` + none + `" is neither a key (name+hash+key) nor a file`, 0},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey}, 1, "http://127.0.0.1:1: cannot read the log: ", 2},
		{[]string{"--url", "http://127.0.0.1:1", "--key", l.VKey, "--timeout", "-1s"}, 2, "--timeout -1s: give a duration such as 10m, or 0 for no limit", 0},
		{[]string{"--db", "x.db", "--timeout", "1m"}, 2, "--timeout goes with --url, checking a whole log", 0},
		{[]string{"--url", silent, "--key", l.VKey, "--timeout", "200ms"}, 4, ": the check did not finish within --timeout 200ms: the checkpoint was not yet read and checked. Give a longer --timeout, or 0 for no limit", 0},
		{[]string{"--url", slowTiles, "--key", l.VKey, "--timeout", "200ms"}, 4, " of 512, with no problem found in them; the rest were not checked. Give a longer --timeout, or 0 for no limit", 0},
		{[]string{"--db", "x.db", "--complete"}, 2, "--complete goes with --excerpt: --db and --url always check the whole log", 0},
		{[]string{"--excerpt", part, "--key", minutes.VKey, "--complete"}, 5, ": --complete: the excerpt holds 1 of the 2 entries of its checkpoint, not the whole record; absent: 1", 0},
	}
	english := englishWords([]string{"https", "http", "tlog", "tiles", "since", "hash", "name", "witness", "token", "verify", "plenum", "help", "receipt", "tracker", "document", "excerpt", "data", "server", "timeout", "complete"}, "cli.no_args", "cli.verify.token", "cli.verify.tracker", "cli.verify.modes", "cli.verify.key_or_data", "cli.remote.url", "cli.remote.no_key", "cli.remote.unreadable", "cli.remote.not_saved", "cli.receipt.no_sealed", "cli.key_arg", "cli.verify.timeout", "cli.remote.timeout", "cli.verify.complete", "cli.excerpt.incomplete")
	checkRefusals(t, "verify", cases, english, false)
}
