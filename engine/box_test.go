package engine

import (
	"encoding/hex"
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

// pinnedSigningKey is a fixed signing key (made from a seed of sevens),
// for the tests that pin what is derived from it.
const pinnedSigningKey = "PRIVATE+KEY+pin.example+d6f6beaa+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH"

// TestBoxSecretPinned: the ballot-box secret of a fixed signing key, and
// a ballot sealed under it, are what they were when this test was
// written: the ballots already sealed in an open vote's box must open
// after an upgrade, so the derivation may never change.
func TestBoxSecretPinned(t *testing.T) {
	signer, err := note.NewSigner(pinnedSigningKey)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := boxSecret(signer)
	if err != nil {
		t.Fatal(err)
	}
	const want = "2359f89842eda2b9559bd931d431dcdd90a08963d491b8d9f43f702fcaf1ca7d69b7837079a562f4e2db365518804759318b9218cc4a36aa1708f7f5c18edc0e"
	if got := hex.EncodeToString(secret); got != want {
		t.Fatalf("the ballot-box secret of the pinned key is %s, not %s", got, want)
	}
	data, err := hex.DecodeString("d6cf03353caf1468cd288dcd1d03523e3cdaa6c83a8ff7ad57dea75b7ec62119fd47aedb2051cdf6dad6c1f5ebbc1dd36051753c2271ba884cbdf8d53e3619af7e15a95542ee75e32f60ebef5bbf5c1842b5a040ef8828e95fe639ddcb3f68eadbf6f8aedac8b9b8e09fabe050b7b0349c2574320cdb9fe1e33d40345a3350f43c781cae19e83d99ff42cd63f175e84c7451e18039bea95587ab55e521ddc22d5cfcd6441f8be95cb2c109c003d692c29bff245cc11c17d8b74396ffc0918471fc0a9d35f82ffa91025ebf15fd3e66dc03a2b381e19b37792de709e74ee6b12c8d2deb6baf96fb3ea5fe0928931008de5385b8ad7921ddb8df3870110757748390accbf6cd7a8e22223db2c4b37dc744160dcf15f781dbccfc954b9f")
	if err != nil {
		t.Fatal(err)
	}
	sealed := ledger.SealedBallot{Box: "v1", ID: "6PCTLMBLL6GTGSFSP5GDV4OZBC", Data: data}
	got, err := openBallot(secret, "plenum.localhost/log/pin", "v1", sealed)
	if want := (sealedBallotData{Vote: "v1", Token: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Choice: "for", Weight: 2}); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("the ballot sealed under the pinned key opens as %+v, %v; want %+v", got, err, want)
	}
}
