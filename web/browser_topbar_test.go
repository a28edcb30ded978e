package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTopBarFitsThePhone: on a 360 px phone the top bar shows
// every link and the log-out button whole, in every language: none runs
// past the window or is cut by another, and the navigation does not
// hide links behind a scroll (in French "Procès-verbal" was cut to "Pro"
// beside "Se déconnecter"). The bar wraps instead.
func TestBrowserTopBarFitsThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := tourHall(t)
	s := newSession(t, h)
	// cut lists what of the top bar is not whole in the window: an element
	// past its edges, an element whose text is cut (wider than its box),
	// a link outside the navigation's visible box, a link under the
	// log-out form.
	const cut = `(() => {
	const out = [], W = document.documentElement.clientWidth;
	const top = document.querySelector("header.top"), nav = top.querySelector("nav"), lo = top.querySelector(".logout");
	const nr = nav.getBoundingClientRect(), lr = lo ? lo.getBoundingClientRect() : null;
	if (nav.scrollWidth > nav.clientWidth + 1) out.push("the navigation scrolls: " + nav.scrollWidth + " > " + nav.clientWidth);
	for (const el of top.querySelectorAll("a, button")) {
		if (getComputedStyle(el).display === "none") continue;
		const r = el.getBoundingClientRect(), name = JSON.stringify(el.textContent.trim());
		if (r.left < -0.5 || r.right > W + 0.5) out.push(name + " runs past the window: " + r.left + " to " + r.right);
		if (el.scrollWidth > el.clientWidth + 1) out.push(name + " is cut: " + el.scrollWidth + " > " + el.clientWidth);
		if (nav.contains(el) && (r.left < nr.left - 0.5 || r.right > nr.right + 0.5)) out.push(name + " is outside the navigation's box");
		if (nav.contains(el) && lr && r.right > lr.left && r.left < lr.right && r.bottom > lr.top && r.top < lr.bottom) out.push(name + " is under the log-out button");
	}
	return out;
})()`
	for _, lang := range []string{"fr", "de", "ru", "es"} {
		for _, who := range []string{"anna", "chair", "mc"} {
			path := map[string]string{"anna": "/a/coop/delegate", "chair": "/a/coop/chair", "mc": "/a/coop/mandates"}[who]
			p := s.openPage(who, 360, 740, path)
			eval[bool](s, p, `document.cookie = "plenum_lang=`+lang+`; path=/"; true`)
			s.run(p, "reload in "+lang, chromedp.Navigate(h.srv.URL+path), chromedp.WaitReady(chromedp.CSS("body")))
			if got := eval[string](s, p, `document.documentElement.lang`); got != lang {
				t.Fatalf("%s: the page is in %q, want %q", who, got, lang)
			}
			s.shotView(p, "topbar-360-"+lang+"-"+who)
			if bad := eval[[]string](s, p, cut); len(bad) > 0 {
				t.Errorf("%s, %s's page at 360 px: %s", lang, who, strings.Join(bad, "; "))
			}
		}
	}
}
