package web_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/routes"
	"plenum/web"

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
	// Nor to another site in disguise, nor to a login link: the switch
	// on the login form another site's link filled in with its maker's
	// code (/login?code=HIS) would send the page back there by a
	// same-origin redirect, which logs in, and the delegate who only
	// changed the language would be logged in as him.
	for _, next := range []string{"//evil.example/", "/\t/evil.example/", "/login?code=ABCD-EFGH-JKLM-NPQR", "/login?admin=token"} {
		req, _ := http.NewRequest("POST", h.srv.URL+"/lang", strings.NewReader(url.Values{"lang": {"de"}, "next": {next}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", h.srv.URL)
		resp, err := http.DefaultTransport.RoundTrip(req) // the Location as sent, unparsed
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Header.Get("Location") != "/" {
			t.Errorf("POST /lang with next %q sends to %q; want /", next, resp.Header.Get("Location"))
		}
	}
	if resp := post(h.srv.URL, url.Values{"lang": {"pt"}, "next": {path}}); resp.StatusCode != http.StatusBadRequest || len(resp.Cookies()) != 0 {
		t.Errorf("POST /lang pt: %s, cookies %v", resp.Status, resp.Cookies())
	}
	if resp := post("https://evil.example", url.Values{"lang": {"de"}, "next": {path}}); resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 {
		t.Errorf("POST /lang from another site: %s, cookies %v", resp.Status, resp.Cookies())
	}
}

// TestBrowserSwitchesLanguage: in a browser, the switch at the foot of a
// delegate's phone page changes the page's language; on a 360×740 phone
// the header stays whole in every language (the navigation scrolls, the
// log-out button is never cut: Russian "Выйти" once was); the projector,
// which has no switch, is shot in German and Russian by ?lang= on its
// address (long German words must not break the layouts: nothing may
// stick out of the page).
func TestBrowserSwitchesLanguage(t *testing.T) {
	h := tourHall(t) // a vote and a ranked election open, a list of speakers, a second screen
	s := newSession(t, h)
	phone := s.openWith("anna", 360, 740, "/a/"+h.asm+"/delegate", false)
	for _, c := range []struct{ lang, label string }{{"de", "Abmelden"}, {"ru", "Выйти"}, {"fr", "Se déconnecter"}, {"es", "Cerrar sesión"}, {"en", "Log out"}} {
		s.click(phone, `.lang-switch button[value="`+c.lang+`"]`)
		s.until(phone, "the page in "+c.lang, `document.documentElement.lang === "`+c.lang+`" && document.querySelector(".logout button").textContent === "`+c.label+`"`)
		if w := eval[int](s, phone, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s phone: the page is %d px wide in a 360 px window", c.lang, w)
		}
		if over := eval[string](s, phone, headerOverflow); over != "" {
			t.Errorf("%s phone at 360 px: %s", c.lang, over)
		}
		if out := s.outside(phone, ".top .logout button"); len(out) > 0 {
			t.Errorf("%s phone: the log-out button is cut: %v", c.lang, out)
		}
		// A phone's scroll bar lies over the page; the desktop Chromium's
		// takes 15 px, which the whole-page shot then cuts off the right.
		eval[int](s, phone, noScrollBar)
		s.shot(phone, "lang-"+c.lang+"-delegate-phone")
	}
	for _, lang := range []string{"de", "ru"} {
		for _, screen := range []string{"", "overflow"} {
			name, query := "projector", "?lang="+lang
			if screen != "" {
				name, query = "projector-"+screen, query+"&screen="+screen
			}
			hall := s.openWith("", 1920, 1080, "/a/"+h.asm+"/projector"+query, false)
			s.until(hall, "the "+name+" in "+lang, `document.documentElement.lang === "`+lang+`" && !document.querySelector(".lang-switch")`)
			if w := eval[int](s, hall, `document.documentElement.scrollWidth`); w > 1920 {
				t.Errorf("%s %s: the page is %d px wide in a 1920 px window", lang, name, w)
			}
			s.shot(hall, "lang-"+lang+"-"+name)
		}
	}
}

// noScrollBar takes the desktop scroll bar off the page before a shot, as
// a phone lays its own over the page (the whole-page shot would otherwise
// cut its width off the right), and waits for the page laid out again.
const noScrollBar = `(function () { document.documentElement.style.overflow = "hidden";
	return new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(function () { done(document.documentElement.clientWidth); }); }); }); })()`

// headerOverflow says how the page's header sticks out of the window, or
// "": the header wider than the page, the log-out button's text wider than
// the button, or the button beyond the header's edge.
const headerOverflow = `(function () { var top = document.querySelector(".top"), b = document.querySelector(".top .logout button");
	if (top.scrollWidth > top.clientWidth) return "the header is " + top.scrollWidth + " px wide in " + top.clientWidth;
	if (b.scrollWidth > b.clientWidth) return "the log-out button's text is " + b.scrollWidth + " px wide in " + b.clientWidth;
	if (b.getBoundingClientRect().right > top.getBoundingClientRect().right) return "the log-out button ends at " + b.getBoundingClientRect().right;
	return ""; })()`

// TestProjectorLanguage: the projector follows the assembly's language,
// not the browser's nor a cookie of the switch, unless its address asks
// for another with ?lang= (which its live regions keep); it shows no
// language switch.
func TestProjectorLanguage(t *testing.T) {
	h := newHall(t)
	path := "/a/" + h.asm + "/projector"
	browserish := map[string]string{"Accept-Language": "fr", "Cookie": "plenum_lang=de"}
	cases := []struct{ query, lang string }{{"", "en"}, {"?lang=ru", "ru"}, {"?lang=pt", "en"}, {"?screen=hall&lang=es", "es"}}
	for _, c := range cases {
		body := getWith(t, h, path+c.query, browserish)
		if !strings.Contains(body, `<html lang="`+c.lang+`">`) {
			t.Errorf("%s: want the projector in %s", c.query, c.lang)
		}
		if strings.Contains(body, `class="lang-switch"`) {
			t.Errorf("%s: the projector shows the language switch", c.query)
		}
	}
	if body := getWith(t, h, path+"?lang=ru&fragment=live", nil); !strings.Contains(body, "Слово") {
		t.Errorf("the projector's live regions are not in the language of its address: %s", body)
	}
	h.must("admin", "amend_assembly", obj{"language": "de"})
	if body := getWith(t, h, path, browserish); !strings.Contains(body, `<html lang="de">`) {
		t.Error("the projector does not follow the assembly's language")
	}
}

// TestPagesInThePseudoLocale renders every page of package web in the
// pseudo-locale (every message of the catalog wrapped in ⟦ ⟧), as every
// person who sees a different page of it (the public, a delegate, the
// chair, a secretary, the mandate commission, the server administrator
// and a delegate who strays onto the set-up pages), in the states that
// show the pages' other parts (a vote and an election open, a secret
// ballot's receipt, an election declared, a countdown, a roster
// previewed and recorded), and fails on a word outside the wrappers that
// is not the record's own (a name, a title, an id) nor a language's name:
// a sentence the page shows without the catalog. It fails too on a GET
// route of the pages that it does not render, so that a new page is
// checked from the start.
func TestPagesInThePseudoLocale(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	chair := h.browser("chair")
	mc := h.browser("mc")
	sec := h.browser("sec")
	public := h.browser("")
	admin := h.adminBrowser()
	u, _ := url.Parse(h.srv.URL)
	for _, b := range []*browser{anna, chair, mc, sec, public, admin} {
		b.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	}
	a := "/a/" + asm
	covered := map[string]bool{}
	check := func(when string, b *browser, path string) string {
		t.Helper()
		code, body, _ := b.get(path)
		if code != 200 || !strings.Contains(path, "fragment=") && !strings.Contains(body, `<html lang="en-XA">`) {
			t.Fatalf("%s %s: %d, not in the pseudo-locale:\n%s", when, path, code, body)
		}
		return checkBody(t, h, when+" "+path, body, covered, path)
	}
	pages := func(when string) {
		t.Helper()
		for _, p := range []struct {
			b    *browser
			path string
		}{{public, "/"}, {public, "/login"}, {public, a + "/"}, {public, a + "/record"}, {public, a + "/motions"}, {public, a + "/motions/m1"},
			{public, a + "/projector?lang=en-XA"}, {public, a + "/projector?lang=en-XA&fragment=live"},
			{anna, a + "/delegate"}, {anna, a + "/delegate?fragment=live"}, {anna, a + "/motions"}, {anna, a + "/motions/m1"}, {anna, a + "/trustee"},
			{anna, a + "/setup"}, {anna, a + "/chair"}, {anna, a + "/sessions"}, {admin, a + "/sessions"},
			{chair, a + "/chair"}, {chair, a + "/chair/agenda"}, {chair, a + "/chair/elections"}, {chair, a + "/chair/hall"}, {chair, a + "/chair/screens"}, {chair, a + "/chair/sitting"},
			{chair, a + "/motions/m1"},
			{sec, a + "/secretary"}, {sec, a + "/setup"}, {sec, a + "/motions/m1"},
			{mc, a + "/mandates"}, {mc, a + "/setup-people"}, {mc, a + "/setup-person?p=dmitri"},
			{admin, "/"}, {admin, "/setup"}, {admin, "/setup?from=" + asm}, {admin, a + "/setup"}, {admin, a + "/setup-organizations"}, {admin, a + "/setup-people"},
			{admin, a + "/setup-people?q=zzz"}, {admin, a + "/setup-person?p=anna"}, {admin, a + "/setup-person?p=nobody"}, {admin, a + "/setup-offices"}, {admin, a + "/import"}} {
			check(when, p.b, p.path)
		}
	}
	pages("with nobody speaking")

	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna", "kind": "point_of_order"})
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("chair", "set_countdown", obj{"screen": "hall", "label": "Break", "seconds": 600})
	h.must("chair", "set_screen", obj{"screen": "overflow", "name": "Overflow room", "show": "agenda", "message": "Lunch"})
	h.must("chair", "leave_hall", obj{"persons": []string{"clara"}, "unnamed": 2})
	h.must("chair", "form_body", obj{"id": "audit", "name": "Auditing committee", "kind": "committee", "members": []string{"boris"}})
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	receipt := resp.Header.Get("Location")
	if !strings.HasPrefix(receipt, a+"/receipt?entry=") {
		t.Fatalf("after the secret ballot the page goes to %q", receipt)
	}
	check("a secret ballot's token", anna, receipt)
	check("a secret ballot's receipt", anna, receipt)
	check("a secret ballot's receipt", anna, receipt+"&fragment=live")
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditors", "seats": 1, "method": "plurality", "candidates": []string{"anna", "boris"}})
	pages("with a vote, an election and a countdown open")
	check("the confirmation step", anna, a+"/delegate")

	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "close_election", obj{"election": "e1"})
	h.must("chair", "declare_election", obj{"election": "e1", "elected": []string{"boris"}})
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"roll_call"}})
	resp = anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v2"}, "a:voter": {"anna"}, "a:choice": {"against"}})
	check("an open ballot's receipt", anna, resp.Header.Get("Location"))
	pages("with an election declared")

	// The import: a roster previewed with problems, then one with
	// changes, notes and new organizations, recorded. The roster's words
	// about each row (package roster) are the catalog's too.
	bad := "Name,Organization,Kind,Weight,Status,Proxy\nOlga Orlova,The members,decisive,1,,\nPavel Petrov,Nowhere Union,decisive,1,,\n" +
		"Xenia Xu,The members,chief,1,,\nYuri Yukin,The members,decisive,zero,,\nZoe Zimina,The members,decisive,1,rejected,\n" +
		"Ivan Ivanov,The members,decisive,1,maybe,\nOlga Orlova,The members,decisive,1,,\nPetr Pavlov,The members,decisive,1,,Petr Pavlov\n" +
		"Roman Romanov,The members,decisive,1,,Nobody Known\nBoris Borisov,The members,decisive,2,,\n"
	roster := "Name,Organization,Kind,Weight,Status,Proxy\nOlga Orlova,,guest,1,,Boris Borisov\nPavel Petrov,Nowhere Union,decisive,1,verified,\n" +
		"Boris Borisov,The members,consultative,1,,\nClara Zetkin,The members,decisive,1,submitted,\nDmitri Unchecked,Bakers' Union,decisive,1,verified,\n"
	// The page quotes the file: its name, its headers and rows, and the
	// letters of its columns.
	fileWords := []string{"roster.csv", bad, roster, "A B C D E F"}
	_, preview := admin.upload(asm, "roster.csv", []byte(bad), nil)
	checkBody(t, h, "the import's preview", preview, covered, a+"/import", fileWords...)
	for _, want := range []string{"⟦the assembly has no organization Nowhere Union", "⟦&#34;chief&#34; is not a kind of mandate", "⟦the weight &#34;zero&#34; is not", "⟦the import does not reject mandates", "⟦&#34;maybe&#34; is not a status", "⟦Olga Orlova is also on row 2", "⟦Petr Pavlov cannot carry", "⟦the proxy Nobody Known is neither", "⟦the rules of procedure give every mandate one vote; a weight of 2"} {
		if !strings.Contains(preview, want) {
			t.Errorf("the import's preview does not say %s:\n%s", want, preview)
		}
	}
	_, preview = admin.upload(asm, "roster.csv", []byte(roster), url.Values{"create_organizations": {"1"}})
	for _, want := range []string{"⟦new person, ⟦⟦guest mandate⟧, personally⟧⟧", "⟦kind ⟦decisive⟧ → ⟦consultative⟧⟧", "⟦the mandate was verified; amended", "⟦organization The members → Bakers", "⟦the proxy (Boris Borisov) is given once"} {
		if !strings.Contains(preview, want) {
			t.Errorf("the import's preview does not say %s:\n%s", want, preview)
		}
	}
	checkBody(t, h, "the import's preview", preview, covered, a+"/import", fileWords...)
	m := regexp.MustCompile(`name="upload" value="([^"]+)"><input type="hidden" name="plan" value="([^"]+)"`).FindStringSubmatch(preview)
	if m == nil {
		t.Fatalf("no form records the import:\n%s", preview)
	}
	code, recorded := admin.send(a+"/import/record", "application/x-www-form-urlencoded",
		strings.NewReader(url.Values{"csrf": {csrfRe.FindStringSubmatch(preview)[1]}, "upload": {m[1]}, "plan": {m[2]}}.Encode()))
	if code != 200 {
		t.Fatalf("recording the import: %d\n%s", code, recorded)
	}
	checkBody(t, h, "the import recorded", recorded, covered, a+"/import", fileWords...)

	// A file that cannot be read as a roster: the problem, in the message
	// on the import page.
	for _, f := range []struct{ data, want string }{
		{"Foo,Bar\n1,2\n", "⟦no column gives the names"},
		{"Name,Delegation,Organization\nA,B,C\n", "⟦row 1⟧, ⟦column C⟧ (Organization): ⟦the columns B (Delegation) and C (Organization)"},
		{"\n\n", "⟦the file is empty⟧"},
	} {
		admin.upload(asm, "roster.csv", []byte(f.data), nil)
		_, page, _ := admin.get(a + "/import")
		msg := flashText(page)
		if !strings.Contains(msg, "roster.csv: "+f.want) {
			t.Errorf("the file %q: the message is %q", f.data, msg)
		}
		checkBody(t, h, "a file that is no roster", msg, covered, a+"/import", "roster.csv", f.data, "A B C D E F")
	}

	// The messages after a form, on the page it returns to.
	flashes := func(when, msg string) {
		t.Helper()
		if msg == "" {
			t.Errorf("%s: no message on the page", when)
		}
		checkBody(t, h, when, msg, covered, a+"/setup")
	}
	_, _, msg := admin.form(a+"/setup-organizations", a+"/setup", url.Values{"cmd": {"add_organization"}, "name": {" "}, "back": {a + "/setup-organizations"}})
	flashes("a blank organization", msg)
	_, _, msg = admin.form(a+"/setup-organizations", a+"/setup", url.Values{"cmd": {"add_organization"}, "name": {"Bakers"}, "kind": {"delegating"}, "back": {a + "/setup-organizations"}})
	flashes("an organization added", msg)
	_, _, msg = admin.form(a+"/setup", a+"/setup", url.Values{"cmd": {"rules"}, "quorum": {"number"}, "quorum_number": {"many"}, "back": {a + "/setup"}})
	flashes("a quorum that is no number", msg)
	anna.secretReceipt("v1", "not a token")
	_, body, _ := anna.get(a + "/delegate")
	flashes("a secret receipt without a token", flashText(body))

	// Every GET route of the pages that is a page is rendered above.
	notPages := map[string]string{
		"GET /static/": "the style sheets and scripts (their words are the page's, see live.js)", "GET /ballot/{file}": "the ballot module",
		"GET /a/{id}": "a redirect", "GET /a/{id}/minutes/{format}": "the minutes (package minutes, in the record's language)",
		"GET /a/{id}/motions/book.html": "the motion book (package minutes)", "GET /a/{id}/motions/book.pdf": "the motion book (package minutes)",
		"GET /a/{id}/roster.csv": "a spreadsheet", "GET /a/{id}/roster.xlsx": "a spreadsheet",
		"GET /a/{id}/record.db":           "the record file, a SQLite database (package recordfile)",
		"GET /a/{id}/choices/persons":     "the pickers' search, JSON (TestChoicesOfPersons checks its words in the pseudo-locale)",
		"GET /a/{id}/choices/speakers":    "the console's speaker search, JSON (the words of /choices/persons; TestChoicesOfSpeakers)",
		"GET /a/{id}/choices/delegates":   "the proxy picker's search, JSON (the words of /choices/persons; TestProxyPickerAtScale)",
		"POST /a/{id}/mandate-cards.html": "the cards printed from the browser (package cards, in the assembly's language, as the PDF cards; TestCardsFromTheBrowser)",
		"GET /a/{id}/choices/in-hall":     "the hall pickers' search, JSON (TestChoicesOfTheHall checks its refusal in German)", "GET /a/{id}/choices/out-of-hall": "the same",
	}
	for _, r := range web.New(h.eng, h.auth, web.Options{}).(routes.Lister).Routes() {
		if r.Method() != "GET" || notPages[r.Pattern] != "" {
			continue
		}
		if !covered[r.Pattern] {
			t.Errorf("%s: no page of this route is rendered in the pseudo-locale", r.Pattern)
		}
	}
}

