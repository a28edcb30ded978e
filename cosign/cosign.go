// Package cosign has each new checkpoint of plenum's logs cosigned by
// witnesses (c2sp.org/tlog-witness, through package witness), keeps the
// cosignatures in the store, and says whether a log's latest checkpoint
// counts as witnessed under a policy ("any K of these N witnesses").
//
// A Cosigner is wired in as the engine's Committed hook. Per log and
// witness, one goroutine submits checkpoints, always the latest one: a
// checkpoint committed while a submission is under way replaces the one
// waiting, so a burst of batches costs each witness two requests, not one
// per batch; and a slow or hung witness holds up only its own submissions,
// never the other witnesses' cosignatures. The witnesses' cosignatures are stored beside the checkpoint
// (ledger.Store.AddCosignatures), never in it, and package tiles serves the
// checkpoint with them.
package cosign

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/engine"
	"plenum/ledger"
	"plenum/witness"
)

// CloseGrace is how long Close lets submissions under way finish before
// it cancels them.
const CloseGrace = 10 * time.Second

// storeTimeout bounds the storing of one submission's cosignatures.
const storeTimeout = 30 * time.Second

// Cosigner submits the logs' checkpoints to witnesses and keeps their
// cosignatures. Its methods are safe for concurrent use.
type Cosigner struct {
	st        ledger.Store
	witnesses []witness.Endpoint
	client    *http.Client
	policy    *witness.Policy
	logger    *slog.Logger

	ctx    context.Context // cancelled by Close after CloseGrace
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	closed bool
	logs   map[string]*logState // by origin
}

// logState is one log's submissions, one lane per witness.
type logState struct {
	lanes   []*lane
	failed  map[string]string // witness name → error of its last submission
	changed chan struct{}     // closed and replaced when a lane's done changes or its running ends
}

// lane is the submissions of one log's checkpoints to one witness.
type lane struct {
	sub     *witness.Submitter // the one witness; its Proofs is the log's *ledger.Log
	pending []byte             // the latest checkpoint not yet submitted, or nil
	running bool               // a goroutine is submitting
	done    int64              // the largest size whose submission has finished; -1 if none
}

// done returns the largest size whose submission to every witness has
// finished; -1 if none.
func (ls *logState) done() int64 {
	d := ls.lanes[0].done
	for _, ln := range ls.lanes[1:] {
		d = min(d, ln.done)
	}
	return d
}

// running reports whether a submission to some witness is under way or
// waiting.
func (ls *logState) running() bool {
	for _, ln := range ls.lanes {
		if ln.running {
			return true
		}
	}
	return false
}

