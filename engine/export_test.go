package engine

// RequestHash exposes requestHash to the attack tests.
var RequestHash = requestHash

// NewAuditReplayerWorkers exposes newAuditReplayer to the benchmark of
// the audit's proof checks, serial (0) and parallel.
var NewAuditReplayerWorkers = newAuditReplayer
