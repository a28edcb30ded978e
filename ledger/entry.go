package ledger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"plenum/internal/jsonfast"
)

// MaxEntrySize is the largest encoded entry, in bytes. It is the C2SP
// tlog-tiles limit: an entry bundle prefixes each entry with a 16-bit length.
// Payloads that would make an entry larger are stored beside the log,
// addressed by their SHA-256 (see EncodeEntry).
const MaxEntrySize = 1<<16 - 1

// MaxPayloadSize is the largest payload an entry may carry, inline or
// stored beside the log.
const MaxPayloadSize = 16 << 20

// MaxActorSize and MaxTypeSize bound the actor and event type of an entry,
// so that an entry whose payload is stored beside the log always fits.
const (
	MaxActorSize = 1024
	MaxTypeSize  = 256
)

// Entry is one event in an assembly's log.
//
// Time is when the event was appended (UTC, nanoseconds); the time an event
// happened in the assembly's own history belongs in the payload. Payload is
// a JSON value; it is stored in compact form.
type Entry struct {
	Index   int64
	Time    time.Time
	Actor   string
	Type    string
	Payload json.RawMessage
}

// PayloadRef names a payload stored beside the log instead of inside the
// entry: its SHA-256 and its size in bytes.
type PayloadRef struct {
	SHA256 [32]byte
	Size   int64
}

// ErrMalformedEntry is wrapped by every error DecodeEntry and EncodeEntry
// return for bytes or values that are not a valid entry.
var ErrMalformedEntry = errors.New("malformed entry")

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformedEntry, fmt.Sprintf(format, args...))
}

// Validate reports whether e can be encoded: a non-negative index, a
// non-zero time between the years 0 and 9999, a non-empty type, actor and
// type valid UTF-8 within their size limits, and a payload that is one
// valid JSON value (or empty, meaning null) within MaxPayloadSize.
func (e *Entry) Validate() error {
	if err := e.validateHead(); err != nil {
		return err
	}
	if len(e.Payload) > MaxPayloadSize {
		return malformed("payload of %d bytes exceeds %d", len(e.Payload), MaxPayloadSize)
	}
	if len(e.Payload) > 0 && (!validJSON(e.Payload) || !utf8.Valid(e.Payload)) {
		return malformed("payload is not one valid JSON value in UTF-8")
	}
	return nil
}

// validJSON is json.Valid, a few times faster for the plain JSON events
// are (jsonfast.Scanner), which holds nearly every payload; anything else
// is json.Valid's to judge.
func validJSON(p []byte) bool {
	s := jsonfast.NewScanner(p)
	if _, ok := s.Value(); ok && s.End() {
		return true
	}
	return json.Valid(p)
}

// validateHead checks everything of e but the payload.
func (e *Entry) validateHead() error { return e.validateHeadYear(true) }

// validateHeadYear is validateHead, checking the time's year only if
// year is set: a time canonicalTime read has four digits of year.
func (e *Entry) validateHeadYear(year bool) error {
	if e.Index < 0 {
		return malformed("negative index %d", e.Index)
	}
	if e.Time.IsZero() {
		return malformed("zero time")
	}
	if year {
		if y := e.Time.UTC().Year(); y < 0 || y > 9999 {
			return malformed("time %v outside the years 0–9999", e.Time)
		}
	}
	if e.Type == "" {
		return malformed("empty type")
	}
	if len(e.Type) > MaxTypeSize || !utf8.ValidString(e.Type) {
		return malformed("type is not valid UTF-8 of at most %d bytes", MaxTypeSize)
	}
	if len(e.Actor) > MaxActorSize || !utf8.ValidString(e.Actor) {
		return malformed("actor is not valid UTF-8 of at most %d bytes", MaxActorSize)
	}
	return nil
}

// canonicalPayload returns the compact form of p, "null" for an empty one.
func canonicalPayload(p json.RawMessage) ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	if isCompact(p) {
		return p, nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, p); err != nil {
		return nil, malformed("payload: %v", err)
	}
	return buf.Bytes(), nil
}

