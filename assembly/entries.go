package assembly

import (
	"reflect"
	"sync"
)

// aboutFields are, by event type, the indexes of its fields Vote and
// Motion (strings; -1 where it has none): the vote and the motion an
// event is about, as its own struct names them.
var aboutFields sync.Map // reflect.Type → [2]int

func aboutOf(e Event) (vote, motion string) {
	v := reflect.ValueOf(e)
	if v.Kind() != reflect.Struct {
		return "", ""
	}
	idx, ok := aboutFields.Load(v.Type())
	if !ok {
		f := [2]int{-1, -1}
		for i, name := range []string{"Vote", "Motion"} {
			if sf, ok := v.Type().FieldByName(name); ok && sf.Type.Kind() == reflect.String && len(sf.Index) == 1 {
				f[i] = sf.Index[0]
			}
		}
		idx, _ = aboutFields.LoadOrStore(v.Type(), f)
	}
	f := idx.([2]int)
	if f[0] >= 0 {
		vote = v.Field(f[0]).String()
	}
	if f[1] >= 0 {
		motion = v.Field(f[1]).String()
	}
	return vote, motion
}

// noteEntries adds the entry being applied (e, applied) to the Entries
// of the vote and of the motion it names: whatever its type, an event
// that names a vote or a motion by its field vote or motion is of it.
// A motion's certified excerpt holds these (httpapi's excerpt): the
// vote's ballots, close, sealed ballots and every count entered are not
// in the minutes' Record, and its declaration rests on them.
func (s *State) noteEntries(e Event) {
	vote, motion := aboutOf(e)
	if v := s.Votes[vote]; v != nil {
		v.Entries = append(v.Entries, int64(s.Events))
	}
	if mo := s.Motions[motion]; mo != nil {
		mo.Entries = append(mo.Entries, int64(s.Events))
	}
}
