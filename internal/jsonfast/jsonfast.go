// Package jsonfast reads and writes the plain JSON of plenum's hot paths
// (a ballot's request, its event) without reflection, exactly as
// encoding/json would, or not at all: every function here reports false
// for anything it is not sure of, and the caller then goes the general
// way through encoding/json, which gives the answer (and the error
// message) it always gave.
package jsonfast

import (
	"encoding/json"
	"unicode/utf8"
)

// Scanner reads a JSON text of a plain subset: strings without escapes
// or control characters in valid UTF-8, numbers, true, false, null,
// objects and arrays of them, with white space between tokens.
type Scanner struct {
	b   []byte
	pos int
}

// NewScanner returns a Scanner at the start of b.
func NewScanner(b []byte) Scanner { return Scanner{b: b} }

// Pos is the offset of the next byte to read.
func (s *Scanner) Pos() int { return s.pos }

// WS skips JSON white space.
func (s *Scanner) WS() {
	for s.pos < len(s.b) {
		switch s.b[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// Byte skips white space and then c, reporting whether c was there.
func (s *Scanner) Byte(c byte) bool {
	s.WS()
	if s.pos < len(s.b) && s.b[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// Peek skips white space and reports whether the next byte is c.
func (s *Scanner) Peek(c byte) bool {
	s.WS()
	return s.pos < len(s.b) && s.b[s.pos] == c
}

// End skips white space and reports whether the text ends there.
func (s *Scanner) End() bool {
	s.WS()
	return s.pos == len(s.b)
}

// String skips white space and reads a plain string: its bytes between
// the quotes, which need no unescaping (no '\\', no control character,
// valid UTF-8), so that they are what encoding/json decodes it to.
func (s *Scanner) String() ([]byte, bool) {
	s.WS()
	if s.pos >= len(s.b) || s.b[s.pos] != '"' {
		return nil, false
	}
	start := s.pos + 1
	ascii := true
	for i := start; i < len(s.b); i++ {
		c := s.b[i]
		switch {
		case c == '"':
			raw := s.b[start:i]
			if !ascii && !utf8.Valid(raw) {
				return nil, false
			}
			s.pos = i + 1
			return raw, true
		case c < 0x20 || c == '\\':
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// Quoted skips white space and reads a string token whatever it holds,
// escapes and all, to its closing quote, and returns its bytes, quotes
// included, for encoding/json to unquote: it checks nothing between the
// quotes but where they end.
func (s *Scanner) Quoted() ([]byte, bool) {
	s.WS()
	if s.pos >= len(s.b) || s.b[s.pos] != '"' {
		return nil, false
	}
	for i := s.pos + 1; i < len(s.b); i++ {
		switch s.b[i] {
		case '\\':
			i++ // the escaped byte, a quote or not
		case '"':
			tok := s.b[s.pos : i+1]
			s.pos = i + 1
			return tok, true
		}
	}
	return nil, false
}

// Member reads up to the next member of an object: with first, the
// object's '{', else the ',' after the member before; then the member's
// name (a plain string) and its ':', leaving the scanner at its value,
// which the caller reads. At the object's '}' it reports end instead.
// The skeleton every reader of a plain object shares:
//
//	for first := true; ; first = false {
//		name, end, ok := s.Member(first)
//		if !ok { return false }
//		if end { return s.End() }
//		… read the value of name …
//	}
func (s *Scanner) Member(first bool) (name []byte, end, ok bool) {
	if first && !s.Byte('{') {
		return nil, false, false
	}
	if s.Byte('}') {
		return nil, true, true
	}
	if !first && !s.Byte(',') {
		return nil, false, false
	}
	name, ok = s.String()
	if !ok || !s.Byte(':') {
		return nil, false, false
	}
	return name, false, true
}

// Value skips white space and one value of the plain subset, and returns
// its bytes.
func (s *Scanner) Value() ([]byte, bool) {
	s.WS()
	start := s.pos
	if !s.value(0, false) {
		return nil, false
	}
	return s.b[start:s.pos], true
}

// maxDepth bounds the nesting Value follows (encoding/json allows 10,000;
// deeper texts are left to it).
const maxDepth = 64

// value reads one value; with unique, its objects as uniqueObject does.
func (s *Scanner) value(depth int, unique bool) bool {
	if s.pos >= len(s.b) || depth > maxDepth {
		return false
	}
	switch c := s.b[s.pos]; {
	case c == '"':
		_, ok := s.String()
		return ok
	case c == '{' && unique:
		return s.uniqueObject(depth)
	case c == '{':
		s.pos++
		if s.Byte('}') {
			return true
		}
		for {
			if _, ok := s.String(); !ok || !s.Byte(':') {
				return false
			}
			s.WS()
			if !s.value(depth+1, unique) {
				return false
			}
			if s.Byte('}') {
				return true
			}
			if !s.Byte(',') {
				return false
			}
		}
	case c == '[':
		s.pos++
		if s.Byte(']') {
			return true
		}
		for {
			s.WS()
			if !s.value(depth+1, unique) {
				return false
			}
			if s.Byte(']') {
				return true
			}
			if !s.Byte(',') {
				return false
			}
		}
	case c == '-' || (c >= '0' && c <= '9'):
		return s.number()
	case c == 't':
		return s.lit("true")
	case c == 'f':
		return s.lit("false")
	case c == 'n':
		return s.lit("null")
	}
	return false
}

func (s *Scanner) lit(w string) bool {
	if len(s.b)-s.pos < len(w) || string(s.b[s.pos:s.pos+len(w)]) != w {
		return false
	}
	s.pos += len(w)
	return true
}

// number reads a number as RFC 8259 writes it.
func (s *Scanner) number() bool {
	if s.b[s.pos] == '-' {
		s.pos++
	}
	switch {
	case s.pos < len(s.b) && s.b[s.pos] == '0':
		s.pos++
	case s.digits() == 0:
		return false
	}
	if s.pos < len(s.b) && s.b[s.pos] == '.' {
		s.pos++
		if s.digits() == 0 {
			return false
		}
	}
	if s.pos < len(s.b) && (s.b[s.pos] == 'e' || s.b[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.b) && (s.b[s.pos] == '+' || s.b[s.pos] == '-') {
			s.pos++
		}
		if s.digits() == 0 {
			return false
		}
	}
	return true
}

func (s *Scanner) digits() int {
	n := 0
	for s.pos < len(s.b) && s.b[s.pos] >= '0' && s.b[s.pos] <= '9' {
		s.pos++
		n++
	}
	return n
}

// AppendString appends str (a string or its bytes) as json.Marshal
// encodes a string: printable ASCII that needs no escape as it is,
// anything else through json.Marshal.
func AppendString[S ~string | ~[]byte](b []byte, str S) []byte {
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			enc, _ := json.Marshal(string(str))
			return append(b, enc...)
		}
	}
	b = append(b, '"')
	b = append(b, str...)
	return append(b, '"')
}
