package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/demo"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote"
	"plenum/store/sqlite"
)

// run runs one plenum invocation in-process.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &e}, args)
	return code, o.String(), e.String()
}

func TestKeygen(t *testing.T) {
	out := filepath.Join(t.TempDir(), "keys", "signing.key")
	code, stdout, stderr := run(t, "keygen", "--name", "minutes.example.org", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, mode %v", err, fi.Mode())
	}
	vkey := strings.TrimSpace(stdout)
	if _, err := note.NewVerifier(vkey); err != nil || !strings.HasPrefix(vkey, "minutes.example.org+") {
		t.Fatalf("verifier key %q: %v", vkey, err)
	}
	skey, _ := os.ReadFile(out)
	if derived, err := ledger.VerifierKey(string(skey)); err != nil || derived != vkey {
		t.Fatalf("stored key does not match the verifier key: %v", err)
	}
	if code, _, stderr := run(t, "keygen", "--out", out); code != 1 || !strings.Contains(stderr, "exists") {
		t.Fatalf("overwrite: exit %d, %s", code, stderr)
	}
	if code, _, _ := run(t, "keygen", "--name", "bad name"); code != 2 {
		t.Fatalf("bad name: exit %d", code)
	}
	code, stdout, stderr = run(t, "keygen")
	if code != 0 || !strings.HasPrefix(stdout, "PRIVATE+KEY+plenum.localhost+") || !strings.Contains(stderr, "verifier key: plenum.localhost+") {
		t.Fatalf("keygen to stdout: %d %q %q", code, stdout, stderr)
	}
}

func TestHelp(t *testing.T) {
	for _, c := range []string{"keygen", "verify", "serve", "replay", "demo", "export", "tally", "witness", "bench"} {
		code, stdout, _ := run(t, c, "--help")
		if code != 0 {
			t.Errorf("%s --help: exit %d", c, code)
		}
		for _, section := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"} {
			if !strings.Contains(stdout, "\n"+section+"\n") && !strings.HasPrefix(stdout, section+"\n") {
				t.Errorf("%s --help lacks %s", c, section)
			}
		}
		if code, _, _ := run(t, c, "--no-such-flag"); code != 2 {
			t.Errorf("%s with a bad flag: exit %d", c, code)
		}
	}
}

// makeDB writes a database with two logs and the key beside it, as serve would.
func makeDB(t *testing.T) (db, vkey string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "plenum.db")
	signer, vkey, err := ledger.LoadOrCreateKey(dir, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, id := range []string{"march-1917", "coop-2026"} {
		origin, _ := ledger.Origin(ledger.DefaultServerName, id)
		l, err := ledger.Open(ctx, st, origin, signer)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 10 {
			if _, err := l.Append(ctx, ledger.Entry{Actor: "secretary", Type: "minutes.noted", Payload: json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))}); err != nil {
				t.Fatal(err)
			}
		}
		l.Close()
	}
	return db, vkey
}

