package minutes

import (
	"reflect"

	"plenum/internal/bidictl"
)

// isolate closes, at the end of a text the record holds, the
// bidirectional embeddings, overrides and isolates it opens and leaves
// open (bidictl.Close): left open, a right-to-left override in a
// delegate's name reverses everything after it — the rest of a list of
// ballots, the counts ("38" read as "83"). Nothing of the text changes,
// stray closers included, so that documents exported before still verify.
func isolate(s string) string { return bidictl.Close(s, false) }

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
