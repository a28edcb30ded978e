package assembly

import (
	"testing"
)

func TestWithdrawRefusals(t *testing.T) {
	open := []step{
		{"m1", "move_motion", `{"id":"main","kind":"substantive","title":"Main"}`},
		{"ann", "open_vote", `{"id":"v1","motion":"main","method":"roll_call"}`},
	}
	voted := append(append([]step{}, open...), step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}, step{"m2", "cast_ballot", `{"vote":"v1","voter":"m2","choice":"for"}`})
	hands := []step{{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`}, {"kim", "enter_count", `{"vote":"v1","for":3,"against":1}`}}
	declared := append(append([]step{}, voted...), step{"ann", "close_vote", `{"vote":"v1"}`}, step{"ann", "declare_result", `{"vote":"v1"}`})
	withdrawn := append(append([]step{}, open...), step{"ann", "withdraw_vote", `{"vote":"v1","reason":"opened by mistake"}`})
	election := []step{{"ann", "open_election", `{"id":"e1","title":"Tellers","seats":1,"method":"plurality","candidates":["m1","m2"]}`}}
	runRefusals(t, "congress", "", []refusal{
		{name: "by a delegate", setup: open, do: step{"m1", "withdraw_vote", `{"vote":"v1","reason":"mistake"}`}, code: ErrForbidden, msg: "only the chair withdraws a vote"},
		{name: "no reason", setup: open, do: step{"ann", "withdraw_vote", `{"vote":"v1"}`}, code: ErrInvalid, msg: `withdraw_vote: the field "reason" is required`},
		{name: "blank reason", setup: open, do: step{"ann", "withdraw_vote", `{"vote":"v1","reason":"  "}`}, code: ErrInvalid, msg: "say why the vote is withdrawn (reason)"},
		{name: "unknown vote", do: step{"ann", "withdraw_vote", `{"vote":"v9","reason":"mistake"}`}, code: ErrNotFound, msg: `there is no vote "v9"`},
		{name: "ballots without consent", setup: voted, do: step{"ann", "withdraw_vote", `{"vote":"v1","reason":"wrong motion"}`}, code: ErrConflict, msg: `2 ballots have already been cast in this vote; it can be withdrawn now only with the assembly's consent: ask the assembly, then say how it consented (consent, e.g. "no objection")`},
		{name: "count without consent", setup: hands, do: step{"ann", "withdraw_vote", `{"vote":"v1","reason":"wrong question"}`}, code: ErrConflict, msg: `a count has already been entered in this vote; it can be withdrawn now only with the assembly's consent: ask the assembly, then say how it consented (consent, e.g. "no objection")`},
		{name: "declared", setup: declared, do: step{"ann", "withdraw_vote", `{"vote":"v1","reason":"mistake","consent":"no objection"}`}, code: ErrClosed, msg: "the result of this vote is already declared; a declared result is not withdrawn (a motion to reconsider may reopen the question)"},
		{name: "twice", setup: withdrawn, do: step{"ann", "withdraw_vote", `{"vote":"v1","reason":"mistake"}`}, code: ErrClosed, msg: "this vote was already withdrawn"},
		{name: "ballot after withdrawal", setup: withdrawn, do: step{"m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`}, code: ErrClosed, msg: "the vote v1 is closed; no ballot can be cast after the vote closes"},
		{name: "declare after withdrawal", setup: withdrawn, do: step{"ann", "declare_result", `{"vote":"v1","outcome":"carried"}`}, code: ErrClosed, msg: "the vote v1 was withdrawn; it has no result"},
		{name: "count after withdrawal", setup: withdrawn, do: step{"kim", "enter_count", `{"vote":"v1","for":3,"against":1}`}, code: ErrClosed, msg: "the vote v1 was withdrawn"},
		{name: "election by a delegate", setup: election, do: step{"m1", "withdraw_election", `{"election":"e1","reason":"mistake"}`}, code: ErrForbidden, msg: "only the chair withdraws an election"},
		{name: "election with a ballot", setup: append(append([]step{}, election...), step{"m3", "cast_election_ballot", `{"election":"e1","voter":"m3","approve":["m1"]}`}), do: step{"ann", "withdraw_election", `{"election":"e1","reason":"wrong seats"}`}, code: ErrConflict, msg: `a ballot has already been cast in this election; it can be withdrawn now only with the assembly's consent: ask the assembly, then say how it consented (consent, e.g. "no objection")`},
		{name: "election declared", setup: append(append([]step{}, election...), step{"ann", "close_election", `{"election":"e1"}`}, step{"ann", "declare_election", `{"election":"e1","elected":["m1"]}`}), do: step{"ann", "withdraw_election", `{"election":"e1","reason":"mistake"}`}, code: ErrClosed, msg: "the elected are already declared; a declared election is not withdrawn"},
		{name: "election withdrawn, then declared", setup: append(append([]step{}, election...), step{"ann", "withdraw_election", `{"election":"e1","reason":"mistake"}`}), do: step{"ann", "declare_election", `{"election":"e1","elected":["m1"]}`}, code: ErrClosed, msg: "the election e1 was withdrawn; nobody is elected by it"},
		{name: "ballot in a withdrawn election", setup: append(append([]step{}, election...), step{"ann", "withdraw_election", `{"election":"e1","reason":"mistake"}`}), do: step{"m3", "cast_election_ballot", `{"election":"e1","voter":"m3","approve":["m1"]}`}, code: ErrClosed, msg: "the election e1 is closed; no ballot can be cast after it closes"},
	})
}

func TestWithdrawAVoteOpenedByMistake(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("m1", "move_motion", `{"id":"main","kind":"substantive","title":"Adopt the budget"}`)
	h.must("ann", "open_vote", `{"id":"v1","motion":"main","method":"secret"}`)
	h.must("ann", "withdraw_vote", `{"vote":"v1","reason":"opened as a secret vote by mistake."}`)
	v := h.s.Votes["v1"]
	if v.Status != VoteStatusWithdrawn || v.InProgress() {
		t.Fatalf("status %s", v.Status)
	}
	r := h.s.Record[len(h.s.Record)-1]
	if r.Kind != "vote_withdrawn" || r.Ref != "v1" || r.Text != "The vote on “Adopt the budget” is withdrawn: opened as a secret vote by mistake. No ballot had been cast." {
		t.Fatalf("record %+v", r)
	}
	// The motion stays pending and is put to the vote again.
	if h.s.Motions["main"].Status != MotionStatusPending {
		t.Fatalf("motion %s", h.s.Motions["main"].Status)
	}
	h.must("ann", "open_vote", `{"id":"v2","motion":"main","method":"roll_call"}`)
	for _, p := range []string{"m1", "m2", "m3"} {
		h.must(p, "cast_ballot", `{"vote":"v2","voter":"`+p+`","choice":"for"}`)
	}
	// After ballots, with the assembly's consent.
	h.must("ann", "withdraw_vote", `{"vote":"v2","reason":"the amendment must be voted first","consent":"no objection"}`)
	r = h.s.Record[len(h.s.Record)-1]
	if r.Text != "The vote on “Adopt the budget” is withdrawn: the amendment must be voted first. With the assembly's consent (no objection), the 3 ballots cast are void." {
		t.Fatalf("record %q", r.Text)
	}
	h.must("ann", "open_vote", `{"id":"v3","motion":"main","method":"roll_call"}`)
	h.must("m1", "cast_ballot", `{"vote":"v3","voter":"m1","choice":"for"}`)
	h.must("ann", "close_vote", `{"vote":"v3"}`)
	h.must("ann", "declare_result", `{"vote":"v3"}`)
	if got := h.s.Motions["main"].Status; got != MotionStatusCarried {
		t.Fatalf("after the third vote the motion is %s", got)
	}

	// An election, withdrawn with its one ballot by consent.
	h.must("ann", "open_election", `{"id":"e1","title":"Tellers","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m3", "cast_election_ballot", `{"election":"e1","voter":"m3","approve":["m1"]}`)
	h.must("ann", "withdraw_election", `{"election":"e1","reason":"two seats, not one","consent":"by a show of hands"}`)
	if el := h.s.Elections["e1"]; el.Status != ElectionStatusWithdrawn || el.InProgress() {
		t.Fatalf("election %s", el.Status)
	}
	if r := h.s.Record[len(h.s.Record)-1]; r.Text != "The election “Tellers” is withdrawn: two seats, not one. With the assembly's consent (by a show of hands), the ballot cast is void." {
		t.Fatalf("record %q", r.Text)
	}
}
