package web_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
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

func TestMandateCardsFromThePage(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "egor", "name": "Egor Extra"})
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	for _, w := range []string{"Issue access codes and print mandate cards", "voids the persons' earlier codes", `action="/a/coop/mandate-cards.pdf"`, `value="egor"`} {
		if !strings.Contains(body, w) {
			t.Errorf("the mandate commission's page does not say %q", w)
		}
	}
	oldAnna := h.codes["anna"]

	// Nine persons chosen: nine cards, two pages of eight.
	form := url.Values{"persons": {"admin", "chair", "sec", "mc", "anna", "boris", "clara", "dmitri", "egor"}}
	resp, pdf := mc.postPage("mandates", "/a/coop/mandate-cards.pdf", form)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("cards: %s %s, starts %q", resp.Status, resp.Header.Get("Content-Type"), pdf[:min(len(pdf), 20)])
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n != 2 {
		t.Errorf("nine cards on %d pages, want 2", n)
	}
	// The earlier code no longer logs anna in.
	if r := h.browser("").post("/login", url.Values{"code": {oldAnna}, "next": {"/a/coop/"}}, nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("anna's earlier code, after new codes were issued: %s, want 401", r.Status)
	}

	// Everyone with a verified mandate: anna, boris, clara, one page.
	resp, pdf = mc.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"all": {"1"}})
	if resp.StatusCode != 200 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("all verified: %s", resp.Status)
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
		t.Errorf("three cards on %d pages, want 1", n)
	}

	// A delegate is refused, in the rules' words, and gets no PDF.
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"boris"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["boris"] = codes[0].Code
	boris := h.browser("boris")
	resp, data := boris.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"persons": {"boris"}})
	if resp.StatusCode != http.StatusSeeOther || bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("a delegate's request: %s", resp.Status)
	}
	_, body, _ = boris.get("/a/coop/mandates")
	if !strings.Contains(body, "Refused: Only the administrator or the mandate commission may issue access codes.") {
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
}
