package assembly

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestMotionIndexConsistent runs random sequences of the commands that
// move, amend, withdraw, dispose of, vote on, reopen, group, submit and
// recommend motions, and checks after each, accepted or refused, that the
// motions' index is what the motions give when recomputed from scratch
// and that the lookups on it answer as the walks over every motion did.
// (The harness also checks that the index rebuilt from the log's JSON
// equals the live one.)
func TestMotionIndexConsistent(t *testing.T) {
	events := map[string]int{}
	for _, c := range []struct{ preset, overrides string }{
		{"ronr", `{"seconds_required":false}`},
		{"ronr", `{"seconds_required":false,"competing_drafts":true,"amendments_at_once":true}`},
		{"congress", `{}`},
		{"congress", `{"amendments_at_once":false,"competing_drafts":false}`},
	} {
		for seed := uint64(1); seed <= 2; seed++ {
			t.Run(fmt.Sprintf("%s %s %d", c.preset, c.overrides, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 1905))
				h := fixture(t, c.preset, c.overrides)
				h.must("ann", "add_item", `{"id":"i2","title":"The second question"}`)
				h.must("ann", "form_body", `{"id":"mc","name":"Motions Committee","kind":"committee","members":["m7","m8"]}`)
				h.must("ann", "appoint_motions_committee", `{"body":"mc"}`)
				h.must("ann", "set_submission_deadline", `{"deadline":"2026-05-10T12:00:00Z"}`)
				from := len(h.events)
				for i := 0; i < 500; i++ {
					actor, cmd := motionCommand(r, h.s)
					h.clock = h.clock.Add(7e9)
					h.run(Meta{Actor: actor, At: h.clock}, cmd)
					if msg := motionIndexDiffers(h.s); msg != "" {
						t.Fatalf("after %s %+v (command %d): %s", cmd.CommandName(), cmd, i, msg)
					}
				}
				for _, e := range h.events[from:] {
					k := e.EventType()
					switch e := e.(type) {
					case MotionDisposed:
						k += " " + e.Fate
					case MotionStateSet:
						k += " " + e.State
					case ResultDeclared:
						if e.Result.Outcome == MotionStatusCarried || e.Result.Outcome == MotionStatusDefeated {
							k += " " + e.Result.Outcome
						} else if s := h.s.Votes[e.Vote]; s.Alternatives != "" {
							k += " basis" // the other drafts set aside
						}
					}
					events[k]++
				}
			})
		}
	}
	t.Logf("%v", events)
	for _, k := range []string{"motion_moved", "motion_withdrawn", "motion_disposed lapsed", "motion_disposed referred", "motion_disposed overtaken",
		"result_declared carried", "result_declared defeated", "motion_reopened", "alternatives_grouped", "motion_submitted",
		"motion_state_set admitted", "motion_state_set pending", "result_declared basis", "motion_state_set withdrawn", "change_recommended"} {
		if events[k] == 0 {
			t.Errorf("no %s event: the test explores too little (%v)", k, events)
		}
	}
}

// TestMotionIndexScripts checks the index after every command of the
// scripts of the repository.
func TestMotionIndexScripts(t *testing.T) {
	for _, f := range scriptFiles {
		h := replayScript(t, f, func(h *harness, n int) {
			if msg := motionIndexDiffers(h.s); msg != "" {
				t.Fatalf("%s:%d: %s", f, n, msg)
			}
		})
		if len(h.s.MotionOrder) == 0 {
			t.Errorf("%s: no motions", f)
		}
	}
}

