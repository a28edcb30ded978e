package assembly

import "testing"

// statutesItem adds i2, the statutes change, whose decision the rules
// (the statutes) put to two thirds of the votes cast, and takes it up.
var statutesItem = []step{
	{"ann", "close_item", `{"item":"i1"}`},
	{"ann", "add_item", `{"id":"i2","title":"Amendment of the statutes","threshold":"two_thirds_cast"}`},
	{"ann", "take_up_item", `{"item":"i2"}`},
	{"m1", "move_motion", `{"id":"st","kind":"substantive","title":"Article 30 is amended"}`},
}

// TestItemThresholdIsTheRule: a vote on an item's decision takes the
// majority fixed for the item, and taking it is no departure from the
// rules; another majority is, from that rule.
func TestItemThresholdIsTheRule(t *testing.T) {
	run := func(t *testing.T, open string) *harness {
		h := fixture(t, "congress", "")
		for _, st := range statutesItem {
			h.must(st.actor, st.cmd, st.args)
		}
		h.must("ann", "open_vote", open)
		return h
	}
	for _, open := range []string{
		`{"id":"v1","motion":"st","method":"show_of_hands"}`,
		`{"id":"v1","motion":"st","method":"show_of_hands","threshold":"two_thirds_cast"}`,
	} {
		h := run(t, open)
		v := h.s.Votes["v1"]
		if v.Threshold != TwoThirdsCast || v.Departure != nil || v.RuleThreshold != "" {
			t.Fatalf("%s: vote by %s (rule %q), departure %+v", open, v.Threshold, v.RuleThreshold, v.Departure)
		}
		// 6 of 10 is a majority, not two thirds.
		h.must("ann", "close_vote", `{"vote":"v1"}`)
		h.must("kim", "enter_count", `{"vote":"v1","for":6,"against":4}`)
		h.must("ann", "declare_result", `{"vote":"v1"}`)
		if st := h.s.Motions["st"].Status; st != MotionStatusDefeated {
			t.Fatalf("%s: 6 for, 4 against under two thirds: %s", open, st)
		}
	}
	// A question put on the item takes its majority too.
	h := fixture(t, "congress", "")
	for _, st := range statutesItem[:3] {
		h.must(st.actor, st.cmd, st.args)
	}
	h.must("ann", "open_vote", `{"id":"q","question":"Shall the statutes be amended?","method":"show_of_hands"}`)
	if v := h.s.Votes["q"]; v.Threshold != TwoThirdsCast || v.Departure != nil {
		t.Fatalf("question: vote by %s, departure %+v", v.Threshold, v.Departure)
	}
	// An amendment of the motion, and an item without a threshold, keep
	// the voting threshold.
	h = fixture(t, "congress", "")
	for _, st := range statutesItem {
		h.must(st.actor, st.cmd, st.args)
	}
	h.must("m2", "move_motion", `{"id":"am","kind":"amendment","amends":"st","title":"Article 31 too"}`)
	h.must("ann", "open_vote", `{"id":"va","motion":"am","method":"show_of_hands"}`)
	if v := h.s.Votes["va"]; v.Threshold != MajorityCast || v.Departure != nil {
		t.Fatalf("amendment: vote by %s, departure %+v", v.Threshold, v.Departure)
	}
	// A majority other than the item's needs a ruling, and departs from
	// the item's rule.
	h = run(t, `{"id":"v1","motion":"st","method":"show_of_hands","threshold":"majority_cast","ruling":"the general meeting of 2025 agreed it"}`)
	if v := h.s.Votes["v1"]; v.Threshold != MajorityCast || v.RuleThreshold != TwoThirdsCast || v.Departure == nil || v.Departure.Kind != "ruling" {
		t.Fatalf("ruling: vote by %s (rule %s), departure %+v", v.Threshold, v.RuleThreshold, v.Departure)
	}
	runRefusals(t, "congress", "", []refusal{
		{name: "another majority without a ruling", setup: statutesItem, do: step{"ann", "open_vote", `{"id":"v1","motion":"st","method":"show_of_hands","threshold":"majority_cast"}`}, code: ErrInvalid,
			msg: "the rules of procedure put st to the vote by two thirds of the votes cast, not a majority of the votes cast; to depart from them, record the chair's ruling (ruling) or name the carried motion to suspend the rules (suspension)"},
		{name: "a ruling for the item's own majority", setup: statutesItem, do: step{"ann", "open_vote", `{"id":"v1","motion":"st","method":"show_of_hands","threshold":"two_thirds_cast","ruling":"the statutes"}`}, code: ErrInvalid,
			msg: "st is put to the vote by two thirds of the votes cast, as the rules fix it; there is no departure for a ruling to justify"},
	})
}

