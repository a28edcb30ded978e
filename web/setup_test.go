package web_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"plenum/assembly"
	"plenum/auth"
)

// adminBrowser is a browser logged in as the server administrator, with
// a one-time administrator link.
func (h *hall) adminBrowser() *browser {
	h.t.Helper()
	tok, err := h.auth.NewAdminToken(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	b := h.browser("")
	resp, err := b.c.Get(h.srv.URL + "/login?admin=" + tok)
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther && resp.StatusCode != http.StatusFound {
		h.t.Fatalf("admin login: %s", resp.Status)
	}
	return b
}

// form fetches page, takes its form token, and posts form to path; it
// returns the answer's status, its Location and the flash shown where it
// leads — or, for a set-up form sent back with a refusal and what was
// typed (keptForms), the flash of the page it is sent back on.
func (b *browser) form(page, path string, form url.Values) (int, string, string) {
	b.h.t.Helper()
	_, body, _ := b.get(page)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		b.h.t.Fatalf("no form token on %s:\n%s", page, body)
	}
	form.Set("csrf", m[1])
	resp, back := b.postHeader(path, form, nil)
	loc := resp.Header.Get("Location")
	if loc == "" || resp.StatusCode != http.StatusSeeOther {
		return resp.StatusCode, loc, flashText(back)
	}
	_, next, _ := b.get(loc)
	return resp.StatusCode, loc, flashText(next)
}

var flashRe = regexp.MustCompile(`(?s)<p class="msg (?:ok|error)" role="(?:status|alert)">(.*?)</p>`)

