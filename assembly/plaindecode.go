package assembly

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"sync"
	"time"

	"plenum/internal/jsonfast"
)

// readPlainEvent reads an event's payload into v, the addressable zero
// value of its type, as decodeJSON's json.Decoder would (unknown fields
// disallowed, nothing after the object), when the payload is of the plain
// subset EncodeEvent writes: objects, arrays, strings, integers, booleans,
// null, and values of types that read themselves (time.Time), handed to
// their UnmarshalJSON as encoding/json hands them. Every event
// but a ballot is decoded here on a restart, and encoding/json took six
// to seven microseconds an event for it, through reflection twice over
// (a scan, then the decoding); this reads the bytes once.
//
// It reports false for anything it is not sure of — an unknown or
// repeated member, a name in another case, an escaped string, a number it
// would have to think about, a type that decodes itself or that it does
// not know — and v may then hold part of the payload: DecodeEvent then
// decodes the payload into a new value through encoding/json, which gives
// the answer, or the error, it always gave. Where it answers, it answers
// exactly as encoding/json would (FuzzPlainEventAsJSON).
func readPlainEvent(v reflect.Value, payload []byte) bool {
	d := plainDecoderOf(v.Type())
	if d == nil {
		return false
	}
	r := plainReader{s: jsonfast.NewScanner(payload), b: payload}
	return r.read(d, v, 0) && r.s.End()
}

// plainKind is what a plainDecoder reads.
type plainKind uint8

const (
	plainString plainKind = iota + 1
	plainBool
	plainInt
	plainUint
	plainStruct
	plainSlice
	plainPointer
	plainMap
	plainUnmarshaler
)

// plainDecoder is how a Go type is read from plain JSON, made once a type
// (plainDecoderOf).
type plainDecoder struct {
	kind   plainKind
	typ    reflect.Type
	fields map[string]plainField // a struct's, by json name
	elem   *plainDecoder         // a slice's, pointer's or map's values
}

// plainField is a struct field's place, decoder and bit in a mask of the
// members read.
type plainField struct {
	index int
	bit   uint64
	dec   *plainDecoder
}

// maxPlainDepth bounds the nesting readPlainEvent follows.
const maxPlainDepth = 32

var (
	plainDecoders       sync.Map // reflect.Type → *plainDecoder (nil if not plain)
	timeType            = reflect.TypeFor[time.Time]()
	stringsType         = reflect.TypeFor[[]string]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// plainDecoderOf returns the decoder of t, or nil if values of t are not
// all of the plain subset.
func plainDecoderOf(t reflect.Type) *plainDecoder {
	if d, ok := plainDecoders.Load(t); ok {
		return d.(*plainDecoder)
	}
	d, ok := buildPlainDecoder(t, map[reflect.Type]*plainDecoder{})
	if !ok {
		d = nil
	}
	plainDecoders.Store(t, d)
	return d
}

// buildPlainDecoder makes t's decoder; building holds those being made,
// so that a type that holds itself (through a slice, a pointer or a map)
// refers to its own.
func buildPlainDecoder(t reflect.Type, building map[reflect.Type]*plainDecoder) (*plainDecoder, bool) {
	if d, ok := building[t]; ok {
		return d, true
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(jsonUnmarshalerType) {
		return &plainDecoder{kind: plainUnmarshaler, typ: t}, true // it reads itself
	}
	if t.Implements(jsonUnmarshalerType) || t.Implements(textUnmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return nil, false // encoding/json's rules of its own
	}
	d := &plainDecoder{typ: t}
	building[t] = d
	switch t.Kind() {
	case reflect.String:
		d.kind = plainString
	case reflect.Bool:
		d.kind = plainBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.kind = plainInt
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.kind = plainUint
	case reflect.Struct:
		d.kind = plainStruct
		if t.NumField() > 64 {
			return nil, false
		}
		d.fields = make(map[string]plainField, t.NumField())
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if strings.Contains(opts, "string") {
				return nil, false
			}
			if !f.IsExported() && !f.Anonymous {
				continue // encoding/json does not see it
			}
			if f.Anonymous && name == "" || !f.IsExported() {
				return nil, false // promoted fields: encoding/json's rules of their own
			}
			if name == "" {
				name = f.Name
			}
			if !plainMemberName(name) {
				return nil, false
			}
			if _, twice := d.fields[name]; twice {
				return nil, false
			}
			fd, ok := buildPlainDecoder(f.Type, building)
			if !ok {
				return nil, false
			}
			d.fields[name] = plainField{index: i, bit: 1 << i, dec: fd}
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, false // base64 in a string
		}
		d.kind = plainSlice
	case reflect.Pointer:
		d.kind = plainPointer
	case reflect.Map:
		if t.Key().Kind() != reflect.String || reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
			return nil, false
		}
		d.kind = plainMap
	default:
		return nil, false // floats, interfaces, arrays, uint8…: encoding/json's to read
	}
	if d.kind == plainSlice || d.kind == plainPointer || d.kind == plainMap {
		elem, ok := buildPlainDecoder(t.Elem(), building)
		if !ok {
			return nil, false
		}
		d.elem = elem
	}
	return d, true
}

// plainMemberName reports whether a json name is letters, digits and '_'
// in ASCII, which encoding/json takes as it is.
func plainMemberName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return name != ""
}

