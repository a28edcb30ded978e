package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"plenum/assembly"
	"plenum/internal/pdftext"
)

// tab opens a browser context of its own (its own cookies) with a window
// of the given size, at path, for someone who is not logged in yet.
func (s *session) tab(who string, width, height int64, path string) *person {
	s.t.Helper()
	ctx, cancel := chromedp.NewContext(s.first, chromedp.WithNewBrowserContext())
	s.t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		s.t.Fatalf("open a tab for %s: %v", who, err)
	}
	p := &person{name: who, ctx: ctx}
	s.run(p, "open "+path, chromedp.EmulateViewport(width, height), chromedp.Navigate(s.h.srv.URL+path))
	return p
}

// value sets a form field's value (as typing it would), by CSS selector.
func value(sel, v string) chromedp.Action[chromedp.Void] {
	return chromedp.SetValue(chromedp.CSS(sel), v)
}

// downloads lets p's browser context save files in dir and returns a
// function that waits for the next download to complete and returns its
// bytes.
func (s *session) downloads(p *person) func(what string) []byte {
	s.t.Helper()
	dir := s.t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
		DownloadPath: dir, EventsEnabled: &yes,
	}); err != nil {
		s.t.Fatalf("downloads: %v", err)
	}
	done := make(chan string, 4)
	var mu sync.Mutex
	seen := map[string]bool{}
	if err := chromedp.ListenBrowser(p.ctx, func(ev any) {
		if e, ok := ev.(*cdpbrowser.EventDownloadProgress); ok && e.State == cdpbrowser.DownloadProgressStateCompleted {
			mu.Lock()
			defer mu.Unlock()
			if !seen[e.GUID] {
				seen[e.GUID] = true
				select {
				case done <- e.GUID:
				default:
				}
			}
		}
	}); err != nil {
		s.t.Fatalf("downloads: %v", err)
	}
	return func(what string) []byte {
		s.t.Helper()
		select {
		case guid := <-done:
			data, err := os.ReadFile(filepath.Join(dir, guid))
			if err != nil {
				s.t.Fatalf("%s: %v", what, err)
			}
			return data
		case <-time.After(30 * time.Second):
			s.shot(p, "failed-"+p.name)
			s.t.Fatalf("%s: no download within 30 seconds", what)
		}
		return nil
	}
}

