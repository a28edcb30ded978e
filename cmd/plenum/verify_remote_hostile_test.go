package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// hostileLog is a log of plenum entries whose payloads are given.
func hostileLog(t *testing.T, origin string, payloads ...string) *tlogtest.Log {
	t.Helper()
	l := tlogtest.New(origin)
	for i, p := range payloads {
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: int64(i), Time: time.Unix(1e9, 0), Actor: "secretary", Type: "speech_recorded", Payload: json.RawMessage(p)})
		if err != nil {
			t.Fatal(err)
		}
		l.Append(data)
	}
	return l
}

// runHostile runs f, failing the test if it takes more than 20 seconds, and
// returns what it printed and its exit code (0 for no error).
func runHostile(t *testing.T, f func(env *cliEnv) error) (string, int, error) {
	t.Helper()
	var stdout, stderr witBuffer
	done := make(chan error, 1)
	go func() { done <- f(&cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}) }()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("no answer within 20s")
	}
	var ee *exitError
	switch {
	case err == nil:
		return stdout.String(), 0, nil
	case errors.As(err, &ee):
		return stdout.String(), ee.code, err
	}
	return stdout.String(), -1, err
}

// TestVerifyRemoteHostile: plenum verify --url against a server that
// holds the log's key: another assembly's log at this one's address, a
// checkpoint of 2^63-1 entries. Each is refused with exit status 1.
func TestVerifyRemoteHostile(t *testing.T) {
	ctx := context.Background()
	march := hostileLog(t, "plenum.test/log/march-1917", `{}`, `{}`)
	coop := tlogtest.NewWithSigner("plenum.test/log/coop-2026", march.Signer, march.VKey)
	coop.Append(march.Entry(0), march.Entry(1))
	huge, _ := note.Sign(&note.Note{Text: string(ledger.Checkpoint{Origin: march.Origin, Size: 1<<63 - 1, Hash: march.TreeHash(2)}.Text())}, march.Signer)
	mux := http.NewServeMux()
	mux.Handle("/log/march-1917/", http.StripPrefix("/log/march-1917", coop))
	mux.Handle("/log/huge/", http.StripPrefix("/log/huge", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/checkpoint" {
			w.Write(huge)
			return
		}
		march.ServeHTTP(w, r)
	})))
	hs := httptest.NewServer(mux)
	defer hs.Close()
	for _, c := range []struct{ path, want string }{
		{"/log/march-1917/", `is for log "plenum.test/log/coop-2026", not for march-1917`},
		{"/log/huge", "tree size 9223372036854775807 is larger than"},
	} {
		_, code, err := runHostile(t, func(env *cliEnv) error {
			return runVerifyRemote(ctx, env, hs.URL+c.path, march.VKey, nil, "", nil)
		})
		if code != 1 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: exit %d, %v; want 1 and %q", c.path, code, err, c.want)
		}
	}
}

// TestVerifyReceiptHostile: receipts made by an operator who holds the
// log's key, checked offline. Each is refused with exit status 1.
func TestVerifyReceiptHostile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := numberedLog(t, "plenum.test/log/march-1917", "speech_recorded", 40)
	cp := l.Checkpoint()
	proof := func(i, size int64) tlog.RecordProof {
		p, err := l.InclusionProof(ctx, i, size)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	cp30, _ := note.Sign(&note.Note{Text: string(ledger.Checkpoint{Origin: l.Origin, Size: 30, Hash: l.TreeHash(30)}.Text())}, l.Signer)
	huge, _ := note.Sign(&note.Note{Text: string(ledger.Checkpoint{Origin: l.Origin, Size: 1<<62 + 1, Hash: l.TreeHash(40)}.Text())}, l.Signer)
	p17 := proof(17, 40)
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"the proof of another leaf", tlogproof.NewReceipt(17, l.Entry(17), proof(18, 40), cp), "is not in the log at that index"},
		{"the proof for another tree size", tlogproof.NewReceipt(17, l.Entry(17), proof(17, 30), cp), "is not in the log at that index"},
		{"a proof a hash short", tlogproof.NewReceipt(17, l.Entry(17), p17[:len(p17)-1], cp), "is not in the log at that index"},
		{"a proof a hash long", tlogproof.NewReceipt(17, l.Entry(17), append(p17, p17[0]), cp), "is not in the log at that index"},
		{"an entry the checkpoint does not cover", tlogproof.NewReceipt(35, l.Entry(35), proof(35, 40), cp30), "beyond the checkpoint's tree size 30"},
		{"a checkpoint of 2^62+1 entries", tlogproof.NewReceipt(17, l.Entry(17), p17, huge), "is larger than"},
	} {
		file := filepath.Join(dir, "receipt.tlog-proof")
		os.WriteFile(file, c.file, 0o644)
		_, code, err := runHostile(t, func(env *cliEnv) error { return runVerifyReceipt(ctx, env, file, l.VKey, nil, "", "", "") })
		if code != 1 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: exit %d, %v; want 1 and %q", c.name, code, err, c.want)
		}
	}
}