// checkBody fails on the words of a page outside the catalog's messages
// and the record's, and marks the route of path covered.
func checkBody(t *testing.T, h *hall, when, body string, covered map[string]bool, path string, data ...string) string {
	t.Helper()
	record := read(h, func(s *assembly.State) map[string]bool { return stateWords(reflect.ValueOf(s), map[string]bool{}) })
	for _, w := range pageWords(strings.Join(data, " ")) {
		record[w] = true // the words of a file uploaded, which the page quotes
	}
	var stray []string
	for _, w := range pageWords(unwrapped(visibleText(body))) {
		if !record[w] && !switchWords[w] && !slices.Contains(stray, w) {
			stray = append(stray, w)
		}
	}
	if len(stray) > 0 {
		t.Errorf("%s: words outside the catalog's messages and not the record's: %s", when, strings.Join(stray, " "))
	}
	covered[routeOf(path)] = true
	return body
}

// routeOf is the pattern of the pages' route that serves path.
func routeOf(path string) string {
	path, _, _ = strings.Cut(path, "?")
	switch p := strings.TrimPrefix(path, "/a/"+asm); {
	case path == "/":
		return "GET /{$}"
	case p == path:
		return "GET " + path
	case p == "/":
		return "GET /a/{id}/{$}"
	case strings.HasPrefix(p, "/motions/"):
		return "GET /a/{id}/motions/{m}"
	default:
		return "GET /a/{id}" + p
	}
}

