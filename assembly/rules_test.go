package assembly

import (
	"reflect"
	"testing"
	"time"
)

// This file tests the rules of docs/rules.md that are not a plain
// refusal: each test is named in the table's rows.

var (
	mainMotion = step{"m1", "move_motion", `{"id":"main","kind":"substantive","title":"Main"}`}
	secondMain = step{"m2", "second_motion", `{"motion":"main","by":"m2"}`}
	amendment1 = step{"m3", "move_motion", `{"id":"a1","kind":"amendment","amends":"main","title":"A1"}`}
)

func TestPendingLimits(t *testing.T) {
	refused := []refusal{
		{name: "second primary amendment", setup: []step{mainMotion, amendment1},
			do:   step{"m4", "move_motion", `{"id":"a2","kind":"amendment","amends":"main","title":"A2"}`},
			code: ErrConflict, msg: "a1 (A1) is already pending as an amendment to main; the rules allow one amendment to a motion at a time: vote on it, or withdraw it, first"},
		{name: "second secondary amendment", setup: []step{mainMotion, amendment1, {"m4", "move_motion", `{"id":"a11","kind":"amendment","amends":"a1","title":"A1.1"}`}},
			do:   step{"m5", "move_motion", `{"id":"a12","kind":"amendment","amends":"a1","title":"A1.2"}`},
			code: ErrConflict, msg: "a11 (A1.1) is already pending as an amendment to a1; the rules allow one amendment to a motion at a time: vote on it, or withdraw it, first"},
	}
	runRefusals(t, "ronr", "", append(refused, refusal{name: "second main motion", setup: []step{mainMotion},
		do:   step{"m4", "move_motion", `{"id":"other","kind":"substantive","title":"Other"}`},
		code: ErrConflict, msg: "the main motion main (Main) is pending on i1; the rules of procedure allow one main motion at a time, so a new one is moved when it is disposed of"}))
	// Congress rules allow competing drafts, and several amendments at
	// once, put to the vote in turn; with the override, one at a time.
	runRefusals(t, "congress", `{"amendments_at_once":false}`, refused)
	h := fixture(t, "congress", "")
	h.must(mainMotion.actor, mainMotion.cmd, mainMotion.args)
	h.must("m4", "move_motion", `{"id":"other","kind":"substantive","title":"Other"}`)
	h.must("ann", "group_alternatives", `{"id":"g","title":"Basis","motions":["main","other"]}`)
	for _, st := range []step{amendment1, {"m5", "move_motion", `{"id":"a2","kind":"amendment","amends":"main","title":"A2"}`}} {
		h.must(st.actor, st.cmd, st.args)
	}
	// So may ronr with the override, and congress without it may not.
	h = fixture(t, "ronr", `{"competing_drafts":true}`)
	h.must(mainMotion.actor, mainMotion.cmd, mainMotion.args)
	h.must("m4", "move_motion", `{"id":"other","kind":"substantive","title":"Other"}`)
	runRefusals(t, "congress", `{"competing_drafts":false}`, []refusal{{name: "congress without drafts", setup: []step{mainMotion},
		do:   step{"m4", "move_motion", `{"id":"other","kind":"substantive","title":"Other"}`},
		code: ErrConflict, msg: "the main motion main (Main) is pending on i1; the rules of procedure allow one main motion at a time, so a new one is moved when it is disposed of"}})
	// Once the first amendment is disposed of, the next may be moved.
	h = fixture(t, "ronr", "")
	for _, st := range []step{mainMotion, amendment1, {"m3", "withdraw_motion", `{"motion":"a1"}`}} {
		h.must(st.actor, st.cmd, st.args)
	}
	h.must("m4", "move_motion", `{"id":"a2","kind":"amendment","amends":"main","title":"A2"}`)

	// A carried reconsideration may not put a decided main motion back
	// beside a pending one: the motion to reconsider waits.
	h = fixture(t, "ronr", "")
	for _, st := range decided("roll_call", "carried") {
		h.must(st.actor, st.cmd, st.args)
	}
	h.must("m3", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1"}`)
	h.must("m4", "second_motion", `{"motion":"r","by":"m4"}`)
	h.must("m5", "move_motion", `{"id":"next","kind":"substantive","title":"Next"}`)
	h.refuse("ann", "open_vote", `{"id":"v2","motion":"r","method":"show_of_hands"}`, ErrConflict, "carrying r would make main pending again beside next (Next); put the motion to reconsider to the vote once next is disposed of")
	h.must("m5", "withdraw_motion", `{"motion":"next"}`)
	h.must("ann", "open_vote", `{"id":"v2","motion":"r","method":"show_of_hands"}`)
}

func TestUnnamedLeaveHall(t *testing.T) {
	h := fixture(t, "ronr", "")
	if p, n, ok := h.s.Quorum(); p != 10 || n != 6 || !ok {
		t.Fatalf("quorum %d of %d needed (%v)", p, n, ok)
	}
	h.refuse("ben", "leave_hall", `{"unnamed":11,"walkout":true}`, ErrConflict, "only 10 members with a vote are present, and 0 of them left unnamed before; 11 more cannot leave unnamed")
	h.must("ben", "leave_hall", `{"unnamed":3,"walkout":true,"note":"three walk out"}`)
	if p, _, _ := h.s.Quorum(); p != 7 {
		t.Fatalf("after three walked out the quorum counts %d present, want 7", p)
	}
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	want := AttendanceSnapshot{Eligible: 10, Present: 7, WalkedOut: 3, ByKind: map[string]int{"decisive": 10}, UnnamedOut: 3}
	if got := h.s.Votes["v1"].Attendance; !reflect.DeepEqual(got, want) {
		t.Fatalf("the next vote's attendance %+v, want %+v", got, want)
	}
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.refuse("kim", "enter_count", `{"vote":"v1","for":5,"against":3}`, ErrConflict, "the count gives at least 8 votes in v1, but only 7 could be cast: 7 entitled to vote were present when it was opened, 7 are now; count again")
	h.must("kim", "enter_count", `{"vote":"v1","for":5,"against":2}`)
	// Two more leave unnamed; then the three named who remain cannot all
	// leave, as only five are present and two of those left unnamed.
	h.must("ben", "leave_hall", `{"unnamed":2}`)
	h.refuse("ben", "leave_hall", `{"persons":["m1","m2","m3","m4","m5","m6"]}`, ErrConflict, "10 members with a vote are present by name and 5 left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)")
	h.refuse("ann", "open_vote", `{"id":"v2","question":"Q","method":"show_of_hands"}`, ErrConflict, "there is no quorum: 5 voting members present, 6 needed")
	h.must("ben", "return_to_hall", `{"unnamed":4}`)
	if a := h.s.Attendance; a.UnnamedOut != 1 || a.UnnamedWalkedOut != 0 {
		t.Fatalf("after four returned: %d out unnamed, %d walked out unnamed", a.UnnamedOut, a.UnnamedWalkedOut)
	}
	h.must("ann", "open_vote", `{"id":"v2","question":"Q","method":"show_of_hands"}`)
	if got := h.s.Votes["v2"].Attendance; got.Present != 9 || got.Absent != 1 || got.UnnamedOut != 1 {
		t.Fatalf("attendance %+v", got)
	}
}

func TestHandCountAtEntry(t *testing.T) {
	// A member who returns after the vote is opened may be counted.
	h := fixture(t, "congress", "")
	h.must("ben", "leave_hall", `{"persons":["m1"]}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	h.must("ben", "return_to_hall", `{"persons":["m1"]}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("kim", "enter_count", `{"vote":"v1","for":6,"against":4}`)
	if rd := h.s.Votes["v1"].Rounds[0]; rd.Present != 10 {
		t.Fatalf("round present %d, want 10", rd.Present)
	}
	// Ranges count by their least, drafts by their sum.
	h.refuse("kim", "enter_count", `{"vote":"v1","for":"6-8","against":"5-6"}`, ErrConflict, "the count gives at least 11 votes in v1, but only 10 could be cast: 9 entitled to vote were present when it was opened, 10 are now; count again")
	// Weighted mandates: the bound is the votes those present carry.
	h = fixture(t, "congress", `{"weighted_votes":true}`)
	h.must("cara", "submit_mandate", `{"id":"md-big","person":"guest","organization":"org","kind":"decisive","weight":5}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-big"}`)
	h.must("guest", "check_in", `{"person":"guest"}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.refuse("kim", "enter_count", `{"vote":"v1","for":10,"against":6}`, ErrConflict, "the count gives at least 16 votes in v1, but only 15 could be cast: 15 entitled to vote were present when it was opened, 15 are now; count again")
	h.must("kim", "enter_count", `{"vote":"v1","for":10,"against":5}`)
	// Where attendance is not recorded the count is taken as given.
	h = restored(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("kim", "enter_count", `{"vote":"v1","for":74,"against":66,"ballots":3}`)
}

func TestThresholdByRule(t *testing.T) {
	cases := []struct {
		preset, procedure string
		want              Threshold
	}{
		{"ronr", "close_discussion", TwoThirdsCast},
		{"ronr", "close_list", TwoThirdsCast},
		{"ronr", "discuss_or_not", TwoThirdsCast},
		{"ronr", "suspend_rules", TwoThirdsCast},
		{"ronr", "table", MajorityCast},
		{"ronr", "elect_committee", MajorityCast},
		{"ronr", "reconsider", MajorityCast},
		{"ronr", "", MajorityCast},
		{"congress", "close_discussion", MajorityCast},
		{"congress", "close_list", MajorityCast},
		{"congress", "suspend_rules", TwoThirdsCast},
		{"congress", "", MajorityCast},
	}
	for _, c := range cases {
		s := NewState()
		s.Assembly.Rules, _ = Preset(c.preset)
		mo := &Motion{Kind: "substantive"}
		if c.procedure != "" {
			mo = &Motion{Kind: "procedural", Procedure: c.procedure}
		}
		if got := s.RuleThreshold(mo); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.preset, c.procedure, got, c.want)
		}
	}
	// The vote takes the rule's threshold when none is given.
	h := fixture(t, "ronr", "")
	h.must("m1", "move_motion", `{"id":"lim","kind":"procedural","procedure":"close_list","title":"Limit debate"}`)
	h.must("m2", "second_motion", `{"motion":"lim","by":"m2"}`)
	h.must("ann", "open_vote", `{"id":"v1","motion":"lim","method":"show_of_hands"}`)
	if v := h.s.Votes["v1"]; v.Threshold != TwoThirdsCast || v.Departure != nil || v.RuleThreshold != "" {
		t.Fatalf("vote %s, departure %+v", v.Threshold, v.Departure)
	}
	// The overrides set a procedure's majority.
	h = fixture(t, "congress", `{"thresholds":{"close_list":"two_thirds_cast"}}`)
	if th := h.s.Assembly.Rules.Thresholds; th["close_list"] != TwoThirdsCast || th["suspend_rules"] != TwoThirdsCast {
		t.Fatalf("thresholds %v", th)
	}
	runRefusals(t, "congress", "", []refusal{
		{name: "threshold of no procedure", do: step{"ann", "set_rules", `{"overrides":{"thresholds":{"main":"two_thirds_cast"}}}`}, code: ErrInvalid, msg: `"main" is not a procedure whose majority the rules set; give close_list, discuss_or_not, suspend_rules, table, elect_committee, instruct_committee, order_of_voting, invite_back, reconsider or other (close_discussion is close_debate_threshold)`},
		{name: "bad threshold", do: step{"ann", "set_rules", `{"overrides":{"thresholds":{"table":"most"}}}`}, code: ErrInvalid, msg: `the threshold of table must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`},
	})
}

func TestThresholdDepartures(t *testing.T) {
	pq := []step{mainMotion, secondMain,
		{"m3", "move_motion", `{"id":"pq","kind":"procedural","procedure":"close_discussion","title":"Previous question"}`},
		{"m4", "second_motion", `{"motion":"pq","by":"m4"}`}}
	suspend := func(id, target string) []step {
		return []step{
			{"m5", "move_motion", `{"id":"` + id + `","kind":"procedural","procedure":"suspend_rules","title":"Suspend the rules","target":"` + target + `"}`},
			{"m6", "second_motion", `{"motion":"` + id + `","by":"m6"}`},
			{"ann", "open_vote", `{"id":"v-` + id + `","motion":"` + id + `","method":"show_of_hands"}`},
			{"ann", "close_vote", `{"vote":"v-` + id + `"}`},
			{"kim", "enter_count", `{"vote":"v-` + id + `","for":8,"against":2}`},
			{"ann", "declare_result", `{"vote":"v-` + id + `"}`},
		}
	}
	with := func(steps ...[]step) []step {
		var out []step
		for _, s := range steps {
			out = append(out, s...)
		}
		return out
	}
	runRefusals(t, "ronr", "", []refusal{
		{name: "simple majority on the previous question", setup: pq, do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast"}`}, code: ErrInvalid,
			msg: "the rules of procedure put pq to the vote by two thirds of the votes cast, not a majority of the votes cast; to depart from them, record the chair's ruling (ruling) or name the carried motion to suspend the rules (suspension)"},
		{name: "ruling without departure", setup: pq, do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","ruling":"as usual"}`}, code: ErrInvalid,
			msg: "pq is put to the vote by two thirds of the votes cast, as the rules fix it; there is no departure for a ruling to justify"},
		{name: "ruling and suspension", setup: pq, do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","ruling":"r","suspension":"s"}`}, code: ErrInvalid,
			msg: "a departure from the rules rests on the chair's ruling or on a suspension of the rules, not both"},
		{name: "suspension unknown", setup: pq, do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","suspension":"nope"}`}, code: ErrNotFound,
			msg: `there is no motion "nope" to suspend the rules`},
		{name: "suspension not a suspension", setup: pq, do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","suspension":"main"}`}, code: ErrInvalid,
			msg: "main (Main) is not a motion to suspend the rules"},
		{name: "suspension pending", setup: suspend("sus", "")[:2], do: step{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands","threshold":"majority_members","suspension":"sus"}`}, code: ErrConflict,
			msg: "the motion to suspend the rules sus is pending; only a carried one allows a departure"},
		{name: "suspension for another", setup: with(pq, suspend("sus", "main")), do: step{"ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","suspension":"sus"}`}, code: ErrConflict,
			msg: "the rules were suspended (sus) for main, not for pq"},
		{name: "suspension of another sitting", setup: with(suspend("sus", ""), []step{{"ann", "close_sitting", `{"sitting":"s1"}`}, {"ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann"}`}, {"ann", "take_up_item", `{"item":"i1"}`}}),
			do: step{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands","threshold":"majority_members","suspension":"sus"}`}, code: ErrConflict,
			msg: "the rules were suspended (sus) in the sitting s1; a suspension holds only in the sitting that voted it, not in s2"},
		{name: "suspension used twice", setup: with(suspend("sus", ""), []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands","threshold":"majority_members","suspension":"sus"}`}}),
			do: step{"ann", "open_vote", `{"id":"v2","question":"Q2","method":"show_of_hands","threshold":"majority_members","suspension":"sus"}`}, code: ErrConflict,
			msg: "the suspension of the rules sus was used for the vote v1; a suspension serves the one purpose it was voted for"},
		{name: "suspension not amendable", setup: suspend("sus", "")[:1], do: step{"m7", "move_motion", `{"id":"a","kind":"amendment","amends":"sus","title":"A"}`}, code: ErrConflict,
			msg: "sus (Suspend the rules) cannot be amended under the rules of procedure"},
	})
	// The chair's ruling is recorded as such.
	h := fixture(t, "ronr", "")
	for _, st := range pq {
		h.must(st.actor, st.cmd, st.args)
	}
	h.must("ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","ruling":"the assembly agreed at the outset to close debate by a majority"}`)
	v := h.s.Votes["v1"]
	if v.Threshold != MajorityCast || v.RuleThreshold != TwoThirdsCast || v.Departure == nil || v.Departure.Kind != "ruling" || v.Departure.Text != "the assembly agreed at the outset to close debate by a majority" {
		t.Fatalf("vote %s (rule %s), departure %+v", v.Threshold, v.RuleThreshold, v.Departure)
	}
	// A carried suspension of the rules is recorded as the departure; the
	// suspension itself needs two thirds.
	h = fixture(t, "ronr", "")
	for _, st := range with(pq, suspend("sus", "pq")) {
		h.must(st.actor, st.cmd, st.args)
	}
	if th := h.s.Votes["v-sus"].Threshold; th != TwoThirdsCast {
		t.Fatalf("the suspension was voted by %s", th)
	}
	h.must("ann", "open_vote", `{"id":"v1","motion":"pq","method":"show_of_hands","threshold":"majority_cast","suspension":"sus"}`)
	if d := h.s.Votes["v1"].Departure; d == nil || d.Kind != "suspension" || d.Motion != "sus" {
		t.Fatalf("departure %+v", d)
	}
	// A motion to suspend the rules cannot be reconsidered (ronr).
	h.refuse("m6", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v-sus"}`, ErrConflict, "sus (Suspend the rules) was carried; under the rules of procedure that vote cannot be reconsidered")
}

