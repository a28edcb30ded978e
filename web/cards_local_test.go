package web_test

import (
	"html"
	"io"
	"net/http"
	"strings"
	"testing"

	"plenum/web"
)

// TestCardsPageWarnsOfALocalAddress: without a configured base URL, the
// cards' links are built from the address the browser used; when that is
// one only the printing computer can open (localhost, a loopback or
// unspecified address), the mandates page says so before the cards are
// printed, in the page's language, and how to fix it. Reached at an
// address others can open, or with a base URL configured, it says
// nothing of it.
func TestCardsPageWarnsOfALocalAddress(t *testing.T) {
	browsers := map[*hall]*browser{}
	page := func(h *hall, host, lang string) string {
		t.Helper()
		b := browsers[h]
		if b == nil {
			b = h.browser("mc") // its code works once
			browsers[h] = b
		}
		req, err := http.NewRequest("GET", h.srv.URL+"/a/"+asm+"/mandates", nil)
		if err != nil {
			t.Fatal(err)
		}
		if host != "" {
			req.Host = host
		}
		req.AddCookie(&http.Cookie{Name: "plenum_lang", Value: lang})
		// The session's cookie added by hand and the request sent by the
		// transport: sent by the browser's client with another Host, the
		// page answered as to no one logged in.
		for _, c := range b.c.Jar.Cookies(req.URL) {
			req.AddCookie(c)
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the mandates page at %q: %s %s", host, resp.Status, resp.Header.Get("Location"))
		}
		return html.UnescapeString(string(body))
	}
	local := newEmptyHallWith(t, web.Options{}, nil)
	local.setup()
	for _, c := range []struct{ host, lang, want string }{
		{"", "en", "The cards' links and QR codes will point to " + local.srv.URL + ", an address only this computer can open"},
		{"", "en", "start plenum serve with --base-url https://… (the address delegates will use), or open this page at that address."},
		{"localhost:8080", "en", "will point to http://localhost:8080, an address only this computer can open"},
		{"[::1]:8080", "de", "Die Links und QR-Codes der Karten werden auf http://[::1]:8080 zeigen"},
		{"0.0.0.0:8080", "ru", "Ссылки и QR-коды на карточках будут вести на http://0.0.0.0:8080"},
		{"plenum.localhost", "fr", "Avant d'imprimer, lancez plenum serve avec --base-url"},
		{"LOCALHOST", "es", "Antes de imprimir, inicie plenum serve con --base-url"},
	} {
		if body := page(local, c.host, c.lang); !strings.Contains(body, c.want) {
			t.Errorf("the mandates page at %q (%s) does not say %q", c.host, c.lang, c.want)
		}
	}
	configured := newHall(t)
	// At an address the delegates' phones can open, or with a base URL
	// configured, no warning.
	for _, c := range []struct {
		h    *hall
		host string
	}{{local, "192.168.1.20:8080"}, {local, "congress.example.org"}, {configured, ""}, {configured, "localhost:8080"}} {
		if body := page(c.h, c.host, "en"); strings.Contains(body, `id="cards-local"`) || strings.Contains(body, "only this computer") {
			t.Errorf("the mandates page at %q warns of a local address", c.host)
		}
	}
}