// switchWords are the names of the languages on the switch, each in itself.
// Besides them: the names of formats and of the Go package that checks a
// proof, which no language translates.
var switchWords = map[string]bool{"plenum": true,
	"english": true, "deutsch": true, "русский": true, "français": true, "español": true,
	"italiano": true, "português": true, "polski": true, "українська": true, "svenska": true, "nederlands": true,
	"csv": true, "xlsx": true, "excel": true,
	"html": true, "pdf": true, "markdown": true, "akoma": true, "ntoso": true, "popolo": true, "json": true,
	"golang": true, "org": true, "x": true, "mod": true, "sumdb": true, "tlog": true}

var (
	scriptRE   = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>|<pre.*?</pre>|<code[^>]*>.*?</code>|<kbd>.*?</kbd>`)
	attrRE     = regexp.MustCompile(`(?:aria-label|data-announce|data-t-[a-z-]+|title|placeholder)="([^"]*)"`)
	messagesRE = regexp.MustCompile(`data-messages="([^"]*)"`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is what a page says: its text and the labels a screen
// reader reads.
func visibleText(body string) string {
	body = scriptRE.ReplaceAllString(body, " ")
	var b strings.Builder
	for _, m := range attrRE.FindAllStringSubmatch(body, -1) {
		b.WriteString(html.UnescapeString(m[1]) + "\n")
	}
	// The messages a script is given (data-messages, a JSON object by
	// key): what it says.
	for _, m := range messagesRE.FindAllStringSubmatch(body, -1) {
		var msgs map[string]string
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &msgs); err != nil {
			b.WriteString("unreadable data-messages\n")
		}
		for _, v := range msgs {
			b.WriteString(v + "\n")
		}
	}
	b.WriteString(html.UnescapeString(tagRE.ReplaceAllString(messagesRE.ReplaceAllString(body, ""), " ")))
	return b.String()
}

