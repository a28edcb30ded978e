package assembly

import (
	"reflect"
	"sync"
)

// CloneEvent returns a copy of e that shares no memory with it that
// applying either could change: its slices, maps and pointers copied, its
// strings (immutable) and times shared. It reports false for an event of
// a type it cannot copy so (one holding an interface, or an unexported
// field that is not flat), which must then be decoded again.
//
// Why: a restart replays every entry into two states, the writer's and
// the readers', which must share nothing. Decoding an event a second time
// for the second state cost as much as the first decoding; a vote_opened
// of 10,000 eligible mandates is 10,000 strings to read again, and one
// copy of a slice to clone.
func CloneEvent(e Event) (Event, bool) {
	v := reflect.ValueOf(e)
	t := v.Type()
	if !clonable(t) {
		return nil, false
	}
	if flatType(t) {
		return e, true
	}
	c := reflect.New(t).Elem()
	cloneInto(c, v)
	return c.Interface().(Event), true
}

// cloneInto sets dst, settable and of src's type, to a copy of src that
// shares no memory with it but strings and times.
func cloneInto(dst, src reflect.Value) {
	t := src.Type()
	if flatType(t) {
		dst.Set(src)
		return
	}
	switch t.Kind() {
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		n := src.Len()
		s := reflect.MakeSlice(t, n, n)
		if flatType(t.Elem()) {
			reflect.Copy(s, src)
		} else {
			for i := range n {
				cloneInto(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(t, src.Len())
		for it := src.MapRange(); it.Next(); {
			val := reflect.New(t.Elem()).Elem()
			cloneInto(val, it.Value())
			m.SetMapIndex(it.Key(), val) // keys are flat (clonable)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(t.Elem())
		cloneInto(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Array:
		for i := range src.Len() {
			cloneInto(dst.Index(i), src.Index(i))
		}
	case reflect.Struct:
		dst.Set(src) // the flat fields, unexported ones too
		for i := range t.NumField() {
			if !flatType(t.Field(i).Type) {
				cloneInto(dst.Field(i), src.Field(i)) // exported (clonable)
			}
		}
	}
}

// FlatEvent reports whether e holds no memory that applying it could share
// with a state (flatType): one event value may then be applied to two
// states.
func FlatEvent(e Event) bool { return flatType(reflect.TypeOf(e)) }

var (
	clonableTypes sync.Map // reflect.Type → bool
	flatTypes     sync.Map // reflect.Type → bool
)

// clonable reports whether cloneInto copies values of t whole: no
// interface, channel or function in it, and every field that is not flat
// exported, so that it can be set.
func clonable(t reflect.Type) bool {
	if c, ok := clonableTypes.Load(t); ok {
		return c.(bool)
	}
	c := isClonable(t, map[reflect.Type]bool{})
	clonableTypes.Store(t, c)
	return c
}

func isClonable(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if flatType(t) || visiting[t] {
		return true
	}
	visiting[t] = true
	defer delete(visiting, t)
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer, reflect.Array:
		return isClonable(t.Elem(), visiting)
	case reflect.Map:
		return flatType(t.Key()) && isClonable(t.Elem(), visiting)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !flatType(f.Type) && (!f.IsExported() || !isClonable(f.Type, visiting)) {
				return false
			}
		}
		return true
	}
	return false
}

// flatType reports whether a value of type t holds no memory that
// applying it could share with a state: no slice, map, pointer or
// interface, only booleans, numbers, strings (immutable) and times, in
// structs or arrays.
func flatType(t reflect.Type) bool {
	if f, ok := flatTypes.Load(t); ok {
		return f.(bool)
	}
	f := isFlatType(t)
	flatTypes.Store(t, f)
	return f
}

func isFlatType(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	case reflect.Array:
		return isFlatType(t.Elem())
	case reflect.Struct:
		if t == timeType {
			return true // its *Location is never changed
		}
		for i := range t.NumField() {
			if !isFlatType(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}
