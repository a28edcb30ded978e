package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// TestDamagedFilesSaySo: a receipt or an excerpt cut short (saved or
// copied in part) is refused saying that it is not whole and what to do,
// with the parser's reason after; in the reader's language. Before, the
// delegate read "malformed tlog-proof: no empty line before the
// checkpoint" and the historian "not an excerpt file: unexpected EOF".
func TestDamagedFilesSaySo(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := tlogtest.New("plenum.test/log/march-1917")
	for i := range int64(5) {
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "skrypnik", Type: "ballot_cast", Payload: json.RawMessage(`{"vote":"v1","choice":"for"}`)})
		if err != nil {
			t.Fatal(err)
		}
		l.Append(data)
	}
	hs := httptest.NewServer(l)
	defer hs.Close()
	receipt, err := remote.FetchReceipt(ctx, hs.URL, 3, remote.Options{LogKeys: note.VerifierList(l.Verifier())})
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.InclusionProof(ctx, 2, l.Size())
	if err != nil {
		t.Fatal(err)
	}
	excerpt, err := tlogproof.BuildExcerpt("the vote", l.Checkpoint(), []tlogproof.ExcerptEntry{{Index: 2, Data: l.Entry(2), Proof: p}})
	if err != nil {
		t.Fatal(err)
	}
	cut := func(name string, data []byte) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, data[:len(data)/2], 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	rfile, xfile := cut("ballot.tlog-proof", receipt), cut("excerpt.json", excerpt)
	for _, c := range []struct {
		lang, want string
		run        func(env *cliEnv) error
	}{
		{"en", rfile + " is not a whole receipt: it is cut short, altered, or not a ballot receipt (malformed tlog-proof", func(env *cliEnv) error {
			return runVerifyReceipt(ctx, env, rfile, l.VKey, nil, "", "", "")
		}},
		{"de", rfile + " ist keine vollständige Quittung", func(env *cliEnv) error {
			return runVerifyReceipt(ctx, env, rfile, l.VKey, nil, "", "", "")
		}},
		{"en", rfile + " is not a whole receipt", func(env *cliEnv) error {
			return runVerifyReceipt(ctx, env, rfile, l.VKey, nil, "", "MYTOKENMYTOKENMYTOKENMYTOK", "")
		}},
		{"en", xfile + " is not a whole excerpt: it is cut short, altered, or not a certified excerpt (excerpt: not an excerpt file: unexpected EOF)", func(env *cliEnv) error {
			return runVerifyExcerpt(ctx, env, xfile, l.VKey, nil, false)
		}},
	} {
		err := c.run(&cliEnv{stdin: strings.NewReader(""), stdout: &witBuffer{}, stderr: &witBuffer{}, lang: c.lang})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 1 || !strings.Contains(ee.msg, c.want) {
			t.Errorf("%s: %v, want exit 1 saying %q", c.lang, err, c.want)
		}
	}
	// A whole receipt is read as before.
	whole := filepath.Join(dir, "whole.tlog-proof")
	os.WriteFile(whole, receipt, 0o644)
	if err := runVerifyReceipt(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &witBuffer{}, stderr: &witBuffer{}}, whole, l.VKey, nil, "", "", ""); err != nil {
		t.Fatalf("whole receipt: %v", err)
	}
}
