package web_test

import (
	"bytes"
	"encoding/base64"
	"html"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"rsc.io/qr"
)

var (
	deviceLinkRe = regexp.MustCompile(`<code class="hash">(https://congress\.example\.org/login\?admin=([^<"]+))</code>`)
	deviceQRRe   = regexp.MustCompile(`<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="(\d+)"`)
)

// TestAdministratorBringsInAnotherDevice: a server administrator's
// sessions page offers "Log in on another device"; the form makes a
// device link shown once, at the server's base address, with its QR code
// (the same link) and until when it works; the other device that opens it
// is the same administrator, so both pages list both devices; the link
// logs in once; his next link, or "Log out everywhere else", voids the
// unused one. His page says nothing of a card's code. A delegate's page
// has no such button, and a delegate who posts the form all the same is
// refused (403) and given no link; a form from another site, or without
// the page's token, makes none.
func TestAdministratorBringsInAnotherDevice(t *testing.T) {
	h := newHall(t)
	laptop := h.adminBrowser()
	_, page, _ := laptop.get("/a/coop/sessions")
	if !strings.Contains(page, `action="/a/coop/sessions/device-link"`) || !strings.Contains(page, "Log in on another device") {
		t.Fatalf("the administrator's sessions page offers no device link:\n%s", page)
	}
	if strings.Contains(page, "re-issue your code") || strings.Contains(page, "card&#39;s code") || !strings.Contains(page, "--end-sessions") {
		t.Errorf("the administrator's sessions page speaks of a card's code, or not of his own way:\n%s", page)
	}
	makeLink := func(b *browser) (link, token, page string) {
		t.Helper()
		resp, body := b.postPage("sessions", "/a/coop/sessions/device-link", url.Values{})
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("a device link: %s, Cache-Control %q", resp.Status, resp.Header.Get("Cache-Control"))
		}
		m := deviceLinkRe.FindStringSubmatch(string(body))
		if m == nil {
			t.Fatalf("no device link at the base address on the page:\n%s", body)
		}
		link, token = html.UnescapeString(m[1]), html.UnescapeString(m[2])
		q := deviceQRRe.FindStringSubmatch(string(body))
		if q == nil {
			t.Fatalf("no QR code of the device link:\n%s", body)
		}
		img, err := base64.StdEncoding.DecodeString(html.UnescapeString(q[1]))
		if err != nil {
			t.Fatal(err)
		}
		want, err := qr.Encode(link, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(img))
		if err != nil {
			t.Fatalf("the QR code is no PNG: %v", err)
		}
		// The code's modules, read from the image at its scale, are
		// those of the link's.
		scale := got.Bounds().Dx() / (want.Size + 8)
		for y := 0; y < want.Size; y++ {
			for x := 0; x < want.Size; x++ {
				r, _, _, _ := got.At((x+4)*scale+scale/2, (y+4)*scale+scale/2).RGBA()
				if (r < 0x8000) != want.Black(x, y) {
					t.Fatalf("the QR code's module (%d,%d) is not the link's", x, y)
				}
			}
		}
		if !regexp.MustCompile(`It logs in once, until \d\d:\d\d, and only while you are logged in here; your next device link, or “Log out everywhere else”, voids it\.`).MatchString(string(body)) {
			t.Errorf("the page does not say until when the link works, and what voids it:\n%s", body)
		}
		if !strings.Contains(string(body), `name="next" value="/a/coop/sessions"`) {
			t.Errorf("the language switch of the page with the device link does not return to the sessions page:\n%s", body)
		}
		return link, token, string(body)
	}
	link, token, _ := makeLink(laptop)
	if !strings.HasPrefix(link, hallBaseURL+"/login?admin=") {
		t.Fatalf("the device link %q is not at the server's base address", link)
	}
	// A page loaded again shows no link: it is shown once.
	if _, again, _ := laptop.get("/a/coop/sessions"); strings.Contains(again, "/login?admin=") {
		t.Fatal("the sessions page shows the device link again")
	}
	phone := h.browser("")
	if code, _, _ := phone.get("/login?admin=" + url.QueryEscape(token)); code != http.StatusSeeOther {
		t.Fatalf("the device link opened on the phone: %d", code)
	}
	for name, b := range map[string]*browser{"laptop": laptop, "phone": phone} {
		if _, p, _ := b.get("/a/coop/sessions"); strings.Count(p, "<li>") != 2 || !strings.Contains(p, `action="/a/coop/sessions">`) {
			t.Fatalf("the administrator's %s lists %d sessions, want both devices:\n%s", name, strings.Count(p, "<li>"), p)
		}
	}
	if code, _, _ := h.browser("").get("/login?admin=" + url.QueryEscape(token)); code == http.StatusSeeOther {
		t.Fatal("the device link logged in twice")
	}

	// His next link voids the unused one; "Log out everywhere else"
	// voids the next, and ends the phone.
	_, first, _ := makeLink(laptop)
	_, second, _ := makeLink(laptop)
	if code, _, _ := h.browser("").get("/login?admin=" + url.QueryEscape(first)); code == http.StatusSeeOther {
		t.Fatal("a device link logged in after the next was made")
	}
	if resp, _ := laptop.postPage("sessions", "/a/coop/sessions", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("log out everywhere else: %s", resp.Status)
	}
	if code, _, _ := h.browser("").get("/login?admin=" + url.QueryEscape(second)); code == http.StatusSeeOther {
		t.Fatal("a device link logged in after \"Log out everywhere else\"")
	}
	if code, _, _ := phone.get("/a/coop/sessions"); code == http.StatusOK {
		t.Fatal("the phone is still logged in after \"Log out everywhere else\"")
	}

	// Forged forms make no link.
	_, page, _ = laptop.get("/a/coop/sessions")
	csrf := csrfRe.FindStringSubmatch(page)[1]
	for name, c := range map[string]struct {
		form   url.Values
		origin string
	}{
		"another site": {url.Values{"csrf": {csrf}}, "https://evil.example"},
		"no token":     {url.Values{}, h.srv.URL},
		"wrong token":  {url.Values{"csrf": {"00112233445566778899aabbccddeeff"}}, h.srv.URL},
	} {
		resp, body := laptop.postHeader("/a/coop/sessions/device-link", c.form, http.Header{"Origin": {c.origin}})
		if resp.StatusCode == http.StatusOK || strings.Contains(body, "/login?admin=") {
			t.Errorf("%s: %s, a device link made:\n%s", name, resp.Status, body)
		}
	}

	// A delegate: no button, and the form refused.
	anna := h.browser("anna")
	_, page, _ = anna.get("/a/coop/sessions")
	if strings.Contains(page, "device-link") || strings.Contains(page, "Log in on another device") || !strings.Contains(page, "re-issue your code") {
		t.Fatalf("a delegate's sessions page:\n%s", page)
	}
	resp, body := anna.postPage("delegate", "/a/coop/sessions/device-link", url.Values{}) // the token from a page of hers with a form
	if resp.StatusCode != http.StatusForbidden || strings.Contains(string(body), "/login?admin=") || !strings.Contains(string(body), "Only a server administrator makes a link for another device") {
		t.Fatalf("a delegate's device link: %s\n%s", resp.Status, body)
	}
	if _, p, _ := anna.get("/a/coop/sessions"); strings.Count(p, "<li>") != 1 {
		t.Fatalf("a delegate's sessions after her refused device link: %d", strings.Count(p, "<li>"))
	}
}
