package witness

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store"
)

// Errors a witness reports for a submitted checkpoint, each mapped to its
// HTTP status by the Server (see statusOf).
var (
	// ErrUnknownLog: the checkpoint's origin is not a log this witness
	// follows (404).
	ErrUnknownLog = errors.New("unknown log")
	// ErrSignature: no signature by a key the witness trusts for the
	// origin verifies, or one by such a key is invalid (403).
	ErrSignature = errors.New("checkpoint is not signed by a trusted log key")
	// ErrInconsistent: the checkpoint does not extend the tree the
	// witness has cosigned, or the proof does not show it (422).
	ErrInconsistent = errors.New("checkpoint is not consistent with the cosigned tree")
)

// ConflictError is the witness's answer when the client's old size is not
// the size the witness last cosigned (409): Known is that size.
type ConflictError struct {
	Known int64
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("the witness last cosigned tree size %d", e.Known)
}

// KnownLog is a log a witness follows: its origin and the keys that may
// sign its checkpoints.
type KnownLog struct {
	Origin string
	Keys   []note.Verifier
}

// Server is a tlog-witness: an http.Handler serving POST /add-checkpoint
// and GET /<hex SHA-256 of origin>/checkpoint, with its state in the
// tables witness_logs and witness_refused of a plenum database (SQLite or
// PostgreSQL, made by the store's migrations).
type Server struct {
	db     *store.DB
	signer *Signer
	logs   map[string]note.Verifiers
	log    *slog.Logger
	mu     sync.Mutex // serializes add-checkpoint within the process
	mux    *http.ServeMux

	// beforeCommit, if set, runs after the checks and before the commit of
	// an accepted checkpoint; tests use it to race two requests.
	beforeCommit func()
}

