package assembly

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"sort"
	"time"
)

// Event is something that happened at the assembly: one struct per event,
// named in the past tense ("ballot_cast"). Each carries the Meta of the
// command it came from, so that replay rebuilds everything.
type Event interface {
	// EventType is the event's name in the ledger ("ballot_cast").
	EventType() string
	// EventMeta is the context of the command the event came from.
	EventMeta() Meta
	apply(s *State) error
}

var eventTypes = map[string]reflect.Type{}

var ballotCastType = reflect.TypeFor[BallotCast]()

func registerEvents(es ...Event) {
	for _, e := range es {
		eventTypes[e.EventType()] = reflect.TypeOf(e)
	}
}

// EventTypes lists every event type, sorted.
func EventTypes() []string {
	names := make([]string, 0, len(eventTypes))
	for n := range eventTypes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// EncodeEvent returns the event's JSON payload (its type is e.EventType()).
func EncodeEvent(e Event) ([]byte, error) {
	if bc, ok := e.(BallotCast); ok {
		// Room for the whole payload: its fixed parts, a time and a
		// weight at their longest, and the strings unescaped (192 bytes
		// fitted no ballot with an idempotency key, so each grew once).
		n := 170 + len(bc.Assembly) + len(bc.Actor) + len(bc.Key) + len(bc.Req) + len(bc.Vote) + len(bc.Voter) + len(bc.Right) + len(bc.Choice)
		if b, ok := appendBallotCast(make([]byte, 0, n), &bc); ok {
			return b, nil
		}
	}
	return json.Marshal(e)
}

// DecodeEvent reads an event of the named type from its JSON payload,
// strictly: an unknown type or field is an error.
func DecodeEvent(typ string, payload []byte) (Event, error) {
	t, ok := eventTypes[typ]
	if !ok {
		return nil, corrupt("unknown event type %q", typ)
	}
	if t == ballotCastType {
		if e, ok := decodeBallotCast(payload); ok {
			return e, nil
		}
	}
	if p := reflect.New(t).Elem(); readPlainEvent(p, payload) {
		return p.Interface().(Event), nil
	}
	return decodeJSON(typ, t, payload)
}

// decodeJSON is DecodeEvent through encoding/json, for any event type.
func decodeJSON(typ string, t reflect.Type, payload []byte) (Event, error) {
	p := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p.Interface()); err != nil {
		return nil, corrupt("the %s event cannot be read: %s", typ, jsonMsg(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, corrupt("the %s event has more after its JSON object", typ)
	}
	return p.Elem().Interface().(Event), nil
}

// Apply folds one event into the state. An event that does not fit the state
// (replaying a damaged log) is refused with an error and changes nothing.
func (s *State) Apply(e Event) error {
	if e == nil {
		return corrupt("no event")
	}
	m := e.EventMeta()
	if !s.Created {
		if _, ok := e.(AssemblyCreated); !ok {
			return corrupt("the %s event comes before the assembly was created", e.EventType())
		}
	} else if m.Assembly != s.Assembly.ID {
		return corrupt("the %s event belongs to the assembly %q, not %q", e.EventType(), m.Assembly, s.Assembly.ID)
	}
	if err := e.apply(s); err != nil {
		return err
	}
	s.noteEntries(e)
	switch f := factOf(e); f {
	case notFact:
	case factCount:
		s.markCounted(s.Events)
	default:
		s.markFact(s.Events, f)
	}
	if m.Key != "" {
		if _, ok := s.Keys[m.Key]; !ok {
			s.Keys[m.Key] = KeyUse{First: s.Events, Req: m.Req}
		}
	}
	s.Events++
	return nil
}

// note appends an entry to the minutes for the event being applied.
func (s *State) note(m Meta, kind, ref string, fill func(*RecordEntry)) {
	r := RecordEntry{Entry: s.Events, Kind: kind, Ref: ref, At: m.At, Actor: m.Actor, Sitting: s.OpenSitting}
	if st := s.Sitting(); st != nil {
		r.Item = st.CurrentItem
	}
	if fill != nil {
		fill(&r)
	}
	s.RecordIndex[s.Events] = len(s.Record)
	s.Record = append(s.Record, r)
}

// Decide checks a command against the rules and the state and returns the
// events it becomes, or an *Error saying why it is refused. It never changes
// s.
func Decide(s *State, m Meta, c Command) ([]Event, error) {
	if c == nil {
		return nil, invalid("no command")
	}
	if m.Actor == "" {
		return nil, fieldErr("actor", "the command %s has no actor: say on whose authority it is given", c.CommandName())
	}
	if m.At.IsZero() {
		return nil, fieldErr("at", "the command %s has no time", c.CommandName())
	}
	// Keep the offset the time was given with (the minutes print the local
	// time of the meeting), but not a monotonic reading; the machine's Local
	// zone becomes UTC, as JSON would not bring it back.
	if m.At.Location() == time.Local {
		m.At = m.At.UTC()
	} else {
		m.At = m.At.Round(0)
	}
	if _, hot := c.(CastBallot); !hot {
		// Commands built in Go rather than parsed get the same checks of
		// ids, dates and choices; cast_ballot checks its own on the hot path.
		if err := validateStruct(c.CommandName(), reflect.ValueOf(c)); err != nil {
			return nil, err
		}
		// Every text the record would store, in one place: UTF-8, no
		// control characters, no bidirectional overrides.
		if err := checkTexts(c.CommandName(), reflect.ValueOf(c), ""); err != nil {
			return nil, err
		}
	}
	if msg := checkText(m.Key, false); msg != nil {
		return nil, fieldErr("key", "the idempotency key %s", msg)
	}
	if m.Key != "" {
		if _, ok := s.Keys[m.Key]; ok {
			return nil, errf(ErrDuplicate, "a command with the key %q was already accepted", m.Key)
		}
	}
	if _, ok := c.(CreateAssembly); !ok {
		if !s.Created {
			return nil, notFound("there is no assembly yet: create_assembly must come first")
		}
		if m.Assembly == "" {
			m.Assembly = s.Assembly.ID
		} else if m.Assembly != s.Assembly.ID {
			return nil, notFound("this is the assembly %q, not %q", s.Assembly.ID, m.Assembly)
		}
	}
	return c.decide(s, m)
}

func one(e Event) ([]Event, error) { return []Event{e}, nil }