// EncodeEntry returns the canonical bytes of e, the bytes that are hashed
// into the log and stored as written:
//
//	{"index":7,"time":"2026-03-27T12:00:00.123456789Z","actor":"chair","type":"sitting.opened","payload":{...}}
//
// The fields come in this order, with no white space, the time in RFC 3339
// UTC with as many fraction digits as needed, strings escaping only '"',
// '\' and control characters (as \u00XX), and the payload in compact form.
//
// If the entry would be longer than MaxEntrySize, the payload is stored
// beside the log: the entry carries "payload_sha256" (lower-case hex) and
// "payload_size" in place of "payload", and EncodeEntry returns the payload
// as external, to be stored under its SHA-256.
func EncodeEntry(e Entry) (data, external []byte, err error) {
	if err := e.Validate(); err != nil {
		return nil, nil, err
	}
	payload, err := canonicalPayload(e.Payload)
	if err != nil {
		return nil, nil, err
	}
	head := appendHead(make([]byte, 0, 128+len(payload)), e.Index, e.Time, e.Actor, e.Type)
	return finishEntry(head, payload)
}

// appendHead appends everything of an entry up to, not including, the payload.
func appendHead(b []byte, index int64, t time.Time, actor, typ string) []byte {
	b = append(b, `{"index":`...)
	b = strconv.AppendInt(b, index, 10)
	b = append(b, `,"time":"`...)
	b = appendTime(b, t)
	return appendHeadRest(b, actor, typ)
}

// appendTime appends t as an entry's time.
func appendTime(b []byte, t time.Time) []byte {
	return t.UTC().AppendFormat(b, time.RFC3339Nano)
}

// appendHeadRest appends what follows an entry's time, up to its
// payload.
func appendHeadRest(b []byte, actor, typ string) []byte {
	b = append(b, `","actor":`...)
	b = appendString(b, actor)
	b = append(b, `,"type":`...)
	b = appendString(b, typ)
	return b
}

