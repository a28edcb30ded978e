package web_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestReceiptWithoutEntryIsAPage: /a/<id>/receipt without an entry is
// the receipt page, styled and in the reader's language, saying where
// receipts are found, not a bare text 404; an entry not the viewer's is
// still refused.
func TestReceiptWithoutEntryIsAPage(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	heads := map[string]string{"en": "Your receipts", "de": "Ihre Quittungen", "ru": "Ваши квитанции", "fr": "Vos reçus", "es": "Sus recibos"}
	for lang, head := range heads {
		resp, body := anna.getWith("/a/"+asm+"/receipt", http.Header{"Cookie": {"plenum_lang=" + lang}})
		body = html.UnescapeString(body)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, `<h1 id="h-receipt-top">`+head+`</h1>`) ||
			!strings.Contains(body, `href="/a/`+asm+`/delegate"`) {
			t.Errorf("the receipt page without an entry in %s: %s %s\n%s", lang, resp.Status, resp.Header.Get("Content-Type"), body)
		}
	}
	if status, _, _ := anna.get("/a/" + asm + "/receipt?entry=1"); status != http.StatusNotFound {
		t.Errorf("another's entry as a receipt: %d, want 404", status)
	}
}
