package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
)

// TestVerifyReportsARefusedLog: a server that refuses the log (403, as
// plenum serves the log of a record open to participants to a checker
// without a session) makes plenum verify --receipt --url, and --url
// alone, say that the server refused to serve the log because the record
// is not public, and what checks instead, not that the log's tree "does
// not check out against its checkpoint", which a member reads as
// tampering; the receipt is still checked offline first.
func TestVerifyReportsARefusedLog(t *testing.T) {
	ctx := context.Background()
	var payloads []string
	for i := range 300 {
		payloads = append(payloads, fmt.Sprintf(`{"n":%d}`, i))
	}
	l := hostileLog(t, "plenum.test/log/coop", payloads...)
	open := httptest.NewServer(http.StripPrefix("/log/coop", l))
	defer open.Close()
	receipt, err := remote.FetchReceipt(ctx, open.URL+"/log/coop/", 290, remote.Options{LogKeys: note.VerifierList(l.Verifier())})
	if err != nil {
		t.Fatal(err)
	}
	rfile := filepath.Join(t.TempDir(), "receipt-v1-290.tlog-proof")
	os.WriteFile(rfile, receipt, 0o644)
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
