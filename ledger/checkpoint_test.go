package ledger

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const goodCheckpoint = "plenum.localhost/log/march-1917\n42\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n"

func TestParseCheckpoint(t *testing.T) {
	c, err := ParseCheckpoint([]byte(goodCheckpoint))
	if err != nil {
		t.Fatal(err)
	}
	if c.Origin != "plenum.localhost/log/march-1917" || c.Size != 42 || c.Hash[0] != 1 || c.Hash[31] != 32 {
		t.Fatalf("parsed %+v", c)
	}
	if !bytes.Equal(c.Text(), []byte(goodCheckpoint)) {
		t.Fatalf("Text() = %q", c.Text())
	}
	maxSize := strings.Replace(goodCheckpoint, "\n42\n", "\n281474976710656\n", 1)
	if c, err := ParseCheckpoint([]byte(maxSize)); err != nil || c.Size != MaxTreeSize {
		t.Fatalf("largest size: %+v %v", c, err)
	}
	ext := goodCheckpoint + "extension line\n"
	if c, err := ParseCheckpoint([]byte(ext)); err != nil || len(c.Extensions) != 1 || string(c.Text()) != ext {
		t.Fatalf("with extension: %+v %v", c, err)
	}
	bad := map[string]string{
		"no newline":    strings.TrimSuffix(goodCheckpoint, "\n"),
		"two lines":     "origin\n42\n",
		"empty origin":  "\n42\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n",
		"leading zero":  strings.Replace(goodCheckpoint, "\n42\n", "\n042\n", 1),
		"negative":      strings.Replace(goodCheckpoint, "\n42\n", "\n-1\n", 1),
		"plus":          strings.Replace(goodCheckpoint, "\n42\n", "\n+42\n", 1),
		"short hash":    strings.Replace(goodCheckpoint, "AQID", "", 1),
		"unpadded hash": strings.Replace(goodCheckpoint, "yA=", "yA", 1),
		"empty ext":     goodCheckpoint + "\n",
		"control char":  strings.Replace(goodCheckpoint, "march", "ma\x01rch", 1),
		"huge size":     strings.Replace(goodCheckpoint, "\n42\n", "\n99999999999999999999\n", 1),
		"size 2^62":     strings.Replace(goodCheckpoint, "\n42\n", "\n4611686018427387904\n", 1),
		"size 2^48+1":   strings.Replace(goodCheckpoint, "\n42\n", "\n281474976710657\n", 1),
	}
	for name, in := range bad {
		if _, err := ParseCheckpoint([]byte(in)); !errors.Is(err, ErrMalformedCheckpoint) {
			t.Errorf("%s: ParseCheckpoint(%q) = %v, want ErrMalformedCheckpoint", name, in, err)
		}
	}
}

func TestSignOpenCheckpoint(t *testing.T) {
	skey, vkey, err := GenerateKey("plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	derived, err := VerifierKey(skey)
	if err != nil || derived != vkey {
		t.Fatalf("VerifierKey = %q, %v; want %q", derived, err, vkey)
	}
	c := Checkpoint{Origin: "plenum.localhost/log/a", Size: 3, Hash: tlog.RecordHash([]byte("x"))}
	signed, err := SignCheckpoint(c, signer)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := OpenCheckpoint(signed, note.VerifierList(verifier))
	if err != nil || got.Size != 3 || got.Hash != c.Hash || got.Origin != c.Origin {
		t.Fatalf("OpenCheckpoint = %+v, %v", got, err)
	}
	_, otherV, _ := GenerateKey("plenum.localhost")
	other, _ := note.NewVerifier(otherV)
	if _, _, err := OpenCheckpoint(signed, note.VerifierList(other)); err == nil {
		t.Fatal("checkpoint verified with another key")
	}
}

// FuzzParseCheckpoint checks that ParseCheckpoint never panics and that
// what it accepts prints back to the same text.
func FuzzParseCheckpoint(f *testing.F) {
	f.Add([]byte(goodCheckpoint))
	f.Add([]byte(goodCheckpoint + "ext\n"))
	f.Add([]byte("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		c, err := ParseCheckpoint(text)
		if err != nil {
			return
		}
		if !bytes.Equal(c.Text(), text) {
			t.Fatalf("accepted %q but prints %q", text, c.Text())
		}
	})
}

// TestParseSignedCheckpoint: the checkpoint of a signed note is read
// without its signatures (a bare body reads as itself); a body that is
// not a checkpoint is refused as malformed.
func TestParseSignedCheckpoint(t *testing.T) {
	signed := goodCheckpoint + "\n— plenum.localhost AAAAAQ==\n— witness.example AAAAAg==\n"
	c, err := ParseSignedCheckpoint([]byte(signed))
	if err != nil || c.Size != 42 || string(c.Text()) != goodCheckpoint {
		t.Fatalf("parsed %+v, %v", c, err)
	}
	if c, err := ParseSignedCheckpoint([]byte(goodCheckpoint)); err != nil || c.Size != 42 {
		t.Fatalf("a bare body: %+v, %v", c, err)
	}
	for _, bad := range []string{"not a checkpoint\n\n— x AAAA\n", goodCheckpoint[:20] + "\n\n— x AAAA\n", ""} {
		if _, err := ParseSignedCheckpoint([]byte(bad)); !errors.Is(err, ErrMalformedCheckpoint) {
			t.Errorf("%q: %v, want ErrMalformedCheckpoint", bad, err)
		}
	}
}
