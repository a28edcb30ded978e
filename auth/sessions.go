package auth

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// sessionCache keeps the sessions in memory for a Store whose process
// alone can make and end them: one that holds the SQLite database's write
// lock (sqlite.HeldHere), where no other plenum process can write the
// database. It then holds every live session (complete): they are loaded
// once when the cache comes on, every session this process makes is added
// before its token is handed out, and every way this process ends one (a
// logout, an expiry, a code revoked or re-issued) drops it; so a request
// is answered without reading the database, and an ended session is
// never accepted from memory. The one way another process ends sessions
// there, ResetAdmin (plenum access admin-link --end-sessions), leaves a
// mark in the database that the process reads at most SessionsEndedNotice
// apart (watchEnded), and ResetAdmin returns only after that time.
// Anywhere else (PostgreSQL shared by several
// nodes, or a SQLite file no Store of this process holds) the cache is
// off and every request reads the database.
type sessionCache struct {
	mu sync.Mutex
	on bool // the cache was usable at the last look; off clears it
	// complete: m holds every live session of the database, so a
	// session not in it does not exist. Otherwise (not loaded yet, or
	// too many) m is only what was read, and a miss reads the database.
	complete bool
	// load: the sessions are to be loaded (the first request that sees
	// it loads them, clearing it).
	load bool
	// gen counts the changes (sessions added or dropped): a session or a
	// load read from the database is kept only if nothing changed since
	// the read began, so that a read racing a logout cannot put back
	// what the logout took away.
	gen uint64
	m   map[[32]byte]Session
}

// maxCachedSessions bounds the cache; past it sessions are read from the
// database, as without a cache.
const maxCachedSessions = 200_000

// lookup is what the cache says of a session.
type lookup struct {
	sess  Session
	found bool
	// absent: the cache is complete and the session is not in it.
	absent bool
	// load: the caller is to load every session (loadSessions).
	load bool
	gen  uint64
}

func (c *sessionCache) get(usable bool, h [32]byte) lookup {
	c.mu.Lock()
	defer c.mu.Unlock()
	if usable != c.on {
		// Whatever was kept before the cache went off may have ended
		// meanwhile, through another process.
		c.on, c.load = usable, usable
		c.clearLocked()
	}
	if !usable {
		return lookup{gen: c.gen}
	}
	s, ok := c.m[h]
	l := lookup{sess: s, found: ok, absent: !ok && c.complete, load: c.load, gen: c.gen}
	c.load = false
	return l
}

// put keeps a session read from the database at generation gen, unless
// something changed since.
func (c *sessionCache) put(h [32]byte, s Session, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.on || gen != c.gen || len(c.m) >= maxCachedSessions {
		return
	}
	if c.m == nil {
		c.m = map[[32]byte]Session{}
	}
	c.m[h] = s
}

// install makes all, every live session read at generation gen, the
// cache's complete content, unless something changed since.
func (c *sessionCache) install(all map[[32]byte]Session, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.on || gen != c.gen || len(all) >= maxCachedSessions {
		return
	}
	c.m, c.complete = all, true
}

// add keeps a session this process has just made, durable in the
// database; call it before the session's token is handed out.
func (c *sessionCache) add(h [32]byte, s Session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.on {
		return
	}
	c.gen++
	if len(c.m) >= maxCachedSessions {
		c.complete = false
		return
	}
	if c.m == nil {
		c.m = map[[32]byte]Session{}
	}
	c.m[h] = s
}

// drop forgets the session of hash h. Callers drop before and after
// ending it in the database: before, so that no request is answered from
// memory while it ends; after, so that a read that began before the end
// is not kept.
func (c *sessionCache) drop(h [32]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	delete(c.m, h)
}

// dropPersons forgets the sessions, not an administrator's, of the
// persons of assembly (see drop for when).
func (c *sessionCache) dropPersons(assembly string, persons []string) {
	set := make(map[string]bool, len(persons))
	for _, p := range persons {
		set[p] = true
	}
	c.dropWhere(func(_ [32]byte, s Session) bool { return !s.Admin && s.Assembly == assembly && set[s.Person] })
}

// dropAdmins forgets the server administrators' sessions (see drop for
// when).
func (c *sessionCache) dropAdmins() {
	c.dropWhere(func(_ [32]byte, s Session) bool { return s.Admin })
}

// dropWhere forgets the sessions for which gone is true: the one walk of
// the cache that dropPersons, dropAdmins and dropOthers share.
func (c *sessionCache) dropWhere(gone func(h [32]byte, s Session) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for h, s := range c.m {
		if gone(h, s) {
			delete(c.m, h)
		}
	}
}

