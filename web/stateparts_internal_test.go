package web

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

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
		"probe-voted": `{{.V.Voted .X}}`, "probe-why": `{{.V.Why .X}}`,
		"probe-state": `{{.S.Assembly.Name}} {{.S.Events}} {{.L.Lang}} {{.ID}} {{.Page}}`,
	} {
		template.Must(tm.New(name).Parse(text))
	}
	parts := &keptStates{t: tm}
	st := assembly.NewState()
	st.Assembly.Name, st.Events = "Congress", 7
	vt := &assembly.Vote{ID: "v1"}
	v := &view{Page: "delegate", ID: "coop", L: i18n.For("en"), S: st, asm: &engine.Assembly{}, Me: viewer{Person: "anna", LoggedIn: true}, CSRF: "token"}
	for _, name := range []string{"probe-viewer", "probe-csrf", "probe-now", "probe-form"} {
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

// A part kept by stateKept leaves holes for what is one viewer's or one
// render's (Hidden: a form's token and key; fresh: a template rendered
// for the viewer's view), filled on every render with the viewer's own:
// the part kept for one viewer shows another their own token, a fresh
// key and their own fresh parts. A hole where the template escapes it
// (in an attribute) fails to render rather than show its mark.
func TestStateKeptHolesAreEachViewers(t *testing.T) {
	pages := parsePages()
	tm := pages["chair"]
	for name, text := range map[string]string{
		"probe-holes":     `<form>{{.Hidden}}</form> {{.S.Events}} <p>{{fresh "probe-fresh" .}}</p><form>{{template "hidden" .}}</form>`,
		"probe-fresh":     `{{.Me.Person}} {{.CSRF}}`,
		"probe-attribute": `<a title="{{.Hidden}}">`,
		"probe-fresh-now": `{{fresh "probe-now" .}}`,
		"probe-now":       `{{.NowMilli}}`,
	} {
		template.Must(tm.New(name).Parse(text))
	}
	parts := &keptStates{t: tm}
	st := assembly.NewState()
	st.Events = 3
	anna := &view{Page: "chair", ID: "coop", L: i18n.For("en"), S: st, asm: &engine.Assembly{}, Me: viewer{Person: "anna", LoggedIn: true}, CSRF: "annastoken"}
	boris := &view{Page: "chair", ID: "coop", L: i18n.For("en"), S: st, asm: &engine.Assembly{}, Me: viewer{Person: "boris", LoggedIn: true}, CSRF: "boristoken"}
	keys := map[string]bool{}
	for i, v := range []*view{anna, boris, anna} {
		h, err := parts.part("probe-holes", v)
		if err != nil {
			t.Fatal(err)
		}
		other := map[string]string{"anna": "boris", "boris": "anna"}[v.Me.Person]
		if strings.Contains(string(h), other) || strings.Count(string(h), `value="`+v.CSRF+`"`) != 2 || !strings.Contains(string(h), "<p>"+v.Me.Person+" "+v.CSRF+"</p>") {
			t.Errorf("render %d for %s: %s", i, v.Me.Person, h)
		}
		if strings.Contains(string(h), holeMark) || strings.Contains(string(h), "\x00") {
			t.Errorf("render %d for %s shows a hole's mark: %q", i, v.Me.Person, h)
		}
		for _, m := range regexp.MustCompile(`name="key" value="([^"]+)"`).FindAllStringSubmatch(string(h), -1) {
			if keys[m[1]] {
				t.Errorf("render %d for %s repeats the key %s", i, v.Me.Person, m[1])
			}
			keys[m[1]] = true
		}
	}
	if len(keys) != 6 {
		t.Errorf("%d keys in three renders of two forms", len(keys))
	}
	if h, err := parts.part("probe-attribute", anna); err == nil {
		t.Errorf("a hole in an attribute rendered %q", h)
	}
	for i := range 2 {
		anna.Now = time.UnixMilli(int64(1000 + i))
		if h, err := parts.part("probe-fresh-now", anna); err != nil || string(h) != strconv.Itoa(1000+i) {
			t.Errorf("the clock's fresh part at %d: %q, %v", 1000+i, h, err)
		}
	}
}
