package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"

	"golang.org/x/mod/sumdb/note"

	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/tiles"
)

// An assembly whose record is damaged (an entry edited, the log cut
// short, a checkpoint that does not verify, a log rolled back behind its
// high-water mark) is held out at serve's start — quarantined — instead
// of stopping the server: whoever can damage one assembly's rows would
// otherwise deny service to every other assembly on the server. Nothing
// is read from a held-out log or written to it (heldStore), its pages and
// API answer 503 saying what was found and what to do (guard), and the
// start and /healthz say the server runs degraded. The quarantine is
// decided once, at the start, by each process for itself. serve --strict
// refuses to start instead, as every start did before; so does a start on
// which no assembly is left intact, or whose damage is the server's (a
// signing key that is not the record's, a database that cannot be read).

// heldOut is an assembly held out at the start, and why.
type heldOut struct {
	id, origin string
	// refused is the engine's refusal of the log, in its words (what
	// serve refused to start with before); nil for a mark.
	refused error
	// mark is the high-water mark the log is behind, or nil.
	mark *highwater.Finding
	// heard is set once a cluster node heard another node append to the
	// log, and said so (quarantine.grown).
	heard atomic.Bool
}

// message is what the pages, the API and the start say of h, in l's
// words: the assembly, the damage found, and what to do.
func (h *heldOut) message(l *i18n.Locale) string {
	return l.T("serve.held.message", h.id, h.reason(l), h.todo(l))
}

// reason is the damage found in h, in l's words.
func (h *heldOut) reason(l *i18n.Locale) string {
	if h.mark != nil {
		return findingText(l, *h.mark)
	}
	return h.refused.Error()
}

// todo is what the server's operator does about h, in l's words.
func (h *heldOut) todo(l *i18n.Locale) string {
	if h.mark != nil {
		return l.T("serve.held.todo_rollback")
	}
	return l.T("serve.held.todo_damaged")
}

// quarantine is the set of assemblies a server holds out. It is filled
// while the server opens, before anything is served, and read from then
// on (heldStore, guard, /healthz).
type quarantine struct {
	server string
	held   atomic.Pointer[heldSet]
	// refusal is the refusal a strict start would have said first (the
	// marks', the engine's): a start with no log left intact says it.
	refusal error
	// log is where a cluster node says that another node appends to a
	// log it holds out (heard); nil: slog.Default().
	log *slog.Logger
}

type heldSet struct {
	byOrigin map[string]*heldOut
	byID     map[string]*heldOut
	order    []*heldOut // in the order found
}

// add holds the log origin out (the first reason found is kept).
func (q *quarantine) add(origin string, refused error, mark *highwater.Finding) {
	_, id, err := ledger.ParseOrigin(origin)
	if err != nil {
		id = origin
	}
	old := q.held.Load()
	next := &heldSet{byOrigin: map[string]*heldOut{}, byID: map[string]*heldOut{}}
	if old != nil {
		if old.byOrigin[origin] != nil {
			return
		}
		for _, h := range old.order {
			next.byOrigin[h.origin], next.byID[h.id] = h, h
		}
		next.order = append(next.order, old.order...)
	}
	h := &heldOut{id: id, origin: origin, refused: refused, mark: mark}
	next.byOrigin[origin], next.byID[id] = h, h
	next.order = append(next.order, h)
	q.held.Store(next)
}

// list returns the assemblies held out, in the order found.
func (q *quarantine) list() []*heldOut {
	if s := q.held.Load(); s != nil {
		return s.order
	}
	return nil
}

// heldOut is the list for the index page and GET /api/assemblies
// (web.Options.HeldOut, httpapi.Options.HeldOut): what the start found,
// nothing read from the logs.
func (q *quarantine) heldOut() []httpapi.HeldOut {
	var out []httpapi.HeldOut
	for _, h := range q.list() {
		out = append(out, httpapi.HeldOut{ID: h.id, Reason: h.reason, Todo: h.todo})
	}
	return out
}

func (q *quarantine) origin(origin string) *heldOut {
	if s := q.held.Load(); s != nil {
		return s.byOrigin[origin]
	}
	return nil
}

func (q *quarantine) id(id string) *heldOut {
	if q == nil {
		return nil
	}
	if s := q.held.Load(); s != nil {
		return s.byID[id]
	}
	return nil
}

// heldError is a held-out log's answer to everything asked of it.
type heldError struct{ h *heldOut }

func (e *heldError) Error() string {
	return fmt.Sprintf("the assembly %s is held out at this start (quarantined): its record is damaged, and nothing is read from it or written to it until the server starts on a repaired database", e.h.id)
}

// Unavailable is what the API answers a command that reached the held-out
// log (creating its assembly again): 503, with the assembly's message.
func (e *heldError) Unavailable(l *i18n.Locale) string { return e.h.message(l) }

// heldStore is the server's store with its held-out logs taken out: they
// are not listed, and every read or write of one fails with a
// *heldError — the engine, the tiles, the cosigner and a cluster node's
// discovery of an assembly all go through it. With only set it shows that
// one log alone (a probe of the start, openEngineHolding).
type heldStore struct {
	ledger.Store
	q    *quarantine
	only string
}

