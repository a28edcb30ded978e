package auth

import (
	"context"
	"sync"
	"time"
)

// sessionReads gathers the session look-ups that must read a PostgreSQL
// database (where no cache is kept: sessionCache) into one query for all
// waiting, rather than one query each: a hall of five thousand voting at
// once made five thousand look-ups queue for the pool's few connections,
// and those still queued after SessionLookupTimeout were answered 503 as
// if the database could not be reached. As with loginBatch there is no
// timer: a look-up finding none in flight reads at once, with whatever
// else waits; look-ups arriving meanwhile wait, and are read together
// next, by a goroutine of their own, so that no request waits for
// another's batch after its own is answered.
type sessionReads struct {
	mu      sync.Mutex
	busy    bool // a batch is being read, or is handed to a goroutine
	waiting []*sessionRead
	// batches counts the queries made, for tests.
	batches int
}

// sessionRead is one look-up waiting in sessionReads, and once read, its
// answer.
type sessionRead struct {
	h    [32]byte
	done chan struct{}
	sess Session
	err  error
}

// maxSessionReadBatch bounds the hashes one query asks for.
const maxSessionReadBatch = 1024

// sessionReadTimeout bounds a batch's query: the batch is everyone's, so
// it does not end with the context of the look-up that started it, but a
// database that cannot be reached must not hold every waiter.
const sessionReadTimeout = SessionLookupTimeout

// readSessionBatched reads the session of hash h from a PostgreSQL
// database together with the other look-ups waiting (sessionReads).
func (s *Store) readSessionBatched(ctx context.Context, h [32]byte) (Session, error) {
	if err := ctx.Err(); err != nil {
		return Session{}, err
	}
	r := &sessionRead{h: h, done: make(chan struct{})}
	b := &s.reads
	b.mu.Lock()
	b.waiting = append(b.waiting, r)
	lead := !b.busy
	b.busy = true
	b.mu.Unlock()
	if lead {
		s.readSessionBatch() // r is first in it: none waited while not busy
	}
	select {
	case <-r.done:
		return r.sess, r.err
	case <-ctx.Done():
		// The batch still answers r; nobody waits for it.
		return Session{}, ctx.Err()
	}
}

// readSessionBatch reads the waiting look-ups, at most
// maxSessionReadBatch, in one query, answers each, and hands what waits
// meanwhile to a goroutine of its own (or, with nothing waiting, lets the
// next look-up read).
func (s *Store) readSessionBatch() {
	b := &s.reads
	b.mu.Lock()
	batch := b.waiting
	if len(batch) > maxSessionReadBatch {
		batch = batch[:maxSessionReadBatch:maxSessionReadBatch]
	}
	b.waiting = b.waiting[len(batch):]
	b.batches++
	b.mu.Unlock()

	found, err := s.querySessions(batch)
	for _, r := range batch {
		if err != nil {
			r.err = err
		} else if sess, ok := found[r.h]; ok {
			r.sess = sess
		} else {
			r.err = ErrNoSession
		}
		close(r.done)
	}

	b.mu.Lock()
	more := len(b.waiting) > 0
	b.busy = more
	b.mu.Unlock()
	if more {
		go s.readSessionBatch()
	}
}

// querySessions reads the sessions of the batch's hashes in one query.
func (s *Store) querySessions(batch []*sessionRead) (map[[32]byte]Session, error) {
	ctx, cancel := context.WithTimeout(context.Background(), sessionReadTimeout)
	defer cancel()
	hashes := make([][]byte, len(batch))
	for i, r := range batch {
		hashes[i] = r.h[:]
	}
	rows, err := s.db.R.QueryContext(ctx, `SELECT hash, assembly, person, admin, created, expires, used, admin_id, mac FROM access_sessions WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make(map[[32]byte]Session, len(batch))
	for rows.Next() {
		var hash, mac []byte
		var sess Session
		var created, exp int64
		if err := rows.Scan(&hash, &sess.Assembly, &sess.Person, &sess.Admin, &created, &exp, &sess.used, &sess.adminID, &mac); err != nil {
			return nil, err
		}
		if len(hash) != 32 {
			continue
		}
		sess.Created, sess.Expires = time.Unix(0, created).UTC(), time.Unix(0, exp).UTC()
		if !s.sessionOK(hash, &sess, mac) {
			continue // not plenum's: it admits nobody
		}
		found[[32]byte(hash)] = sess
	}
	return found, rows.Err()
}
