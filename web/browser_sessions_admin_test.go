package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAdministratorsDeviceLink: in Chromium, a server
// administrator on his laptop (1280 wide) makes a device link on his
// sessions page and sees it with its QR code; on a phone (360 wide) the
// page with the link fits without sideways scrolling; the phone opens the
// link and both devices are listed; the phone's "Log out everywhere
// else" sends the laptop, reloaded, to the login page, which says in the
// administrator's words why.
func TestBrowserAdministratorsDeviceLink(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	h := newHall(t)
	s := newSession(t, h)
	admin := func(width, height int64) *person {
		t.Helper()
		tok, err := h.auth.NewAdminToken(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		p := s.openWith("", width, height, "/login?admin="+url.QueryEscape(tok), false)
		s.run(p, "open the sessions page", chromedp.Navigate(h.srv.URL+"/a/"+asm+"/sessions"))
		return p
	}
	small := admin(360, 740)
	s.click(small, `form[action$="/sessions/device-link"] button`)
	s.until(small, "the link and its QR code shown", `document.querySelector("section.device-link img") !== null && document.querySelector("section.device-link img").complete && document.querySelector("section.device-link img").naturalWidth > 0`)
	s.until(small, "no sideways scrolling, the link's box within the screen", `document.documentElement.scrollWidth <= document.documentElement.clientWidth && document.querySelector("section.device-link").getBoundingClientRect().right <= document.documentElement.clientWidth`)
	s.shot(small, "admin-device-link-360")

	laptop := admin(1280, 800)
	s.click(laptop, `form[action$="/sessions/device-link"] button`)
	s.until(laptop, "the link and its QR code shown", `document.querySelector("section.device-link img") !== null && document.querySelector("section.device-link img").naturalWidth > 0`)
	s.shot(laptop, "admin-device-link-1280")
	link, err := chromedp.Run(laptop.ctx, chromedp.Evaluate[string](`document.querySelector("section.device-link code").textContent`))
	if err != nil || !strings.HasPrefix(link, hallBaseURL+"/login?admin=") {
		t.Fatalf("the device link on the page: %q %v", link, err)
	}
	phone := s.openWith("", 360, 740, strings.TrimPrefix(link, hallBaseURL), false)
	s.run(phone, "open the sessions page", chromedp.Navigate(h.srv.URL+"/a/"+asm+"/sessions"))
	s.until(phone, "both devices listed", `document.querySelectorAll("ul.sessions li").length === 2`)
	s.until(phone, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
	s.shot(phone, "admin-sessions-two-360")
	s.click(phone, `form[action$="/sessions"] button`)
	s.until(phone, "one session left", `document.querySelectorAll("ul.sessions li").length === 1`)
	s.run(laptop, "reload", chromedp.Reload())
	s.until(laptop, "the laptop is told why, in the administrator's words", `location.pathname === "/login" && document.querySelector(".ended-session") !== null && document.querySelector(".ended-session").textContent.includes("logged in as you, the server administrator")`)
	s.shot(laptop, "admin-ended-elsewhere-1280")
}
