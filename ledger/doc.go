// Package ledger is plenum's tamper-evident record: an append-only log of
// entries per assembly, hashed into a Merkle tree with
// golang.org/x/mod/sumdb/tlog (RFC 6962) and vouched for by checkpoints
// signed with golang.org/x/mod/sumdb/note in the C2SP tlog-checkpoint
// format, so that generic transparency-log clients can verify it.
//
// An entry is stored exactly as the bytes that were hashed (see EncodeEntry).
// A Log appends a batch of entries in one synchronous call (AppendBatch):
// one storage transaction, one sync, and a new signed checkpoint. Grouping
// many callers into one batch is the caller's job (package engine). When
// the store's append fails or its reply is lost, AppendBatch reads the log
// back and reports what really happened — appended, not appended, the log
// moved under it, or unknown — rather than guessing. Storage is behind the
// Store interface; packages plenum/store/sqlite and plenum/store/postgres
// implement it. Audit re-reads a whole store and reports the first entry,
// hash or checkpoint that does not check out.
//
// The entry format, the origin scheme and how an outside client verifies a
// log are described in docs/ledger.md.
package ledger
