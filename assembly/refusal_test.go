package assembly

import (
	"fmt"
	"testing"
)

type step struct{ actor, cmd, args string }

// refusal is a command the rules refuse, after some setup steps, with the
// code and the message the user sees.
type refusal struct {
	name  string
	setup []step
	do    step
	code  Code
	msg   string
}

func runRefusals(t *testing.T, preset, overrides string, cases []refusal) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := fixture(t, preset, overrides)
			for _, s := range c.setup {
				h.must(s.actor, s.cmd, s.args)
			}
			h.refuse(c.do.actor, c.do.cmd, c.do.args, c.code, c.msg)
		})
	}
}

func TestParseRefusals(t *testing.T) {
	cases := []struct {
		line, field, msg string
	}{
		{`{"cmd":"fly","actor":"ann","at":"2026-05-09T10:00:00Z"}`, "cmd", `unknown command "fly"`},
		{`{"cmd":"add_person","at":"2026-05-09T10:00:00Z","args":{}}`, "actor", `the command add_person has no actor: say on whose authority it is given`},
		{`{"cmd":"add_person","actor":"ann","args":{}}`, "at", `the command add_person has no time (at)`},
		{`{"cmd":"add_person","actor":"Ann","at":"2026-05-09T10:00:00Z"}`, "actor", `the actor "Ann" is not a valid id: 'A' is not allowed; use lower case letters, digits, '-' and '_'`},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","colour":"red"}`, "", `the command line is not valid: unknown field "colour"`},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"x","name":"X","age":3}}`, "age", `add_person: unknown field "age"`},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"x"}}`, "name", `add_person: the field "name" is required`},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"X Y","name":"X"}}`, "id", `add_person: "X Y" in the field "id" is not a valid id: 'X' is not allowed; use lower case letters, digits, '-' and '_'`},
		{`{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s","date":"9 May","chair":"ann"}}`, "date", `open_sitting: the field "date" must be a date YYYY-MM-DD, not "9 May"`},
		{`{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"v","method":"acclamation"}}`, "method", `open_vote: the field "method" must be one of show_of_hands, roll_call, secret, encrypted, not "acclamation"`},
		{`{"cmd":"enter_count","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"vote":"v","for":"68-62","against":3}}`, "", `enter_count: a range of votes is written low-high, e.g. "62-68", not "68-62"`},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"x","name":7}}`, "name", `add_person: the field "name" must be a string, not a JSON number`},
		{`{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s","date":"2026-05-09","chair":"ann","guests":["a","a"]}}`, "guests", `open_sitting: "a" is named twice in the field "guests"`},
	}
	for _, c := range cases {
		env, err := ParseEnvelope([]byte(c.line))
		if err == nil {
			_, err = ParseCommand(env)
		}
		if err == nil {
			t.Errorf("%s: accepted", c.line)
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.Msg != c.msg || e.Field != c.field || e.Code != ErrInvalid {
			t.Errorf("%s:\n got %#v\nwant field %q msg %q", c.line, err, c.field, c.msg)
		}
	}
}

func TestAssemblyRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "second assembly", do: step{"ann", "create_assembly", `{"id":"a2","name":"X","starts":"2026-01-01","rules":"ronr"}`}, code: ErrConflict, msg: `the assembly "a1" already exists; a log holds one assembly`},
		{name: "rules by non-admin", do: step{"m1", "set_rules", `{"preset":"ronr"}`}, code: ErrForbidden, msg: "only an administrator may change the rules of procedure"},
		{name: "bad override", do: step{"ann", "set_rules", `{"overrides":{"voting_threshold":"most"}}`}, code: ErrInvalid, msg: `the voting_threshold must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`},
		{name: "bad speakers order", do: step{"ann", "set_rules", `{"overrides":{"speakers_order":"loudest"}}`}, code: ErrInvalid, msg: `the speakers' order must be one of first_come, first_time_first, alternate_for_against, not "loudest"`},
		{name: "grant by non-admin", do: step{"ben", "grant_role", `{"person":"m1","role":"chair"}`}, code: ErrForbidden, msg: "only an administrator may grant roles"},
		{name: "grant to nobody", do: step{"ann", "grant_role", `{"person":"zed","role":"chair"}`}, code: ErrNotFound, msg: `there is no person "zed"; add_person first`},
		{name: "grant twice", do: step{"ann", "grant_role", `{"person":"ben","role":"secretary"}`}, code: ErrConflict, msg: "ben already holds the role secretary"},
		{name: "revoke last admin", do: step{"ann", "revoke_role", `{"person":"ann","role":"administrator"}`}, code: ErrConflict, msg: "ann is the last administrator; grant the role to someone else first"},
		{name: "revoke not held", do: step{"ann", "revoke_role", `{"person":"m1","role":"teller"}`}, code: ErrConflict, msg: "m1 does not hold the role teller"},
		{name: "mark twice", setup: []step{{"ben", "define_mark", `{"mark":"*","meaning":"also a delegate to the Soviet conference"}`}}, do: step{"ben", "define_mark", `{"mark":"*","meaning":"x"}`}, code: ErrConflict, msg: `the mark "*" is already defined`},
		{name: "mark by delegate", do: step{"m1", "define_mark", `{"mark":"*","meaning":"x"}`}, code: ErrForbidden, msg: "only an administrator or a secretary may define marks"},
		{name: "person by delegate", do: step{"m1", "add_person", `{"id":"p","name":"P"}`}, code: ErrForbidden, msg: "only an administrator, a secretary or the mandate commission may add persons"},
	})
}