func TestReconsiderableByRule(t *testing.T) {
	table := []step{
		{"m1", "move_motion", `{"id":"tab","kind":"procedural","procedure":"table","title":"Lay on the table"}`},
		{"m2", "second_motion", `{"motion":"tab","by":"m2"}`},
		{"ann", "open_vote", `{"id":"v1","motion":"tab","method":"roll_call"}`},
		{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`},
		{"ann", "close_vote", `{"vote":"v1"}`},
		{"ann", "declare_result", `{"vote":"v1"}`},
	}
	runRefusals(t, "ronr", "", []refusal{
		{name: "carried table", setup: table, do: reconsider("m1", "r", "v1"), code: ErrConflict, msg: "tab (Lay on the table) was carried; under the rules of procedure that vote cannot be reconsidered"},
		{name: "reconsider a reconsideration", setup: append(decided("roll_call", "carried"), reconsider("m3", "r", "v1"), step{"m4", "second_motion", `{"motion":"r","by":"m4"}`},
			step{"ann", "open_vote", `{"id":"v2","motion":"r","method":"roll_call"}`}, step{"m3", "cast_ballot", `{"vote":"v2","voter":"m3","choice":"against"}`},
			step{"ann", "close_vote", `{"vote":"v2"}`}, step{"ann", "declare_result", `{"vote":"v2"}`}),
			do: reconsider("m3", "r2", "v2"), code: ErrConflict, msg: "r (Reconsider) was defeated; under the rules of procedure that vote cannot be reconsidered"},
		{name: "label on a roll call", setup: decided("roll_call", "carried"), do: step{"ben", "move_motion", `{"id":"r","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"v1","label":"A DELEGATE"}`}, code: ErrConflict,
			msg: "v1 was a roll call, so it is known who voted with the prevailing side (for); name the mover (mover), not only a label (A DELEGATE), so that it can be checked"},
	})
}