// OpenServer opens (creating if needed) the witness database dbArg names
// — a SQLite file or a postgres:// URL, as plenum's --db — and returns a
// witness that cosigns with signer the checkpoints of logs. logger may be
// nil. The state a witness of an earlier version kept in the same SQLite
// file (tables log and refused) is taken over once, and logged.
func OpenServer(dbArg string, signer *Signer, logs []KnownLog, logger *slog.Logger) (*Server, error) {
	if signer == nil {
		return nil, errors.New("witness: no signer")
	}
	known := make(map[string]note.Verifiers, len(logs))
	for _, l := range logs {
		if l.Origin == "" || strings.ContainsAny(l.Origin, "\n") {
			return nil, fmt.Errorf("witness: invalid origin %q", l.Origin)
		}
		if len(l.Keys) == 0 {
			return nil, fmt.Errorf("witness: log %q has no keys", l.Origin)
		}
		if _, dup := known[l.Origin]; dup {
			return nil, fmt.Errorf("witness: log %q configured twice; give all its keys at once", l.Origin)
		}
		known[l.Origin] = note.VerifierList(l.Keys...)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.OpenDB(ctx, dbArg)
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	s := &Server{db: db, signer: signer, logs: known, log: logger, mux: http.NewServeMux()}
	if err := s.takeOver(ctx); err != nil {
		db.Close()
		return nil, err
	}
	s.mux.HandleFunc("POST /add-checkpoint", s.serveAddCheckpoint)
	s.mux.HandleFunc("GET /{originHash}/checkpoint", s.serveCheckpoint)
	return s, nil
}

// takeOver moves the state an earlier witness kept in the same SQLite
// file, in the tables log and refused, into witness_logs and
// witness_refused, in one transaction that drops the old tables, so that
// it happens once.
func (s *Server) takeOver(ctx context.Context) error {
	if s.db.Postgres {
		return nil
	}
	var n int
	if err := s.db.W.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('log', 'refused')`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	fail := func(err error) error {
		return fmt.Errorf("witness: %s holds the state of an earlier plenum witness (tables log and refused), which could not be taken over, so the witness stops rather than forget what it cosigned: %w", s.db.Name, err)
	}
	if n != 2 {
		return fail(errors.New("one of the two tables is missing"))
	}
	tx, err := s.db.W.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	logs, err := tx.ExecContext(ctx, `INSERT INTO witness_logs (origin, tree_size, tree_hash, checkpoint, updated) SELECT origin, tree_size, tree_hash, checkpoint, updated FROM log`)
	if err != nil {
		return fail(err)
	}
	refused, err := tx.ExecContext(ctx, `INSERT INTO witness_refused (origin, received, reason, request) SELECT origin, received, reason, request FROM refused ORDER BY id`)
	if err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE log`); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE refused`); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	nl, _ := logs.RowsAffected()
	nr, _ := refused.RowsAffected()
	s.log.Info("took over the state of an earlier witness version in the same file: now in tables witness_logs and witness_refused", "db", s.db.Name, "logs", nl, "refused", nr)
	return nil
}

// Close closes the database.
func (s *Server) Close() error { return s.db.Close() }

// Verifier returns the verifier of the witness's cosignatures.
func (s *Server) Verifier() *Verifier { return s.signer.Verifier() }

// ServeHTTP serves the witness protocol.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// State returns the tree size and root hash the witness last cosigned for
// origin, and that checkpoint with the witness's cosignature; size 0 and
// a nil checkpoint if it never cosigned one.
func (s *Server) State(ctx context.Context, origin string) (size int64, hash tlog.Hash, checkpoint []byte, err error) {
	return s.readState(ctx, s.db.R, origin, false)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readState reads origin's state through q; with lock, on PostgreSQL,
// its row stays locked until q, a transaction, ends.
func (s *Server) readState(ctx context.Context, q querier, origin string, lock bool) (size int64, hash tlog.Hash, checkpoint []byte, err error) {
	query := `SELECT tree_size, tree_hash, checkpoint FROM witness_logs WHERE origin = ?`
	if lock && s.db.Postgres {
		query += ` FOR UPDATE`
	}
	var h string
	err = q.QueryRowContext(ctx, s.db.Rebind(query), origin).Scan(&size, &h, &checkpoint)
	if errors.Is(err, sql.ErrNoRows) {
		empty, _ := tlog.TreeHash(0, nil)
		return 0, empty, nil, nil
	}
	if err != nil {
		return 0, tlog.Hash{}, nil, err
	}
	hash, err = tlog.ParseHash(h)
	if err != nil {
		return 0, tlog.Hash{}, nil, fmt.Errorf("witness database %s: bad hash for %q: %v: the database is damaged; restore it before the witness cosigns this log again", s.db.Name, origin, err)
	}
	// The row's size and root must be those of the checkpoint stored with
	// it: a damaged row would otherwise have the witness cosign from a
	// state it never had, or refuse the log's honest checkpoints as
	// evidence of a split view.
	if c, err := ledger.ParseSignedCheckpoint(checkpoint); err != nil || c.Origin != origin || c.Size != size || c.Hash != hash {
		return 0, tlog.Hash{}, nil, fmt.Errorf("witness database %s: the state of %q, tree size %d, does not match the checkpoint stored with it (%v): the database is damaged; restore it before the witness cosigns this log again", s.db.Name, origin, size, err)
	}
	return size, hash, checkpoint, nil
}

// AddCheckpoint handles one add-checkpoint request and returns the
// cosignature line(s) to send back. It fails with an error wrapping
// ErrBadRequest, ErrUnknownLog, ErrSignature or ErrInconsistent, or with a
// *ConflictError, changing nothing; or with another error if the database
// fails. Checking the old size and recording the new tree happen in one
// immediate transaction, and the update only applies if the stored size is
// still the old size.
func (s *Server) AddCheckpoint(ctx context.Context, req *AddCheckpoint) ([]byte, error) {
	origin, _, _ := strings.Cut(string(req.Checkpoint), "\n")
	verifiers, ok := s.logs[origin]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownLog, origin)
	}
	n, err := note.Open(req.Checkpoint, verifiers)
	if err != nil {
		var unverified *note.UnverifiedNoteError
		var invalid *note.InvalidSignatureError
		if errors.As(err, &unverified) || errors.As(err, &invalid) {
			return nil, fmt.Errorf("%w: %v", ErrSignature, err)
		}
		return nil, fmt.Errorf("%w: checkpoint: %v", ErrBadRequest, err)
	}
	c, err := ledger.ParseCheckpoint([]byte(n.Text))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	if req.OldSize > c.Size {
		return nil, fmt.Errorf("%w: old size %d is larger than the checkpoint's %d", ErrBadRequest, req.OldSize, c.Size)
	}
	if c.Size == 0 {
		if empty, _ := tlog.TreeHash(0, nil); c.Hash != empty {
			return s.refuse(ctx, origin, req, "a checkpoint of size 0 must have the root hash of the empty tree")
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	// On SQLite, BEGIN IMMEDIATE: writers wait here. On PostgreSQL the
	// log's row is locked as it is read; a first cosignature, with no row
	// to lock, is settled by the conditional insert below.
	tx, err := s.db.W.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	known, knownHash, _, err := s.readState(ctx, tx, origin, true)
	if err != nil {
		return nil, err
	}
	if req.OldSize != known {
		return nil, &ConflictError{Known: known}
	}
	switch {
	case req.OldSize == 0:
		if len(req.Proof) != 0 {
			tx.Rollback()
			return s.refuse(ctx, origin, req, "a consistency proof from size 0 must be empty")
		}
	case req.OldSize == c.Size:
		if c.Hash != knownHash || len(req.Proof) != 0 {
			tx.Rollback()
			return s.refuse(ctx, origin, req, fmt.Sprintf("tree size %d was cosigned with root %v, not %v", known, knownHash, c.Hash))
		}
	default:
		if err := tlog.CheckTree(req.Proof, c.Size, c.Hash, known, knownHash); err != nil {
			tx.Rollback()
			return s.refuse(ctx, origin, req, fmt.Sprintf("tree size %d, root %v, is not an extension of the cosigned tree size %d, root %v: %v", c.Size, c.Hash, known, knownHash, err))
		}
	}
	cosigned, err := note.Sign(&note.Note{Text: n.Text}, s.signer)
	if err != nil {
		return nil, err
	}
	lines := cosigned[bytes.LastIndex(cosigned, []byte("\n\n"))+2:]
	stored := Merge(req.Checkpoint, [][]byte{lines})
	if s.beforeCommit != nil {
		s.beforeCommit()
	}
	res, err := tx.ExecContext(ctx, s.db.Rebind(`
		INSERT INTO witness_logs (origin, tree_size, tree_hash, checkpoint, updated) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (origin) DO UPDATE SET tree_size = excluded.tree_size, tree_hash = excluded.tree_hash,
			checkpoint = excluded.checkpoint, updated = excluded.updated
		WHERE witness_logs.tree_size = ?`),
		origin, c.Size, c.Hash.String(), stored, time.Now().Unix(), req.OldSize)
	if err != nil {
		return nil, err
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if k != 1 {
		// Another process cosigned this log's first checkpoint meanwhile
		// (PostgreSQL: there was no row to lock). Nothing was written.
		tx.Rollback()
		known, _, _, err := s.State(ctx, origin)
		if err != nil {
			return nil, err
		}
		return nil, &ConflictError{Known: known}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.log.Info("cosigned", "origin", origin, "size", c.Size, "old", req.OldSize)
	return lines, nil
}

// maxRefusedKept is how many refused requests of one log the witness
// keeps as evidence: the first few prove a split view; more, from a log's
// key holder sending forks without end, would only fill the disk (64 KB a
// request). A variable for tests.
var maxRefusedKept int64 = 1000

// refuse records a validly signed request that fails the consistency
// checks, as evidence of a split view (the first maxRefusedKept of a
// log), and returns ErrInconsistent.
func (s *Server) refuse(ctx context.Context, origin string, req *AddCheckpoint, reason string) ([]byte, error) {
	s.log.Warn("refused inconsistent checkpoint", "origin", origin, "reason", reason)
	if n, err := s.Refused(ctx, origin); err == nil && n >= maxRefusedKept {
		s.log.Warn("refused checkpoint not kept: the witness keeps the first refusals of a log as evidence", "origin", origin, "kept", n)
		return nil, fmt.Errorf("%w: %s", ErrInconsistent, reason)
	}
	if _, err := s.db.W.ExecContext(ctx, s.db.Rebind(`INSERT INTO witness_refused (origin, received, reason, request) VALUES (?, ?, ?, ?)`),
		origin, time.Now().Unix(), reason, req.Marshal()); err != nil {
		s.log.Error("recording refused checkpoint", "err", err)
	}
	return nil, fmt.Errorf("%w: %s", ErrInconsistent, reason)
}

// Refused returns the number of validly signed checkpoints of origin the
// witness refused as inconsistent: evidence the log showed two histories.
func (s *Server) Refused(ctx context.Context, origin string) (int64, error) {
	var n int64
	err := s.db.R.QueryRowContext(ctx, s.db.Rebind(`SELECT count(*) FROM witness_refused WHERE origin = ?`), origin).Scan(&n)
	return n, err
}

// statusOf maps an AddCheckpoint error to its HTTP status.
func statusOf(err error) int {
	var conflict *ConflictError
	switch {
	case errors.As(err, &conflict):
		return http.StatusConflict
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest
	case errors.Is(err, ErrUnknownLog):
		return http.StatusNotFound
	case errors.Is(err, ErrSignature):
		return http.StatusForbidden
	case errors.Is(err, ErrInconsistent):
		return http.StatusUnprocessableEntity
	default:
		return http.StatusInternalServerError
	}
}

func (s *Server) serveAddCheckpoint(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRequestSize))
	if err != nil {
		http.Error(w, "reading request: "+err.Error(), http.StatusBadRequest)
		return
	}
	req, err := ParseAddCheckpoint(body)
	var cosig []byte
	if err == nil {
		cosig, err = s.AddCheckpoint(r.Context(), req)
	}
	if err != nil {
		status := statusOf(err)
		var conflict *ConflictError
		if errors.As(err, &conflict) {
			w.Header().Set("Content-Type", "text/x.tlog.size")
			w.WriteHeader(status)
			fmt.Fprintf(w, "%d\n", conflict.Known)
			return
		}
		if status == http.StatusInternalServerError {
			s.log.Error("add-checkpoint", "err", err)
			http.Error(w, "internal error", status)
			return
		}
		http.Error(w, err.Error(), status)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(cosig)
}

// serveCheckpoint serves the latest checkpoint cosigned for a log, named
// by the lower-case hex SHA-256 of its origin (the monitoring API).
func (s *Server) serveCheckpoint(w http.ResponseWriter, r *http.Request) {
	want := r.PathValue("originHash")
	for origin := range s.logs {
		sum := sha256.Sum256([]byte(origin))
		if hex.EncodeToString(sum[:]) != want {
			continue
		}
		_, _, cp, err := s.State(r.Context(), origin)
		if err != nil {
			s.log.Error("reading state", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if cp == nil {
			break
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(cp)
		return
	}
	http.Error(w, "no checkpoint cosigned for this log", http.StatusNotFound)
}