func unwrapped(s string) string { return i18n.Unwrapped(s) }

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

// TestBrowserPagesFitAPhone: the chair's sub-pages and the set-up pages,
// on a 360×740 phone in German and Russian (the languages of the longest
// words on them), stick out of no page: nothing makes the page wider than
// the window.
func TestBrowserPagesFitAPhone(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Mandatsprüfungskommission", "seats": 3, "method": "stv-scottish", "candidates": []string{"anna", "boris", "clara"}})
	h.must("chair", "set_countdown", obj{"screen": "hall", "label": "Mittagspause", "seconds": 600})
	s := newSession(t, h)
	for _, c := range []struct {
		who   string
		pages []string
	}{{"chair", []string{"chair/agenda", "chair/elections", "chair/hall", "chair/screens", "chair/sitting"}},
		{"sec", []string{"setup", "setup-organizations", "setup-people", "setup-person?p=anna", "setup-offices", "import"}}} {
		p := s.openWith(c.who, 360, 740, "/a/"+h.asm+"/"+c.pages[0], false)
		for _, lang := range []string{"de", "ru"} {
			s.click(p, `.lang-switch button[value="`+lang+`"]`)
			s.until(p, "the page in "+lang, `document.documentElement.lang === "`+lang+`"`)
			for _, page := range c.pages {
				s.run(p, "open "+page, chromedp.Navigate(h.srv.URL+"/a/"+h.asm+"/"+page))
				s.until(p, page+" in "+lang, `document.readyState === "complete" && document.documentElement.lang === "`+lang+`"`)
				if over := eval[string](s, p, `(function () { var d = document.documentElement, out = [];
					if (d.scrollWidth <= d.clientWidth) return "";
					document.querySelectorAll("main *").forEach(function (el) { var r = el.getBoundingClientRect();
						if (r.right > d.clientWidth + 0.5 && out.length < 3) out.push(el.tagName + "." + el.className + " " + JSON.stringify((el.innerText || "").slice(0, 30)) + " to " + Math.round(r.right)); });
					return "the page is " + d.scrollWidth + " px wide in " + d.clientWidth + ": " + out.join("; "); })()`); over != "" {
					t.Errorf("%s %s at 360 px: %s", lang, page, over)
				}
				if over := eval[string](s, p, headerOverflow); over != "" {
					t.Errorf("%s %s at 360 px: %s", lang, page, over)
				}
				eval[int](s, p, noScrollBar) // a phone's scroll bar lies over the page
				s.shot(p, "phone-"+lang+"-"+strings.NewReplacer("/", "-", "?p=", "-").Replace(page))
			}
		}
	}
}

