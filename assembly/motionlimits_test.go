package assembly

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// A delegate's motion is refused beyond maxTextBytes of text (or
// points) and maxTitleBytes of title, and beyond the rules' number of
// motions pending at once; the chair and secretaries are not limited in
// number. (Review: one delegate's nine motions of 840 KB each made every
// delegate's page 7.6 MB.)
func TestMotionLimits(t *testing.T) {
	long := strings.Repeat("word ", maxTextBytes/5+1)
	// An item of its own for each, so that no clash with a pending
	// motion refuses them first.
	var items []step
	for i := 1; i <= DefaultMaxPending+1; i++ {
		items = append(items, step{"ann", "add_item", fmt.Sprintf(`{"id":"j%d","title":"J%d"}`, i, i)})
	}
	spread := append([]step{}, items...)
	for i := 1; i <= DefaultMaxPending; i++ {
		spread = append(spread, step{"m1", "move_motion", fmt.Sprintf(`{"id":"p%d","kind":"substantive","title":"P%d","item":"j%d"}`, i, i, i)})
	}
	runRefusals(t, "congress", "", []refusal{
		{name: "long text", do: step{"m1", "move_motion", fmt.Sprintf(`{"id":"x","kind":"substantive","title":"X","text":%q}`, long)},
			code: ErrInvalid, msg: fmt.Sprintf("the text has %d bytes; a motion's text has at most %d", len(long), maxTextBytes)},
		{name: "long text by the chair", do: step{"ann", "move_motion", fmt.Sprintf(`{"id":"x","kind":"substantive","title":"X","text":%q}`, long)},
			code: ErrInvalid, msg: fmt.Sprintf("the text has %d bytes; a motion's text has at most %d", len(long), maxTextBytes)},
		{name: "long points", do: step{"m1", "move_motion", fmt.Sprintf(`{"id":"x","kind":"substantive","title":"X","text":"a","points":[{"text":%q},{"text":%q}]}`, long[:60000], long[:60000])},
			code: ErrInvalid, msg: fmt.Sprintf("the text has %d bytes; a motion's text has at most %d", 120001, maxTextBytes)},
		{name: "long amendment text", setup: []step{{"m2", "move_motion", `{"id":"main","kind":"substantive","title":"Main","text":"Short."}`}},
			do:   step{"m1", "move_motion", fmt.Sprintf(`{"id":"x","kind":"amendment","amends":"main","title":"X","text":%q}`, long)},
			code: ErrInvalid, msg: fmt.Sprintf("the text has %d bytes; a motion's text has at most %d", len(long), maxTextBytes)},
		{name: "long title", do: step{"m1", "move_motion", fmt.Sprintf(`{"id":"x","kind":"substantive","title":%q}`, long[:2000])},
			code: ErrInvalid, msg: "the title has 2000 bytes; a motion's title has at most 1000 (the text goes in text)"},
		{name: "too many pending", setup: spread, do: step{"m1", "move_motion", `{"id":"x","kind":"substantive","title":"X","item":"j6"}`},
			code: ErrConflict, msg: "motions and amendments of m1 pending: 5; the rules allow a delegate at most 5 at once (withdraw one, or wait until one is decided)"},
	})
}

// The chair and a secretary are not limited in number, nor is a delegate
// by the motions they record in the delegate's name; a withdrawn or
// decided motion no longer counts, and the rules may set the number.
func TestMotionPendingLimit(t *testing.T) {
	h := fixture(t, "congress", `{"motions":{"max_pending":2}}`)
	for i := 1; i <= 4; i++ {
		h.must("ann", "add_item", fmt.Sprintf(`{"id":"j%d","title":"J%d"}`, i, i))
	}
	h.must("m1", "move_motion", `{"id":"p1","kind":"substantive","title":"P1","item":"j1"}`)
	h.must("m1", "move_motion", `{"id":"a1","kind":"amendment","amends":"p1","title":"A1","text":"Other words."}`)
	msg := "motions and amendments of m1 pending: 2; the rules allow a delegate at most 2 at once (withdraw one, or wait until one is decided)"
	h.refuse("m1", "move_motion", `{"id":"p2","kind":"substantive","title":"P2","item":"j2"}`, ErrConflict, msg)
	// Others are not held by m1's motions; officers not at all, in
	// their own name or recording m1's, and what they record in m1's
	// name does not count toward m1's two.
	h.must("m2", "move_motion", `{"id":"q1","kind":"substantive","title":"Q1","item":"j2"}`)
	h.must("ann", "move_motion", `{"id":"c1","kind":"substantive","title":"C1","item":"j3"}`)
	h.must("ben", "move_motion", `{"id":"c2","kind":"substantive","title":"C2","item":"j4","mover":"m1"}`)
	h.refuse("m1", "move_motion", `{"id":"p2","kind":"substantive","title":"P2","item":"j4"}`, ErrConflict, msg)
	h.must("m1", "withdraw_motion", `{"motion":"a1"}`)
	h.must("m1", "move_motion", `{"id":"p2","kind":"amendment","amends":"q1","title":"P2","text":"Yet other words."}`)
	if got := h.s.Assembly.Rules.MaxPending(); got != 2 {
		t.Fatalf("MaxPending = %d, want 2", got)
	}
	// 0 is no limit; a number out of range is refused.
	h = fixture(t, "congress", `{"motions":{"max_pending":0}}`)
	for i := 1; i <= DefaultMaxPending+2; i++ {
		h.must("ann", "add_item", fmt.Sprintf(`{"id":"j%d","title":"J%d"}`, i, i))
		h.must("m1", "move_motion", fmt.Sprintf(`{"id":"p%d","kind":"substantive","title":"P%d","item":"j%d"}`, i, i, i))
	}
	h = newHarness(t)
	h.refuse("ann", "create_assembly", `{"id":"a1","name":"A","starts":"2026-05-09","rules":"congress","overrides":{"motions":{"max_pending":-1}}}`, ErrInvalid,
		"the number of motions a delegate may have pending at once is 0 (no limit) to 1000, not -1")
}