func flashText(body string) string {
	if m := flashRe.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// stateOf reads from the state of assembly id.
func stateOf[T any](h *hall, id string, fn func(*assembly.State) T) T {
	h.t.Helper()
	a, ok := h.eng.Assembly(id)
	if !ok {
		h.t.Fatalf("no assembly %s", id)
	}
	var v T
	a.Read(func(s *assembly.State) { v = fn(s) })
	return v
}

func TestSetUpFromThePages(t *testing.T) {
	h := newEmptyHall(t)
	visitor := h.browser("")
	if code, body, _ := visitor.get("/setup"); code != http.StatusUnauthorized || !strings.Contains(body, "Only the server administrator sets up a new assembly") {
		t.Fatalf("a visitor gets the new assembly page: %d", code)
	}
	admin := h.adminBrowser()
	code, body, _ := admin.get("/setup")
	if code != 200 || !strings.Contains(body, "Set up a new assembly") {
		t.Fatalf("/setup: %d\n%s", code, body)
	}

	// A refused form creates nothing and keeps what was typed.
	bad := url.Values{"name": {"Spring Congress"}, "starts": {"2026-05-20"}, "ends": {"2026-05-01"}, "rules": {"congress"}, "quorum": {"none"}, "record_access": {"public"}}
	_, body, _ = admin.get("/setup")
	bad.Set("csrf", csrfRe.FindStringSubmatch(body)[1])
	status, page := admin.send("/setup", "application/x-www-form-urlencoded", strings.NewReader(bad.Encode()))
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "Refused: The assembly cannot end (2026-05-01) before it starts (2026-05-20).") || !strings.Contains(page, `value="Spring Congress"`) {
		t.Fatalf("a bad new assembly: %d\n%s", status, page)
	}
	if n := len(h.eng.Assemblies()); n != 0 {
		t.Fatalf("a refused form created %d assemblies", n)
	}

	// The assembly: its id made from its name; the rules, their overrides,
	// the language and who reads the record as the form says.
	key := "web-test-create"
	form := url.Values{"name": {"14th Congress of the Federation"}, "starts": {"2026-05-20"}, "ends": {"2026-05-22"}, "venues": {"Congress Centre, Hall A\n\nHall B"},
		"language": {"de"}, "rules": {"ronr"}, "quorum": {"number"}, "quorum_number": {"40"}, "voting_threshold": {"two_thirds_cast"},
		"close_debate_threshold": {"majority_cast"}, "record_access": {"participants"}, "key": {key}}
	code, loc, msg := admin.form("/setup", "/setup", form)
	const id = "14th-congress-of-the-federation"
	// The administrator's browser asks for no language: the new
	// assembly's set-up page, and what it says, are in the assembly's,
	// German.
	if code != http.StatusSeeOther || loc != "/a/"+id+"/setup" || !strings.Contains(msg, "Die Versammlung ist eingerichtet") {
		t.Fatalf("create: %d %s %q", code, loc, msg)
	}
	got := stateOf(h, id, func(s *assembly.State) assembly.Assembly { return s.Assembly })
	want := assembly.Assembly{ID: id, Name: "14th Congress of the Federation", Starts: "2026-05-20", Ends: "2026-05-22", Venues: []string{"Congress Centre, Hall A", "Hall B"}, Language: "de", RecordAccess: "participants"}
	want.Rules, _ = assembly.Preset("ronr")
	want.Rules.Quorum, want.Rules.VotingThreshold, want.Rules.CloseDebateThreshold = "40", assembly.TwoThirdsCast, assembly.MajorityCast
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("created:\n got %+v\nwant %+v", got, want)
	}
	// The same form again (a double click) creates nothing more.
	if _, loc, msg := admin.form("/setup", "/setup", form); loc != "/a/"+id+"/setup" || !strings.Contains(msg, "schon einmal gesendet") || len(h.eng.Assemblies()) != 1 {
		t.Fatalf("the form sent twice: %s %q, %d assemblies", loc, msg, len(h.eng.Assemblies()))
	}

	// Every set-up page shows.
	for _, p := range []string{"setup", "setup-organizations", "setup-people", "setup-offices", "import"} {
		if code, body, _ := admin.get("/a/" + id + "/" + p); code != 200 || !strings.Contains(body, `class="subnav"`) {
			t.Errorf("%s: %d", p, code)
		}
	}

	setup := "/a/" + id + "/setup"
	post := func(page string, f url.Values) (string, string) {
		t.Helper()
		f.Set("back", "/a/"+id+"/"+page)
		_, loc, msg := admin.form("/a/"+id+"/"+page, setup, f)
		return loc, msg
	}
	// Organizations: ids from names, one of the same name numbered.
	post("setup-organizations", url.Values{"cmd": {"add_organization"}, "name": {"Metalworkers' Union North"}, "kind": {"delegating"}, "number": {"1"}})
	post("setup-organizations", url.Values{"cmd": {"add_organization"}, "name": {"Railway Workers' Union"}, "kind": {"delegating"}})
	// The administrator's browser asks for no language: the messages are
	// in the assembly's, German.
	if _, msg := post("setup-organizations", url.Values{"cmd": {"add_organization"}, "name": {"  "}, "kind": {"delegating"}}); msg != "Geben Sie den Namen der Organisation an." {
		t.Errorf("a blank organization: %q", msg)
	}
	// A refusal by the rules, too, is in the assembly's language.
	if _, msg := post("setup-offices", url.Values{"cmd": {"form_body"}, "name": {"Redaktionskommission"}, "kind": {"committee"}, "members": {"nobody"}}); !strings.Contains(msg, "Abgelehnt: Es gibt keine Person") {
		t.Errorf("a body with an unknown member: %q, want it in German", msg)
	}
	orgs := stateOf(h, id, func(s *assembly.State) []string { return s.OrgOrder })
	if !reflect.DeepEqual(orgs, []string{"metalworkers-union-north", "railway-workers-union"}) {
		t.Fatalf("organizations %v", orgs)
	}

	// A person with a verified mandate, in one batch; a second of the same
	// name gets an id of their own.
	loc, msg = post("setup-people", url.Values{"cmd": {"add_person"}, "name": {"Anna Müller"}, "ref": {"MN-1"}, "kind": {"decisive"}, "organization": {"metalworkers-union-north"}, "verified": {"1"}, "key": {"k1"}})
	if loc != "/a/"+id+"/setup-person?p=anna-muller" || !strings.Contains(msg, "Anna Müller hinzugefügt (Eintrag") {
		t.Fatalf("add a person: %s %q", loc, msg)
	}
	// From here on the administrator has chosen English.
	u, _ := url.Parse(h.srv.URL)
	admin.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en"}})
	post("setup-people", url.Values{"cmd": {"add_person"}, "name": {"Anna Müller"}, "ref": {"RW-7"}, "kind": {"consultative"}, "organization": {"railway-workers-union"}, "key": {"k2"}})
	ms := stateOf(h, id, func(s *assembly.State) map[string]assembly.Mandate {
		out := map[string]assembly.Mandate{}
		for k, m := range s.Mandates {
			out[k] = *m
		}
		return out
	})
	if m := ms["m-anna-muller"]; m.Person != "anna-muller" || m.Status != "verified" || m.Kind != "decisive" || m.Organization != "metalworkers-union-north" {
		t.Errorf("the first mandate: %+v", m)
	}
	if m := ms["m-anna-muller-2"]; m.Person != "anna-muller-2" || m.Status != "submitted" || m.Kind != "consultative" {
		t.Errorf("the second mandate: %+v", m)
	}

	// A form the rules refuse records nothing of its batch: the person is
	// not added without the mandate that was refused (no weighted votes).
	size := stateOf(h, id, func(s *assembly.State) int { return s.Events })
	_, msg = post("setup-people", url.Values{"cmd": {"add_person"}, "name": {"Carl Weight"}, "kind": {"decisive"}, "weight": {"3"}})
	if msg != "Refused: The rules of procedure give every mandate one vote; a weight of 3 needs the rule that a mandate may carry several votes." {
		t.Errorf("a refused batch: %q", msg)
	}
	_, msg = post("setup-people", url.Values{"cmd": {"add_person"}, "name": {"Carl Weight"}, "kind": {"decisive"}, "weight": {"two"}})
	if msg != "Give the weight as a whole number of votes from 1, not &#34;two&#34;." {
		t.Errorf("a bad weight: %q", msg)
	}
	if n := stateOf(h, id, func(s *assembly.State) int { return s.Events }); n != size {
		t.Fatalf("refused forms changed the log from %d to %d events", size, n)
	}

	// The rules form gives every rule; the particulars are corrected.
	post("setup", url.Values{"cmd": {"rules"}, "quorum": {"majority_of_members"}, "voting_threshold": {"majority_cast"}, "close_debate_threshold": {"two_thirds_cast"},
		"speaking_minutes": {"5"}, "speakers_order": {"first_come"}, "max_proxies": {"1"}, "weighted_votes": {"1"}, "proxies_allowed": {"1"}})
	r := stateOf(h, id, func(s *assembly.State) assembly.Rules { return s.Assembly.Rules })
	if r.Quorum != "majority_of_members" || r.SpeakingTimeSeconds != 300 || !r.WeightedVotes || !r.ProxiesAllowed || r.MaxProxiesPerDelegate != 1 || r.SecondsRequired || r.Precedence || r.Reconsideration() || r.SpeakersOrder != "first_come" {
		t.Errorf("rules after the form: %+v", r)
	}
	if _, msg := post("setup", url.Values{"cmd": {"rules"}, "quorum": {"number"}, "quorum_number": {"many"}}); msg != "give the quorum as a whole number of voting members present, not &#34;many&#34;" {
		t.Errorf("a bad quorum: %q", msg)
	}
	post("setup", url.Values{"cmd": {"amend_assembly"}, "name": {"The 14th Congress"}, "venues": {"Hall C"}, "starts": {"2026-05-20"}})
	if a := stateOf(h, id, func(s *assembly.State) assembly.Assembly { return s.Assembly }); a.Name != "The 14th Congress" || !reflect.DeepEqual(a.Venues, []string{"Hall C"}) || a.Ends != "2026-05-22" {
		t.Errorf("amended: %+v", a)
	}

	// Offices and bodies, by the generic form and by the set-up form.
	admin.form("/a/"+id+"/setup-offices", "/a/"+id+"/act", url.Values{"cmd": {"grant_role"}, "a:person": {"anna-muller"}, "a:role": {"mandate_commission"}, "back": {"/a/" + id + "/setup-offices"}})
	post("setup-offices", url.Values{"cmd": {"form_body"}, "name": {"Drafting Committee"}, "kind": {"committee"}, "members": {"anna-muller", "anna-muller-2"}})
	if b := stateOf(h, id, func(s *assembly.State) *assembly.Body { return s.Bodies["drafting-committee"] }); b == nil || !reflect.DeepEqual(b.Members, []string{"anna-muller", "anna-muller-2"}) {
		t.Errorf("body: %+v", b)
	}
	if !stateOf(h, id, func(s *assembly.State) bool { return s.HasRole("anna-muller", assembly.RoleMandateCommission) }) {
		t.Error("the office was not granted")
	}
	// The person page and the lists name persons, sorted, never by id.
	_, body, _ = admin.get("/a/" + id + "/setup-person?p=anna-muller")
	for _, w := range []string{"<h1>Anna Müller</h1>", `value="MN-1"`, "decisive vote — Metalworkers&#39; Union North", "mandate commission"} {
		if !strings.Contains(body, w) {
			t.Errorf("the person page does not say %q", w)
		}
	}
	_, body, _ = admin.get("/a/" + id + "/setup-people?q=railway")
	if !strings.Contains(body, "RW-7") || strings.Contains(body, "MN-1</span>") {
		t.Errorf("the search for railway:\n%s", body)
	}
}

