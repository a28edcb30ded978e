// Package auth admits people to plenum: personal access codes handed out on
// mandate cards, sessions kept in HttpOnly cookies, a one-time link for the
// first server administrator, and rate limits on logging in.
//
// Access codes and session tokens are random (crypto/rand) and stored only
// as SHA-256 hashes, in the database of the record (SQLite or PostgreSQL,
// tables made by the store's numbered migrations) but never in an
// assembly's public ledger. A code
// belongs to one person of one assembly; what that person may do there is
// decided by the assembly's rules (package assembly), not here.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"plenum/assembly"
	"plenum/store"
	"plenum/store/sqlite"
)

// AdminPerson is the person id a server administrator acts as inside an
// assembly (assembly.ServerAdministrator, which no add_person may take).
// create_assembly makes its actor the assembly's administrator, so an
// assembly created by a server administrator has "admin" as its
// administrator.
const AdminPerson = assembly.ServerAdministrator

// Errors of logging in, for callers and tests to tell apart. Their texts
// are addressed to the person logging in.
var (
	ErrBadCode     = errors.New("this access code is not valid: check it against your mandate card, or ask the mandate commission for a new one")
	ErrExpiredCode = errors.New("this access code has expired: ask the mandate commission for a new one")
	ErrBadToken    = errors.New("this administrator link is not valid or was already used: a link logs in only once")
	ErrNoSession   = errors.New("not logged in")
)