// TestVerifyExcerptHostile: excerpts that reorder, repeat or leave out
// entries, and texts meant for the verifier's terminal.
func TestVerifyExcerptHostile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := hostileLog(t, "plenum.test/log/march-1917", `{"n":0}`, `{"n":1}`, "{\"text\":\"carried \u202eunanimously\u202c\"}", `{"n":3}`, `{"n":4}`)
	cp := l.Checkpoint()
	entry := func(i int64) tlogproof.ExcerptEntry {
		p, err := l.InclusionProof(ctx, i, l.Size())
		if err != nil {
			t.Fatal(err)
		}
		return tlogproof.ExcerptEntry{Index: i, Data: l.Entry(i), Proof: p}
	}
	// file writes an excerpt of the given entries in the given order,
	// as a hostile server would, without BuildExcerpt's checks.
	file := func(title string, idx ...int64) string {
		var proofs []string
		for _, i := range idx {
			e := entry(i)
			proofs = append(proofs, string(tlogproof.Build(i, e.Data, e.Proof, cp)))
		}
		b, _ := json.Marshal(map[string]any{"format": tlogproof.ExcerptFormat, "title": title, "origin": l.Origin, "proofs": proofs})
		name := filepath.Join(dir, fmt.Sprintf("excerpt-%d.json", len(proofs)))
		os.WriteFile(name, b, 0o644)
		return name
	}
	verify := func(name string) (string, int, error) {
		return runHostile(t, func(env *cliEnv) error { return runVerifyExcerpt(ctx, env, name, l.VKey, nil, false) })
	}
	for _, c := range []struct {
		name string
		file string
		want string
	}{
		{"reordered", file("t", 1, 0, 3), "entry 0 comes after entry 1"},
		{"an entry twice", file("t", 0, 1, 1, 3), "entry 1 comes after entry 1"},
	} {
		if _, code, err := verify(c.file); code != 1 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: exit %d, %v; want 1 and %q", c.name, code, err, c.want)
		}
	}
	// An excerpt that leaves entries out is what an excerpt is: its
	// indexes show the gap.
	out, code, err := verify(file("Resolution 4\x1b[2J\x1b]0;all entries\a", 0, 2, 4))
	if code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	if strings.ContainsAny(out, "\x1b\a\u202e\u202c") {
		t.Errorf("printed a terminal's controls or a direction override: %q", out)
	}
	if !strings.Contains(out, `"Resolution 4\x1b[2J\x1b]0;all entries\a": 3 entries`) || !strings.Contains(out, "\nentry 2, ") || !strings.Contains(out, `carried \u202eunanimously\u202c`) {
		t.Errorf("printed:\n%s", out)
	}
	// A receipt prints its entry the same way.
	rfile := filepath.Join(dir, "receipt.tlog-proof")
	e := entry(2)
	os.WriteFile(rfile, tlogproof.NewReceipt(2, e.Data, e.Proof, cp), 0o644)
	out, code, err = runHostile(t, func(env *cliEnv) error { return runVerifyReceipt(ctx, env, rfile, l.VKey, nil, "", "", "") })
	if code != 0 || strings.ContainsAny(out, "\u202e\u202c") || !strings.Contains(out, `carried \u202eunanimously\u202c`) {
		t.Errorf("receipt: exit %d, %v:\n%q", code, err, out)
	}
}

// TestVerifySecretReceiptHostile: a sealed ballot whose vote and choice
// carry a terminal's escape sequences prints them as escapes.
func TestVerifySecretReceiptHostile(t *testing.T) {
	ctx := context.Background()
	const token = "MYTOKENMYTOKENMYTOKENMYTOK"
	l := tlogtest.New("plenum.test/log/coop")
	data, _, err := ledger.EncodeEntry(ledger.Entry{Index: 0, Time: time.Unix(1e9, 0), Actor: "ann", Type: "sealed_ballots", Payload: json.RawMessage(`{"vote":"v2\u001b[2J","sealed":[{"token":"` + token + `","choice":"\u001b[1Kfor"}]}`)})
	if err != nil {
		t.Fatal(err)
	}
	l.Append(data)
	p, _ := l.InclusionProof(ctx, 0, 1)
	file := filepath.Join(t.TempDir(), "receipt.tlog-proof")
	os.WriteFile(file, tlogproof.NewReceipt(0, data, p, l.Checkpoint()), 0o644)
	out, code, err := runHostile(t, func(env *cliEnv) error { return runVerifyReceipt(ctx, env, file, l.VKey, nil, "", token, "") })
	if code != 0 || strings.ContainsRune(out, 0x1b) || !strings.Contains(out, `in vote v2\u001b[2J: \u001b[1Kfor`) {
		t.Errorf("exit %d, %v:\n%q", code, err, out)
	}
}

// TestPayloadRedirectedElsewhere: the replay of verify URL fetches a
// payload stored beside the log as the log client fetches tiles: a
// redirect to another host is not followed, even to the right bytes.
func TestPayloadRedirectedElsewhere(t *testing.T) {
	big := `{"text":"` + strings.Repeat("x", 1<<17) + `"}`
	data, external, err := ledger.EncodeEntry(ledger.Entry{Index: 0, Time: time.Unix(0, 0).UTC(), Actor: "admin", Type: "note", Payload: []byte(big)})
	if err != nil || external == nil {
		t.Fatalf("the entry's payload is not stored apart: %v", err)
	}
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(external) }))
	defer elsewhere.Close()
	redirecting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusFound)
	}))
	defer redirecting.Close()
	replay, _ := remoteReplay(context.Background(), i18n.For("en"), redirecting.URL, remote.HTTPClientFor(redirecting.URL, time.Minute))
	if err := replay(0, data); err == nil || !strings.Contains(err.Error(), "redirects to another address") {
		t.Errorf("a payload redirected to another host: %v", err)
	}
	// Served by the log's own host, it is fetched and the event goes on
	// to the rules (which know no "note").
	replay, _ = remoteReplay(context.Background(), i18n.For("en"), elsewhere.URL, remote.HTTPClientFor(elsewhere.URL, time.Minute))
	if err := replay(0, data); err == nil || !strings.Contains(err.Error(), `unknown event type "note"`) {
		t.Errorf("the payload from the log's host: %v", err)
	}
}
