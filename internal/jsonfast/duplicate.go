package jsonfast

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// A JSON object may give a name twice, and encoding/json then takes the
// last: {"cmd":"open_vote","cmd":"record_narrative"} decodes as a
// record_narrative, while anything that reads the first (a proxy's rule,
// a log of requests) sees an open_vote. encoding/json also takes a name
// in another case for a struct's field ("CMD" for "cmd"), so two names
// that fold to the same one name it twice as well. plenum refuses both in
// a command: UniqueValue for the plain texts of the hot paths, without an
// allocation, and FindDuplicate for any other.

// maxUnique is the most members an object may have for UniqueValue,
// which compares each name with those before it: beyond, it leaves the
// text to FindDuplicate.
const maxUnique = 16

// UniqueValue is Value for a text in which no object gives a name twice:
// it reports false, besides for anything Value refuses, for an object that
// gives one name twice, or two names that differ only in the case of
// ASCII letters, and, leaving them to FindDuplicate and encoding/json,
// for an object of more than 16 members or with a name not in ASCII.
// It allocates nothing: every ballot's arguments are read so.
func (s *Scanner) UniqueValue() ([]byte, bool) {
	s.WS()
	start := s.pos
	if !s.value(0, true) {
		return nil, false
	}
	return s.b[start:s.pos], true
}

// uniqueObject reads an object as value does, each name compared with
// those before it.
func (s *Scanner) uniqueObject(depth int) bool {
	s.pos++
	if s.Byte('}') {
		return true
	}
	var names [maxUnique][]byte
	for n := 0; ; n++ {
		name, ok := s.String()
		if !ok || !s.Byte(':') || n == maxUnique {
			return false
		}
		for _, c := range name {
			if c >= utf8.RuneSelf {
				return false
			}
		}
		for _, before := range names[:n] {
			if equalFoldASCII(before, name) {
				return false
			}
		}
		names[n] = name
		s.WS()
		if !s.value(depth+1, true) {
			return false
		}
		if s.Byte('}') {
			return true
		}
		if !s.Byte(',') {
			return false
		}
	}
}

// equalFoldASCII reports whether a and b, in ASCII, are the same but for
// the case of letters, as encoding/json folds them.
func equalFoldASCII(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Duplicate is a name an object of a JSON text gives twice: as Name
// first, as Again then (the same, or the same in another case), in the
// object at In ("" for the text's own object, else a path such as
// "args" or "args.sealed[0]").
type Duplicate struct {
	Name, Again, In string
}

// Names is the name as the text gave it, quoted: "cmd", or "cmd" and
// "CMD" where the second differs.
func (d Duplicate) Names() string {
	if d.Name == d.Again {
		return strconv.Quote(d.Name)
	}
	return strconv.Quote(d.Name) + " / " + strconv.Quote(d.Again)
}

// FindDuplicate reports the first name an object of the JSON text b gives
// twice, or two names encoding/json folds to the same (its foldName: the
// case of letters aside), at any depth. It reports none for a text that
// is not JSON, which the decoder refuses in its own words.
func FindDuplicate(b []byte) (Duplicate, bool) {
	if !json.Valid(b) {
		return Duplicate{}, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	d, found, _ := findDuplicate(dec, "")
	return d, found
}

// findDuplicate reads one value from dec, reporting the first name given
// twice in it; ok is false for a text that is not JSON.
func findDuplicate(dec *json.Decoder, path string) (d Duplicate, found, ok bool) {
	tok, err := dec.Token()
	if err != nil {
		return d, false, false
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]string{} // folded → as given
		for dec.More() {
			tok, err := dec.Token()
			name, isName := tok.(string)
			if err != nil || !isName {
				return d, false, false
			}
			folded := foldName(name)
			if first, twice := seen[folded]; twice {
				return Duplicate{Name: first, Again: name, In: path}, true, true
			}
			seen[folded] = name
			inner := name
			if path != "" {
				inner = path + "." + name
			}
			if d, found, ok = findDuplicate(dec, inner); found || !ok {
				return d, found, ok
			}
		}
		_, err = dec.Token()
		return d, false, err == nil
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if d, found, ok = findDuplicate(dec, path+"["+strconv.Itoa(i)+"]"); found || !ok {
				return d, found, ok
			}
		}
		_, err = dec.Token()
		return d, false, err == nil
	}
	return d, false, true
}

// foldName is a name as encoding/json matches it to a struct's field
// whatever its case: each ASCII letter upper case, any other rune
// unicode.ToUpper(unicode.ToLower(r)).
func foldName(name string) string {
	out := make([]byte, 0, len(name))
	for _, r := range name {
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			continue
		}
		out = utf8.AppendRune(out, unicode.ToUpper(unicode.ToLower(r)))
	}
	return string(out)
}
