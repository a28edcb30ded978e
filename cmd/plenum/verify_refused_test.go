package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// TestVerifyReportsARefusedLog: a server that refuses the log (403, as
// plenum serves the log of a record open to participants to a checker
// without a session) makes plenum verify --receipt --url, and --url
// alone, say that the server refused to serve the log because the record
// is not public, and what checks instead, not that the log's tree "does
// not check out against its checkpoint", which a member reads as
// tampering; the receipt is still checked offline first.
func TestVerifyReportsARefusedLog(t *testing.T) {
	l := numberedLog(t, "plenum.test/log/coop", "speech_recorded", 300)
	open := httptest.NewServer(http.StripPrefix("/log/coop", l))
	defer open.Close()
	rfile := receiptFile(t, open.URL+"/log/coop/", note.VerifierList(l.Verifier()), 290)
	// The checkpoint is served; the tiles are refused, as in the review.
	closed := httptest.NewServer(http.StripPrefix("/log/coop", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/tile/") {
			http.Error(w, "the record of this assembly is not public; log in to read it", http.StatusForbidden)
			return
		}
		l.ServeHTTP(w, r)
	})))
	defer closed.Close()
	logURL := closed.URL + "/log/coop/"
	for _, c := range []struct {
		name string
		args []string
	}{
		{"--receipt --url", []string{"verify", "--receipt", rfile, "--key", l.VKey, "--url", logURL}},
		{"--url", []string{"verify", "--url", logURL, "--key", l.VKey}},
	} {
		code, stdout, stderr := run(t, c.args...)
		if code != 1 || !strings.Contains(stderr, "the server refused to serve the log: the record of this assembly is not public") ||
			!strings.Contains(stderr, "403 Forbidden") || strings.Contains(stderr, "does not check out") {
			t.Errorf("%s: exit %d, %q", c.name, code, stderr)
		}
		if c.name == "--receipt --url" && !strings.Contains(stdout, "entry 290") {
			t.Errorf("%s: the receipt is not checked offline first: %q", c.name, stdout)
		}
	}
	// In the member's language.
	if code, _, stderr := runIn(t, "es", "verify", "--receipt", rfile, "--key", l.VKey, "--url", logURL); code != 1 || !strings.Contains(stderr, "el servidor se negó a entregar el registro: el acta de esta asamblea no es pública") {
		t.Errorf("in Spanish: exit %d, %q", code, stderr)
	}
}
