package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"

	"plenum/assembly"
	"plenum/i18n"
)

// correcting is the entry of the record the secretary's correction form
// corrects (the page's ?entry=N, which each entry's "correct" link sends):
// the entry, to name it above the form, and its text as it reads now, to
// fill the form with, so that a typo is mended by editing the text, not
// by typing a speech again.
type correcting struct {
	Entry assembly.RecordEntry
	Text  string
}

// Correcting is the entry the page's ?entry= asks to correct, nil when
// there is none, it is no entry of the record, or it is an entry of a
// count or of another fact the state counts (assembly.State.Fixed:
// attendance, a role…), which correct_record refuses. Its Text is that of its
// latest correction if it has one (the text the minutes now give), else
// the entry's own: a speech's notes, or the text of the line.
func (v *view) Correcting() *correcting {
	n, err := strconv.Atoi(v.Query.Get("entry"))
	if err != nil {
		return nil
	}
	i, ok := v.S.RecordIndex[n]
	if !ok || v.S.Fixed(n) || v.Struck(n) {
		return nil
	}
	r := v.S.Record[i]
	c := &correcting{Entry: r, Text: r.Text}
	if r.Kind == "speech_recorded" {
		if sp := v.S.Speeches[r.Ref]; sp != nil {
			c.Text = sp.Notes
		}
	}
	if k := len(r.Corrected); k > 0 {
		c.Text = v.S.Record[r.Corrected[k-1]].Text
	}
	return c
}

// Struck reports whether entry n was struck out of the minutes
// (strike_record): the list marks it, and offers neither its correction
// nor a second strike, which the rules refuse.
func (v *view) Struck(n int) bool {
	_, ok := v.S.StruckBy(n)
	return ok
}

// Strikable reports whether the entry being corrected may be struck out
// instead: any the correction form takes (Correcting) but a strike.
func (c *correcting) Strikable() bool { return c.Entry.Kind != "record_struck" }

// SpeechCapacity is the capacity the speech form proposes: during a
// report or a summary the reporter's (co_reporter for one who is only a
// co-reporter of the item), so that the minutes say "(reporter)"; else
// none ("—").
func (v *view) SpeechCapacity() string {
	t, it := v.Turn(), v.Item()
	if t == nil || it == nil || t.Kind != "report" && t.Kind != "summary" {
		return ""
	}
	if !slices.Contains(it.Reporters, t.Person) && slices.Contains(it.CoReporters, t.Person) {
		return "co_reporter"
	}
	return "reporter"
}

// VoteOf looks a vote up, so that the secretary's list names the vote a
// result is of (Question).
func (v *view) VoteOf(id string) *assembly.Vote { return v.S.Votes[id] }

// floorTurn is a floor turn the secretary may attach a speech's notes to:
// the log entry that gave the floor, and the words that name it.
type floorTurn struct {
	Entry int
	Label string
	// Person is the turn's speaker, and Choice their name as the speaker
	// picker lists it: choosing the turn chooses them there
	// (static/picker.js, data-picks).
	Person, Choice string
}

// FloorTurns are the floor turns of the open sitting's current item,
// latest first, for the speech form: notes written up after the fact
// (after the vote that followed, say) name the turn they belong to, and
// the minutes put them there (RecordSpeech.Floor).
func (v *view) FloorTurns() []floorTurn {
	st := v.S.Sitting()
	if st == nil || st.CurrentItem == "" {
		return nil
	}
	it := v.S.Items[st.CurrentItem]
	if it == nil {
		return nil
	}
	var out []floorTurn
	for i := len(v.S.Record) - 1; i >= 0 && len(out) < 12; i-- {
		r := v.S.Record[i]
		if r.Kind != "floor_given" || r.Sitting != v.S.OpenSitting || r.Item != it.ID {
			continue
		}
		name := mark(v.Name(r.Person))
		label := v.L.T("web.s.turn_now", name, v.Clock(r.At))
		for _, t := range it.Floor.Turns {
			if t.Person == r.Person && t.From.Equal(r.At) && !t.To.IsZero() {
				label = v.L.T("web.s.turn", name, v.Clock(t.From), v.Clock(t.To))
			}
		}
		choice := v.Name(r.Person)
		if p := v.S.Persons[r.Person]; p != nil {
			c := v.personChoice(r.Person, p, v.personHint(p))
			choice = option(c.Label)
			if c.Hint != "" {
				choice += " — " + option(c.Hint)
			}
		}
		out = append(out, floorTurn{Entry: r.Entry, Label: isolatedMarks(label), Person: r.Person, Choice: choice})
	}
	return out
}

// otherSpeakersTurn is the refusal of record_speech's notes sent with a
// floor turn (floor) and a speaker who is not the turn's: the rules say
// only "the floor turn at entry N is another speaker's"; the secretary's
// page names both, the turn's speaker and the one chosen, and what to do.
// It is "" for every other refusal (e), which the page words as the
// rules do (namedRefusal).
func otherSpeakersTurn(r *http.Request, st *assembly.State, cmd string, args json.RawMessage, e *assembly.Error) string {
	if cmd != "record_speech" || e.Format != "the floor turn at entry %d is another speaker's" {
		return ""
	}
	var sent struct {
		Speaker string `json:"speaker"`
		Floor   int    `json:"floor"`
	}
	if json.Unmarshal(args, &sent) != nil || sent.Speaker == "" {
		return ""
	}
	pos, ok := st.RecordIndex[sent.Floor]
	if !ok {
		return ""
	}
	turn := st.Record[pos]
	if turn.Kind != "floor_given" || turn.Person == sent.Speaker {
		return ""
	}
	name := func(id string) string {
		if p := st.Persons[id]; p != nil {
			return mark(p.Name)
		}
		return id
	}
	l := i18n.Choose(r, st.Assembly.Language)
	return isolatedMarks(l.T("web.refused", l.T("web.s.turn_of_another", sent.Floor, name(turn.Person), name(sent.Speaker))))
}
