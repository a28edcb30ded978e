package assembly

import (
	"fmt"
	"testing"

	"plenum/internal/enctest"
)

// TestMayDoZeroCommandRefusesWhomTheRulesRefuse: the zero command
// (NewCommand) asks whether an actor may give such commands at all, so
// MayDo must say no to it wherever the rules refuse the actor a
// well-formed command of its type for want of authority, else a page
// offers a form the rules refuse on submit. Every command of the three
// scripts and of the fixtures (zeroFixtures) is given again, at the state
// it was given at, by actors who hold no office (officeless): a delegate
// with a verified mandate, a person with no mandate, an actor the
// assembly does not know. Where the rules refuse it ErrForbidden, MayDo
// must say no to the zero command of its type, and to the command itself;
// except for the commands whose authority depends on what they name
// (zeroNamesNobody), of which the zero command cannot know. The command
// types never so refused are listed, and may be none but zeroUncovered.
func TestMayDoZeroCommandRefusesWhomTheRulesRefuse(t *testing.T) {
	refused := map[string]bool{} // command type → refused for authority
	wrong := map[string]string{} // command type → the first counter-example
	beforeHooks.Store(t, func(h *harness, m Meta, c Command) {
		name := c.CommandName()
		zero, ok := NewCommand(name)
		if !ok {
			h.t.Fatalf("NewCommand(%q): no such command", name)
		}
		for _, who := range officeless(h.s) {
			m := m
			m.Actor, m.Key = who.id, ""
			_, err := Decide(h.s, m, c)
			if CodeOf(err) != ErrForbidden {
				continue
			}
			refused[name] = true
			if h.s.MayDo(who.id, c) {
				h.t.Errorf("MayDo(%s, %s with its arguments) says yes, but the rules refuse it: %v", who.id, name, err)
			}
			if h.s.MayDo(who.id, zero) && wrong[name] == "" {
				wrong[name] = who.kind + " " + who.id + ": " + err.Error()
			}
		}
	})
	defer beforeHooks.Delete(t)
	for _, f := range scriptFiles {
		replayScript(t, f, nil)
	}
	zeroFixtures(t)
	for _, name := range CommandNames() {
		_, named := zeroNamesNobody[name]
		_, unknown := zeroUncovered[name]
		switch {
		case wrong[name] != "" && !named:
			t.Errorf("%s: MayDo says yes to the zero command, but the rules refuse a well-formed one for want of authority (%s)", name, wrong[name])
		case wrong[name] == "" && named:
			t.Errorf("%s is listed in zeroNamesNobody, but MayDo says no to its zero command wherever the rules refuse it: take it off the list", name)
		case !refused[name] && !unknown:
			t.Errorf("%s: no command of the scripts or fixtures is refused for want of authority to one who holds no office; add one to zeroFixtures, or say why in zeroUncovered", name)
		case refused[name] && unknown:
			t.Errorf("%s is listed in zeroUncovered, but is covered: take it off the list", name)
		}
	}
}

// zeroNamesNobody are the commands whose authority depends on what they
// name, so that MayDo cannot tell from the zero command whether the rules
// refuse the actor (MayDo's doc): none of them is a set-up page's.
var zeroNamesNobody = map[string]string{
	"cast_ballot":             "each voter casts their own ballot (voter), if entitled in the vote named",
	"cast_election_ballot":    "each voter casts their own ballot (voter), if entitled in the election named",
	"cast_encrypted_ballot":   "each voter casts their own ballot (voter), if entitled in the vote or election named",
	"leave_hall":              "the persons named record their own leaving",
	"return_to_hall":          "the persons named record their own return",
	"move_motion":             "a delegate moves motions in their own name (mover, label)",
	"submit_motion":           "a delegate submits in their own name or their delegation's (submitter, delegation)",
	"support_motion":          "a delegate supports in their own name or their delegation's (delegation)",
	"withdraw_support":        "a delegate withdraws their own or their delegation's support (delegation)",
	"withdraw_motion":         "the mover withdraws their own motion (motion)",
	"set_motion_state":        "who may move a motion depends on the state (those who submitted it withdraw it)",
	"post_trustee_key":        "the trustees of the vote or election named",
	"post_dealing":            "the trustees of the vote or election named",
	"post_confirmation":       "the trustees of the vote or election named",
	"post_partial_decryption": "the trustees of the vote or election named",
}

