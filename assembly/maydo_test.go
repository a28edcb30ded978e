package assembly

import (
	"reflect"
	"sort"
	"testing"
)

// TestMayDoAsTheRulesDecide: MayDo answers as the rules decide the
// command itself — a set-up page's command, given with real arguments by
// each officer and by others, is refused for want of authority exactly
// when MayDo, asked of the zero command (NewCommand), says no; and the
// state is not changed by asking.
func TestMayDoAsTheRulesDecide(t *testing.T) {
	h := fixture(t, "congress", `{"proxies_allowed":true}`)
	h.must("ann", "submit_mandate", `{"id":"md-guest","person":"guest","kind":"guest"}`)
	h.must("ann", "form_body", `{"id":"b1","name":"Tellers","kind":"commission","members":["m1"]}`)
	h.must("ann", "grant_role", `{"person":"rep","role":"chair"}`)
	cmds := map[string]string{
		"grant_role":          `{"person":"m3","role":"teller"}`,
		"revoke_role":         `{"person":"kim","role":"teller"}`,
		"amend_person":        `{"person":"m1","name":"Member One"}`,
		"amend_mandate":       `{"mandate":"md-m1","kind":"consultative"}`,
		"verify_mandate":      `{"mandate":"md-guest"}`,
		"reject_mandate":      `{"mandate":"md-guest","reason":"Late"}`,
		"transfer_proxy":      `{"mandate":"md-m1","to":"m2"}`,
		"submit_mandate":      `{"id":"md-x","person":"outsider","kind":"guest"}`,
		"add_membership":      `{"person":"m3","organization":"left"}`,
		"form_body":           `{"id":"b2","name":"Drafting","kind":"committee"}`,
		"add_body_members":    `{"body":"b1","persons":["m2"]}`,
		"remove_body_members": `{"body":"b1","persons":["m1"]}`,
		"amend_assembly":      `{"name":"Renamed"}`,
		"set_record_access":   `{"access":"officers"}`,
		"set_rules":           `{"preset":"ronr"}`,
		"add_organization":    `{"id":"o9","name":"Branch 9","kind":"delegating"}`,
		"add_person":          `{"id":"p9","name":"Nine"}`,
	}
	// ann administers, ben is a secretary, cara on the mandate commission,
	// rep holds the chair, kim is a teller, m1 a delegate.
	actors := []string{"ann", "ben", "cara", "rep", "kim", "m1", "nobody"}
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	allowed := map[string][]string{}
	for _, name := range names {
		zero, ok := NewCommand(name)
		if !ok {
			t.Fatalf("NewCommand(%q): no such command", name)
		}
		for _, who := range actors {
			env, err := ParseEnvelope([]byte(`{"cmd":"` + name + `","actor":"` + who + `","at":"2026-05-09T12:00:00Z","args":` + cmds[name] + `}`))
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseCommand(env)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			_, err = Decide(h.s, env.Meta(), c)
			if CodeOf(err) != ErrForbidden && err != nil {
				t.Fatalf("%s by %s refused otherwise than for authority, which this test cannot compare: %v", name, who, err)
			}
			rules := err == nil
			if got := h.s.MayDo(who, zero); got != rules {
				t.Errorf("MayDo(%s, %s) = %v, but the rules %s it (%v)", who, name, got, map[bool]string{true: "take", false: "refuse"}[rules], err)
			}
			if got := h.s.MayDo(who, c); got != rules {
				t.Errorf("MayDo(%s, %s with its arguments) = %v, want %v", who, name, got, rules)
			}
			if rules {
				allowed[name] = append(allowed[name], who)
			}
		}
	}
	if !reflect.DeepEqual(h.s, h.replay) {
		t.Fatal("asking MayDo changed the state")
	}
	// What the pages rely on, spelt out once: the test compares with the
	// rules, and this says the comparison was not empty.
	for name, want := range map[string][]string{
		"grant_role":     {"ann"},
		"add_person":     {"ann", "ben", "cara"},
		"verify_mandate": {"ann", "cara"},
		"form_body":      {"ann", "rep"},
	} {
		if !reflect.DeepEqual(allowed[name], want) {
			t.Errorf("%s may be given by %v, want %v", name, allowed[name], want)
		}
	}
	if h.s.MayDo("", AddPerson{}) || h.s.MayDo("ann", nil) {
		t.Error("MayDo says yes to no actor or no command")
	}
	if _, ok := NewCommand("no_such_command"); ok {
		t.Error("NewCommand made a command of an unknown name")
	}
}

// TestMayDoAnyZeroCommand: asking MayDo of any command's zero value does
// not panic, whoever asks.
func TestMayDoAnyZeroCommand(t *testing.T) {
	h := fixture(t, "congress", "")
	for name := range commandTypes {
		c, ok := NewCommand(name)
		if !ok {
			t.Fatalf("NewCommand(%q) failed", name)
		}
		for _, who := range []string{"ann", "ben", "m1", "nobody"} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("MayDo(%s, %s) panicked: %v", who, name, r)
					}
				}()
				h.s.MayDo(who, c)
			}()
		}
	}
}
