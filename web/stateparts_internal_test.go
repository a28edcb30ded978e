package web

import (
	"html/template"
	"testing"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
)

// A part kept by stateKept sees the state and the language, never the
// viewer, their token, the clock or the request: a part that reads them
// fails to render. It is kept for the state as it stands (its pointer
// and Events), and rendered again once an event moves the state on.
func TestStateKeptPartsSeeOnlyTheState(t *testing.T) {
	pages := parsePages()
	tm := pages["delegate"]
	for name, text := range map[string]string{
		"probe-viewer": `{{.Me.Person}}`, "probe-csrf": `{{.CSRF}}`, "probe-now": `{{.NowMilli}}`, "probe-form": `{{.Form}}`,
		"probe-hidden": `{{.Hidden}}`, "probe-voted": `{{.V.Voted .X}}`, "probe-why": `{{.V.Why .X}}`,
		"probe-state": `{{.S.Assembly.Name}} {{.S.Events}} {{.L.Lang}} {{.ID}} {{.Page}}`,
	} {
		template.Must(tm.New(name).Parse(text))
	}
	parts := &keptStates{t: tm}
	st := assembly.NewState()
	st.Assembly.Name, st.Events = "Congress", 7
	vt := &assembly.Vote{ID: "v1"}
	v := &view{Page: "delegate", ID: "coop", L: i18n.For("en"), S: st, asm: &engine.Assembly{}, Me: viewer{Person: "anna", LoggedIn: true}, CSRF: "token"}
	for _, name := range []string{"probe-viewer", "probe-csrf", "probe-now", "probe-form", "probe-hidden"} {
		if h, err := parts.part(name, v); err == nil {
			t.Errorf("%s rendered %q: a part kept for the state read more than the state", name, h)
		}
	}
	for _, name := range []string{"probe-voted", "probe-why"} {
		if h, err := parts.part(name, v, vt); err == nil {
			t.Errorf("%s rendered %q: a part kept for the state read the viewer", name, h)
		}
	}
	if _, err := parts.part("probe-state", v, "v1"); err == nil {
		t.Error("a part was kept for a string: only a vote or an election of the state")
	}
	say := func(want string) {
		t.Helper()
		h, err := parts.part("probe-state", v)
		if err != nil {
			t.Fatal(err)
		}
		if string(h) != want {
			t.Errorf("the part says %q, want %q", h, want)
		}
	}
	say("Congress 7 en coop delegate")
	st.Assembly.Name = "Changed without an event"
	say("Congress 7 en coop delegate") // kept for the state as it stood
	v.L = i18n.For("de")
	say("Changed without an event 7 de coop delegate") // another language: rendered
	st.Events++
	st.Assembly.Name = "Congress"
	say("Congress 8 de coop delegate") // the state moved on: rendered again
	v.S = assembly.NewState()
	v.S.Assembly.Name, v.S.Events = "Another state", 8
	say("Another state 8 de coop delegate") // replaced: rendered again
	v.asm = nil
	v.S.Assembly.Name = "Not kept"
	say("Not kept 8 de coop delegate") // not an assembly's readers' state: never kept
}