// TestItemThresholdRefused: a bad threshold on add_item is refused and
// adds no item.
func TestItemThresholdRefused(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuse("ann", "add_item", `{"id":"i2","title":"Statutes","threshold":"most"}`, ErrInvalid,
		`add_item: the field "threshold" must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`)
	if _, err := (AddItem{ID: "i2", Title: "Statutes", Threshold: "most"}).decide(h.s, Meta{Actor: "ann"}); err == nil || err.Error() != `the threshold must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"` {
		t.Fatalf("decide: %v", err)
	}
	if h.s.Items["i2"] != nil || len(h.s.ItemOrder) != 1 {
		t.Fatalf("the refused item was added: %v", h.s.ItemOrder)
	}
}

// TestSetItemThreshold: the majority of an item is set before its votes
// (set_item_threshold), which then take it as the rule; refused once a
// vote on the item was opened, for a closed item, for the majority it
// already needs, for a bad value, and to whoever may not add items.
func TestSetItemThreshold(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "set_item_threshold", `{"item":"i1","threshold":"two_thirds_cast"}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Amend the statutes","method":"show_of_hands"}`)
	if v := h.s.Votes["v1"]; v.Threshold != TwoThirdsCast || v.Departure != nil {
		t.Fatalf("vote by %s, departure %+v", v.Threshold, v.Departure)
	}
	h = fixture(t, "congress", "")
	h.must("ann", "add_item", `{"id":"i2","title":"Statutes","threshold":"two_thirds_cast"}`)
	h.must("ann", "set_item_threshold", `{"item":"i2"}`)
	if th := h.s.Items["i2"].Threshold; th != "" {
		t.Fatalf("i2 after its threshold was taken away: %q", th)
	}
	voted := []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`}}
	runRefusals(t, "congress", "", []refusal{
		{name: "after a vote", setup: voted, do: step{"ann", "set_item_threshold", `{"item":"i1","threshold":"two_thirds_cast"}`}, code: ErrConflict,
			msg: "the vote v1 on the item i1 was opened under its majority; the rule is no longer changed: another majority is a departure (ruling or suspension of open_vote)"},
		{name: "closed item", setup: []step{{"ann", "close_item", `{"item":"i1"}`}}, do: step{"ann", "set_item_threshold", `{"item":"i1","threshold":"two_thirds_cast"}`}, code: ErrClosed,
			msg: "the item i1 is closed; the majority it was decided by is not changed"},
		{name: "the same", do: step{"ann", "set_item_threshold", `{"item":"i1"}`}, code: ErrInvalid, msg: "the item i1 already needs a majority of the votes cast"},
		{name: "bad value", do: step{"ann", "set_item_threshold", `{"item":"i1","threshold":"most"}`}, code: ErrInvalid,
			msg: `set_item_threshold: the field "threshold" must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`},
		{name: "no item", do: step{"ann", "set_item_threshold", `{"item":"nope","threshold":"two_thirds_cast"}`}, code: ErrNotFound, msg: `there is no item "nope" on the order of the day`},
		{name: "a delegate", do: step{"m1", "set_item_threshold", `{"item":"i1","threshold":"two_thirds_cast"}`}, code: ErrForbidden, msg: "only the chair or an administrator may set the majority an item needs"},
	})
	if _, err := (SetItemThreshold{Item: "i1", Threshold: "most"}).decide(h.s, Meta{Actor: "ann"}); err == nil || err.Error() != `the threshold must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"` {
		t.Fatalf("decide: %v", err)
	}
}
