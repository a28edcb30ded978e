package assembly

import (
	"reflect"
	"testing"
)

// TestAboutOfEveryEvent: for every event type, aboutOf gives the vote
// and the motion its fields Vote and Motion name, and nothing for a type
// without them: an event type added with either field but left out of
// aboutOf's list fails here (its entries would be missing from a
// motion's certified excerpt).
func TestAboutOfEveryEvent(t *testing.T) {
	for _, name := range EventTypes() {
		typ := eventTypes[name]
		v := reflect.New(typ).Elem()
		var want [2]string
		for i, field := range []string{"Vote", "Motion"} {
			sf, ok := typ.FieldByName(field)
			if !ok || sf.Type.Kind() != reflect.String || len(sf.Index) != 1 {
				continue
			}
			want[i] = name + "'s " + field
			v.Field(sf.Index[0]).SetString(want[i])
		}
		vote, motion := aboutOf(v.Interface().(Event))
		if got := [2]string{vote, motion}; got != want {
			t.Errorf("aboutOf(%s) = vote %q, motion %q; want %q, %q", name, vote, motion, want[0], want[1])
		}
	}
}
