package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/internal/pdftext"
)

// TestCardsPageWarnsOfUnprintableNames: before the cards are printed, the
// mandates page lists the names the cards' font cannot print in full —
// Thai, an emoji, Hebrew (fpdf would set it left to right) — each with
// those characters' code points and, where they stand alone, the
// characters themselves, in the reader's language; names in Vietnamese,
// Serbo-Croatian, Greek or Cyrillic, which print, are not listed, and
// print on the cards from the page (pdftotext reads "Đorđe Nguyễn"
// whole, no box, no id beside it).
func TestCardsPageWarnsOfUnprintableNames(t *testing.T) {
	h := newHall(t)
	for id, name := range map[string]string{"dorde": "Đorđe Nguyễn", "eleni": "Ελένη Παπαδοπούλου", "somchai": "Somchai ใจดี", "smiley": "Ana 😀 Lima", "dana": "Dana כהן"} {
		h.must("admin", "add_person", obj{"id": id, "name": name})
		h.must("admin", "submit_mandate", obj{"id": "m-" + id, "person": id, "organization": "members", "kind": "decisive"})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + id})
	}
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	warning := regexp.MustCompile(`(?s)<div class="msg warn" id="cards-unprintable">.*?</div>`).FindString(body)
	form := strings.Index(body, `action="/a/coop/mandate-cards.pdf"`)
	if warning == "" || form < 0 || strings.Index(body, warning) > form {
		t.Fatalf("the mandates page does not warn of the unprintable names before the cards' form:\n%s", body)
	}
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(warning, ""))
	for _, want := range []string{
		"These names cannot be printed in full on the PDF mandate cards",
		"Somchai ใจดี: ใ (U+0E43), จ (U+0E08), ด (U+0E14), U+0E35", // a mark is not shown alone
		"Dana כהן: U+05DB, U+05D4, U+05DF",                         // nor a letter written right to left
		"Ana 😀 Lima: 😀 (U+1F600)",
		"the member number, or else the person's id",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the warning does not say %q:\n%s", want, text)
		}
	}
	for _, name := range []string{"Nguyễn", "Ελένη", "Anna"} {
		if strings.Contains(text, name) {
			t.Errorf("the warning lists %s, whose name prints:\n%s", name, text)
		}
	}
	_, de := mc.getWith("/a/coop/mandates", http.Header{"Cookie": {"plenum_lang=de"}})
	if !strings.Contains(html.UnescapeString(de), "Diese Namen können auf den PDF-Mandatskarten nicht vollständig gedruckt werden") {
		t.Errorf("the German page does not warn in German")
	}
	resp, pdf := mc.postPage("mandates", "/a/coop/mandate-cards.pdf", url.Values{"persons": {"dorde", "eleni", "somchai"}})
	if resp.StatusCode != 200 {
		t.Fatalf("cards: %s", resp.Status)
	}
	flat := strings.Join(strings.Fields(pdftext.Text(t, pdf)), " ")
	for _, want := range []string{"Đorđe Nguyễn The members", "Ελένη Παπαδοπούλου The members", "Somchai □□□□ (somchai) The members"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the cards do not print %q:\n%s", want, flat)
		}
	}
}

// TestCardsPageTellsNamesakesApart: two delegates named Ayşe Zürn (member
// numbers M1005 and M1100) of one delegation are offered on the cards'
// form each with their number beside the name, and namesakes without a
// number with their id, so that the officer ticks the right one; a name
// nobody else bears stands alone.
func TestCardsPageTellsNamesakesApart(t *testing.T) {
	h := newHall(t)
	for _, p := range []struct{ id, name, ref string }{{"zuern-a", "Ayşe Zürn", "M1005"}, {"zuern-b", "Ayşe Zürn", "M1100"}, {"lima-1", "Ana Lima", ""}, {"lima-2", "Ana Lima", ""}} {
		args := obj{"id": p.id, "name": p.name}
		if p.ref != "" {
			args["ref"] = p.ref
		}
		h.must("admin", "add_person", args)
		h.must("admin", "submit_mandate", obj{"id": "m-" + p.id, "person": p.id, "organization": "members", "kind": "decisive"})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + p.id})
	}
	_, body, _ := h.browser("mc").get("/a/coop/mandates")
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, ""))
	for _, want := range []string{"Ayşe Zürn (No. M1005) — The members", "Ayşe Zürn (No. M1100) — The members", "Ana Lima (lima-1) — The members", "Ana Lima (lima-2) — The members", "Boris Borisov — The members"} {
		if !strings.Contains(text, want) {
			t.Errorf("the cards' form does not offer %q", want)
		}
	}
}
