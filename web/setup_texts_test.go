package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestNewAssemblyFormKeepsTheRulesSent: the new assembly's form sent
// back with a refusal (a quorum that is no number) shows every choice as
// sent: the rules, the quorum "at least" with the number as typed, and
// both thresholds, not the preset's.
func TestNewAssemblyFormKeepsTheRulesSent(t *testing.T) {
	h := newEmptyHall(t)
	admin := h.adminBrowser()
	_, page, _ := admin.get("/setup")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form token:\n%s", page)
	}
	form := url.Values{"csrf": {m[1]}, "name": {"Congress"}, "starts": {"2027-05-09"}, "rules": {"ronr"}, "quorum": {"number"}, "quorum_number": {"x"},
		"voting_threshold": {"two_thirds_cast"}, "close_debate_threshold": {"majority_cast"}, "record_access": {"officers"}}
	resp, body := admin.postHeader("/setup", form, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("%s, want the refusal:\n%s", resp.Status, body)
	}
	for _, want := range []string{
		`name="rules" value="ronr" checked`,
		`name="quorum" value="number" checked`,
		`name="quorum_number" inputmode="numeric" aria-label="[^"]*" value="x"`,
		`name="voting_threshold">(?:\s*<option value="\w+">[^<]*</option>)*\s*<option value="two_thirds_cast" selected`,
		`name="close_debate_threshold">(?:\s*<option value="\w+">[^<]*</option>)*\s*<option value="majority_cast" selected`,
		`name="record_access" value="officers" checked`,
		`name="name" required value="Congress"`,
	} {
		if !regexp.MustCompile(`(?s)` + want).MatchString(body) {
			t.Errorf("the form sent back does not keep %s:\n%s", want, body)
		}
	}
	if strings.Count(body, `name="quorum" value=`) != strings.Count(body, `name="quorum" value="number" checked`)+3 {
		t.Errorf("more than one quorum is checked:\n%s", body)
	}
}

// TestImportCountsInTheirPlural: the import's button and its report
// count a single person, row, command and entry in the singular: "Record
// 1 new person with their mandate", "1 command to the record for 1 row",
// "1 command: entry N of the record", not "1 commands", "entries N to
// N"; and several in the plural.
func TestImportCountsInTheirPlural(t *testing.T) {
	h := congressHall(t)
	const id = "congress-2026"
	admin := h.adminBrowser()
	for _, c := range []struct {
		file, button, how string
		done              *regexp.Regexp
	}{
		{"Name\nOlga Newcomer\n", "Record 1 new person with their mandate", "2 commands to the record for 1 row of the file", regexp.MustCompile(`>2 commands in one batch: entries \d+ to \d+ of the record\.`)},
		{"Name,Organization\nOlga Newcomer,Metalworkers' Union North\n", "Record changes for 1 person", "1 command to the record for 1 row of the file", regexp.MustCompile(`>1 command: entry \d+ of the record\.`)},
	} {
		code, preview := admin.upload(id, "new.csv", []byte(c.file), nil)
		if code != http.StatusOK || !strings.Contains(preview, c.button) || !strings.Contains(preview, c.how) {
			t.Fatalf("the preview of %q: %d, want the button %q\n%s", c.file, code, c.button, preview)
		}
		code, done := admin.record(id, preview, nil)
		if code != http.StatusOK || !c.done.MatchString(html.UnescapeString(done)) {
			t.Errorf("recording %q: %d, want %s:\n%s", c.file, code, c.done, done)
		}
	}
}

// TestLanguageSuggestionsAreTheSpokenOnes: the assembly's language is
// suggested among the languages plenum writes in, only those, and the
// form says what another tag does; an assembly given one (the engine
// records any language tag) reads on its set-up page that its pages,
// minutes and cards are in English.
func TestLanguageSuggestionsAreTheSpokenOnes(t *testing.T) {
	h := newHall(t)
	admin := h.adminBrowser()
	datalist := regexp.MustCompile(`(?s)<datalist id="languages">(.*?)</datalist>`)
	for _, page := range []string{"/setup", "/a/" + asm + "/setup"} {
		_, body, _ := admin.get(page)
		m := datalist.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no suggestions of languages:\n%s", page, body)
		}
		if want := `<option value="en">English</option><option value="de">Deutsch</option><option value="ru">Русский</option><option value="fr">Français</option><option value="es">Español</option>`; m[1] != want {
			t.Errorf("%s suggests %s, want %s", page, m[1], want)
		}
		if !strings.Contains(body, "with another language tag they are in English") {
			t.Errorf("%s does not say what another language does", page)
		}
	}
	h.must("admin", "amend_assembly", obj{"language": "pl"})
	_, body, _ := admin.get("/a/" + asm + "/setup")
	if !strings.Contains(body, "plenum does not write in pl: the pages, minutes and cards of this assembly are in English.") {
		t.Errorf("an assembly in pl is not told it reads in English:\n%s", body)
	}
	h.must("admin", "amend_assembly", obj{"language": "de-AT"})
	if _, body, _ := admin.get("/a/" + asm + "/setup"); strings.Contains(body, "plenum does not write in") {
		t.Errorf("an assembly in de-AT is told plenum does not write in it")
	}
}

// TestRecordPageSaysWhichFormatsAreChecked: the record page does not say
// that every format of the minutes can be rendered again byte for byte:
// the PDF cannot be checked so (plenum verify --document refuses it),
// only the HTML, Markdown and Akoma Ntoso.
func TestRecordPageSaysWhichFormatsAreChecked(t *testing.T) {
	h := newHall(t)
	_, body, _ := h.adminBrowser().get("/a/" + asm + "/record")
	text := html.UnescapeString(body)
	for _, want := range []string{"The HTML, Markdown and Akoma Ntoso each state their checkpoint and can be rendered again from the log, byte for byte: plenum verify --document checks them.", "The PDF is for printing"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record page does not say %q", want)
		}
	}
	if strings.Contains(text, "Each states its checkpoint") {
		t.Errorf("the record page says every format can be rendered again byte for byte")
	}
}
