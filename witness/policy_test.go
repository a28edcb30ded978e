package witness

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
)

// cosignAt returns s's signature line on the signed checkpoint cp, made
// at time at.
func cosignAt(t *testing.T, s *Signer, cp []byte, at time.Time) []byte {
	t.Helper()
	s.now = func() time.Time { return at }
	defer func() { s.now = time.Now }()
	signed, err := note.Sign(&note.Note{Text: string(cp[:bytes.Index(cp, []byte("\n\n"))+1])}, s)
	if err != nil {
		t.Fatal(err)
	}
	return signed[bytes.LastIndex(signed, []byte("\n\n"))+2:]
}

// TestPolicyCountsWitnessesOnce: a witness counts once toward the
// threshold however many of its cosignatures a checkpoint carries, and
// cosignatures by witnesses outside the policy count for nothing.
func TestPolicyCountsWitnessesOnce(t *testing.T) {
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	cp := l.Checkpoint()
	a, b, stranger := newSigner(t, "witness.test/a"), newSigner(t, "witness.test/b"), newSigner(t, "witness.test/stranger")
	p, err := NewPolicy(2, a.Verifier().String(), b.Verifier().String())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	a1 := cosignAt(t, a, cp, now)
	a2 := cosignAt(t, a, cp, now.Add(time.Second))
	for _, c := range []struct {
		name   string
		cosigs []byte
	}{
		{"one line twice", append(bytes.Clone(a1), a1...)},
		{"two cosignatures by one witness", append(bytes.Clone(a1), a2...)},
		{"a stranger's beside", append(bytes.Clone(a1), cosignAt(t, stranger, cp, now)...)},
		{"a's signature under b's name", append(bytes.Clone(a1), bytes.Replace(a1, []byte("witness.test/a "), []byte("witness.test/b "), 1)...)},
	} {
		// Appended by hand: Merge would drop an identical line.
		names, err := p.Check(append(bytes.Clone(cp), c.cosigs...))
		if !errors.Is(err, ErrNotWitnessed) || len(names) != 1 || names[0] != "witness.test/a" {
			t.Errorf("%s: %v %v, want only a, not witnessed", c.name, names, err)
		}
	}
	if names, err := p.Check(Merge(cp, [][]byte{a1, cosignAt(t, b, cp, now)})); err != nil || len(names) != 2 {
		t.Errorf("a and b: %v %v", names, err)
	}
}

// TestPolicyTimestamps: the policy says whether witnesses cosigned the
// checkpoint, not when; a cosignature's time, past or future, does not
// change that (plenum has no freshness policy). A zero time is invalid.
func TestPolicyTimestamps(t *testing.T) {
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	cp := l.Checkpoint()
	a := newSigner(t, "witness.test/a")
	p, _ := NewPolicy(1, a.Verifier().String())
	for _, at := range []time.Time{time.Unix(1, 0), time.Now().AddDate(100, 0, 0)} {
		line := cosignAt(t, a, cp, at)
		if _, err := p.Check(Merge(cp, [][]byte{line})); err != nil {
			t.Errorf("cosigned at %v: %v", at, err)
		}
		n, err := note.Open(Merge(cp, [][]byte{line}), note.VerifierList(a.Verifier()))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Timestamp(n.Sigs[0]); err != nil || !got.Equal(at.Truncate(time.Second)) {
			t.Errorf("Timestamp = %v %v, want %v", got, err, at)
		}
	}
	a.now = func() time.Time { return time.Unix(0, 0) }
	if _, err := a.Sign([]byte(origin + "\n3\nAAAA\n")); err == nil {
		t.Error("signed at time 0")
	}
}

// TestPolicyOneKeyTwice: one witness key given under two names is one
// witness, whose cosignatures under both names would count twice; the
// policy refuses it.
func TestPolicyOneKeyTwice(t *testing.T) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewSigner("witness.test/a", priv)
	if err != nil {
		t.Fatal(err)
	}
	alias, err := NewSigner("witness.test/alias", priv)
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewPolicy(2, a.Verifier().String(), alias.Verifier().String())
	if err == nil || !strings.Contains(err.Error(), "same key") {
		t.Fatalf("one key under two names: %v", err)
	}
	p := &Policy{Threshold: 2, Witnesses: []note.Verifier{a.Verifier(), alias.Verifier()}}
	if err := p.Validate(); err == nil {
		t.Error("Validate accepts one key under two names")
	}
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	cp := l.Checkpoint()
	if _, err := p.Check(Merge(cp, [][]byte{cosignAt(t, a, cp, time.Now()), cosignAt(t, alias, cp, time.Now())})); err == nil {
		t.Error("one key under two names met a policy of 2")
	}
}
