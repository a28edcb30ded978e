package web_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/internal/pdftext"
)

// postPage sends a form taken from page (its anti-forgery token) to path and
// returns the whole answer.
func (b *browser) postPage(page, path string, form url.Values) (*http.Response, []byte) {
	b.h.t.Helper()
	_, body, _ := b.get("/a/" + asm + "/" + page)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		b.h.t.Fatalf("no form token on %s", page)
	}
	form.Set("csrf", m[1])
	req, _ := http.NewRequest("POST", b.h.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.h.srv.URL)
	resp, err := b.c.Do(req)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp, data
}

var pdfPage = regexp.MustCompile(`/Type /Page\b[^s]`)

// hallBaseURL is the --base-url of the test server: the cards' links must
// use it, not the address the request came to.
const hallBaseURL = "https://congress.example.org"

var cardCode = regexp.MustCompile(`(?m)^([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})$`)

func TestMandateCardsFromThePage(t *testing.T) {
	h := newHall(t)
	for _, p := range []string{"egor", "fedor", "gleb", "ivan", "kira"} {
		h.must("admin", "add_person", obj{"id": p, "name": strings.ToUpper(p[:1]) + p[1:] + " Extra"})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
	}
	h.must("admin", "add_person", obj{"id": "olga", "name": "Olga Without-Mandate"})
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	for _, w := range []string{"Issue access codes and print mandate cards", "voids the persons' earlier codes", `action="/a/coop/mandate-cards.pdf"`, `value="egor"`, "Only the delegation of"} {
		if !strings.Contains(html.UnescapeString(body), w) { // text from the catalog has its apostrophes escaped
			t.Errorf("the mandate commission's page does not say %q", w)
		}
	}
	// The commission is offered only mandate holders without an office.
	for _, p := range []string{"chair", "sec", "mc", "olga"} {
		if strings.Contains(body, `name="persons" value="`+p+`"`) {
			t.Errorf("the commission is offered a card for %s", p)
		}
	}
	oldAnna := h.codes["anna"]
	anna := h.browser("anna")

	// Nine persons chosen: nine cards, two pages of eight.
	form := url.Values{"persons": {"anna", "boris", "clara", "dmitri", "egor", "fedor", "gleb", "ivan", "kira"}}
	resp, pdf := mc.postPage("mandates", "/a/coop/mandate-cards.pdf", form)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("cards: %s %s, starts %q", resp.Status, resp.Header.Get("Content-Type"), pdf[:min(len(pdf), 20)])
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n != 2 {
		t.Errorf("nine cards on %d pages, want 2", n)
	}
	// The revocation's form is offered once someone holds a code the
	// record shows, and not before (mandates_desk_test.go).
	if _, body, _ := mc.get("/a/coop/mandates"); !strings.Contains(body, `action="/a/coop/revoke-codes"`) {
		t.Errorf("the mandate commission's page offers no revocation once codes are issued")
	}
	// The codes read from the PDF log in, and the links use --base-url.
	text := pdftext.Text(t, pdf)
	codes := cardCode.FindAllStringSubmatch(text, -1)
	if len(codes) != 9 || strings.Count(text, hallBaseURL+"/login?code=") != 9 || strings.Contains(text, h.srv.URL) {
		t.Fatalf("%d codes and %d links under %s in the PDF's text:\n%s", len(codes), strings.Count(text, hallBaseURL+"/login?code="), hallBaseURL, text)
	}
	d := h.browser("")
	if r := d.post("/login", url.Values{"code": {codes[0][1]}, "next": {"/a/coop/"}}, nil); r.StatusCode != http.StatusSeeOther {
		t.Errorf("a code read from the PDF: %s", r.Status)
	}
	// The earlier code no longer logs anna in, and her session is over.
	if r := h.browser("").post("/login", url.Values{"code": {oldAnna}, "next": {"/a/coop/"}}, nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("anna's earlier code, after new codes were issued: %s, want 401", r.Status)
	}
	if _, body, _ := anna.get("/a/coop/delegate"); strings.Contains(body, "Anna Arkadyevna") {
		t.Errorf("anna's session outlived the re-issue of her code")
	}

	// Everyone with a verified mandate: anna, boris, clara, one page. The
	// codes mc issued them just now are revoked first by another officer
	// (the server administrator), since one officer alone may not replace
	// a code.
	admin := h.adminBrowser()
	revokeByAdmin := func() {
		t.Helper()
		if resp, _ := admin.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"anna", "boris", "clara"}, "reason": {"new cards"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the server administrator's revocation: %s", resp.Status)
		}
	}
	revokeByAdmin()
	resp, pdf = mc.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"all": {"1"}})
	if resp.StatusCode != 200 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("all verified: %s", resp.Status)
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
		t.Errorf("three cards on %d pages, want 1", n)
	}
	// One delegation chosen, and no one ticked: that delegation's cards
	// (README: "Everyone with a verified mandate, or one delegation,
	// gives one PDF"), not a request to choose the persons.
	revokeByAdmin()
	resp, pdf = mc.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"organization": {"members"}})
	if resp.StatusCode != 200 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("one delegation: %s", resp.Status)
	}
	if n := len(cardCode.FindAllStringSubmatch(pdftext.Text(t, pdf), -1)); n != 3 {
		t.Errorf("one delegation: %d cards, want its 3 verified delegates", n)
	}

	// A card for the chair is refused, in the rules' words.
	resp, data := mc.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"persons": {"anna", "chair"}})
	if resp.StatusCode != http.StatusSeeOther || bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("the chair's card by the commission: %s", resp.Status)
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "only the server administrator issues access codes for officers") {
		t.Errorf("the refusal of the chair's card is not shown")
	}

	// Revoking boris's code from the page.
	resp, _ = mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"boris"}, "reason": {"card lost"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	if got := read(h, func(s *assembly.State) string {
		a := s.Access["boris"]
		if a == nil {
			return ""
		}
		return a.RevokedBy
	}); got != "mc" {
		t.Fatalf("boris's revocation is not recorded (revoked by %q)", got)
	}

	// A delegate is refused, in the rules' words, and gets no PDF.
	issued, err := h.auth.IssueCodes(context.Background(), asm, []string{"boris"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["boris"] = issued[0].Code
	boris := h.browser("boris")
	resp, data = boris.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"persons": {"boris"}})
	if resp.StatusCode != http.StatusSeeOther || bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("a delegate's request: %s", resp.Status)
	}
	_, body, _ = boris.get("/a/coop/mandates")
	if !strings.Contains(body, "Refused: Only the mandate commission, an administrator or the server administrator may issue access codes.") {
		t.Errorf("the refusal is not shown to the delegate")
	}
	// A form without the page's token is refused too.
	req, _ := http.NewRequest("POST", h.srv.URL+"/a/coop/mandate-cards.pdf", strings.NewReader("all=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp2, err := mc.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.Header.Get("Content-Type") == "application/pdf" {
		t.Error("cards were printed for a form without a token")
	}
	// The generic form route does not record issues or revocations (the
	// codes would not follow).
	mc.act("mandates", "revoke_access_codes", url.Values{"a:persons": {"anna"}})
	if _, body, _ := mc.get("/a/coop/mandates"); !strings.Contains(body, "mandate commission&#39;s forms") {
		t.Errorf("revoke_access_codes through /act was not refused")
	}
	if got := read(h, func(s *assembly.State) *assembly.Access { return s.Access["anna"] }); got == nil || !got.Revoked.IsZero() {
		t.Errorf("anna's access after /act: %+v", got)
	}
}
