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

	"plenum/assembly"
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
// $PLENUM_SCREENSHOTS, or a new temporary directory that is kept.
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
// window of the given size, logs them in with their code (unless public)
// and opens path.
func (s *session) open(who string, width, height int64, path string) *person {
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

func contains(sel, text string) string {
	return fmt.Sprintf(`(document.querySelector(%q)||{innerText:""}).innerText.includes(%q)`, sel, text)
}

func TestBrowserVoteAndFloorLive(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	s := newSession(t, h)

	projector := s.open("", 1280, 720, "/a/coop/projector")
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	var ds []*person
	for _, d := range delegates {
		ds = append(ds, s.open(d, 390, 844, "/a/coop/delegate"))
	}

	// The chair puts the motion to the vote.
	s.click(chair, `form:has(input[name="cmd"][value="open_vote"]) button[type="submit"]`)
	s.until(chair, "the vote shows as open", contains("#votes", "Close the vote"))

	// Each delegate sees the vote without reloading, chooses, confirms and
	// gets a receipt.
	choices := []string{"for", "for", "against"}
	for i, d := range ds {
		s.until(d, "the vote reaches the delegate", `document.querySelector("button.choice-for") !== null`)
		s.notReloaded(d)
		if i == 0 {
			s.shot(d, "1-delegate-vote-open")
		}
		s.click(d, "button.choice-"+choices[i])
		s.until(d, "the confirmation step", contains("#vote", "Cast your ballot: "+strings.ToUpper(choices[i])))
		if i == 2 {
			s.shot(d, "2-delegate-confirm")
		}
		s.click(d, "button.confirm-btn")
		s.until(d, "the receipt", contains("main", "Leaf hash"))
		if i == 2 {
			s.shot(d, "3-delegate-receipt")
		}
	}
	s.until(projector, "the projector counts the ballots", contains("#proj", "3 of 3 have voted"))
	s.shot(projector, "4-projector-voting")

	s.click(chair, `form:has(input[name="cmd"][value="close_vote"]) button[type="submit"]`)
	s.click(chair, `form:has(input[name="cmd"][value="declare_result"]) button[type="submit"]`)
	s.until(chair, "the chair sees the result", contains("#votes", "CARRIED"))

	// The projector, open all along, shows the result as bars.
	s.until(projector, "the projector shows the result", contains("#proj", "CARRIED")+` && document.querySelector("#proj .bar-for.w-67") !== null && document.querySelector("#proj .bar-against.w-33") !== null`)
	s.until(projector, "the arithmetic", contains("#proj .arithmetic", "2 for, 1 against"))
	s.notReloaded(projector)
	s.shot(projector, "5-projector-result")
	if r := read(h, func(st *assembly.State) string { return st.Votes["v1"].Result.Outcome }); r != "carried" {
		t.Errorf("the vote's outcome is %q, want carried", r)
	}

	// A delegate asks for the floor; the chair's page shows it at once.
	boris := ds[1]
	s.click(boris, `a[href="/a/coop/delegate"]`)
	s.click(boris, "form.ask button[type=submit]")
	s.until(boris, "the delegate sees their place", contains("#floor", "You are number 1 on the list"))
	s.shot(boris, "6-delegate-on-the-list")
	s.until(chair, "the chair sees the request", contains("#floor ol.speakers", "Boris Borisov"))
	s.notReloaded(chair)
	s.shot(chair, "7-chair-request")

	// The chair gives the floor; the projector shows the speaker and the
	// countdown, which runs.
	s.click(chair, `ol.speakers form:has(input[name="cmd"][value="give_floor"]) button[type="submit"]`)
	s.until(projector, "the projector shows the speaker", contains("#proj .proj-name", "Boris Borisov"))
	countdown := func() string {
		ctx, cancel := context.WithTimeout(projector.ctx, 10*time.Second)
		defer cancel()
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#proj .countdown")))
		if err != nil {
			t.Fatalf("read the countdown: %v", err)
		}
		return text
	}
	first := countdown()
	time.Sleep(1300 * time.Millisecond)
	later := countdown()
	if first == later || !strings.HasPrefix(first, "4:") && !strings.HasPrefix(first, "5:") {
		t.Errorf("the countdown does not run from 5:00: %q, then %q", first, later)
	}
	s.notReloaded(projector)
	s.shot(projector, "8-projector-speaker")
	s.shot(chair, "9-chair-speaker")
}

// TestBrowserPagesFitAPhone opens every page at 360 px wide and checks that
// nothing is wider than the screen (no sideways scrolling).
func TestBrowserPagesFitAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("boris", "request_floor", obj{"item": "i1", "person": "boris"})
	h.must("sec", "record_speech", obj{"id": "sp1", "item": "i1", "speaker": "anna", "capacity": "delegate", "notes": "Speaks for the budget; asks that the reserve be kept."})
	h.must("sec", "record_interjection", obj{"kind": "applause"})
	// A declared election and an open one: the count sheet on the chair's
	// page, the ranking ballot on the delegate's.
	h.must("chair", "open_election", obj{"id": "e0", "title": "The tellers", "seats": 2, "method": "as_stated"})
	h.must("chair", "close_election", obj{"election": "e0"})
	h.must("chair", "declare_election", obj{"election": "e0", "elected": []string{"sec", "mc"}})
	h.must("chair", "open_election", obj{"id": "e1", "title": "The auditing committee of the cooperative", "seats": 2, "method": "stv-scottish", "candidates": []string{"anna", "boris", "clara", "dmitri"}})
	h.must("anna", "cast_election_ballot", obj{"election": "e1", "voter": "anna", "ranking": []string{"boris", "clara"}})
	s := newSession(t, h)
	for _, c := range []struct{ who, page string }{
		{"sec", "secretary"}, {"mc", "mandates"}, {"chair", "chair"}, {"clara", "delegate"}, {"", "record"}, {"", "projector"},
	} {
		p := s.open(c.who, 360, 740, "/a/coop/"+c.page)
		ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if wide > 360 {
			t.Errorf("the %s page is %d px wide on a 360 px screen", c.page, wide)
		}
		s.shot(p, "phone-"+c.page)
	}
}

// TestBrowserSecretBallot: the chair opens a secret vote; a delegate votes
// on the phone and is shown the ballot's code once.
func TestBrowserSecretBallot(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	s := newSession(t, h)
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	anna := s.open("anna", 390, 844, "/a/coop/delegate")
	s.run(chair, "choose a secret vote", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](`(document.querySelector('select[name="a:method"]').value = "secret") === "secret"`)(ctx, t)
		if err == nil && !ok {
			err = fmt.Errorf("the method select has no secret option")
		}
		return err
	}))
	s.click(chair, `form:has(input[name="cmd"][value="open_vote"]) button[type="submit"]`)
	s.until(chair, "the vote shows as open", contains("#votes", "Close the vote"))
	if m := read(h, func(st *assembly.State) string { return st.Votes["v1"].Method }); m != "secret" {
		t.Fatalf("the vote's method is %q", m)
	}
	s.until(anna, "the vote reaches the delegate", `document.querySelector("button.choice-for") !== null`)
	s.click(anna, "button.choice-for")
	s.until(anna, "the confirmation step", contains("#vote", "Cast your ballot: FOR"))
	s.click(anna, "button.confirm-btn")
	s.until(anna, "the ballot's code", contains("main", "Keep this code")+` && /^[A-Z2-7]{26}$/.test(document.getElementById("ballot-token").innerText)`)
	s.shot(anna, "10-delegate-secret-code")
}