func TestOrganizationRefusals(t *testing.T) {
	runRefusals(t, "congress", `{"proxies_allowed":true,"max_proxies_per_delegate":1}`, []refusal{
		{name: "org twice", do: step{"ann", "add_organization", `{"id":"org","name":"Again","kind":"delegating"}`}, code: ErrConflict, msg: `there is already an organization "org" (The Organization)`},
		{name: "org of a name taken", do: step{"ann", "add_organization", `{"id":"o2","name":"the  ORGANIZATION ","kind":"delegating"}`}, code: ErrConflict, msg: `there is already an organization named The Organization; two organizations of one name cannot be told apart on the roster`},
		{name: "org renamed to a name taken", do: step{"ann", "amend_organization", `{"organization":"left","name":"The organization"}`}, code: ErrConflict, msg: `there is already an organization named The Organization; two organizations of one name cannot be told apart on the roster`},
		{name: "org of a blank name", do: step{"ann", "add_organization", `{"id":"o2","name":"  ","kind":"delegating"}`}, code: ErrInvalid, msg: `the organization's name is blank`},
		{name: "unknown parent", do: step{"ann", "add_organization", `{"id":"o2","name":"O2","kind":"group","parent":"nope"}`}, code: ErrNotFound, msg: `there is no organization "nope" to be the parent of o2`},
		{name: "org by delegate", do: step{"m1", "add_organization", `{"id":"o2","name":"O2","kind":"group"}`}, code: ErrForbidden, msg: "only an administrator, a secretary or the mandate commission may add organizations"},
		{name: "noted twice", setup: []step{{"ann", "note_organization_present", `{"organization":"left"}`}}, do: step{"ann", "note_organization_present", `{"organization":"left"}`}, code: ErrConflict, msg: "The Left is already noted as present"},
		{name: "person twice", do: step{"ann", "add_person", `{"id":"m1","name":"Again"}`}, code: ErrConflict, msg: `there is already a person "m1" (Member 1)`},
		{name: "membership twice", do: step{"ann", "add_membership", `{"person":"m1","organization":"left"}`}, code: ErrConflict, msg: "m1 is already recorded as a member of The Left"},
		{name: "mandate for nobody", do: step{"cara", "submit_mandate", `{"id":"md-x","person":"zed","organization":"org","kind":"decisive"}`}, code: ErrNotFound, msg: `there is no person "zed"; add_person first`},
		{name: "second mandate same org", do: step{"cara", "submit_mandate", `{"id":"md-x","person":"m1","organization":"org","kind":"decisive"}`}, code: ErrConflict, msg: "m1 already holds the mandate md-m1 from org"},
		{name: "undefined mark", do: step{"cara", "submit_mandate", `{"id":"md-x","person":"guest","organization":"org","kind":"guest","marks":["*"]}`}, code: ErrInvalid, msg: `the mark "*" is not defined; define_mark first`},
		{name: "verify by secretary", setup: []step{{"cara", "submit_mandate", `{"id":"md-g","person":"guest","organization":"org","kind":"guest"}`}}, do: step{"ben", "verify_mandate", `{"mandate":"md-g"}`}, code: ErrForbidden, msg: "only the mandate commission or an administrator may verify mandates"},
		{name: "verify twice", do: step{"cara", "verify_mandate", `{"mandate":"md-m1"}`}, code: ErrConflict, msg: "the mandate md-m1 is already verified"},
		{name: "reject twice", setup: []step{{"cara", "reject_mandate", `{"mandate":"md-m1","reason":"forged"}`}}, do: step{"cara", "reject_mandate", `{"mandate":"md-m1","reason":"forged"}`}, code: ErrConflict, msg: "the mandate md-m1 is already rejected"},
		{name: "reject without reason", do: step{"cara", "reject_mandate", `{"mandate":"md-m1"}`}, code: ErrInvalid, msg: `reject_mandate: the field "reason" is required`},
		{name: "reject during vote", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`}}, do: step{"cara", "reject_mandate", `{"mandate":"md-m1","reason":"forged"}`}, code: ErrConflict, msg: "the mandate md-m1 cannot be rejected while the vote v1, in which it is entitled, is open"},
		{name: "mark unknown", do: step{"cara", "mark_mandate", `{"mandate":"md-m1","mark":"*"}`}, code: ErrInvalid, msg: `the mark "*" is not defined; define_mark first`},
		{name: "proxy to self", do: step{"cara", "transfer_proxy", `{"mandate":"md-m1","to":"m1"}`}, code: ErrInvalid, msg: "m1 already holds the mandate md-m1"},
		{name: "proxy to non-delegate", do: step{"cara", "transfer_proxy", `{"mandate":"md-m1","to":"outsider"}`}, code: ErrConflict, msg: "outsider holds no verified mandate and cannot carry another's"},
		{name: "too many proxies", setup: []step{{"cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3"}`}}, do: step{"cara", "transfer_proxy", `{"mandate":"md-m2","to":"m3"}`}, code: ErrConflict, msg: "m3 already carries 1 proxy, the most the rules allow"},
	})
	runRefusals(t, "congress", "", []refusal{
		{name: "proxies not allowed", do: step{"cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3"}`}, code: ErrForbidden, msg: "the rules of procedure do not allow proxies"},
	})
}

func TestAttendanceRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "check in twice", do: step{"m1", "check_in", `{"person":"m1"}`}, code: ErrConflict, msg: "m1 is already checked in"},
		{name: "check in someone else", do: step{"m1", "check_in", `{"person":"guest"}`}, code: ErrForbidden, msg: "only guest themselves, a secretary or the mandate commission may check them in"},
		{name: "check out absent", do: step{"guest", "check_out", `{"person":"guest"}`}, code: ErrConflict, msg: "guest is not checked in"},
		{name: "leave nobody", do: step{"ben", "leave_hall", `{}`}, code: ErrInvalid, msg: "say who left the hall: persons, or how many (unnamed)"},
		{name: "leave for another", do: step{"m1", "leave_hall", `{"persons":["m2"]}`}, code: ErrForbidden, msg: "only the persons themselves, a secretary or the chair may record leaving the hall"},
		{name: "leave twice", setup: []step{{"ben", "leave_hall", `{"persons":["m1"],"walkout":true}`}}, do: step{"ben", "leave_hall", `{"persons":["m1"]}`}, code: ErrConflict, msg: "m1 has already left the hall"},
		{name: "return never left", do: step{"ben", "return_to_hall", `{"persons":["m1"]}`}, code: ErrConflict, msg: "m1 has not left the hall"},
		{name: "return too many unnamed", setup: []step{{"ben", "leave_hall", `{"unnamed":3}`}}, do: step{"ben", "return_to_hall", `{"unnamed":4}`}, code: ErrConflict, msg: "only 3 unnamed persons are out of the hall, not 4"},
	})
}

func TestSittingRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "two open", do: step{"ann", "open_sitting", `{"id":"s2","date":"2026-05-09","chair":"ann"}`}, code: ErrConflict, msg: "the sitting s1 is still open; close it first (only one sitting is open at a time)"},
		{name: "open by delegate", do: step{"m1", "open_sitting", `{"id":"s2","date":"2026-05-09","chair":"m1"}`}, code: ErrForbidden, msg: "only a holder of the chair role or an administrator may open a sitting"},
		{name: "reuse id", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"ann", "open_sitting", `{"id":"s1","date":"2026-05-10","chair":"ann"}`}, code: ErrConflict, msg: `there was already a sitting "s1"`},
		{name: "unknown chair", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"zed"}`}, code: ErrNotFound, msg: `there is no person "zed" (in chair)`},
		{name: "presidium by secretary", do: step{"ben", "change_presidium", `{"sitting":"s1","add":["m1"]}`}, code: ErrForbidden, msg: "only the chair of the sitting (ann) or an administrator may change the presidium"},
		{name: "presidium nothing", do: step{"ann", "change_presidium", `{"sitting":"s1"}`}, code: ErrInvalid, msg: "say what changes: add, remove or chair"},
		{name: "chair outside presidium", do: step{"ann", "change_presidium", `{"sitting":"s1","chair":"m1"}`}, code: ErrConflict, msg: "the chair (m1) must be in the presidium; add them or choose another chair"},
		{name: "remove non-member", do: step{"ann", "change_presidium", `{"sitting":"s1","remove":["m1"]}`}, code: ErrConflict, msg: "m1 is not in the presidium"},
		{name: "guest twice", setup: []step{{"ann", "add_sitting_guests", `{"sitting":"s1","guests":["guest"]}`}}, do: step{"ann", "add_sitting_guests", `{"sitting":"s1","guests":["guest"]}`}, code: ErrConflict, msg: "guest is already a guest of the sitting"},
		{name: "close closed", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"ann", "close_sitting", `{"sitting":"s1"}`}, code: ErrClosed, msg: "the sitting s1 is closed"},
		{name: "close during vote", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`}}, do: step{"ann", "close_sitting", `{"sitting":"s1"}`}, code: ErrConflict, msg: "the vote v1 is still open; close it before the sitting closes"},
		{name: "new chair runs it", setup: []step{{"ann", "change_presidium", `{"sitting":"s1","add":["m1"],"chair":"m1"}`}}, do: step{"m2", "close_sitting", `{"sitting":"s1"}`}, code: ErrForbidden, msg: "only the chair of the sitting (m1) or an administrator may close it"},
		// Authority before the sitting's state, so that MayDo, asked of
		// the zero command, refuses whom the rules refuse.
		{name: "close closed by a delegate", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"m2", "close_sitting", `{"sitting":"s1"}`}, code: ErrForbidden, msg: "only the chair of the sitting (ann) or an administrator may close it"},
		{name: "guests of a closed sitting by a delegate", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"m2", "add_sitting_guests", `{"sitting":"s1","guests":["guest"]}`}, code: ErrForbidden, msg: "only the chair of the sitting (ann) may admit guests"},
		{name: "presidium of a closed sitting by a secretary", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"ben", "change_presidium", `{"sitting":"s1","add":["m1"]}`}, code: ErrForbidden, msg: "only the chair of the sitting (ann) or an administrator may change the presidium"},
		{name: "its chair closes it twice", setup: []step{{"ann", "change_presidium", `{"sitting":"s1","add":["m1"],"chair":"m1"}`}, {"m1", "close_sitting", `{"sitting":"s1"}`}}, do: step{"m1", "close_sitting", `{"sitting":"s1"}`}, code: ErrClosed, msg: "the sitting s1 is closed"},
		{name: "close unknown by a delegate", do: step{"m2", "close_sitting", `{"sitting":"s9"}`}, code: ErrNotFound, msg: `there is no sitting "s9"`},
	})
}

func TestAgendaRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "item twice", do: step{"ann", "add_item", `{"id":"i1","title":"x"}`}, code: ErrConflict, msg: `there is already an item "i1"`},
		{name: "item by delegate", do: step{"m1", "add_item", `{"id":"i2","title":"x"}`}, code: ErrForbidden, msg: "only the chair or an administrator may add items to the order of the day"},
		{name: "reorder missing", setup: []step{{"ann", "add_item", `{"id":"i2","title":"x"}`}}, do: step{"ann", "reorder_items", `{"items":["i2"]}`}, code: ErrInvalid, msg: "name every open item once: i1, i2"},
		{name: "take up unknown", do: step{"ann", "take_up_item", `{"item":"zz"}`}, code: ErrNotFound, msg: `there is no item "zz" on the order of the day`},
		{name: "take up current", do: step{"ann", "take_up_item", `{"item":"i1"}`}, code: ErrConflict, msg: "the item i1 is already under discussion"},
		{name: "take up tabled", setup: []step{{"ann", "table_item", `{"item":"i1","until":"until fuller attendance"}`}}, do: step{"ann", "take_up_item", `{"item":"i1"}`}, code: ErrConflict, msg: "the item i1 is tabled (until fuller attendance); resume it first"},
		{name: "resume open", do: step{"ann", "resume_item", `{"item":"i1"}`}, code: ErrConflict, msg: "the item i1 is not tabled"},
		{name: "close twice", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "close_item", `{"item":"i1"}`}, code: ErrClosed, msg: "the item i1 is already closed"},
		{name: "table closed", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "table_item", `{"item":"i1"}`}, code: ErrConflict, msg: "the item i1 is already closed"},
	})
}

func TestBodyRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "body twice", setup: []step{{"ann", "form_body", `{"id":"c1","name":"Committee","kind":"committee"}`}}, do: step{"ann", "form_body", `{"id":"c1","name":"Again","kind":"section"}`}, code: ErrConflict, msg: `there is already a body "c1"`},
		{name: "body by delegate", do: step{"m1", "form_body", `{"id":"c1","name":"Committee","kind":"committee"}`}, code: ErrForbidden, msg: "only the chair or an administrator forms sections, commissions and committees"},
		{name: "member twice", setup: []step{{"ann", "form_body", `{"id":"c1","name":"Committee","kind":"committee","members":["m1"]}`}}, do: step{"ann", "add_body_members", `{"body":"c1","persons":["m1"]}`}, code: ErrConflict, msg: "m1 is already a member of Committee"},
		{name: "remove non-member", setup: []step{{"ann", "form_body", `{"id":"c1","name":"Committee","kind":"committee"}`}}, do: step{"ann", "remove_body_members", `{"body":"c1","persons":["m1"]}`}, code: ErrConflict, msg: "m1 is not a member of Committee"},
		{name: "instruct unknown", do: step{"ann", "instruct_body", `{"body":"c9","instruction":"draft"}`}, code: ErrNotFound, msg: `there is no section, commission or committee "c9"`},
		{name: "report unknown document", setup: []step{{"ann", "form_body", `{"id":"c1","name":"Committee","kind":"committee"}`}}, do: step{"ben", "body_report", `{"body":"c1","reporter":"m1","summary":"done","document":"d9"}`}, code: ErrNotFound, msg: `there is no document "d9"; read_document first`},
	})
}

func TestFloorRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "request for another", do: step{"m1", "request_floor", `{"item":"i1","person":"m2"}`}, code: ErrForbidden, msg: "only m2 themselves, the chair or a secretary may put them on the list"},
		{name: "request without mandate", do: step{"outsider", "request_floor", `{"item":"i1","person":"outsider"}`}, code: ErrForbidden, msg: "outsider holds no verified mandate that gives the floor; the mandate commission must verify one first"},
		{name: "request twice", setup: []step{{"m1", "request_floor", `{"item":"i1","person":"m1"}`}}, do: step{"m1", "request_floor", `{"item":"i1","person":"m1"}`}, code: ErrConflict, msg: "m1 is already on the list for i1 (number 1)"},
		{name: "list closed", setup: []step{{"ann", "close_list", `{"item":"i1"}`}}, do: step{"m1", "request_floor", `{"item":"i1","person":"m1"}`}, code: ErrClosed, msg: "the list of speakers on i1 is closed"},
		{name: "discussion closed", setup: []step{{"ann", "close_discussion", `{"item":"i1"}`}}, do: step{"m1", "request_floor", `{"item":"i1","person":"m1"}`}, code: ErrClosed, msg: "the discussion on i1 is closed; only a point of order may be raised"},
		{name: "withdraw not waiting", do: step{"m1", "withdraw_request", `{"item":"i1","person":"m1"}`}, code: ErrNotFound, msg: "m1 is not waiting on the list for i1"},
		{name: "give empty list", do: step{"ann", "give_floor", `{"item":"i1"}`}, code: ErrNotFound, msg: "nobody is waiting on the list for i1"},
		{name: "give by delegate", do: step{"m1", "give_floor", `{"item":"i1"}`}, code: ErrForbidden, msg: "only the chair gives the floor"},
		{name: "out of order", setup: []step{{"m1", "request_floor", `{"item":"i1","person":"m1"}`}, {"m2", "request_floor", `{"item":"i1","person":"m2"}`}}, do: step{"ann", "give_floor", `{"item":"i1","person":"m2"}`}, code: ErrConflict, msg: "out of order: m1 is next on the list for i1, before m2"},
		{name: "not asked", setup: []step{{"m1", "request_floor", `{"item":"i1","person":"m1"}`}}, do: step{"ann", "give_floor", `{"item":"i1","person":"m3"}`}, code: ErrConflict, msg: "m3 has not asked for the floor on i1, and m1 is waiting"},
		{name: "someone speaking", setup: []step{{"m1", "request_floor", `{"item":"i1","person":"m1"}`}, {"m2", "request_floor", `{"item":"i1","person":"m2"}`}, {"ann", "give_floor", `{"item":"i1"}`}}, do: step{"ann", "give_floor", `{"item":"i1"}`}, code: ErrConflict, msg: "m1 has the floor; end the speech first"},
		{name: "summary before close", do: step{"ann", "give_floor", `{"item":"i1","person":"rep","summary":true}`}, code: ErrConflict, msg: "the reporters sum up after the discussion closes; the discussion on i1 is open"},
		{name: "summary by delegate", setup: []step{{"ann", "close_discussion", `{"item":"i1"}`}}, do: step{"ann", "give_floor", `{"item":"i1","person":"m1","summary":true}`}, code: ErrInvalid, msg: "only a reporter or co-reporter of i1 sums up; name them"},
		{name: "speech after close", setup: []step{{"ann", "close_discussion", `{"item":"i1"}`}}, do: step{"ann", "give_floor", `{"item":"i1","person":"m1"}`}, code: ErrClosed, msg: "the discussion on i1 is closed; only the reporters sum up (give_floor with summary) and points of order are heard"},
		{name: "end nobody", do: step{"ann", "end_speech", `{"item":"i1"}`}, code: ErrConflict, msg: "nobody has the floor on i1"},
		{name: "deprive nobody", do: step{"ann", "deprive_floor", `{"item":"i1"}`}, code: ErrConflict, msg: "nobody has the floor on i1"},
		{name: "close list twice", setup: []step{{"ann", "close_list", `{"item":"i1"}`}}, do: step{"ann", "close_list", `{"item":"i1"}`}, code: ErrClosed, msg: "the list of speakers on i1 is already closed"},
		{name: "close discussion twice", setup: []step{{"ann", "close_discussion", `{"item":"i1"}`}}, do: step{"ann", "close_discussion", `{"item":"i1"}`}, code: ErrClosed, msg: "the discussion on i1 is already closed"},
	})
	runRefusals(t, "ronr", "", []refusal{
		{name: "guest may not speak", setup: []step{{"ann", "add_sitting_guests", `{"sitting":"s1","guests":["guest"]}`}}, do: step{"ben", "request_floor", `{"item":"i1","person":"guest"}`}, code: ErrForbidden, msg: "guest is a guest of this sitting, and guests may not speak at it"},
	})
}

func TestRecordRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "speech by delegate", do: step{"m1", "record_speech", `{"id":"sp1","speaker":"m1","notes":"x"}`}, code: ErrForbidden, msg: "only a secretary or the chair enters speeches in the minutes"},
		{name: "speech twice", setup: []step{{"ben", "record_speech", `{"id":"sp1","speaker":"m1","notes":"x"}`}}, do: step{"ben", "record_speech", `{"id":"sp1","speaker":"m1","notes":"y"}`}, code: ErrConflict, msg: `there is already a speech "sp1"`},
		{name: "speaker and label", do: step{"ben", "record_speech", `{"id":"sp1","speaker":"m1","label":"DELEGATE","notes":"x"}`}, code: ErrInvalid, msg: "give either speaker (a person) or label, not both"},
		{name: "no speaker", do: step{"ben", "record_speech", `{"id":"sp1","notes":"x"}`}, code: ErrInvalid, msg: "say who: speaker (a person) or label (as the minutes name them)"},
		{name: "speech outside sitting", setup: []step{{"ann", "close_sitting", `{"sitting":"s1"}`}}, do: step{"ben", "record_speech", `{"id":"sp1","label":"DELEGATE","notes":"x"}`}, code: ErrClosed, msg: "no sitting is open; speeches are recorded in a sitting"},
		{name: "interjection kind", do: step{"ben", "record_interjection", `{"kind":"booing"}`}, code: ErrInvalid, msg: `record_interjection: the field "kind" must be one of applause, shouts, commotion, voice, interruption, laughter, not "booing"`},
		{name: "interjection unknown speech", do: step{"ben", "record_interjection", `{"kind":"applause","speech":"sp9"}`}, code: ErrNotFound, msg: `there is no speech "sp9"`},
		{name: "document empty", do: step{"ben", "read_document", `{"id":"d1","title":"Resolution"}`}, code: ErrInvalid, msg: "give the document's text or points, or its provenance when the text is lost"},
		{name: "gap backwards", do: step{"ben", "record_gap", `{"from":"1917-03-28","to":"1917-03-27","reason":"lost"}`}, code: ErrInvalid, msg: "the gap cannot end (1917-03-27) before it begins (1917-03-28)"},
		{name: "correct the future", do: step{"ben", "correct_record", `{"entry":100000,"text":"x","reason":"y"}`}, code: ErrNotFound, msg: "there is no entry 100000 yet; the log has 61 entries"},
		{name: "approve with defeated vote", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Approve the minutes?","method":"show_of_hands"}`}, {"ann", "close_vote", `{"vote":"v1"}`}, {"ann", "enter_count", `{"vote":"v1","for":2,"against":5}`}, {"ann", "declare_result", `{"vote":"v1"}`}}, do: step{"ann", "approve_minutes", `{"sitting":"s1","vote":"v1"}`}, code: ErrConflict, msg: "the vote v1 was defeated; the minutes are not approved"},
		{name: "approve twice", setup: []step{{"ann", "approve_minutes", `{"sitting":"s1"}`}}, do: step{"ann", "approve_minutes", `{"sitting":"s1"}`}, code: ErrConflict, msg: "the minutes of s1 are already approved"},
	})
}

