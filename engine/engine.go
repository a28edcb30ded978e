// Package engine runs assemblies: it is the one writer of each assembly's
// log. A command is decided against the assembly's current state (package
// assembly), its events are appended to the ledger (package ledger), applied,
// and published to subscribers — in that order, so that nobody is told
// "accepted", and no page shows a change, before it is durable. Each
// assembly's writer is plenum's one group commit: the commands that arrive
// while a batch is being written are decided together and appended in one
// ledger append (one transaction, one sync, one checkpoint).
//
// An append whose outcome is unknown is never guessed: the ledger reads
// the log back before the writer decides anything else, the state is
// rebuilt from what the log really holds, and each command is answered as
// the record has it (docs/ledger.md, "Unknown outcomes").
//
// At start the engine rebuilds every assembly's state by replaying its log.
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/internal/gcpercent"
	"plenum/ledger"
)

// Options configure an Engine.
type Options struct {
	// Server is the server name in every log's origin
	// ("<server>/log/<id>"); ledger.DefaultServerName if empty.
	Server string
	// Signer signs every checkpoint.
	Signer note.Signer
	// Verifier checks the checkpoints when a log is opened: the verifier
	// of Signer's key, and of any earlier key the logs were signed with.
	Verifiers note.Verifiers
	// Committed, if set, is called by an assembly's writer after each
	// batch is durable, with the new signed checkpoint: the hook for
	// witness cosigning. It must not block; hand the work to a goroutine.
	Committed func(a *Assembly, checkpoint []byte)
	// AppendTimeout bounds one append of a batch to the store; past it the
	// append counts as failed and its outcome is read back from the store
	// (ledger.Log.AppendBatch). Default 30 seconds.
	AppendTimeout time.Duration
	// SettleTimeout bounds each attempt to read the log back after a
	// failed append (ledger.Options.SettleTimeout). Default 30 seconds.
	SettleTimeout time.Duration
	// Leases, if set, makes the engine one node of a cluster on a shared
	// database: an assembly decides commands only while this node holds
	// its log's lease, and otherwise answers them with a *NotWriterError
	// naming the holder; the assemblies follow what the other nodes
	// append (Grown, Gap) and open those created there.
	Leases Leases
	// Logger receives what the engine reports on its own: on a cluster,
	// a lease lost, a follow that failed, an assembly that could not be
	// opened. Nil: slog.Default().
	Logger *slog.Logger
}

// Engine holds the assemblies of one store.
type Engine struct {
	store     ledger.Store
	server    string
	signer    note.Signer
	verifiers note.Verifiers
	committed func(a *Assembly, checkpoint []byte)
	timeouts  timeouts
	boxSecret []byte // see boxSecret
	leases    Leases
	logger    *slog.Logger

	mu         sync.RWMutex
	assemblies map[string]*Assembly
	opening    map[string]bool // ids being opened by discover
	closed     bool
}

