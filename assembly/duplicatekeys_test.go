package assembly

import (
	"encoding/json"
	"errors"
	"testing"
)

// TestDuplicateKeysRefused: a script's line or a command's arguments that
// give a key twice — the red team's {"cmd":"open_vote","cmd":
// "record_narrative",…}, which encoding/json read as its last cmd — are
// refused naming the key, whether the line is plain or not, the key is in
// another case or escaped, in the arguments at any depth, and on the
// ballot's own path; nothing is recorded.
func TestDuplicateKeysRefused(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt?","method":"roll_call"}`)
	events := h.s.Events
	const at = `"actor":"ben","at":"2026-05-09T12:00:00Z"`
	for _, c := range []struct{ line, field, msg string }{
		{`{"cmd":"open_vote","cmd":"record_narrative",` + at + `,"args":{"text":"dup"}}`, "cmd",
			`the command line gives the key "cmd" twice: give each key once`},
		{`{"cmd":"open_vote","CMD":"record_narrative",` + at + `,"args":{"text":"dup"}}`, "cmd",
			`the command line gives the key "cmd" / "CMD" twice: give each key once`},
		{`{"cmd":"record_narrative","\u0063md":"open_vote",` + at + `,"args":{"text":"dup"}}`, "cmd",
			`the command line gives the key "cmd" twice: give each key once`},
		{`{"cmd":"record_narrative",` + at + `,"actor":"ann","args":{"text":"dup"}}`, "actor",
			`the command line gives the key "actor" twice: give each key once`},
		{`{"cmd":"record_narrative",` + at + `,"args":{"text":"one","text":"two"}}`, "args",
			`the command line gives the key "text" twice, in args: give each key once`},
		{`{"cmd":"cast_ballot","actor":"m1","at":"2026-05-09T12:00:00Z","args":{"vote":"v1","voter":"m1","choice":"against","choice":"for"}}`, "args",
			`the command line gives the key "choice" twice, in args: give each key once`},
	} {
		err := h.line(c.line)
		var ae *Error
		if err == nil || !errors.As(err, &ae) || ae.Code != ErrInvalid || ae.Field != c.field || ae.Msg != c.msg {
			t.Errorf("%s:\n got %#v\nwant %s %q", c.line, err, c.field, c.msg)
		}
	}
	// The arguments alone, as the API and the pages give them to
	// ParseCommand: the ballot's own reader and the general one.
	for _, c := range []struct{ cmd, args, field, msg string }{
		{"cast_ballot", `{"vote":"v1","voter":"m1","choice":"against","choice":"for"}`, "choice",
			`cast_ballot: the arguments give the key "choice" twice: give each key once`},
		{"cast_ballot", `{"vote":"v1","voter":"m1","Choice":"against","choice":"for"}`, "Choice",
			`cast_ballot: the arguments give the key "Choice" / "choice" twice: give each key once`},
		{"record_narrative", `{"text":"one","text":"two"}`, "text",
			`record_narrative: the arguments give the key "text" twice: give each key once`},
		{"close_vote", `{"vote":"v1","sealed":[{"token":"t","choice":"for","choice":"against"}]}`, "sealed",
			`close_vote: the arguments give the key "choice" twice, in sealed[0]: give each key once`},
	} {
		_, err := ParseCommand(Envelope{Cmd: c.cmd, Actor: "m1", Args: json.RawMessage(c.args)})
		var ae *Error
		if err == nil || !errors.As(err, &ae) || ae.Code != ErrInvalid || ae.Field != c.field || ae.Msg != c.msg {
			t.Errorf("%s %s:\n got %#v\nwant %s %q", c.cmd, c.args, err, c.field, c.msg)
		}
	}
	if h.s.Events != events {
		t.Fatalf("%d entries recorded", h.s.Events-events)
	}
}
