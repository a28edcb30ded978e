package auth

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"plenum/assembly"
)

// A row plenum wrote keeps its valid MAC wherever it is copied back
// from: a DBA who saved a delegate's code row, let the mandate commission
// revoke the code ("card lost") and inserted the saved row again would
// have the revoked code log in again; a session row saved before a
// revocation or a re-issue, put back, would be a session again. The MAC
// cannot tell such a row from one that still stands; the assembly's
// signed log can, and the DBA cannot move it: every issue and revocation
// of a person's code is an entry in it (access_codes_issued,
// access_codes_revoked), and each voids the person's earlier codes and
// ends their sessions. So a code or a session of a person created before
// the latest such entry (Superseded, given by Options.Superseded from
// the state the log rebuilds) admits nobody: it is refused as a row
// whose MAC fails is, as an unknown code or session, and logged once
// (rowPutBack). docs/access.md, "What a DBA can still do".
//
// The times compared are the log's, not a server's clock where they can
// differ: a code's creation is the time its issue is recorded at
// (IssueRecordedCodes), and a session made from a code is created no
// earlier than its code (insertLogins), whatever the clock of the node
// that logs in says. So a code issued after a revocation, and its
// sessions, are never taken for voided ones, even on a node whose clock
// is behind the writer's. What remains is a session put back that was
// made, on a node whose clock is ahead of the writer's, within that
// difference before the revocation.

// Superseded is when the log last voided a person's codes and sessions,
// from what the assembly's state says of their access (State.Access):
// the time of their latest revocation if it is the latest access entry,
// else of their latest issue; zero if the log records neither. It is
// what Options.Superseded returns.
func Superseded(acc *assembly.Access) time.Time {
	switch {
	case acc == nil:
		return time.Time{}
	case !acc.Revoked.IsZero():
		return acc.Revoked
	default:
		return acc.Issued
	}
}

// cutOf is the creation (Unix nanoseconds) before which a code or a
// person's session of assemblyID admits nobody: Options.Superseded's
// answer, or 0 for none.
func (s *Store) cutOf(assemblyID, person string) int64 {
	if s.opts.Superseded == nil || assemblyID == "" {
		return 0
	}
	if t := s.opts.Superseded(assemblyID, person); !t.IsZero() {
		return t.UTC().UnixNano()
	}
	return 0
}

// voided reports whether sess is a person's session created before the
// log last voided their codes and sessions (Superseded); a server
// administrator's session is no code's and never is.
func (s *Store) voided(sess *Session) bool {
	if sess.Admin {
		return false
	}
	cut := s.cutOf(sess.Assembly, sess.Person)
	return cut != 0 && sess.Created.UnixNano() < cut
}

// codeCuts reads, before the transaction of a batch of logins, whose
// codes the batch's are and when the log last voided each person's codes
// (cutOf): the state is read outside the transaction, which on SQLite
// holds the database's write lock, for the engine may wait on that lock
// while it holds the state (creating an assembly). A code row that shows
// up only after this read is no code anyone was given in between (a
// code is seen only once its row is committed) and is refused. nil if
// the store has no Options.Superseded.
func (s *Store) codeCuts(ctx context.Context, batch []*loginReq) (map[[2]string]int64, error) {
	if s.opts.Superseded == nil {
		return nil, nil
	}
	args := make([]any, len(batch))
	for i, r := range batch {
		args[i] = r.code[:]
	}
	rows, err := s.db.R.QueryContext(ctx, s.db.Rebind(`SELECT assembly, person FROM access_codes WHERE hash IN (?`+strings.Repeat(`, ?`, len(batch)-1)+`)`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cuts := map[[2]string]int64{}
	for rows.Next() {
		var a, p string
		if err := rows.Scan(&a, &p); err != nil {
			return nil, err
		}
		if _, ok := cuts[[2]string{a, p}]; !ok {
			cuts[[2]string{a, p}] = s.cutOf(a, p)
		}
	}
	return cuts, rows.Err()
}

// codeVoided reports whether a code of person of assemblyID created at
// created (Unix nanoseconds) admits nobody by cuts (codeCuts): voided
// by a later issue or revocation, or not there when cuts were read.
func codeVoided(cuts map[[2]string]int64, assemblyID, person string, created int64) (voided, putBack bool) {
	if cuts == nil {
		return false, false
	}
	cut, ok := cuts[[2]string{assemblyID, person}]
	if !ok {
		return true, false
	}
	return created < cut, created < cut
}

// putBackRows notes, per kind of row, that a row voided by the log was
// refused, so that it is logged once per process.
type putBackRows struct {
	code, session atomic.Bool
}

// rowPutBack logs, once per kind of row (rowCode, rowSession) and
// process, that a row plenum wrote but the log has voided since was
// refused: put back outside plenum, or (a session, a code) left by a
// revocation the record holds and the codes did not yet carry out
// (CarryOutRevocations, cards.Reconcile). The assembly is named, not the
// person.
func (s *Store) rowPutBack(kind, assemblyID string) {
	once, what := &s.putBack.code, "an access code"
	if kind == rowSession {
		once, what = &s.putBack.session, "a session"
	}
	if once.Swap(true) {
		return
	}
	s.opts.Logger.Error("auth: "+what+" row made before the latest revocation or replacement of its person's access code that the assembly's log records was refused — a row put back into the database outside plenum (from a backup?), or one a revocation not yet carried out left; it admits nobody (logged once)", "table", kind, "assembly", assemblyID)
}