// Options configure a Store. Zero fields take the defaults.
type Options struct {
	// CodeTTL is how long an access code stays valid (default 30 days).
	CodeTTL time.Duration
	// SessionTTL is how long a session lasts (default 14 days).
	SessionTTL time.Duration
	// AdminTokenTTL is how long the administrator link stays valid
	// (default 24 hours).
	AdminTokenTTL time.Duration
	// WrongCodesPerMinute limits the wrong access codes (and wrong
	// administrator links) one client address may try: that many a
	// minute, and as many at once (default 30). A correct code is never
	// limited. IPv6 addresses count by their /64 network. On PostgreSQL
	// the counts are kept in the database, shared by every node on it
	// (wrongcodes.go).
	WrongCodesPerMinute int
	// WrongCodesInAllPerMinute limits the wrong codes from all addresses
	// together, that many a minute and as many at once (default 600).
	WrongCodesInAllPerMinute int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client address and whose X-Forwarded-Proto https marks the
	// session cookie Secure. A request from any other peer is taken at its
	// own address, whatever its headers say.
	TrustedProxies []netip.Prefix
	// SecureCookies marks the session cookie Secure even when neither TLS
	// nor a trusted proxy says the request came over https.
	SecureCookies bool
	// Home returns where a browser goes after logging in, unless the
	// login request names a local "next" path (default "/").
	Home func(*Session) string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// RowKey is the key of the MACs that bind every row granting power
	// (a code, a session, an administrator link) to this server
	// (rowmac.go): RowKey of the server's signing key, the same on every
	// node of a cluster. Required: a row without a valid MAC admits
	// nobody.
	RowKey []byte
	// Superseded, if set, says when the assembly's log last voided a
	// person's codes and sessions — Superseded of the person's access in
	// the assembly's state, rebuilt from the signed log (zero if the log
	// records no issue or revocation for them, or the assembly is not
	// known here): a code or a session of theirs created before it admits
	// nobody, though its row's MAC is plenum's (put back from a backup,
	// putback.go). It is asked outside any transaction of the store's,
	// and must not wait on the database.
	Superseded func(assemblyID, person string) time.Time
	// Logger receives, for the operator, the errors of logins and
	// logouts through the handlers that could not be recorded (the
	// database's, which the person is not shown; default slog.Default()).
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.CodeTTL <= 0 {
		o.CodeTTL = 30 * 24 * time.Hour
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = 14 * 24 * time.Hour
	}
	if o.AdminTokenTTL <= 0 {
		o.AdminTokenTTL = 24 * time.Hour
	}
	if o.WrongCodesPerMinute <= 0 {
		o.WrongCodesPerMinute = 30
	}
	if o.WrongCodesInAllPerMinute <= 0 {
		o.WrongCodesInAllPerMinute = 600
	}
	if o.Home == nil {
		o.Home = func(*Session) string { return "/" }
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// Session is one logged-in browser: who it is and where.
type Session struct {
	// Assembly is the assembly the person belongs to; empty for a server
	// administrator, who may act in every assembly.
	Assembly string `json:"assembly,omitempty"`
	// Person is the person id inside the assembly (AdminPerson for a
	// server administrator).
	Person string `json:"person"`
	// Admin marks a server administrator: may create assemblies and issue
	// access codes in any of them.
	Admin   bool      `json:"admin,omitempty"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`

	// used is when the session was last known to be used (Unix
	// nanoseconds): as read from the database, or marked since
	// (markUsed).
	used int64
	// adminID tells server administrators apart, who all act as
	// AdminPerson: the id of the one-time link that made the session
	// (adminIDOf; access_sessions.admin_id). "" for a person's session,
	// and for an administrator's made before plenum kept it, which is
	// taken for an administrator of its own (ownerWhere).
	adminID string
}

// adminIDOf is the id of the administrator who logs in with the one-time
// link whose token has hash h: the first 16 bytes of h, in hex. The link
// is deleted as it is used, so the id names no token that still logs in.
func adminIDOf(h [32]byte) string { return hex.EncodeToString(h[:16]) }

// In reports whether the session may act in the assembly id: it belongs to
// it, or it is a server administrator's.
func (s *Session) In(id string) bool { return s != nil && (s.Admin || s.Assembly == id) }

// Code is an access code just issued: shown once, on a mandate card.
type Code struct {
	Assembly string    `json:"assembly"`
	Person   string    `json:"person"`
	Code     string    `json:"code"`
	Expires  time.Time `json:"expires"`
}

// Store keeps access codes and sessions in the database of the record
// (the tables of the store's migration 0005_access.sql). Every plenum
// process on the same database sees the same codes and sessions, and a
// code revoked or a session ended through one is over for all. It keeps
// sessions in memory only while nothing but this process can end them
// (sessionCache).
type Store struct {
	db   *store.DB
	opts Options
	// lim counts wrong codes in memory (SQLite), shared through the
	// database (PostgreSQL): wrongcodes.go says why.
	lim    *limiter
	shared *wrongCodes

	// sqlitePath is the SQLite database's absolute path ("" on
	// PostgreSQL): while a Store of this process holds its write lock,
	// sessions are cached.
	sqlitePath string
	cache      sessionCache
	// ended watches the mark of sessions ended by another process
	// (ResetAdmin), while sessions are cached.
	ended endedWatch
	// https is when this database's server first served over https, once
	// read (oldcookie.go).
	https httpsSince
	// sessionQuery reads a session: prepared once, since parsing it
	// again for every request was half the cost of reading a session.
	sessionQuery *sql.Stmt
	// reads gathers the look-ups that read a PostgreSQL database.
	reads sessionReads
	// used holds the last uses of sessions not yet written.
	used usedMarks
	// opened sweeps the cookies opened once (OpenCookieOnce).
	opened openedCookies
	// refused notes the kinds of row refused for their MAC, logged once.
	refused refusedRows
	// putBack notes the kinds of row refused as voided by the log since
	// (putback.go), logged once.
	putBack putBackRows

	logins loginBatch
	// beforeLoginCommit, set by tests, runs before a batch of logins
	// commits; an error from it fails the batch as a failed commit would.
	beforeLoginCommit func() error
	// afterLoginCommit, set by tests, runs after a batch of logins has
	// committed and before they are answered.
	afterLoginCommit func()
	// afterSessionRead, set by tests, runs after Session has read a
	// session, or loaded them all, from the database and before what it
	// read may be cached.
	afterSessionRead func()
}

// Open opens the access codes and sessions in the database dbArg names:
// a SQLite file or a postgres:// URL, as plenum serve's --db, bringing
// its schema up to date if needed (creating a SQLite file if absent).
func Open(dbArg string, opts Options) (*Store, error) {
	opts.defaults()
	if len(opts.RowKey) != RowKeySize {
		return nil, fmt.Errorf("auth: no key for the access rows' MACs (Options.RowKey, %d bytes: auth.RowKey of the signing key)", RowKeySize)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := openDB(ctx, dbArg)
	if err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	s := &Store{db: db, opts: opts, lim: newLimiter(opts), used: usedMarks{delay: UsedFlushDelay}}
	if !db.Postgres {
		if s.sqlitePath, err = filepath.Abs(dbArg); err != nil {
			db.Close()
			return nil, fmt.Errorf("auth: %s: %w", db.Name, err)
		}
	}
	// Expired sessions and codes (and the nonces of cookies opened once,
	// a minute past their time: OpenCookieOnce) are of no use to anyone.
	// They are only tidied away: no read takes an expired one, so if
	// another program's lock on a SQLite database keeps this out
	// (sqlite.ErrBusy), they stay until a later start, and access opens
	// all the same, as the record does (docs/storage.md, "Another
	// program's lock").
	now := opts.Now()
	for _, d := range []struct {
		q      string
		before time.Time
	}{
		{`DELETE FROM access_sessions WHERE expires <= ?`, now},
		{`DELETE FROM access_codes WHERE expires <= ?`, now},
		{`DELETE FROM access_device_links WHERE expires <= ?`, now},
		{`DELETE FROM access_opened_cookies WHERE expires <= ?`, now.Add(-OpenedCookieSkew)},
	} {
		if _, err := s.exec(ctx, s.db.W, d.q, d.before.UnixNano()); err != nil {
			e := s.writeError(err)
			if errors.Is(e, sqlite.ErrBusy) {
				break
			}
			db.Close()
			if e != err { // it names the database
				return nil, fmt.Errorf("auth: %w", e)
			}
			return nil, fmt.Errorf("auth: %s: %w", db.Name, err)
		}
	}
	if db.Postgres {
		s.shared = &wrongCodes{perClient: opts.WrongCodesPerMinute, inAll: opts.WrongCodesInAllPerMinute}
		if err := s.shared.sweep(ctx, s, true); err != nil {
			db.Close()
			return nil, fmt.Errorf("auth: %s: %w", db.Name, err)
		}
	}
	// The rows of a database from before the MACs are sealed once, at
	// the first start after the upgrade (sealOldRows).
	if err := s.sealOldRows(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("auth: %s: sealing the access rows: %w", db.Name, err)
	}
	s.sessionQuery, err = s.db.R.PrepareContext(ctx, s.db.Rebind(`SELECT assembly, person, admin, created, expires, used, admin_id, mac FROM access_sessions WHERE hash = ?`))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("auth: %s: %w", db.Name, err)
	}
	return s, nil
}

// openDB opens the database of Open; tests replace it.
var openDB = store.OpenDB

// writeError is err, of a write to the database, as it is on PostgreSQL;
// on SQLite said as the record's writes say it (sqlite.Explain): which
// database, and for a full disk, a read-only file or another program's
// lock (wrapping sqlite.ErrBusy) what to do.
func (s *Store) writeError(err error) error {
	if err == nil || s.db.Postgres {
		return err
	}
	return sqlite.Explain(s.db.Name, err)
}

// Close writes the last uses of sessions still in memory and closes the
// database.
func (s *Store) Close() error {
	return errors.Join(s.closeUsed(), s.sessionQuery.Close(), s.db.Close())
}

// cacheUsable reports whether sessions may be served from memory: on
// SQLite while a Store of this process holds the database's write lock.
func (s *Store) cacheUsable() bool { return s.sqlitePath != "" && sqlite.HeldHere(s.sqlitePath) }

// execer runs a statement: the database or a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) exec(ctx context.Context, e execer, query string, args ...any) (sql.Result, error) {
	return e.ExecContext(ctx, s.db.Rebind(query), args...)
}

func (s *Store) queryRow(ctx context.Context, e execer, query string, args ...any) *sql.Row {
	return e.QueryRowContext(ctx, s.db.Rebind(query), args...)
}

// begin starts a writing transaction: on SQLite it holds the database's
// write lock from the start (BEGIN IMMEDIATE), so that the transactions
// of access run one at a time; on PostgreSQL the rows they touch are
// locked as they go (see Login and replaceCodes).
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	return s.db.W.BeginTx(ctx, nil)
}

