package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
)

// A secret ballot's token is shown to the voter once, on the page the
// ballot leads to: act puts it on the shelf, the receipt page takes it off.
// It is kept nowhere else (not in the log, the flash cookie or the URL).

// tokenShelf holds the tokens of secret ballots between the form that
// casts them and the page that shows them, for a few minutes at most.
type tokenShelf struct {
	mu sync.Mutex
	m  map[string]shelved
}

type shelved struct {
	token   string
	expires time.Time
}

// shelfLife is how long a token waits for its page.
const shelfLife = 10 * time.Minute

func shelfKey(assemblyID, person string, entry int64) string {
	return fmt.Sprintf("%s\x00%s\x00%d", assemblyID, person, entry)
}

func (t *tokenShelf) put(assemblyID, person string, entry int64, token string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string]shelved{}
	}
	for k, v := range t.m {
		if now.After(v.expires) {
			delete(t.m, k)
		}
	}
	t.m[shelfKey(assemblyID, person, entry)] = shelved{token: token, expires: now.Add(shelfLife)}
}

// take returns the token once.
func (t *tokenShelf) take(assemblyID, person string, entry int64, now time.Time) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	k := shelfKey(assemblyID, person, entry)
	v, ok := t.m[k]
	delete(t.m, k)
	if !ok || now.After(v.expires) {
		return ""
	}
	return v.token
}

// tokenFile is the small text file a voter saves with their token: its
// fields under fixed names, what to do with it in the voter's language l.
func tokenFile(l *i18n.Locale, assemblyName, question, opened, token string) string {
	return fmt.Sprintf(`plenum secret ballot
assembly: %s
vote: %s (%s)
token: %s

%s

    plenum verify --receipt RECEIPT-FILE --key VERIFIER-KEY --token %s
`, assemblyName, question, l.T("web.d.opened", opened), token, l.T("web.tf.keep", l.T("web.d.receipt_h")), token)
}

// tokenFileURL is the token file as a data: URL, for a download link that
// needs no request to the server.
func tokenFileURL(text string) template.URL {
	return template.URL("data:text/plain;charset=utf-8," + url.PathEscape(text))
}

// secretReceipt serves POST /a/{id}/secret-receipt: the form "Get the
// receipt of my secret ballot" (fields vote and token) answers with the
// ballot's tlog-proof file (engine.SecretBallotReceipt), or goes back to
// the delegate page saying why not.
func (s *server) secretReceipt(w http.ResponseWriter, r *http.Request) {
	a, _, fail, ok := s.pageForm(w, r, "delegate", 8<<10)
	if !ok {
		return
	}
	id := a.ID()
	vote := r.PostFormValue("vote")
	token := strings.Join(strings.Fields(r.PostFormValue("token")), "")
	if len(token) < assembly.MinBallotToken || len(token) > assembly.MaxBallotToken {
		fail(localeOf(r, a).T("web.err.not_token"))
		return
	}
	proof, err := engine.SecretBallotReceipt(r.Context(), a, vote, token)
	if err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			var msg string
			a.Read(func(st *assembly.State) { msg = namedRefusal(r, st, ae) })
			fail(msg)
			return
		}
		s.opts.Logger.Error("web: secret receipt failed", "assembly", id, "vote", vote, "err", err)
		fail(localeOf(r, a).T("web.err.receipt_failed"))
		return
	}
	w.Header().Set("Content-Type", "application/tlog-proof")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"receipt-%s-secret.tlog-proof\"", fileSafe(vote)))
	w.Write(proof)
}

// fileSafe keeps a file name to letters, digits, '-', '_' and '.'.
func fileSafe(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, s)
}

// MySecretVotes are the closed secret votes in which the viewer cast a
// ballot, latest first: those they may ask the receipt of.
func (v *view) MySecretVotes() []*assembly.Vote {
	var out []*assembly.Vote
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		vt := v.S.Votes[v.S.VoteOrder[i]]
		if vt.Method == "secret" && vt.Status != assembly.VoteStatusOpen && len(vt.SealedEntries) > 0 && v.Voted(vt) {
			out = append(out, vt)
		}
	}
	return out
}