// TestPlainErrorsInThePseudoLocale asks for what the pages answer with a
// short error in plain text (an assembly, a motion, a format, a language
// or a receipt that is not there, a live fragment without a login, a
// choice of language from another site, a closed record) in the
// pseudo-locale, and fails on any such error not wholly from the catalog.
func TestPlainErrorsInThePseudoLocale(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	public := h.browser("")
	u, _ := url.Parse(h.srv.URL)
	for _, b := range []*browser{anna, public} {
		b.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	}
	a := "/a/" + asm
	pseudo := func(when string, code, want int, body string) {
		t.Helper()
		body = strings.TrimSpace(body)
		if code != want || !strings.HasPrefix(body, "⟦") || unwrapped(body) != "" {
			t.Errorf("%s: %d (want %d), not from the catalog: %q", when, code, want, body)
		}
	}
	for _, c := range []struct {
		b    *browser
		path string
		code int
	}{
		{public, "/a/nowhere/record", http.StatusNotFound},
		{public, a + "/motions/nothing", http.StatusNotFound},
		{public, a + "/motions/book.html?motion=nothing", http.StatusNotFound},
		{public, a + "/minutes/docx", http.StatusNotFound},
		{public, a + "/minutes/html?lang=pt", http.StatusNotFound},
		{public, a + "/delegate?fragment=live", http.StatusUnauthorized},
		{anna, a + "/receipt?entry=0", http.StatusNotFound},
		{public, "/ballot/ballot.js", http.StatusNotFound},
	} {
		code, body, _ := c.b.get(c.path)
		pseudo("GET "+c.path, code, c.code, body)
	}
	code, body := public.send("/lang", "application/x-www-form-urlencoded", strings.NewReader("lang=pt"))
	pseudo("POST /lang pt", code, http.StatusBadRequest, body)
	req, _ := http.NewRequest("POST", h.srv.URL+"/lang", strings.NewReader("lang=de"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.AddCookie(&http.Cookie{Name: "plenum_lang", Value: "en-XA"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	pseudo("POST /lang from another site", resp.StatusCode, http.StatusForbidden, string(data))

	// A closed record: the reason, in plain text for a fragment and on
	// the login page for a page.
	h.must("admin", "set_record_access", obj{"access": "officers"})
	code, body, _ = public.get(a + "/record?fragment=live")
	pseudo("a closed record's fragment", code, http.StatusUnauthorized, body)
	code, body, _ = anna.get(a + "/minutes/html")
	pseudo("a closed record's minutes", code, http.StatusForbidden, body)
	code, body, _ = public.get(a + "/record")
	if code != http.StatusUnauthorized || !strings.Contains(body, `<p class="msg error" role="alert">⟦`) {
		t.Errorf("a closed record's page: %d, the reason not from the catalog:\n%s", code, body)
	}
	checkBody(t, h, "a closed record's page", body, map[string]bool{}, a+"/record")
}
