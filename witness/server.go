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
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, without cgo

	"plenum/ledger"
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
// and GET /<hex SHA-256 of origin>/checkpoint, with its state in SQLite.
type Server struct {
	db     *sql.DB
	signer *Signer
	logs   map[string]note.Verifiers
	log    *slog.Logger
	mu     sync.Mutex // serializes add-checkpoint within the process
	mux    *http.ServeMux

	// beforeCommit, if set, runs after the checks and before the commit of
	// an accepted checkpoint; tests use it to race two requests.
	beforeCommit func()
}

const schema = `
CREATE TABLE IF NOT EXISTS log (
	origin     TEXT PRIMARY KEY,
	tree_size  INTEGER NOT NULL CHECK (tree_size >= 0),
	tree_hash  TEXT NOT NULL,  -- base64, as in the checkpoint
	checkpoint BLOB NOT NULL,  -- the checkpoint cosigned, with its signatures and ours
	updated    INTEGER NOT NULL -- unix seconds of the cosignature
) STRICT;
CREATE TABLE IF NOT EXISTS refused (
	id       INTEGER PRIMARY KEY,
	origin   TEXT NOT NULL,
	received INTEGER NOT NULL,  -- unix seconds
	reason   TEXT NOT NULL,
	request  BLOB NOT NULL      -- the validly signed request: evidence of a split view
) STRICT;
`

// OpenServer opens (creating if needed) the witness database at path and
// returns a witness that cosigns with signer the checkpoints of logs.
// logger may be nil.
func OpenServer(path string, signer *Signer, logs []KnownLog, logger *slog.Logger) (*Server, error) {
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
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("witness: opening %s: %w", path, err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{db: db, signer: signer, logs: known, log: logger, mux: http.NewServeMux()}
	s.mux.HandleFunc("POST /add-checkpoint", s.serveAddCheckpoint)
	s.mux.HandleFunc("GET /{originHash}/checkpoint", s.serveCheckpoint)
	return s, nil
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
	return readState(ctx, s.db, origin)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readState(ctx context.Context, q querier, origin string) (size int64, hash tlog.Hash, checkpoint []byte, err error) {
	var h string
	err = q.QueryRowContext(ctx, `SELECT tree_size, tree_hash, checkpoint FROM log WHERE origin = ?`, origin).Scan(&size, &h, &checkpoint)
	if errors.Is(err, sql.ErrNoRows) {
		empty, _ := tlog.TreeHash(0, nil)
		return 0, empty, nil, nil
	}
	if err != nil {
		return 0, tlog.Hash{}, nil, err
	}
	hash, err = tlog.ParseHash(h)
	if err != nil {
		return 0, tlog.Hash{}, nil, fmt.Errorf("witness database: bad hash for %q: %v", origin, err)
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
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (_txlock): writers wait here
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	known, knownHash, _, err := readState(ctx, tx, origin)
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
	res, err := tx.ExecContext(ctx, `
		INSERT INTO log (origin, tree_size, tree_hash, checkpoint, updated) VALUES (?1, ?2, ?3, ?4, ?5)
		ON CONFLICT (origin) DO UPDATE SET tree_size = ?2, tree_hash = ?3, checkpoint = ?4, updated = ?5
		WHERE log.tree_size = ?6`,
		origin, c.Size, c.Hash.String(), stored, time.Now().Unix(), req.OldSize)
	if err != nil {
		return nil, err
	}
	if k, err := res.RowsAffected(); err != nil || k != 1 {
		// Cannot happen inside the transaction; refuse rather than roll back.
		return nil, fmt.Errorf("witness: state of %q changed during the request", origin)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.log.Info("cosigned", "origin", origin, "size", c.Size, "old", req.OldSize)
	return lines, nil
}

// refuse records a validly signed request that fails the consistency
// checks, as evidence of a split view, and returns ErrInconsistent.
func (s *Server) refuse(ctx context.Context, origin string, req *AddCheckpoint, reason string) ([]byte, error) {
	s.log.Warn("refused inconsistent checkpoint", "origin", origin, "reason", reason)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO refused (origin, received, reason, request) VALUES (?, ?, ?, ?)`,
		origin, time.Now().Unix(), reason, req.Marshal()); err != nil {
		s.log.Error("recording refused checkpoint", "err", err)
	}
	return nil, fmt.Errorf("%w: %s", ErrInconsistent, reason)
}

// Refused returns the number of validly signed checkpoints of origin the
// witness refused as inconsistent: evidence the log showed two histories.
func (s *Server) Refused(ctx context.Context, origin string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM refused WHERE origin = ?`, origin).Scan(&n)
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
