package assembly

import (
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// longTexts are the fields (by their JSON name) that hold running text, in
// which line breaks and tabs are allowed: notes, speeches, reasons,
// instructions, descriptions. Every other text is one line.
var longTexts = map[string]bool{
	"text": true, "note": true, "notes": true, "reason": true, "instruction": true,
	"description": true, "provenance": true, "eligible_note": true, "question": true,
	"meaning": true, "summary": true,
}

// checkText says what is wrong with a text the record would store, or
// returns nil: it must be UTF-8 without control characters (a line break,
// CR LF and a tab are allowed where long is set), without the replacement
// character U+FFFD (the trace of bytes that were not UTF-8), and without
// the bidirectional overrides and isolates U+202A–U+202E and
// U+2066–U+2069, which make a text read differently from what it holds;
// a one-line text (a name, a title: not long) also without the other
// invisible formatting characters (Invisible).
// Invisible reports whether r is an invisible formatting character that
// a one-line text (a name, a title) may not hold: Unicode's Cf (a
// zero-width space, a soft hyphen, a direction mark, a byte order mark …),
// with which "Ann Weiss" could be a second person who looks like the
// first — but for the joiners ZWNJ and ZWJ, which Persian, the Indic
// scripts and emoji need. checkText and the roster's import (package
// roster, which also refuses a joiner beside a Latin, Cyrillic or Greek
// letter) refuse the same.
func Invisible(r rune) bool {
	return r != '\u200c' && r != '\u200d' && unicode.Is(unicode.Cf, r)
}

// PlainName is a name as it is compared: in Unicode's composed form,
// spaces trimmed and runs of space made one, without the invisible
// joiners ZWNJ and ZWJ.
func PlainName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u200c' || r == '\u200d' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// NameKey is the form in which two names are the same name: PlainName
// without regard to case. The rules refuse a second organization of one
// name, and the roster's import matches names, in it.
func NameKey(s string) string { return strings.ToLower(PlainName(s)) }

func checkText(s string, long bool) *Reason {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return reason("is not valid UTF-8 (at byte %d)", i)
		case r == utf8.RuneError:
			return reason("holds the replacement character U+FFFD (at byte %d), the trace of text that was not valid UTF-8; send the text as UTF-8", i)
		case long && (r == '\n' || r == '\t'):
		case long && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			what := reason("a control character")
			switch r {
			case 0:
				what = reason("a NUL character")
			case 0x1b:
				what = reason("an escape character (ESC, as in terminal colour codes)")
			case '\n', '\r', '\t':
				what = reason("a line break or tab, which only running texts (note, text, reason …) may hold")
			}
			return reason("holds %s, U+%04X (at byte %d)", what, r, i)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return reason("holds the bidirectional control U+%04X (at byte %d), which makes a text display differently from what it says", r, i)
		case !long && Invisible(r):
			return reason("holds the invisible character U+%04X (at byte %d), with which a name or title looks like another that lacks it; remove it", r, i)
		}
		i += n
	}
	return nil
}

// checkTexts checks every string in a command (v, with the command's name
// cmd) with checkText and names the field at fault.
func checkTexts(cmd string, v reflect.Value, field string) error {
	switch v.Kind() {
	case reflect.String:
		if msg := checkText(v.String(), longTexts[field]); msg != nil {
			return fieldErr(field, "%s: the field %q %s", CommandName(cmd), FieldName{cmd, field}, msg)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkTexts(cmd, v.Elem(), field)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // bytes, not text
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkTexts(cmd, v.Index(i), field); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := checkTexts(cmd, it.Key(), field); err != nil {
				return err
			}
			if err := checkTexts(cmd, it.Value(), field); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i, name := range textFieldNames(v.Type()) {
			if name == "" {
				continue // not exported
			}
			if err := checkTexts(cmd, v.Field(i), name); err != nil {
				return err
			}
		}
	}
	return nil
}

var textFields sync.Map // reflect.Type → []string

// textFieldNames returns the names checkTexts gives the fields of the
// struct type t (their JSON names, or their lower-cased Go names), ""
// for a field that is not exported; made once per type.
func textFieldNames(t reflect.Type) []string {
	if names, ok := textFields.Load(t); ok {
		return names.([]string)
	}
	names := make([]string, t.NumField())
	for i := range names {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "" || name == "-" {
			name = strings.ToLower(f.Name)
		}
		names[i] = name
	}
	textFields.Store(t, names)
	return names
}
