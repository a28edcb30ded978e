package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/roster"
)

var (
	hintRe     = regexp.MustCompile(`(?s)<p class="im-hint">(.*?)</p>`)
	namesRe    = regexp.MustCompile(`(?s)<details class="im-names">(.*?)</details>`)
	codeRe     = regexp.MustCompile(`<code class="([hw])">([^<]*)</code>`)
	noOrgColRe = regexp.MustCompile(`(?s)<p class="msg error" role="alert" id="no-org-column">(.*?)</p>`)
)

// TestImportHintsNameWhatIsRead: in each of the five languages the import
// form's hint names the columns in that language (the German one
// promised German headers the import did not read: a file with
// Mitgliedsnummer, Bezirk, Mandat, Stimmen had them "not read"), and
// every header and word the hint and its list name is one the import
// reads, as what the hint says it is.
func TestImportHintsNameWhatIsRead(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	first := map[string]string{"en": "Ref", "de": "Mitgliedsnummer", "ru": "Членский номер", "fr": "Numéro de membre", "es": "Número de afiliado"}
	for _, lang := range roster.Languages {
		_, page := admin.getWith("/a/congress-2026/import", http.Header{"Cookie": {"plenum_lang=" + lang}})
		hint, names := hintRe.FindStringSubmatch(page), namesRe.FindStringSubmatch(page)
		if hint == nil || names == nil {
			t.Fatalf("%s: no hint or no list of the names read:\n%s", lang, page)
		}
		inHint := codeRe.FindAllStringSubmatch(hint[1], -1)
		if len(inHint) < 7+4+1 { // the columns, the kinds, verified
			t.Errorf("%s: the hint names %d headers and words: %s", lang, len(inHint), hint[1])
		}
		if !strings.Contains(hint[1], `<code class="h">`+first[lang]+`</code>`) {
			t.Errorf("%s: the hint does not name %s: %s", lang, first[lang], hint[1])
		}
		all := append(inHint, codeRe.FindAllStringSubmatch(names[1], -1)...)
		if len(all) < 150 {
			t.Errorf("%s: the list names %d headers and words", lang, len(all))
		}
		for _, m := range all {
			w := html.UnescapeString(m[2])
			if m[1] == "h" {
				if f, ok := roster.HeaderField(w); !ok || f == roster.FieldPresence {
					t.Errorf("%s: the page names the header %q, which the import does not read", lang, w)
				}
				continue
			}
			_, kind := roster.ReadKind(w)
			_, status := roster.ReadStatus(w)
			if !kind && !status || w == "" {
				t.Errorf("%s: the page names the word %q, which the import does not read", lang, w)
			}
		}
	}
	// The file of the review reads.
	_, preview := admin.upload("congress-2026", "delegierte.csv", []byte("Mitgliedsnummer;Name;Bezirk;Mandat;Stimmen;E-Mail\nM1005;Ayşe Zürn;Metalworkers' Union North;stimmberechtigt;1;a@example.org\n"), nil)
	if !strings.Contains(preview, "A Mitgliedsnummer → reference; B Name → name; C Bezirk → organization; D Mandat → kind of mandate; E Stimmen → weight.") || !strings.Contains(preview, "Not read: F (E-Mail).") {
		t.Errorf("the German file's columns:\n%s", preview)
	}
}

// TestImportWarnsOfNoOrganizationColumn: a file whose organizations are
// under a header the import does not read, for an assembly that has
// organizations, is warned of before the button that would record every
// row as a personal mandate, with the headers that would be read, in the
// page's language; a file with the column is not.
func TestImportWarnsOfNoOrganizationColumn(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	file := []byte("Name,Landesverband\nOlga Newcomer,Metalworkers' Union North\nPeter Newman,Teachers' Union\n")
	_, preview := admin.upload("congress-2026", "roster.csv", file, nil)
	m := noOrgColRe.FindStringSubmatch(preview)
	if m == nil {
		t.Fatalf("no warning of the missing organizations:\n%s", preview)
	}
	for _, want := range []string{"every row will be recorded as a personal mandate", `<code class="h">Organization</code>`, `<code class="h">delegation</code>`} {
		if !strings.Contains(m[1], want) {
			t.Errorf("the warning does not say %s: %s", want, m[1])
		}
	}
	if strings.Index(preview, `id="no-org-column"`) > strings.Index(preview, `action="/a/congress-2026/import/record"`) {
		t.Error("the warning is below the button")
	}
	admin.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: "plenum_lang", Value: "de"}})
	_, preview = admin.upload("congress-2026", "roster.csv", file, nil)
	if m := noOrgColRe.FindStringSubmatch(preview); m == nil || !strings.Contains(m[1], "persönliches Mandat ohne Organisation") || !strings.Contains(m[1], `<code class="h">Bezirk</code>`) {
		t.Errorf("the German warning: %v", m)
	}
	_, preview = admin.upload("congress-2026", "roster.csv", []byte("Name,Delegation\nOlga Newcomer,Metalworkers' Union North\n"), nil)
	if noOrgColRe.MatchString(preview) {
		t.Error("a file with its organizations is warned it has none")
	}
}

