package jsonfast

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestUniqueValue: UniqueValue reads what Value reads but for an object
// giving a name twice (in any case of its letters), at any depth, and the
// objects it leaves to FindDuplicate (too many members, a name not in
// ASCII).
func TestUniqueValue(t *testing.T) {
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"m%d":%d`, i, i)
		}
		return b.String() + "}"
	}
	for _, text := range []string{`{}`, `{"vote":"v1","voter":"m1","choice":"for"}`, `[{"a":1},{"a":2}]`, `{"a":{"a":{"a":1}},"b":[{"a":1,"b":2}]}`, many(16), `"x"`, `12`} {
		s := NewScanner([]byte(text))
		got, ok := s.UniqueValue()
		if !ok || string(got) != text {
			t.Errorf("%s: %q %v", text, got, ok)
		}
	}
	for _, text := range []string{`{"a":1,"a":2}`, `{"cmd":"x","CMD":"y"}`, `{"a":1,"b":{"c":1,"c":2}}`, `[{"a":1,"b":2,"a":3}]`, `{"a":[{"x":1,"X":1}]}`, many(17), `{"é":1}`, `{"a":1,"b":2,}`} {
		s := NewScanner([]byte(text))
		if got, ok := s.UniqueValue(); ok {
			t.Errorf("%s: read as %q", text, got)
		}
	}
}

// TestFindDuplicate: the first name given twice, at any depth, escaped
// or in another case (as encoding/json takes it for a field), with where
// it is; none in a text without one, or in a text that is not JSON.
func TestFindDuplicate(t *testing.T) {
	for text, want := range map[string]Duplicate{
		`{"cmd":"open_vote","cmd":"record_narrative","args":{"text":"dup"}}`: {"cmd", "cmd", ""},
		`{"cmd":"a","CMD":"b"}`:                      {"cmd", "CMD", ""},
		`{"cmd":"a","\u0063md":"b"}`:                 {"cmd", "cmd", ""},
		`{"cmd":"x","args":{"text":"a","text":"b"}}`: {"text", "text", "args"},
		`{"args":{"sealed":[{"token":"t"},{"token":"t","choice":"for","Token":"u"}]}}`: {"token", "Token", "args.sealed[1]"},
		`{"a":{"k":1,"\u212a":2}}`: {"k", "\u212a", "a"},
	} {
		got, ok := FindDuplicate([]byte(text))
		if !ok || got != want {
			t.Errorf("%s: %+v %v, want %+v", text, got, ok, want)
		}
	}
	for _, text := range []string{`{}`, `{"a":{"a":{"a":1}},"b":[{"a":1},{"a":1}]}`, `[1,"a",null]`, `{"a":1,"a"`, `{"a" 1, "a": 2}`, ``, `{"é":1,"e":2}`} {
		if got, ok := FindDuplicate([]byte(text)); ok {
			t.Errorf("%s: %+v", text, got)
		}
	}
	// What it takes for the same name is what encoding/json takes for the
	// same field: the last of two such names wins.
	var v struct {
		K int `json:"k"`
	}
	if err := json.Unmarshal([]byte(`{"k":1,"\u212a":2}`), &v); err != nil || v.K != 2 {
		t.Errorf("encoding/json took the Kelvin sign otherwise: %v %d", err, v.K)
	}
}