func (v *heldStore) out(origin string) error {
	if h := v.q.origin(origin); h != nil {
		return &heldError{h}
	}
	return nil
}

func (v *heldStore) Logs(ctx context.Context) ([]string, error) {
	logs, err := v.Store.Logs(ctx)
	if err != nil {
		return nil, err
	}
	out := logs[:0:0]
	for _, o := range logs {
		if v.q.origin(o) == nil && (v.only == "" || o == v.only) {
			out = append(out, o)
		}
	}
	return out, nil
}

func (v *heldStore) CreateLog(ctx context.Context, origin string, checkpoint []byte) error {
	if err := v.out(origin); err != nil {
		return err
	}
	return v.Store.CreateLog(ctx, origin, checkpoint)
}

func (v *heldStore) Head(ctx context.Context, origin string) (ledger.Head, error) {
	if err := v.out(origin); err != nil {
		return ledger.Head{}, err
	}
	return v.Store.Head(ctx, origin)
}

func (v *heldStore) SettledHead(ctx context.Context, origin string) (ledger.Head, error) {
	if err := v.out(origin); err != nil {
		return ledger.Head{}, err
	}
	return v.Store.SettledHead(ctx, origin)
}

func (v *heldStore) AppendBatch(ctx context.Context, origin string, b *ledger.Batch) error {
	if err := v.out(origin); err != nil {
		return err
	}
	return v.Store.AppendBatch(ctx, origin, b)
}

func (v *heldStore) ScanRecords(ctx context.Context, origin string, start, end int64, fn func(r ledger.Record) error) error {
	if err := v.out(origin); err != nil {
		return err
	}
	return v.Store.ScanRecords(ctx, origin, start, end, fn)
}

func (v *heldStore) ReadRecords(ctx context.Context, origin string, indexes []int64) ([]ledger.Record, error) {
	if err := v.out(origin); err != nil {
		return nil, err
	}
	return v.Store.ReadRecords(ctx, origin, indexes)
}

func (v *heldStore) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	if err := v.out(origin); err != nil {
		return nil, err
	}
	return v.Store.Checkpoints(ctx, origin, after, limit)
}

func (v *heldStore) AddCosignatures(ctx context.Context, origin string, size int64, sigs [][]byte) error {
	if err := v.out(origin); err != nil {
		return err
	}
	return v.Store.AddCosignatures(ctx, origin, size, sigs)
}

func (v *heldStore) Cosignatures(ctx context.Context, origin string, size int64) ([][]byte, error) {
	if err := v.out(origin); err != nil {
		return nil, err
	}
	return v.Store.Cosignatures(ctx, origin, size)
}

func (v *heldStore) SealedBallots(ctx context.Context, origin, box string) ([]ledger.SealedBallot, error) {
	if err := v.out(origin); err != nil {
		return nil, err
	}
	return v.Store.SealedBallots(ctx, origin, box)
}

// damage says whether err, an engine's refusal to open a log, is the
// log's own damage (its audit failed, or its head cannot be carried on
// from) rather than the server's trouble (a database that does not
// answer), which no quarantine answers.
func damage(err error) bool {
	var ae *ledger.AuditError
	return errors.As(err, &ae) || errors.Is(err, ledger.ErrBadHead)
}

// checkMarksHolding is checkMarks, except that each log behind its
// high-water mark is held out rather than the start refused — unless
// strict or accept (--accept-rollback, which moves the marks as before),
// or no log of the server would be left to serve.
func (s *server) checkMarksHolding(ctx context.Context, cfg serverConfig, verifiers note.Verifiers) (err error) {
	if cfg.strict || cfg.acceptRollback {
		return s.checkMarks(ctx, cfg.l, cfg.data, cfg.db, verifiers, cfg.acceptRollback)
	}
	s.marks, s.marksMade, err = s.heldStore().holdMarks(ctx, cfg.l, highwater.Path(cfg.data, cfg.db), verifiers)
	return err
}

// heldStore is the server's store, which hides the logs held out.
func (s *server) heldStore() *heldStore {
	if v, ok := s.store.(*heldStore); ok {
		return v
	}
	return &heldStore{Store: s.store, q: s.held}
}

// holdMarks loads the high-water marks at path and checks the logs of v
// against them; each log behind its mark is held out (in v.q) rather
// than everything refused, unless no log of the server would be left
// intact. The marks are then kept (keepMarks); made is path if the file
// was not there. serve (checkMarksHolding), replay and import
// (openEngineIn, openImportWriter) hold out so.
func (v *heldStore) holdMarks(ctx context.Context, l *i18n.Locale, path string, verifiers note.Verifiers) (m *marks, made string, err error) {
	loaded, found, findings, err := loadMarks(ctx, v, path, verifiers)
	if err != nil {
		return nil, "", marksErr(l, err)
	}
	if len(findings) > 0 {
		for i := range findings {
			v.q.add(findings[i].Origin, nil, &findings[i])
		}
		v.q.refusal = marksErr(l, &highwater.RefusedError{Path: path, Findings: findings})
		if intact, err := v.intact(ctx); err != nil || intact == 0 {
			return nil, "", cmpErr(err, v.q.refusal)
		}
	}
	// The marks of the logs held out stay where they are: nothing is
	// noted of those logs, and the next start finds them behind again.
	return keepMarks(path, loaded, found, false)
}

