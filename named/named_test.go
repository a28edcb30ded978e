package named

import (
	"slices"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestText: a vote reads by its question, a motion by its title, in
// English and in German quotes; "the vote v1" and "the election e1" do
// not say their words twice; Seen hears each id named.
func TestText(t *testing.T) {
	s := assembly.NewState()
	s.Motions["m1"] = &assembly.Motion{ID: "m1", Title: "Adopt the budget"}
	s.Votes["v1"] = &assembly.Vote{ID: "v1", Question: "Adopt the budget?"}
	s.Elections["e1"] = &assembly.Election{ID: "e1", Title: "The board"}
	var seen []string
	en := Namer{S: s, Seen: func(id string) { seen = append(seen, id) }}
	for _, c := range []struct{ in, want string }{
		{"the rules cannot change while the vote v1 is open", "the rules cannot change while the vote on “Adopt the budget?” is open"},
		{"the election e1 is closed", "the election “The board” is closed"},
		{"v1 is open", "the vote on “Adopt the budget?” is open"},
		{"the motion m1 is withdrawn", "the motion “Adopt the budget” is withdrawn"},
		{"the m1", "the m1"},
	} {
		if got := en.Text(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
	if want := []string{"v1", "e1", "v1", "m1"}; !slices.Equal(seen, want) {
		t.Errorf("seen %q, want %q", seen, want)
	}
	de := Namer{S: s, L: i18n.For("de")}
	if got, want := de.Text("solange die Abstimmung v1 offen ist, Antrag m1"), "solange die Abstimmung „Adopt the budget?“ offen ist, Antrag „Adopt the budget“"; got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
}
