package remote_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/tlogproof"
)

// TestNoLog: a checkpoint answered 404 Not Found is remote.ErrNoLog, for
// a log's whole check and for a receipt's, and its message still names
// the request and the answer; a checkpoint answered 500, or a tile or
// entry bundle answered 404 by a log that is there, is not: the address
// serves a log, which plenum verify must not take for a server's address.
func TestNoLog(t *testing.T) {
	answering, checks := checksOfALog(t, "not here")
	for _, c := range []struct {
		path  string
		code  int
		noLog bool
	}{
		{"/checkpoint", http.StatusNotFound, true},
		{"/checkpoint", http.StatusInternalServerError, false},
		{"/tile/", http.StatusNotFound, false},
	} {
		url := answering(c.path, c.code)
		for name, check := range checks {
			if name == "Checkpoint" && c.path != "/checkpoint" {
				continue
			}
			err := check(url)
			if err == nil {
				t.Errorf("%s with %s answered %d: no error", name, c.path, c.code)
				continue
			}
			if errors.Is(err, remote.ErrNoLog) != c.noLog {
				t.Errorf("%s with %s answered %d: errors.Is(%v, ErrNoLog) = %v", name, c.path, c.code, err, !c.noLog)
			}
			if want := fmt.Sprintf("GET %s/checkpoint: %d %s: not here", url, c.code, http.StatusText(c.code)); c.path == "/checkpoint" && err.Error() != want {
				t.Errorf("%s with %s answered %d: %v does not name the request", name, c.path, c.code, err)
			}
		}
	}
}

// checksOfALog are the checks of a log of 300 entries (its whole check, a
// receipt's check and fetch, its checkpoint), and answering, which
// serves that log but for the requests whose path contains path,
// answered code with the text why.
func checksOfALog(t *testing.T, why string) (answering func(path string, code int) string, checks map[string]func(url string) error) {
	t.Helper()
	ctx := context.Background()
	l := ledgerLog(t, 300)
	keys := note.VerifierList(l.Verifier())
	receipt, err := remote.FetchReceipt(ctx, serve(t, l), 290, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(receipt, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	answering = func(path string, code int) string {
		return serve(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if strings.Contains(req.URL.Path, path) {
				http.Error(w, why, code)
				return
			}
			l.ServeHTTP(w, req)
		}))
	}
	checks = map[string]func(url string) error{
		"Verify": func(url string) error {
			_, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys})
			return err
		},
		"CheckReceipt": func(url string) error {
			_, err := remote.CheckReceipt(ctx, url, r, remote.Options{LogKeys: keys})
			return err
		},
		"FetchReceipt": func(url string) error {
			_, err := remote.FetchReceipt(ctx, url, 10, remote.Options{LogKeys: keys})
			return err
		},
		"Checkpoint": func(url string) error {
			_, err := remote.NewClient(url, nil).Checkpoint(ctx)
			return err
		},
	}
	return answering, checks
}
