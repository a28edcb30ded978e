package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSessionsPage: at phone size (360x740) in Chromium, anna
// logged in on two browsers sees both on the sessions page, each named
// by its browser and platform (Chromium: "Chrome on Linux") with when it
// was last used, without sideways scrolling, and "log out everywhere
// else" leaves her one session; the other browser, reloaded, is asked to
// log in.
func TestBrowserSessionsPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	h := newHall(t)
	s := newSession(t, h)
	other := s.open("anna", 360, 740, "/a/"+asm+"/delegate")
	phone := s.openWith("anna", 360, 740, "/a/"+asm+"/sessions", false)
	s.until(phone, "two sessions listed", `document.querySelectorAll("ul.sessions li").length === 2`)
	s.until(phone, "each session's device and last use shown", `[...document.querySelectorAll("ul.sessions li")].every(li => li.textContent.includes("Chrome on Linux") && li.textContent.includes("last used"))`)
	s.until(phone, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
	s.shot(phone, "sessions-two-360")
	s.click(phone, `form[action$="/sessions"] button`)
	s.until(phone, "one session left", `document.querySelectorAll("ul.sessions li").length === 1 && !document.querySelector('form[action$="/sessions"]')`)
	s.until(phone, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
	s.shot(phone, "sessions-one-360")
	s.run(other, "reload", chromedp.Reload())
	s.until(other, "the other browser is asked to log in", `location.pathname === "/login"`)
	s.shot(other, "sessions-other-logged-out-360")
}
