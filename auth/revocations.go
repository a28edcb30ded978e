package auth

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Revocation is a revocation of a person's access code as the assembly's
// log records it: when, by whom, and why.
type Revocation struct {
	At         time.Time
	By, Reason string
}

// CarryOutRevocations carries out revocations the assembly's log records
// (revoked: person → their latest revocation) whose codes still exist:
// recorded first, the codes are deleted right after (cards.Revoke), and a
// server that stopped, or a database that failed, between the two left a
// code that still logs in. A person's codes made before the revocation
// are deleted and their sessions ended, with the revocation's note
// (RevokeCodesBy); a code made at or after it belongs to a later issue,
// which voided the earlier ones itself, and the person is left alone. It
// first reads, without a lock, whether any such code exists (the usual
// answer: none, nothing is written); only then, in one transaction under
// the lock issues and revocations take (replaceCodes), it checks again and
// deletes, so that an issue at the same moment cannot slip between the
// check and the delete. It returns the persons whose codes it deleted.
// Nodes of a cluster run it for the assemblies they write, every few
// seconds (plenum serve), a server at its start (cards.Reconcile).
func (s *Store) CarryOutRevocations(ctx context.Context, assemblyID string, revoked map[string]Revocation) ([]string, error) {
	if len(revoked) == 0 {
		return nil, nil
	}
	pending, err := s.revocationsPending(ctx, s.db.R, assemblyID, revoked)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	s.cache.dropPersons(assemblyID, pending)
	done, err := s.carryOut(ctx, assemblyID, revoked)
	if err != nil {
		s.cache.reset()
		return nil, s.writeError(err)
	}
	s.cache.dropPersons(assemblyID, done)
	return done, nil
}

// revocationsPending returns the persons of revoked who hold a code made
// before their revocation and none made at or after it.
func (s *Store) revocationsPending(ctx context.Context, q queryer, assemblyID string, revoked map[string]Revocation) ([]string, error) {
	rows, err := q.QueryContext(ctx, s.db.Rebind(`SELECT person, MAX(created) FROM access_codes WHERE assembly = ? GROUP BY person`), assemblyID)
	if err != nil {
		return nil, err
	}
	var pending []string
	for rows.Next() {
		var p string
		var newest int64
		if err := rows.Scan(&p, &newest); err != nil {
			rows.Close()
			return nil, err
		}
		if r, ok := revoked[p]; ok && newest < r.At.UTC().UnixNano() {
			pending = append(pending, p)
		}
	}
	return pending, errors.Join(rows.Err(), rows.Close())
}

// queryer is what revocationsPending reads with: the database or a
// transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// carryOut is CarryOutRevocations' transaction.
func (s *Store) carryOut(ctx context.Context, assemblyID string, revoked map[string]Revocation) ([]string, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if s.db.Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE access_codes IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return nil, err
		}
	}
	pending, err := s.revocationsPending(ctx, tx, assemblyID, revoked)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	for _, p := range pending {
		r := revoked[p]
		if _, err := s.exec(ctx, tx, `DELETE FROM access_codes WHERE assembly = ? AND person = ?`, assemblyID, p); err != nil {
			return nil, err
		}
		if _, err := s.endSessions(ctx, tx, &ending{why: EndedRevoked, by: r.By, reason: r.Reason}, `assembly = ? AND person = ? AND NOT admin`, assemblyID, p); err != nil {
			return nil, err
		}
	}
	return pending, tx.Commit()
}
