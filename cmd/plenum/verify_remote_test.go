package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