// New returns a Cosigner that submits checkpoints to the witnesses of sub
// (its Witnesses and Client; its Proofs is not used: each log's own
// *ledger.Log gives the consistency proofs), stores their cosignatures in
// st, and judges them by policy. logger may be nil. It fails if sub names
// no witness or if the policy is invalid or cannot be met by them.
func New(st ledger.Store, sub *witness.Submitter, policy *witness.Policy, logger *slog.Logger) (*Cosigner, error) {
	if sub == nil || len(sub.Witnesses) == 0 {
		return nil, errors.New("cosign: no witnesses to submit checkpoints to")
	}
	if policy == nil {
		return nil, errors.New("cosign: no witness policy")
	}
	if err := policy.Validate(); err != nil {
		return nil, fmt.Errorf("cosign: %w", err)
	}
	reachable := 0
	for _, v := range policy.Witnesses {
		for _, w := range sub.Witnesses {
			if w.Verifier.Name() == v.Name() && w.Verifier.KeyHash() == v.KeyHash() {
				reachable++
				break
			}
		}
	}
	if reachable < policy.Threshold {
		return nil, fmt.Errorf("cosign: the policy needs %d cosignatures but only %d of its witnesses are submitted to: give each policy witness a URL", policy.Threshold, reachable)
	}
	if logger == nil {
		logger = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Cosigner{
		st: st, witnesses: sub.Witnesses, client: sub.Client, policy: policy, logger: logger,
		ctx: ctx, cancel: cancel, logs: map[string]*logState{},
	}, nil
}

// Policy returns the policy the Cosigner judges checkpoints by.
func (c *Cosigner) Policy() *witness.Policy { return c.policy }

// Committed hands a newly committed checkpoint of a's log to the log's
// submitting goroutine and returns at once: it is engine.Options.Committed.
// If a submission is under way, checkpoint replaces any checkpoint still
// waiting. After Close it does nothing.
func (c *Cosigner) Committed(a *engine.Assembly, checkpoint []byte) {
	c.submit(a.Log(), checkpoint, nil)
}

// submit hands checkpoint to the lanes of the log's witnesses; with skip,
// not to those whose keys it holds, which count as having finished its
// size.
func (c *Cosigner) submit(l *ledger.Log, checkpoint []byte, skip map[key]bool) {
	origin := l.Origin()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	ls := c.logs[origin]
	if ls == nil {
		ls = &logState{failed: map[string]string{}, changed: make(chan struct{})}
		for _, w := range c.witnesses {
			ls.lanes = append(ls.lanes, &lane{
				sub:  &witness.Submitter{Witnesses: []witness.Endpoint{w}, Proofs: l, Client: c.client},
				done: -1,
			})
		}
		c.logs[origin] = ls
	}
	size := sizeOf(checkpoint)
	for _, ln := range ls.lanes {
		if skip[keyOf(ln.sub.Witnesses[0].Verifier)] {
			ln.done = max(ln.done, size)
			continue
		}
		if ln.pending != nil && sizeOf(ln.pending) >= size {
			continue // never go back to an older checkpoint
		}
		ln.pending = checkpoint
		if !ln.running {
			ln.running = true
			c.wg.Add(1)
			go c.run(origin, ls, ln)
		}
	}
	ls.notify()
}

// Resume submits the latest checkpoint of every assembly of e whose stored
// cosignatures lack one of the witnesses': after a restart, the checkpoint
// committed last before it may never have reached them.
func (c *Cosigner) Resume(ctx context.Context, e *engine.Engine) error {
	for _, a := range e.Assemblies() {
		l := a.Log()
		cp := l.Checkpoint()
		have, err := c.st.Cosignatures(ctx, l.Origin(), sizeOf(cp))
		if err != nil {
			return err
		}
		keys := signers(have)
		for _, w := range c.witnesses {
			if !keys[keyOf(w.Verifier)] {
				c.submit(l, cp, keys)
				break
			}
		}
	}
	return nil
}

// run submits the lane's pending checkpoint until none is left.
func (c *Cosigner) run(origin string, ls *logState, ln *lane) {
	defer c.wg.Done()
	for {
		c.mu.Lock()
		cp := ln.pending
		ln.pending = nil
		if cp == nil || c.ctx.Err() != nil {
			ln.running = false
			ls.notify()
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()

		size := sizeOf(cp)
		results := ln.sub.Submit(c.ctx, cp)
		c.keep(origin, size, results)

		c.mu.Lock()
		for _, r := range results {
			if r.Err != nil {
				ls.failed[r.Witness] = r.Err.Error()
			} else {
				delete(ls.failed, r.Witness)
			}
		}
		ln.done = max(ln.done, size)
		ls.notify()
		c.mu.Unlock()
	}
}

func (ls *logState) notify() {
	close(ls.changed)
	ls.changed = make(chan struct{})
}

// keep logs the witnesses' refusals and stores their cosignatures of the
// checkpoint of the given size, skipping witnesses whose cosignature of it
// is already stored.
func (c *Cosigner) keep(origin string, size int64, results []witness.Result) {
	for _, r := range results {
		if r.Warning != "" {
			c.logger.Warn("cosign: a witness has gone back", "origin", origin, "size", size, "witness", r.Witness, "warning", r.Warning)
		}
		switch {
		case errors.Is(r.Err, witness.ErrInconsistent):
			c.logger.Error("cosign: SPLIT VIEW: a witness refuses the checkpoint as inconsistent with the tree it cosigned; the log has shown it another history, or another log uses this origin and key",
				"origin", origin, "size", size, "witness", r.Witness, "err", r.Err)
		case r.Err != nil:
			c.logger.Warn("cosign: witness did not cosign", "origin", origin, "size", size, "witness", r.Witness, "err", r.Err)
		}
	}
	cosigs := witness.Cosignatures(results)
	if len(cosigs) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	have, err := c.st.Cosignatures(ctx, origin, size)
	if err != nil {
		c.logger.Error("cosign: reading stored cosignatures", "origin", origin, "size", size, "err", err)
		return
	}
	keys := signers(have)
	var add [][]byte
	for _, cs := range cosigs {
		for _, line := range bytes.SplitAfter(cs, []byte("\n")) {
			k, ok := lineKey(line)
			if !ok || keys[k] {
				continue
			}
			keys[k] = true
			add = append(add, line)
		}
	}
	if len(add) == 0 {
		return
	}
	if err := c.st.AddCosignatures(ctx, origin, size, add); err != nil {
		c.logger.Error("cosign: storing cosignatures", "origin", origin, "size", size, "err", err)
	}
}

// Wait waits until, to every witness, a submission of a checkpoint of
// origin of at least the given size has finished (its cosignature stored,
// or the witness failed), and returns nil; or
// until ctx ends, or the log's goroutine stops with nothing of that size
// submitted (after Close), returning an error.
func (c *Cosigner) Wait(ctx context.Context, origin string, size int64) error {
	for {
		c.mu.Lock()
		ls := c.logs[origin]
		if ls != nil && ls.done() >= size {
			c.mu.Unlock()
			return nil
		}
		if c.closed && (ls == nil || !ls.running()) {
			c.mu.Unlock()
			return fmt.Errorf("cosign: closed before size %d of %s was submitted", size, origin)
		}
		var changed chan struct{}
		if ls != nil {
			changed = ls.changed
		}
		c.mu.Unlock()
		if changed == nil {
			// Nothing submitted for origin yet: poll until Committed is called.
			t := time.NewTimer(10 * time.Millisecond)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		}
	}
}

// Served returns the latest checkpoint of origin with the cosignatures
// stored for it: what package tiles serves as the log's checkpoint.
func (c *Cosigner) Served(ctx context.Context, origin string) ([]byte, error) {
	h, err := c.st.Head(ctx, origin)
	if err != nil {
		return nil, err
	}
	cosigs, err := c.st.Cosignatures(ctx, origin, h.Size)
	if err != nil {
		return nil, err
	}
	return witness.Merge(h.Checkpoint, cosigs), nil
}

// Witnessed reports whether the latest checkpoint of origin counts as
// witnessed under the policy, with the names of the policy's witnesses
// whose stored cosignatures of it verify. An invalid stored cosignature
// is an error.
func (c *Cosigner) Witnessed(ctx context.Context, origin string) (bool, []string, error) {
	served, err := c.Served(ctx, origin)
	if err != nil {
		return false, nil, err
	}
	names, err := c.policy.Check(served)
	if errors.Is(err, witness.ErrNotWitnessed) {
		return false, names, nil
	}
	if err != nil {
		return false, names, err
	}
	return true, names, nil
}

// Status is what the pages show of a log's latest checkpoint and its
// witnesses.
type Status struct {
	// Enabled is false when plenum runs without witnesses (a nil
	// Cosigner); every other field is then zero.
	Enabled bool
	// Size is the tree size of the latest checkpoint.
	Size int64
	// Witnessed reports whether the policy is met for it.
	Witnessed bool
	// CosignedBy names the policy's witnesses that have cosigned it.
	CosignedBy []string
	// Policy describes the policy, e.g. "2 of 3 witnesses (a, b, c)".
	Policy string
	// Pending is true while a submission to the witnesses is under way or
	// waiting.
	Pending bool
	// Failed maps the name of each witness whose latest submission failed
	// to the error (a refusal as inconsistent means a split view).
	Failed map[string]string
}

// Status returns the witnessing status of the latest checkpoint of
// origin (for an assembly a, origin is a.Log().Origin()). On a nil
// Cosigner it returns a Status with Enabled false.
func (c *Cosigner) Status(ctx context.Context, origin string) (Status, error) {
	if c == nil {
		return Status{}, nil
	}
	h, err := c.st.Head(ctx, origin)
	if err != nil {
		return Status{}, err
	}
	cosigs, err := c.st.Cosignatures(ctx, origin, h.Size)
	if err != nil {
		return Status{}, err
	}
	s := Status{Enabled: true, Size: h.Size, Policy: c.policy.String(), Failed: map[string]string{}}
	names, err := c.policy.Check(witness.Merge(h.Checkpoint, cosigs))
	if err != nil && !errors.Is(err, witness.ErrNotWitnessed) {
		return Status{}, err
	}
	s.Witnessed, s.CosignedBy = err == nil, names
	c.mu.Lock()
	if ls := c.logs[origin]; ls != nil {
		s.Pending = ls.running()
		for k, v := range ls.failed {
			s.Failed[k] = v
		}
	}
	c.mu.Unlock()
	return s, nil
}

// Close stops taking checkpoints, lets the submissions under way and
// waiting finish for up to CloseGrace, then cancels what is left and waits
// for the goroutines to end. Close the engine first (so that nothing more
// is committed) and the store after.
func (c *Cosigner) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	done := make(chan struct{})
	go func() {
		c.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(CloseGrace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		c.cancel()
		<-done
	}
	c.cancel()
	return nil
}

// sizeOf returns the tree size of a signed checkpoint, or -1.
func sizeOf(signed []byte) int64 {
	cp, err := ledger.ParseSignedCheckpoint(signed)
	if err != nil {
		return -1
	}
	return cp.Size
}

// key is a signer's identity in a note signature line: name and key hash.
type key struct {
	name string
	hash uint32
}

func keyOf(v note.Verifier) key { return key{v.Name(), v.KeyHash()} }

// lineKey returns the key of the signature line "— name base64\n".
func lineKey(line []byte) (key, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSuffix(string(line), "\n"), "— ")
	name, b64, ok2 := strings.Cut(rest, " ")
	if !ok || !ok2 {
		return key{}, false
	}
	sig, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(sig) < 5 {
		return key{}, false
	}
	return key{name, binary.BigEndian.Uint32(sig)}, true
}

// signers returns the keys of the signature lines.
func signers(lines [][]byte) map[key]bool {
	m := map[key]bool{}
	for _, l := range lines {
		if k, ok := lineKey(l); ok {
			m[k] = true
		}
	}
	return m
}
