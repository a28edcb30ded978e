package assembly

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// harness runs commands through ParseEnvelope, ParseCommand, Decide and
// Apply, and keeps a second state rebuilt from the events encoded to JSON
// and decoded again, which must stay deep-equal to the live one.
type harness struct {
	t      testing.TB
	s      *State
	replay *State
	clock  time.Time
	events []Event
	// seen, when not nil, counts the events applied by type
	// (checkPresence).
	seen map[string]*presenceSeen
	// before, when not nil, is called with each command before it is
	// decided, on the state it is given at.
	before func(h *harness, m Meta, cmd Command)
}

func newHarness(t testing.TB) *harness {
	h := &harness{t: t, s: NewState(), replay: NewState(), clock: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	if f, ok := beforeHooks.Load(t); ok {
		h.before = f.(func(h *harness, m Meta, cmd Command))
	}
	return h
}

// beforeHooks are the before functions of the harnesses a test makes
// (testing.TB → the function), for a test that watches every command
// the fixtures give (TestMayDoZeroCommandRefusesWhomTheRulesRefuse).
var beforeHooks sync.Map

// line runs one script line.
func (h *harness) line(l string) error {
	env, err := ParseEnvelope([]byte(l))
	if err != nil {
		return err
	}
	cmd, err := ParseCommand(env)
	if err != nil {
		return err
	}
	return h.run(env.Meta(), cmd)
}

func (h *harness) run(m Meta, cmd Command) error {
	h.t.Helper()
	if h.before != nil {
		h.before(h, m, cmd)
	}
	evs, err := Decide(h.s, m, cmd)
	if err != nil {
		if !reflect.DeepEqual(h.s, h.replay) {
			h.t.Fatalf("%s was refused but changed the state", cmd.CommandName())
		}
		return err
	}
	for _, e := range evs {
		if e.EventMeta().Actor != m.Actor {
			h.t.Fatalf("%s: event %s lost its actor", cmd.CommandName(), e.EventType())
		}
		before, n := presenceOf(h.s), h.s.PresenceEvents
		if err := h.s.Apply(e); err != nil {
			h.t.Fatalf("%s: applying %s: %v", cmd.CommandName(), e.EventType(), err)
		}
		h.checkPresence(e, before, n)
		b, err := EncodeEvent(e)
		if err != nil {
			h.t.Fatalf("encode %s: %v", e.EventType(), err)
		}
		d, err := DecodeEvent(e.EventType(), b)
		if err != nil {
			h.t.Fatalf("decode %s: %v\n%s", e.EventType(), err, b)
		}
		if err := h.replay.Apply(d); err != nil {
			h.t.Fatalf("replay %s: %v\n%s", e.EventType(), err, b)
		}
		h.events = append(h.events, e)
	}
	if !reflect.DeepEqual(h.s, h.replay) {
		h.t.Fatalf("after %s the replayed state differs from the live one", cmd.CommandName())
	}
	return nil
}

// do runs a command given as actor, name and JSON arguments.
func (h *harness) do(actor, cmd, args string) error {
	h.t.Helper()
	h.clock = h.clock.Add(time.Minute)
	env := Envelope{Cmd: cmd, Actor: actor, At: h.clock, Args: json.RawMessage(args)}
	b, _ := json.Marshal(env)
	return h.line(string(b))
}

func (h *harness) must(actor, cmd, args string) {
	h.t.Helper()
	if err := h.do(actor, cmd, args); err != nil {
		h.t.Fatalf("%s %s %s: %v", actor, cmd, args, err)
	}
}

// refuse asserts that a command is refused with the given code and message.
func (h *harness) refuse(actor, cmd, args string, code Code, msg string) {
	h.t.Helper()
	err := h.do(actor, cmd, args)
	if err == nil {
		h.t.Fatalf("%s %s %s was accepted; want refusal %q", actor, cmd, args, msg)
	}
	if CodeOf(err) != code || err.Error() != msg {
		h.t.Fatalf("%s %s %s:\n got %s: %q\nwant %s: %q", actor, cmd, args, CodeOf(err), err.Error(), code, msg)
	}
}

// addMembers adds the members m1..mn with verified decisive mandates
// from org (submitted and verified by cara, the mandate commission), all
// checked in by ben, a secretary.
func (h *harness) addMembers(n int) {
	h.t.Helper()
	for i := 1; i <= n; i++ {
		p := fmt.Sprintf("m%d", i)
		h.must("ann", "add_person", fmt.Sprintf(`{"id":%q,"name":"Member %d"}`, p, i))
		h.must("cara", "submit_mandate", fmt.Sprintf(`{"id":"md-%s","person":%q,"organization":"org","kind":"decisive"}`, p, p))
		h.must("cara", "verify_mandate", fmt.Sprintf(`{"mandate":"md-%s"}`, p))
		h.must("ben", "check_in", fmt.Sprintf(`{"person":%q}`, p))
	}
}

// fixture builds an assembly of ten members m1..m10 with verified decisive
// mandates, all checked in; ann (administrator) chairs the open sitting s1,
// ben is secretary, cara the mandate commission, kim a teller; the current
// item is i1 with reporter rep.
func fixture(t testing.TB, preset string, overrides string) *harness {
	h := newHarness(t)
	if overrides == "" {
		overrides = "{}"
	}
	h.must("ann", "create_assembly", fmt.Sprintf(`{"id":"a1","name":"Test assembly","starts":"2026-05-09","rules":%q,"overrides":%s}`, preset, overrides))
	h.must("ann", "add_organization", `{"id":"org","name":"The Organization","kind":"delegating"}`)
	h.must("ann", "add_organization", `{"id":"left","name":"The Left","kind":"tendency"}`)
	for _, p := range []string{"ann", "ben", "cara", "kim", "rep", "guest", "outsider"} {
		h.must("ann", "add_person", fmt.Sprintf(`{"id":%q,"name":%q}`, p, strings.ToUpper(p)))
	}
	h.must("ann", "grant_role", `{"person":"ben","role":"secretary"}`)
	h.must("ann", "grant_role", `{"person":"cara","role":"mandate_commission"}`)
	h.must("ann", "grant_role", `{"person":"kim","role":"teller"}`)
	h.addMembers(10)
	h.must("cara", "submit_mandate", `{"id":"md-rep","person":"rep","organization":"org","kind":"consultative"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-rep"}`)
	h.must("ben", "check_in", `{"person":"rep"}`)
	h.must("ann", "add_membership", `{"person":"m1","organization":"left"}`)
	h.must("ann", "add_membership", `{"person":"m2","organization":"left"}`)
	h.must("ann", "open_sitting", `{"id":"s1","date":"2026-05-09","time":"10:00","chair":"ann","secretaries":["ben"]}`)
	h.must("ann", "add_item", `{"id":"i1","title":"The first question","reporters":["rep"]}`)
	h.must("ann", "take_up_item", `{"item":"i1"}`)
	return h
}

// restored is the fixture with the sitting s1 closed and s2 open, whose
// record does not show who was present, as in the 1917 minutes: counts are
// entered as the minutes give them, however many the fixture holds.
func restored(t testing.TB, preset, overrides string) *harness {
	h := fixture(t, preset, overrides)
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","secretaries":["ben"],"attendance_recorded":false}`)
	h.must("ann", "take_up_item", `{"item":"i1"}`)
	return h
}

// scriptFiles are the repository's command scripts.
var scriptFiles = []string{"../testdata/coop-2026.jsonl", "../testdata/congress-2026.jsonl", "../demo/march-1917.jsonl"}

// replayScript runs every command of a script in a new harness, calling
// after, if not nil, with the line's number after each, and returns the
// harness.
func replayScript(t *testing.T, file string, after func(h *harness, line int)) *harness {
	t.Helper()
	h := newHarness(t)
	h.script(file, after)
	return h
}

// script runs every command of a script in h, calling after as
// replayScript does.
func (h *harness) script(file string, after func(h *harness, line int)) {
	h.t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		h.t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			h.line(l)
			if after != nil {
				after(h, n)
			}
		}
	}
}
