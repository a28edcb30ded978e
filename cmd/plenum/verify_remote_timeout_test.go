package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/remote/tlogtest"
)

// slowServer serves l, answering the requests whose path starts with
// slowPath after delay (or never, when delay is 0, until the client
// gives up).
func slowServer(t *testing.T, l http.Handler, slowPath string, delay time.Duration) string {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, slowPath) {
			wait := time.After(delay)
			if delay == 0 {
				wait = nil
			}
			select {
			case <-wait:
			case <-r.Context().Done():
				return
			}
		}
		l.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs.URL
}

// TestVerifyRemoteTimeLimit: plenum verify --url stops at --timeout, well
// before a server answering every request slowly (each within the minute
// a request may take) would let it finish, and says so with exit status
// 4, naming the limit and how many entries it verified — neither 0 nor
// 1, the log being neither verified nor found wrong. So it does when the
// checkpoint comes too late, and when a payload stored apart does, whose
// failed fetch would otherwise be a refusal of the entry. --timeout 0 is
// no limit; a negative one, or one without --url, is a usage error.
func TestVerifyRemoteTimeLimit(t *testing.T) {
	l := tlogtest.New("plenum.test/log/march-1917")
	// 100 entry bundles, at most 9 under way at once: more than 2 seconds
	// at the least.
	for i := range 100 * 256 {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	url := slowServer(t, l, "/tile/", 200*time.Millisecond)
	began := time.Now()
	code, out, errs := runForTest(t, "", "verify", "--url", url, "--key", l.VKey, "--no-replay", "--timeout", "1s")
	took := time.Since(began)
	m := regexp.MustCompile(`^plenum verify: ` + regexp.QuoteMeta(url) + `: the check did not finish within --timeout 1s: entries verified: (\d+) of 25600, with no problem found in them; the rest were not checked\. Give a longer --timeout, or 0 for no limit\n$`).FindStringSubmatch(errs)
	if code != 4 || out != "" || m == nil {
		t.Fatalf("exit %d: %q %q", code, out, errs)
	}
	if n, _ := strconv.Atoi(m[1]); n >= 25600 || n%256 != 0 {
		t.Errorf("%d entries verified", n)
	}
	if took > 10*time.Second {
		t.Errorf("stopped after %v", took)
	}

	// The checkpoint never comes.
	silent := slowServer(t, l, "/checkpoint", 0)
	code, _, errs = runForTest(t, "", "verify", "--url", silent, "--key", l.VKey, "--timeout", "300ms")
	if code != 4 || errs != "plenum verify: "+silent+": the check did not finish within --timeout 300ms: the checkpoint was not yet read and checked. Give a longer --timeout, or 0 for no limit\n" {
		t.Errorf("silent checkpoint: exit %d: %q", code, errs)
	}

	// A payload stored apart never comes: the replay's fetch is bounded too.
	big := hostileLog(t, "plenum.test/log/march-1917", `{"text":"`+strings.Repeat("x", 70_000)+`"}`)
	blobless := slowServer(t, big, "/blob/", 0)
	began = time.Now()
	code, _, errs = runForTest(t, "", "verify", "--url", blobless, "--key", big.VKey, "--timeout", "500ms")
	if code != 4 || !strings.Contains(errs, "--timeout 500ms: entries verified: 0 of 1,") {
		t.Errorf("silent blob: exit %d: %q", code, errs)
	}
	if took := time.Since(began); took > 10*time.Second {
		t.Errorf("silent blob: stopped after %v", took)
	}

	fast := slowServer(t, l, "/none", 0)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--url", fast, "--key", l.VKey, "--no-replay", "--timeout", "0"}, 0, ""},
		{[]string{"--url", fast, "--key", l.VKey, "--no-replay"}, 0, ""},
		{[]string{"--url", fast, "--key", l.VKey, "--timeout", "-1s"}, 2, "plenum verify: --timeout -1s: give a duration such as 10m, or 0 for no limit\n"},
		{[]string{"--url", fast, "--key", l.VKey, "--timeout", "soon"}, 2, `invalid value "soon" for flag -timeout`},
		{[]string{"--db", "x.db", "--timeout", "1m"}, 2, "plenum verify: --timeout goes with --url, checking a whole log\n"},
		{[]string{"--receipt", "r", "--key", l.VKey, "--timeout", "1m"}, 2, "plenum verify: --timeout goes with --url, checking a whole log\n"},
	} {
		code, _, errs := runForTest(t, "", append([]string{"verify"}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) || (c.want == "") != (errs == "") {
			t.Errorf("%v: exit %d: %q, want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

// TestVerifyRemoteForgeryFoundAsTimeRunsOut: the time limit of plenum
// verify --url ends while the entries of a bundle received whole are
// being checked, before the forged one among them: the forgery is
// reported, exit status 1 naming the entry, not the time limit (exit
// 4), which would say nothing was found wrong. Without a forgery, the
// same end is the time limit, after the entries checked. The time runs
// out at a chosen entry (the context ends with the cause of --timeout,
// from the replay), and the second bundle is answered only when the
// client gives up: no timing decides.
func TestVerifyRemoteForgeryFoundAsTimeRunsOut(t *testing.T) {
	l := tlogtest.New("plenum.test/log/march-1917")
	for i := range 300 {
		l.Append(fmt.Appendf(nil, `{"entry":%d}`, i))
	}
	serveAs := func(forge bool) string {
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case strings.HasPrefix(r.URL.Path, "/tile/entries/001"):
				<-r.Context().Done()
				return
			case forge && r.URL.Path == "/tile/entries/000":
				rec := httptest.NewRecorder()
				l.ServeHTTP(rec, r)
				w.Write(bytes.Replace(rec.Body.Bytes(), []byte(`{"entry":5}`), []byte(`{"entry":6}`), 1))
				return
			}
			l.ServeHTTP(w, r)
		}))
		t.Cleanup(hs.Close)
		return hs.URL
	}
	verify := func(url string) (int, error) {
		ctx, timesUp := context.WithCancelCause(context.Background())
		defer timesUp(nil)
		_, code, err := runHostile(t, func(env *cliEnv) error {
			return verifyRemote(ctx, env, remoteVerify{url: url, vkey: l.VKey, timeout: time.Minute, replay: func(i int64, _ []byte) error {
				if i == 4 {
					timesUp(errVerifyTimeout)
				}
				return nil
			}})
		})
		if ctx.Err() == nil {
			t.Fatalf("the time never ran out: exit %d, %v", code, err)
		}
		return code, err
	}
	forged := serveAs(true)
	if code, err := verify(forged); code != 1 || err.Error() != forged+": entry 5: entry hashes to "+tlog.RecordHash([]byte(`{"entry":6}`)).String()+", but the signed tree has "+tlog.RecordHash([]byte(`{"entry":5}`)).String()+" at its place: the entry was altered" {
		t.Errorf("forged entry found as the time ran out: exit %d, %v", code, err)
	}
	genuine := serveAs(false)
	if code, err := verify(genuine); code != 4 || err.Error() != genuine+": the check did not finish within --timeout 1m0s: entries verified: 256 of 300, with no problem found in them; the rest were not checked. Give a longer --timeout, or 0 for no limit" {
		t.Errorf("nothing forged: exit %d, %v", code, err)
	}
}
