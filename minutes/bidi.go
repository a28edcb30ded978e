package minutes

import (
	"reflect"
	"strings"
)

// isolate closes, at the end of a text the record holds, the bidirectional
// embeddings, overrides and isolates it opens and leaves open (U+202A–
// U+202E, U+2066–U+2069), as Unicode asks of text set into other text:
// left open, a right-to-left override in a delegate's name reverses
// everything after it to the end of the paragraph — the rest of a list of
// ballots, the counts ("38" read as "83"). Nothing of the text changes;
// a balanced text is returned as it is.
func isolate(s string) string {
	if !strings.ContainsAny(s, "\u202a\u202b\u202d\u202e\u2066\u2067\u2068") {
		return s
	}
	var open []rune // the closer each open embedding or isolate needs
	for _, r := range s {
		switch r {
		case '\u202a', '\u202b', '\u202d', '\u202e':
			open = append(open, '\u202c')
		case '\u2066', '\u2067', '\u2068':
			open = append(open, '\u2069')
		case '\u202c':
			// closes an embedding, not past an isolate
			if n := len(open); n > 0 && open[n-1] == '\u202c' {
				open = open[:n-1]
			}
		case '\u2069':
			// closes the last isolate and the embeddings within it
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == '\u2069' {
					open = open[:i]
					break
				}
			}
		}
	}
	if len(open) == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s)
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteRune(open[i])
	}
	return b.String()
}

// isolateAll applies isolate to every string in v (a *Document, *Motion
// or *Resolution and all they point to), so that every text of the
// record reaches the renderers, which set it into the minutes' own
// sentences, closed.
func isolateAll(v any) {
	seen := map[uintptr]bool{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.String:
			if v.CanSet() {
				v.SetString(isolate(v.String()))
			}
		}
	}
	walk(reflect.ValueOf(v))
}
