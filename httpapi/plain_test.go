package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"plenum/internal/jsonfast"
)

// plainBodies are command bodies readPlain reads and bodies it leaves to
// the decoder, for TestReadPlain and as FuzzReadPlain's seeds.
var plainBodies = []string{
	`{"cmd":"cast_ballot","args":{"vote":"b0","voter":"d1","choice":"for"}}`,
	` { "cmd" : "cast_ballot" , "args" : { "vote" : "b0" , "voter" : "d1" } , "key" : "k1" } ` + "\n",
	`{"args":{"a":[1,-2.5e+3,true,false,null,{"b":[]}],"c":"é"},"cmd":"x"}`,
	`{}`,
	`{"cmd":"a","cmd":"b"}`,
	`{"Cmd":"a"}`,
	`{"cmd":"a","extra":1}`,
	`{"cmd":"a\u0041"}`,
	`{"cmd":"a","args":null}`,
	`{"cmd":"a","args":[1]}`,
	`{"cmd":"a","args":"x"}`,
	`{"cmd":"a","args":{"x":01}}`,
	`{"cmd":"a","args":{"x":1.}}`,
	`{"cmd":"a","args":{"x":-}}`,
	`{"cmd":"a","args":{"x":tru}}`,
	`{"cmd":"a","args":{"x":"\xff"}}`,
	`{"cmd":"a"} {}`,
	`{"cmd":"a"}x`,
	`{"cmd":"a",}`,
	`{"cmd":"a"`,
	`{"cmd":1}`,
	`{"key":null}`,
	`[]`,
	``,
	`{"cmd":"a","args":{"x":{"y":{"z":[[[]]]}}}}`,
	`{"cmd":"a","args":{"x":1,"x":2}}`,
	`{"cmd":"a","args":{"x":1,"X":2}}`,
	`{"cmd":"a","args":{"x":[{"y":1,"y":2}]}}`,
}

// TestReadPlain: whatever readPlain reads, the decoder of readCommand
// reads the same, and accepts (the differential test; FuzzReadPlain
// tries more bodies).
func TestReadPlain(t *testing.T) {
	read := 0
	for _, b := range plainBodies {
		if checkPlain(t, []byte(b)) {
			read++
		}
	}
	if read < 4 {
		t.Errorf("readPlain read %d of the bodies, want the plain ones (4 or more)", read)
	}
}

func FuzzReadPlain(f *testing.F) {
	for _, b := range plainBodies {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkPlain(t, body) })
}

// checkPlain reports whether readPlain read body, failing t if the
// decoder reads it otherwise.
func checkPlain(t *testing.T, body []byte) bool {
	t.Helper()
	var fast commandRequest
	if !fast.readPlain(body) {
		return false
	}
	var slow commandRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&slow); err != nil {
		t.Fatalf("%q: readPlain read it, the decoder refuses it: %v", body, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("%q: readPlain read it, the decoder finds more after it", body)
	}
	if fast.Cmd != slow.Cmd || fast.Key != slow.Key || !bytes.Equal(fast.Args, slow.Args) {
		t.Fatalf("%q: readPlain read cmd %q key %q args %q, the decoder %q %q %q", body, fast.Cmd, fast.Key, fast.Args, slow.Cmd, slow.Key, slow.Args)
	}
	if d, twice := jsonfast.FindDuplicate(body); twice {
		t.Fatalf("%q: readPlain read it, which gives the key %s twice", body, d.Names())
	}
	return true
}