// zeroUncovered are the commands never refused for want of authority, and
// why.
var zeroUncovered = map[string]string{
	"create_assembly": "anyone may create an assembly in an empty log (its creator administers it); it is refused only as a conflict after",
}

// anActor is an actor of the test, and what kind of actor.
type anActor struct{ kind, id string }

// officeless are the actors at s who hold no office: the first delegate
// with a verified mandate and the first person with no mandate, if there
// are any, and an actor s does not know.
func officeless(s *State) []anActor {
	var out []anActor
	for _, id := range s.MandateOrder {
		md := s.Mandates[id]
		if md.Status == MandateStatusVerified && !holdsOffice(s, md.Person) {
			out = append(out, anActor{"the delegate", md.Person})
			break
		}
	}
	mandated := map[string]bool{}
	for _, md := range s.Mandates {
		mandated[md.Person] = true
		mandated[md.Proxy] = true
	}
	for _, p := range s.PersonOrder {
		if !mandated[p] && !holdsOffice(s, p) {
			out = append(out, anActor{"the person with no mandate", p})
			break
		}
	}
	return append(out, anActor{"the unknown actor", "nobody-known"})
}

// holdsOffice reports whether p holds a role or an office of a sitting,
// a body, an item or an encrypted vote or election at s.
func holdsOffice(s *State, p string) bool {
	for _, on := range s.Roles[p] {
		if on {
			return true
		}
	}
	for _, st := range s.Sittings {
		if st.Chair == p || contains(st.Presidium, p) || contains(st.Secretaries, p) || contains(st.Guests, p) {
			return true
		}
	}
	for _, b := range s.Bodies {
		if contains(b.Members, p) {
			return true
		}
	}
	for _, it := range s.Items {
		if contains(it.Reporters, p) || contains(it.CoReporters, p) {
			return true
		}
	}
	return false
}

