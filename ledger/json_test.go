package ledger

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestValidCompact(t *testing.T) {
	good := []string{`0`, `-0`, `1.5e+10`, `-12.25E-3`, `"a\"\\\/\b\f\n\r\t\u00e9"`, `true`, `false`, `null`, `[]`, `{}`,
		`[1,[2,{"a":[]}],"x"]`, `{"a":{"b":null},"c":"d e"}`, strings.Repeat("[", 10000) + strings.Repeat("]", 10000)}
	bad := []string{``, ` 1`, `1 `, `01`, `1.`, `.5`, `1e`, `-`, `+1`, `"abc`, `"\x"`, `"\u12"`, "\"a\tb\"", `[1,]`, `[1 ,2]`,
		`{"a":1,}`, `{"a" :1}`, `{a:1}`, `{"a":1}x`, `tru`, `nul`, `[`, `{"a"}`, `1,2`,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001)}
	for _, s := range good {
		if !validCompact([]byte(s)) {
			t.Errorf("validCompact(%.40q) = false", s)
		}
	}
	for _, s := range bad {
		if validCompact([]byte(s)) {
			t.Errorf("validCompact(%.40q) = true", s)
		}
	}
}

// FuzzValidCompact checks validCompact against encoding/json.
func FuzzValidCompact(f *testing.F) {
	for _, s := range []string{`{"a":[1,-2.5e3,"x\u0041"]}`, `[true,false,null]`, ` {} `, `"\ud800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := json.Valid(b) && isCompact(b)
		if got := validCompact(b); got != want {
			t.Fatalf("validCompact(%q) = %v, encoding/json says %v", b, got, want)
		}
	})
}

// TestPlainRun checks plainRun against a byte-at-a-time walk of
// plainByte, with every kind of byte at every offset of a word: the
// three that end a run, the bytes next to them (0x1f, 0x20, '!', '#',
// '[', ']') and bytes with the high bit set, whose borrows the word
// tricks must not mistake.
func TestPlainRun(t *testing.T) {
	slow := func(b []byte, i int) int {
		for i < len(b) && plainByte[b[i]] {
			i++
		}
		return i
	}
	special := []byte{0, 0x01, 0x1f, 0x20, '!', '"', '#', '[', '\\', ']', 0x7f, 0x80, 0xa2, 0xdc, 0xff}
	for n := 0; n <= 20; n++ {
		for at := 0; at < n; at++ {
			for _, c := range special {
				for _, fill := range []byte{'a', 0x80, 0xff, 0x21} {
					b := make([]byte, n)
					for i := range b {
						b[i] = fill
					}
					b[at] = c
					if n > 2 && at+1 < n {
						b[at+1] = '"' // a second stop after the first
					}
					for i := 0; i <= n; i++ {
						if got, want := plainRun(b, i), slow(b, i); got != want {
							t.Fatalf("plainRun(%q, %d) = %d, want %d", b, i, got, want)
						}
					}
				}
			}
		}
	}
}
