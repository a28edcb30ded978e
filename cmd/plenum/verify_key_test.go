package main

import (
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
)

// otherVerifierKey is the verifier key of a new signing key named as the
// server's: a key that signed nothing of any log.
func otherVerifierKey(t *testing.T) string {
	t.Helper()
	_, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	return vkey
}

// servedCoop is the cooperative's meeting replayed and served as plenum
// serve serves it: the server's address, the database and its key.
func servedCoop(t *testing.T) (url, db, vkey string) {
	t.Helper()
	srv, db := replayedServer(t, filepath.Join("..", "..", "testdata", "coop-2026.jsonl"))
	ts := httptest.NewServer(srv.handler)
	t.Cleanup(ts.Close)
	return ts.URL, db, demoVerifierKey(t, db)
}

// download saves what GET url answers in dir, under the name its
// Content-Disposition gives, and returns the file's path.
func download(t *testing.T, url, dir string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	_, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
	if err != nil || resp.StatusCode != 200 || params["filename"] == "" {
		t.Fatalf("GET %s: %s %v %v", url, resp.Status, resp.Header, err)
	}
	path := filepath.Join(dir, filepath.Base(params["filename"]))
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestVerifyChecksTheKeyGiven: in every mode of plenum verify that takes
// --key, the right key passes, a well-formed key that did not sign the
// record fails with exit status 1 naming the key given and the key that
// signed (the document's whole key, where the document states it), and
// a key that is none is refused with exit status 2. A historian given a
// wrong key must not read "exactly as the log recorded them".
func TestVerifyChecksTheKeyGiven(t *testing.T) {
	url, db, vkey := servedCoop(t)
	const id = "coop-2026"
	other := otherVerifierKey(t)
	parts := strings.SplitN(vkey, "+", 3)
	signer := parts[0] + "+" + parts[1] // "plenum.localhost+8ea727e9", as a signature names it
	dir := t.TempDir()
	record := download(t, url+"/a/"+id+"/record.db", dir)
	doc := download(t, url+"/a/"+id+"/minutes/md", dir)
	excerpt := download(t, url+"/api/assemblies/"+id+"/motions/a-survey/excerpt", dir)
	logURL := url + "/log/" + id + "/"
	receipt := receiptFile(t, logURL, mustVerifiers(t, vkey), 17)
	keyFile := filepath.Join(dir, "verifier.key")
	os.WriteFile(keyFile, []byte(vkey+"\n"), 0o644)
	otherFile := filepath.Join(dir, "other.key")
	os.WriteFile(otherFile, []byte(other+"\n"), 0o644)

	for _, c := range []struct {
		name string
		args []string
		ok   string // in the output of the check with the right key
	}{
		{"db", []string{"--db", record}, "OK: 1 assembly"},
		{"document", []string{"--db", record, "--document", doc}, "exactly as the log recorded them"},
		{"url", []string{"--url", logURL}, "entries verified against its signed checkpoint"},
		{"url assembly", []string{"--url", url, "--assembly", id}, "entries verified against its signed checkpoint"},
		{"receipt", []string{"--receipt", receipt}, "entry 17 of plenum.localhost/log/" + id},
		{"receipt url", []string{"--receipt", receipt, "--url", url}, "still there at tree size"},
		{"excerpt", []string{"--excerpt", excerpt}, "entries; absent:"},
	} {
		verify := func(key string) (int, string, string) {
			return exportCLI(t, append(append([]string{"verify"}, c.args...), "--key", key)...)
		}
		for _, right := range []string{vkey, keyFile} {
			if code, stdout, stderr := verify(right); code != 0 || !strings.Contains(stdout, c.ok) || strings.Contains(stdout+stderr, "no --key given") {
				t.Errorf("%s, the right key (%s): exit %d\n%s%s", c.name, right, code, stdout, stderr)
			}
		}
		for _, wrong := range []string{other, otherFile} {
			code, stdout, stderr := verify(wrong)
			if code != 1 || !strings.Contains(stderr, "is not signed by the key given") || !strings.Contains(stderr, "--key is "+other) || !strings.Contains(stderr, signer) {
				t.Errorf("%s, a key that signed nothing (%s): exit %d, want 1 naming both keys\n%s%s", c.name, wrong, code, stdout, stderr)
			}
			if c.name == "document" && !strings.Contains(stderr, "the document states the key "+vkey) {
				t.Errorf("document, a wrong key: the refusal does not name the key the document states: %s", stderr)
			}
			if strings.Contains(stdout, c.ok) {
				t.Errorf("%s, a wrong key: the output says the check passed: %s", c.name, stdout)
			}
		}
		for _, bad := range []string{"garbage", "plenum.localhost+00000000+garbage"} {
			if code, stdout, stderr := verify(bad); code != 2 || !strings.Contains(stderr, "--key") || stdout != "" {
				t.Errorf("%s, --key %s: exit %d, want 2\n%s%s", c.name, bad, code, stdout, stderr)
			}
		}
	}
	// --key and --data say two things about the key: refused.
	if code, _, stderr := exportCLI(t, "verify", "--db", record, "--document", doc, "--key", vkey, "--data", filepath.Dir(db)); code != 2 {
		t.Errorf("--document with --key and --data: exit %d %s", code, stderr)
	}
}

// TestVerifyWithoutKeySaysWhatItProves: without --key, verify --document
// takes the key from the document (or from beside the database) and
// says so plainly: that proves only that the document matches the
// record it came with, not who signed them, and how to check the key.
func TestVerifyWithoutKeySaysWhatItProves(t *testing.T) {
	url, db, vkey := servedCoop(t)
	const id = "coop-2026"
	dir := t.TempDir()
	record := download(t, url+"/a/"+id+"/record.db", dir)
	doc := download(t, url+"/a/"+id+"/minutes/md", dir)
	for _, c := range []struct {
		db, from string
	}{
		{record, "the key was taken from the document itself (" + vkey + ")"},
		{db, "the key was taken from " + filepath.Join(filepath.Dir(db), ledger.SigningKeyFile) + " beside the database (" + vkey + ")"},
	} {
		code, stdout, stderr := exportCLI(t, "verify", "--db", c.db, "--document", doc)
		if code != 0 || !strings.Contains(stdout, "no --key given: "+c.from) || !strings.Contains(stdout, "not who signed them") || !strings.Contains(stdout, "run the check again with --key and the key the assembly published") {
			t.Errorf("--db %s without --key: exit %d\n%s%s", c.db, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--db", db); code != 0 || !strings.Contains(stderr, "no --key given") || !strings.Contains(stderr, "not who signed it") {
		t.Errorf("--db without --key: exit %d\n%s%s", code, stdout, stderr)
	}
}

// mustVerifiers is the verifiers of the key vkey.
func mustVerifiers(t *testing.T, vkey string) note.Verifiers {
	t.Helper()
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return note.VerifierList(v)
}
