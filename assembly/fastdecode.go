package assembly

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"plenum/internal/jsonfast"
)

// decodeBallotCast reads a ballot_cast payload written by EncodeEvent
// (json.Marshal: the fields in order, compact, every field present but
// the Meta's omitted empty key and req) without reflection: ballots are
// most of a large assembly's record, and this is most of the time its
// replay takes at start. It reports false for anything else, or anything
// it is not sure of (an escaped string, a number it would have to think
// about), and then DecodeEvent reads the payload the general way: where
// it answers, it answers exactly as json would.
func decodeBallotCast(b []byte) (BallotCast, bool) {
	var e BallotCast
	p := fastParser{b: b}
	ok := p.lit(`{"meta":{"assembly":`) && p.str(&e.Assembly) &&
		p.lit(`,"actor":`) && p.str(&e.Actor) &&
		p.lit(`,"at":`) && p.time(&e.Meta)
	if !ok {
		return e, false
	}
	if p.peek(`,"key":`) {
		ok = p.lit(`,"key":`) && p.str(&e.Key)
	}
	if ok && p.peek(`,"req":`) {
		ok = p.lit(`,"req":`) && p.str(&e.Req)
	}
	ok = ok && p.lit(`},"vote":`) && p.str(&e.Vote) &&
		p.lit(`,"voter":`) && p.str(&e.Voter) &&
		p.lit(`,"right":`) && p.str(&e.Right) &&
		p.lit(`,"choice":`) && p.str(&e.Choice) &&
		p.lit(`,"weight":`) && p.int(&e.Weight) &&
		p.lit(`}`) && p.pos == len(b)
	return e, ok
}

// appendBallotCast appends e as json.Marshal encodes it, byte for byte,
// without reflection (every ballot is encoded once, by the writer), or
// reports false if its time is outside what it writes itself (the years
// 0–9999, which time.Time.MarshalJSON refuses beyond).
func appendBallotCast(b []byte, e *BallotCast) ([]byte, bool) {
	if y := e.At.Year(); y < 0 || y > 9999 {
		return nil, false
	}
	b = append(b, `{"meta":{"assembly":`...)
	b = jsonfast.AppendString(b, e.Assembly)
	b = append(b, `,"actor":`...)
	b = jsonfast.AppendString(b, e.Actor)
	b = append(b, `,"at":"`...)
	b = e.At.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	if e.Key != "" {
		b = append(b, `,"key":`...)
		b = jsonfast.AppendString(b, e.Key)
	}
	if e.Req != "" {
		b = append(b, `,"req":`...)
		b = jsonfast.AppendString(b, e.Req)
	}
	b = append(b, `},"vote":`...)
	b = jsonfast.AppendString(b, e.Vote)
	b = append(b, `,"voter":`...)
	b = jsonfast.AppendString(b, e.Voter)
	b = append(b, `,"right":`...)
	b = jsonfast.AppendString(b, e.Right)
	b = append(b, `,"choice":`...)
	b = jsonfast.AppendString(b, e.Choice)
	b = append(b, `,"weight":`...)
	b = strconv.AppendInt(b, int64(e.Weight), 10)
	return append(b, '}'), true
}

// fastParser reads JSON of a known layout, giving up on anything else.
type fastParser struct {
	b   []byte
	pos int
}

func (p *fastParser) peek(s string) bool { return bytes.HasPrefix(p.b[p.pos:], []byte(s)) }

func (p *fastParser) lit(s string) bool {
	if !p.peek(s) {
		return false
	}
	p.pos += len(s)
	return true
}

// str reads a plain string as jsonfast.Scanner does (no escapes, no
// control characters, valid UTF-8: what encoding/json decodes it to).
func (p *fastParser) str(into *string) bool {
	s := jsonfast.NewScanner(p.b[p.pos:])
	raw, ok := s.String()
	if !ok {
		return false
	}
	*into = string(raw)
	p.pos += s.Pos()
	return true
}

// time reads the Meta's time as json does: through time.Time.UnmarshalJSON.
func (p *fastParser) time(m *Meta) bool {
	start := p.pos
	var s string
	if !p.str(&s) {
		return false
	}
	return m.At.UnmarshalJSON(p.b[start:p.pos]) == nil
}

// int reads an integer written without sign, fraction or exponent, or
// with a minus sign, no leading zeros, of at most 18 digits.
func (p *fastParser) int(into *int) bool {
	start := p.pos
	if p.pos < len(p.b) && p.b[p.pos] == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '9' {
		p.pos++
	}
	n := p.pos - digits
	if n == 0 || n > 18 || (n > 1 && p.b[digits] == '0') {
		return false
	}
	v, err := strconv.ParseInt(string(p.b[start:p.pos]), 10, 64)
	if err != nil || int64(int(v)) != v {
		return false
	}
	*into = int(v)
	return true
}

// readPlainArgs reads args into v, a command's zero struct, as
// ParseCommand's json.Decoder does (unknown fields disallowed, nothing
// after the object), if v's fields are all strings (plainFieldsOf) and
// args is a plain object of them: every name spelt as its field's json
// name, at most once, every value a plain string (jsonfast.Scanner). It
// reports false for anything else, and for every text the decoder would
// refuse, which ParseCommand then gives the decoder, with its words. A
// ballot's arguments are such an object.
func readPlainArgs(v reflect.Value, args []byte) bool {
	fields := plainFieldsOf(v.Type())
	if fields == nil {
		return false
	}
	var seen uint64
	s := jsonfast.NewScanner(args)
	for first := true; ; first = false {
		name, end, ok := s.Member(first)
		if !ok {
			return false
		}
		if end {
			return s.End()
		}
		i, ok := fields[string(name)]
		if !ok || seen&(1<<i) != 0 {
			return false // unknown, in another case, or twice: the decoder says
		}
		seen |= 1 << i
		val, ok := s.String()
		if !ok {
			return false
		}
		v.Field(i).SetString(string(val))
	}
}

// plainFieldsOf maps the json names of a struct's fields to their indexes
// if every field is an exported string with a plain json name, the
// struct decodes itself in no way of its own, and it has at most 64
// fields; otherwise it returns nil.
func plainFieldsOf(t reflect.Type) map[string]int {
	if f, ok := plainFields.Load(t); ok {
		return f.(map[string]int)
	}
	var fields map[string]int
	pt := reflect.PointerTo(t)
	if t.Kind() == reflect.Struct && t.NumField() <= 64 &&
		!pt.Implements(reflect.TypeFor[json.Unmarshaler]()) &&
		!pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		fields = make(map[string]int, t.NumField())
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || f.Anonymous || f.Type != reflect.TypeFor[string]() ||
				!plainName(name) || strings.Contains(opts, "string") {
				fields = nil
				break
			}
			if _, twice := fields[name]; twice {
				fields = nil
				break
			}
			fields[name] = i
		}
	}
	plainFields.Store(t, fields)
	return fields
}

// plainName reports whether a json name is lower-case letters, digits
// and '_' (encoding/json takes it as it is).
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return name != ""
}

// plainFields caches plainFieldsOf.
var plainFields sync.Map
