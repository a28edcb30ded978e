//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plenum/ballot"
	"plenum/ballot/internal/testrand"
	"plenum/internal/ballotmodule"
)

// The browser tests build this command to WebAssembly (the vectors build,
// -tags ballotvectors), serve it with wasm_exec.js of the same Go and
// ballot.js, and drive it in headless Chromium. Without Chromium they are
// skipped, unless PLENUM_REQUIRE_BROWSER=1 (CI), which fails them.

func chromium(t testing.TB) string {
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

var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

const page = `<!doctype html><meta charset="utf-8"><title>plenum ballot</title>
<script src="wasm_exec.js"></script><script src="ballot.js"></script>`

// site builds the WebAssembly module once per test binary into a
// directory with the page, wasm_exec.js and ballot.js.
func site(t testing.TB) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir, siteErr = os.MkdirTemp("", "plenum-ballot-wasm-")
		if siteErr != nil {
			return
		}
		if siteErr = ballotmodule.Build(siteDir, "ballotvectors"); siteErr != nil {
			return
		}
		siteErr = os.WriteFile(filepath.Join(siteDir, "index.html"), []byte(page), 0o644)
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteDir
}

// browser is a headless Chromium tab with the module loaded as `api`, and
// the list of requests the server received.
type browser struct {
	t        testing.TB
	ctx      context.Context
	mu       sync.Mutex
	requests []string
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	exe := chromium(t)
	dir := site(t)
	br := &browser{t: t}
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		br.mu.Lock()
		br.requests = append(br.requests, r.Method+" "+r.URL.RequestURI())
		br.mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
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
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	br.ctx, cancel = chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	if err := chromedp.Do(br.ctx, chromedp.Navigate(srv.URL+"/index.html")); err != nil {
		t.Fatal(err)
	}
	br.eval(`(async () => { globalThis.api = await PlenumBallot.load("ballot.wasm"); return true })()`, nil)
	return br
}

// eval runs a JavaScript expression (awaiting a promise) into out.
func (br *browser) eval(expr string, out any) {
	br.t.Helper()
	raw, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		br.t.Fatalf("%.200s: %v", expr, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			br.t.Fatalf("%.200s: %v", expr, err)
		}
	}
}

// call runs api.name(args...) in the page; a refusal is returned as its code.
func (br *browser) call(name string, args ...any) (string, string) {
	br.t.Helper()
	lit := make([]string, len(args))
	for i, a := range args {
		s, ok := a.(string)
		if !ok {
			b, err := json.Marshal(a)
			if err != nil {
				br.t.Fatal(err)
			}
			s = string(b)
		}
		q, _ := json.Marshal(s)
		lit[i] = string(q)
	}
	var res struct{ OK, Code, Message string }
	br.eval(fmt.Sprintf(`(() => { try { const r = api.%s(%s); return {ok: typeof r === "string" ? r : JSON.stringify(r)} } catch (e) { return {code: e.code || "js", message: e.message} } })()`, name, strings.Join(lit, ",")), &res)
	if res.Code != "" {
		return "", res.Code + ": " + res.Message
	}
	return res.OK, ""
}

func (br *browser) mustCall(name string, args ...any) string {
	br.t.Helper()
	out, refused := br.call(name, args...)
	if refused != "" {
		br.t.Fatalf("%s: %s", name, refused)
	}
	return out
}

