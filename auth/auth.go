// Package auth admits people to plenum: personal access codes handed out on
// mandate cards, sessions kept in HttpOnly cookies, a one-time link for the
// first server administrator, and rate limits on logging in.
//
// Access codes and session tokens are random (crypto/rand) and stored only
// as SHA-256 hashes, in a small SQLite database of their own (access.db in
// the data directory), never in an assembly's public ledger. A code
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
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"plenum/assembly"
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
	// limited. IPv6 addresses count by their /64 network.
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

	hash [32]byte
	gen  uint64 // Store.gen before the session was made or read
}

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

// Store keeps access codes and sessions in SQLite.
type Store struct {
	db   *sql.DB
	opts Options
	lim  *limiter

	mu       sync.RWMutex
	sessions map[[32]byte]*Session // cache of sessions looked up or made
	// gen counts the times sessions were ended; ended holds, per assembly
	// and person, the count when theirs last were (a code issued or
	// revoked). A session remembers the count from before it was made or
	// read from the database, so one that raced the ending is over too.
	gen   uint64
	ended map[personKey]uint64
}

type personKey struct{ assembly, person string }

const schema = `
CREATE TABLE IF NOT EXISTS codes (
	hash     BLOB PRIMARY KEY,
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	created  INTEGER NOT NULL,
	expires  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS codes_person ON codes(assembly, person);
CREATE TABLE IF NOT EXISTS sessions (
	hash     BLOB PRIMARY KEY,
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	admin    INTEGER NOT NULL,
	created  INTEGER NOT NULL,
	expires  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_tokens (
	hash    BLOB PRIMARY KEY,
	expires INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
	k TEXT PRIMARY KEY,
	v TEXT NOT NULL
);
`

// Open opens (creating if needed) the access database at path.
func Open(path string, opts Options) (*Store, error) {
	opts.defaults()
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer; the session cache serves reads
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("auth: %s: %w", path, err)
	}
	// Expired sessions and codes are of no use to anyone.
	now := opts.Now().UnixNano()
	if _, err := db.Exec(`DELETE FROM sessions WHERE expires <= ?; DELETE FROM codes WHERE expires <= ?`, now, now); err != nil {
		db.Close()
		return nil, fmt.Errorf("auth: %s: %w", path, err)
	}
	return &Store{
		db:       db,
		opts:     opts,
		lim:      newLimiter(opts),
		sessions: map[[32]byte]*Session{},
		ended:    map[personKey]uint64{},
	}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

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
// spaces and dashes do not matter.
func normalizeCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hashCode(code string) [32]byte { return sha256.Sum256([]byte("code:" + normalizeCode(code))) }

func newToken() (string, [32]byte) {
	var b [32]byte
	rand.Read(b[:])
	t := base64.RawURLEncoding.EncodeToString(b[:])
	return t, hashToken(t)
}

func hashToken(t string) [32]byte { return sha256.Sum256([]byte("token:" + t)) }

