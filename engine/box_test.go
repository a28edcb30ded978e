package engine

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
)

func testSecret(t testing.TB) []byte {
	skey, _, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	s, err := boxSecret(signer)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSealedBallotOpensOnlyInPlace: a sealed ballot opens with its own
// key, log, box and row id, and with nothing else; every ballot seals to
// the same length.
func TestSealedBallotOpensOnlyInPlace(t *testing.T) {
	secret := testSecret(t)
	const origin = "plenum.localhost/log/coop"
	d := sealedBallotData{Vote: "v1", Token: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Choice: "against", Weight: 3}
	sb, err := sealBallot(secret, origin, d)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := openBallot(secret, origin, "v1", sb); err != nil || !reflect.DeepEqual(got, d) {
		t.Fatalf("openBallot = %+v, %v", got, err)
	}
	short, err := sealBallot(secret, origin, sealedBallotData{Vote: "v1", Token: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Choice: "for", Weight: 1})
	if err != nil || len(short.Data) != len(sb.Data) {
		t.Fatalf("ballots seal to %d and %d bytes (%v)", len(short.Data), len(sb.Data), err)
	}
	if strings.Contains(string(sb.Data), d.Token) || sb.ID == d.Token {
		t.Fatal("the sealed ballot shows its token")
	}
	moved := sb
	moved.ID = short.ID
	tampered := sb
	tampered.Data = append([]byte(nil), sb.Data...)
	tampered.Data[20] ^= 1
	for name, c := range map[string]struct {
		secret      []byte
		origin, box string
		b           ledger.SealedBallot
	}{
		"another key":    {testSecret(t), origin, "v1", sb},
		"another log":    {secret, "plenum.localhost/log/other", "v1", sb},
		"another box":    {secret, origin, "v2", sb},
		"another row id": {secret, origin, "v1", moved},
		"altered bytes":  {secret, origin, "v1", tampered},
	} {
		if _, err := openBallot(c.secret, c.origin, c.box, c.b); err == nil {
			t.Errorf("a sealed ballot opens with %s", name)
		}
	}
}

// BenchmarkSealBallot measures what sealing adds to a secret ballot.
func BenchmarkSealBallot(b *testing.B) {
	secret := testSecret(b)
	d := sealedBallotData{Vote: "v1", Token: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Choice: "against", Weight: 1}
	for b.Loop() {
		if _, err := sealBallot(secret, "plenum.localhost/log/coop", d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenBallot measures what opening adds to the close, per ballot.
func BenchmarkOpenBallot(b *testing.B) {
	secret := testSecret(b)
	sb, err := sealBallot(secret, "plenum.localhost/log/coop", sealedBallotData{Vote: "v1", Token: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Choice: "against", Weight: 1})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := openBallot(secret, "plenum.localhost/log/coop", "v1", sb); err != nil {
			b.Fatal(err)
		}
	}
}
