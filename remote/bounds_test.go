package remote_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
)

// counting serves h and counts the requests for each path.
type counting struct {
	h  http.Handler
	mu sync.Mutex
	n  map[string]int
}

func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.n[strings.TrimPrefix(r.URL.Path, "/")]++
	c.mu.Unlock()
	c.h.ServeHTTP(w, r)
}

// take returns the counts so far and starts again.
func (c *counting) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = map[string]int{}
	return n
}

// TestVerifyKeepsTheTileCacheBounded: a log with more tiles above level 0
// (5 full level-1 tiles, a partial one, a level-2 one) than the client may
// keep (4, for the test) verifies with the cache never holding more than
// its bound, and still fetches every tile and bundle once: the sequential
// pass uses only a few tiles at a time, those of the tree's right edge
// among them, and they are the most recently used. With the default bound
// a remembered checkpoint's consistency proof, then the pass, fetch no
// tile above level 0 twice either.
func TestVerifyKeepsTheTileCacheBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("a log of 328,000 entries")
	}
	ctx := context.Background()
	l := tlogtest.New(origin)
	fill(l, 0, 70_000)
	since := l.Checkpoint()
	const size = 5<<16 + 300
	fill(l, 70_000, size-70_000)
	srv := &counting{h: l, n: map[string]int{}}
	url := serve(t, srv)
	keys := note.VerifierList(l.Verifier())

	const bound = 4
	res, upper, level0, err := remote.VerifyCaching(ctx, url, remote.Options{LogKeys: keys}, bound)
	if err != nil || res.Entries != size {
		t.Fatalf("%+v %v", res, err)
	}
	if upper > bound || upper == 0 || level0 > 2 {
		t.Errorf("the cache held %d tiles above level 0 (bound %d) and %d level-0 tiles", upper, bound, level0)
	}
	counts := srv.take()
	above := 0
	for path, n := range counts {
		if n != 1 {
			t.Errorf("%s fetched %d times", path, n)
		}
		if strings.HasPrefix(path, "tile/") && !strings.HasPrefix(path, "tile/0/") && !strings.HasPrefix(path, "tile/entries/") {
			above++
		}
	}
	if above <= bound {
		t.Fatalf("the log has %d tiles above level 0: not more than the bound, %d", above, bound)
	}
	if want := 1 + 2*(size+255)/256 + above; len(counts) != want {
		t.Errorf("%d paths fetched, want %d", len(counts), want)
	}

	res, upper, _, err = remote.VerifyCaching(ctx, url, remote.Options{LogKeys: keys, Since: since}, remote.MaxCachedTiles)
	if err != nil || res.Entries != size || upper > remote.MaxCachedTiles {
		t.Fatalf("%+v %v; %d tiles above level 0 kept", res, err, upper)
	}
	for path, n := range srv.take() {
		if n != 1 && !strings.HasPrefix(path, "tile/0/") {
			t.Errorf("with a remembered checkpoint: %s fetched %d times", path, n)
		}
	}
}

// slow serves h, answering each tile and bundle after delay.
func slow(h http.Handler, delay time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/tile/") {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// TestVerifyStopsWhenItsContextEnds: a server answering every request
// slowly, well within the client's time for one request, is verified for
// as long as the context lasts, then Verify says it stopped, how far it
// got and why — not that the log is wrong. So does a replay that fails
// because the context ended.
func TestVerifyStopsWhenItsContextEnds(t *testing.T) {
	l := tlogtest.New(origin)
	// 100 bundles, at most prefetchDepth+1 (9) under way at once: more
	// than 2 seconds at the least.
	fill(l, 0, 100*256)
	keys := note.VerifierList(l.Verifier())
	url := serve(t, slow(l, 200*time.Millisecond))

	timeUp := errors.New("time is up")
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Second, timeUp)
	defer cancel()
	began := time.Now()
	_, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys})
	var st *remote.Stopped
	if !errors.As(err, &st) || !errors.Is(err, timeUp) || errors.As(err, new(*remote.Error)) {
		t.Fatalf("%T %v, want *remote.Stopped by the time limit", err, err)
	}
	if st.Size != 100*256 || st.Checked <= 0 || st.Checked >= st.Size || st.Checked%256 != 0 {
		t.Errorf("stopped at %d of %d entries", st.Checked, st.Size)
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("stopped after %v", d)
	}
	if !strings.Contains(err.Error(), "entries: time is up") {
		t.Errorf("%v", err)
	}

	// A replay fails because the context ended (a payload's fetch).
	ctx, cancel = context.WithCancel(context.Background())
	_, err = remote.Verify(ctx, serve(t, l), remote.Options{LogKeys: keys, Replay: func(i int64, _ []byte) error {
		if i == 300 {
			cancel()
			return ctx.Err()
		}
		return nil
	}})
	if !errors.As(err, &st) || st.Checked != 256 || !errors.Is(err, context.Canceled) {
		t.Fatalf("%T %v, want *remote.Stopped after 256 entries", err, err)
	}

	// The checkpoint itself comes too late.
	late := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	}))
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = remote.Verify(ctx, late, remote.Options{LogKeys: keys})
	if !errors.As(err, &st) || st.Size != -1 || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "before the checkpoint") {
		t.Fatalf("%T %v, want *remote.Stopped before the checkpoint", err, err)
	}
}