// finishEntry appends the payload, inline or by reference, to head.
func finishEntry(head, payload []byte) (data, external []byte, err error) {
	if len(head)+len(`,"payload":`)+len(payload)+1 <= MaxEntrySize {
		b := append(head, `,"payload":`...)
		b = append(b, payload...)
		return append(b, '}'), nil, nil
	}
	sum := sha256.Sum256(payload)
	b := append(head, `,"payload_sha256":"`...)
	b = hex.AppendEncode(b, sum[:])
	b = append(b, `","payload_size":`...)
	b = strconv.AppendInt(b, int64(len(payload)), 10)
	b = append(b, '}')
	if len(b) > MaxEntrySize {
		return nil, nil, malformed("entry of %d bytes exceeds %d even with its payload stored apart", len(b), MaxEntrySize)
	}
	return b, payload, nil
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a canonical JSON string.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// decoder reads the fixed layout of an entry.
type decoder struct {
	b       []byte
	pos     int
	escaped bool    // a string read had an escape
	last    *string // if not nil, the string read before in its place, reused if equal
}

// recent holds the actor and type of the entry a scanner decoded last,
// which the next entry of a log often repeats (a vote's ballots all have
// one type, a speaker's notes one actor): a repeated one is not allocated
// again. (A map of every actor and type seen cost more than it saved in
// an assembly of 10,000 delegates.) It also holds the last time that
// canonicalTime read, as written and as read: the entries of one batch
// share their time, and comparing the bytes costs a tenth of reading them.
type recent struct {
	actor, typ string
	timeRaw    [len("2006-01-02T15:04:05.999999999Z")]byte
	timeLen    int // of timeRaw; 0 if none
	time       time.Time
}

// canonicalTime is the package's canonicalTime, answered from r when t
// is the time read before.
func (r *recent) canonicalTime(t []byte) (time.Time, bool) {
	if r.timeLen > 0 && string(t) == string(r.timeRaw[:r.timeLen]) {
		return r.time, true
	}
	v, ok := canonicalTime(t)
	if ok && len(t) <= len(r.timeRaw) {
		r.timeLen = copy(r.timeRaw[:], t)
		r.time = v
	}
	return v, ok
}

func (d *decoder) lit(s string) bool {
	if !bytes.HasPrefix(d.b[d.pos:], []byte(s)) {
		return false
	}
	d.pos += len(s)
	return true
}

func (d *decoder) int() (int64, bool) {
	start := d.pos
	for d.pos < len(d.b) && d.b[d.pos] >= '0' && d.b[d.pos] <= '9' {
		d.pos++
	}
	if d.pos == start || d.pos-start > 18 {
		return 0, false
	}
	// At most 18 digits: no overflow.
	var n int64
	for _, c := range d.b[start:d.pos] {
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// str reads a JSON string written by appendString (only the escapes
// appendString writes are accepted).
func (d *decoder) str() (string, bool) {
	raw, plain, ok := d.strRaw()
	switch {
	case !ok:
		return "", false
	case !plain:
		return unescape(raw)
	case d.last == nil:
		return string(raw), true
	}
	if *d.last != string(raw) {
		*d.last = string(raw)
	}
	return *d.last, true
}

// strRaw reads a JSON string as str does and returns it as it is written,
// without its quotes, and whether it has no escapes.
func (d *decoder) strRaw() (raw []byte, plain, ok bool) {
	if d.pos >= len(d.b) || d.b[d.pos] != '"' {
		return nil, false, false
	}
	d.pos++
	start := d.pos
	plain = true
	for d.pos < len(d.b) {
		if d.pos = plainRun(d.b, d.pos); d.pos >= len(d.b) {
			break
		}
		switch c := d.b[d.pos]; {
		case c == '"':
			raw = d.b[start:d.pos]
			d.pos++
			return raw, plain, true
		case c == '\\':
			plain = false
			d.escaped = true
			d.pos += 2
		default: // a control character
			return nil, false, false
		}
	}
	return nil, false, false
}

func unescape(raw []byte) (string, bool) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(raw) {
			return "", false
		}
		switch raw[i+1] {
		case '"', '\\':
			out = append(out, raw[i+1])
			i++
		case 'u':
			if i+6 > len(raw) || raw[i+2] != '0' || raw[i+3] != '0' {
				return "", false
			}
			v, err := strconv.ParseUint(string(raw[i+4:i+6]), 16, 8)
			if err != nil || v >= 0x20 {
				return "", false
			}
			out = append(out, byte(v))
			i += 5
		default:
			return "", false
		}
	}
	return string(out), true
}

// DecodeEntry parses the canonical bytes of an entry. It is strict: bytes
// that EncodeEntry would not have written for the entry they describe are
// rejected with an error wrapping ErrMalformedEntry. If the payload is
// stored beside the log, e.Payload is nil and ref names it.
func DecodeEntry(data []byte) (e Entry, ref *PayloadRef, err error) {
	return decodeEntry(data, nil)
}

// decodeEntry is DecodeEntry, reusing the actor and type of the entry
// decoded before with r, if r is not nil, and keeping this entry's there.
func decodeEntry(data []byte, r *recent) (e Entry, ref *PayloadRef, err error) {
	if len(data) > MaxEntrySize {
		return Entry{}, nil, malformed("%d bytes exceeds %d", len(data), MaxEntrySize)
	}
	d := decoder{b: data}
	var ok bool
	if !d.lit(`{"index":`) {
		return Entry{}, nil, malformed(`does not start with {"index":`)
	}
	indexStart := d.pos
	if e.Index, ok = d.int(); !ok {
		return Entry{}, nil, malformed("bad index")
	}
	// No leading zero: canonical (the round trip below is skipped when
	// everything else is too).
	canonical := d.b[indexStart] != '0' || d.pos == indexStart+1
	if !d.lit(`,"time":`) {
		return Entry{}, nil, malformed(`missing "time" after the index`)
	}
	// The fast path: a time as appendHead writes it is parsed without
	// allocating, and needs no formatting back to check its form.
	raw, plain, ok := d.strRaw()
	if !ok {
		return Entry{}, nil, malformed("bad time string")
	}
	var t time.Time
	var fast bool
	if r != nil {
		t, fast = r.canonicalTime(raw)
	} else {
		t, fast = canonicalTime(raw)
	}
	fastTime := fast && plain
	if fastTime {
		e.Time = t
	} else {
		canonical = false
		ts := string(raw)
		if !plain {
			if ts, ok = unescape(raw); !ok {
				return Entry{}, nil, malformed("bad time string")
			}
		}
		if e.Time, err = time.Parse(time.RFC3339Nano, ts); err != nil || e.Time.Location() != time.UTC {
			return Entry{}, nil, malformed("time %q is not RFC 3339 in UTC", ts)
		}
	}
	if !d.lit(`,"actor":`) {
		return Entry{}, nil, malformed(`missing "actor" after the time`)
	}
	if r != nil {
		d.last = &r.actor
	}
	if e.Actor, ok = d.str(); !ok {
		return Entry{}, nil, malformed("bad actor string")
	}
	if !d.lit(`,"type":`) {
		return Entry{}, nil, malformed(`missing "type" after the actor`)
	}
	if r != nil {
		d.last = &r.typ
	}
	if e.Type, ok = d.str(); !ok {
		return Entry{}, nil, malformed("bad type string")
	}
	d.last = nil
	headEnd := d.pos
	switch {
	case d.lit(`,"payload":`):
		if len(data) == 0 || data[len(data)-1] != '}' || d.pos >= len(data) {
			return Entry{}, nil, malformed("payload not followed by }")
		}
		p := data[d.pos : len(data)-1]
		if !validCompact(p) {
			if json.Valid(p) {
				return Entry{}, nil, malformed("payload is not in compact form")
			}
			return Entry{}, nil, malformed("payload is not one valid JSON value")
		}
		if !utf8.Valid(p) {
			return Entry{}, nil, malformed("payload is not valid UTF-8")
		}
		e.Payload = json.RawMessage(p)
	case d.lit(`,"payload_sha256":"`):
		if d.pos+64 > len(data) {
			return Entry{}, nil, malformed("short payload_sha256")
		}
		var r PayloadRef
		hx := data[d.pos : d.pos+64]
		if _, err := hex.Decode(r.SHA256[:], hx); err != nil || bytes.ContainsAny(hx, "ABCDEF") {
			return Entry{}, nil, malformed("payload_sha256 is not 64 lower-case hex digits")
		}
		d.pos += 64
		if !d.lit(`","payload_size":`) {
			return Entry{}, nil, malformed(`missing "payload_size"`)
		}
		if r.Size, ok = d.int(); !ok || r.Size > MaxPayloadSize {
			return Entry{}, nil, malformed("bad payload_size")
		}
		if !d.lit("}") || d.pos != len(data) {
			return Entry{}, nil, malformed("trailing bytes after payload_size")
		}
		if int64(headEnd+len(`,"payload":`)+1)+r.Size <= MaxEntrySize {
			return Entry{}, nil, malformed("payload of %d bytes stored apart although it fits in the entry", r.Size)
		}
		ref = &r
	default:
		return Entry{}, nil, malformed(`missing "payload" after the type`)
	}
	if err := e.validateHeadYear(!fastTime); err != nil {
		return Entry{}, nil, err
	}
	if canonical && !d.escaped {
		// An index without leading zeros, a time canonicalTime read, and
		// strings without escapes (appendString would escape nothing in
		// them) are the canonical form.
		return e, ref, nil
	}
	// The round trip catches every remaining non-canonical form: leading
	// zeros, a time written differently, strings escaped differently.
	var buf [256]byte
	head := appendHead(buf[:0], e.Index, e.Time, e.Actor, e.Type)
	if !bytes.Equal(head, data[:headEnd]) {
		return Entry{}, nil, malformed("not in canonical form")
	}
	return e, ref, nil
}

// isCompact reports whether the JSON text p has no white space outside strings.
func isCompact(p []byte) bool {
	// JSON's white space is the bytes ' ', '\t', '\n' and '\r', all at
	// most ' ': a payload with no such byte (an event with no space in
	// its texts, a ballot) is compact, found in one plain pass.
	plain := true
	for _, c := range p {
		if c <= ' ' {
			plain = false
			break
		}
	}
	if plain {
		return true
	}
	inString, escaped := false, false
	for _, c := range p {
		switch {
		case escaped:
			escaped = false
		case inString:
			if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			return false
		}
	}
	return true
}

// canonicalTime parses t if it is a time as appendHead writes it: RFC 3339
// in UTC, "2006-01-02T15:04:05Z" with a fraction of 1 to 9 digits, the
// last not 0, before the Z if there is one, and every field in range, so
// that it formats back to the same bytes. Otherwise it reports false, and
// the time may still be valid in another form.
func canonicalTime(t []byte) (time.Time, bool) {
	if len(t) < len("2006-01-02T15:04:05Z") || t[len(t)-1] != 'Z' ||
		t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' {
		return time.Time{}, false
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	year, month, day := num(t[0:4]), num(t[5:7]), num(t[8:10])
	hour, min, sec := num(t[11:13]), num(t[14:16]), num(t[17:19])
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	if day > 28 && time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Day() != day {
		return time.Time{}, false // no such day in that month
	}
	nsec := 0
	if frac := t[19 : len(t)-1]; len(frac) > 0 {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 || frac[len(frac)-1] == '0' {
			return time.Time{}, false
		}
		if nsec = num(frac[1:]); nsec < 0 {
			return time.Time{}, false
		}
		for range 10 - len(frac) {
			nsec *= 10
		}
	}
	return time.Date(year, time.Month(month), day, hour, min, sec, nsec, time.UTC), true
}