func TestVerify(t *testing.T) {
	db, vkey := makeDB(t)
	code, stdout, stderr := run(t, "verify", "--db", db, "--key", vkey, "--no-replay")
	if code != 0 || !strings.Contains(stdout, "OK: 2 assemblies, 20 entries") || !strings.Contains(stdout, "plenum.localhost/log/march-1917: 10 entries, 11 checkpoints verified") {
		t.Fatalf("intact: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// The key from a file, and derived from the data directory with a warning.
	kf := filepath.Join(t.TempDir(), "verifier.key")
	os.WriteFile(kf, []byte(vkey+"\n"), 0o644)
	if code, _, stderr := run(t, "verify", "--db", db, "--key", kf, "--no-replay"); code != 0 {
		t.Fatalf("key file: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "verify", "--db", db, "--no-replay"); code != 0 || !strings.Contains(stderr, "warning: no --key given") {
		t.Fatalf("derived key: exit %d %s", code, stderr)
	}
	// These entries are not events of the assembly domain: replay refuses them.
	if code, stdout, _ := run(t, "verify", "--db", db, "--key", vkey); code != 1 || !strings.Contains(stdout, "first bad entry: 0") || !strings.Contains(stdout, "replay") {
		t.Fatalf("replay: exit %d\n%s", code, stdout)
	}
	_, otherV, _ := ledger.GenerateKey(ledger.DefaultServerName)
	if code, stdout, stderr := run(t, "verify", "--db", db, "--key", otherV, "--no-replay"); code != 1 || !strings.Contains(stderr, "is not signed by the key given") || strings.Contains(stdout, "OK") {
		t.Fatalf("other key: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "verify", "--db", db, "--key", "garbage+x", "--no-replay"); code != 2 {
		t.Fatalf("bad key: exit %d", code)
	}
	if code, _, _ := run(t, "verify", "--db", filepath.Join(t.TempDir(), "none.db"), "--key", vkey); code != 1 {
		t.Fatalf("missing db: exit %d", code)
	}

	// One flipped byte in an entry is named.
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), '"n":6', '"n":7') AS BLOB) WHERE idx = 6 AND log_id = (SELECT id FROM logs WHERE origin = 'plenum.localhost/log/march-1917')`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = run(t, "verify", "--db", db, "--key", vkey, "--no-replay")
	if code != 1 || !strings.Contains(stdout, "FAILED: plenum.localhost/log/march-1917\n  first bad entry: 6\n  reason: record hash") || !strings.Contains(stderr, "not intact") {
		t.Fatalf("tampered: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	b := newProgressBar(&buf, nil)
	b.update(1000, verifyLargeLog-1) // small log, not a terminal: no bar
	if buf.Len() != 0 {
		t.Fatalf("bar drawn for a small log: %q", buf.String())
	}
	b.update(verifyLargeLog/2, verifyLargeLog)
	b.update(verifyLargeLog, verifyLargeLog)
	b.finish()
	if !strings.Contains(buf.String(), "[####################....................]  50%") || !strings.HasSuffix(buf.String(), "100%  200000/200000 entries\n") {
		t.Fatalf("bar %q", buf.String())
	}
}

// makeReplayedDB returns a database holding the coop-2026 meeting and the
// March 1917 conference, replayed from their scripts, and its verifier key.
func makeReplayedDB(t *testing.T) (db, vkey string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "plenum.db")
	eng, closeAll, err := openEngine(context.Background(), db, "", ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	for _, script := range []io.Reader{bytes.NewReader(demo.Script), mustOpen(t, "../../testdata/coop-2026.jsonl")} {
		if _, err := replayScript(context.Background(), i18n.For(""), eng, nil, script); err != nil {
			t.Fatal(err)
		}
	}
	vkey, err = readVerifierKey(filepath.Join(filepath.Dir(db), ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	return db, vkey
}

func mustOpen(t *testing.T, path string) io.Reader {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestServe(t *testing.T) {
	db, vkey := makeReplayedDB(t)
	srv := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	base, out := srv.match, &srv.stdout
	if !strings.Contains(out.String(), "verifier key "+vkey) {
		t.Fatalf("verifier key not printed: %s", out.String())
	}
	for path, want := range map[string]string{
		"/healthz": "ok\n",
		"/key":     vkey + "\n",
		"/log/":    "coop-2026\nmarch-1917\n",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(body) != want {
			t.Errorf("GET %s = %s %q, want %q", path, resp.Status, body, want)
		}
	}
	resp, err := http.Get(base + "/log/march-1917/checkpoint")
	if err != nil {
		t.Fatal(err)
	}
	cp, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	v, _ := note.NewVerifier(vkey)
	if c, _, err := ledger.OpenCheckpoint(cp, note.VerifierList(v)); err != nil || c.Size < 700 {
		t.Fatalf("checkpoint %q: %v", cp, err)
	}
	// The pages and the API are served beside the logs.
	expectPages(t, base, map[string]string{
		"/":                          "March 1917",
		"/a/march-1917/record":       "Nogin",
		"/api/assemblies":            "coop-2026",
		"/api/openapi.json":          "openapi",
		"/a/march-1917/projector":    "<html",
		"/api/assemblies/march-1917": "march-1917",
	})
	if !strings.Contains(out.String(), "one-time administrator login: "+base+"/login?admin=") {
		t.Errorf("no administrator link printed: %s", out.String())
	}
	// verify works on the same file while serve runs.
	if code, stdout, stderr := run(t, "verify", "--db", db, "--key", vkey, "--no-replay"); code != 0 {
		t.Fatalf("verify beside serve: exit %d %s %s", code, stdout, stderr)
	}
	// A ballot's receipt checks against the server's address, what a
	// delegate has: the log is the one the receipt names, under log/<id>/.
	receipt, err := remote.FetchReceipt(context.Background(), base+"/log/march-1917/", 5, remote.Options{LogKeys: note.VerifierList(v)})
	if err != nil {
		t.Fatal(err)
	}
	rfile := filepath.Join(t.TempDir(), "ballot.tlog-proof")
	os.WriteFile(rfile, receipt, 0o644)
	if code, stdout, stderr := run(t, "verify", "--receipt", rfile, "--key", vkey, "--url", base); code != 0 || !strings.Contains(stdout, "of "+base+"/log/march-1917/") {
		t.Errorf("verify --receipt --url %s: exit %d %s %s", base, code, stdout, stderr)
	}
	if code := srv.stop(); code != 0 || !strings.Contains(out.String(), "shutting down") {
		t.Fatalf("serve exited %d: %s %s", code, out.String(), srv.stderr.String())
	}
}