// Open opens every assembly log in st, audits it in full (every hash, every
// checkpoint signature) and replays it. A log that fails (a damaged entry,
// an event the rules do not fit) stops Open with an error naming the entry:
// the server must not run on a record it cannot explain.
func Open(ctx context.Context, st ledger.Store, opts Options) (*Engine, error) {
	if opts.Signer == nil || opts.Verifiers == nil {
		return nil, errors.New("engine: a signer and the verifiers of its key are needed")
	}
	if opts.Server == "" {
		opts.Server = ledger.DefaultServerName
	}
	if opts.AppendTimeout <= 0 {
		opts.AppendTimeout = 30 * time.Second
	}
	if opts.SettleTimeout <= 0 {
		opts.SettleTimeout = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	defer lessGC()()
	e := &Engine{store: st, server: opts.Server, signer: opts.Signer, verifiers: opts.Verifiers, committed: opts.Committed,
		timeouts: timeouts{append: opts.AppendTimeout, settle: opts.SettleTimeout}, assemblies: map[string]*Assembly{},
		opening: map[string]bool{}, leases: opts.Leases, logger: opts.Logger}
	secret, err := boxSecret(opts.Signer)
	if err != nil {
		return nil, err
	}
	e.boxSecret = secret
	origins, err := st.Logs(ctx)
	if err != nil {
		return nil, err
	}
	for _, origin := range origins {
		server, id, err := ledger.ParseOrigin(origin)
		if err != nil || server != e.server {
			continue // another server's log (or a foreign one) is not ours to write
		}
		a, err := e.openAssembly(ctx, id)
		if err != nil {
			e.Close()
			return nil, err
		}
		e.assemblies[id] = a
	}
	return e, nil
}

// gcWhileOpening is the garbage collector's GOGC while engines open: a
// replay allocates mostly short-lived values (entries read, events
// decoded) beside a state that only grows, and with the default of 100
// the collector ran a quarter of a restart's CPU time, marking the
// growing state again and again.
const gcWhileOpening = 400

// lessGC raises GOGC to gcWhileOpening (unless it is set higher, or off)
// until the returned function is called (package gcpercent, which keeps
// the engines opening at once and the quiet collector from undoing each
// other's changes).
func lessGC() (restore func()) { return gcpercent.Hold(gcWhileOpening) }

// Server returns the server name in the engine's origins.
func (e *Engine) Server() string { return e.server }

// Store returns the store the engine writes to.
func (e *Engine) Store() ledger.Store { return e.store }

// Close stops every assembly's writer. It does not close the store.
func (e *Engine) Close() error {
	e.mu.Lock()
	e.closed = true
	as := make([]*Assembly, 0, len(e.assemblies))
	for _, a := range e.assemblies {
		as = append(as, a)
	}
	e.mu.Unlock()
	for _, a := range as {
		a.close()
	}
	return nil
}

// Assembly returns the assembly with the given id.
func (e *Engine) Assembly(id string) (*Assembly, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	a, ok := e.assemblies[id]
	return a, ok
}

// Assemblies returns every assembly, ordered by id.
func (e *Engine) Assemblies() []*Assembly {
	e.mu.RLock()
	out := make([]*Assembly, 0, len(e.assemblies))
	for _, a := range e.assemblies {
		out = append(out, a)
	}
	e.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// HaltedAssembly is an assembly that takes no commands, and why
// (Engine.Halted).
type HaltedAssembly struct {
	ID string
	// Err is what a command gets now: it wraps ErrStopped or ErrSuspended.
	Err error
}

// Halted lists, ordered by id, the assemblies that stopped or suspended
// themselves while the engine ran (Assembly.Halted), for a health check
// to name: a log rolled back or written past its head outside plenum, a
// record that no longer replays, a store that cannot be read back.
// Assemblies kept out before the engine opened them are not among them.
func (e *Engine) Halted() []HaltedAssembly {
	var out []HaltedAssembly
	for _, a := range e.Assemblies() {
		if err := a.Halted(); err != nil {
			out = append(out, HaltedAssembly{ID: a.id, Err: err})
		}
	}
	return out
}

// Submit parses one command envelope and runs it: see Assembly.Submit.
// create_assembly opens a new log for the assembly it creates; every other
// command goes to the assembly its envelope names.
func (e *Engine) Submit(ctx context.Context, env assembly.Envelope) (*Result, error) {
	cmd, err := assembly.ParseCommand(env)
	if err != nil {
		return nil, err
	}
	a, err := e.target(ctx, env, cmd)
	if err != nil {
		return nil, err
	}
	return a.Submit(ctx, env.Meta(), cmd)
}

// target finds, or for create_assembly opens, the assembly a command is for.
func (e *Engine) target(ctx context.Context, env assembly.Envelope, cmd assembly.Command) (*Assembly, error) {
	id := env.Assembly
	create, isCreate := cmd.(assembly.CreateAssembly)
	if isCreate {
		id = create.ID
	}
	if id == "" {
		return nil, &assembly.Error{Code: assembly.ErrInvalid, Field: "assembly", Msg: fmt.Sprintf("the command %s names no assembly", env.Cmd)}
	}
	if a, ok := e.Assembly(id); ok {
		return a, nil
	}
	if !isCreate {
		return nil, &assembly.Error{Code: assembly.ErrNotFound, Field: "assembly", Msg: fmt.Sprintf("there is no assembly %q", id)}
	}
	if !ledger.ValidAssemblyID(id) {
		return nil, &assembly.Error{Code: assembly.ErrInvalid, Field: "id", Msg: fmt.Sprintf("%q cannot name an assembly: use 1 to 64 letters, digits, '.', '_' and '-'", id)}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ledger.ErrClosed
	}
	if a, ok := e.assemblies[id]; ok {
		return a, nil
	}
	a, err := e.openAssembly(ctx, id)
	if err != nil {
		return nil, err
	}
	e.assemblies[id] = a
	return a, nil
}

func (e *Engine) openAssembly(ctx context.Context, id string) (*Assembly, error) {
	origin, err := ledger.Origin(e.server, id)
	if err != nil {
		return nil, err
	}
	log, err := ledger.OpenWith(ctx, e.store, origin, e.signer, ledger.Options{SettleTimeout: e.timeouts.settle})
	if err != nil {
		return nil, err
	}
	a := newAssembly(id, log, e.timeouts)
	a.boxSecret = e.boxSecret
	a.committed = e.committed
	a.leases, a.verifiers, a.logger = e.leases, e.verifiers, e.logger
	t := newTwins()
	opts := t.auditOptions()
	opts.Origins = []string{origin}
	if _, err := ledger.Audit(ctx, e.store, e.verifiers, opts); err != nil {
		log.Close()
		return nil, fmt.Errorf("engine: the record of %s does not verify: %w", id, err)
	}
	a.setStates(t.states(origin))
	a.feed.reset(log.Size())
	go a.writer()
	return a, nil
}
