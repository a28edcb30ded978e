package httpapi

import (
	"strings"
	"testing"

	"plenum/assembly"
)

// TestDuplicateKeysRefused: a command body that gives a key twice — the
// red team's {"cmd":"open_vote","cmd":"record_narrative",…}, recorded as
// a narrative since encoding/json kept the last cmd — is refused with 400
// naming the key and where it is, whether it is the envelope's or the
// arguments' at any depth, in another case or escaped, on the ballot's
// plain path and on create_assembly's; nothing is recorded. The same
// command without the second key is recorded.
func TestDuplicateKeysRefused(t *testing.T) {
	w := newWorld(t, 3)
	ann, d1 := w.as("ann"), w.as("d1")
	events := func() (n int) {
		w.state(func(s *assembly.State) { n = s.Events })
		return n
	}
	before := events()
	for _, c := range []struct {
		who         *client
		body, field string
		detail      string
	}{
		{ann, `{"cmd":"open_vote","cmd":"record_narrative","args":{"text":"dup"}}`, "cmd", `the body gives the key "cmd" twice: give each key once (nothing was recorded)`},
		{ann, `{"cmd":"record_narrative","CMD":"open_vote","args":{"text":"dup"}}`, "cmd", `the body gives the key "cmd" / "CMD" twice`},
		{ann, `{"cmd":"record_narrative","\u0063md":"open_vote","args":{"text":"dup"}}`, "cmd", `the body gives the key "cmd" twice`},
		{ann, `{"cmd":"record_narrative","args":{"text":"one"},"args":{"text":"two"}}`, "args", `the body gives the key "args" twice`},
		{ann, `{"cmd":"record_narrative","args":{"text":"one","text":"two"}}`, "text", `the body gives the key "text" twice, in args: give each key once (nothing was recorded)`},
		{ann, `{"cmd":"record_narrative","args":{"text":"one","TEXT":"two"}}`, "text", `the body gives the key "text" / "TEXT" twice, in args`},
		{ann, `{"cmd":"close_vote","args":{"vote":"v1","sealed":[{"token":"t","choice":"for","choice":"against"}]}}`, "choice", `the body gives the key "choice" twice, in args.sealed[0]`},
		{d1, `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"against","choice":"for"}}`, "choice", `the body gives the key "choice" twice, in args`},
		{d1, `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"},"key":"a","key":"b"}`, "key", `the body gives the key "key" twice`},
	} {
		r := c.who.do("POST", "/api/assemblies/coop/commands", c.body, "Idempotency-Key", w.key())
		p := r.problem()
		if r.status != 400 || p.Code != "malformed" || p.Field != c.field || !strings.HasPrefix(p.Detail, c.detail) {
			t.Errorf("%s: %d %+v\nwant 400 malformed %s %q", c.body, r.status, p, c.field, c.detail)
		}
	}
	r := w.admin.do("POST", "/api/assemblies", `{"args":{"id":"one","name":"One","starts":"2026-05-09","rules":"congress"},"args":{"id":"two","name":"Two","starts":"2026-05-09","rules":"congress"}}`, "Idempotency-Key", w.key())
	if p := r.problem(); r.status != 400 || p.Field != "args" || !strings.HasPrefix(p.Detail, `the body gives the key "args" twice`) {
		t.Errorf("create_assembly with args twice: %d %+v", r.status, p)
	}
	for _, id := range []string{"one", "two"} {
		if _, ok := w.eng.Assembly(id); ok {
			t.Errorf("the assembly %s was created", id)
		}
	}
	if n := events(); n != before {
		t.Fatalf("%d entries recorded", n-before)
	}
	ann.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"record_narrative","args":{"text":"dup"}}`, "Idempotency-Key", w.key())
	d1.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"}}`, "Idempotency-Key", w.key())
}