func TestMotionRefusals(t *testing.T) {
	setup := []step{{"m1", "move_motion", `{"id":"main","kind":"substantive","title":"Main"}`}}
	runRefusals(t, "ronr", "", []refusal{
		{name: "no mandate", do: step{"outsider", "move_motion", `{"id":"x","kind":"substantive","title":"X"}`}, code: ErrForbidden, msg: "outsider holds no verified mandate and may not move motions"},
		{name: "in another's name", do: step{"m1", "move_motion", `{"id":"x","kind":"substantive","title":"X","mover":"m2"}`}, code: ErrForbidden, msg: "a delegate moves motions in their own name only; the chair or a secretary records others'"},
		{name: "amendment without target", do: step{"m1", "move_motion", `{"id":"x","kind":"amendment","title":"X"}`}, code: ErrInvalid, msg: "an amendment must say which motion it amends"},
		{name: "procedure missing", do: step{"m1", "move_motion", `{"id":"x","kind":"procedural","title":"X"}`}, code: ErrInvalid, msg: "a procedural motion must say which procedure it is (procedure)"},
		{name: "third level", setup: append(setup, step{"m2", "move_motion", `{"id":"a1","kind":"amendment","amends":"main","title":"A1"}`}, step{"m3", "move_motion", `{"id":"a2","kind":"amendment","amends":"a1","title":"A2"}`}), do: step{"m4", "move_motion", `{"id":"a3","kind":"amendment","amends":"a2","title":"A3"}`}, code: ErrConflict, msg: "a2 is already an amendment to an amendment; the rules allow no further level"},
		{name: "second own", setup: setup, do: step{"m1", "second_motion", `{"motion":"main","by":"m1"}`}, code: ErrConflict, msg: "m1 moved main and cannot second their own motion"},
		{name: "second consultative", setup: setup, do: step{"rep", "second_motion", `{"motion":"main","by":"rep"}`}, code: ErrForbidden, msg: "rep holds no verified decisive mandate and cannot second a motion"},
		{name: "second twice", setup: append(setup, step{"m2", "second_motion", `{"motion":"main","by":"m2"}`}), do: step{"m2", "second_motion", `{"motion":"main","by":"m2"}`}, code: ErrConflict, msg: "m2 has already seconded main"},
		{name: "withdraw by other", setup: setup, do: step{"m2", "withdraw_motion", `{"motion":"main"}`}, code: ErrForbidden, msg: "only the mover (m1) or the chair may withdraw main"},
		{name: "vote unseconded", setup: setup, do: step{"ann", "open_vote", `{"id":"v1","motion":"main","method":"show_of_hands"}`}, code: ErrConflict, msg: "the motion main has not been seconded; the rules require a second before the vote"},
		{name: "amendment first", setup: append(setup, step{"m2", "second_motion", `{"motion":"main","by":"m2"}`}, step{"m3", "move_motion", `{"id":"a1","kind":"amendment","amends":"main","title":"A1"}`}), do: step{"ann", "open_vote", `{"id":"v1","motion":"main","method":"show_of_hands"}`}, code: ErrConflict, msg: "a1 (A1) must be put to the vote before main"},
		{name: "previous question first", setup: append(setup, step{"m2", "second_motion", `{"motion":"main","by":"m2"}`}, step{"m3", "move_motion", `{"id":"pq","kind":"procedural","procedure":"close_discussion","title":"Previous question"}`}), do: step{"ann", "open_vote", `{"id":"v1","motion":"main","method":"show_of_hands"}`}, code: ErrConflict, msg: "pq (Previous question) must be put to the vote before main"},
		{name: "alternatives of one", setup: setup, do: step{"ann", "group_alternatives", `{"id":"g","title":"Basis","motions":["main"]}`}, code: ErrInvalid, msg: "alternatives are at least two competing drafts"},
		{name: "previous question not amendable", setup: append(setup, step{"m3", "move_motion", `{"id":"pq","kind":"procedural","procedure":"close_discussion","title":"Previous question"}`}), do: step{"m4", "move_motion", `{"id":"a","kind":"amendment","amends":"pq","title":"A"}`}, code: ErrConflict, msg: "pq (Previous question) cannot be amended under the rules of procedure"},
		{name: "previous question not debatable", setup: append(setup, step{"m2", "request_floor", `{"item":"i1","person":"m2"}`}, step{"m3", "move_motion", `{"id":"pq","kind":"procedural","procedure":"close_discussion","title":"Previous question"}`}), do: step{"ann", "give_floor", `{"item":"i1"}`}, code: ErrConflict, msg: "the pending question pq (Previous question) is not debatable; it is put to the vote without debate"},
		{name: "no request while undebatable", setup: append(setup, step{"m3", "move_motion", `{"id":"tab","kind":"procedural","procedure":"table","title":"Lay on the table"}`}), do: step{"m2", "request_floor", `{"item":"i1","person":"m2"}`}, code: ErrConflict, msg: "the pending question tab (Lay on the table) is not debatable; it is put to the vote without debate"},
		{name: "reconsider pending", setup: setup, do: step{"m2", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"main"}`}, code: ErrConflict, msg: "the motion main is pending; only a decided motion can be reconsidered"},
	})
}

func TestVoteRefusals(t *testing.T) {
	open := []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`}}
	closedV := append(append([]step{}, open...), step{"ann", "close_vote", `{"vote":"v1"}`})
	runRefusals(t, "congress", "", []refusal{
		{name: "open by delegate", do: step{"m1", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`}, code: ErrForbidden, msg: "only the chair puts a question to the vote"},
		{name: "nothing to vote", do: step{"ann", "open_vote", `{"id":"v1","method":"roll_call"}`}, code: ErrInvalid, msg: "say what is put to the vote: motion, alternatives or question"},
		{name: "vote twice", setup: open, do: step{"ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`}, code: ErrConflict, msg: `there is already a vote "v1"`},
		{name: "ballot after close", setup: closedV, do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}, code: ErrClosed, msg: "the vote v1 is closed; no ballot can be cast after the vote closes"},
		{name: "second ballot", setup: append(append([]step{}, open...), step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}), do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"against"}`}, code: ErrConflict, msg: "the mandate md-m1 has already voted in v1; there is no second ballot"},
		{name: "ballot for another", setup: open, do: step{"ann", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}, code: ErrForbidden, msg: "ann cannot cast a ballot for m1; each voter casts their own"},
		{name: "consultative", setup: open, do: step{"rep", "cast_ballot", `{"vote":"v1","voter":"rep","choice":"for"}`}, code: ErrForbidden, msg: "the mandate md-rep is not entitled to vote in v1: a consultative mandate gives a voice but no vote, unless the rules of procedure say that consultative votes vote too"},
		{name: "no mandate", setup: open, do: step{"outsider", "cast_ballot", `{"vote":"v1","voter":"outsider","choice":"for"}`}, code: ErrForbidden, msg: "outsider holds no verified mandate and is not entitled to vote in v1"},
		{name: "named group only", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call","eligible":{"organizations":["left"],"note":"members of the Left only"}}`}}, do: step{"m3", "cast_ballot", `{"vote":"v1","voter":"m3","choice":"for"}`}, code: ErrForbidden, msg: "the mandate md-m3 is not entitled to vote in v1 (members of the Left only)"},
		{name: "out of the hall", setup: append([]step{{"ben", "leave_hall", `{"persons":["m1"],"walkout":true}`}}, open...), do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}, code: ErrForbidden, msg: "m1 is not present in the hall; only those present vote"},
		{name: "bad choice", setup: open, do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"maybe"}`}, code: ErrInvalid, msg: `the choice is for, against or abstain, not "maybe"`},
		{name: "proxy not allowed", setup: open, do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for","for_mandate":"md-m2"}`}, code: ErrForbidden, msg: "the rules of procedure do not allow proxies"},
		{name: "close twice", setup: closedV, do: step{"ann", "close_vote", `{"vote":"v1"}`}, code: ErrClosed, msg: "the vote v1 is already closed"},
		{name: "token not secret", setup: open, do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for","token":"ABCDEFGHIJKLMNOP"}`}, code: ErrInvalid, msg: "only a secret ballot has a token; the vote v1 is by roll call"},
		{name: "sealed not secret", setup: open, do: step{"ann", "close_vote", `{"vote":"v1","sealed":["for"]}`}, code: ErrInvalid, msg: "only a secret vote has sealed ballots"},
		{name: "count with ballots", setup: append(append([]step{}, open...), step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}), do: step{"ann", "enter_count", `{"vote":"v1","for":3,"against":1}`}, code: ErrConflict, msg: "ballots were cast one by one in v1; its result is counted from them"},
		{name: "count by delegate", setup: open, do: step{"m1", "enter_count", `{"vote":"v1","for":3,"against":1}`}, code: ErrForbidden, msg: "only the chair or a teller enters a count"},
		{name: "count missing against", setup: open, do: step{"kim", "enter_count", `{"vote":"v1","for":3}`}, code: ErrInvalid, msg: `enter_count: the field "against" is required; only a side stated as majority, minority or rest may stand alone`},
		{name: "contradictory words", setup: open, do: step{"kim", "enter_count", `{"vote":"v1","for":"majority","against":"majority"}`}, code: ErrInvalid, msg: "the counts contradict each other: the majority for, the majority against"},
		{name: "declare while open", setup: open, do: step{"ann", "declare_result", `{"vote":"v1"}`}, code: ErrConflict, msg: "the vote v1 is still open; close it before declaring the result"},
		{name: "declare without count", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`}, {"ann", "close_vote", `{"vote":"v1"}`}}, do: step{"ann", "declare_result", `{"vote":"v1"}`}, code: ErrInvalid, msg: "no count was recorded for v1; declare the outcome (carried or defeated)"},
		// A roll call nobody voted in is a count of none, which the rules
		// decide: no majority of none.
		{name: "empty roll call declared carried", setup: closedV, do: step{"ann", "declare_result", `{"vote":"v1","outcome":"carried"}`}, code: ErrConflict, msg: "the count (0 for, 0 against, 0 cast; 1 needed) means the motion is defeated; it cannot be declared carried"},
		{name: "declare against count", setup: append(append([]step{}, closedV...), step{"kim", "enter_count", `{"vote":"v1","for":6,"against":4}`}), do: step{"ann", "declare_result", `{"vote":"v1","outcome":"defeated"}`}, code: ErrConflict, msg: "the count (6 for, 4 against, 10 cast; 6 needed) means the motion is carried; it cannot be declared defeated"},
		{name: "overlapping ranges", setup: append(append([]step{}, closedV...), step{"kim", "enter_count", `{"vote":"v1","for":"3-5","against":"4-6"}`}), do: step{"ann", "declare_result", `{"vote":"v1"}`}, code: ErrInvalid, msg: "the count (3–5 for, 4–6 against; the count does not decide) does not decide the vote; declare the outcome"},
		{name: "more votes than present", setup: closedV, do: step{"kim", "enter_count", `{"vote":"v1","for":74,"against":66}`}, code: ErrConflict, msg: "the count gives at least 140 votes in v1, but only 10 could be cast: 10 entitled to vote were present when it was opened, 10 are now; count again"},
		{name: "declare twice", setup: append(append([]step{}, closedV...), step{"ann", "declare_result", `{"vote":"v1"}`}), do: step{"ann", "declare_result", `{"vote":"v1","outcome":"carried"}`}, code: ErrClosed, msg: "the result of v1 is already declared: defeated"},
	})
	runRefusals(t, "ronr", "", []refusal{
		{name: "no quorum", setup: []step{{"ben", "leave_hall", `{"persons":["m1","m2","m3","m4","m5"],"walkout":true}`}}, do: step{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`}, code: ErrConflict, msg: "there is no quorum: 5 voting members present, 6 needed"},
	})
	runRefusals(t, "congress", "", []refusal{
		{name: "secret sealed count", setup: []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"secret"}`}, {"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for","token":"ABCDEFGHIJKLMNOP"}`}}, do: step{"ann", "close_vote", `{"vote":"v1","sealed":[{"token":"ABCDEFGHIJKLMNOP","choice":"for"},{"token":"QRSTUVWXYZ234567","choice":"against"}]}`}, code: ErrInvalid, msg: "the sealed ballots (2) must number the votes cast (1)"},
	})
}