// TestImportSaysWhatItDoes: the preview's button says what recording does
// in the organiser's words ("Record 2 new persons with their mandates"),
// not in rows, commands and batches, which a details keeps; so does the
// report of what was recorded, in English and in German.
func TestImportSaysWhatItDoes(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	const id = "congress-2026"
	first := []byte("Name,Organization\nOlga Newcomer,Metalworkers' Union North\nPeter Newman,Teachers' Union\n")
	_, preview := admin.upload(id, "roster.csv", first, nil)
	if !strings.Contains(preview, `<button type="submit" class="big">Record 2 new persons with their mandates</button>`) {
		t.Errorf("the button:\n%s", preview)
	}
	if !strings.Contains(preview, "<summary>How it is recorded</summary><p>4 commands to the record for 2 rows of the file, in one batch") {
		t.Errorf("the details:\n%s", preview)
	}
	_, done := admin.record(id, preview, nil)
	if !strings.Contains(done, "roster.csv</strong>: 2 new persons with their mandates, 0 unchanged.</p>") || !regexp.MustCompile(`<summary>How it was recorded</summary><p>4 commands in one batch: entries \d+ to \d+ of the record\.</p>`).MatchString(done) {
		t.Errorf("what was recorded:\n%s", done)
	}
	admin.c.Jar.SetCookies(mustURL(t, h.srv.URL), []*http.Cookie{{Name: "plenum_lang", Value: "de"}})
	second := []byte("Name,Organization,Weight\nOlga Newcomer,Metalworkers' Union North,1\nPeter Newman,Teachers' Union,1\nAnna Neu,Teachers' Union,1\n")
	_, preview = admin.upload(id, "roster.csv", second, nil)
	if !strings.Contains(preview, `<button type="submit" class="big">Festhalten: 1 neue Person mit ihrem Mandat</button>`) {
		t.Errorf("the German button:\n%s", preview)
	}
	for _, bad := range []string{"Befehl", "Schub"} {
		if b := regexp.MustCompile(`(?s)<button type="submit" class="big">.*?</button>`).FindString(preview); strings.Contains(b, bad) {
			t.Errorf("the German button says %s: %s", bad, b)
		}
	}
}

// TestBrowserImportWordsFit: the import form's hint with its list of the
// names read opened, and the preview of a German file without a column
// of organizations (its warning, the button in plain words and the
// details of how it is recorded opened), in German and in English, stick
// out of no page at 360 and 1280 px.
func TestBrowserImportWordsFit(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := congressHall(t)
	const id = "congress-2026"
	s := newSession(t, h)
	tok, err := h.auth.NewAdminToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	org := s.tab("organiser", 1280, 900, "/login?admin="+tok)
	s.until(org, "logged in", `document.querySelector('a[href="/setup"]') !== null`)
	file := filepath.Join(t.TempDir(), "delegierte.csv")
	os.WriteFile(file, []byte("Mitgliedsnummer;Name;Landesverband;Mandat;Stimmen;E-Mail\nM1005;Ayşe Zürn;Metalworkers' Union North;stimmberechtigt;1;a@example.org\nM1006;Grete Lindqvist;Teachers' Union;beratend;1;g@example.org\n"), 0o644)
	look := func(name string) {
		t.Helper()
		for _, w := range []int64{360, 1280} {
			s.run(org, fmt.Sprintf("%s at %d", name, w), chromedp.EmulateViewport(w, 900))
			if over := eval[string](s, org, `(function () { var d = document.documentElement;
				return d.scrollWidth > d.clientWidth ? "the page is " + d.scrollWidth + " px wide in " + d.clientWidth : ""; })()`); over != "" {
				t.Errorf("%s at %d px: %s", name, w, over)
			}
			s.shot(org, fmt.Sprintf("import-words-%s-%d", name, w))
		}
	}
	for _, lang := range []string{"de", "en"} {
		s.run(org, "the import page", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(h.srv.URL+"/a/"+id+"/import"))
		s.click(org, `.lang-switch button[value="`+lang+`"]`)
		s.until(org, "the page in "+lang, `document.documentElement.lang === "`+lang+`" && document.querySelector("details.im-names") !== null`)
		eval[bool](s, org, `document.querySelector("details.im-names").open = true`)
		look(lang + "-form")
		s.run(org, "choose the file", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{file}))
		s.click(org, `form[action="/a/`+id+`/import"] button[type="submit"]`)
		s.until(org, "the preview", `document.querySelector("#no-org-column") !== null`)
		eval[bool](s, org, `document.querySelectorAll("main details").forEach(function (d) { d.open = true; }), true`)
		look(lang + "-preview")
	}
}
