package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCommissionRegistersByName: the mandate commission registering a
// delegate present or gone on the mandates page is told whom it
// registered, in the page's language; a delegate saying "I am in the
// hall" is not told their own name. A refusal of the commission's form
// names it in its own words ("Register present"), and of the delegate's
// in theirs ("I am in the hall"): one command, two forms.
func TestCommissionRegistersByName(t *testing.T) {
	h := newHall(t)
	mc, anna := h.browser("mc"), h.browser("anna")
	registers := func(cmd, person string) string {
		t.Helper()
		_, _, flash := mc.form("/a/coop/mandates", "/a/coop/act", url.Values{"cmd": {cmd}, "back": {"/a/coop/mandates"}, "a:person": {person}})
		return html.UnescapeString(flash)
	}
	if msg := registers("check_out", "anna"); !strings.HasPrefix(msg, "Anna Arkadyevna registered as gone (entry ") {
		t.Errorf("the commission registered Anna gone: the page says %q", msg)
	}
	if msg := registers("check_in", "anna"); !strings.HasPrefix(msg, "Anna Arkadyevna registered present (entry ") {
		t.Errorf("the commission registered Anna present: the page says %q", msg)
	}
	mc.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: "plenum_lang", Value: "de", Path: "/"}})
	if msg := registers("check_out", "boris"); !strings.HasPrefix(msg, "Boris Borisov als abgegangen registriert (Eintrag ") {
		t.Errorf("the commission registered Boris gone, in German: the page says %q", msg)
	}
	if msg := registers("check_in", ""); msg != "Abgelehnt: Als anwesend registrieren: Das Feld „person“ ist erforderlich." {
		t.Errorf("the commission's form refused, in German: the page says %q", msg)
	}
	mc.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: "plenum_lang", Value: "en", Path: "/"}})
	if msg := registers("check_in", ""); msg != "Refused: Register present: the field “person” is required." {
		t.Errorf("the commission's form refused: the page says %q, not in the form's words", msg)
	}

	// The delegate's own form: their words, and no name.
	h.must("mc", "check_out", obj{"person": "clara"})
	clara := h.browser("clara")
	_, page, _ := clara.get("/a/coop/delegate")
	forms := actForms(page, "check_in")
	if len(forms) == 0 {
		t.Fatal("Clara, registered gone, is not offered to say she is in the hall")
	}
	resp := clara.post("/a/coop/act", forms[0], nil)
	_, back, _ := clara.get(resp.Header.Get("Location"))
	if msg := html.UnescapeString(flashText(back)); !strings.HasPrefix(msg, "Registered present (entry ") {
		t.Errorf("Clara said she is in the hall: the page says %q", msg)
	}
	_, _, flash := anna.form("/a/coop/delegate", "/a/coop/act", url.Values{"cmd": {"check_in"}, "back": {"/a/coop/delegate"}, "a:person": {""}})
	if msg := html.UnescapeString(flash); msg != "Refused: I am in the hall: the field “person” is required." {
		t.Errorf("the delegate's form refused: the page says %q, not in the form's words", msg)
	}
}
