package ledger

import (
	"encoding/json"
	"testing"
)

// ballotPayload is a ballot_cast payload as the engine writes it.
var ballotPayload = []byte(`{"meta":{"assembly":"coop","actor":"d7","at":"2026-12-03T15:00:00.123456789Z","key":"d7/ballot-v1","req":"0f3a9c4e5d6b7a8f9e0d1c2b3a4f5e6d"},"vote":"v1","voter":"d7","right":"decisive","choice":"for","weight":1}`)

// TestValidJSON: validJSON is json.Valid.
func TestValidJSON(t *testing.T) {
	for _, p := range []string{string(ballotPayload), `{"a":[1,2.5e3,"x",null,true]}`, ` {} `, `{"a":"\u00e9"}`, `{"a":01}`, `{"a"}`, `{}x`, `"\xff"`, `[]`, `[1 2]`} {
		if got, want := validJSON([]byte(p)), json.Valid([]byte(p)); got != want {
			t.Errorf("%q: validJSON %v, json.Valid %v", p, got, want)
		}
	}
}

// BenchmarkValidJSON compares validJSON with json.Valid on a ballot.
func BenchmarkValidJSON(b *testing.B) {
	b.Run("jsonfast", func(b *testing.B) {
		for range b.N {
			validJSON(ballotPayload)
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for range b.N {
			json.Valid(ballotPayload)
		}
	})
}
