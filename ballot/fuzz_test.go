package ballot_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"plenum/ballot"
)

// vectorMessages seeds the fuzzers with the vectors' messages.
func vectorMessages(f *testing.F, field string) {
	data, err := os.ReadFile(vectorsFile)
	if err != nil {
		f.Fatal(err)
	}
	var v map[string]json.RawMessage
	if err := json.Unmarshal(data, &v); err != nil {
		f.Fatal(err)
	}
	var list []json.RawMessage
	_ = json.Unmarshal(v[field], &list)
	for _, m := range list {
		var buf bytes.Buffer
		if err := json.Compact(&buf, m); err == nil {
			f.Add(buf.Bytes())
		}
	}
	var refused []ballot.RefusedVector
	_ = json.Unmarshal(v["refused"], &refused)
	for _, r := range refused {
		f.Add([]byte(r.Data))
	}
}

// roundTrip: whatever decodes re-encodes to the same bytes.
func roundTrip[T any](t *testing.T, in []byte, v T, err error) {
	if err != nil {
		if ballot.ErrorCode(err) == "error" {
			t.Fatalf("unnamed error: %v", err)
		}
		return
	}
	out, err := ballot.Encode(v)
	if err != nil || !bytes.Equal(out, in) {
		t.Fatalf("decoded but re-encodes differently: %v\n%s\n%s", err, in, out)
	}
}

func FuzzDecodeBallot(f *testing.F) {
	vectorMessages(f, "ballots")
	f.Fuzz(func(t *testing.T, in []byte) {
		b, err := ballot.DecodeBallot(in)
		roundTrip(t, in, b, err)
	})
}

func FuzzDecodeDealing(f *testing.F) {
	vectorMessages(f, "dealings")
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := ballot.DecodeDealing(in)
		roundTrip(t, in, d, err)
	})
}

func FuzzDecodePartialDecryption(f *testing.F) {
	vectorMessages(f, "count")
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := ballot.DecodePartialDecryption(in)
		roundTrip(t, in, d, err)
	})
}

func FuzzDecodeShuffle(f *testing.F) {
	vectorMessages(f, "ranked")
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := ballot.DecodeShuffle(in)
		roundTrip(t, in, s, err)
	})
}

func FuzzDecodeElectionKey(f *testing.F) {
	vectorMessages(f, "trustee_keys")
	f.Fuzz(func(t *testing.T, in []byte) {
		k, err := ballot.DecodeElectionKey(in)
		roundTrip(t, in, k, err)
		tk, err := ballot.DecodeTrusteeKey(in)
		roundTrip(t, in, tk, err)
		s, err := ballot.DecodeTrusteeSecret(in)
		roundTrip(t, in, s, err)
	})
}
