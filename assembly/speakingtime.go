package assembly

import (
	"fmt"
	"time"
)

// TurnLimit is a turn's speaking time in seconds, as the record judges
// its overtime when it ends (endTurn) and the pages count it down (0: no
// limit): the speaking time set in the sitting (set_speaking_time) when
// the turn began (Turn.Limit), where one was; else none for a report; for
// an interposed question or a short intervention the rules' intervention
// time where they set one, else the rules' speaking time; and no more than
// was left of the allotment the turn draws on (Turn.Left). The time
// interposed questions took (Turn.Paused) is not the speaker's: the limit
// runs on after it.
func (s *State) TurnLimit(t *Turn) int {
	r := s.Assembly.Rules
	lim := t.Limit
	switch {
	case lim > 0:
	case t.Kind == "report":
		return 0
	case (t.Kind == "question" || t.Kind == "intervention") && r.InterventionSeconds > 0:
		lim = r.InterventionSeconds
	default:
		lim = r.SpeakingTimeSeconds
	}
	if t.Allowance != "" && (lim == 0 || t.Left < lim) {
		lim = t.Left
	}
	return lim
}

// This file also holds the speaking time the chair sets during a sitting
// (set_speaking_time): "the conference decides to limit the speakers to
// five minutes". It holds for the rest of the sitting, or on one item
// wherever it is debated, from the next turn: the turn running keeps the
// time it began with, as a speaker is not cut short by a limit decided
// while he speaks. What is set on an item comes before what is set for
// the sitting, which comes before the rules (speaking_time_seconds).

// maxSpeakingTime is the longest speaking time set_speaking_time takes: a
// limit of more than two hours is a mistake (minutes given as seconds,
// a slip of the keyboard), not a limit.
const maxSpeakingTime = 2 * 60 * 60

// SetSpeakingTime sets the speaking time for the rest of the sitting, or
// on one item: Seconds for a speech (and a reply, a point of order, a
// summary, the chair's turn; an interposed question or short
// intervention keeps the rules' intervention time where it is shorter),
// ReportSeconds, if given, for a report, which the rules do not limit.
// Motion is the adopted motion that decided it, if the assembly voted.
type SetSpeakingTime struct {
	Item          string `json:"item" plenum:"id"`
	Seconds       int    `json:"seconds"`
	ReportSeconds int    `json:"report_seconds"`
	Motion        string `json:"motion" plenum:"id"`
}

func (SetSpeakingTime) CommandName() string { return "set_speaking_time" }

// SpeakingTimeSet: the speaking time was set for the sitting, or on an
// item (Item).
type SpeakingTimeSet struct {
	Meta          `json:"meta"`
	Sitting       string `json:"sitting"`
	Item          string `json:"item,omitempty"`
	Seconds       int    `json:"seconds"`
	ReportSeconds int    `json:"report_seconds,omitempty"`
	Motion        string `json:"motion,omitempty"`
}

func (SpeakingTimeSet) EventType() string { return "speaking_time_set" }

// SpeakingTime is a speaking time set during a sitting (set_speaking_time).
type SpeakingTime struct {
	Seconds       int       `json:"seconds"`
	ReportSeconds int       `json:"report_seconds,omitempty"`
	Motion        string    `json:"motion,omitempty"`
	At            time.Time `json:"at"`
}

func (c SetSpeakingTime) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair sets the speaking time")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; the speaking time is set in a sitting")
	}
	if c.Item != "" {
		if _, err := s.openItem(c.Item); err != nil {
			return nil, err
		}
	}
	if c.Seconds <= 0 {
		return nil, fieldErr("seconds", "the speaking time is a number of seconds greater than 0, not %d (300 is five minutes)", c.Seconds)
	}
	if c.Seconds > maxSpeakingTime {
		return nil, fieldErr("seconds", "%d is more than two hours (7200 seconds); give the speaking time in seconds (300 is five minutes)", c.Seconds)
	}
	if c.ReportSeconds < 0 || c.ReportSeconds > maxSpeakingTime {
		return nil, fieldErr("report_seconds", "the report's time is a number of seconds from 1 to two hours (7200), or none, not %d", c.ReportSeconds)
	}
	if c.Motion != "" {
		mo, err := s.motion(c.Motion)
		if err != nil {
			return nil, err
		}
		if mo.Status != MotionStatusCarried {
			return nil, conflict("%s (%s) is not adopted; the speaking time is set on an adopted motion, or by the chair without one", mo.ID, mo.Title)
		}
	}
	return one(SpeakingTimeSet{Meta: m, Sitting: st.ID, Item: c.Item, Seconds: c.Seconds, ReportSeconds: c.ReportSeconds, Motion: c.Motion})
}

func (e SpeakingTimeSet) apply(s *State) error {
	st := s.Sitting()
	if st == nil || st.ID != e.Sitting || e.Seconds <= 0 {
		return corrupt("the speaking time cannot be set in the sitting %q", e.Sitting)
	}
	set := &SpeakingTime{Seconds: e.Seconds, ReportSeconds: e.ReportSeconds, Motion: e.Motion, At: e.At}
	if e.Item != "" {
		it := s.Items[e.Item]
		if it == nil {
			return corrupt("there is no item %q", e.Item)
		}
		it.Floor.SpeakingTime = set
	} else {
		st.SpeakingTime = set
	}
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) {
		if e.Item != "" {
			r.Item = e.Item
		}
		r.Text = "Speaking time: " + minutesText(e.Seconds, true) + " a speech"
		if e.ReportSeconds > 0 {
			r.Text += fmt.Sprintf(", %s for a report", minutesText(e.ReportSeconds, true))
		}
		r.Text += "."
		r.Label = e.Motion
	})
	return nil
}

// setLimit is the speaking time set in the sitting for a turn of the kind
// beginning now on the item, or 0 where none is set and the rules'
// applies (TurnLimit).
func (s *State) setLimit(it *Item, kind string) int {
	set := it.Floor.SpeakingTime
	if set == nil {
		if st := s.Sitting(); st != nil {
			set = st.SpeakingTime
		}
	}
	if set == nil {
		return 0
	}
	switch kind {
	case "report":
		return set.ReportSeconds
	case "question", "intervention":
		if r := s.Assembly.Rules.InterventionSeconds; r > 0 && r < set.Seconds {
			return r
		}
	}
	return set.Seconds
}

func init() {
	registerCommands(SetSpeakingTime{})
	registerEvents(SpeakingTimeSet{})
}
