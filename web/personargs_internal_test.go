package web

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"plenum/assembly"
)

// TestRefusalNamesPersonArguments: namedRefusal names a person whose id is
// a word of the rules where a refusal's arguments set their id (as %s, as
// %q, in a phrase among them), and leaves the word where the rules use it
// (a role, an office, "only the chair"), in English and in German.
func TestRefusalNamesPersonArguments(t *testing.T) {
	st := assembly.NewState()
	st.Persons["chair"] = &assembly.Person{ID: "chair", Name: "Vera Chair"}
	st.Persons["guest"] = &assembly.Person{ID: "guest"} // no name: the id stands
	refusal := func(format string, args ...any) *assembly.Error {
		return &assembly.Error{Code: assembly.ErrConflict, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
	}
	for _, c := range []struct {
		lang string
		e    *assembly.Error
		want string
	}{
		{"en", refusal("%s already holds the role %s", "chair", assembly.RoleChair), "Refused: Vera Chair already holds the role chair."},
		{"en", refusal("%s holds the office of %s: only the server administrator revokes an officer's access code", "chair", assembly.Reason{Format: "chair"}), "Refused: Vera Chair holds the office of chair: only the server administrator revokes an officer's access code."},
		{"de", refusal("%s holds the office of %s: only the server administrator revokes an officer's access code", "chair", assembly.Reason{Format: "chair"}), "Abgelehnt: Vera Chair hat ein Amt inne (Vorsitz): Den Zugangscode eines Funktionsträgers widerruft nur die Serveradministration."},
		{"en", refusal("the person %q cannot do that", "chair"), "Refused: The person Vera Chair cannot do that."},
		{"en", refusal("the mandate is %s", &assembly.Reason{Format: "%s's own", Args: []any{"chair"}}), "Refused: The mandate is Vera Chair's own."},
		{"en", refusal("only the chair closes a vote"), "Refused: Only the chair closes a vote."},
		{"en", refusal("%s is not present in the hall; only those present vote", "guest"), "Refused: Guest is not present in the hall; only those present vote."},
	} {
		r := httptest.NewRequest("POST", "/", nil)
		r.Header.Set("Accept-Language", c.lang)
		if got := namedRefusal(r, st, c.e); got != c.want {
			t.Errorf("%s, %q:\n got %q\nwant %q", c.lang, c.e.Format, got, c.want)
		}
	}
}