// codeAlphabet has 32 letters and digits without the look-alikes I, O, 0
// and 1: each character carries 5 bits.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

var codeEncoding = base32.NewEncoding(codeAlphabet).WithPadding(base32.NoPadding)

// CodeBits is the entropy of an access code.
const CodeBits = 80

// newCode returns a random access code of 16 characters (80 bits) in
// groups of four: "ABCD-EFGH-JKLM-NPQR".
func newCode() string {
	var b [CodeBits / 8]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	c := codeEncoding.EncodeToString(b[:])
	return c[0:4] + "-" + c[4:8] + "-" + c[8:12] + "-" + c[12:16]
}

// normalizeCode reduces a code as typed to its 16 characters: case,
// dashes and white space do not matter — any Unicode white space (a
// no-break space, a line break, an ideographic space: what a phone pastes
// with a code) and the zero-width characters that separate nothing
// visibly, as ASCII spaces. Everything else counts.
func normalizeCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r == '-' || unicode.IsSpace(r) || zeroWidth(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zeroWidth reports whether r is a character of no width that text
// copied from a message or a page may carry between others: zero-width
// space, non-joiner, joiner, word joiner, byte order mark.
func zeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

func hashCode(code string) [32]byte { return sha256.Sum256([]byte("code:" + normalizeCode(code))) }

func newToken() (string, [32]byte) {
	var b [32]byte
	rand.Read(b[:])
	t := base64.RawURLEncoding.EncodeToString(b[:])
	return t, hashToken(t)
}

func hashToken(t string) [32]byte {
	// On the stack for every token of the usual length, not a string
	// concatenated on the heap for every request.
	var buf [128]byte
	return sha256.Sum256(append(append(buf[:0], "token:"...), t...))
}

// IssueCodes makes a new access code for each person of the assembly and
// returns them; this is the only time they are seen. In one transaction it
// voids each person's earlier code and ends their sessions, so that a
// re-issued code leaves nobody logged in with the old one. The persons are
// not checked here: the caller (package cards) records the issue in the
// assembly's log first, where the rules decide who may have a code.
func (s *Store) IssueCodes(ctx context.Context, assemblyID string, persons []string) ([]Code, error) {
	return s.IssueRecordedCodes(ctx, assemblyID, persons, s.opts.Now())
}

// IssueRecordedCodes is IssueCodes for an issue the assembly's log records
// at time recorded: the codes carry that time as their creation, so that
// VoidUnissuedCodes can tell, after a crash, whether the recorded issue was
// carried out. They expire CodeTTL from now, not from recorded.
func (s *Store) IssueRecordedCodes(ctx context.Context, assemblyID string, persons []string, recorded time.Time) ([]Code, error) {
	return s.issueRecordedCodes(ctx, assemblyID, persons, recorded, &ending{why: EndedReplaced})
}

// issueRecordedCodes is IssueRecordedCodes, the sessions it ends noted
// as e says (endSessions).
func (s *Store) issueRecordedCodes(ctx context.Context, assemblyID string, persons []string, recorded time.Time, e *ending) ([]Code, error) {
	exp := s.opts.Now().UTC().Add(s.opts.CodeTTL)
	created := recorded.UTC().UnixNano()
	out := make([]Code, 0, len(persons))
	err := s.replaceCodes(ctx, assemblyID, persons, e, func(tx *sql.Tx, p string) error {
		c := newCode()
		h := hashCode(c)
		if _, err := s.exec(ctx, tx, `INSERT INTO access_codes (hash, assembly, person, created, expires, mac) VALUES (?, ?, ?, ?, ?, ?)`,
			h[:], assemblyID, p, created, exp.UnixNano(), codeMAC(s.opts.RowKey, h[:], assemblyID, p, created, exp.UnixNano())); err != nil {
			return err
		}
		out = append(out, Code{Assembly: assemblyID, Person: p, Code: c, Expires: exp})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RevokeCodes voids the persons' access codes and ends their sessions, in
// one transaction, each session leaving a note of a revocation by no one
// named (RevokeCodesBy names the officer).
func (s *Store) RevokeCodes(ctx context.Context, assemblyID string, persons []string) error {
	return s.replaceCodes(ctx, assemblyID, persons, &ending{why: EndedRevoked}, nil)
}

// VoidUnissuedCodes carries out the voiding half of issues the record
// holds but the codes do not: issued maps each person to the time of the
// latest issue the assembly's log records for them. A person with no code
// made at or after that time had the issue recorded and then the server
// stopped (or the code store failed) before the new code was made; the
// record says their earlier code was voided and their sessions ended, so
// that is done now, in one transaction. It returns the persons voided, in
// no particular order. A server runs it at start (cards.Reconcile).
func (s *Store) VoidUnissuedCodes(ctx context.Context, assemblyID string, issued map[string]time.Time) ([]string, error) {
	if len(issued) == 0 {
		return nil, nil
	}
	// Only plenum's codes count (rowmac.go): a row planted with a late
	// creation must not pass for the code a recorded issue made.
	newest, err := s.newestCodes(ctx, s.db.R, assemblyID, nil)
	if err != nil {
		return nil, err
	}
	var stale []string
	for p, at := range issued {
		if c, ok := newest[p]; !ok || c < at.UTC().UnixNano() {
			stale = append(stale, p)
		}
	}
	if len(stale) == 0 {
		return nil, nil
	}
	return stale, s.replaceCodes(ctx, assemblyID, stale, &ending{why: EndedReplaced}, nil)
}

// replaceCodes deletes the persons' codes and sessions, each session
// leaving a note as e says (endSessions), and, with add, lets it insert
// a new code for each, in one transaction. On PostgreSQL it
// first locks the codes against other issues and revocations (not against
// logins, which only read them), so that two nodes issuing a person's code
// at once leave one code, not two.
func (s *Store) replaceCodes(ctx context.Context, assemblyID string, persons []string, e *ending, add func(tx *sql.Tx, person string) error) (err error) {
	s.cache.dropPersons(assemblyID, persons)
	defer func() {
		if err != nil {
			// The persons' sessions live on, but are no longer in a
			// complete cache: read them all again.
			s.cache.reset()
			err = s.writeError(err)
			return
		}
		s.cache.dropPersons(assemblyID, persons)
	}()
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.db.Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE access_codes IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
	}
	for _, p := range persons {
		if _, err := s.exec(ctx, tx, `DELETE FROM access_codes WHERE assembly = ? AND person = ?`, assemblyID, p); err != nil {
			return err
		}
		if _, err := s.endSessions(ctx, tx, e, `assembly = ? AND person = ? AND NOT admin`, assemblyID, p); err != nil {
			return err
		}
		if add != nil {
			if err := add(tx, p); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// Login exchanges an access code for a new session and returns the
// session and its token (the cookie's value). It returns ErrBadCode or
// ErrExpiredCode for a code that does not admit (a code row plenum did
// not write, its MAC wrong or missing, is ErrBadCode: rowmac.go). Reading
// the code and making the session are one transaction, holding the code
// (on PostgreSQL a shared lock on its row, on SQLite the write lock) so
// that a revocation or re-issue, through this process or another, cannot
// slip between them and leave a session of a code that is gone.
//
// Logins made at once are committed together (see loginBatch): Login
// returns once its session is durable, or with the error of the commit
// that would have made it, in which case no session of it exists.
func (s *Store) Login(ctx context.Context, code string) (*Session, string, error) {
	return s.LoginFrom(ctx, code, Device{})
}

// LoginFrom is Login from a browser of the given device (DeviceOf its
// User-Agent), which the session keeps for the sessions page.
func (s *Store) LoginFrom(ctx context.Context, code string, device Device) (*Session, string, error) {
	now := s.opts.Now().UTC()
	t, th := newToken()
	r := &loginReq{
		code:   hashCode(code),
		token:  th,
		sess:   Session{Created: now, Expires: now.Add(s.opts.SessionTTL), used: now.UnixNano()},
		device: knownDevice(device),
		done:   make(chan bool, 1),
	}
	s.logins.mu.Lock()
	s.logins.waiting = append(s.logins.waiting, r)
	lead := !s.logins.busy
	s.logins.busy = true
	s.logins.mu.Unlock()
	if !lead {
		// Answered by the caller committing the batch this request is in,
		// or told to commit the next batch (true). A caller whose ctx ends
		// still waits: its session may be committing already.
		lead = <-r.done
	}
	if lead {
		s.commitLogins(ctx)
	}
	if r.err != nil {
		return nil, "", r.err
	}
	if !r.ok {
		if r.expired {
			return nil, "", ErrExpiredCode
		}
		return nil, "", ErrBadCode
	}
	return &r.sess, t, nil
}

// loginBatch gathers the logins made at once into one transaction (one
// sync for a hall logging in together). The first Login to find no batch
// in flight commits every login waiting, its own among them; logins
// arriving meanwhile wait, and the committing caller hands the next batch
// to the first of them. There are no timers: a lone login commits at
// once.
type loginBatch struct {
	mu      sync.Mutex
	busy    bool // a caller is committing, or has been handed the next batch
	waiting []*loginReq
}

// loginReq is one Login in a batch: its code's hash and new session, and
// once committed, its answer.
type loginReq struct {
	code, token [32]byte
	sess        Session // Assembly and Person filled in by the commit
	device      Device
	done        chan bool

	ok      bool  // the code admitted: the session is durable
	expired bool  // not ok: the code is plenum's, and has expired
	err     error // the batch failed: no session was made
}

// maxLoginBatch bounds the sessions one transaction inserts.
const maxLoginBatch = 1024

// commitLogins commits the waiting logins, at most maxLoginBatch, in one
// transaction, answers each, and hands what waits meanwhile to the next
// committer (or, with nothing waiting, lets the next Login commit).
func (s *Store) commitLogins(ctx context.Context) {
	s.logins.mu.Lock()
	batch := s.logins.waiting
	if len(batch) > maxLoginBatch {
		batch = batch[:maxLoginBatch:maxLoginBatch]
	}
	s.logins.waiting = s.logins.waiting[len(batch):]
	s.logins.mu.Unlock()

	// The batch is everyone's: one caller giving up does not fail it.
	err := s.insertLogins(context.WithoutCancel(ctx), batch)
	if err != nil {
		err = fmt.Errorf("auth: logging in failed, no session was made (try again): %w", s.writeError(err))
		for _, r := range batch {
			r.ok, r.err = false, err
		}
	}
	s.logins.mu.Lock()
	var next *loginReq
	if len(s.logins.waiting) > 0 {
		next = s.logins.waiting[0]
	} else {
		s.logins.busy = false
		s.logins.waiting = nil
	}
	s.logins.mu.Unlock()
	for _, r := range batch {
		r.done <- false
	}
	if next != nil {
		next.done <- true
	}
}

// insertLogins makes the batch's sessions in one transaction: each read
// from its code's row (on PostgreSQL holding a shared lock on it until the
// commit, so that a revocation or re-issue cannot slip between) and, if
// the row is plenum's (its MAC) and not expired, inserted with its own
// MAC; a code wrong, expired, revoked or not plenum's makes no session and
// fails only its own login. It sets each request's ok; any other error
// fails the whole transaction.
func (s *Store) insertLogins(ctx context.Context, batch []*loginReq) error {
	cuts, err := s.codeCuts(ctx, batch)
	if err != nil {
		return err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	q := `SELECT assembly, person, created, expires, mac FROM access_codes WHERE hash = ?`
	if s.db.Postgres {
		q += ` FOR SHARE`
	}
	read, err := tx.PrepareContext(ctx, s.db.Rebind(q))
	if err != nil {
		return err
	}
	defer read.Close()
	insert, err := tx.PrepareContext(ctx, s.db.Rebind(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, browser, platform, used, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insert.Close()
	key := s.opts.RowKey
	for _, r := range batch {
		created, exp := r.sess.Created.UnixNano(), r.sess.Expires.UnixNano()
		var codeCreated, codeExp int64
		var mac []byte
		err := read.QueryRowContext(ctx, r.code[:]).Scan(&r.sess.Assembly, &r.sess.Person, &codeCreated, &codeExp, &mac)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			r.ok = false
			continue
		case err != nil:
			return err
		}
		if !macOK(mac, codeMAC(key, r.code[:], r.sess.Assembly, r.sess.Person, codeCreated, codeExp)) {
			s.rowRefused(rowCode)
			r.ok, r.sess.Assembly, r.sess.Person = false, "", ""
			continue
		}
		// A code the log voided since (a revocation, a replacement) is
		// refused as one not plenum's is, whether or not it has expired.
		if voided, putBack := codeVoided(cuts, r.sess.Assembly, r.sess.Person, codeCreated); voided {
			if putBack {
				s.rowPutBack(rowCode, r.sess.Assembly)
			}
			r.ok, r.sess.Assembly, r.sess.Person = false, "", ""
			continue
		}
		if codeExp <= created {
			r.ok, r.expired, r.sess.Assembly, r.sess.Person = false, true, "", ""
			continue
		}
		// Made no earlier than its code, which carries the time of its
		// issue in the log: a session of a code issued after a
		// revocation is then never taken for one voided by it
		// (putback.go), whatever this server's clock says.
		if codeCreated > created {
			created = codeCreated
			r.sess.Created = time.Unix(0, created).UTC()
		}
		smac := sessionMAC(key, r.token[:], r.sess.Assembly, r.sess.Person, false, "", created, exp)
		if _, err := insert.ExecContext(ctx, r.token[:], r.sess.Assembly, r.sess.Person, false, created, exp, r.device.Browser, r.device.Platform, r.sess.used, smac); err != nil {
			return err
		}
		r.ok = true
	}
	if s.beforeLoginCommit != nil {
		if err := s.beforeLoginCommit(); err != nil {
			return err
		}
	}
	// Into the cache before the commit, while the transaction still
	// holds the database's write lock: a revocation or re-issue of a code
	// (replaceCodes) can then only drop the session after it is there,
	// whereas added after the commit it could land behind the revocation
	// and be accepted from memory though deleted from the database. Its
	// token is handed out only once committed.
	for _, r := range batch {
		if r.ok {
			s.cache.add(r.token, r.sess)
		}
	}
	if err := tx.Commit(); err != nil {
		for _, r := range batch {
			if r.ok {
				s.cache.drop(r.token)
			}
		}
		return err
	}
	if s.afterLoginCommit != nil {
		s.afterLoginCommit()
	}
	return nil
}

// NewSessions makes sessions for persons of an assembly directly, in one
// transaction, and returns their tokens in order. It is for trusted callers
// (tests, plenum bench), not for the web.
func (s *Store) NewSessions(ctx context.Context, assemblyID string, persons []string) ([]string, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, s.writeError(err)
	}
	defer tx.Rollback()
	tokens := make([]string, len(persons))
	made := make([]*Session, len(persons))
	for i, p := range persons {
		if made[i], tokens[i], err = s.insertSession(ctx, tx, assemblyID, p, "", Device{}); err != nil {
			return nil, s.writeError(err)
		}
	}
	// Cached before the commit, as Login's sessions are (insertLogins).
	for i, t := range tokens {
		s.cache.add(hashToken(t), *made[i])
	}
	if err := tx.Commit(); err != nil {
		for _, t := range tokens {
			s.cache.drop(hashToken(t))
		}
		return nil, s.writeError(err)
	}
	return tokens, nil
}

// insertSession makes a new session of device in tx and returns it and
// its token: a server administrator's if adminID (adminIDOf) is not "".
func (s *Store) insertSession(ctx context.Context, tx *sql.Tx, assemblyID, person, adminID string, device Device) (*Session, string, error) {
	now := s.opts.Now().UTC()
	t, h := newToken()
	admin := adminID != ""
	sess := &Session{Assembly: assemblyID, Person: person, Admin: admin, Created: now, Expires: now.Add(s.opts.SessionTTL), used: now.UnixNano(), adminID: adminID}
	device = knownDevice(device)
	mac := sessionMAC(s.opts.RowKey, h[:], assemblyID, person, admin, adminID, now.UnixNano(), sess.Expires.UnixNano())
	_, err := s.exec(ctx, tx, `INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, browser, platform, used, admin_id, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		h[:], assemblyID, person, admin, now.UnixNano(), sess.Expires.UnixNano(), device.Browser, device.Platform, now.UnixNano(), adminID, mac)
	if err != nil {
		return nil, "", err
	}
	return sess, t, nil
}

// Session returns the live session with the given token, or ErrNoSession.
// It reads the database, so that a session ended through another process
// is over here too, unless no other process can end it (sessionCache).
func (s *Store) Session(ctx context.Context, token string) (*Session, error) {
	sess, err := s.session(ctx, token)
	if err != nil {
		return nil, err
	}
	return &sess, nil
}

// session is Session returning the session itself, for a caller that
// keeps it in a place of its own: sessionContext keeps it in the
// request's context, one allocation for both.
func (s *Store) session(ctx context.Context, token string) (Session, error) {
	if token == "" {
		return Session{}, ErrNoSession
	}
	h := hashToken(token)
	usable := s.cacheUsable()
	if usable {
		s.watchEnded(ctx)
	}
	l := s.cache.get(usable, h)
	if l.load {
		// A failed load leaves the cache reading through.
		if s.loadSessions(ctx, l.gen) == nil {
			l = s.cache.get(usable, h)
		}
	}
	if l.absent {
		return Session{}, ErrNoSession
	}
	sess := l.sess
	if !l.found {
		var err error
		if sess, err = s.readSession(ctx, h); err != nil {
			return Session{}, err
		}
		if s.afterSessionRead != nil {
			s.afterSessionRead()
		}
	}
	if s.voided(&sess) {
		// Made before a revocation or replacement the log records
		// (putback.go): refused as a row not plenum's is.
		s.rowPutBack(rowSession, sess.Assembly)
		return Session{}, ErrNoSession
	}
	now := s.opts.Now()
	if !now.Before(sess.Expires) {
		s.forget(ctx, h)
		return Session{}, ErrNoSession
	}
	if t := now.UnixNano(); t-sess.used >= int64(UsedEvery) {
		// Used again, a while after its last known use: marked, and
		// written later with the others (usedMarks), never here.
		sess.used = t
		s.markUsed(h, t)
		if l.found {
			s.cache.touch(h, t)
		}
	}
	if !l.found {
		s.cache.put(h, sess, l.gen)
	}
	return sess, nil
}

// Logout ends the session with the given token.
func (s *Store) Logout(ctx context.Context, token string) error {
	return s.forget(ctx, hashToken(token))
}

func (s *Store) forget(ctx context.Context, h [32]byte) error {
	s.cache.drop(h)
	if _, err := s.exec(ctx, s.db.W, `DELETE FROM access_sessions WHERE hash = ?`, h[:]); err != nil {
		// The session lives on, but is no longer in a complete cache:
		// read them all again.
		s.cache.reset()
		return s.writeError(err)
	}
	s.cache.drop(h)
	return nil
}

// BootstrapAdmin returns a one-time administrator login link (base, e.g.
// "http://localhost:8080", followed by /login?admin=TOKEN) as long as no
// server administrator has ever logged in; after that it returns "". Each
// call makes a new token and voids the earlier ones, so the link printed
// at the latest start is the one that works.
func (s *Store) BootstrapAdmin(ctx context.Context, base string) (string, error) {
	var v string
	err := s.queryRow(ctx, s.db.W, `SELECT v FROM access_meta WHERE k = 'admin_used'`).Scan(&v)
	if err == nil {
		return "", nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	t, err := s.NewAdminToken(ctx)
	if err != nil {
		return "", err
	}
	return AdminLink(base, t), nil
}

// AdminTokenPending reports whether an administrator token is waiting to
// be used (made and not yet used or expired), and until when it is valid:
// a node of a cluster, starting beside others, leaves the link another
// node printed valid rather than voiding it with a new one. An
// administrator's device link (NewDeviceLink) is no such token.
func (s *Store) AdminTokenPending(ctx context.Context) (bool, time.Time, error) {
	var exp sql.NullInt64
	err := s.queryRow(ctx, s.db.W, `SELECT max(expires) FROM access_admin_tokens WHERE expires > ? AND admin_id = ''`, s.opts.Now().UnixNano()).Scan(&exp)
	if err != nil || !exp.Valid {
		return false, time.Time{}, err
	}
	return true, time.Unix(0, exp.Int64), nil
}

// NewAdminToken voids every unused administrator token (the
// administrators' device links too) and returns a new one, valid once
// within Options.AdminTokenTTL.
func (s *Store) NewAdminToken(ctx context.Context) (string, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return "", s.writeError(err)
	}
	defer tx.Rollback()
	t, err := s.newAdminToken(ctx, tx)
	if err != nil {
		return "", s.writeError(err)
	}
	if err := tx.Commit(); err != nil {
		return "", s.writeError(err)
	}
	return t, nil
}

// newAdminToken voids every unused administrator token and makes a new
// one, in tx.
func (s *Store) newAdminToken(ctx context.Context, tx *sql.Tx) (string, error) {
	t, h := newToken()
	for _, q := range []string{`DELETE FROM access_admin_tokens`, `DELETE FROM access_device_links`} {
		if _, err := s.exec(ctx, tx, q); err != nil {
			return "", err
		}
	}
	exp := s.opts.Now().Add(s.opts.AdminTokenTTL).UnixNano()
	if _, err := s.exec(ctx, tx, `INSERT INTO access_admin_tokens (hash, expires, mac) VALUES (?, ?, ?)`, h[:], exp, adminTokenMAC(s.opts.RowKey, h[:], "", exp)); err != nil {
		return "", err
	}
	return t, nil
}

// OperatorReset is what ResetAdmin did.
type OperatorReset struct {
	// Token is the new administrator token (AdminLink makes the link).
	Token string
	// Expires is when the token stops being valid, if unused.
	Expires time.Time
	// Ended counts the server administrators' sessions ended (with
	// endSessions), each leaving a note for the browser that held it
	// (EndedSession, EndedAdminLink).
	Ended int
}

// ResetAdmin is the operator's way back in (plenum access admin-link),
// once a server administrator has logged in and BootstrapAdmin makes no
// more links: in one transaction it voids every unused administrator
// token and makes a new one, valid once within Options.AdminTokenTTL,
// and, with endSessions, ends every server administrator's session (a
// lost or leaked one: revoking codes never ends them). It needs no lock
// but the database's own, so it works while plenum serve runs on the same
// database, SQLite or PostgreSQL.
//
// Ending sessions also writes a new mark (access_meta
// 'sessions_ended'): a process that keeps its sessions in memory (plenum
// serve on SQLite, sessionCache) reads the mark at most
// SessionsEndedNotice apart and reads every session again when it has
// changed. On SQLite ResetAdmin returns only after that time, so that
// once it has returned no process on the database accepts an ended
// session. Each reset is also noted in access_meta ('admin_reset': when,
// and how many sessions it ended), for an auditor.
func (s *Store) ResetAdmin(ctx context.Context, endSessions bool) (_ *OperatorReset, err error) {
	if endSessions {
		s.cache.dropAdmins()
		defer func() {
			if err != nil {
				s.cache.reset()
				return
			}
			s.cache.dropAdmins()
		}()
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, s.writeError(err)
	}
	defer tx.Rollback()
	r := &OperatorReset{Expires: s.opts.Now().Add(s.opts.AdminTokenTTL).UTC()}
	now := s.opts.Now().UTC()
	// The sessions are ended before the unused tokens are voided: a
	// device link made at the same time (NewDeviceLink, which holds its
	// session's row until it commits) is then either never made or
	// already there to be voided.
	if endSessions {
		// Each leaves a note for the browser that held it (EndedSession):
		// ended by a new administrator link, made on the console.
		n, err := s.endSessions(ctx, tx, &ending{why: EndedAdminLink}, `admin`)
		if err != nil {
			return nil, s.writeError(err)
		}
		r.Ended = int(n)
		mark, _ := newToken()
		if err := s.setMeta(ctx, tx, endedKey, now.Format(time.RFC3339Nano)+" "+mark); err != nil {
			return nil, s.writeError(err)
		}
	}
	if r.Token, err = s.newAdminToken(ctx, tx); err != nil {
		return nil, s.writeError(err)
	}
	note := fmt.Sprintf("%s: a new administrator link made by the operator, %d server administrator sessions ended", now.Format(time.RFC3339), r.Ended)
	if !endSessions {
		note = fmt.Sprintf("%s: a new administrator link made by the operator, sessions left as they were", now.Format(time.RFC3339))
	}
	if err := s.setMeta(ctx, tx, "admin_reset", note); err != nil {
		return nil, s.writeError(err)
	}
	if err := tx.Commit(); err != nil {
		return nil, s.writeError(err)
	}
	if endSessions && !s.db.Postgres {
		// A plenum serve on this file may be answering from memory:
		// wait until it has read the mark.
		t := time.NewTimer(SessionsEndedNotice + 100*time.Millisecond)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return r, fmt.Errorf("auth: the sessions were ended, but a plenum serve on %s may accept them for up to %v more: %w", s.db.Name, SessionsEndedNotice, ctx.Err())
		}
	}
	return r, nil
}

// setMeta sets the access_meta row k to v, in tx.
func (s *Store) setMeta(ctx context.Context, tx *sql.Tx, k, v string) error {
	_, err := s.exec(ctx, tx, `INSERT INTO access_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v`, k, v)
	return err
}

// LoginAdmin uses up an administrator token and returns a server
// administrator's session and its cookie token, or ErrBadToken. The token
// is deleted as it is read, so two processes given it at once admit one.
func (s *Store) LoginAdmin(ctx context.Context, token string) (*Session, string, error) {
	return s.LoginAdminFrom(ctx, token, Device{})
}

// LoginAdminFrom is LoginAdmin from a browser of the given device, as
// LoginFrom.
func (s *Store) LoginAdminFrom(ctx context.Context, token string, device Device) (_ *Session, _ string, err error) {
	defer func() { err = s.writeError(err) }()
	h := hashToken(token)
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, "", err
	}
	defer tx.Rollback()
	var exp int64
	var id string
	var mac []byte
	err = s.queryRow(ctx, tx, `DELETE FROM access_admin_tokens WHERE hash = ? RETURNING expires, admin_id, mac`, h[:]).Scan(&exp, &id, &mac)
	if err == nil && !macOK(mac, adminTokenMAC(s.opts.RowKey, h[:], id, exp)) {
		// Not plenum's: refused as an unknown link (and deleted).
		s.rowRefused(rowAdminToken)
		if err := tx.Commit(); err != nil {
			return nil, "", err
		}
		return nil, "", ErrBadToken
	}
	if errors.Is(err, sql.ErrNoRows) {
		exp, id, err = s.deviceLinkOf(ctx, tx, h)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", ErrBadToken
	}
	if err != nil {
		return nil, "", err
	}
	if s.opts.Now().UnixNano() >= exp {
		if err := tx.Commit(); err != nil {
			return nil, "", err
		}
		return nil, "", ErrBadToken
	}
	if _, err := s.exec(ctx, tx, `INSERT INTO access_meta (k, v) VALUES ('admin_used', ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v`, s.opts.Now().UTC().Format(time.RFC3339)); err != nil {
		return nil, "", err
	}
	// Each link is an administrator of his own (adminIDOf): the sessions
	// page shows him, and lets him end, only the sessions of his link,
	// not those of every server administrator; a device link
	// (NewDeviceLink) logs in as the administrator who made it.
	if id == "" {
		id = adminIDOf(h)
	}
	sess, t, err := s.insertSession(ctx, tx, "", AdminPerson, id, device)
	if err != nil {
		return nil, "", err
	}
	// Cached before the commit, as Login's sessions are (insertLogins):
	// added after it, the session could land behind a ResetAdmin that
	// ended it, and be accepted from memory.
	s.cache.add(hashToken(t), *sess)
	if err := tx.Commit(); err != nil {
		s.cache.drop(hashToken(t))
		return nil, "", err
	}
	return sess, t, nil
}

// LoginLink returns the address a mandate card's QR code holds: base
// followed by /login?code=CODE.
func LoginLink(base, code string) string {
	return strings.TrimRight(base, "/") + "/login?code=" + code
}

// AdminLink returns the one-time administrator login address.
func AdminLink(base, token string) string {
	return strings.TrimRight(base, "/") + "/login?admin=" + token
}
