package web_test

import (
	"net/http"
	"strings"
	"testing"

	"plenum/web"
)

// The parts of a page kept once rendered (the navigation, the chair's
// tabs, the language switch: static.go) follow what they are kept by:
// the navigation shows the office the chair is granted and no longer
// the one revoked, on the next render of the same page; the tabs are in
// the language of each request.
func TestKeptPartsFollowTheViewerAndTheLanguage(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	nav := func() string {
		t.Helper()
		code, body, _ := chair.get("/a/" + asm + "/chair")
		if code != http.StatusOK {
			t.Fatalf("the console: %d", code)
		}
		start, end := strings.Index(body, `<nav aria-label=`), strings.Index(body, "</nav>")
		if start < 0 || end < start {
			t.Fatalf("no navigation on the console:\n%s", body)
		}
		return body[start:end]
	}
	mandates := `href="/a/` + asm + `/mandates"`
	if strings.Contains(nav(), mandates) {
		t.Fatal("the chair's navigation shows the mandate commission's page before the office is granted")
	}
	h.must("admin", "grant_role", map[string]any{"person": "chair", "role": "mandate_commission"})
	if !strings.Contains(nav(), mandates) {
		t.Error("the navigation does not show the office granted since the last render")
	}
	h.must("admin", "revoke_role", map[string]any{"person": "chair", "role": "mandate_commission"})
	if strings.Contains(nav(), mandates) {
		t.Error("the navigation still shows the office revoked since the last render")
	}

	tabs := func(lang string) string {
		t.Helper()
		_, body := chair.getWith("/a/"+asm+"/chair", http.Header{"Accept-Language": {lang}})
		start := strings.Index(body, `<nav class="tabs"`)
		if start < 0 {
			t.Fatalf("no tabs on the console in %s", lang)
		}
		return body[start : start+strings.Index(body[start:], "</nav>")]
	}
	en, de := tabs("en"), tabs("de")
	if !strings.Contains(en, ">Console<") || !strings.Contains(de, ">Pult<") {
		t.Errorf("the tabs are not in the language asked:\n%s\n%s", en, de)
	}
	if again := tabs("en"); again != en {
		t.Errorf("the English tabs changed:\n%s\n%s", en, again)
	}
}

// A picker without choices is kept once rendered by all it shows: the
// console's picker searched on the server says how many persons there
// are to search, one more on the render after one is added, and lists
// those a search finds again, and not on the render after.
func TestKeptPickerFollowsThePersons(t *testing.T) {
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, PickerLimit: 2}, nil)
	h.setup()
	chair := h.browser("chair")
	console := func(query string) string {
		t.Helper()
		code, body, _ := chair.get("/a/" + asm + "/chair" + query)
		if code != http.StatusOK {
			t.Fatalf("the console: %d", code)
		}
		return body
	}
	if body := console(""); !strings.Contains(body, ">7 persons: search by name.<") {
		t.Fatalf("the console's picker does not count the seven persons:\n%s", body)
	}
	h.must("admin", "add_person", map[string]any{"id": "eva", "name": "Eva Eighth"})
	if body := console(""); !strings.Contains(body, ">8 persons: search by name.<") {
		t.Errorf("the console's picker does not count the person added since the last render:\n%s", body)
	}
	if body := console("?find-m-mover=eva"); !strings.Contains(body, `<option value="eva">Eva Eighth</option>`) {
		t.Errorf("the picker does not list the person found:\n%s", body)
	}
	if body := console(""); strings.Contains(body, `<option value="eva">`) {
		t.Errorf("the picker lists the person found by the last render's search:\n%s", body)
	}
}
