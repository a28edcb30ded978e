package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"testing"

	"plenum/assembly"
)

// TestRequestHashAsRecorded: a ballot's request hash, made without
// json.Marshal, is the hash made through it (as recorded in every
// ballot's meta until now): a retry after an upgrade is still answered
// from the record. Every string field of CastBallot is filled, so a
// field added to it and not to appendCastBallot fails this.
func TestRequestHashAsRecorded(t *testing.T) {
	strs := []string{"", "v1", "d-0417", "Ωμέγα", "a\"b", `back\slash`, "<&>", "tab\there", "\u2028", "\xff"}
	for i, s := range strs {
		var c assembly.CastBallot
		v := reflect.ValueOf(&c).Elem()
		for f := range v.NumField() {
			v.Field(f).SetString(strs[(i+f)%len(strs)] + s)
		}
		want, _ := json.Marshal(c)
		if got := appendCastBallot(nil, &c); string(got) != string(want) {
			t.Errorf("appendCastBallot wrote %s, json.Marshal %s", got, want)
		}
		old := c
		old.Choice, old.Token = "", ""
		args, _ := json.Marshal(old)
		h := sha256.New()
		h.Write([]byte("cast_ballot\x00coop\x00"))
		h.Write(args)
		if got, want := requestHash("coop", c), hex.EncodeToString(h.Sum(nil)[:16]); got != want {
			t.Errorf("%#v: requestHash %s, through json.Marshal %s", c, got, want)
		}
		if key, req := scopedKeyAndHash("coop", "d1"+s, "k/"+s, c); key != ScopedKey("d1"+s, "k/"+s) || req != requestHash("coop", c) {
			t.Errorf("%#v: scopedKeyAndHash %q, %q; ScopedKey and requestHash %q, %q", c, key, req, ScopedKey("d1"+s, "k/"+s), requestHash("coop", c))
		}
	}
}
