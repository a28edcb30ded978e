package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium to drive: $PLENUM_CHROMIUM, or chromium,
// chromium-browser, google-chrome on the PATH. Without one the browser tests
// are skipped, unless PLENUM_REQUIRE_BROWSER=1 (CI), which fails them.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PLENUM_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PLENUM_REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium found (install the Debian package chromium, or set PLENUM_CHROMIUM), and PLENUM_REQUIRE_BROWSER=1")
	}
	t.Skip("no Chromium found: install the Debian package chromium to run the browser tests (set PLENUM_REQUIRE_BROWSER=1 to fail instead)")
	return ""
}

// screenshots is where the tests save what the browsers showed:
// $PLENUM_SCREENSHOTS, or a new temporary directory that is kept only if
// the test fails (its path logged), so that a full run does not leave
// hundreds of them behind.
func screenshots(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("PLENUM_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	d, err := os.MkdirTemp("", "plenum-screenshots-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the screenshots are kept in %s", d)
			return
		}
		os.RemoveAll(d)
	})
	return d
}

// person is one browser context: its own cookies, its own tab.
type person struct {
	name string
	ctx  context.Context
}

type session struct {
	t     *testing.T
	h     *hall
	dir   string
	alloc context.Context
	first context.Context
}

func newSession(t *testing.T, h *hall) *session {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	first, cancelFirst := chromedp.NewContext(alloc)
	t.Cleanup(cancelFirst)
	if err := chromedp.Do(first); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return &session{t: t, h: h, dir: screenshots(t), alloc: alloc, first: first}
}

// open starts a person's own browser context (separate cookies) with a
// window of the given size, logs them in with their code (unless public),
// opens path and waits until the page listens to the event stream.
func (s *session) open(who string, width, height int64, path string) *person {
	s.t.Helper()
	return s.openWith(who, width, height, path, true)
}

func (s *session) openWith(who string, width, height int64, path string, live bool) *person {
	s.t.Helper()
	ctx, cancel := chromedp.NewContext(s.first, chromedp.WithNewBrowserContext())
	s.t.Cleanup(cancel)
	p := &person{name: who, ctx: ctx}
	// The first Do opens the tab, which lives as long as the context of that
	// call: so it gets ctx itself, and later calls get timeouts.
	if err := chromedp.Do(ctx); err != nil {
		s.t.Fatalf("open a tab for %s: %v", who, err)
	}
	acts := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(width, height)}
	if code := s.h.codes[who]; code != "" {
		acts = append(acts, chromedp.Navigate(s.h.srv.URL+"/login?code="+code+"&next="+path))
	} else {
		acts = append(acts, chromedp.Navigate(s.h.srv.URL+path))
	}
	if !live {
		acts = append(acts, chromedp.WaitReady(chromedp.CSS("body")))
		s.run(p, "open "+path, acts...)
		return p
	}
	// The page listens to the event stream before the test acts.
	acts = append(acts, chromedp.WaitVisible(chromedp.CSS("body[data-live-connected]")),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.plenumNoReload = true`)(ctx, t)
			return err
		}))
	s.run(p, "open "+path, acts...)
	return p
}

func (s *session) run(p *person, what string, acts ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, acts...); err != nil {
		tctx, tcancel := context.WithTimeout(p.ctx, 3*time.Second)
		url, _ := chromedp.Run(tctx, chromedp.Location())
		text, _ := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("main")))
		tcancel()
		s.shot(p, "failed-"+p.name)
		s.t.Fatalf("%s: %s: %v\nat %s the page says:\n%s", p.name, what, err, url, text)
	}
}

// until waits for a JavaScript condition to hold on p's page.
func (s *session) until(p *person, what, cond string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	var err error
	for {
		// A poll that a navigation interrupts (a form's GET) starts again
		// on the new page.
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "navigated or closed") && !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		s.shot(p, "failed-"+p.name)
		s.t.Fatalf("%s: %s: %v\nthe page says:\n%s", p.name, what, err, text)
	}
}

// castFor casts p's ballot FOR in the open vote on their delegate page as
// a person does: the choice, the confirmation in place, Confirm.
func (s *session) castFor(p *person) {
	s.t.Helper()
	s.click(p, "#ballot button.choice-for")
	s.until(p, "the confirmation step", contains("#ballot", "Cast your ballot: FOR"))
	s.click(p, "#ballot .confirm-btn")
}

// click clicks the first element matching a CSS selector.
func (s *session) click(p *person, sel string) {
	s.t.Helper()
	s.run(p, "click "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)))
}

// shot saves the whole page as a PNG and prints its path.
func (s *session) shot(p *person, name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(s.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.t.Logf("screenshot: %s", path)
}

// notReloaded checks that the page is still the one opened: live updates
// came without a reload.
func (s *session) notReloaded(p *person) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.plenumNoReload === true`))
	if err != nil || !ok {
		s.t.Errorf("%s: the page was reloaded; the update should have come live", p.name)
	}
}

// shotView saves what the window shows, the first viewport only.
func (s *session) shotView(p *person, name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(s.dir, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// eval runs a JavaScript expression on p's page and returns its value.
func eval[T any](s *session, p *person, js string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("%s: %s: %v", p.name, js, err)
	}
	return v
}

// outside lists the elements matching sel (at least one must) that are not
// wholly inside the window as it is now, without scrolling.
func (s *session) outside(p *person, sel string) []string {
	s.t.Helper()
	return eval[[]string](s, p, fmt.Sprintf(`(function () {
		var els = document.querySelectorAll(%q), out = [];
		if (!els.length) return ["nothing matches %s"];
		els.forEach(function (el) {
			var r = el.getBoundingClientRect();
			if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5 || r.height === 0)
				out.push((el.id || el.className || el.tagName) + " " + JSON.stringify(el.innerText.slice(0, 40)) + " at " + Math.round(r.top) + "–" + Math.round(r.bottom) + " of " + window.innerHeight);
		});
		return out;
	})()`, sel, sel))
}

// tap clicks the first element matching sel and counts the tap.
func (s *session) tap(p *person, sel string, taps *int) {
	s.t.Helper()
	s.click(p, sel)
	*taps++
}

// containsFold is contains, case aside (text-transform changes innerText).
func containsFold(sel, text string) string {
	return fmt.Sprintf(`(document.querySelector(%q)||{innerText:""}).innerText.toLowerCase().includes(%q)`, sel, strings.ToLower(text))
}

func contains(sel, text string) string {
	return fmt.Sprintf(`(document.querySelector(%q)||{innerText:""}).innerText.includes(%q)`, sel, text)
}
