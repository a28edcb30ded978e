package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
	"plenum/witness"
)

func TestVerifyRemote(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := tlogtest.New("plenum.test/assembly/march-1917")
	for i := range 700 {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	hs := httptest.NewServer(l)
	defer hs.Close()
	since := filepath.Join(dir, "march-1917.checkpoint")

	verify := func(url, vkey string, witnesses []string, replay func(int64, []byte) error) (string, error) {
		var stdout, stderr witBuffer
		env := &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		err := runVerifyRemote(ctx, env, url, vkey, witnesses, since, replay)
		return stdout.String(), err
	}
	code := func(err error) int {
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return -1
	}

	var replayed int64
	out, err := verify(hs.URL, l.VKey, nil, func(i int64, data []byte) error { replayed++; return nil })
	if err != nil || replayed != 700 || !strings.Contains(out, "700 entries verified") || !strings.Contains(out, "saving this one") {
		t.Fatalf("first visit: %q %v (replayed %d)", out, err, replayed)
	}
	saved, _ := os.ReadFile(since)
	if !bytes.Equal(saved, l.Checkpoint()) {
		t.Fatalf("saved checkpoint:\n%s", saved)
	}

	// The log grows; the next visit checks consistency and remembers the new size.
	for i := 700; i < 750; i++ {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	if out, err := verify(hs.URL, l.VKey, nil, nil); err != nil || !strings.Contains(out, "consistent with the remembered checkpoint of tree size 700") {
		t.Fatalf("second visit: %q %v", out, err)
	}

	// The press is shown another history under the same origin and key.
	fork := tlogtest.NewWithSigner(l.Origin, l.Signer, l.VKey)
	for i := range 800 {
		fork.Append(fmt.Appendf(nil, "entry %d (revised)", i))
	}
	fs := httptest.NewServer(fork)
	defer fs.Close()
	_, err = verify(fs.URL, l.VKey, nil, nil)
	if code(err) != 1 || !strings.Contains(err.Error(), "not consistent with the remembered one (tree size 750)") {
		t.Fatalf("split view: %v", err)
	}
	if saved2, _ := os.ReadFile(since); !bytes.Equal(saved2, l.Checkpoint()) {
		t.Fatal("a failed check replaced the remembered checkpoint")
	}

	// Witnesses are required but have not cosigned.
	_, wkey, _ := witness.GenerateKey("union.test/witness")
	if _, err := verify(hs.URL, l.VKey, []string{wkey}, nil); code(err) != 1 || !strings.Contains(err.Error(), "not witnessed") {
		t.Fatalf("not witnessed: %v", err)
	}
	// Replay refuses an event.
	if _, err := verify(hs.URL, l.VKey, nil, func(i int64, _ []byte) error {
		if i == 612 {
			return errors.New("vote after the close")
		}
		return nil
	}); code(err) != 1 || !strings.Contains(err.Error(), "entry 612: replay: vote after the close") {
		t.Fatalf("replay: %v", err)
	}
	for _, c := range []struct {
		url, vkey string
		witnesses []string
		want      string
	}{
		{"ftp://x", l.VKey, nil, "http://"},
		{hs.URL, "", nil, "give --key"},
		{hs.URL, "nonsense", nil, "--key"},
		{hs.URL, l.VKey, []string{"nonsense"}, "--witness"},
		{hs.URL, l.VKey, []string{l.VKey}, "--witness"},
	} {
		if _, err := verify(c.url, c.vkey, c.witnesses, nil); code(err) != 2 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want usage error with %q", c, err, c.want)
		}
	}
	if _, err := verify("http://127.0.0.1:1", l.VKey, nil, nil); code(err) != 1 || !strings.Contains(err.Error(), "cannot read the log") {
		t.Errorf("unreachable: %v", err)
	}
}

func TestVerifyReceiptAndExcerpt(t *testing.T) {
	ctx := context.Background()
	l := numberedLog(t, "plenum.test/log/march-1917", "vote.recorded", 40)
	hs := httptest.NewServer(l)
	defer hs.Close()
	run := func(f func(env *cliEnv) error) (string, error) {
		var stdout, stderr witBuffer
		err := f(&cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
		return stdout.String(), err
	}
	rfile := receiptFile(t, hs.URL, note.VerifierList(l.Verifier()), 17)
	receipt := mustRead(t, rfile)
	out, err := verifyReceiptFile(rfile, l.VKey, hs.URL, "")
	if err != nil || !strings.Contains(out, "entry 17 of plenum.test/log/march-1917 is in the log signed at tree size 40") || !strings.Contains(out, "still there at tree size 40") {
		t.Fatalf("%q %v", out, err)
	}
	// Said in the delegate's language (the environment's).
	var ru witBuffer
	err = runVerifyReceipt(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &ru, stderr: &witBuffer{}, lang: "ru"}, rfile, l.VKey, nil, hs.URL, "", "")
	if err != nil || !strings.Contains(ru.String(), "запись 17 журнала plenum.test/log/march-1917 есть в журнале, подписанном при размере дерева 40") || !strings.Contains(ru.String(), "по-прежнему на месте при размере дерева 40") {
		t.Fatalf("in Russian: %q %v", ru.String(), err)
	}
	// The operator alters the entry afterwards.
	l.Replace(17, []byte(`{"index":17,"forged":true}`))
	if _, err := verifyReceiptFile(rfile, l.VKey, hs.URL, ""); err == nil || !strings.Contains(err.Error(), "entry 17: the receipt's entry was altered or removed") {
		t.Fatalf("altered: %v", err)
	}
	// A tampered receipt fails offline.
	os.WriteFile(rfile, bytes.Replace(receipt, []byte("index 17"), []byte("index 16"), 1), 0o644)
	if _, err := verifyReceiptFile(rfile, l.VKey, "", ""); err == nil || !strings.Contains(err.Error(), "is for entry 16") {
		t.Fatalf("tampered receipt: %v", err)
	}

	xfile := excerptOf(t, l, "Resolution 4 and its vote", 30, 31)
	x := mustRead(t, xfile)
	if out, err := run(func(env *cliEnv) error { return runVerifyExcerpt(ctx, env, xfile, l.VKey, nil, false) }); err != nil || !strings.Contains(out, `"Resolution 4 and its vote": 2 entries`) {
		t.Fatalf("%q %v", out, err)
	}
	os.WriteFile(xfile, bytes.Replace(x, []byte("ZWQiLCJwYXlsb2FkIjp7Im4iOjMw"), []byte("ZWQiLCJwYXlsb2FkIjp7Im4iOjMx"), 1), 0o644)
	if _, err := run(func(env *cliEnv) error { return runVerifyExcerpt(ctx, env, xfile, l.VKey, nil, false) }); err == nil || !strings.Contains(err.Error(), "entry 30") {
		t.Fatalf("tampered excerpt: %v", err)
	}
	if _, err := run(func(env *cliEnv) error { return runVerifyExcerpt(ctx, env, xfile, "", nil, false) }); err == nil || !strings.Contains(err.Error(), "give --key") {
		t.Fatalf("no key: %v", err)
	}
}

func TestVerifySecretReceipt(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New("plenum.test/log/coop")
	const mine, other = "MYTOKENMYTOKENMYTOKENMYTOK", "OTHERTOKENOTHERTOKENOTHERT"
	appendEntry(t, l, "ballot_cast", json.RawMessage(`{"vote":"v2","voter":"d1","right":"md-d1"}`))
	appendEntry(t, l, "vote_closed", json.RawMessage(`{"vote":"v2"}`))
	appendEntry(t, l, "sealed_ballots", json.RawMessage(`{"vote":"v2","sealed":[{"token":"`+other+`","choice":"against"},{"token":"`+mine+`","choice":"for"}]}`))
	hs := httptest.NewServer(l)
	defer hs.Close()
	file, run := secretReceiptRun(t, l, hs.URL)
	sealed := file(2)
	if out, err := run(sealed, mine); err != nil || !strings.Contains(out, "entry 2 of plenum.test/log/coop") || !strings.Contains(out, "in vote v2: for") {
		t.Fatalf("%q %v", out, err)
	}
	// A key that did not sign the log fails, naming it; one that is no
	// key is refused.
	for _, c := range []struct {
		key  string
		code int
		want string
	}{{otherVerifierKey(t), 1, "is not signed by the key given"}, {"garbage", 2, "--key"}} {
		out, err := verifyReceiptFile(sealed, c.key, "", mine)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != c.code || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.key) || out != "" {
			t.Errorf("--token with --key %s: %v, want exit %d saying %q\n%s", c.key, err, c.code, c.want, out)
		}
	}
	// The token as a person types it from the page or the saved file: in
	// lower case, in groups (the page takes it so).
	if out, err := run(sealed, "mytok enmyt okenm ytoke nmytok"); err != nil || !strings.Contains(out, "in vote v2: for") {
		t.Fatalf("typed in lower case and groups: %q %v", out, err)
	}
	if _, err := run(sealed, "NOTMINENOTMINENOTMINENOTMI"); err == nil || !strings.Contains(err.Error(), "does not carry this ballot's token") {
		t.Fatalf("another token: %v", err)
	}
	// The receipt of the named entry is not a sealed ballot.
	if _, err := run(file(0), mine); err == nil || !strings.Contains(err.Error(), "not a sealed ballot") {
		t.Fatalf("a ballot_cast entry as a secret receipt: %v", err)
	}
	// Without --token the sealed entry checks as a plain receipt.
	if out, err := run(sealed, ""); err != nil || !strings.Contains(out, mine) {
		t.Fatalf("plain: %q %v", out, err)
	}
	// --token without --receipt is a usage error.
	var stdout, stderr witBuffer
	if err := runVerify(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, []string{"--token", mine}); err == nil || !strings.Contains(err.Error(), "--token goes with --receipt") {
		t.Fatalf("usage: %v", err)
	}
}