// touch notes in the cached session of hash h, if it is there, that it
// was used at t (Unix nanoseconds; Session marks it, markUsed). It changes
// no session's life, so it leaves gen as it is.
func (c *sessionCache) touch(h [32]byte, t int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[h]; ok && s.used < t {
		s.used = t
		c.m[h] = s
	}
}

// reset has the sessions loaded again, after sessions were added some
// other way than add (ImportLegacy), or ended by another process
// (watchEnded).
func (c *sessionCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
	c.load = c.on
}

func (c *sessionCache) clearLocked() {
	c.gen++
	c.m, c.complete = nil, false
}

// loadSessions reads every live session into the cache, as read at
// generation gen.
func (s *Store) loadSessions(ctx context.Context, gen uint64) error {
	rows, err := s.db.R.QueryContext(ctx, s.db.Rebind(`SELECT hash, assembly, person, admin, created, expires, used, admin_id, mac FROM access_sessions WHERE expires > ?`), s.opts.Now().UnixNano())
	if err != nil {
		return err
	}
	defer rows.Close()
	all := map[[32]byte]Session{}
	for rows.Next() {
		var h, mac []byte
		var sess Session
		var created, exp int64
		if err := rows.Scan(&h, &sess.Assembly, &sess.Person, &sess.Admin, &created, &exp, &sess.used, &sess.adminID, &mac); err != nil {
			return err
		}
		if len(h) != 32 {
			continue // not a token's hash: no token can match it
		}
		sess.Created, sess.Expires = time.Unix(0, created).UTC(), time.Unix(0, exp).UTC()
		if !s.sessionOK(h, &sess, mac) {
			continue // not plenum's: it admits nobody
		}
		all[[32]byte(h)] = sess
		if len(all) >= maxCachedSessions {
			return nil // too many to keep: the cache reads through
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if s.afterSessionRead != nil {
		s.afterSessionRead()
	}
	s.cache.install(all, gen)
	return nil
}

// readSession reads the session of hash h from the database.
func (s *Store) readSession(ctx context.Context, h [32]byte) (Session, error) {
	if s.db.Postgres {
		return s.readSessionBatched(ctx, h)
	}
	var sess Session
	var created, exp int64
	var mac []byte
	err := s.sessionQuery.QueryRowContext(ctx, h[:]).Scan(&sess.Assembly, &sess.Person, &sess.Admin, &created, &exp, &sess.used, &sess.adminID, &mac)
	if err == sql.ErrNoRows {
		return sess, ErrNoSession
	}
	if err != nil {
		return sess, err
	}
	sess.Created, sess.Expires = time.Unix(0, created).UTC(), time.Unix(0, exp).UTC()
	if !s.sessionOK(h[:], &sess, mac) {
		return Session{}, ErrNoSession
	}
	return sess, nil
}

// SessionsEndedNotice is the longest a process keeping its sessions in
// memory (sessionCache) answers from memory without reading the mark of
// sessions ended by another process (access_meta 'sessions_ended',
// written by ResetAdmin); ResetAdmin waits that long on SQLite.
const SessionsEndedNotice = time.Second

// endedKey is the access_meta row that ResetAdmin changes when it ends
// sessions: when, and a random word, so that every end is a new value.
const endedKey = "sessions_ended"

// endedWatch is what a process keeping its sessions in memory last read
// of the mark of sessions ended by another process.
type endedWatch struct {
	mu sync.Mutex
	// next is when (time.Now, Unix nanoseconds) the mark is to be read
	// again; before, the cache is trusted.
	next  atomic.Int64
	known bool   // the mark was read once
	mark  string // its value then ("" if absent)
}

// watchEnded reads the mark of sessions ended by another process, at
// most SessionsEndedNotice apart, before the cache answers: if it has
// changed since the last read, every session is read again from the
// database. One request reads it; others arriving meanwhile wait for it.
func (s *Store) watchEnded(ctx context.Context) {
	w := &s.ended
	if time.Now().UnixNano() < w.next.Load() {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	start := time.Now()
	if start.UnixNano() < w.next.Load() {
		return // read by another request meanwhile
	}
	var v string
	err := s.queryRow(ctx, s.db.R, `SELECT v FROM access_meta WHERE k = ?`, endedKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		v, err = "", nil
	}
	if err != nil {
		// Whether sessions ended elsewhere is not known: read them all
		// again (a database that cannot be read refuses this request),
		// and the mark again at the next request.
		s.cache.reset()
		return
	}
	if !w.known || v != w.mark {
		if w.known {
			s.opts.Logger.Warn("auth: sessions were ended by another process on the database (plenum access admin-link --end-sessions); every session is read again", "mark", v)
		}
		s.cache.reset()
		w.known, w.mark = true, v
	}
	w.next.Store(start.Add(SessionsEndedNotice).UnixNano())
}