// The record replays a motion longer than a new one may be, and more
// pending motions of one delegate than the rules now allow: the limits
// refuse commands, not what was recorded before them.
func TestMotionLimitsReplayOldRecord(t *testing.T) {
	h := fixture(t, "congress", "")
	long := strings.Repeat("An old and very long resolution. ", 2*maxTextBytes/33)
	at := h.clock
	for i := 1; i <= DefaultMaxPending+2; i++ {
		at = at.Add(time.Minute)
		e := MotionMoved{Meta: Meta{Assembly: "a1", Actor: "m1", At: at}, ID: fmt.Sprintf("old%d", i), Kind: "substantive",
			Title: "Old", Text: long, Mover: "m1", Item: "i1", Sitting: "s1"}
		b, err := EncodeEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		d, err := DecodeEvent(e.EventType(), b)
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if err := h.s.Apply(d); err != nil {
			t.Fatalf("replaying a long motion: %v", err)
		}
	}
	if mo := h.s.Motions["old1"]; mo == nil || mo.Text != long {
		t.Fatal("the long motion was not replayed with its text")
	}
	// A new command of m1 is held by the limit; the chair's is not.
	h.replay = h.s // the events above went around the harness
	h.refuse("m1", "move_motion", `{"id":"x","kind":"amendment","amends":"old1","title":"X","text":"Y"}`, ErrConflict,
		"motions and amendments of m1 pending: 7; the rules allow a delegate at most 5 at once (withdraw one, or wait until one is decided)")
}

// TestSubmittedMotionsCount: the motions a delegate submits in writing
// count toward the rules' number, with those they moved, until they are
// decided, withdrawn or not admitted, and submit_motion is refused beyond
// it as move_motion is; what the chair or a secretary submits in the
// delegate's name does not count, nor are they limited. (Review: no
// limit held submit_motion.)
func TestSubmittedMotionsCount(t *testing.T) {
	h := fixture(t, "congress", `{"motions":{"max_pending":2}}`)
	h.must("ann", "set_submission_deadline", `{"deadline":"2026-05-10T12:00:00Z"}`)
	submit := func(actor, id, more string) string {
		return fmt.Sprintf(`{"id":%q,"title":"On %s","text":"The assembly resolves %s."%s}`, id, id, id, more)
	}
	msg := func(n int) string {
		return fmt.Sprintf("motions and amendments of m1 pending: %d; the rules allow a delegate at most 2 at once (withdraw one, or wait until one is decided)", n)
	}
	h.must("m1", "submit_motion", submit("m1", "d1", ""))
	h.must("m1", "submit_motion", submit("m1", "d2", ""))
	h.refuse("m1", "submit_motion", submit("m1", "d3", ""), ErrConflict, msg(2))
	h.refuse("m1", "submit_motion", submit("m1", "d3", `,"amends":"d1","change":{"from_line":1,"to_line":1,"text":"Other words."}`), ErrConflict, msg(2))
	// Moved in the hall: the two submitted hold it too.
	h.refuse("m1", "move_motion", `{"id":"p1","kind":"substantive","title":"P1"}`, ErrConflict, msg(2))
	if h.s.Motions["d3"] != nil || h.s.Motions["p1"] != nil {
		t.Fatal("a refused motion was recorded")
	}
	// Another delegate is not held; officers are not, and what a
	// secretary submits in m1's name does not count toward m1's.
	h.must("m2", "submit_motion", submit("m2", "e1", ""))
	h.must("ann", "submit_motion", submit("ann", "c1", ""))
	h.must("ben", "submit_motion", submit("ben", "c2", `,"submitter":"m1"`))
	h.must("ben", "submit_motion", submit("ben", "c3", `,"submitter":"m1"`))
	h.refuse("m1", "submit_motion", submit("m1", "d3", ""), ErrConflict, msg(2))
	// Admitted, it still counts; not admitted or withdrawn, it no longer
	// does.
	h.must("ann", "set_motion_state", `{"motion":"d1","state":"admitted"}`)
	h.refuse("m1", "submit_motion", submit("m1", "d3", ""), ErrConflict, msg(2))
	h.must("ann", "set_motion_state", `{"motion":"d2","state":"not_admitted"}`)
	h.must("m1", "submit_motion", submit("m1", "d3", ""))
	h.must("m1", "withdraw_motion", `{"motion":"d1"}`)
	h.must("m1", "move_motion", `{"id":"p1","kind":"substantive","title":"P1"}`)
	h.refuse("m1", "submit_motion", submit("m1", "d4", ""), ErrConflict, msg(2))

	// A record holding more submitted motions of m1 than the rules allow
	// replays; a new one is refused.
	h = fixture(t, "congress", `{"motions":{"max_pending":1}}`)
	for i := 1; i <= 3; i++ {
		h.inject(MotionSubmitted{Meta: Meta{Assembly: "a1", Actor: "m1", At: h.clock}, ID: fmt.Sprintf("old%d", i), Title: "Old", Text: "Old words.", Submitter: "m1"})
	}
	h.must("ann", "set_submission_deadline", `{"deadline":"2026-05-10T12:00:00Z"}`)
	h.refuse("m1", "submit_motion", submit("m1", "d1", ""), ErrConflict,
		"motions and amendments of m1 pending: 3; the rules allow a delegate at most 1 at once (withdraw one, or wait until one is decided)")
}