func TestObjectionNeedsNoSecond(t *testing.T) {
	h := fixture(t, "ronr", "")
	h.must(mainMotion.actor, mainMotion.cmd, mainMotion.args)
	h.must("m3", "move_motion", `{"id":"obj","kind":"procedural","procedure":"discuss_or_not","title":"Objection to the consideration of the question"}`)
	h.must("ann", "open_vote", `{"id":"v1","motion":"obj","method":"show_of_hands"}`)
	if th := h.s.Votes["v1"].Threshold; th != TwoThirdsCast {
		t.Fatalf("objection voted by %s", th)
	}
}

func TestSpeechesPerItem(t *testing.T) {
	h := fixture(t, "ronr", "")
	for range 2 {
		h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
		h.must("ann", "give_floor", `{"item":"i1"}`)
		h.must("ann", "end_speech", `{"item":"i1"}`)
	}
	msg := "m1 has spoken 2 times on i1 in this sitting; the rules of procedure allow 2 speeches by one person on one question"
	h.refuse("m1", "request_floor", `{"item":"i1","person":"m1"}`, ErrConflict, msg)
	h.refuse("ann", "give_floor", `{"item":"i1","person":"m1"}`, ErrConflict, msg)
	// A point of order is no speech.
	h.must("m1", "request_floor", `{"item":"i1","person":"m1","kind":"point_of_order"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	// In the next sitting m1 may speak again.
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann"}`)
	h.must("ann", "take_up_item", `{"item":"i1"}`)
	h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
	// Congress rules set no limit.
	h = fixture(t, "congress", "")
	for range 3 {
		h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
		h.must("ann", "give_floor", `{"item":"i1"}`)
		h.must("ann", "end_speech", `{"item":"i1"}`)
	}
}