func TestElectionRefusals(t *testing.T) {
	open := []step{{"ann", "open_election", `{"id":"e1","title":"Drafting committee","body":"c1","seats":2,"method":"plurality","candidates":["m1","m2","m3"]}`}}
	runRefusals(t, "congress", "", []refusal{
		{name: "list method without lists", do: step{"ann", "open_election", `{"id":"e1","title":"C","seats":2,"method":"dhondt"}`}, code: ErrInvalid, msg: "the method dhondt elects from lists; give the lists"},
		{name: "nominate twice", setup: open, do: step{"ann", "nominate", `{"election":"e1","person":"m1"}`}, code: ErrConflict, msg: "m1 is already a candidate in e1"},
		{name: "too many names", setup: open, do: step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m1","m2","m3"]}`}, code: ErrInvalid, msg: "a ballot in e1 names at most 2 candidates, one per seat"},
		{name: "not a candidate", setup: open, do: step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m9"]}`}, code: ErrInvalid, msg: "m9 is not a candidate in e1"},
		{name: "second ballot", setup: append(append([]step{}, open...), step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m1"]}`}), do: step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m2"]}`}, code: ErrConflict, msg: "the mandate md-m4 has already voted in e1; there is no second ballot"},
		{name: "after close", setup: append(append([]step{}, open...), step{"ann", "close_election", `{"election":"e1"}`}), do: step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m2"]}`}, code: ErrClosed, msg: "the election e1 is closed; no ballot can be cast after it closes"},
		{name: "declare open", setup: open, do: step{"ann", "declare_election", `{"election":"e1"}`}, code: ErrConflict, msg: "the election e1 is still open; close it first"},
		{name: "declare too many", setup: append(append([]step{}, open...), step{"ann", "close_election", `{"election":"e1"}`}), do: step{"ann", "declare_election", `{"election":"e1","elected":["m1","m2","m3"]}`}, code: ErrInvalid, msg: "3 are named elected but e1 fills 2 seats"},
		{name: "declare against ballots", setup: append(append([]step{}, open...), step{"m4", "cast_election_ballot", `{"election":"e1","voter":"m4","approve":["m1","m2"]}`}, step{"m5", "cast_election_ballot", `{"election":"e1","voter":"m5","approve":["m1","m3"]}`}, step{"m6", "cast_election_ballot", `{"election":"e1","voter":"m6","approve":["m1","m3"]}`}, step{"ann", "close_election", `{"election":"e1"}`}), do: step{"ann", "declare_election", `{"election":"e1","elected":["m1","m2"]}`}, code: ErrConflict, msg: "the ballots elect m1, m3 (plurality, 3 ballots: m1 3, m2 1, m3 2; elected: m1, m3), not m1, m2"},
	})
}