// intact is the number of the server's logs in the database not held
// out.
func (v *heldStore) intact(ctx context.Context) (int, error) {
	logs, err := v.Logs(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range logs {
		if server, _, err := ledger.ParseOrigin(o); err == nil && server == v.q.server {
			n++
		}
	}
	return n, nil
}

// openEngineHolding opens the engine on the server's store (a
// *heldStore), as openEngine does.
func (s *server) openEngineHolding(ctx context.Context, opts engine.Options, strict bool) (*engine.Engine, error) {
	return s.heldStore().openEngine(ctx, opts, strict)
}

// openEngine opens the engine on v. If a log's record is damaged, the
// engine refuses; then, unless strict, each log is opened alone to find
// those it refuses, they are held out, and the engine opens on the
// others. An opening on which no log is left intact, or on which the
// engine's refusal is not a log's damage, is refused with the engine's
// error, as before.
func (v *heldStore) openEngine(ctx context.Context, opts engine.Options, strict bool) (*engine.Engine, error) {
	e, err := engine.Open(ctx, v, opts)
	if err == nil || strict || !damage(err) {
		return e, err
	}
	if v.q.refusal == nil {
		v.q.refusal = err
	}
	logs, err := v.Logs(ctx)
	if err != nil {
		return nil, err
	}
	probe := engine.Options{Server: opts.Server, Signer: opts.Signer, Verifiers: opts.Verifiers, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, o := range logs {
		if server, _, err := ledger.ParseOrigin(o); err != nil || server != opts.Server {
			continue
		}
		pe, err := engine.Open(ctx, &heldStore{Store: v.Store, q: v.q, only: o}, probe)
		if err == nil {
			pe.Close()
			continue
		}
		if !damage(err) {
			return nil, err
		}
		v.q.add(o, err, nil)
	}
	if n, err := v.intact(ctx); err != nil || n == 0 {
		return nil, cmpErr(err, v.q.refusal)
	}
	return engine.Open(ctx, v, opts)
}

// cmpErr is the first of errs that is not nil.
func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// guard answers 503 for every page, API call and log path of a held-out
// assembly, with the message that names it, the damage and what to do;
// everything else goes to next.
func (q *quarantine) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := q.id(assemblyInPath(r.URL.Path)); h != nil {
			httpapi.Unavailable(w, r, h.message)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// assemblyInPath is the assembly a request's path is for: /a/<id>/…,
// /api/assemblies/<id>/…, /log/<id>/…; "" for another path.
func assemblyInPath(p string) string {
	for _, prefix := range []string{"/a/", "/api/assemblies/", tiles.Prefix} {
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			id, _, _ := strings.Cut(rest, "/")
			return id
		}
	}
	return ""
}

// grown passes the cluster's notification that another node appended to
// the log origin (Engine.Grown) on to the engine, unless the log is held
// out here: the engine could only fail to open it, and said so, an error,
// at every append another node made, all through a congress. Instead
// the node says it once, the first time it hears such an append: the
// quarantine is decided at the start and does not change until the next.
func (q *quarantine) grown(e *engine.Engine, origin string, size int64) {
	h := q.origin(origin)
	if h == nil {
		e.Grown(origin, size)
		return
	}
	if h.heard.CompareAndSwap(false, true) {
		log := q.log
		if log == nil {
			log = slog.Default()
		}
		log.Warn("plenum serve: another node appends to an assembly this node holds out (quarantined at its start, its record here found damaged); this node does not read it until it starts again (said once)",
			"assembly", h.id, "size", size, "damage", h.reason(i18n.For("en")))
	}
}

// gap is Engine.Gap without the logs held out (grown).
func (q *quarantine) gap(e *engine.Engine, sizes map[string]int64) {
	intact := make(map[string]int64, len(sizes))
	for origin, size := range sizes {
		if q.origin(origin) == nil {
			intact[origin] = size
		}
	}
	e.Gap(intact)
}

// sayHeld tells, at a start, each assembly held out: once, naming it, the
// damage and what to do.
func sayHeld(out io.Writer, l *i18n.Locale, s *server) {
	for _, h := range s.held.list() {
		fmt.Fprintf(out, "plenum serve: %s\n", l.T("serve.held.start", h.message(l)))
	}
}

// healthz writes /healthz's lines of the assemblies held out at the
// start — "degraded" and each of them (200 still: the other assemblies
// are served, and a balancer should keep sending them) — and reports
// whether there were any; server.healthz says "ok" when nothing is held
// out or halted.
func (q *quarantine) healthz(w io.Writer) bool {
	held := q.list()
	if len(held) == 0 {
		return false
	}
	fmt.Fprintf(w, "degraded: %d of the assemblies held out at the start (quarantined), the others served\n", len(held))
	for _, h := range held {
		fmt.Fprintf(w, "%s\n", h.message(i18n.For("en")))
	}
	return true
}