// plainReader is a payload being read: its scanner and its bytes.
type plainReader struct {
	s jsonfast.Scanner
	b []byte
}

// read reads one value into v, the zero value of d's type, as
// encoding/json would, or reports false.
func (r *plainReader) read(d *plainDecoder, v reflect.Value, depth int) bool {
	if depth > maxPlainDepth {
		return false
	}
	s := &r.s
	if d.kind == plainUnmarshaler {
		// As encoding/json does: the value's bytes, null too, to the
		// type's own UnmarshalJSON.
		raw, ok := s.Value()
		return ok && v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw) == nil
	}
	if s.Peek('n') {
		// encoding/json leaves a value at null as it is, and sets a
		// slice, map or pointer to nil: v is zero and stays so.
		raw, ok := s.Value()
		return ok && string(raw) == "null"
	}
	switch d.kind {
	case plainString:
		str, ok := r.string()
		if !ok {
			return false
		}
		v.SetString(str)
	case plainBool:
		raw, ok := s.Value()
		switch {
		case !ok:
			return false
		case string(raw) == "true":
			v.SetBool(true)
		case string(raw) != "false":
			return false
		}
	case plainInt:
		raw, ok := s.Value()
		n, neg, ok2 := plainInteger(raw)
		if !ok || !ok2 || n > math.MaxInt64 && !(neg && n == 1<<63) {
			return false
		}
		i := int64(n) // -1<<63 stays itself when negated
		if neg {
			i = -i
		}
		if v.OverflowInt(i) {
			return false
		}
		v.SetInt(i)
	case plainUint:
		raw, ok := s.Value()
		n, neg, ok2 := plainInteger(raw)
		if !ok || !ok2 || neg || v.OverflowUint(n) {
			return false
		}
		v.SetUint(n)
	case plainStruct:
		var seen uint64
		for first := true; ; first = false {
			name, end, ok := s.Member(first)
			if !ok {
				return false
			}
			if end {
				return true
			}
			f, ok := d.fields[string(name)]
			if !ok || seen&f.bit != 0 {
				return false // unknown, in another case, or twice: encoding/json says
			}
			seen |= f.bit
			if !r.read(f.dec, v.Field(f.index), depth+1) {
				return false
			}
		}
	case plainSlice:
		if !s.Byte('[') {
			return false
		}
		if d.typ == stringsType {
			// The common list (voters, names, ids), without reflection.
			list := []string{} // [] is empty, not nil
			for !s.Byte(']') {
				if len(list) > 0 && !s.Byte(',') {
					return false
				}
				str, ok := r.string()
				if !ok {
					return false
				}
				list = append(list, str)
			}
			*v.Addr().Interface().(*[]string) = list
			break
		}
		sl := reflect.MakeSlice(d.typ, 0, 0) // [] is empty, not nil
		for n := 0; !s.Byte(']'); n++ {
			if n > 0 && !s.Byte(',') {
				return false
			}
			if n == sl.Cap() { // grown as append grows, without reflect.Append's cost an element
				grown := reflect.MakeSlice(d.typ, n, max(4, 2*n))
				reflect.Copy(grown, sl)
				sl = grown
			}
			sl = sl.Slice(0, n+1)
			if !r.read(d.elem, sl.Index(n), depth+1) {
				return false
			}
		}
		v.Set(sl)
	case plainPointer:
		p := reflect.New(d.elem.typ)
		if !r.read(d.elem, p.Elem(), depth+1) {
			return false
		}
		v.Set(p)
	case plainMap:
		m := reflect.MakeMap(d.typ) // {} is empty, not nil
		for first := true; ; first = false {
			name, end, ok := s.Member(first)
			if !ok {
				return false
			}
			if end {
				break
			}
			key := reflect.New(d.typ.Key()).Elem()
			key.SetString(string(name))
			val := reflect.New(d.elem.typ).Elem()
			if !r.read(d.elem, val, depth+1) {
				return false
			}
			m.SetMapIndex(key, val) // a name twice: the last, as encoding/json
		}
		v.Set(m)
	default:
		return false
	}
	return true
}

// string reads a string as encoding/json would.
func (r *plainReader) string() (string, bool) {
	if raw, ok := r.s.String(); ok {
		return string(raw), true
	}
	// Escapes, or bytes that are not UTF-8: encoding/json's own
	// unquoting reads the string, as it would in the event.
	tok, ok := r.s.Quoted()
	var str string
	if !ok || json.Unmarshal(tok, &str) != nil {
		return "", false
	}
	return str, true
}

// plainInteger reads an integer written as RFC 8259 writes one, without
// fraction or exponent: its magnitude and sign, or false if it is not one
// or its magnitude is beyond a uint64. Within range strconv's ParseInt and
// ParseUint, which encoding/json calls, read it the same.
func plainInteger(raw []byte) (n uint64, neg, ok bool) {
	if len(raw) > 0 && raw[0] == '-' {
		neg, raw = true, raw[1:]
	}
	if len(raw) == 0 || len(raw) > 1 && raw[0] == '0' {
		return 0, false, false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false, false
		}
		d := uint64(c - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false, false
		}
		n = n*10 + d
	}
	return n, neg, true
}