func TestSpeakingTimeAllotted(t *testing.T) {
	// Every command of the harness takes a minute.
	h := fixture(t, "congress", `{"speaking_time_seconds":600,"intervention_seconds":90}`)
	h.must("ann", "add_organization", `{"id":"right","name":"The Right","kind":"tendency"}`)
	h.must("ann", "add_membership", `{"person":"m3","organization":"right"}`)
	h.refuse("m1", "allot_speaking_time", `{"item":"i1","allowances":{"left":600}}`, ErrForbidden, "only the chair allots speaking time")
	h.refuse("ann", "allot_speaking_time", `{"item":"i1","allowances":{"nope":600}}`, ErrNotFound, `there is no organization "nope" to allot speaking time to`)
	h.refuse("ann", "allot_speaking_time", `{"item":"i1","allowances":{"left":-1}}`, ErrInvalid, "the speaking time of The Left must not be negative")
	h.refuse("ann", "allot_speaking_time", `{"item":"i1","allowances":{"left":600,"org":600}}`, ErrConflict, "m1 belongs to both left and org, so their speeches would use up two contingents; allot speaking time to groups that share no members (the delegations, or the tendencies)")
	h.must("ann", "allot_speaking_time", `{"item":"i1","allowances":{"left":540,"right":300}}`)
	// m1 (the Left) speaks 8 minutes, one of them interrupted by a
	// question: the Left has 2 minutes left.
	h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	// m3 (the Right) puts an interposed question of a minute: it is not
	// m1's time, and, by the default rules, not the Right's either.
	h.must("m3", "request_floor", `{"item":"i1","person":"m3","kind":"question"}`)
	h.clock = h.clock.Add(2 * time.Minute)
	h.must("ann", "give_floor", `{"item":"i1","person":"m3"}`)
	if f := h.s.Items["i1"].Floor; f.Speaker != "m3" || f.Interrupted != "m1" {
		t.Fatalf("speaker %s, interrupted %s", f.Speaker, f.Interrupted)
	}
	h.must("ann", "end_speech", `{"item":"i1"}`) // the question ends, one minute after it began
	if f := h.s.Items["i1"].Floor; f.Speaker != "m1" || f.Interrupted != "" {
		t.Fatalf("after the question: speaker %s, interrupted %s", f.Speaker, f.Interrupted)
	}
	h.clock = h.clock.Add(2 * time.Minute)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	f := h.s.Items["i1"].Floor
	sp, q := f.Turns[0], f.Turns[1]
	if sp.Seconds != 420 || sp.Paused != 60 || sp.Allowance != "left" || sp.Left != 540 || sp.Overtime {
		t.Fatalf("m1's turn %+v", sp)
	}
	if q.Kind != "question" || q.Seconds != 60 || q.Allowance != "" {
		t.Fatalf("the question %+v", q)
	}
	want := []Allowance{{Organization: "left", Name: "The Left", Seconds: 540, Used: 420, Left: 120}, {Organization: "right", Name: "The Right", Seconds: 300, Used: 0, Left: 300}}
	if got := h.s.Allowances("i1", time.Time{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("allowances %+v", got)
	}
	// m2 (the Left) speaks 3 minutes: past what the Left had left.
	h.must("m2", "request_floor", `{"item":"i1","person":"m2"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	if got := h.s.Allowances("i1", h.clock.Add(time.Minute)); got[0].Speaking != "m2" || got[0].Left != 60 {
		t.Fatalf("while m2 speaks: %+v", got)
	}
	h.clock = h.clock.Add(2 * time.Minute)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	if tu := h.s.Items["i1"].Floor.Turns[2]; !tu.Overtime || tu.Seconds != 180 {
		t.Fatalf("m2's turn %+v", tu)
	}
	h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
	h.refuse("ann", "give_floor", `{"item":"i1"}`, ErrConflict, "the speaking time allotted to The Left on i1 is used up (600 of 540 seconds); m1 may not take the floor for a speech")
	// A short intervention is not counted by the default rules, and is
	// limited to intervention_seconds.
	h.must("m1", "withdraw_request", `{"item":"i1","person":"m1"}`)
	h.must("m1", "request_floor", `{"item":"i1","person":"m1","kind":"intervention"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.clock = h.clock.Add(time.Minute)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	if tu := h.s.Items["i1"].Floor.Turns[3]; tu.Kind != "intervention" || !tu.Overtime || h.s.Items["i1"].Floor.Used["left"] != 600 {
		t.Fatalf("the intervention %+v, used %v", tu, h.s.Items["i1"].Floor.Used)
	}
	// Where the rules count interventions, they use the time up too.
	h = fixture(t, "congress", `{"allowance_counts":["speech","intervention"]}`)
	h.must("ann", "allot_speaking_time", `{"item":"i1","allowances":{"left":60}}`)
	h.must("m1", "request_floor", `{"item":"i1","person":"m1","kind":"intervention"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	if u := h.s.Items["i1"].Floor.Used["left"]; u != 60 {
		t.Fatalf("used %d", u)
	}
	h.refuse("m2", "request_floor", `{"item":"i1","person":"m2","kind":"question"}`, ErrConflict, "a question is put to the speaker, and nobody has the floor on i1")
}

func TestOnlinePresence(t *testing.T) {
	h := fixture(t, "ronr", "")
	h.must("ben", "check_out", `{"person":"m9"}`)
	h.refuse("m9", "check_in", `{"person":"m9","where":"online"}`, ErrForbidden, "the rules of procedure do not admit attending online; m9 checks in in the hall")
	for _, c := range []struct {
		online         string
		quorum, voting bool
	}{{OnlineObserve, false, false}, {OnlineVote, false, true}, {OnlineFull, true, true}} {
		t.Run(c.online, func(t *testing.T) {
			h := fixture(t, "ronr", `{"online":"`+c.online+`"}`)
			for _, p := range []string{"m8", "m9", "m10"} {
				h.must("ben", "check_out", `{"person":"`+p+`"}`)
				h.must(p, "check_in", `{"person":"`+p+`","where":"online"}`)
			}
			present, _, _ := h.s.Quorum()
			if want := map[bool]int{true: 10, false: 7}[c.quorum]; present != want {
				t.Fatalf("quorum counts %d present, want %d", present, want)
			}
			h.refuse("ben", "leave_hall", `{"persons":["m9"]}`, ErrConflict, "m9 attends online, not in the hall; check_out records that they left")
			h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`)
			att := h.s.Votes["v1"].Attendance
			if att.Online != 3 || att.Present != map[bool]int{true: 10, false: 7}[c.voting] {
				t.Fatalf("attendance %+v", att)
			}
			if c.voting {
				h.must("m9", "cast_ballot", `{"vote":"v1","voter":"m9","choice":"for"}`)
			} else {
				h.refuse("m9", "cast_ballot", `{"vote":"v1","voter":"m9","choice":"for"}`, ErrForbidden, "m9 attends online, and the rules of procedure let only those in the hall vote")
			}
		})
	}
	// Checked in online, m9 is not in the hall; checking in again in the
	// hall needs a check-out first.
	h = fixture(t, "congress", `{"online":"vote"}`)
	h.must("ben", "check_out", `{"person":"m9"}`)
	h.must("m9", "check_in", `{"person":"m9","where":"online"}`)
	if h.s.InHall("m9") || !h.s.Online("m9") {
		t.Fatal("m9 online is in the hall")
	}
	h.must("m9", "check_out", `{"person":"m9"}`)
	h.must("m9", "check_in", `{"person":"m9"}`)
	if !h.s.InHall("m9") || h.s.Online("m9") {
		t.Fatal("m9 back in the hall is still online")
	}
	runRefusals(t, "congress", "", []refusal{{name: "bad online rule", do: step{"ann", "set_rules", `{"overrides":{"online":"sometimes"}}`}, code: ErrInvalid, msg: `online must be none, observe, vote or full, not "sometimes"`}})
}

