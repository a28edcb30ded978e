package assembly

import (
	"strings"
	"testing"
)

// TestAccessCodeRefusals: every way an officer could obtain a code to act as
// someone else is refused, and changes nothing (the harness checks that).
func TestAccessCodeRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "a delegate issues", do: step{"m1", "issue_access_codes", `{"persons":["m2"]}`}, code: ErrForbidden,
			msg: "only the mandate commission, an administrator or the server administrator may issue access codes"},
		{name: "a delegate issues none", do: step{"m1", "issue_access_codes", `{"persons":[]}`}, code: ErrForbidden,
			msg: "only the mandate commission, an administrator or the server administrator may issue access codes"},
		{name: "commission for the chair", do: step{"cara", "issue_access_codes", `{"persons":["m1","ann"]}`}, code: ErrForbidden,
			msg: "ann holds the office of administrator, chair of the sitting: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{name: "commission for a secretary", do: step{"cara", "issue_access_codes", `{"persons":["ben"]}`}, code: ErrForbidden,
			msg: "ben holds the office of secretary: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{name: "commission for itself", do: step{"cara", "issue_access_codes", `{"persons":["cara"]}`}, code: ErrForbidden,
			msg: "cara holds the office of mandate_commission: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{name: "commission for a teller", do: step{"cara", "issue_access_codes", `{"persons":["kim"]}`}, code: ErrForbidden,
			msg: "kim holds the office of teller: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{name: "commission for the sitting's chair", setup: []step{{"ann", "change_presidium", `{"sitting":"s1","add":["m3"],"chair":"m3"}`}}, do: step{"cara", "issue_access_codes", `{"persons":["m3"]}`}, code: ErrForbidden,
			msg: "m3 holds the office of chair of the sitting: only the server administrator issues access codes for officers, so that no officer can act as another"},
		{name: "commission for a person without mandate", do: step{"cara", "issue_access_codes", `{"persons":["outsider"]}`}, code: ErrForbidden,
			msg: "outsider holds no mandate in this assembly: the mandate commission issues access codes only for mandate holders; ask the server administrator for a guest's code"},
		{name: "commission for a rejected mandate", setup: []step{{"cara", "submit_mandate", `{"id":"md-g","person":"guest","organization":"org","kind":"decisive"}`}, {"cara", "reject_mandate", `{"mandate":"md-g","reason":"forged"}`}},
			do: step{"cara", "issue_access_codes", `{"persons":["guest"]}`}, code: ErrForbidden,
			msg: "guest holds no mandate in this assembly: the mandate commission issues access codes only for mandate holders; ask the server administrator for a guest's code"},
		{name: "the server administrator", do: step{"cara", "issue_access_codes", `{"persons":["admin"]}`}, code: ErrNotFound,
			msg: `there is no person "admin" in this assembly; add them with add_person first`},
		{name: "add_person admin", do: step{"cara", "add_person", `{"id":"admin","name":"Administrator"}`}, code: ErrInvalid,
			msg: `the id "admin" is reserved for the server administrator and cannot be a person's; choose another id`},
		{name: "add_person admin by the administrator", do: step{"ann", "add_person", `{"id":"admin","name":"Administrator"}`}, code: ErrInvalid,
			msg: `the id "admin" is reserved for the server administrator and cannot be a person's; choose another id`},
		{name: "add_person system", do: step{"ben", "add_person", `{"id":"system","name":"System"}`}, code: ErrInvalid,
			msg: `the id "system" is reserved for plenum itself and cannot be a person's; choose another id`},
		{name: "revoke the chair's code", do: step{"cara", "revoke_access_codes", `{"persons":["ann"]}`}, code: ErrForbidden,
			msg: "ann holds the office of administrator, chair of the sitting: only the server administrator revokes an officer's access code"},
		{name: "a delegate revokes", do: step{"m1", "revoke_access_codes", `{"persons":["m2"]}`}, code: ErrForbidden,
			msg: "only the mandate commission, an administrator or the server administrator may revoke access codes"},
		{name: "nobody named", do: step{"cara", "issue_access_codes", `{"persons":[]}`}, code: ErrInvalid,
			msg: `issue_access_codes: name the persons whose codes to issue`},
	})
}

func TestAccessCodesRecorded(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("cara", "issue_access_codes", `{"persons":["m1","m2","rep"]}`)
	h.must("admin", "issue_access_codes", `{"persons":["ann","ben","outsider"]}`)
	if a := h.s.Access["m1"]; a == nil || a.IssuedBy != "cara" || a.Issued.IsZero() || !a.Revoked.IsZero() {
		t.Fatalf("m1's access %+v", a)
	}
	if a := h.s.Access["ann"]; a == nil || a.IssuedBy != "admin" {
		t.Fatalf("ann's access %+v", a)
	}
	h.must("cara", "revoke_access_codes", `{"persons":["m2"],"reason":"lost card"}`)
	if a := h.s.Access["m2"]; a.RevokedBy != "cara" || a.Revoked.Before(a.Issued) {
		t.Fatalf("m2's access after revocation %+v", a)
	}
	// A proxy carries a mandate too.
	h.must("cara", "submit_mandate", `{"id":"md-guest","person":"guest","kind":"guest"}`)
	h.must("cara", "issue_access_codes", `{"persons":["guest"]}`)
	// The events hold persons and nothing secret.
	last := h.events[len(h.events)-1]
	b, _ := EncodeEvent(last)
	if last.EventType() != "access_codes_issued" || strings.Contains(strings.ToLower(string(b)), "code\"") {
		t.Fatalf("%s %s", last.EventType(), b)
	}
}

