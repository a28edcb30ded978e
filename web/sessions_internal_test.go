package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"plenum/auth"
	"plenum/i18n"
)

// TestDeviceLinkRefusalsInWords: each refusal of a device link
// (auth.Store.NewDeviceLink) — a person's session, an administrator's of
// an earlier plenum, a session ended meanwhile — and a failure of the
// database are told with a status and words of their own, in every
// language, wrapped or not; none is said in auth's English.
func TestDeviceLinkRefusalsInWords(t *testing.T) {
	cases := []struct {
		err    error
		status int
	}{
		{auth.ErrNotAdministrator, http.StatusForbidden},
		{auth.ErrAdministratorOfOld, http.StatusConflict},
		{auth.ErrNoSession, http.StatusUnauthorized},
		{errors.New("database is locked"), http.StatusServiceUnavailable},
	}
	for _, lang := range i18n.Languages {
		l := i18n.For(lang.Tag)
		seen := map[string]bool{}
		for _, c := range cases {
			for _, err := range []error{c.err, fmt.Errorf("making a device link: %w", c.err)} {
				status, key := deviceLinkRefusal(err)
				words := l.T(key)
				if status != c.status || !l.Has(key) || strings.Contains(words, "%!") || words == c.err.Error() {
					t.Errorf("%s: %v: %d %q, want %d and the page's words", lang.Tag, err, status, words, c.status)
				}
				seen[words] = true
			}
		}
		if len(seen) != len(cases) {
			t.Errorf("%s: %d different words for %d refusals", lang.Tag, len(seen), len(cases))
		}
	}
}
