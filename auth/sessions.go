package auth

import (
	"sync"
)

// sessionCache keeps the sessions read from the database in memory, for
// a Store whose process alone can end them: one that holds the SQLite
// database's write lock (sqlite.HeldHere), where no other plenum process
// can write the database. Every way this process ends a session (a
// logout, an expiry, a code revoked or re-issued) drops it here, so an
// ended session is never accepted from memory. Anywhere else (PostgreSQL
// shared by several nodes, or a SQLite file no Store of this process
// holds) the cache is off and every request reads the database.
type sessionCache struct {
	mu sync.Mutex
	on bool // the cache was usable at the last look; off clears it
	// gen counts the invalidations: a session read from the database is
	// kept only if no invalidation happened since the read began, so
	// that a read racing a logout cannot put back what the logout took
	// away.
	gen uint64
	m   map[[32]byte]Session
}

// maxCachedSessions bounds the cache; past it sessions are read from the
// database, as without a cache.
const maxCachedSessions = 200_000

// get returns the cached session of hash h, if usable and present, and
// otherwise the generation to give put after reading the database.
func (c *sessionCache) get(usable bool, h [32]byte) (Session, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if usable != c.on {
		// Whatever was kept before the cache went off may have ended
		// meanwhile, through another process.
		c.on = usable
		c.clearLocked()
	}
	if !usable {
		return Session{}, c.gen, false
	}
	s, ok := c.m[h]
	return s, c.gen, ok
}

// put keeps a session read from the database at generation gen, unless
// something was invalidated since.
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
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for h, s := range c.m {
		if !s.Admin && s.Assembly == assembly && set[s.Person] {
			delete(c.m, h)
		}
	}
}

func (c *sessionCache) clearLocked() {
	c.gen++
	clear(c.m)
}
