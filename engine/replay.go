package engine

import (
	"fmt"
	"reflect"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/ledger"
)

// Replayer folds ledger entries into assembly states, one per origin. It
// is how the engine rebuilds an assembly at start and how an audit
// (ledger.AuditOptions.Replay, plenum verify) checks that every entry is an
// event the domain accepts, in its place.
type Replayer struct {
	states map[string]*assembly.State
	audit  bool
}

// NewReplayer returns a Replayer with no state yet.
func NewReplayer() *Replayer { return &Replayer{states: map[string]*assembly.State{}} }

// NewAuditReplayer returns a Replayer that also checks what the engine
// checked when each command arrived and does not check again on a
// restart: every encrypted ballot's proofs (assembly.State.VerifyBallots).
// plenum verify replays with it.
func NewAuditReplayer() *Replayer {
	return &Replayer{states: map[string]*assembly.State{}, audit: true}
}

// Apply decodes one entry as an event and applies it to its origin's
// state. Entries must come in order of index from 0.
func (r *Replayer) Apply(origin string, e ledger.Entry) error {
	ev, err := r.Decode(origin, e)
	if err != nil {
		return err
	}
	return r.ApplyDecoded(origin, e, ev)
}

// Decode decodes one entry as an event and checks it against the entry
// and its log, without the state: what replaying an entry does that does
// not depend on the entries before it. It is safe for concurrent use
// (ledger.AuditOptions.Decode runs it on several goroutines at once).
func (r *Replayer) Decode(origin string, e ledger.Entry) (any, error) {
	ev, err := assembly.DecodeEvent(e.Type, e.Payload)
	if err != nil {
		return nil, fmt.Errorf("entry %d: %w", e.Index, err)
	}
	if actor := ev.EventMeta().Actor; actor != e.Actor {
		return nil, fmt.Errorf("entry %d: the entry's actor %q differs from its event's %q", e.Index, e.Actor, actor)
	}
	if _, id, err := ledger.ParseOrigin(origin); err == nil && ev.EventMeta().Assembly != id {
		return nil, fmt.Errorf("entry %d: the event belongs to the assembly %q, not to this log's %q", e.Index, ev.EventMeta().Assembly, id)
	}
	return ev, nil
}

// ApplyDecoded applies an entry's event, as Decode returned it, to its
// origin's state. Entries must come in order of index from 0.
func (r *Replayer) ApplyDecoded(origin string, e ledger.Entry, decoded any) error {
	st := r.states[origin]
	if st == nil {
		st = assembly.NewState()
		st.VerifyBallots = r.audit
		r.states[origin] = st
	}
	if int64(st.Events) != e.Index {
		return fmt.Errorf("entry %d: expected entry %d next", e.Index, st.Events)
	}
	ev, ok := decoded.(assembly.Event)
	if !ok {
		return fmt.Errorf("entry %d: not a decoded event", e.Index)
	}
	if err := st.Apply(ev); err != nil {
		return fmt.Errorf("entry %d: %w", e.Index, err)
	}
	return nil
}

// AuditOptions returns the options that make ledger.Audit replay every
// entry into r: events decoded while the entries are read, several at
// once, and applied in order.
func (r *Replayer) AuditOptions() ledger.AuditOptions {
	return ledger.AuditOptions{Decode: r.Decode, Apply: r.ApplyDecoded}
}

// State returns the state replayed so far for origin, or nil.
func (r *Replayer) State(origin string) *assembly.State { return r.states[origin] }

// twins replays entries into two states at once, the writer's and the
// readers' (Assembly.durable), each event decoded once for each so that
// the states share no memory.
type twins struct{ w, r *Replayer }

func newTwins() twins { return twins{NewReplayer(), NewReplayer()} }

func (t twins) decode(origin string, e ledger.Entry) (any, error) {
	w, err := t.w.Decode(origin, e)
	if err != nil {
		return nil, err
	}
	if flat(reflect.TypeOf(w)) {
		// Nothing in it is shared but immutable strings: one copy serves
		// both (a ballot, most of a large record).
		return [2]any{w, w}, nil
	}
	r, err := t.r.Decode(origin, e)
	if err != nil {
		return nil, err
	}
	return [2]any{w, r}, nil
}

func (t twins) apply(origin string, e ledger.Entry, decoded any) error {
	d, ok := decoded.([2]any)
	if !ok {
		return fmt.Errorf("entry %d: not a decoded event", e.Index)
	}
	if err := t.w.ApplyDecoded(origin, e, d[0]); err != nil {
		return err
	}
	return t.r.ApplyDecoded(origin, e, d[1])
}

func (t twins) auditOptions() ledger.AuditOptions {
	return ledger.AuditOptions{Decode: t.decode, Apply: t.apply}
}

// states returns the two states replayed for origin (new ones if none).
func (t twins) states(origin string) (w, r *assembly.State) {
	w, r = t.w.State(origin), t.r.State(origin)
	if w == nil {
		w, r = assembly.NewState(), assembly.NewState()
	}
	return w, r
}

var flatTypes sync.Map // reflect.Type → bool

// flat reports whether a value of type t holds no memory that applying it
// could share with a state: no slice, map, pointer or interface, only
// booleans, numbers, strings (immutable) and times, in structs or arrays.
func flat(t reflect.Type) bool {
	if f, ok := flatTypes.Load(t); ok {
		return f.(bool)
	}
	f := isFlat(t)
	flatTypes.Store(t, f)
	return f
}

func isFlat(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	case reflect.Array:
		return isFlat(t.Elem())
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			return true // its *Location is never changed
		}
		for i := range t.NumField() {
			if !isFlat(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}
