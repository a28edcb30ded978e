package auth

import (
	"context"
	"sync"
	"time"
)

// UsedEvery is how often, at most, a session's last use is marked: a
// session used again within it keeps the time already marked. The
// sessions page shows the time to the minute; a write for every request
// would put one on every ballot.
const UsedEvery = time.Minute

// UsedFlushDelay is how long marks wait in memory before they are
// written to the database, together: at most one write of them all this
// often, on its own goroutine, never in a request's path.
const UsedFlushDelay = 10 * time.Second

// usedWriteTimeout bounds one write of the marks.
const usedWriteTimeout = 10 * time.Second

// usedMarks are the last uses of sessions not yet written to the
// database (access_sessions.used), by the hash of their token. Session
// marks a session when its last known use (Session.used: read from the
// database, or marked here) is UsedEvery old; the first mark waiting
// starts a timer that writes every mark waiting at once (flushUsed).
type usedMarks struct {
	// delay is UsedFlushDelay (tests lengthen it, to write when they say).
	delay   time.Duration
	mu      sync.Mutex
	pending map[[32]byte]int64
	timer   *time.Timer
	closed  bool
	// writing holds one write at a time (the timer's, Close's, a test's).
	writing sync.Mutex
}

// markUsed notes that the session of hash h was used at t (Unix
// nanoseconds), to be written within UsedFlushDelay.
func (s *Store) markUsed(h [32]byte, t int64) {
	u := &s.used
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed {
		return
	}
	if u.pending == nil {
		u.pending = map[[32]byte]int64{}
	}
	if t > u.pending[h] {
		u.pending[h] = t
	}
	if u.timer == nil {
		u.timer = time.AfterFunc(u.delay, func() { s.flushUsed(context.Background()) })
	}
}

// pendingUse is the mark of hash h waiting to be written (0 if none).
func (s *Store) pendingUse(h []byte) int64 {
	if len(h) != 32 {
		return 0
	}
	u := &s.used
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.pending[[32]byte(h)]
}

// flushUsed writes the marks waiting, in one transaction. If the write
// fails (another program's lock on a SQLite file, PostgreSQL out of
// reach) they wait for the next, unless a later mark replaced them: a
// last use is worth a retry, not a failed request. It reports the error
// (logged for the operator too).
func (s *Store) flushUsed(ctx context.Context) error {
	u := &s.used
	u.writing.Lock()
	defer u.writing.Unlock()
	u.mu.Lock()
	batch := u.pending
	u.pending, u.timer = nil, nil
	u.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, usedWriteTimeout)
	defer cancel()
	err := s.writeUsed(ctx, batch)
	if err == nil {
		return nil
	}
	err = s.writeError(err)
	s.opts.Logger.Warn("auth: the last use of sessions could not be written; tried again later", "sessions", len(batch), "err", err)
	for h, t := range batch {
		s.markUsed(h, t)
	}
	return err
}

// writeUsed writes the marks of batch: a session's used only ever rises,
// and a session ended meanwhile is not there to update.
func (s *Store) writeUsed(ctx context.Context, batch map[[32]byte]int64) error {
	if s.db.Postgres {
		hashes, times := make([][]byte, 0, len(batch)), make([]int64, 0, len(batch))
		for h, t := range batch {
			hashes, times = append(hashes, h[:]), append(times, t)
		}
		_, err := s.db.W.ExecContext(ctx, `UPDATE access_sessions AS s SET used = u.used
			FROM unnest($1::bytea[], $2::bigint[]) AS u(hash, used)
			WHERE s.hash = u.hash AND s.used < u.used`, hashes, times)
		return err
	}
	chunk := make([][32]byte, 0, usedChunk)
	for h := range batch {
		chunk = append(chunk, h)
		if len(chunk) == usedChunk {
			if err := s.writeUsedSQLite(ctx, chunk, batch); err != nil {
				return err
			}
			chunk = chunk[:0]
		}
	}
	if len(chunk) == 0 {
		return nil
	}
	return s.writeUsedSQLite(ctx, chunk, batch)
}

// usedChunk is how many marks one SQLite transaction writes. SQLite has
// one writer for the whole file, the record's appends included: a hall's
// ten thousand marks in one transaction held the write lock for about
// 65 ms (a 2-core machine under load), which a ballot arriving then
// would wait out; in chunks of 500 no append waits more than a few.
const usedChunk = 500

// writeUsedSQLite writes the marks of the hashes in chunk (their times in
// batch) in one transaction.
func (s *Store) writeUsedSQLite(ctx context.Context, chunk [][32]byte, batch map[[32]byte]int64) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE access_sessions SET used = ? WHERE hash = ? AND used < ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, h := range chunk {
		t := batch[h]
		if _, err := stmt.ExecContext(ctx, t, h[:], t); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// closeUsed writes the marks waiting and takes no more: for Close.
func (s *Store) closeUsed() error {
	u := &s.used
	u.mu.Lock()
	u.closed = true
	if u.timer != nil {
		u.timer.Stop()
	}
	u.mu.Unlock()
	return s.flushUsed(context.Background())
}