// TestNoMotionLeavesMidVote: a motion is not withdrawn, disposed of or
// grouped while a vote on it or on an amendment to it is not declared
// (found by TestForbiddenStatesUnreachable: the declaration was then
// accepted but could not be applied).
func TestNoMotionLeavesMidVote(t *testing.T) {
	voting := []step{mainMotion, amendment1, {"ann", "open_vote", `{"id":"va","motion":"a1","method":"roll_call"}`}}
	runRefusals(t, "congress", "", []refusal{
		{name: "withdraw during the amendment's vote", setup: voting, do: step{"ann", "withdraw_motion", `{"motion":"main"}`}, code: ErrConflict,
			msg: "the vote va on a1, which amends main, is not yet declared; a motion is not withdrawn during a vote on it or on its amendments"},
		{name: "dispose during the amendment's vote", setup: voting, do: step{"ben", "dispose_motion", `{"motion":"main","fate":"lapsed"}`}, code: ErrConflict,
			msg: "the vote va on a1 is not yet declared"},
		{name: "group during the vote", setup: []step{mainMotion, {"m4", "move_motion", `{"id":"other","kind":"substantive","title":"Other"}`}, {"ann", "open_vote", `{"id":"vm","motion":"main","method":"roll_call"}`}},
			do: step{"ann", "group_alternatives", `{"id":"g","title":"Basis","motions":["main","other"]}`}, code: ErrConflict,
			msg: "the vote vm on main is not yet declared; drafts are grouped before they are voted on"},
	})
}
