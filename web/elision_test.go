package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFrenchElidesBeforeAName: a French page's message elides "de"
// before a name that begins with a vowel — "Présence d'Aïcha Benali
// enregistrée", not "de Aïcha" — in what a command did and in a refusal,
// and keeps "de" before a consonant.
func TestFrenchElidesBeforeAName(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "aicha", "name": "Aïcha Benali"})
	h.must("admin", "submit_mandate", obj{"id": "m-aicha", "person": "aicha", "organization": "members", "kind": "decisive"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-aicha"})
	mc := h.browser("mc")
	mc.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: "plenum_lang", Value: "fr", Path: "/"}})
	registers := func(person string) string {
		t.Helper()
		_, _, flash := mc.form("/a/coop/mandates", "/a/coop/act", url.Values{"cmd": {"check_in"}, "back": {"/a/coop/mandates"}, "a:person": {person}})
		return html.UnescapeString(flash)
	}
	if msg := registers("aicha"); !strings.HasPrefix(msg, "Présence d'Aïcha Benali enregistrée (entrée ") {
		t.Errorf("the commission registered Aïcha present: the page says %q", msg)
	}
	if msg := registers("aicha"); !strings.Contains(msg, "présence d'Aïcha Benali est déjà enregistrée") {
		t.Errorf("Aïcha registered twice: the page says %q", msg)
	}
	h.must("mc", "check_out", obj{"person": "boris"})
	if msg := registers("boris"); !strings.HasPrefix(msg, "Présence de Boris Borisov enregistrée (entrée ") {
		t.Errorf("the commission registered Boris present: the page says %q", msg)
	}
}
