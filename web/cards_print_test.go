package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// addForeignDelegates adds two delegates whose names the PDF cards cannot
// print — Amal al-Husseini, in Arabic, of a delegation with an Arabic
// name, member number M1001, and Li Xiaolong, in Chinese — with verified
// mandates.
func addForeignDelegates(h *hall) {
	h.t.Helper()
	h.must("admin", "add_organization", obj{"id": "ituc-ar", "name": "اتحاد العمال", "kind": "delegating"})
	h.must("admin", "add_person", obj{"id": "amal", "name": "أمل الحسيني", "ref": "M1001"})
	h.must("admin", "submit_mandate", obj{"id": "m-amal", "person": "amal", "organization": "ituc-ar", "kind": "decisive"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-amal"})
	h.must("admin", "add_person", obj{"id": "li", "name": "李小龙"})
	h.must("admin", "submit_mandate", obj{"id": "m-li", "person": "li", "organization": "members", "kind": "decisive"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-li"})
}

var htmlCardCode = regexp.MustCompile(`<p class="code" translate="no">([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})</p>`)

// TestCardsFromTheBrowser: the mandates page offers, beside the PDF, to
// issue the codes and print the cards from the browser, and where it
// lists names the PDF cannot print it says to print these cards from the
// browser, with a link to that button. POST /a/{id}/mandate-cards.html
// issues the codes as the PDF's route does (recorded, by the same rules:
// a delegate is refused, an anonymous visitor sent to log in, a form
// without the page's token refused) and answers with the cards as an
// HTML page that is never stored, fetches nothing and runs nothing; the
// Arabic and the Chinese names stand on it as text, each dir="auto", the
// member number beside the Arabic one as on the PDF card, and each card
// has its QR code and its code, which logs its delegate in and voids the
// earlier one. Sending the form again (a reload) issues no second code:
// one officer alone may not replace a valid code, and the page's codes
// still work.
func TestCardsFromTheBrowser(t *testing.T) {
	h := newHall(t)
	addForeignDelegates(h)
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	warning := regexp.MustCompile(`(?s)<div class="msg warn" id="cards-unprintable">.*?</div>`).FindString(body)
	for _, want := range []string{`<a href="#cards-html">Print these cards from the browser</a>`, "أمل الحسيني", "李小龙"} {
		if !strings.Contains(warning, want) {
			t.Errorf("the warning of unprintable names does not have %q:\n%s", want, warning)
		}
	}
	for _, want := range []string{`id="cards-html"`, `formaction="/a/coop/mandate-cards.html"`, "Issue codes and print the cards from the browser", `name="paper"`, `action="/a/coop/mandate-cards.pdf"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the cards' form does not have %q", want)
		}
	}

	// Refused: a delegate, an anonymous visitor, a form without the token.
	anna := h.browser("anna")
	resp, data := anna.postPage("mandates", "/a/coop/mandate-cards.html", url.Values{"persons": {"boris"}})
	if resp.StatusCode != http.StatusSeeOther || strings.Contains(string(data), "<article") {
		t.Errorf("a delegate's request: %s\n%s", resp.Status, data)
	}
	if _, body, _ := anna.get("/a/coop/mandates"); !strings.Contains(body, "Refused: Only the mandate commission, an administrator or the server administrator may issue access codes.") {
		t.Errorf("the refusal is not shown to the delegate")
	}
	anon := h.browser("")
	req, _ := http.NewRequest("POST", h.srv.URL+"/a/coop/mandate-cards.html", strings.NewReader("all=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", h.srv.URL)
	r, err := anon.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("an anonymous request: %s to %q, want to the login", r.Status, r.Header.Get("Location"))
	}
	req, _ = http.NewRequest("POST", h.srv.URL+"/a/coop/mandate-cards.html", strings.NewReader("all=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r, err = mc.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") && r.StatusCode == http.StatusOK {
		t.Error("cards were printed for a form without a token")
	}
	if got := read(h, func(s *assembly.State) int { return len(s.Access) }); got != 0 {
		t.Fatalf("%d persons' codes recorded after the refused requests", got)
	}

	oldAnna := h.codes["anna"]
	resp, data = mc.postPage("mandates", "/a/coop/mandate-cards.html", url.Values{"persons": {"anna", "amal", "li"}})
	page := string(data)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("cards: %s %s\n%s", resp.Status, resp.Header.Get("Content-Type"), page)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store: the page holds the codes", cc)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") || !strings.Contains(csp, "style-src 'sha256-") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for _, want := range []string{
		`<html lang="en"`,
		`<p class="name" dir="auto">أمل الحسيني <bdi dir="ltr">(No.` + "\u00a0" + `M1001)</bdi></p>`,
		`<p class="org" dir="auto">اتحاد العمال</p>`,
		`<p class="name" dir="auto">李小龙 <bdi dir="ltr">(li)</bdi></p>`,
		`<p class="name" dir="auto">Anna Arkadyevna</p>`,
		"Scan the square or open: " + hallBaseURL + "/login?code=",
		"@page{size:A4;margin:0}",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the cards' page does not have %q", want)
		}
	}
	if n := strings.Count(page, `<svg class="qr"`); n != 3 {
		t.Errorf("%d QR codes, want 3", n)
	}
	codes := htmlCardCode.FindAllStringSubmatch(page, -1)
	if len(codes) != 3 {
		t.Fatalf("%d codes on the page, want 3", len(codes))
	}
	for _, c := range codes {
		if !strings.Contains(page, html.EscapeString(hallBaseURL+"/login?code="+c[1])) {
			t.Errorf("the code %s has no login link under --base-url", c[1])
		}
	}
	issuedBy := func() map[string]string {
		return read(h, func(s *assembly.State) map[string]string {
			out := map[string]string{}
			for p, a := range s.Access {
				out[p] = a.IssuedBy
			}
			return out
		})
	}
	if got := issuedBy(); len(got) != 3 || got["anna"] != "mc" || got["amal"] != "mc" || got["li"] != "mc" {
		t.Errorf("the record shows codes issued %v, want anna, amal and li by mc", got)
	}
	// Each card is in the order of the PDF's: by organization, then name.
	if a, l := strings.Index(page, "Anna Arkadyevna"), strings.Index(page, "李小龙"); a < 0 || l < 0 || a > strings.Index(page, "أمل الحسيني") {
		t.Errorf("the cards are not in the PDF's order (the members first)")
	}
	login := func(code string) int {
		r := h.browser("").post("/login", url.Values{"code": {code}, "next": {"/a/coop/"}}, nil)
		return r.StatusCode
	}
	for _, c := range codes {
		if st := login(c[1]); st != http.StatusSeeOther {
			t.Errorf("the code %s from the page: %d", c[1], st)
		}
	}
	if st := login(oldAnna); st != http.StatusUnauthorized {
		t.Errorf("anna's earlier code, after the cards were printed from the browser: %d, want 401", st)
	}
	// The form sent again: refused, nothing issued, the codes still work.
	resp, data = mc.postPage("mandates", "/a/coop/mandate-cards.html", url.Values{"persons": {"anna", "amal", "li"}})
	if resp.StatusCode != http.StatusSeeOther || strings.Contains(string(data), "<article") {
		t.Errorf("the form sent again: %s", resp.Status)
	}
	for _, c := range codes {
		if st := login(c[1]); st != http.StatusSeeOther {
			t.Errorf("the code %s after the form was sent again: %d", c[1], st)
		}
	}

	// Letter paper, when chosen; in the assembly's language.
	resp, data = h.adminBrowser().postPage("mandates", "/a/coop/mandate-cards.html", url.Values{"persons": {"li"}, "paper": {"letter"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(data), "@page{size:letter;margin:0}") {
		t.Errorf("the cards on Letter: %s", resp.Status)
	}
}

// TestImportSaysToPrintFromTheBrowser: the import's preview of a file
// with an Arabic and a Chinese name says that two names have letters the
// PDF cards and minutes cannot print, and links to printing their cards
// from the browser (the mandates page's list of those names, above its
// button); so does the report of what was recorded. A file whose names
// all print says nothing of it.
func TestImportSaysToPrintFromTheBrowser(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	const id = "congress-2026"
	note := regexp.MustCompile(`(?s)<p class="msg warn" id="import-unprintable">(.*?)</p>`)
	_, preview := admin.upload(id, "roster.csv", []byte("Name,Organization\nOlga Newcomer,Teachers' Union\n"), nil)
	if note.MatchString(preview) {
		t.Errorf("a file whose names all print is warned of names that do not")
	}
	_, preview = admin.upload(id, "roster.csv", []byte("Name,Organization\nأمل الحسيني,Teachers' Union\n李小龙,Teachers' Union\nPeter Newman,Teachers' Union\n"), nil)
	want := `2 names in this file have letters the PDF mandate cards and the PDF minutes cannot print (they print as boxes there). <a href="/a/` + id + `/mandates#cards-unprintable">Print these cards from the browser</a>.`
	if m := note.FindStringSubmatch(preview); m == nil || html.UnescapeString(m[1]) != want {
		t.Errorf("the preview's note: %v, want %q", m, want)
	}
	_, done := admin.record(id, preview, nil)
	if m := note.FindStringSubmatch(done); m == nil || html.UnescapeString(m[1]) != want {
		t.Errorf("the report's note: %v, want %q", m, want)
	}
}
