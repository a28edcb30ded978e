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

// TestVerifyReceiptAtServerAddress: plenum verify --receipt --url with
// the server's address, which is what a person has, checks the receipt
// against the log the server serves under log/<id>/, the id the
// receipt's origin names, and says at which address; the log's own
// address works as before, and a server that serves no such log is
// still refused.
func TestVerifyReceiptAtServerAddress(t *testing.T) {
	ctx := context.Background()
	var payloads []string
	for i := range 20 {
		payloads = append(payloads, fmt.Sprintf(`{"n":%d}`, i))
	}
	l := hostileLog(t, "plenum.test/log/march-1917", payloads...)
	mux := http.NewServeMux()
	mux.Handle("/log/march-1917/", http.StripPrefix("/log/march-1917", l))
	hs := httptest.NewServer(mux)
	defer hs.Close()
	logURL := hs.URL + "/log/march-1917/"
	receipt, err := remote.FetchReceipt(ctx, logURL, 7, remote.Options{LogKeys: note.VerifierList(l.Verifier())})
	if err != nil {
		t.Fatal(err)
	}
	rfile := filepath.Join(t.TempDir(), "ballot.tlog-proof")
	os.WriteFile(rfile, receipt, 0o644)
	check := func(url string) (string, error) {
		var stdout, stderr witBuffer
		err := runVerifyReceipt(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, rfile, l.VKey, nil, url, "", "")
		return stdout.String(), err
	}
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
}
