package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
)

// TestVerifyReceiptAtServerAddress: plenum verify --receipt --url with
// the server's address, which is what a person has, checks the receipt
// against the log the server serves under log/<id>/, the id the
// receipt's origin names, and says at which address; the log's own
// address works as before, and a server that serves no such log is
// still refused.
func TestVerifyReceiptAtServerAddress(t *testing.T) {
	l := numberedLog(t, "plenum.test/log/march-1917", "speech_recorded", 20)
	mux := http.NewServeMux()
	mux.Handle("/log/march-1917/", http.StripPrefix("/log/march-1917", l))
	hs := httptest.NewServer(mux)
	defer hs.Close()
	logURL := hs.URL + "/log/march-1917/"
	rfile := receiptFile(t, logURL, note.VerifierList(l.Verifier()), 7)
	check := func(url string) (string, error) { return verifyReceiptFile(rfile, l.VKey, url, "") }
	for _, url := range []string{hs.URL, hs.URL + "/", logURL, hs.URL + "/log/march-1917"} {
		out, err := check(url)
		if err != nil || !strings.Contains(out, "still there at tree size 20 of "+hs.URL+"/log/march-1917") {
			t.Errorf("--url %s: %q %v", url, out, err)
		}
	}
	// A server that serves no log of the receipt's: refused, as before.
	other := httptest.NewServer(http.NotFoundHandler())
	defer other.Close()
	if _, err := check(other.URL); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a server without the log: %v", err)
	}
	// A plenum server that serves logs, but not the receipt's: refused,
	// naming them.
	lists := http.NewServeMux()
	lists.HandleFunc("GET /log/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "coop-2026\n")
	})
	ls := httptest.NewServer(lists)
	defer ls.Close()
	if _, err := check(ls.URL); err == nil || !strings.Contains(err.Error(), ls.URL+" serves no log of assembly march-1917; it serves 1 log, "+ls.URL+"/log/coop-2026/") {
		t.Errorf("a server with other logs: %v", err)
	}
	// A server whose log under log/<id>/ no longer holds the entry: the
	// failure at that address is the answer, not the server's 404.
	fork := tlogtest.NewWithSigner(l.Origin, l.Signer, l.VKey)
	for i := range 20 {
		fork.Append(fmt.Appendf(nil, "entry %d (revised)", i))
	}
	forked := http.NewServeMux()
	forked.Handle("/log/march-1917/", http.StripPrefix("/log/march-1917", fork))
	fs := httptest.NewServer(forked)
	defer fs.Close()
	if _, err := check(fs.URL); err == nil || !strings.Contains(err.Error(), fs.URL+"/log/march-1917/: entry 7: the receipt's entry was altered or removed") {
		t.Errorf("a server whose log was altered: %v", err)
	}
}

// requestCounter is an http.Handler counting the requests it passes on,
// and those of each path.
type requestCounter struct {
	h      http.Handler
	mu     sync.Mutex
	all    int
	byPath map[string]int
}

func (c *requestCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.all++
	c.byPath[r.URL.Path]++
	c.mu.Unlock()
	c.h.ServeHTTP(w, r)
}

// reset returns the counts so far and starts again from none.
func (c *requestCounter) reset() (all int, byPath map[string]int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	all, byPath = c.all, c.byPath
	c.all, c.byPath = 0, map[string]int{}
	return all, byPath
}

// TestVerifyReceiptAtServerAddressRequests: with the server's address,
// plenum verify --receipt --url asks for the log's address only after
// the server's own answered 404 (no probe of either beforehand): one
// request more than with the log's address, the server's checkpoint;
// and with the log's address, the checkpoint once.
func TestVerifyReceiptAtServerAddressRequests(t *testing.T) {
	l := numberedLog(t, "plenum.test/log/march-1917", "speech_recorded", 3)
	mux := http.NewServeMux()
	mux.Handle("/log/march-1917/", http.StripPrefix("/log/march-1917", l))
	counter := &requestCounter{h: mux, byPath: map[string]int{}}
	hs := httptest.NewServer(counter)
	defer hs.Close()
	logURL := hs.URL + "/log/march-1917/"
	rfile := receiptFile(t, logURL, note.VerifierList(l.Verifier()), 1)
	check := func(url string) (int, map[string]int) {
		t.Helper()
		counter.reset()
		if _, err := verifyReceiptFile(rfile, l.VKey, url, ""); err != nil {
			t.Fatalf("--url %s: %v", url, err)
		}
		return counter.reset()
	}
	atLog, logPaths := check(logURL)
	atServer, serverPaths := check(hs.URL)
	if logPaths["/log/march-1917/checkpoint"] != 1 || logPaths["/checkpoint"] != 0 {
		t.Errorf("at the log's address: %v", logPaths)
	}
	if atServer != atLog+1 || serverPaths["/checkpoint"] != 1 || serverPaths["/log/march-1917/checkpoint"] != 1 {
		t.Errorf("at the server's address: %d requests %v, at the log's %d %v", atServer, serverPaths, atLog, logPaths)
	}
}