// TestTextRefusals: every text the record stores is UTF-8 without control
// characters or bidirectional overrides, checked in one place, naming the
// field; nothing is changed by a refusal (the harness checks that).
func TestTextRefusals(t *testing.T) {
	cases := []struct {
		name, cmd, args, field, msg string
	}{
		{"NUL in a name", "add_person", `{"id":"p","name":"Ann\u0000"}`, "name", `add_person: the field "name" holds a NUL character, U+0000 (at byte 3)`},
		{"ANSI escape", "add_person", `{"id":"p","name":"\u001b[31mRed"}`, "name", `add_person: the field "name" holds an escape character (ESC, as in terminal colour codes), U+001B (at byte 0)`},
		{"right-to-left override", "add_person", `{"id":"p","name":"Ann \u202egnp.exe"}`, "name", `add_person: the field "name" holds the bidirectional control U+202E (at byte 4), which makes a text display differently from what it says`},
		{"bidi isolate", "add_organization", `{"id":"o","name":"x\u2067y","kind":"group"}`, "name", `add_organization: the field "name" holds the bidirectional control U+2067 (at byte 1), which makes a text display differently from what it says`},
		{"line break in a name", "add_person", `{"id":"p","name":"Ann\nBob"}`, "name", `add_person: the field "name" holds a line break or tab, which only running texts (note, text, reason …) may hold, U+000A (at byte 3)`},
		{"C1 control", "add_person", `{"id":"p","name":"A\u0085"}`, "name", `add_person: the field "name" holds a control character, U+0085 (at byte 1)`},
		{"DEL", "add_person", `{"id":"p","name":"A\u007f"}`, "name", `add_person: the field "name" holds a control character, U+007F (at byte 1)`},
		{"lone surrogate", "add_person", `{"id":"p","name":"A\ud800"}`, "name", `add_person: the field "name" holds the replacement character U+FFFD (at byte 1), the trace of text that was not valid UTF-8; send the text as UTF-8`},
		{"in a list", "add_person", `{"id":"p","name":"P","other_names":["ok","b\u0007d"]}`, "other_names", `add_person: the field "other_names" holds a control character, U+0007 (at byte 1)`},
		{"lone CR in a note", "add_person", `{"id":"p","name":"P","note":"a\rb"}`, "note", `add_person: the field "note" holds a line break or tab, which only running texts (note, text, reason …) may hold, U+000D (at byte 1)`},
		{"zero-width space in a name", "add_person", `{"id":"p","name":"Ann\u200b Weiss"}`, "name", `add_person: the field "name" holds the invisible character U+200B (at byte 3), with which a name or title looks like another that lacks it; remove it`},
		{"soft hyphen in an organization", "add_organization", `{"id":"o","name":"Teachers'\u00ad Union","kind":"group"}`, "name", `add_organization: the field "name" holds the invisible character U+00AD (at byte 9), with which a name or title looks like another that lacks it; remove it`},
		{"right-to-left mark", "add_person", `{"id":"p","name":"Ann\u200f"}`, "name", `add_person: the field "name" holds the invisible character U+200F (at byte 3), with which a name or title looks like another that lacks it; remove it`},
		{"escape in a speech", "record_speech", `{"id":"sp1","speaker":"m1","notes":"fine\n\u001b[2J"}`, "notes", `record_speech: the field "notes" holds an escape character (ESC, as in terminal colour codes), U+001B (at byte 5)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := fixture(t, "congress", "")
			err := h.do("ann", c.cmd, c.args)
			e, ok := err.(*Error)
			if !ok || e.Code != ErrInvalid || e.Field != c.field || e.Msg != c.msg {
				t.Fatalf("got %#v\nwant field %q: %q", err, c.field, c.msg)
			}
		})
	}
	// Running texts keep their line breaks and tabs, LF or CR LF.
	h := fixture(t, "congress", "")
	h.must("ann", "add_person", `{"id":"p","name":"Ногин, Виктор","note":"first line\r\nsecond\tline\nthird"}`)
	if got := h.s.Persons["p"].Note; got != "first line\r\nsecond\tline\nthird" {
		t.Fatalf("note %q", got)
	}
	// The joiners stay (Persian, Indic scripts, emoji), and a running
	// text keeps a soft hyphen pasted from a word processor.
	h.must("ann", "add_person", `{"id":"z","name":"می\u200cخواهم \ud83d\udc69\u200d\ud83d\udcbb","note":"hyphen\u00adated"}`)
	// A key is one line too.
	if err := h.run(Meta{Actor: "ann", At: h.clock, Key: "k\x1b"}, AddPerson{ID: "q", Name: "Q"}); err == nil || err.(*Error).Field != "key" {
		t.Fatalf("key with ESC: %v", err)
	}
	// Commands built in Go are checked the same way.
	if err := h.run(Meta{Actor: "ann", At: h.clock}, AddPerson{ID: "q", Name: "bad \xff byte"}); err == nil || err.Error() != `add_person: the field "name" is not valid UTF-8 (at byte 4)` {
		t.Fatalf("invalid UTF-8 in Go: %v", err)
	}
}

// TestInvalidUTF8Line: a script line that is not UTF-8 is refused, naming
// where, instead of being silently replaced by encoding/json.
func TestInvalidUTF8Line(t *testing.T) {
	_, err := ParseEnvelope([]byte("{\"cmd\":\"add_person\",\"actor\":\"ann\",\"at\":\"2026-05-09T10:00:00Z\",\"args\":{\"id\":\"p\",\"name\":\"M\xfcller\"}}"))
	want := "the command line is not valid UTF-8 (at byte 88): save the script as UTF-8"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}