// TestOrganiserSetsUpACongress is the organiser's day before the congress,
// in a browser: they log in with the administrator link, create the
// assembly from the pages, set its rules and organizations, import the
// sample roster (testdata/roster/congress-2026.xlsx, whose row 24 names a
// misspelt delegation: the preview shows it, the organiser corrects the
// file and uploads it again), and print every delegate's card. A delegate
// then logs in on a phone with the code read from the card PDF's text,
// registers present, and votes.
func TestOrganiserSetsUpACongress(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newEmptyHall(t)
	s := newSession(t, h)
	tok, err := h.auth.NewAdminToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	org := s.tab("organiser", 1280, 900, "/login?admin="+tok)
	s.until(org, "the list of assemblies", `document.querySelector('a[href="/setup"]') !== null`)
	s.click(org, `a[href="/setup"]`)

	// The assembly, from the pages.
	s.until(org, "the new assembly form", `document.querySelector("#na-name") !== null`)
	s.run(org, "fill in the assembly",
		value("#na-name", "14th Congress of the Federation of Trade Unions"),
		value("#na-starts", "2026-05-20"), value("#na-ends", "2026-05-22"),
		value("#na-venues", "Congress Centre, Hall A"),
		chromedp.Click(chromedp.CSS(`input[name="record_access"][value="participants"]`)))
	s.shot(org, "setup-1-new-assembly")
	s.click(org, `form[action="/setup"][method="post"] button[type="submit"]`)
	const id = "14th-congress-of-the-federation-of-trade-unions"
	s.until(org, "the set-up page", `location.pathname === "/a/`+id+`/setup" && `+contains("#flash", "The assembly is set up"))
	s.shot(org, "setup-2-created")

	// Its rules: a delegation's mandate carries its weight; an absent
	// delegate's mandate may be carried by proxy, one a delegate.
	s.run(org, "the rules",
		chromedp.Click(chromedp.CSS(`input[name="weighted_votes"]`)),
		chromedp.Click(chromedp.CSS(`input[name="proxies_allowed"]`)),
		value("#r-proxies", "1"))
	s.click(org, `form:has(input[name="cmd"][value="rules"]) button[type="submit"]`)
	s.until(org, "the rules changed", contains("#flash", "The rules were changed"))

	// Its organizations, as the roster spells them.
	s.click(org, `a[href="/a/`+id+`/setup-organizations"]`)
	for _, o := range []struct{ name, kind string }{
		{"Metalworkers' Union North", "delegating"}, {"Metalworkers' Union South", "delegating"}, {"Railway Workers' Union", "delegating"},
		{"Health and Care Workers' Union", "delegating"}, {"Teachers' Union", "delegating"}, {"Retail and Commerce Union", "delegating"},
		{"Youth Committee", "group"}, {"Executive Board", "leading_body"},
	} {
		s.until(org, "the organization form", `document.querySelector("#org-name") !== null`)
		s.run(org, "add "+o.name, value("#org-name", o.name), chromedp.SetValue(chromedp.CSS("#org-kind"), o.kind))
		s.click(org, `form:has(input[name="cmd"][value="add_organization"]) button[type="submit"]`)
		s.until(org, "added "+o.name, contains("#flash", "Added the organization "+o.name))
	}
	s.shot(org, "setup-3-organizations")

	// The roster, from the spreadsheet: the preview shows row 24's
	// misspelt delegation and records nothing.
	xlsx, err := filepath.Abs(filepath.Join("..", "testdata", "roster", "congress-2026.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	s.click(org, `a[href="/a/`+id+`/import"]`)
	s.until(org, "the import page", `document.querySelector("#roster-file") !== null`)
	s.run(org, "choose the file", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{xlsx}))
	s.click(org, `form[action="/a/`+id+`/import"] button[type="submit"]`)
	s.until(org, "the preview", contains("main", "Rows with problems (1)"))
	s.until(org, "row 24's problem", contains("main", "column C (Delegation): the assembly has no organization Metalworkers Union Suoth"))
	s.shot(org, "setup-4-import-preview-problem")
	if n := stateOf(h, id, func(st *assembly.State) int { return len(st.Persons) }); n != 0 {
		t.Fatalf("the preview recorded %d persons", n)
	}
	// The organiser corrects the cell in the spreadsheet and uploads the
	// corrected file from the preview.
	data, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	fixed := filepath.Join(t.TempDir(), "congress-2026.xlsx")
	if err := os.WriteFile(fixed, replaceCell(t, data, "Metalworkers Union Suoth", "Metalworkers' Union South"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.run(org, "choose the corrected file", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{fixed}))
	s.click(org, `form[action="/a/`+id+`/import"] button[type="submit"]`)
	s.until(org, "the clean preview", contains("main", "Record 62 new persons with their mandates"))
	s.shot(org, "setup-5-import-preview-clean")
	s.click(org, `form[action="/a/`+id+`/import/record"] button[type="submit"]`)
	s.until(org, "recorded", contains("main", "62 new persons with their mandates")+` && document.querySelector("main").textContent.includes("179 commands in one batch")`)
	s.shot(org, "setup-6-import-recorded")
	verified := stateOf(h, id, func(st *assembly.State) int {
		n := 0
		for _, m := range st.Mandates {
			if m.Status == assembly.MandateStatusVerified {
				n++
			}
		}
		return n
	})
	if verified == 0 {
		t.Fatal("no mandate was verified by the import")
	}

	// Every card, in one PDF.
	next := s.downloads(org)
	s.run(org, "the mandate commission's page", chromedp.Navigate(h.srv.URL+"/a/"+id+"/mandates"))
	s.click(org, `form[action="/a/`+id+`/mandate-cards.pdf"] input[name="all"]`)
	s.shot(org, "setup-7-cards")
	s.click(org, `form[action="/a/`+id+`/mandate-cards.pdf"] button[type="submit"]`)
	pdf := next("the cards")
	text := pdftext.Text(t, pdf)
	if n := len(cardCode.FindAllString(text, -1)); n != verified {
		t.Fatalf("%d codes on the cards, for %d verified mandates", n, verified)
	}
	// Amira Haddad's card: her name, then her code.
	at := strings.Index(text, "Amira Haddad")
	if at < 0 {
		t.Fatalf("no card for Amira Haddad:\n%s", text)
	}
	code := cardCode.FindString(text[at:])
	if code == "" {
		t.Fatalf("no code after Amira Haddad on the cards:\n%s", text[at:])
	}

	// The chair opens the first sitting and puts a question to the vote
	// (the chair's pages are tested in TestBrowserVoteAndFloorLive).
	chair := func(cmd string, args obj) {
		t.Helper()
		raw, _ := json.Marshal(args)
		h.at = h.at.Add(time.Second)
		if _, err := h.eng.Submit(context.Background(), assembly.Envelope{Cmd: cmd, Assembly: id, Actor: "admin", At: h.at, Args: raw}); err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
	}
	chair("open_sitting", obj{"id": "s1", "date": "2026-05-20", "chair": "ulla-berg"})

	// Amira logs in on her phone with the code from her card.
	amira := s.tab("amira", 390, 844, "/login?code="+code)
	s.until(amira, "her page", `location.pathname === "/a/`+id+`/delegate"`)
	s.until(amira, "her mandate", contains("main", "Amira Haddad"))
	s.click(amira, `form:has(input[name="cmd"][value="check_in"]) button[type="submit"]`)
	s.until(amira, "registered present", contains("#status", "registered present"))
	chair("add_item", obj{"id": "i1", "title": "The federation's budget"})
	chair("take_up_item", obj{"item": "i1"})
	chair("move_motion", obj{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "label": "The executive board"})
	chair("open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	s.until(amira, "the ballot", `document.querySelector("button.choice-for") !== null`)
	s.shot(amira, "setup-8-delegate-ballot")
	s.click(amira, "button.choice-for")
	s.click(amira, "button.confirm-btn")
	s.until(amira, "the receipt, in place", contains("#receipt-slot", "Save the receipt"))
	s.shot(amira, "setup-9-delegate-receipt")
	ballot := stateOf(h, id, func(st *assembly.State) string {
		for _, b := range st.Votes["v1"].Ballots {
			return fmt.Sprintf("%s %s %d", b.Voter, b.Choice, b.Weight)
		}
		return ""
	})
	if !regexp.MustCompile(`^amira-haddad for 3$`).MatchString(ballot) {
		t.Fatalf("the ballot recorded: %q, want amira-haddad for 3", ballot)
	}
}

// TestSetUpPagesAtEverySize opens every set-up page of a congress with its
// roster — and the import's preview, with a problem and without — at
// 360x740, 1280x900 and 1920x1080, saves what the browser showed
// (setup-size-PAGE-WIDTH.png) and checks that nothing is wider than the
// screen; and the set-up pages as the chair and the secretary see them,
// with only the forms the rules let them use
// (setup-size-chair-PAGE-WIDTH.png, setup-size-secretary-PAGE-WIDTH.png).
func TestSetUpPagesAtEverySize(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := congressHall(t)
	const id = "congress-2026"
	csv, err := os.ReadFile(filepath.Join("..", "testdata", "roster", "congress-2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	admin := h.adminBrowser()
	if _, preview := admin.upload(id, "congress-2026.csv", csv, nil); !strings.Contains(preview, "Record 62 new persons with their mandates") {
		t.Fatalf("the roster does not import:\n%s", flashText(preview))
	} else if code, _ := admin.record(id, preview, nil); code != 200 {
		t.Fatalf("recording the roster: %d", code)
	}
	h.asm = id
	h.at = time.Now().UTC()
	for _, c := range []struct {
		cmd  string
		args obj
	}{
		{"grant_role", obj{"person": "ulla-berg", "role": "chair"}},
		{"grant_role", obj{"person": "nora-hansen", "role": "mandate_commission"}},
		{"grant_role", obj{"person": "oskar-wagner", "role": "secretary"}},
		{"form_body", obj{"id": "resolutions", "name": "Resolutions committee", "kind": "committee", "members": []string{"amira-haddad", "emil-nielsen", "lina-aziz"}}},
	} {
		raw, _ := json.Marshal(c.args)
		h.at = h.at.Add(time.Second)
		if _, err := h.eng.Submit(context.Background(), assembly.Envelope{Cmd: c.cmd, Assembly: id, Actor: "admin", At: h.at, Args: raw}); err != nil {
			t.Fatalf("%s: %v", c.cmd, err)
		}
	}
	s := newSession(t, h)
	tok, err := h.auth.NewAdminToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	org := s.tab("organiser", 1280, 900, "/login?admin="+tok)
	s.until(org, "logged in", `document.querySelector('a[href="/setup"]') !== null`)
	sizes := []struct{ w, h int64 }{{360, 740}, {1280, 900}, {1920, 1080}}
	lookAs := func(org *person, name string) {
		t.Helper()
		for _, sz := range sizes {
			s.run(org, fmt.Sprintf("%s at %dx%d", name, sz.w, sz.h), chromedp.EmulateViewport(sz.w, sz.h))
			ctx, cancel := context.WithTimeout(org.ctx, 10*time.Second)
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			if wide > int(sz.w) {
				t.Errorf("%s is %d px wide on a %d px screen", name, wide, sz.w)
			}
			s.shot(org, fmt.Sprintf("setup-size-%s-%d", name, sz.w))
		}
	}
	look := func(name string) { t.Helper(); lookAs(org, name) }
	for _, p := range []struct{ name, path string }{
		{"new-assembly", "/setup?from=" + id}, {"setup", "/a/" + id + "/setup"}, {"organizations", "/a/" + id + "/setup-organizations"},
		{"people", "/a/" + id + "/setup-people"}, {"person", "/a/" + id + "/setup-person?p=luca-bianchi"}, {"offices", "/a/" + id + "/setup-offices"},
		{"import", "/a/" + id + "/import"}, {"mandates", "/a/" + id + "/mandates"},
	} {
		s.run(org, "open "+p.name, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(h.srv.URL+p.path))
		look(p.name)
	}
	// The picker narrows a long list as the organiser types.
	s.run(org, "the offices page", chromedp.Navigate(h.srv.URL+"/a/"+id+"/setup-offices"))
	s.until(org, "the picker's search", `document.querySelector("#grant-person").previousElementSibling.classList.contains("picker-search")`)
	s.run(org, "type a name", chromedp.SendKeys(chromedp.CSS(".picker-search"), "hass"))
	s.until(org, "one found", `document.querySelector("#grant-person").options.length === 2 && document.querySelector("#grant-person").value === "hassan-okafor"`)
	look("picker")
	// The preview of a file with a problem, and of a good one.
	bad := bytes.Replace(csv, []byte("Metalworkers' Union North,decisive,1,,verified"), []byte("Metalworkers Union Nort,decisive,1,,verified"), 1)
	file := filepath.Join(t.TempDir(), "congress-2026-changed.csv")
	os.WriteFile(file, append(bad, []byte("NEW-1,Zeynep Arslan,Teachers' Union,decisive,1,,\n")...), 0o644)
	s.run(org, "the import page", chromedp.Navigate(h.srv.URL+"/a/"+id+"/import"), chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{file}))
	s.click(org, `form[action="/a/`+id+`/import"] button[type="submit"]`)
	s.until(org, "the preview", contains("main", "Rows with problems (1)"))
	look("import-problem")
	good := filepath.Join(t.TempDir(), "congress-2026-new.csv")
	os.WriteFile(good, append(csv, []byte("NEW-1,Zeynep Arslan,Teachers' Union,decisive,1,,\n")...), 0o644)
	s.run(org, "the corrected file", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{good}))
	s.click(org, `form[action="/a/`+id+`/import"] button[type="submit"]`)
	s.until(org, "the clean preview", contains("main", "Record 1 new person with their mandate"))
	look("import-clean")
	// The chair and the secretary, whom the navigation leads to the
	// set-up pages, see them with the forms the rules let them use: the
	// chair the bodies' and no import, the secretary the roll's and the
	// import.
	codes, err := h.auth.IssueCodes(context.Background(), id, []string{"ulla-berg", "oskar-wagner"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range codes {
		who := map[string]string{"ulla-berg": "chair", "oskar-wagner": "secretary"}[c.Person]
		p := s.tab(who, 1280, 900, "/login?code="+c.Code+"&next=/a/"+id+"/setup")
		s.until(p, who+" logged in, led to the set-up pages", `document.querySelector('header nav a[href="/a/`+id+`/setup"]') !== null`)
		for _, pg := range []struct{ name, path string }{
			{"setup", "/a/" + id + "/setup"}, {"organizations", "/a/" + id + "/setup-organizations"},
			{"people", "/a/" + id + "/setup-people"}, {"person", "/a/" + id + "/setup-person?p=luca-bianchi"},
			{"offices", "/a/" + id + "/setup-offices"}, {"import", "/a/" + id + "/import"},
		} {
			s.run(p, who+" opens "+pg.name, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(h.srv.URL+pg.path))
			imports := eval[bool](s, p, `document.querySelector('main a[href="/a/`+id+`/import"]') !== null`)
			if want := who == "secretary"; imports != want {
				t.Errorf("%s's %s page links the import page: %v, want %v", who, pg.name, imports, want)
			}
			lookAs(p, who+"-"+pg.name)
		}
	}
}