// decided is the setup of a motion main moved by m1, seconded by m2 and
// put to the vote v1 by the method given; on a roll call m1–m6 vote for
// and m7–m8 against (or the reverse when defeated); otherwise the count
// decides. outcome "" leaves the vote open, "closed" closes it undeclared.
func decided(method, outcome string) []step {
	st := []step{
		{"m1", "move_motion", `{"id":"main","kind":"substantive","title":"Main"}`},
		{"m2", "second_motion", `{"motion":"main","by":"m2"}`},
		{"ann", "open_vote", `{"id":"v1","motion":"main","method":"` + method + `"}`},
	}
	if method == "roll_call" {
		yes, no := "for", "against"
		if outcome == "defeated" {
			yes, no = no, yes
		}
		for i := 1; i <= 8; i++ {
			ch := yes
			if i > 6 {
				ch = no
			}
			p := fmt.Sprintf("m%d", i)
			st = append(st, step{p, "cast_ballot", fmt.Sprintf(`{"vote":"v1","voter":%q,"choice":%q}`, p, ch)})
		}
	}
	if outcome == "" {
		return st
	}
	st = append(st, step{"ann", "close_vote", `{"vote":"v1"}`})
	switch {
	case outcome == "closed":
	case method == "roll_call":
		st = append(st, step{"ann", "declare_result", `{"vote":"v1"}`})
	default:
		st = append(st, step{"ann", "declare_result", `{"vote":"v1","outcome":"` + outcome + `"}`})
	}
	return st
}

