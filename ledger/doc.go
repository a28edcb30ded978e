// Package ledger is plenum's tamper-evident record: an append-only log of
// entries per assembly, hashed into a Merkle tree with
// golang.org/x/mod/sumdb/tlog (RFC 6962) and vouched for by checkpoints
// signed with golang.org/x/mod/sumdb/note in the C2SP tlog-checkpoint
// format, so that generic transparency-log clients can verify it.
//
// An entry is stored exactly as the bytes that were hashed (see EncodeEntry).
// A Log appends entries with group commit: concurrent callers are batched
// into one storage transaction and one sync, and every batch ends with a new
// signed checkpoint. Storage is behind the Store interface; package
// plenum/store/sqlite implements it. Audit re-reads a whole store and
// reports the first entry, hash or checkpoint that does not check out.
//
// The entry format, the origin scheme and how an outside client verifies a
// log are described in docs/ledger.md.
package ledger
