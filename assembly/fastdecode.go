package assembly

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	ok := p.lit(`{"meta":{"assembly":`) && p.recent(&e.Assembly, &recentAssembly) &&
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
	ok = ok && p.lit(`},"vote":`) && p.recent(&e.Vote, &recentVote) &&
		p.lit(`,"voter":`) && p.strLike(&e.Voter, e.Actor) &&
		p.lit(`,"right":`) && p.str(&e.Right) &&
		p.lit(`,"choice":`) && p.choice(&e.Choice) &&
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
	raw, ok := p.plain()
	if ok {
		*into = string(raw)
	}
	return ok
}

// plain reads a plain string's bytes (jsonfast.Scanner.String).
func (p *fastParser) plain() ([]byte, bool) {
	s := jsonfast.NewScanner(p.b[p.pos:])
	raw, ok := s.String()
	if ok {
		p.pos += s.Pos()
	}
	return raw, ok
}

// strLike reads a plain string as str does, and if it is like, takes like
// rather than a copy of its own (a ballot's voter is its actor).
func (p *fastParser) strLike(into *string, like string) bool {
	raw, ok := p.plain()
	if !ok {
		return false
	}
	if string(raw) == like {
		*into = like
	} else {
		*into = string(raw)
	}
	return true
}

// choice reads a plain string as str does, without a copy if it is one of
// the three choices of most votes.
func (p *fastParser) choice(into *string) bool {
	raw, ok := p.plain()
	if !ok {
		return false
	}
	switch string(raw) {
	case "for":
		*into = "for"
	case "against":
		*into = "against"
	case "abstain":
		*into = "abstain"
	default:
		*into = string(raw)
	}
	return true
}

// recentString is the last string of one kind that ballots held (their
// assembly, their vote): the next ballots most likely hold it too, and
// reusing it saves them a copy each, on a restart and in the state. Safe
// for concurrent use (several goroutines decode at once); a miss only
// costs the copy.
type recentString struct{ p atomic.Pointer[string] }

var recentAssembly, recentVote recentString

// recent reads a plain string as str does, reusing r's if it is the same.
func (p *fastParser) recent(into *string, r *recentString) bool {
	raw, ok := p.plain()
	if !ok {
		return false
	}
	if last := r.p.Load(); last != nil && *last == string(raw) {
		*into = *last
		return true
	}
	str := string(raw)
	r.p.Store(&str)
	*into = str
	return true
}

// time reads the Meta's time as json does: through time.Time.UnmarshalJSON,
// or, for a time in UTC of the hour of the time read last, by adding its
// minutes, seconds and fraction to that hour (readUTC).
func (p *fastParser) time(m *Meta) bool {
	start := p.pos
	if _, ok := p.plain(); !ok {
		return false
	}
	q := p.b[start:p.pos]
	return readUTC(q, &m.At) || m.At.UnmarshalJSON(q) == nil
}

// hourStart is the start of an hour in UTC and its text, "2006-01-02T15".
type hourStart struct {
	text [13]byte
	t    time.Time
}

// recentHour is the hour of the last time readUTC read; a ballot's time
// is most likely of the same hour as the ballot before it.
var recentHour atomic.Pointer[hourStart]

// readUTC reads q, a quoted time "2006-01-02T15:04:05Z" with an optional
// fraction of up to nine digits, to the time time.Time.UnmarshalJSON
// reads from it, and reports true; or reports false, having changed
// nothing, for anything else. Reading a date is most of the cost of
// UnmarshalJSON (time.Date), and ballots come in runs of one hour: the
// hour's start is read once, through UnmarshalJSON, and each time is that
// plus its minutes, seconds and nanoseconds, which is the same time.Time,
// field for field (TestReadUTCAsUnmarshalJSON).
func readUTC(q []byte, into *time.Time) bool {
	const short = len(`"2006-01-02T15:04:05Z"`)
	n := len(q)
	if n < short || q[0] != '"' || q[n-2] != 'Z' || q[n-1] != '"' || q[14] != ':' || q[17] != ':' {
		return false
	}
	two := func(i int, max byte) (int, bool) {
		a, b := q[i]-'0', q[i+1]-'0'
		if a > 9 || b > 9 || 10*a+b > max {
			return 0, false
		}
		return int(10*a + b), true
	}
	mins, ok1 := two(15, 59)
	secs, ok2 := two(18, 59)
	if !ok1 || !ok2 {
		return false
	}
	nsec := 0
	if frac := q[20 : n-2]; len(frac) > 0 {
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' {
			return false
		}
		for _, c := range frac[1:] {
			if c < '0' || c > '9' {
				return false
			}
			nsec = 10*nsec + int(c-'0')
		}
		for range 10 - len(frac) {
			nsec *= 10
		}
	}
	hour := recentHour.Load()
	if hour == nil || string(hour.text[:]) != string(q[1:14]) {
		h := &hourStart{}
		copy(h.text[:], q[1:14])
		var start [short]byte
		copy(start[:], q[:14])
		copy(start[14:], `:00:00Z"`)
		if h.t.UnmarshalJSON(start[:]) != nil {
			return false
		}
		recentHour.Store(h)
		hour = h
	}
	*into = hour.t.Add(time.Duration(60*mins+secs)*time.Second + time.Duration(nsec))
	return true
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