func reconsider(actor, id, target string) step {
	return step{actor, "move_motion", `{"id":"` + id + `","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"` + target + `"}`}
}

func TestReconsiderRefusals(t *testing.T) {
	carried := decided("roll_call", "carried")
	only := "only a vote declared carried or defeated can be reconsidered"
	nextSitting := append(append([]step{}, carried...), step{"ann", "close_sitting", `{"sitting":"s1"}`}, step{"ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","secretaries":["ben"]}`})
	cases := []refusal{
		{name: "vote open", setup: decided("roll_call", ""), do: reconsider("m3", "r", "v1"), code: ErrConflict, msg: "the vote v1 is still open; " + only},
		{name: "vote not declared", setup: decided("roll_call", "closed"), do: reconsider("m3", "r", "v1"), code: ErrConflict, msg: "the result of v1 is not yet declared; " + only},
		{name: "result not recorded", setup: decided("show_of_hands", "not_recorded"), do: reconsider("m3", "r", "v1"), code: ErrConflict, msg: "the result of v1 is not recorded; " + only},
		{name: "motion not recorded", setup: decided("show_of_hands", "not_recorded"), do: reconsider("m3", "r", "main"), code: ErrConflict, msg: "the motion main is not recorded; only a decided motion can be reconsidered"},
		{name: "another sitting", setup: nextSitting, do: reconsider("m3", "r", "v1"), code: ErrConflict, msg: "the vote v1 was taken in the sitting s1; a motion to reconsider it is moved in that same sitting, not in s2"},
		{name: "another sitting by motion", setup: nextSitting, do: reconsider("m3", "r", "main"), code: ErrConflict, msg: "the vote v1 was taken in the sitting s1; a motion to reconsider it is moved in that same sitting, not in s2"},
		{name: "voted with the losing side", setup: carried, do: reconsider("m7", "r", "v1"), code: ErrConflict, msg: "m7 voted against in v1, which was carried; only one who voted with the prevailing side (for) may move to reconsider it"},
		{name: "voted for a defeated motion", setup: decided("roll_call", "defeated"), do: reconsider("m7", "r", "main"), code: ErrConflict, msg: "m7 voted for in v1, which was defeated; only one who voted with the prevailing side (against) may move to reconsider it"},
		{name: "did not vote", setup: carried, do: reconsider("m9", "r", "v1"), code: ErrConflict, msg: "m9 did not vote in v1; only one who voted with the prevailing side (for) may move to reconsider it"},
		{name: "recorded for one who did not vote", setup: carried, do: step{"ben", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1","mover":"m9"}`}, code: ErrConflict, msg: "m9 did not vote in v1; only one who voted with the prevailing side (for) may move to reconsider it"},
		{name: "reconsidered twice", setup: append(append([]step{}, carried...), reconsider("m3", "r1", "v1")), do: reconsider("m4", "r2", "v1"), code: ErrConflict, msg: "a motion to reconsider v1 was already made (r1); a vote is reconsidered only once"},
		{name: "reconsidered twice by motion", setup: append(append([]step{}, carried...), reconsider("m3", "r1", "v1")), do: reconsider("m4", "r2", "main"), code: ErrConflict, msg: "a motion to reconsider v1 was already made (r1); a vote is reconsidered only once"},
		{name: "reconsidered after withdrawal", setup: append(append([]step{}, carried...), reconsider("m3", "r1", "main"), step{"m3", "withdraw_motion", `{"motion":"r1"}`}), do: reconsider("m4", "r2", "v1"), code: ErrConflict, msg: "a motion to reconsider v1 was already made (r1); a vote is reconsidered only once"},
		{name: "vote on no motion", setup: []step{{"ann", "open_vote", `{"id":"q","question":"Q","method":"show_of_hands"}`}, {"ann", "close_vote", `{"vote":"q"}`}, {"ann", "declare_result", `{"vote":"q","outcome":"carried"}`}}, do: reconsider("m3", "r", "q"), code: ErrInvalid, msg: "the vote q was on no motion; only a vote on a motion can be reconsidered"},
		{name: "target neither", setup: carried, do: reconsider("m3", "r", "i1"), code: ErrInvalid, msg: "a motion to reconsider names the decided motion, or the vote on it, as its target"},
	}
	runRefusals(t, "ronr", "", cases)
	// Congress rules with the override ask for the same conditions.
	runRefusals(t, "congress", `{"reconsider_rules":true}`, []refusal{
		{name: "congress with the rule", setup: carried, do: reconsider("m7", "r", "v1"), code: ErrConflict, msg: "m7 voted against in v1, which was carried; only one who voted with the prevailing side (for) may move to reconsider it"},
	})
	// Without the rule the motion must still be decided.
	runRefusals(t, "congress", "", []refusal{
		{name: "congress vote open", setup: decided("roll_call", ""), do: reconsider("m3", "r", "v1"), code: ErrConflict, msg: "the motion main is pending; only a decided motion can be reconsidered"},
		{name: "congress vote on no motion", setup: []step{{"ann", "open_vote", `{"id":"q","question":"Q","method":"show_of_hands"}`}}, do: reconsider("m3", "r", "q"), code: ErrInvalid, msg: "the vote q was on no motion; only a vote on a motion can be reconsidered"},
	})
}