// TestBrowserVectors: the module in Chromium checks the known-answer
// vectors as a verifier, and regenerates them byte for byte.
func TestBrowserVectors(t *testing.T) {
	br := newBrowser(t)
	want, err := os.ReadFile("../testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := br.mustCall("checkVectors", string(want)); got != "true" {
		t.Fatalf("checkVectors = %s", got)
	}
	if got := br.mustCall("generateVectors"); got != string(want) {
		t.Fatal("the vectors generated in Chromium differ from testdata/vectors.json")
	}
	// Encryption with the vectors' seed through the page's API gives the
	// ballot the Go code gives.
	var v ballot.Vectors
	if err := json.Unmarshal(want, &v); err != nil {
		t.Fatal(err)
	}
	key, _ := ballot.Encode(v.Key)
	q, _ := ballot.Encode(v.Ballots[0].Question)
	br.mustCall("seed", "browser seed")
	got := br.mustCall("encryptBallot", string(key), string(q), "mandate-9", []int{0, 0, 1})
	b, err := ballot.Encrypt(v.Key, v.Ballots[0].Question, "mandate-9", []int{0, 0, 1}, testrand.New("browser seed"))
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := ballot.Encode(b)
	tracker, _ := b.Tracker()
	var res struct{ Ballot, Tracker string }
	if err := json.Unmarshal([]byte(got), &res); err != nil {
		t.Fatal(err)
	}
	if res.Ballot != string(enc) || res.Tracker != tracker {
		t.Fatalf("the browser's ballot with fixed randomness differs from Go's:\n%s\n%s", res.Ballot, enc)
	}
	// Refusals come back with their codes.
	for _, r := range v.Refused {
		if r.Check != "ballot" {
			continue
		}
		_, refused := br.call("verifyBallot", string(key), string(q), v.Ballots[0].Voter, r.Data)
		if !strings.HasPrefix(refused, r.Code+": ") {
			t.Errorf("%s: the browser says %q, want %s", r.Name, refused, r.Code)
		}
	}
	if _, refused := br.call("encryptBallot", string(key), string(q), "m", []int{1, 1, 0}); !strings.HasPrefix(refused, "invalid-choice: ") {
		t.Errorf("a vote for two of exactly one: %q", refused)
	}
}

// TestBrowserElection: three trustees make a 2-of-3 key in the browser,
// three voters encrypt there, the server side (Go here) checks and counts,
// trustees 1 and 3 decrypt in the browser, and the result is the votes.
// The page only ever fetched static files: nothing was sent to the server
// by the module (no secret, no plaintext).
func TestBrowserElection(t *testing.T) {
	br := newBrowser(t)
	p := ballot.Parameters{Election: "browser/vote-1", Trustees: 3, Threshold: 2}
	pj, _ := json.Marshal(p)
	secrets := make([]string, 3)
	var keys []ballot.TrusteeKey
	for i := range 3 {
		var out struct{ Secret, Key string }
		if err := json.Unmarshal([]byte(br.mustCall("generateTrustee", string(pj), fmt.Sprint(i+1))), &out); err != nil {
			t.Fatal(err)
		}
		secrets[i] = out.Secret
		k, err := ballot.DecodeTrusteeKey([]byte(out.Key))
		if err != nil {
			t.Fatal(err)
		}
		if err := k.Verify(p); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	keysJ, _ := ballot.Encode(keys)
	var dealings []ballot.Dealing
	for i := range 3 {
		d, err := ballot.DecodeDealing([]byte(br.mustCall("deal", secrets[i], string(keysJ))))
		if err != nil {
			t.Fatal(err)
		}
		dealings = append(dealings, d)
	}
	dealingsJ, _ := ballot.Encode(dealings)
	var confirms []ballot.Confirmation
	for i := range 3 {
		c, err := ballot.DecodeConfirmation([]byte(br.mustCall("confirm", secrets[i], string(keysJ), string(dealingsJ))))
		if err != nil {
			t.Fatal(err)
		}
		confirms = append(confirms, c)
	}
	key, err := ballot.CombineKeys(p, keys, dealings, confirms)
	if err != nil {
		t.Fatal(err)
	}
	keyJ, _ := ballot.Encode(key)
	q := ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}
	qJ, _ := ballot.Encode(q)
	votes := map[string][]int{"mandate-1": {1, 0, 0}, "mandate-2": {0, 0, 1}, "mandate-3": {1, 0, 0}}
	var ballots []ballot.Ballot
	for _, voter := range []string{"mandate-1", "mandate-2", "mandate-3"} {
		var out struct{ Ballot, Tracker string }
		if err := json.Unmarshal([]byte(br.mustCall("encryptBallot", string(keyJ), string(qJ), voter, votes[voter])), &out); err != nil {
			t.Fatal(err)
		}
		b, err := ballot.DecodeBallot([]byte(out.Ballot))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Verify(key, q, voter); err != nil {
			t.Fatal(err)
		}
		if tr, _ := b.Tracker(); tr != out.Tracker {
			t.Fatalf("tracker %s, ballot hashes to %s", out.Tracker, tr)
		}
		ballots = append(ballots, b)
	}
	tally, err := ballot.Sum(key, q, ballots, nil)
	if err != nil {
		t.Fatal(err)
	}
	totals, _ := ballot.Encode(tally.Totals)
	var partials []ballot.PartialDecryption
	for _, m := range []int{1, 3} { // trustee 2 is absent
		d, err := ballot.DecodePartialDecryption([]byte(br.mustCall("partialDecrypt", secrets[m-1], string(keysJ), string(dealingsJ), string(keyJ), string(totals))))
		if err != nil {
			t.Fatal(err)
		}
		partials = append(partials, d)
	}
	res, err := tally.Decrypt(key, partials)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Values) != "[2 0 1]" {
		t.Fatalf("result %v, want [2 0 1]", res.Values)
	}
	// A key file of another trustee cannot decrypt as trustee 1... it is
	// refused with a code, and nothing is produced.
	wrong := strings.Replace(secrets[0], `"index":1`, `"index":2`, 1)
	if _, refused := br.call("partialDecrypt", wrong, string(keysJ), string(dealingsJ), string(keyJ), string(totals)); !strings.HasPrefix(refused, "wrong-context: ") {
		t.Fatalf("a mislabelled key file: %q", refused)
	}
	br.mu.Lock()
	defer br.mu.Unlock()
	for _, r := range br.requests {
		if !strings.HasPrefix(r, "GET /") || strings.Contains(r, "?") {
			t.Errorf("the page sent %q to the server", r)
		}
	}
}