// motionIndexDiffers says how the index of s differs from the one its
// motions give, or how a lookup on it differs from the walk over every
// motion it replaces; "" if neither.
func motionIndexDiffers(s *State) string {
	want := newMotionIndex()
	for _, id := range s.MotionOrder {
		a := s.Motions[id]
		if a.Amends != "" {
			want.amendments[a.Amends] = append(want.amendments[a.Amends], id)
		}
		if a.Status != MotionStatusPending {
			continue
		}
		want.pending[id] = a
		for _, b := range s.MotionOrder {
			if s.amendsTransitively(a, s.Motions[b]) {
				if want.pendingUnder[b] == nil {
					want.pendingUnder[b] = map[string]*Motion{}
				}
				want.pendingUnder[b][id] = a
			}
		}
	}
	got := s.idx
	got.pendingUnder = maps.Clone(got.pendingUnder)
	maps.DeleteFunc(got.pendingUnder, func(_ string, m map[string]*Motion) bool { return len(m) == 0 })
	switch {
	case !reflect.DeepEqual(got.amendments, want.amendments):
		return fmt.Sprintf("amendments %v, recomputed %v", got.amendments, want.amendments)
	case !reflect.DeepEqual(slices.Sorted(maps.Keys(got.pending)), slices.Sorted(maps.Keys(want.pending))):
		return fmt.Sprintf("pending %v, recomputed %v", slices.Sorted(maps.Keys(got.pending)), slices.Sorted(maps.Keys(want.pending)))
	case !reflect.DeepEqual(got, want):
		return fmt.Sprintf("pending amendments by motion %v, recomputed %v", got.pendingUnder, want.pendingUnder)
	}
	// The lookups, against the walks they replace.
	var pending []*Motion
	for _, id := range s.MotionOrder {
		if mo := s.Motions[id]; mo.Status == MotionStatusPending {
			pending = append(pending, mo)
		}
	}
	if got := s.pendingMotions(); !slices.Equal(got, pending) {
		return fmt.Sprintf("pendingMotions %v, the motions pending %v", got, pending)
	}
	for _, id := range append(slices.Clone(s.MotionOrder), "nomotion") {
		mo := s.Motions[id]
		if mo == nil {
			mo = &Motion{ID: id}
		}
		var vote, on string
		for _, x := range append([]*Motion{mo}, pending...) {
			if x != mo && !s.amendsTransitively(x, mo) {
				continue
			}
			for _, v := range s.VoteOrder {
				if s.Votes[v].Motion == x.ID && s.Votes[v].InProgress() && vote == "" {
					vote, on = v, x.ID
				}
			}
		}
		if v, o := s.openVoteUnder(mo); v != vote || o != on {
			return fmt.Sprintf("openVoteUnder(%s) %s on %s, the walk %s on %s", id, v, o, vote, on)
		}
		n := 1
		for _, b := range s.MotionOrder {
			if s.Motions[b].Amends == id {
				n++
			}
		}
		if p := s.Motions[id]; p != nil && p.Number != "" && s.amendmentNumber(id) != fmt.Sprintf("%s/%d", p.Number, n) {
			return fmt.Sprintf("amendmentNumber(%s) %s, %d amendments before", id, s.amendmentNumber(id), n-1)
		}
		for _, self := range []string{"", id} {
			var clash *Motion
			for _, p := range pending {
				if clash == nil && p.ID != self && p.Kind == "amendment" && p.Amends == id && !s.Assembly.Rules.ManyAmendments() {
					clash = p
				}
			}
			if got := s.pendingClash("amendment", id, "", self); got != clash {
				return fmt.Sprintf("pendingClash(amendment to %s) %v, the walk %v", id, got, clash)
			}
		}
	}
	for _, item := range []string{"", "i1", "i2"} {
		var clash *Motion
		for _, p := range pending {
			if clash == nil && p.Kind == "substantive" && p.Item == item && !s.Assembly.Rules.Drafts() {
				clash = p
			}
		}
		if got := s.pendingClash("substantive", "", item, ""); got != clash {
			return fmt.Sprintf("pendingClash(substantive on %q) %v, the walk %v", item, got, clash)
		}
	}
	return ""
}

