package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// OldCookieGrace is how long after a server first served a request over
// https (access_meta 'https_since') a session cookie of the old name,
// CookieName, is still read over https: a session made before then —
// a browser logged in before the switch — is re-issued under
// HostCookieName at its first request over https, and the old cookie
// cleared. It is the default life of a session (Options.SessionTTL): no
// session made before the switch outlives it unless sessions were made
// to last longer. Past it, or for a session made after the switch
// (planted by a sibling host, which can set a cookie of the old name but
// never one of HostCookieName), the old name is refused over https.
const OldCookieGrace = 14 * 24 * time.Hour

// httpsKey is the access_meta row holding when this database's server
// first served a request over https (RFC 3339, UTC).
const httpsKey = "https_since"

// httpsSince is what a Store knows of access_meta 'https_since'.
type httpsSince struct {
	at atomic.Int64 // Unix nanoseconds; 0 while not known
	mu sync.Mutex   // one request reads or writes it at a time
	// retry is when (time.Now, Unix nanoseconds) it is to be tried
	// again after a failure: a database that cannot be written is not
	// tried by every request.
	retry atomic.Int64
}

// errHTTPSUnknown: when the server first served over https could not be
// read nor recorded.
var errHTTPSUnknown = errors.New("when this server first served over https could not be read or recorded")

// servedHTTPS notes that this server serves a request over https, and
// returns when it first did (on this database, by any process): read
// once from access_meta, recorded there by the first to see one.
func (s *Store) servedHTTPS(ctx context.Context) (time.Time, error) {
	if at := s.https.at.Load(); at != 0 {
		return time.Unix(0, at).UTC(), nil
	}
	if time.Now().UnixNano() < s.https.retry.Load() {
		return time.Time{}, errHTTPSUnknown
	}
	s.https.mu.Lock()
	defer s.https.mu.Unlock()
	if at := s.https.at.Load(); at != 0 {
		return time.Unix(0, at).UTC(), nil
	}
	at, err := s.readHTTPSSince(ctx)
	if err != nil {
		s.https.retry.Store(time.Now().Add(time.Second).UnixNano())
		s.opts.Logger.Warn("auth: "+errHTTPSUnknown.Error(), "err", err)
		return time.Time{}, fmt.Errorf("%w: %w", errHTTPSUnknown, err)
	}
	s.https.at.Store(at.UnixNano())
	return at, nil
}

// readHTTPSSince reads access_meta 'https_since', writing now there if it
// is absent (on PostgreSQL another node may write it first: its time is
// kept).
func (s *Store) readHTTPSSince(ctx context.Context) (time.Time, error) {
	var v string
	err := s.queryRow(ctx, s.db.R, `SELECT v FROM access_meta WHERE k = ?`, httpsKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		now := s.opts.Now().UTC().Format(time.RFC3339Nano)
		if _, err := s.exec(ctx, s.db.W, `INSERT INTO access_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO NOTHING`, httpsKey, now); err != nil {
			return time.Time{}, s.writeError(err)
		}
		err = s.queryRow(ctx, s.db.W, `SELECT v FROM access_meta WHERE k = ?`, httpsKey).Scan(&v)
	}
	if err != nil {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339Nano, v)
}

// oldCookieOverHTTPS decides on sess, read from r's cookie of the old
// name (CookieName) over https: a session made no later than the server
// first served over https, within OldCookieGrace of that, is re-issued
// under HostCookieName (the same token and end) and the old cookie is
// cleared, and oldCookieOverHTTPS reports true; any other is refused
// (false) and the old cookie cleared. An error is when the server first
// served over https that could not be known.
func (s *Store) oldCookieOverHTTPS(w http.ResponseWriter, r *http.Request, sess *Session, token string) (bool, error) {
	since, err := s.servedHTTPS(r.Context())
	if err != nil {
		return false, err
	}
	ok := !sess.Created.After(since) && s.opts.Now().Before(since.Add(OldCookieGrace))
	if ok {
		http.SetCookie(w, &http.Cookie{Name: HostCookieName, Value: token, Path: "/", Expires: sess.Expires, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: true})
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: true})
	return ok, nil
}
