package assembly

import (
	"bytes"
	"strconv"
	"unicode/utf8"
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

// str reads a string with no escapes and no control characters, in UTF-8.
func (p *fastParser) str(into *string) bool {
	if p.pos >= len(p.b) || p.b[p.pos] != '"' {
		return false
	}
	end := bytes.IndexByte(p.b[p.pos+1:], '"')
	if end < 0 {
		return false
	}
	raw := p.b[p.pos+1 : p.pos+1+end]
	for _, c := range raw {
		if c < 0x20 || c == '\\' {
			return false
		}
	}
	if !utf8.Valid(raw) {
		return false
	}
	*into = string(raw)
	p.pos += end + 2
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
