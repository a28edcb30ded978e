package web_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"plenum/assembly"

	"github.com/chromedp/chromedp"
)

// getWith fetches a page with the given headers and returns its body.
func getWith(t *testing.T, h *hall, path string, header map[string]string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", h.srv.URL+path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	return string(body)
}

// TestPageLanguage: a page's language is the person's choice (the
// cookie the switch sets), else their browser's, else the assembly's;
// lang is set and the navigation is translated; the switch is on the page
// and refuses a language plenum does not speak and another site's form.
func TestPageLanguage(t *testing.T) {
	h := newHall(t)
	path := "/a/" + h.asm + "/record"
	cases := []struct {
		header     map[string]string
		lang, word string
	}{
		{nil, "en", ">Record</a>"},
		{map[string]string{"Accept-Language": "de-CH,de;q=0.9"}, "de", ">Protokoll</a>"},
		{map[string]string{"Accept-Language": "pt-BR"}, "en", ">Record</a>"},
		{map[string]string{"Accept-Language": "de", "Cookie": "plenum_lang=ru"}, "ru", ">Протокол</a>"},
		{map[string]string{"Cookie": "plenum_lang=es"}, "es", ">Acta</a>"},
		{map[string]string{"Cookie": "plenum_lang=fr"}, "fr", ">Procès-verbal</a>"},
	}
	for _, c := range cases {
		body := getWith(t, h, path, c.header)
		if !strings.Contains(body, `<html lang="`+c.lang+`">`) || !strings.Contains(body, c.word) {
			t.Errorf("%v: want lang %s and %q", c.header, c.lang, c.word)
		}
		if !strings.Contains(body, `<form class="lang-switch" method="post" action="/lang"`) || !strings.Contains(body, `value="ru" lang="ru"`) {
			t.Errorf("%v: no language switch on the page", c.header)
		}
	}
	// The assembly's language, when the browser asks for none plenum speaks.
	h.must("admin", "amend_assembly", obj{"language": "ru"})
	if body := getWith(t, h, path, map[string]string{"Accept-Language": "pt"}); !strings.Contains(body, `<html lang="ru">`) {
		t.Error("the assembly's language is not the page's when the browser asks for none plenum speaks")
	}

	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(origin string, form url.Values) *http.Response {
		req, _ := http.NewRequest("POST", h.srv.URL+"/lang", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", origin)
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := post(h.srv.URL, url.Values{"lang": {"de"}, "next": {path}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != path {
		t.Errorf("POST /lang: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	if c := resp.Cookies(); len(c) != 1 || c[0].Name != "plenum_lang" || c[0].Value != "de" {
		t.Errorf("POST /lang set %v", c)
	}
	if resp := post(h.srv.URL, url.Values{"lang": {"de"}, "next": {"//evil.example/"}}); resp.Header.Get("Location") != "/" {
		t.Errorf("POST /lang sends to another site: %q", resp.Header.Get("Location"))
	}
	if resp := post(h.srv.URL, url.Values{"lang": {"pt"}, "next": {path}}); resp.StatusCode != http.StatusBadRequest || len(resp.Cookies()) != 0 {
		t.Errorf("POST /lang pt: %s, cookies %v", resp.Status, resp.Cookies())
	}
	if resp := post("https://evil.example", url.Values{"lang": {"de"}, "next": {path}}); resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 {
		t.Errorf("POST /lang from another site: %s, cookies %v", resp.Status, resp.Cookies())
	}
}

// TestBrowserSwitchesLanguage: in a browser, the switch at the foot of a
// delegate's phone page changes the page's language; the projector and the
// phone are shot in German and Russian (long German words must not break
// the layouts: nothing may stick out of the page).
func TestBrowserSwitchesLanguage(t *testing.T) {
	h := newHall(t)
	s := newSession(t, h)
	phone := s.openWith("anna", 390, 844, "/a/"+h.asm+"/delegate", false)
	for _, c := range []struct{ lang, label string }{{"de", "Abmelden"}, {"ru", "Выйти"}, {"en", "Log out"}} {
		s.click(phone, `.lang-switch button[value="`+c.lang+`"]`)
		s.until(phone, "the page in "+c.lang, `document.documentElement.lang === "`+c.lang+`" && document.querySelector(".logout button").textContent === "`+c.label+`"`)
		if w := eval[int](s, phone, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s phone: the page is %d px wide in a 390 px window", c.lang, w)
		}
		if out := s.outside(phone, ".top .logout button"); len(out) > 0 {
			t.Errorf("%s phone: the log-out button is cut: %v", c.lang, out)
		}
		s.shot(phone, "lang-"+c.lang+"-delegate-phone")
	}
	for _, lang := range []string{"de", "ru"} {
		hall := s.openWith("", 1920, 1080, "/a/"+h.asm+"/projector", false)
		s.run(hall, "choose "+lang, chromedp.Click(chromedp.CSS(`.lang-switch button[value="`+lang+`"]`)))
		s.until(hall, "the projector in "+lang, `document.documentElement.lang === "`+lang+`"`)
		s.shot(hall, "lang-"+lang+"-projector")
	}
}

// TestPagesInThePseudoLocale renders the delegate's page and the projector
// in the pseudo-locale (every message of the catalog wrapped in ⟦ ⟧) and
// fails on a word outside the wrappers that is not the record's own (a
// name, a title, a motion's text) nor a language's name on the switch: a
// sentence the page shows without the catalog.
func TestPagesInThePseudoLocale(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	chair := h.browser("chair")
	mc := h.browser("mc")
	sec := h.browser("sec")
	public := h.browser("")
	for _, b := range []*browser{anna, chair, mc, sec, public} {
		u, _ := url.Parse(h.srv.URL)
		b.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	}
	check := func(when string) {
		record := read(h, func(s *assembly.State) map[string]bool { return stateWords(reflect.ValueOf(s), map[string]bool{}) })
		for _, page := range []struct {
			b    *browser
			path string
		}{{anna, "/a/" + asm + "/delegate"}, {chair, "/a/" + asm + "/chair"}, {mc, "/a/" + asm + "/mandates"}, {sec, "/a/" + asm + "/secretary"}, {anna, "/a/" + asm + "/motions"}, {anna, "/a/" + asm + "/motions/m1"}, {public, "/a/" + asm + "/projector"}, {public, "/"}, {public, "/login"},
			{public, "/a/" + asm + "/"}, {public, "/a/" + asm + "/record"}} {
			code, body, _ := page.b.get(page.path)
			if code != 200 || !strings.Contains(body, `<html lang="en-XA">`) {
				t.Fatalf("%s %s: %d, not in the pseudo-locale", when, page.path, code)
			}
			for _, w := range pageWords(unwrapped(visibleText(body))) {
				if !record[w] && !switchWords[w] {
					t.Errorf("%s %s: %q is outside the catalog's messages and not the record's", when, page.path, w)
				}
			}
		}
	}
	check("with nobody speaking")
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna", "kind": "point_of_order"})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "question": "Adopt the budget", "method": "roll_call"})
	check("with a vote open")
}

// switchWords are the names of the languages on the switch, each in itself.
// Besides them: the names of formats and of the Go package that checks a
// proof, which no language translates.
var switchWords = map[string]bool{"plenum": true,
	"english": true, "deutsch": true, "русский": true, "français": true, "español": true,
	"html": true, "pdf": true, "markdown": true, "akoma": true, "ntoso": true, "popolo": true, "json": true,
	"golang": true, "org": true, "x": true, "mod": true, "sumdb": true, "tlog": true}

var (
	scriptRE = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>|<pre.*?</pre>|<code>.*?</code>|<kbd>.*?</kbd>`)
	attrRE   = regexp.MustCompile(`(?:aria-label|data-announce|title|placeholder)="([^"]*)"`)
	tagRE    = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is what a page says: its text and the labels a screen
// reader reads.
func visibleText(body string) string {
	body = scriptRE.ReplaceAllString(body, " ")
	var b strings.Builder
	for _, m := range attrRE.FindAllStringSubmatch(body, -1) {
		b.WriteString(html.UnescapeString(m[1]) + "\n")
	}
	b.WriteString(html.UnescapeString(tagRE.ReplaceAllString(body, " ")))
	return b.String()
}

func unwrapped(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '⟦':
			depth++
		case r == '⟧':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func pageWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// stateWords are the words of every string of the assembly's state: its
// record, as the organiser and the secretaries wrote it.
func stateWords(v reflect.Value, out map[string]bool) map[string]bool {
	switch v.Kind() {
	case reflect.String:
		for _, w := range pageWords(v.String()) {
			out[w] = true
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			stateWords(v.Elem(), out)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			stateWords(v.Index(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			stateWords(v.MapIndex(k), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				stateWords(v.Field(i), out)
			}
		}
	}
	return out
}

// TestRefusalOnThePageInItsLanguage: a refusal of the rules is shown in
// the language of the person who gave the command, names for ids; one the
// catalog does not yet translate stays in the rules' English.
func TestRefusalOnThePageInItsLanguage(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "ru"}})
	anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"nope"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	if _, body, _ := anna.get("/a/" + asm + "/delegate"); !strings.Contains(html.UnescapeString(body), `Отказано: Голосования "nope" нет.`) {
		t.Errorf("the refusal is not in Russian: %s", html.UnescapeString(flashOf(body)))
	}
	anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "de"}})
	anna.act("delegate", "give_floor", url.Values{"a:item": {"i1"}})
	if _, body, _ := anna.get("/a/" + asm + "/delegate"); !strings.Contains(html.UnescapeString(body), "Abgelehnt: Nur der Vorsitz erteilt das Wort.") {
		t.Errorf("the refusal is not in German: %s", html.UnescapeString(flashOf(body)))
	}
}

// TestDoneInItsLanguage: what an accepted command did is said in the
// language of the person who gave it.
func TestDoneInItsLanguage(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	anna.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "fr"}})
	anna.act("delegate", "request_floor", url.Values{"a:item": {"i1"}, "a:person": {"anna"}})
	if _, body, _ := anna.get("/a/" + asm + "/delegate"); !strings.Contains(html.UnescapeString(flashOf(body)), "Vous êtes inscrit sur la liste des orateurs (entrée ") {
		t.Errorf("the flash is not in French: %q", html.UnescapeString(flashOf(body)))
	}
}

// TestMinutesInAnotherLanguage: the record's minutes, and with ?lang= in
// another language plenum speaks; a language it does not speak is refused.
func TestMinutesInAnotherLanguage(t *testing.T) {
	h := newHall(t)
	b := h.browser("")
	for lang, want := range map[string]string{"": "## Checkpoint", "ru": "## Контрольная точка", "de": "## Prüfpunkt"} {
		path := "/a/" + asm + "/minutes/md"
		if lang != "" {
			path += "?lang=" + lang
		}
		if code, body, _ := b.get(path); code != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want %q", path, code, want)
		}
	}
	if code, body, _ := b.get("/a/" + asm + "/minutes/md?lang=pt"); code != 404 || !strings.Contains(body, "en, de, ru, fr or es") {
		t.Errorf("?lang=pt: %d %s", code, body)
	}
}
