package remote_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"plenum/remote"
)

// TestRefusedIsNoFinding: a log whose server answers 401 or 403 (plenum
// serves the log of a record open to participants only to a session,
// which the checker has none of) is remote.ErrRefused, for a log's whole
// check and a receipt's, whether the checkpoint, a tile or an entry
// bundle is refused; it is not a *remote.Error, and never says that the
// log's tree "does not check out against its checkpoint", which a member
// reads as tampering. Its message names the request and the answer.
func TestRefusedIsNoFinding(t *testing.T) {
	const why = "the record of this assembly is not public"
	answering, checks := checksOfALog(t, why)
	for _, c := range []struct {
		path string
		code int
	}{
		{"/checkpoint", http.StatusForbidden},
		{"/tile/0/", http.StatusForbidden},
		{"/tile/1/", http.StatusUnauthorized},
		{"/tile/entries/", http.StatusForbidden},
	} {
		url := answering(c.path, c.code)
		for name, check := range checks {
			if name == "Checkpoint" && c.path != "/checkpoint" {
				continue
			}
			err := check(url)
			var re *remote.Error
			switch {
			case err == nil:
				// A check that needs nothing refused (a receipt's tile
				// of level 1 in a small log) passes.
				if c.path != "/tile/1/" {
					t.Errorf("%s with %s answered %d: no error", name, c.path, c.code)
				}
			case !errors.Is(err, remote.ErrRefused) || errors.As(err, &re):
				t.Errorf("%s with %s answered %d: %v (%T) is not the refusal", name, c.path, c.code, err, err)
			case strings.Contains(err.Error(), "does not check out") || !strings.Contains(err.Error(), http.StatusText(c.code)+": "+why):
				t.Errorf("%s with %s answered %d: %v", name, c.path, c.code, err)
			}
		}
	}
	// A 404 or 500 is no refusal.
	for _, code := range []int{http.StatusNotFound, http.StatusInternalServerError} {
		if err := checks["Verify"](answering("/tile/0/", code)); errors.Is(err, remote.ErrRefused) {
			t.Errorf("a tile answered %d is taken for a refusal: %v", code, err)
		}
	}
}
