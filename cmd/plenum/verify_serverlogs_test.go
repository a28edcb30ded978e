package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plenum/remote/tlogtest"
)

// TestVerifyServerAddress: plenum verify --url with a plenum server's
// address verifies the log of the assembly --assembly names; without
// --assembly it is refused, naming the logs the server serves and how
// to pick one, as is an assembly the server has no log of; and the
// arguments that cannot go together are refused before anything is
// fetched.
func TestVerifyServerAddress(t *testing.T) {
	db, vkey := makeReplayedDB(t)
	srv := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	base := srv.match
	logs := base + "/log/coop-2026/, " + base + "/log/march-1917/"

	for _, url := range []string{base, base + "/"} {
		code, stdout, stderr := run(t, "verify", "--url", url, "--assembly", "march-1917", "--key", vkey)
		if code != 0 || !strings.Contains(stdout, "plenum.localhost/log/march-1917") || !strings.Contains(stdout, "verified") {
			t.Errorf("--url %s --assembly march-1917: exit %d %s %s", url, code, stdout, stderr)
		}
	}
	// The log's own address, with or without the same --assembly, as before.
	for _, args := range [][]string{{"--url", base + "/log/coop-2026/"}, {"--url", base + "/log/coop-2026", "--assembly", "coop-2026"}} {
		if code, stdout, stderr := run(t, append([]string{"verify", "--key", vkey, "--no-replay"}, args...)...); code != 0 || !strings.Contains(stdout, "plenum.localhost/log/coop-2026") {
			t.Errorf("%v: exit %d %s %s", args, code, stdout, stderr)
		}
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		// The server's address alone: which log?
		{[]string{"--url", base}, 2, base + " is a server's address, not a log's: it serves 2 logs, " + logs + ". Give the address of one as --url, or name its assembly with --assembly ID, such as --assembly coop-2026"},
		{[]string{"--url", base + "/", "--since", "x"}, 2, "it serves 2 logs, " + logs},
		// An assembly the server has no log of, by --assembly or by address.
		{[]string{"--url", base, "--assembly", "petrograd-1917"}, 1, base + " serves no log of assembly petrograd-1917; it serves 2 logs, " + logs},
		{[]string{"--url", base + "/log/petrograd-1917/"}, 1, base + " serves no log of assembly petrograd-1917; it serves 2 logs, " + logs},
		// Arguments that do not go together.
		{[]string{"--url", base, "--assembly", "no such/id"}, 2, `--assembly "no such/id": not an assembly's id`},
		{[]string{"--url", base + "/log/coop-2026/", "--assembly", "march-1917"}, 2, "--url " + base + "/log/coop-2026/ is the log of assembly coop-2026, but --assembly says march-1917"},
		{[]string{"--assembly", "march-1917"}, 2, "--assembly goes with --url"},
		{[]string{"--url", base, "--receipt", "x", "--assembly", "march-1917"}, 2, "--assembly goes with --url"},
	} {
		code, stdout, stderr := run(t, append([]string{"verify", "--key", vkey}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%v: exit %d %q %q, want %d with %q", c.args, code, stdout, stderr, c.code, c.want)
		}
	}
}

// TestVerifyServerAddressLists: the refusal of a server's address names
// at most ten of its logs and counts the rest; a server without logs, or
// whose list of logs is none (not a plenum server), is refused as before.
func TestVerifyServerAddressLists(t *testing.T) {
	list := func(body string) string {
		mux := http.NewServeMux()
		mux.HandleFunc("GET /log/{$}", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, body)
		})
		hs := httptest.NewServer(mux)
		t.Cleanup(hs.Close)
		return hs.URL
	}
	var many strings.Builder
	for i := range 12 {
		fmt.Fprintf(&many, "a%02d\n", i)
	}
	manyURL, oneURL := list(many.String()), list("coop-2026\n")
	emptyURL := list("")
	notPlenum := list("<html>welcome</html>\n")
	nothing := httptest.NewServer(http.NotFoundHandler())
	defer nothing.Close()
	key := tlogtest.New("plenum.test/log/x").VKey
	for _, c := range []struct {
		url  string
		code int
		want string
	}{
		{manyURL, 2, "it serves 12 logs, " + manyURL + "/log/a00/, " + manyURL + "/log/a01/, "},
		{manyURL, 2, manyURL + "/log/a09/ (and 2 more). Give the address"},
		{oneURL, 2, oneURL + " is a server's address, not a log's: it serves 1 log, " + oneURL + "/log/coop-2026/. Give that address as --url, or add --assembly coop-2026"},
		{emptyURL, 1, emptyURL + " serves no log, and its server lists none at " + emptyURL + "/log/"},
		{notPlenum, 1, notPlenum + ": cannot read the log: GET " + notPlenum + "/checkpoint: 404 Not Found"},
		{nothing.URL, 1, nothing.URL + ": cannot read the log: GET " + nothing.URL + "/checkpoint: 404 Not Found"},
	} {
		code, stdout, stderr := run(t, "verify", "--url", c.url, "--key", key)
		if code != c.code || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%s: exit %d %q %q, want %d with %q", c.url, code, stdout, stderr, c.code, c.want)
		}
	}
}
