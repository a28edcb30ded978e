package engine

import "time"

// RequestHash exposes requestHash to the attack tests.
var RequestHash = requestHash

// NewAuditReplayerWorkers exposes newAuditReplayer to the benchmark of
// the audit's proof checks, serial (0) and parallel.
var NewAuditReplayerWorkers = newAuditReplayer

// SetMaxPendingAge sets how long the writer lets durable batches wait for
// the readers' state before it waits for it, until restore is called.
func SetMaxPendingAge(d time.Duration) (restore func()) {
	old := maxPendingAge
	maxPendingAge = d
	return func() { maxPendingAge = old }
}

// QuorumsCounted is how many times Quorum counted the quorum of a.
func QuorumsCounted(a *Assembly) int64 { return a.quorumsCounted.Load() }

// SetHeldFor sets how long an assembly believes that another node holds
// its lease without asking again, until restore is called.
func SetHeldFor(d time.Duration) (restore func()) {
	old := heldFor
	heldFor = d
	return func() { heldFor = old }
}

// SetWriterReturning has every writer call fn as it returns, after its
// last look at the queue of requests and before it closes done, until
// restore is called.
func SetWriterReturning(fn func(a *Assembly)) (restore func()) {
	old := writerReturning
	writerReturning = fn
	return func() { writerReturning = old }
}

// Queued is how many requests wait in a's queue.
func Queued(a *Assembly) int { return len(a.reqs) }