// motionCommand makes a command on motions, mostly on those pending, so
// that most are accepted.
func motionCommand(r *rand.Rand, s *State) (string, Command) {
	who := func() string { return fmt.Sprintf("m%d", 1+r.IntN(10)) }
	fresh := func() string { return fmt.Sprintf("mo%d", len(s.MotionOrder)+r.IntN(3)) }
	among := func(ids []string, or string) string {
		if len(ids) == 0 {
			return or
		}
		return ids[r.IntN(len(ids))]
	}
	var pending, votes []string
	for _, mo := range s.PendingMotions() {
		pending = append(pending, mo.ID)
	}
	first := among(pending[:min(len(pending), 1)], "mo1")
	someMotion := func() string {
		if r.IntN(3) == 0 {
			return among(s.MotionOrder, "mo1")
		}
		return among(pending, "mo1")
	}
	const text = "The first paragraph of the draft.\n\nThe second paragraph of the draft.\n\nThe third paragraph."
	change := func() *TextChange {
		return &TextChange{Paragraph: 1 + r.IntN(3), Text: "Changed."}
	}
	switch r.IntN(20) {
	case 0, 1, 2:
		c := MoveMotion{ID: fresh(), Kind: "amendment", Amends: someMotion(), Title: "Amendment"}
		if r.IntN(2) == 0 {
			c.Change = change()
		}
		return who(), c
	case 3, 4:
		return who(), MoveMotion{ID: fresh(), Kind: "substantive", Title: "Draft", Text: text, Item: pick(r, "", "i1", "i2")}
	case 5:
		return who(), MoveMotion{ID: fresh(), Kind: "procedural", Procedure: "reconsider", Target: among(append(slices.Clone(s.MotionOrder), s.VoteOrder...), "mo1"), Title: "Reconsider"}
	case 6, 7:
		return "ann", WithdrawMotion{Motion: someMotion()}
	case 8:
		return "ben", DisposeMotion{Motion: someMotion(), Fate: pick(r, "lapsed", "referred", "overtaken", "not_recorded")}
	case 9, 10, 11:
		c := OpenVote{ID: fmt.Sprintf("v%d", len(s.VoteOrder)+1), Motion: pick(r, first, first, someMotion()), Method: "show_of_hands"}
		if a := s.Motions[c.Motion]; a != nil && a.Group != "" && r.IntN(2) == 0 {
			c.Motion, c.Alternatives = "", a.Group
		}
		return "ann", c
	case 12, 13, 14:
		for _, id := range s.VoteOrder {
			if v := s.Votes[id]; v.InProgress() {
				votes = append(votes, id)
			}
		}
		v := s.Votes[among(votes, "v1")]
		if v == nil || v.Status == VoteStatusOpen {
			return "ann", CloseVote{Vote: among(votes, "v1")}
		}
		if mo := s.Motions[v.Motion]; mo != nil && mo.Status != MotionStatusPending {
			// Overtaken during its vote (textEffects): declaring the
			// result would give an event that does not apply.
			return "ann", WithdrawVote{Vote: v.ID, Reason: "the motion is " + mo.Status}
		}
		out := pick(r, "carried", "carried", "defeated")
		if a := s.Alternatives[v.Alternatives]; a != nil {
			out = among(a.Motions, "")
		}
		return "ann", DeclareResult{Vote: v.ID, Outcome: out}
	case 15:
		return "ann", GroupAlternatives{ID: fmt.Sprintf("g%d", len(s.Alternatives)+1), Title: "Drafts", Motions: []string{among(pending, "mo1"), among(pending, "mo2")}}
	case 16:
		c := SubmitMotion{ID: fresh(), Title: "Submitted", Text: text}
		if r.IntN(2) == 0 {
			c.Text, c.Amends, c.Change = "", someMotion(), change()
		}
		return who(), c
	case 17, 18:
		var admitted []string
		for _, id := range s.MotionOrder {
			if s.Motions[id].Status == MotionStatusAdmitted {
				admitted = append(admitted, id)
			}
		}
		if len(admitted) > 0 && r.IntN(2) == 0 {
			return "ann", SetMotionState{Motion: among(admitted, ""), State: pick(r, "pending", "pending", "referred", "withdrawn")}
		}
		return "ann", SetMotionState{Motion: among(s.MotionOrder, "mo1"), State: pick(r, "admitted", "admitted", "not_admitted", "withdrawn")}
	default:
		return "m7", RecommendChange{ID: fresh(), Motion: someMotion(), Change: change()}
	}
}
