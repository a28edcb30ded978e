package assembly

import (
	"testing"
	"time"
)

// TestProcedureSpeechNotCountedAmongSpeeches: a speech for or against a
// procedural motion, given ahead of the list, is on the procedure: it does
// not use up one of the speeches the rules allow a person on the item
// (max_speeches). Before, m3, having spoken against closing the
// discussion, was refused his one speech on the question.
func TestProcedureSpeechNotCountedAmongSpeeches(t *testing.T) {
	h := fixture(t, "congress", `{"max_speeches":1}`)
	h.must("m1", "move_motion", `{"id":"p1","kind":"procedural","procedure":"close_discussion","title":"Close the discussion","item":"i1"}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"m3","motion":"p1","side":"against"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.must("m3", "request_floor", `{"item":"i1","person":"m3"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.refuse("m3", "request_floor", `{"item":"i1","person":"m3"}`, ErrConflict,
		"m3 has already spoken on i1 in this sitting; the rules of procedure allow one speech by one person on one question")
}

// TestChairSetsSpeakingTime: the chair sets the speaking time during the
// sitting ("the conference limits the speakers to five minutes"),
// recorded; the turn running keeps the time it began with, the next
// turns have the new one, counted down (TurnLimit) and judged at their
// end; a time set on an item comes before the sitting's; a report is
// limited where a report's time is given; the sitting's time ends with
// the sitting. Before, only the rules' speaking_time_seconds applied, set
// before the assembly met (REVIEW-CHAIR #11).
func TestChairSetsSpeakingTime(t *testing.T) {
	h := fixture(t, "congress", `{"speaking_time_seconds":600}`)
	h.must("ann", "add_item", `{"id":"i2","title":"The second question","reporters":["rep"]}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"m1"}`)
	h.must("ann", "set_speaking_time", `{"seconds":300}`)
	turn := func(item string) *Turn { f := h.s.Items[item].Floor; return &f.Turns[len(f.Turns)-1] }
	if lim := h.s.TurnLimit(turn("i1")); lim != 600 {
		t.Errorf("the speech running when the time was set: limit %d, want the 600 it began with", lim)
	}
	h.clock = h.clock.Add(7 * time.Minute)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	if tu := turn("i1"); tu.Overtime || tu.Seconds != 540 {
		t.Errorf("the speech running when the time was set: %+v", tu)
	}
	h.must("ann", "give_floor", `{"item":"i1","person":"m2"}`)
	if lim := h.s.TurnLimit(turn("i1")); lim != 300 {
		t.Errorf("the next speech: limit %d, want 300", lim)
	}
	h.clock = h.clock.Add(5 * time.Minute)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	if tu := turn("i1"); !tu.Overtime || tu.Seconds != 360 {
		t.Errorf("the next speech, six minutes long: %+v", tu)
	}
	if r := lastOfKind(h.s, "speaking_time_set"); r.Text != "Speaking time: 5 minutes a speech." || r.Item != "i1" {
		t.Errorf("the record: %+v", r)
	}
	// The report is not limited, as the rules have it, until a report's time is set.
	h.must("ann", "give_floor", `{"item":"i1","person":"rep"}`)
	if lim := h.s.TurnLimit(turn("i1")); lim != 0 {
		t.Errorf("the report: limit %d, want none", lim)
	}
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.must("ann", "set_speaking_time", `{"item":"i2","seconds":180,"report_seconds":1200}`)
	if r := lastOfKind(h.s, "speaking_time_set"); r.Text != "Speaking time: 3 minutes a speech, 20 minutes for a report." || r.Item != "i2" {
		t.Errorf("the record: %+v", r)
	}
	h.must("ann", "take_up_item", `{"item":"i2"}`)
	h.must("ann", "give_floor", `{"item":"i2","person":"rep"}`)
	if lim := h.s.TurnLimit(turn("i2")); lim != 1200 {
		t.Errorf("the report on i2: limit %d, want 1200", lim)
	}
	h.must("ann", "end_speech", `{"item":"i2"}`)
	h.must("ann", "give_floor", `{"item":"i2","person":"m3"}`)
	if lim := h.s.TurnLimit(turn("i2")); lim != 180 {
		t.Errorf("a speech on i2: limit %d, want the item's 180 before the sitting's 300", lim)
	}
	h.must("ann", "end_speech", `{"item":"i2"}`)
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-09","chair":"ann"}`)
	h.must("ann", "take_up_item", `{"item":"i1"}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"m4"}`)
	if lim := h.s.TurnLimit(turn("i1")); lim != 600 {
		t.Errorf("a speech in the next sitting: limit %d, want the rules' 600", lim)
	}
}

// TestSetSpeakingTimeRefusals: only the chair sets the speaking time, in
// a sitting, on an open item, to a number of seconds from 1 to two
// hours, on an adopted motion if on one; each refusal changes nothing.
func TestSetSpeakingTimeRefusals(t *testing.T) {
	h := fixture(t, "congress", `{"speaking_time_seconds":600}`)
	h.must("m1", "move_motion", `{"id":"p1","kind":"procedural","procedure":"other","title":"Five minutes a speaker","item":"i1"}`)
	events := h.s.Events
	h.refuse("m1", "set_speaking_time", `{"seconds":300}`, ErrForbidden, "only the chair sets the speaking time")
	h.refuse("ben", "set_speaking_time", `{"seconds":300}`, ErrForbidden, "only the chair sets the speaking time")
	h.refuse("ann", "set_speaking_time", `{"seconds":0}`, ErrInvalid, "the speaking time is a number of seconds greater than 0, not 0 (300 is five minutes)")
	h.refuse("ann", "set_speaking_time", `{"seconds":-60}`, ErrInvalid, "the speaking time is a number of seconds greater than 0, not -60 (300 is five minutes)")
	h.refuse("ann", "set_speaking_time", `{"seconds":18000}`, ErrInvalid, "18000 is more than two hours (7200 seconds); give the speaking time in seconds (300 is five minutes)")
	h.refuse("ann", "set_speaking_time", `{"seconds":300,"report_seconds":-1}`, ErrInvalid, "the report's time is a number of seconds from 1 to two hours (7200), or none, not -1")
	h.refuse("ann", "set_speaking_time", `{"item":"nope","seconds":300}`, ErrNotFound, `there is no item "nope" on the order of the day`)
	h.refuse("ann", "set_speaking_time", `{"seconds":300,"motion":"p1"}`, ErrConflict, "p1 (Five minutes a speaker) is not adopted; the speaking time is set on an adopted motion, or by the chair without one")
	if h.s.Events != events || h.s.Sitting().SpeakingTime != nil || h.s.Items["i1"].Floor.SpeakingTime != nil {
		t.Errorf("a refusal changed the state")
	}
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.refuse("ann", "set_speaking_time", `{"seconds":300}`, ErrClosed, "no sitting is open; the speaking time is set in a sitting")
}

// lastOfKind is the last entry of the record of the kind, or an empty one.
func lastOfKind(s *State, kind string) RecordEntry {
	for i := len(s.Record) - 1; i >= 0; i-- {
		if s.Record[i].Kind == kind {
			return s.Record[i]
		}
	}
	return RecordEntry{}
}