// IssueCodes makes a new access code for each person of the assembly and
// returns them; this is the only time they are seen. In one transaction it
// voids each person's earlier code and ends their sessions, so that a
// re-issued code leaves nobody logged in with the old one. The persons are
// not checked here: the caller (package cards) records the issue in the
// assembly's log first, where the rules decide who may have a code.
func (s *Store) IssueCodes(ctx context.Context, assemblyID string, persons []string) ([]Code, error) {
	now := s.opts.Now().UTC()
	exp := now.Add(s.opts.CodeTTL)
	out := make([]Code, 0, len(persons))
	err := s.replaceCodes(ctx, assemblyID, persons, func(ins *sql.Stmt, p string) error {
		c := newCode()
		h := hashCode(c)
		if _, err := ins.ExecContext(ctx, h[:], assemblyID, p, now.UnixNano(), exp.UnixNano()); err != nil {
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
// one transaction.
func (s *Store) RevokeCodes(ctx context.Context, assemblyID string, persons []string) error {
	return s.replaceCodes(ctx, assemblyID, persons, nil)
}

// replaceCodes deletes the persons' codes and sessions and, with add, lets
// it insert a new code for each, in one transaction; then it forgets the
// sessions it ended.
func (s *Store) replaceCodes(ctx context.Context, assemblyID string, persons []string, add func(ins *sql.Stmt, person string) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	delCodes, err := tx.PrepareContext(ctx, `DELETE FROM codes WHERE assembly = ? AND person = ?`)
	if err != nil {
		return err
	}
	delSessions, err := tx.PrepareContext(ctx, `DELETE FROM sessions WHERE assembly = ? AND person = ? AND admin = 0`)
	if err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO codes(hash, assembly, person, created, expires) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, p := range persons {
		if _, err := delCodes.ExecContext(ctx, assemblyID, p); err != nil {
			return err
		}
		if _, err := delSessions.ExecContext(ctx, assemblyID, p); err != nil {
			return err
		}
		if add != nil {
			if err := add(ins, p); err != nil {
				return err
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.mu.Lock()
	s.gen++
	for _, p := range persons {
		s.ended[personKey{assemblyID, p}] = s.gen
	}
	for h, sess := range s.sessions {
		if !sess.Admin && sess.Assembly == assemblyID && s.ended[personKey{assemblyID, sess.Person}] == s.gen {
			delete(s.sessions, h)
		}
	}
	s.mu.Unlock()
	return nil
}

// generation is the count of endings so far, for a session about to be
// made or read.
func (s *Store) generation() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Login exchanges an access code for a new session and returns the
// session and its token (the cookie's value). It returns ErrBadCode or
// ErrExpiredCode for a code that does not admit.
func (s *Store) Login(ctx context.Context, code string) (*Session, string, error) {
	gen := s.generation() // before the code is read: a code replaced meanwhile makes no live session
	h := hashCode(code)
	var a, p string
	var exp int64
	err := s.db.QueryRowContext(ctx, `SELECT assembly, person, expires FROM codes WHERE hash = ?`, h[:]).Scan(&a, &p, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", ErrBadCode
	}
	if err != nil {
		return nil, "", err
	}
	if s.opts.Now().UnixNano() >= exp {
		return nil, "", ErrExpiredCode
	}
	return s.newSession(ctx, a, p, false, gen)
}

// NewSessions makes sessions for persons of an assembly directly, in one
// transaction, and returns their tokens in order. It is for trusted callers
// (tests, plenum bench), not for the web.
func (s *Store) NewSessions(ctx context.Context, assemblyID string, persons []string) ([]string, error) {
	now := s.opts.Now().UTC()
	gen := s.generation()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO sessions(hash, assembly, person, admin, created, expires) VALUES (?, ?, ?, 0, ?, ?)`)
	if err != nil {
		return nil, err
	}
	tokens := make([]string, len(persons))
	made := make([]*Session, len(persons))
	for i, p := range persons {
		t, h := newToken()
		sess := &Session{Assembly: assemblyID, Person: p, Created: now, Expires: now.Add(s.opts.SessionTTL), hash: h, gen: gen}
		if _, err := ins.ExecContext(ctx, h[:], assemblyID, p, now.UnixNano(), sess.Expires.UnixNano()); err != nil {
			return nil, err
		}
		tokens[i], made[i] = t, sess
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	for _, sess := range made {
		s.sessions[sess.hash] = sess
	}
	s.mu.Unlock()
	return tokens, nil
}

func (s *Store) newSession(ctx context.Context, assemblyID, person string, admin bool, gen uint64) (*Session, string, error) {
	now := s.opts.Now().UTC()
	t, h := newToken()
	sess := &Session{Assembly: assemblyID, Person: person, Admin: admin, Created: now, Expires: now.Add(s.opts.SessionTTL), hash: h, gen: gen}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions(hash, assembly, person, admin, created, expires) VALUES (?, ?, ?, ?, ?, ?)`,
		h[:], assemblyID, person, admin, now.UnixNano(), sess.Expires.UnixNano())
	if err != nil {
		return nil, "", err
	}
	s.mu.Lock()
	s.sessions[h] = sess
	s.mu.Unlock()
	return sess, t, nil
}

// Session returns the live session with the given token, or ErrNoSession.
func (s *Store) Session(ctx context.Context, token string) (*Session, error) {
	if token == "" {
		return nil, ErrNoSession
	}
	h := hashToken(token)
	now := s.opts.Now()
	s.mu.RLock()
	sess, ok := s.sessions[h]
	s.mu.RUnlock()
	if !ok {
		gen := s.generation()
		var a, p string
		var admin bool
		var created, exp int64
		err := s.db.QueryRowContext(ctx, `SELECT assembly, person, admin, created, expires FROM sessions WHERE hash = ?`, h[:]).Scan(&a, &p, &admin, &created, &exp)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNoSession
		}
		if err != nil {
			return nil, err
		}
		sess = &Session{Assembly: a, Person: p, Admin: admin, Created: time.Unix(0, created).UTC(), Expires: time.Unix(0, exp).UTC(), hash: h, gen: gen}
		s.mu.Lock()
		s.sessions[h] = sess
		s.mu.Unlock()
	}
	if !now.Before(sess.Expires) {
		s.forget(ctx, h)
		return nil, ErrNoSession
	}
	if !sess.Admin {
		s.mu.RLock()
		end, ok := s.ended[personKey{sess.Assembly, sess.Person}]
		s.mu.RUnlock()
		if ok && sess.gen < end {
			s.forget(ctx, h)
			return nil, ErrNoSession
		}
	}
	return sess, nil
}

// Logout ends the session with the given token.
func (s *Store) Logout(ctx context.Context, token string) error {
	return s.forget(ctx, hashToken(token))
}

func (s *Store) forget(ctx context.Context, h [32]byte) error {
	s.mu.Lock()
	delete(s.sessions, h)
	s.mu.Unlock()
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, h[:])
	return err
}

// BootstrapAdmin returns a one-time administrator login link (base, e.g.
// "http://localhost:8080", followed by /login?admin=TOKEN) as long as no
// server administrator has ever logged in; after that it returns "". Each
// call makes a new token and voids the earlier ones, so the link printed
// at the latest start is the one that works.
func (s *Store) BootstrapAdmin(ctx context.Context, base string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT v FROM meta WHERE k = 'admin_used'`).Scan(&v)
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

// NewAdminToken voids every unused administrator token and returns a new
// one, valid once within Options.AdminTokenTTL.
func (s *Store) NewAdminToken(ctx context.Context) (string, error) {
	t, h := newToken()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM admin_tokens`); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO admin_tokens(hash, expires) VALUES (?, ?)`, h[:], s.opts.Now().Add(s.opts.AdminTokenTTL).UnixNano()); err != nil {
		return "", err
	}
	return t, tx.Commit()
}

// LoginAdmin uses up an administrator token and returns a server
// administrator's session and its cookie token, or ErrBadToken.
func (s *Store) LoginAdmin(ctx context.Context, token string) (*Session, string, error) {
	h := hashToken(token)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, "", err
	}
	defer tx.Rollback()
	var exp int64
	err = tx.QueryRowContext(ctx, `SELECT expires FROM admin_tokens WHERE hash = ?`, h[:]).Scan(&exp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", ErrBadToken
	}
	if err != nil {
		return nil, "", err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM admin_tokens WHERE hash = ?`, h[:]); err != nil {
		return nil, "", err
	}
	if s.opts.Now().UnixNano() >= exp {
		if err := tx.Commit(); err != nil {
			return nil, "", err
		}
		return nil, "", ErrBadToken
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(k, v) VALUES ('admin_used', ?)`, s.opts.Now().UTC().Format(time.RFC3339)); err != nil {
		return nil, "", err
	}
	if err := tx.Commit(); err != nil {
		return nil, "", err
	}
	return s.newSession(ctx, "", AdminPerson, true, 0)
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