// zeroFixtures gives, in the tests' fixtures, the commands the scripts do
// not give, with the arguments the tests give them (the test named in
// each comment), so that they are decided by the officeless too.
func zeroFixtures(t *testing.T) {
	h := fixture(t, "congress", `{"proxies_allowed":true}`)
	for _, s := range []step{
		// TestMayDoAsTheRulesDecide, TestBodyRefusals
		{"ann", "form_body", `{"id":"b1","name":"Tellers","kind":"commission","members":["m1"]}`},
		{"ann", "add_body_members", `{"body":"b1","persons":["m3"]}`},
		{"ann", "remove_body_members", `{"body":"b1","persons":["m3"]}`},
		// TestRecordText
		{"ann", "allot_speaking_time", `{"item":"i1","allowances":{"org":60}}`},
		// TestChairSetsSpeakingTime
		{"ann", "set_speaking_time", `{"item":"i1","seconds":300}`},
		// TestProxyAndWalkout
		{"cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3","note":"m1 left for the front"}`},
		// TestAmend*
		{"ann", "amend_assembly", `{"name":"The 14th Congress","ends":"2026-05-11","venues":["Hall A","Hall B"],"language":"fr","description":"Annual."}`},
		{"cara", "amend_person", `{"person":"m1","ref":"M-1"}`},
		{"cara", "amend_organization", `{"organization":"org","name":"The Organisation","number":"7"}`},
		{"ann", "set_rules", `{"overrides":{"weighted_votes":true}}`},
		{"cara", "amend_mandate", `{"mandate":"md-m1","weight":2}`},
		// TestPresence
		{"ann", "define_mark", `{"mark":"*","meaning":"also a delegate to the Soviet conference"}`},
		{"cara", "mark_mandate", `{"mandate":"md-m1","mark":"*"}`},
		// TestAccess*
		{"cara", "issue_access_codes", `{"persons":["m1","m2","rep"]}`},
		{"cara", "revoke_access_codes", `{"persons":["m2"],"reason":"lost card"}`},
		// TestReadersOfTheRecord
		{"ann", "set_record_access", `{"access":"officers"}`},
		// TestScreens
		{"ben", "set_screen", `{"screen":"press","name":"Press room","show":"message","message":"The sitting resumes at 14:00."}`},
		{"ann", "set_countdown", `{"screen":"hall","label":"Break","seconds":900}`},
		// TestTiming, TestAgendaRefusals
		{"ann", "plan_item", `{"item":"i1","minutes":30}`},
		{"ann", "add_item", `{"id":"i2","title":"x"}`},
		{"ann", "reorder_items", `{"items":["i2","i1"]}`},
		// TestRetitleItem
		{"ann", "retitle_item", `{"item":"i2","title":"The accounts","reason":"misspelt"}`},
		// TestSetReporters
		{"ann", "set_reporters", `{"item":"i2","reporters":["rep"],"co_reporters":["kim"]}`},
		// TestSetItemThreshold
		{"ann", "set_item_threshold", `{"item":"i2","threshold":"two_thirds_cast"}`},
		// TestFloorRefusals
		{"m2", "request_floor", `{"item":"i1","person":"m2"}`},
		{"m2", "withdraw_request", `{"item":"i1","person":"m2"}`},
		{"ann", "close_list", `{"item":"i1"}`},
		{"ann", "reopen_list", `{"item":"i1"}`},
		{"ann", "table_item", `{"item":"i1"}`},
		{"ann", "resume_item", `{"item":"i1"}`},
		// TestElections, TestWithdrawRefusals
		{"ann", "open_election", `{"id":"e1","title":"Committee to draft the resolution","body":"draft","seats":2,"method":"plurality","candidates":["m1","m2","m3"],"instruction":"draft the resolution"}`},
		{"ann", "nominate", `{"election":"e1","person":"m4"}`},
		{"m5", "cast_election_ballot", `{"election":"e1","voter":"m5","approve":["m1","m4"]}`},
		{"ann", "withdraw_election", `{"election":"e1","reason":"two seats, not one","consent":"by a show of hands"}`},
		{"ann", "open_vote", `{"id":"v","question":"Q","method":"show_of_hands"}`},
		{"ann", "withdraw_vote", `{"vote":"v","reason":"opened by mistake","consent":"no objection"}`},
		// TestRecordRefusals
		{"ann", "approve_minutes", `{"sitting":"s1"}`},
		// TestAttendance
		{"ben", "check_out", `{"person":"m4"}`},
		// TestOrgRemove
		{"ann", "add_organization", `{"id":"dup","name":"Dup","kind":"delegating"}`},
		{"ben", "remove_organization", `{"organization":"dup","note":"typed twice"}`},
		// TestMayDoAsTheRulesDecide
		{"ann", "revoke_role", `{"person":"kim","role":"teller"}`},
	} {
		h.must(s.actor, s.cmd, s.args)
	}
	// TestStrikeRecord: a line entered twice is struck out.
	twice := h.s.Events
	h.must("ben", "record_narrative", `{"text":"The sitting resumes."}`)
	h.must("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"entered twice"}`, twice))
	// Motions submitted before the sitting (congress, submitDues); no test
	// classifies a motion or withdraws support: these follow
	// docs/script.md.
	h = congress(t, "congress")
	submitDues(h)
	h.must("ann", "add_motion_block", `{"id":"b-dues","title":"Dues"}`)
	h.must("ann", "classify_motion", `{"motion":"d1","block":"b-dues"}`)
	h.must("m5", "withdraw_support", `{"motion":"d1","delegation":"east"}`)
	// TestRecordAttendance
	restored(t, "congress", "").must("cara", "record_attendance", `{}`)
	// The key ceremonies and ballots of encrypted votes and elections.
	h, c := encryptedVote(t, false)
	h.must("m1", "cast_encrypted_ballot", args("vote", "v", "voter", "m1", "ballot", enctest.Ballot(t, c.Key, 3, 0, "md-m1")))
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("ben", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 3, h.s.Votes["v"].Encrypted.Tally.Totals)))
}
