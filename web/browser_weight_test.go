package web_test

import (
	"testing"

	"plenum/web"
)

// TestBrowserWeightAndLocalCards: at phone size (360×740) in Chromium, the
// delegate's line with their mandate's weight and the proxy they carry,
// and the mandates page's warning that the cards would point to this
// computer, fit the screen: the page does not scroll sideways. Their
// screenshots are saved ($PLENUM_SCREENSHOTS).
func TestBrowserWeightAndLocalCards(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	h := newWeightedHall(t, web.Options{}) // no base URL: the server is 127.0.0.1
	s := newSession(t, h)
	for _, c := range []struct{ who, page, sel string }{
		{"anna", "delegate", "#status p.meta"},
		{"mc", "mandates", "#cards-local"},
	} {
		p := s.open(c.who, 360, 740, "/a/"+asm+"/"+c.page)
		s.until(p, c.sel+" shown", `!!document.querySelector(`+"`"+c.sel+"`"+`)`)
		s.until(p, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
		s.shot(p, "weight-"+c.page+"-360")
	}
}