// BenchmarkEncryptInChromium is the time to encrypt one ballot with its
// proofs in headless Chromium, measured in the page (performance.now)
// over 20 ballots per iteration; reported as ms/ballot.
func BenchmarkEncryptInChromium(b *testing.B) {
	br := newBrowser(b)
	e, err := os.ReadFile("../testdata/vectors.json")
	if err != nil {
		b.Fatal(err)
	}
	var v ballot.Vectors
	if err := json.Unmarshal(e, &v); err != nil {
		b.Fatal(err)
	}
	key, _ := ballot.Encode(v.Key)
	for _, c := range []struct {
		name string
		q    ballot.Question
		vote []int
	}{
		{"yes-no-abstain", ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}, []int{1, 0, 0}},
		{"approval-3-of-10", ballot.Question{Kind: ballot.Choice, Options: 10, Min: 0, Max: 3}, []int{1, 0, 0, 1, 0, 0, 0, 1, 0, 0}},
		{"approval-2-of-5", ballot.Question{Kind: ballot.Choice, Options: 5, Min: 0, Max: 2}, []int{0, 1, 0, 0, 1}},
		{"ranking-5", ballot.Question{Kind: ballot.Ranking, Options: 5}, []int{4, 2, 0}},
	} {
		q, _ := ballot.Encode(c.q)
		vote, _ := json.Marshal(c.vote)
		b.Run(c.name, func(b *testing.B) {
			var total float64
			for b.Loop() {
				var ms float64
				br.eval(fmt.Sprintf(`(() => { const t0 = performance.now(); for (let i = 0; i < 20; i++) api.encryptBallot(%q, %q, "m", %q); return (performance.now() - t0) / 20 })()`, key, q, vote), &ms)
				total += ms
			}
			b.ReportMetric(total/float64(b.N), "ms/ballot")
		})
	}
}
