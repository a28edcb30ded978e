package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/highwater"
	"plenum/ledger"
)

// synchronousMarks makes each batch wait for the high-water marks file
// before it is answered (highwater.NewKeeper's synchronous). It is off:
// the file is written right after each batch instead (docs/storage.md,
// "High-water marks", has the measurements that decided it).
const synchronousMarks = false

// marks is a server's (or replay's, or import's) high-water marks: the
// latest checkpoint of each log it signed or read, kept in the data
// directory (package highwater).
type marks struct {
	*highwater.Keeper
}

// openMarks loads the marks of the database in path, checks the database st against
// them, and starts keeping them. A database behind them is refused
// (*highwater.RefusedError) unless accept, which moves the marks to it
// and records that in the file: accepted returns what was accepted.
// made is the file's path if it was not there (and now is).
func openMarks(ctx context.Context, st ledger.Store, path string, verifiers note.Verifiers, accept bool) (m *marks, made string, accepted []highwater.Finding, err error) {
	loaded, found, findings, err := loadMarks(ctx, st, path, verifiers)
	if err != nil {
		return nil, "", nil, err
	}
	if len(findings) > 0 {
		if !accept {
			return nil, "", nil, &highwater.RefusedError{Path: path, Findings: findings}
		}
		if err := loaded.Accept(findings, time.Now()); err != nil {
			return nil, "", nil, err
		}
		for _, f := range findings {
			slog.Warn("rollback accepted (--accept-rollback): the high-water mark moved back to the database", "log", f.Origin, "mark", f.MarkSize, "database", f.DatabaseSize, "fork", f.Fork, "file", path)
		}
	}
	m, made, err = keepMarks(path, loaded, found, len(findings) > 0)
	return m, made, findings, err
}

// loadMarks loads the marks in path (found: the file was there) and
// checks the database st against them: findings are its logs behind
// their marks, or forked from them.
func loadMarks(ctx context.Context, st ledger.Store, path string, verifiers note.Verifiers) (loaded *highwater.Marks, found bool, findings []highwater.Finding, err error) {
	loaded, found, err = highwater.Load(path, verifiers)
	if err != nil {
		return nil, false, nil, err
	}
	findings, err = highwater.Check(ctx, st, loaded)
	if err != nil {
		return nil, false, nil, fmt.Errorf("checking the database against the high-water marks: %w", err)
	}
	return loaded, found, findings, nil
}

// keepMarks saves loaded in path if the file was not found there or
// changed is set, and starts keeping the marks; made is path if the file
// was not there (and now is).
func keepMarks(path string, loaded *highwater.Marks, found, changed bool) (m *marks, made string, err error) {
	if !found || changed {
		if err := loaded.Save(path); err != nil {
			return nil, "", err
		}
	}
	if !found {
		made = path
	}
	return &marks{highwater.NewKeeper(path, loaded, synchronousMarks, nil)}, made, nil
}

// checkMarks is openMarks for the server.
func (s *server) checkMarks(ctx context.Context, l *i18n.Locale, dataDir, db string, verifiers note.Verifiers, accept bool) error {
	m, made, accepted, err := openMarks(ctx, s.store, highwater.Path(dataDir, db), verifiers, accept)
	if err != nil {
		return marksErr(l, err)
	}
	s.marks, s.marksMade, s.accepted = m, made, accepted
	return nil
}

// Committed is the engine's hook: each batch's checkpoint raises its log's
// mark, with the size and root the engine computed for it
// (Assembly.Committing), not parsed from the checkpoint again.
func (m *marks) Committed(a *engine.Assembly, checkpoint []byte) {
	if size, root, ok := a.Committing(); ok {
		m.NoteTree(a.Log().Origin(), size, root, checkpoint)
		return
	}
	m.Note(checkpoint)
}

// Raise raises the marks to the heads of every log of e (as audited when
// it opened, or as read since).
func (m *marks) Raise(e *engine.Engine) {
	for _, a := range e.Assemblies() {
		if c := a.Log().Checkpoint(); len(c) > 0 {
			m.Note(c)
		}
	}
}

// Follow raises the marks to e's heads every interval until stop is
// closed: on a cluster node, the checkpoints of the other nodes' appends
// it has read.
func (m *marks) Follow(e *engine.Engine, interval time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			m.Raise(e)
		}
	}
}

// sayMarks tells, at a start, that the marks file was made, and each
// rollback --accept-rollback accepted.
func sayMarks(out io.Writer, s *server) {
	if s.marksMade != "" {
		fmt.Fprintf(out, "plenum serve: high-water marks kept in %s (made now, from the database as it is): a database rolled back behind them is refused at a start\n", s.marksMade)
	}
	for _, f := range s.accepted {
		fmt.Fprintf(out, "plenum serve: ROLLBACK ACCEPTED (--accept-rollback): %s; the high-water mark moved back to the database's %d entries, and the marks file keeps a note of it\n", f, max(f.DatabaseSize, 0))
	}
}

// marksErr is err in l's words if it is the marks' refusal or a damaged
// marks file (exit status 1).
func marksErr(l *i18n.Locale, err error) error {
	var refused *highwater.RefusedError
	var damaged *highwater.DamagedError
	switch {
	case errors.As(err, &refused):
		return &exitError{code: 1, msg: marksRefusal(l, refused) + "\n" + l.T("cli.marks.todo"), cause: err}
	case errors.As(err, &damaged):
		return &exitError{code: 1, msg: l.T("cli.marks.damaged", damaged.Path, damaged.Why), cause: err}
	}
	return err
}

// marksRefusal names, in l's words, the file and each log behind its mark.
func marksRefusal(l *i18n.Locale, r *highwater.RefusedError) string {
	var b strings.Builder
	b.WriteString(l.T("cli.marks.refused", r.Path))
	for _, f := range r.Findings {
		b.WriteString("\n  ")
		b.WriteString(findingText(l, f))
	}
	return b.String()
}

// findingText is one log behind its mark, in l's words.
func findingText(l *i18n.Locale, f highwater.Finding) string {
	mark, size := strconv.FormatInt(f.MarkSize, 10), strconv.FormatInt(f.DatabaseSize, 10)
	switch {
	case f.DatabaseSize < 0:
		return l.T("cli.marks.gone", f.Origin, mark)
	case f.Fork:
		return l.T("cli.marks.fork", f.Origin, mark, size)
	}
	return l.T("cli.marks.behind", f.Origin, size, mark)
}