// TestSetUpFromATemplate: next year's congress from this year's, by the
// pages: the rules, the roster and the bodies come, the proceedings do
// not.
func TestSetUpFromATemplate(t *testing.T) {
	h := newHall(t)
	h.must("admin", "form_body", obj{"id": "tellers", "name": "Tellers' commission", "kind": "commission", "members": []string{"anna"}})
	admin := h.adminBrowser()
	_, body, _ := admin.get("/setup?from=coop")
	if !strings.Contains(body, "Starting from Spring general meeting: ") || !strings.Contains(body, `name="from" value="coop"`) {
		t.Fatalf("the template is not offered:\n%s", body)
	}
	_, loc, msg := admin.form("/setup?from=coop", "/setup", url.Values{"from": {"coop"}, "name": {"Autumn general meeting"}, "starts": {"2026-10-10"}, "rules": {"congress"}, "quorum": {"none"}, "voting_threshold": {"majority_cast"}, "close_debate_threshold": {"majority_cast"}, "record_access": {"public"}})
	// The previous assembly by its name, and the copy's entries counted.
	if loc != "/a/autumn-general-meeting/setup" || !regexp.MustCompile(`^The assembly is set up from Spring general meeting, whose organizations, persons, mandates \(to be verified again\), offices and bodies were copied: \d+ entries of the record\.$`).MatchString(html.UnescapeString(msg)) {
		t.Fatalf("from a template: %s %q", loc, msg)
	}
	type sum struct {
		Persons, Orgs, Mandates, Verified, Sittings, Motions int
		Speaking                                             int
		Body                                                 []string
	}
	count := func(s *assembly.State) sum {
		v := 0
		for _, m := range s.Mandates {
			if m.Status == "verified" {
				v++
			}
		}
		var body []string
		if b := s.Bodies["tellers"]; b != nil {
			body = b.Members
		}
		return sum{len(s.Persons), len(s.Organizations), len(s.Mandates), v, len(s.Sittings), len(s.Motions), s.Assembly.Rules.SpeakingTimeSeconds, body}
	}
	was, now := read(h, count), stateOf(h, "autumn-general-meeting", count)
	if now.Persons != was.Persons || now.Orgs != was.Orgs || now.Mandates != was.Mandates || now.Verified != 0 || now.Sittings != 0 || now.Motions != 0 || now.Speaking != 300 || !reflect.DeepEqual(now.Body, []string{"anna"}) {
		t.Fatalf("copied %+v from %+v", now, was)
	}
}

