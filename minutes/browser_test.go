package minutes

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// headless starts a headless Chromium ($PLENUM_CHROMIUM, or chromium on
// the PATH) for a test; without one the test is skipped, unless
// PLENUM_REQUIRE_BROWSER=1 (CI), which fails it.
func headless(t *testing.T) context.Context {
	t.Helper()
	exe := os.Getenv("PLENUM_CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if exe == "" {
			exe, _ = exec.LookPath(name)
		}
	}
	switch {
	case exe == "" && os.Getenv("PLENUM_REQUIRE_BROWSER") == "1":
		t.Fatal("no Chromium found (install the Debian package chromium, or set PLENUM_CHROMIUM), and PLENUM_REQUIRE_BROWSER=1")
	case exe == "":
		t.Skip("no Chromium found: install the Debian package chromium to run the browser tests")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()))
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return tab
}

// longURL is an address a motion quotes: one word far wider than a phone.
const longURL = "https://www.example.org/printersunion/congress2026/motions/generalstrikefund/annex_financialplan_20262030_finalversion.pdf?download=1"

// TestHTMLLongWordsWrapOnAPhone: the minutes, and the motion book, of a
// congress whose motion (in numbered lines), speech and description quote
// a long address are no wider than a phone's screen of 360 px: the word
// breaks where it must. With $PLENUM_SCREENSHOTS the pages are shot there
// (minutes-long-url.png, book-long-url.png).
func TestHTMLLongWordsWrapOnAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	script := mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl"))
	for _, r := range [][2]string{
		{"two million euros.", "two million euros, as planned in " + longURL + "."},
		{"the congress decides.", "the congress decides: " + longURL},
		{"on the wages motion.", "on the wages motion: " + longURL},
	} {
		if !bytes.Contains(script, []byte(r[0])) {
			t.Fatalf("the congress's script no longer says %q", r[0])
		}
		script = bytes.Replace(script, []byte(r[0]), []byte(r[1]), 1)
	}
	f := replayScript(t, "congress-2026.jsonl", script)
	d := Build(f.state, f.cp)
	dir := t.TempDir()
	tab := headless(t)
	for name, page := range map[string][]byte{"minutes-long-url": HTML(d), "book-long-url": BookHTML(d, "")} {
		// The numbered lines of a motion break a word longer than a line
		// into lines of their own, each still wider than a phone.
		if n, want := bytes.Count(page, []byte("https://www.example.org/")), map[string]int{"minutes-long-url": 3, "book-long-url": 1}[name]; n != want {
			t.Fatalf("%s quotes the address %d times, want %d", name, n, want)
		}
		path := filepath.Join(dir, name+".html")
		if err := os.WriteFile(path, page, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(tab, 20*time.Second)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate("file://"+path)); err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if wide > 360 {
			t.Errorf("%s is %d px wide on a 360 px screen", name, wide)
		}
		if shots := os.Getenv("PLENUM_SCREENSHOTS"); shots != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				err = os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
			}
			if err != nil {
				t.Error(err)
			}
		}
		cancel()
	}
}
