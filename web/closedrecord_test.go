package web_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestReceiptOfAClosedRecordChecksOffline: where the record is open to
// participants (or officers), the server refuses the log's tiles to
// plenum verify, which sends no session, so that --url fails with a 403
// a member reads as tampering. The receipt page then offers no command
// with --url, nor the log's address, and says why: the receipt checks
// offline against the key, and a participant checks the record file
// (plenum verify --db FILE --key KEY), which holds the ballot at its
// entry; where only officers read the record, no record file is offered.
// The secret ballot's command and its token file leave --url out too.
// Made public again, the page gives --url as before.
func TestReceiptOfAClosedRecordChecksOffline(t *testing.T) {
	h := newCheckHall(t)
	anna := h.browser("anna")
	h.must("admin", "set_record_access", obj{"access": "participants"})
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	loc := anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})).Header.Get("Location")
	entry := strings.TrimPrefix(loc, "/a/coop/receipt?entry=")
	logURL := h.srv.URL + "/log/" + asm + "/"
	page := func(lang string) string {
		t.Helper()
		resp, body := anna.getWith(loc, http.Header{"Cookie": {"plenum_lang=" + lang}})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: the receipt page: %s", lang, resp.Status)
		}
		return html.UnescapeString(body)
	}
	notPublic := map[string]string{
		"en": "The record of this assembly is not public",
		"de": "Das Protokoll dieser Versammlung ist nicht öffentlich",
		"ru": "Протокол этого собрания не публичный",
		"fr": "Le procès-verbal de cette assemblée n'est pas public",
		"es": "El acta de esta asamblea no es pública",
	}
	for lang, want := range notPublic {
		body := page(lang)
		if strings.Contains(body, "--url http") || strings.Contains(body, logURL) {
			t.Errorf("%s: the receipt of a record open to participants offers --url or the log's address", lang)
		}
		if !strings.Contains(body, want) || !strings.Contains(body, "plenum verify --db coop-record-") || !strings.Contains(body, " "+entry) {
			t.Errorf("%s: the receipt does not say the record is not public (%q), nor how to check the record file with the ballot's entry %s", lang, want, entry)
		}
	}
	cmds := verifyCommands(page("en"))
	if len(cmds) != 2 || cmds[0]["--key"] != testVerifierKey || cmds[1]["--key"] != testVerifierKey || !strings.HasSuffix(cmds[1]["--db"], ".db") {
		t.Errorf("the commands of a receipt of a record open to participants: %v", cmds)
	}
	// The record page says the same of the record, and names the file.
	_, rec, _ := anna.get("/a/coop/record")
	if rec = html.UnescapeString(rec); strings.Contains(rec, "plenum verify --url") || !strings.Contains(rec, "Check the record file instead") {
		t.Errorf("the record page of a record open to participants offers --url, or not the record file")
	}

	// Officers only: anna may not read the record, so no record file.
	h.must("admin", "set_record_access", obj{"access": "officers"})
	if body := page("en"); strings.Contains(body, "--url http") || strings.Contains(body, "--db") || !strings.Contains(body, notPublic["en"]) {
		t.Errorf("the receipt of a record open to officers offers --url or the record file, or does not say why:\n%s", body)
	}

	// A secret ballot: the command with the token, and the token file,
	// check offline.
	h.must("admin", "set_record_access", obj{"access": "participants"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1", "outcome": "carried"})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Adopt the agenda?", "method": "secret"})
	loc2 := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v2"}, "a:voter": {"anna"}, "a:choice": {"for"}}).Header.Get("Location")
	_, body, _ := anna.get(loc2)
	token, f := tokenRe.FindStringSubmatch(body), regexp.MustCompile(`href="(data:text/plain;charset=utf-8,[^"]+)" download="ballot-token-coop-v2.txt"`).FindStringSubmatch(body)
	if token == nil || f == nil {
		t.Fatalf("no token, or no token file, on the secret receipt at %q:\n%s", loc2, body)
	}
	text, err := url.PathUnescape(strings.TrimPrefix(html.UnescapeString(f[1]), "data:text/plain;charset=utf-8,"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("--token %s\n", token[1]); strings.Contains(html.UnescapeString(body), "--url http") || !strings.HasSuffix(text, want) {
		t.Errorf("the secret receipt of a record open to participants: --url on the page, or the token file does not end %q:\n%s", want, text)
	}

	// Public again: --url as before.
	h.must("admin", "set_record_access", obj{"access": "public"})
	if body := page("en"); !strings.Contains(body, "--url "+logURL) || strings.Contains(body, notPublic["en"]) {
		t.Errorf("the receipt of a public record does not give --url %s", logURL)
	}
}
