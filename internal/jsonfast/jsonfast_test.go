package jsonfast

import (
	"encoding/json"
	"strings"
	"testing"
)

var texts = []string{
	`{}`, `[]`, `""`, `"a b"`, `"é"`, `"\u0041"`, `"\n"`, "\"\x01\"", "\"\xff\"",
	`0`, `-0`, `01`, `1.`, `1.5`, `-1.5e+10`, `1E3`, `1e`, `-`, `--1`,
	`true`, `false`, `null`, `tru`, `nul`,
	`{"a":1}`, `{"a":1,}`, `{"a" : [ 1 , { "b" : null } ] }`, `{1:2}`, `{"a"}`,
	`[1,2`, `[1 2]`, `{"a":1}x`, ` {"a":"<&>"} `,
}

// TestValue: what Value reads is valid JSON (json.Valid), and all of it.
func TestValue(t *testing.T) {
	read := 0
	for _, text := range texts {
		s := NewScanner([]byte(text))
		v, ok := s.Value()
		if !ok || !s.End() {
			continue
		}
		read++
		if !json.Valid([]byte(text)) || string(v) != trim(text) {
			t.Errorf("%q: Value read %q; json.Valid %v", text, v, json.Valid([]byte(text)))
		}
	}
	if read < 15 {
		t.Errorf("Value read %d texts, want 15 or more", read)
	}
}

func trim(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

func FuzzValue(f *testing.F) {
	for _, text := range texts {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s := NewScanner(b)
		if _, ok := s.Value(); ok && s.End() && !json.Valid(b) {
			t.Fatalf("%q: Value read it, json.Valid refuses it", b)
		}
		s = NewScanner(b)
		if v, ok := s.String(); ok {
			var got string
			if err := json.Unmarshal(b[:s.Pos()], &got); err != nil || got != string(v) {
				t.Fatalf("%q: String read %q, json %q (%v)", b, v, got, err)
			}
		}
	})
}

// TestAppendString: as json.Marshal, for strings it writes itself and
// those it hands on.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "a b", "x\"y", `a\b`, "<&>", "é", "\u2028", "\x00", "\xff", "~"} {
		want, _ := json.Marshal(s)
		if got := AppendString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: %s, want x%s", s, got, want)
		}
	}
}

// TestMember: the members of an object, read with Member, are its names
// in order, the values read between; a text that is not one object of
// such members is refused.
func TestMember(t *testing.T) {
	read := func(text string) (string, bool) {
		s := NewScanner([]byte(text))
		var got []byte
		for first := true; ; first = false {
			name, end, ok := s.Member(first)
			if !ok {
				return "", false
			}
			if end {
				return string(got), s.End()
			}
			v, ok := s.Value()
			if !ok {
				return "", false
			}
			got = append(append(append(got, name...), '='), v...)
			got = append(got, ';')
		}
	}
	for text, want := range map[string]string{`{}`: "", ` { } `: "", `{"a":1}`: "a=1;", `{ "a" : "x" , "b" : [1] }`: `a="x";b=[1];`} {
		if got, ok := read(text); !ok || got != want {
			t.Errorf("%s: %q %v, want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{``, `[]`, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a":1 "b":2}`, `{,"a":1}`, `{"a":1}x`, `{a:1}`, `{"\u0061":1}`} {
		if got, ok := read(text); ok {
			t.Errorf("%s: read as %q", text, got)
		}
	}
}

// TestQuoted: a string token is read to its closing quote, escaped quotes
// and backslashes passed over, and nothing else is taken for one.
func TestQuoted(t *testing.T) {
	for in, want := range map[string]string{
		` "plain",`:          `"plain"`,
		`"a\"b" x`:           `"a\"b"`,
		`"ends in \\" ,"x"`:  `"ends in \\"`,
		`"\u0041\n\xff"`:     `"\u0041\n\xff"`,
		`"unterminated \"`:   "",
		`"unterminated \\\"`: "",
		`x"not a string"`:    "",
		``:                   "",
	} {
		s := NewScanner([]byte(in))
		got, ok := s.Quoted()
		if string(got) != want || ok != (want != "") {
			t.Errorf("Quoted(%q) = %q, %v; want %q", in, got, ok, want)
		}
		if ok && s.Pos() != strings.Index(in, want)+len(want) {
			t.Errorf("Quoted(%q) left the scanner at %d", in, s.Pos())
		}
	}
}