// upload posts a roster file to the import page and returns the answer.
func (b *browser) upload(id, name string, data []byte, extra url.Values) (int, string) {
	b.h.t.Helper()
	_, page, _ := b.get("/a/" + id + "/import")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil && !strings.Contains(page, "may import delegates.") {
		b.h.t.Fatalf("no form token on the import page:\n%s", page)
	}
	// One the import page offers no form (one who may not import) sends
	// the file anyway, without a token: it is refused before it is read.
	token := ""
	if m != nil {
		token = m[1]
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", token)
	for k, vs := range extra {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	return b.send("/a/"+id+"/import", mw.FormDataContentType(), &buf)
}

// send posts a body from this site and returns the whole answer.
func (b *browser) send(path, contentType string, body io.Reader) (int, string) {
	b.h.t.Helper()
	req, _ := http.NewRequest("POST", b.h.srv.URL+path, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", b.h.srv.URL)
	resp, err := b.c.Do(req)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

var (
	uploadRe = regexp.MustCompile(`name="upload" value="([0-9a-f]+)"`)
	planRe   = regexp.MustCompile(`name="plan" value="([0-9a-f]+)"`)
)

// record posts the preview's record form and returns the answer.
func (b *browser) record(id, preview string, extra url.Values) (int, string) {
	b.h.t.Helper()
	u, p, c := uploadRe.FindStringSubmatch(preview), planRe.FindStringSubmatch(preview), csrfRe.FindStringSubmatch(preview)
	if u == nil || p == nil || c == nil {
		b.h.t.Fatalf("the preview has no record form:\n%s", preview)
	}
	form := url.Values{"csrf": {c[1]}, "upload": {u[1]}, "plan": {p[1]}}
	for k, v := range extra {
		form[k] = v
	}
	return b.send("/a/"+id+"/import/record", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// congressHall is a server holding testdata/roster/congress-2026.jsonl:
// the congress and its organizations, no delegates yet.
func congressHall(t testing.TB) *hall {
	t.Helper()
	h := newEmptyHall(t)
	h.asm = h.replay(filepath.Join("..", "testdata", "roster", "congress-2026.jsonl"))
	return h
}

func TestImportFromThePage(t *testing.T) {
	h := congressHall(t)
	const id = "congress-2026"
	admin := h.adminBrowser()
	events := func() int { return stateOf(h, id, func(s *assembly.State) int { return s.Events }) }
	before := events()
	xlsx, err := os.ReadFile(filepath.Join("..", "testdata", "roster", "congress-2026.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	// The preview shows the misspelt delegation on its row, and records
	// nothing.
	code, preview := admin.upload(id, "congress-2026.xlsx", xlsx, nil)
	for _, w := range []string{`worksheet “Delegates”: the header on row 3, 62 rows`, "row 24</span> <strong>Ulla Berg</strong>",
		`column C (Delegation): the assembly has no organization Metalworkers Union Suoth`, "Record the good rows only (61 to add or change)", "<strong>1</strong> with problems"} {
		if !strings.Contains(preview, w) {
			t.Errorf("the preview does not say %q", w)
		}
	}
	if code != http.StatusUnprocessableEntity || events() != before {
		t.Fatalf("the preview: %d, %d events recorded", code, events()-before)
	}
	// Recording without saying "the good rows" records nothing.
	if code, page := admin.record(id, strings.Replace(preview, `name="good_rows" value="1"`, "", 1), nil); code != http.StatusUnprocessableEntity || !strings.Contains(page, "Nothing was recorded: some rows have problems") || events() != before {
		t.Fatalf("recording a file with problems: %d, %d events", code, events()-before)
	}
	// An upload the server does not hold (another's, expired, forgotten in
	// a restart) is not recorded.
	if code, _ := admin.record(id, uploadRe.ReplaceAllString(preview, `name="upload" value="ffff"`), url.Values{"good_rows": {"1"}}); code != http.StatusSeeOther || events() != before {
		t.Fatalf("an unknown upload: %d, %d events", code, events()-before)
	}
	if _, page, _ := admin.get("/a/" + id + "/import"); !strings.Contains(flashText(page), "The file is no longer on the server") {
		t.Errorf("an unknown upload says %q", flashText(page))
	}
	// A plan that no longer matches the record is shown again, not recorded.
	stale := planRe.ReplaceAllString(preview, `name="plan" value="00"`)
	if code, page := admin.record(id, stale, url.Values{"good_rows": {"1"}}); code != http.StatusConflict || !strings.Contains(page, "changed since this preview") || events() != before {
		t.Fatalf("a stale plan: %d, %d events", code, events()-before)
	}
	// The corrected file records every row in one batch.
	fixed := replaceCell(t, xlsx, "Metalworkers Union Suoth", "Metalworkers' Union South")
	code, preview = admin.upload(id, "congress-2026.xlsx", fixed, nil)
	if code != 200 || !strings.Contains(preview, "Record 62 new persons with their mandates</button>") {
		t.Fatalf("the corrected file: %d\n%s", code, flashText(preview))
	}
	code, done := admin.record(id, preview, nil)
	if code != 200 || !strings.Contains(done, `<h2 id="h-done">Recorded</h2>`) || !strings.Contains(done, "62 new persons with their mandates, 0 unchanged.") {
		t.Fatalf("recording: %d %q", code, flashText(done))
	}
	persons := stateOf(h, id, func(s *assembly.State) int { return len(s.Persons) })
	if persons != 62 {
		t.Fatalf("%d persons after the import", persons)
	}
	// The same file again: nothing to record.
	_, preview = admin.upload(id, "congress-2026.xlsx", fixed, nil)
	if !strings.Contains(preview, "Nothing to record: the assembly already says what the file says") {
		t.Errorf("the same file again:\n%s", flashText(preview))
	}
	// A file that is not a roster is refused with words.
	if code, _ := admin.upload(id, "notes.csv", []byte("Telephone,E-mail\n1,2\n"), nil); code != http.StatusSeeOther {
		t.Errorf("a file without names: %d", code)
	}
	if _, page, _ := admin.get("/a/" + id + "/import"); !strings.Contains(flashText(page), "notes.csv: no column gives the names") {
		t.Errorf("a file without names says %q", flashText(page))
	}
	// A delegate may not import: the file is refused before it is read.
	tokens, err := h.auth.NewSessions(context.Background(), id, []string{"amira-haddad"})
	if err != nil {
		t.Fatal(err)
	}
	delegate := h.browser("")
	u, _ := url.Parse(h.srv.URL)
	delegate.c.Jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: tokens[0], Path: "/"}})
	before = events()
	if code, _ := delegate.upload(id, "congress-2026.xlsx", fixed, nil); code != http.StatusSeeOther || events() != before {
		t.Errorf("a delegate's upload: %d, %d events", code, events()-before)
	}
	if _, page, _ := delegate.get("/a/" + id + "/import"); !strings.Contains(flashText(page), "Only an administrator, a secretary or the mandate commission may import delegates.") {
		t.Errorf("a delegate's upload says %q", flashText(page))
	}
	// The roster comes back as CSV and XLSX.
	code, csv, hdr := admin.get("/a/" + id + "/roster.csv")
	if code != 200 || !strings.HasPrefix(csv, "Ref,Name,Organization") || !strings.Contains(hdr.Get("Content-Disposition"), "congress-2026-roster.csv") {
		t.Errorf("roster.csv: %d %q", code, csv[:min(len(csv), 60)])
	}
	if code, x, _ := admin.get("/a/" + id + "/roster.xlsx"); code != 200 || !strings.HasPrefix(x, "PK") {
		t.Errorf("roster.xlsx: %d", code)
	}
}

// replaceCell returns the workbook with the cell that says old saying
// new, as an organiser corrects a cell in a spreadsheet program.
func replaceCell(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == old {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(sheet, cell, new); err != nil {
					t.Fatal(err)
				}
				buf, err := f.WriteToBuffer()
				if err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
		}
	}
	t.Fatalf("no cell says %q", old)
	return nil
}

// BenchmarkImportPage10000 uploads a roster of 10,000 delegates to the
// import page of a congress that has none, and records it: the preview
// (reading, planning and rehearsing every row) and the recording (one
// batch of 28,000 commands), as an organiser's browser waits for them.
func BenchmarkImportPage10000(b *testing.B) {
	orgs := []string{"Metalworkers' Union North", "Metalworkers' Union South", "Railway Workers' Union", "Health and Care Workers' Union", "Teachers' Union", "Retail and Commerce Union"}
	var csv strings.Builder
	csv.WriteString("Ref,Name,Organization,Kind,Weight,Status\n")
	for i := 0; i < 10_000; i++ {
		weight, status := 1, "verified"
		if i%10 == 0 {
			weight = 2
		}
		if i%5 == 0 {
			status = ""
		}
		fmt.Fprintf(&csv, "R-%05d,Delegate %d Surname%d,%s,decisive,%d,%s\n", i, i, i%97, orgs[i%len(orgs)], weight, status)
	}
	data := []byte(csv.String())
	var preview, record time.Duration
	for b.Loop() {
		b.StopTimer()
		h := congressHall(b)
		admin := h.adminBrowser()
		b.StartTimer()
		start := time.Now()
		code, page := admin.upload(h.asm, "big.csv", data, nil)
		preview += time.Since(start)
		if code != 200 || !strings.Contains(page, "Record 10000 new persons with their mandates") {
			b.Fatalf("preview: %d %s", code, flashText(page))
		}
		start = time.Now()
		if code, page := admin.record(h.asm, page, nil); code != 200 || !strings.Contains(page, "10000 new persons with their mandates, 0 unchanged") {
			b.Fatalf("record: %d %s", code, flashText(page))
		}
		record += time.Since(start)
	}
	b.ReportMetric(float64(preview.Milliseconds())/float64(b.N), "ms-preview/op")
	b.ReportMetric(float64(record.Milliseconds())/float64(b.N), "ms-record/op")
}