// delayed serves h, answering every request after delay, and keeps the
// most level-0 tile requests it had under way at once.
type delayed struct {
	h        http.Handler
	delay    time.Duration
	mu       sync.Mutex
	now, top int // level-0 tile requests under way, and the most
}

func (d *delayed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	level0 := strings.HasPrefix(r.URL.Path, "/tile/0/")
	if level0 {
		d.mu.Lock()
		d.now++
		d.top = max(d.top, d.now)
		d.mu.Unlock()
		defer func() {
			d.mu.Lock()
			d.now--
			d.mu.Unlock()
		}()
	}
	select {
	case <-time.After(d.delay):
	case <-r.Context().Done():
		return
	}
	d.h.ServeHTTP(w, r)
}

// TestVerifyFetchesTilesAhead: over a link of long round trips, the
// level-0 tiles are fetched ahead with the entry bundles, not one round
// trip a bundle after it: the server sees several under way at once
// (which, unlike the time taken, a loaded machine does not change), and
// still every tile and bundle is fetched once, over connections kept for
// the next requests. A tile fetched ahead is authenticated all the same:
// another tile's hashes are refused, naming the bundle's first entry.
func TestVerifyFetchesTilesAhead(t *testing.T) {
	const bundles, delay = 40, 40 * time.Millisecond
	l := tlogtest.New(origin)
	fill(l, 0, bundles*256-100)
	keys := note.VerifierList(l.Verifier())
	counts := &counting{h: l, n: map[string]int{}}
	d := &delayed{h: counts, delay: delay}
	hs := httptest.NewUnstartedServer(d)
	conns := 0
	hs.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			d.mu.Lock()
			conns++
			d.mu.Unlock()
		}
	}
	hs.Start()
	defer hs.Close()
	url := hs.URL

	began := time.Now()
	res, err := remote.Verify(context.Background(), url, remote.Options{LogKeys: keys})
	took := time.Since(began)
	if err != nil || res.Entries != bundles*256-100 {
		t.Fatalf("%+v %v", res, err)
	}
	d.mu.Lock()
	t.Logf("%d entries in %v, at most %d level-0 tile requests under way at once, %d connections", res.Entries, took, d.top, conns)
	if conns > 40 {
		t.Errorf("%d connections for %d requests: they are not kept for the next", conns, 1+2*bundles+1)
	}
	d.mu.Unlock()
	if d.top < 2 {
		t.Errorf("at most %d level-0 tile requests under way at once", d.top)
	}
	n := counts.take()
	for path, c := range n {
		if c != 1 {
			t.Errorf("%s fetched %d times", path, c)
		}
	}
	// The checkpoint, 40 bundles, 40 level-0 tiles, one level-1 tile.
	if len(n) != 1+2*bundles+1 {
		t.Errorf("%d paths fetched, want %d", len(n), 1+2*bundles+1)
	}

	tile0 := httptest.NewRecorder()
	l.ServeHTTP(tile0, httptest.NewRequest("GET", "/tile/0/000", nil))
	url = serve(t, &delayed{h: replace(l, "/tile/0/030", 200, tile0.Body.Bytes()), delay: delay})
	_, err = remote.Verify(context.Background(), url, remote.Options{LogKeys: keys})
	var re *remote.Error
	if !errors.As(err, &re) || re.Index != 30*256 || !strings.Contains(err.Error(), "does not check out against its checkpoint") {
		t.Errorf("another tile's hashes at tile/0/030: %v", err)
	}
}