// TestReconsiderAccepted: what Robert's conditions let through, and what a
// carried reconsideration does.
func TestReconsiderAccepted(t *testing.T) {
	setup := func(t *testing.T, preset, overrides string, steps []step) *harness {
		h := fixture(t, preset, overrides)
		for _, s := range steps {
			h.must(s.actor, s.cmd, s.args)
		}
		return h
	}
	unchecked := func(v, how, side string) string {
		return v + " was by " + how + "; whether the mover voted with the prevailing side (" + side + ") cannot be checked"
	}
	// A roll call whose result was entered as a count, not as ballots.
	counted := append(decided("roll_call", "")[:3], step{"ann", "close_vote", `{"vote":"v1"}`}, step{"kim", "enter_count", `{"vote":"v1","for":6,"against":2}`}, step{"ann", "declare_result", `{"vote":"v1"}`})
	cases := []struct {
		name, preset, overrides string
		setup                   []step
		do                      step
		note                    string
	}{
		{"prevailing side by vote", "ronr", "", decided("roll_call", "carried"), reconsider("m3", "r", "v1"), ""},
		{"prevailing side by motion", "ronr", "", decided("roll_call", "carried"), reconsider("m3", "r", "main"), ""},
		{"prevailing side of a defeat", "ronr", "", decided("roll_call", "defeated"), reconsider("m1", "r", "v1"), ""},
		{"recorded by the secretary", "ronr", "", decided("roll_call", "carried"), step{"ben", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1","mover":"m4"}`}, ""},
		{"label only, show of hands", "ronr", "", decided("show_of_hands", "carried"), step{"ben", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1","label":"A DELEGATE"}`}, unchecked("v1", "a show of hands", "for")},
		{"show of hands", "ronr", "", decided("show_of_hands", "carried"), reconsider("m9", "r", "v1"), unchecked("v1", "a show of hands", "for")},
		{"show of hands defeated", "ronr", "", decided("show_of_hands", "defeated"), reconsider("m9", "r", "main"), unchecked("v1", "a show of hands", "against")},
		{"roll call counted", "ronr", "", counted, reconsider("m9", "r", "v1"), unchecked("v1", "roll call with no ballots recorded", "for")},
		{"ronr without the rule", "ronr", `{"reconsider_rules":false}`, decided("roll_call", "carried"), reconsider("m7", "r", "v1"), ""},
		{"congress losing side", "congress", "", decided("roll_call", "carried"), reconsider("m7", "r", "main"), ""},
		{"congress twice", "congress", "", append(decided("roll_call", "carried"), reconsider("m3", "r0", "v1")), reconsider("m4", "r", "v1"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := setup(t, c.preset, c.overrides, c.setup)
			h.must(c.do.actor, c.do.cmd, c.do.args)
			r := h.s.Motions["r"]
			if r.Reconsiders != "v1" || r.Note != c.note {
				t.Fatalf("reconsiders %q, note %q; want v1, %q", r.Reconsiders, r.Note, c.note)
			}
		})
	}
	// A secret ballot: sides are unknown.
	h := setup(t, "ronr", "", decided("secret", "")[:3])
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("ann", "declare_result", `{"vote":"v1","outcome":"carried"}`)
	h.must("m9", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1"}`)
	if n := h.s.Motions["r"].Note; n != unchecked("v1", "secret ballot", "for") {
		t.Fatalf("secret: note %q", n)
	}

	// A carried reconsideration puts the question back; it is voted anew,
	// and that new vote may itself be reconsidered once.
	h = setup(t, "ronr", "", decided("roll_call", "carried"))
	h.must("m3", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1"}`)
	h.must("m4", "second_motion", `{"motion":"r","by":"m4"}`)
	h.must("ann", "open_vote", `{"id":"v2","motion":"r","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v2"}`)
	h.must("kim", "enter_count", `{"vote":"v2","for":7,"against":3}`)
	h.must("ann", "declare_result", `{"vote":"v2"}`)
	if st := h.s.Motions["main"].Status; st != MotionStatusPending {
		t.Fatalf("after a carried reconsideration main is %s", st)
	}
	h.refuse("m5", "move_motion", `{"id":"r2","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"main"}`, ErrConflict, "the motion main is pending; only a decided motion can be reconsidered")
	h.must("ann", "open_vote", `{"id":"v3","motion":"main","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v3"}`)
	h.must("kim", "enter_count", `{"vote":"v3","for":2,"against":8}`)
	h.must("ann", "declare_result", `{"vote":"v3"}`)
	h.refuse("m5", "move_motion", `{"id":"r2","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1"}`, ErrConflict, "a motion to reconsider v1 was already made (r); a vote is reconsidered only once")
	h.must("m5", "move_motion", `{"id":"r2","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"main"}`)
	if r := h.s.Motions["r2"]; r.Reconsiders != "v3" {
		t.Fatalf("r2 reconsiders %q", r.Reconsiders)
	}
}
