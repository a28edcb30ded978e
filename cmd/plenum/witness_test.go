package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
	"plenum/witness"
)

// witBuffer is the syncBuffer of the other command tests.
type witBuffer = syncBuffer

// startWitness runs plenum witness in the background and returns its URL,
// its verifier key, and a function that stops it and returns its exit code.
func startWitness(t *testing.T, args ...string) (url, vkey string, stop func() int) {
	t.Helper()
	w := startCLI(t, `listening on (http://\S+)`, append([]string{"witness", "--addr", "127.0.0.1:0"}, args...)...)
	return w.match, regexp.MustCompile(`witness key: (\S+)`).FindStringSubmatch(w.stderr.String())[1], w.stop
}

func TestWitnessCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "w", "witness.db")
	l := tlogtest.New("plenum.test/assembly/march-1917")
	vkeyFile := filepath.Join(dir, "log.vkey")
	os.WriteFile(vkeyFile, []byte(l.VKey+"\n"), 0o644)
	other := tlogtest.New("plenum.test/assembly/congress")

	url, vkey, stop := startWitness(t, "--db", db, "--name", "union.test/witness",
		"--log", l.Origin+"="+vkeyFile, "--log", other.Origin+"="+other.VKey)
	defer stop()
	if fi, err := os.Stat(filepath.Join(dir, "w", "witness.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("witness key file: %v %v", fi, err)
	}
	wv, err := witness.NewVerifier(vkey)
	if err != nil || wv.Name() != "union.test/witness" {
		t.Fatalf("printed key %q: %v", vkey, err)
	}
	for i := range 40 {
		l.Append([]byte{byte(i)})
	}
	sub := &witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: l}
	res := sub.Submit(ctx, l.Checkpoint())
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	policy := &witness.Policy{Threshold: 1, Witnesses: []note.Verifier{wv}}
	if _, err := policy.Check(witness.Merge(l.Checkpoint(), witness.Cosignatures(res))); err != nil {
		t.Fatal(err)
	}
	// Another history under the same origin is refused.
	fork := tlogtest.NewWithSigner(l.Origin, l.Signer, l.VKey)
	for i := range 50 {
		fork.Append([]byte{byte(i), 'x'})
	}
	if r := (&witness.Submitter{Witnesses: sub.Witnesses, Proofs: fork}).Submit(ctx, fork.Checkpoint()); !errors.Is(r[0].Err, witness.ErrInconsistent) {
		t.Fatalf("fork: %v", r[0].Err)
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}

	// Restarted, the witness remembers size 40: a new submitter learns it by 409.
	url, vkey2, stop := startWitness(t, "--db", db, "--log", l.Origin+"="+l.VKey)
	defer stop()
	if vkey2 != vkey {
		t.Fatalf("key changed on restart: %s", vkey2)
	}
	l.Append([]byte("more"))
	r := (&witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: l}).Submit(ctx, l.Checkpoint())
	if r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	if r := (&witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: fork}).Submit(ctx, fork.Checkpoint()); !errors.Is(r[0].Err, witness.ErrInconsistent) {
		t.Fatalf("fork after restart: %v", r[0].Err)
	}
}

func TestWitnessUsage(t *testing.T) {
	dir := t.TempDir()
	l := tlogtest.New("plenum.test/assembly/x")
	wdb := filepath.Join(dir, "witness.db")
	os.WriteFile(filepath.Join(dir, "open.key"), []byte("PRIVATE+KEY+x"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", wdb}, 2, "give at least one --log"},
		{[]string{"--db", wdb, "--log", "plenum.test/assembly/x"}, 2, "want ORIGIN=VKEY"},
		{[]string{"--db", wdb, "--log", "o=nonsense"}, 2, "neither a key"},
		{[]string{"--db", wdb, "--log", "o=a+b+c"}, 2, "verifier key"},
		{[]string{"--db", wdb, "--log", "o=" + l.VKey, "extra"}, 2, "takes no arguments"},
		{[]string{"--db", wdb, "--log", "o=" + l.VKey, "--key", filepath.Join(dir, "open.key")}, 1, "readable by others"},
		{[]string{"--db", wdb, "--log", "o=" + l.VKey, "--addr", "256.0.0.1:1"}, 1, ""},
		{[]string{"--db", "postgres://w@127.0.0.1:1/nowhere", "--log", "o=" + l.VKey}, 2, "with a PostgreSQL database, give --key FILE"},
		{[]string{"--db", "postgres://w:s3cret@127.0.0.1:1/nowhere?connect_timeout=2", "--log", "o=" + l.VKey, "--key", filepath.Join(dir, "w.key"), "--name", "w.test/w"}, 1, `database "nowhere" on 127.0.0.1:1`},
	} {
		var stdout, stderr witBuffer
		env := &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		code := runCLI(context.Background(), env, append([]string{"witness"}, c.args...))
		if code != c.code || !strings.Contains(stderr.String(), c.want) || strings.Contains(stderr.String(), "s3cret") {
			t.Errorf("%v: exit %d, %q; want %d with %q", c.args, code, stderr.String(), c.code, c.want)
		}
	}
	var stdout, stderr witBuffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	if code := runCLI(context.Background(), env, []string{"help", "witness"}); code != 0 || !strings.Contains(stdout.String(), "EXIT STATUS") {
		t.Errorf("help: %d %q", code, stdout.String())
	}
}

// TestWitnessCommandPostgres: plenum witness keeps its state in
// PostgreSQL; restarted, it remembers what it cosigned.
func TestWitnessCommandPostgres(t *testing.T) {
	ctx := context.Background()
	db := postgresDB(t)
	key := filepath.Join(t.TempDir(), "witness.key")
	l := tlogtest.New("plenum.test/assembly/march-1917")
	for i := range 10 {
		l.Append([]byte{byte(i)})
	}
	url, vkey, stop := startWitness(t, "--db", db, "--key", key, "--name", "union.test/witness", "--log", l.Origin+"="+l.VKey)
	wv, err := witness.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if r := (&witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: l}).Submit(ctx, l.Checkpoint()); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	// Another process on the same database knows size 10: a fork of it
	// is refused, and the log's next checkpoint cosigned.
	url, _, stop = startWitness(t, "--db", db, "--key", key, "--log", l.Origin+"="+l.VKey)
	defer stop()
	fork := tlogtest.NewWithSigner(l.Origin, l.Signer, l.VKey)
	for i := range 12 {
		fork.Append([]byte{byte(i), 'x'})
	}
	if r := (&witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: fork}).Submit(ctx, fork.Checkpoint()); !errors.Is(r[0].Err, witness.ErrInconsistent) {
		t.Fatalf("fork after restart on PostgreSQL: %v", r[0].Err)
	}
	l.Append([]byte("more"))
	if r := (&witness.Submitter{Witnesses: []witness.Endpoint{{URL: url, Verifier: wv}}, Proofs: l}).Submit(ctx, l.Checkpoint()); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
}
