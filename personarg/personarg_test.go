package personarg

import (
	"fmt"
	"slices"
	"testing"

	"plenum/assembly"
)

// TestName: a text made from a marked refusal names each person where an
// argument set their id (as %s, as %q, in a phrase, twice), the id where
// the person has no name; a string that is no person's id, and the rules'
// own words (a Role, a phrase), stand; the ids come once each, in the
// order the text names them.
func TestName(t *testing.T) {
	st := assembly.NewState()
	st.Persons["chair"] = &assembly.Person{ID: "chair", Name: "Vera Chair"}
	st.Persons["nogin"] = &assembly.Person{ID: "nogin", Name: "V. P. Nogin"}
	st.Persons["guest"] = &assembly.Person{ID: "guest"}
	for _, c := range []struct {
		format string
		args   []any
		want   string
		ids    []string
	}{
		{"%s already holds the role %s", []any{"chair", assembly.RoleChair}, "Vera Chair already holds the role chair", []string{"chair"}},
		{"%s holds the office of %s", []any{"nogin", assembly.Reason{Format: "chair"}}, "V. P. Nogin holds the office of chair", []string{"nogin"}},
		{"the person %q cannot do that", []any{"chair"}, "the person Vera Chair cannot do that", []string{"chair"}},
		{"the mandate is %s; %s asks", []any{&assembly.Reason{Format: "%s's own", Args: []any{"nogin"}}, "chair"}, "the mandate is V. P. Nogin's own; Vera Chair asks", []string{"nogin", "chair"}},
		{"%s and %s again", []any{"nogin", "nogin"}, "V. P. Nogin and V. P. Nogin again", []string{"nogin"}},
		{"%s is not present", []any{"guest"}, "guest is not present", []string{"guest"}},
		{"there is no person %q", []any{"ghost"}, `there is no person "ghost"`, nil},
		{"only the chair closes a vote", nil, "only the chair closes a vote", nil},
	} {
		m := Mark(st, assembly.Reason{Format: c.format, Args: c.args})
		got, ids := Name(st, fmt.Sprintf(m.Format, m.Args...))
		if got != c.want || !slices.Equal(ids, c.ids) {
			t.Errorf("%q %v: %q %q, want %q %q", c.format, c.args, got, ids, c.want, c.ids)
		}
	}
	// Mark leaves the caller's arguments as they were.
	args := []any{"chair"}
	Mark(st, assembly.Reason{Format: "%s", Args: args})
	if args[0] != "chair" {
		t.Errorf("Mark changed its caller's arguments: %v", args)
	}
	// An open mark without its close is no person: the text stands.
	if got, ids := Name(st, "x "+open+"chair"); got != "x "+open+"chair" || ids != nil {
		t.Errorf("an unclosed mark: %q %q", got, ids)
	}
}
