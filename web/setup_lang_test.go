package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// pageLangRe is the language a page is in (the lang of its html element).
var pageLangRe = regexp.MustCompile(`<html lang="([^"]*)"`)

// TestNewAssemblyToldInItsSetUpPagesLanguage: what the server says after
// creating an assembly (set up, copied from a previous one, the form sent
// before) is shown on the new assembly's set-up page, and is in that
// page's language, as every message after a form in an assembly: the
// person's choice, else their browser's, else the new assembly's
// language — not English beside a page in the assembly's language. A
// refusal of the form, before there is an assembly, stays in the
// person's language (English here), as the form's page.
func TestNewAssemblyToldInItsSetUpPagesLanguage(t *testing.T) {
	h := newHall(t)
	admin := h.adminBrowser()
	created := func(what string, form url.Values, header http.Header, lang, want string) {
		t.Helper()
		_, body, _ := admin.get("/setup")
		form.Set("csrf", csrfRe.FindStringSubmatch(body)[1])
		resp, _ := admin.postHeader("/setup", form, header)
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/setup") {
			t.Fatalf("%s: %s to %q", what, resp.Status, loc)
		}
		resp, page := admin.getWith(loc, header)
		m, said := pageLangRe.FindStringSubmatch(page), html.UnescapeString(flashText(page))
		if resp.StatusCode != 200 || m == nil || m[1] != lang || !strings.HasPrefix(said, want) {
			t.Errorf("%s: the set-up page %s in %v, says %q; want it in %s saying %q…", what, resp.Status, m, said, lang, want)
		}
	}
	// The administrator's browser asks for no language: the new
	// assembly's, German.
	german := url.Values{"name": {"Bundeskongress"}, "starts": {"2026-05-20"}, "language": {"de"}, "rules": {"congress"}, "quorum": {"none"},
		"record_access": {"public"}, "key": {"k-de"}}
	created("a German assembly", german, nil, "de", "Die Versammlung ist eingerichtet.")
	created("the same form again", german, nil, "de", "Dieses Formular wurde schon einmal gesendet")
	// Refused, it is not created: the form's page, and the refusal, are
	// in the person's language.
	_, body, _ := admin.get("/setup")
	bad := url.Values{"name": {"Landesparteitag"}, "starts": {"2026-05-20"}, "ends": {"2026-05-01"}, "language": {"de"}, "rules": {"congress"},
		"quorum": {"none"}, "record_access": {"public"}, "csrf": {csrfRe.FindStringSubmatch(body)[1]}}
	resp, page := admin.postHeader("/setup", bad, nil)
	if m := pageLangRe.FindStringSubmatch(page); resp.StatusCode != http.StatusUnprocessableEntity || m == nil || m[1] != "en" ||
		!strings.Contains(page, "Refused: The assembly cannot end (2026-05-01) before it starts (2026-05-20).") {
		t.Errorf("a refused German assembly: %s in %v:\n%s", resp.Status, m, page)
	}
	// Copied from the hall's assembly, in Spanish.
	created("a Spanish copy", url.Values{"from": {"coop"}, "name": {"Asamblea de otoño"}, "starts": {"2026-10-10"}, "language": {"es"}, "rules": {"congress"},
		"quorum": {"none"}, "record_access": {"public"}}, nil, "es", "La asamblea se creó a partir de")
	// The browser's language, and the person's choice, go before the
	// assembly's.
	created("a German assembly, the browser French", url.Values{"name": {"Kongress der Bäcker"}, "starts": {"2026-05-20"}, "language": {"de"}, "rules": {"congress"},
		"quorum": {"none"}, "record_access": {"public"}}, http.Header{"Accept-Language": {"fr"}}, "fr", "L'assemblée est créée.")
	u, _ := url.Parse(h.srv.URL)
	admin.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en"}})
	created("a Russian assembly, English chosen", url.Values{"name": {"Съезд"}, "starts": {"2026-05-20"}, "language": {"ru"}, "rules": {"congress"},
		"quorum": {"none"}, "record_access": {"public"}}, nil, "en", "The assembly is set up.")
}

// TestNewAssemblyLanguageIsThePages: the form that creates an assembly
// offers as its language the one the page is shown in (an organiser
// reading the form in Spanish means a Spanish assembly: its cards and
// minutes in Spanish), not English; a template's language goes first.
func TestNewAssemblyLanguageIsThePages(t *testing.T) {
	h := newHall(t)
	admin := h.adminBrowser()
	for _, c := range []struct{ accept, path, want string }{
		{"es-ES,es;q=0.9", "/setup", "es"},
		{"de", "/setup", "de"},
		{"", "/setup", "en"},
		{"pt-BR", "/setup", "en"},
	} {
		resp, page := admin.getWith(c.path, http.Header{"Accept-Language": {c.accept}})
		if want := `<input id="as-lang" name="language" value="` + c.want + `"`; resp.StatusCode != 200 || !strings.Contains(page, want) {
			t.Errorf("Accept-Language %q: %s; want the language field %s", c.accept, resp.Status, want)
		}
	}
}
