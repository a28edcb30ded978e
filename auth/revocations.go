package auth

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
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
// before their revocation and none made at or after it. Only plenum's
// codes count (rowmac.go): a row planted with a late creation must not
// pass for a later issue and hold the revocation off (the planted rows
// admit nobody, and are deleted with the person's others). It reads the
// codes of the persons revoked only, not every code of the assembly:
// once their revocations are carried out, a round reads no row.
func (s *Store) revocationsPending(ctx context.Context, q queryer, assemblyID string, revoked map[string]Revocation) ([]string, error) {
	persons := make([]string, 0, len(revoked))
	for p := range revoked {
		persons = append(persons, p)
	}
	newest, err := s.newestCodes(ctx, q, assemblyID, persons)
	if err != nil {
		return nil, err
	}
	var pending []string
	for p, created := range newest {
		if created < revoked[p].At.UTC().UnixNano() {
			pending = append(pending, p)
		}
	}
	return pending, nil
}

// personsAtOnce is how many persons newestCodes asks for in one query
// (far below either database's limit of parameters).
const personsAtOnce = 500

// newestCodes returns, for each person of the assembly who holds a code
// plenum made (its MAC valid: a row that is not is refused and logged,
// rowRefused), the creation of their newest such code: of every person
// if persons is nil, else of those persons only.
func (s *Store) newestCodes(ctx context.Context, q queryer, assemblyID string, persons []string) (map[string]int64, error) {
	newest := map[string]int64{}
	read := func(query string, args ...any) error {
		rows, err := q.QueryContext(ctx, s.db.Rebind(query), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var h, mac []byte
			var p string
			var created, exp int64
			if err := rows.Scan(&h, &p, &created, &exp, &mac); err != nil {
				rows.Close()
				return err
			}
			if !macOK(mac, codeMAC(s.opts.RowKey, h, assemblyID, p, created, exp)) {
				s.rowRefused(rowCode)
				continue
			}
			if c, ok := newest[p]; !ok || created > c {
				newest[p] = created
			}
		}
		return errors.Join(rows.Err(), rows.Close())
	}
	const cols = `SELECT hash, person, created, expires, mac FROM access_codes WHERE assembly = ?`
	if persons == nil {
		return newest, read(cols, assemblyID)
	}
	for chunk := range slices.Chunk(persons, personsAtOnce) {
		args := make([]any, 0, 1+len(chunk))
		args = append(args, assemblyID)
		for _, p := range chunk {
			args = append(args, p)
		}
		if err := read(cols+` AND person IN (?`+strings.Repeat(`, ?`, len(chunk)-1)+`)`, args...); err != nil {
			return nil, err
		}
	}
	return newest, nil
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
