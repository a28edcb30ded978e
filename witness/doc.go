// Package witness holds plenum to one history in front of outsiders: it
// implements the C2SP tlog-witness protocol (c2sp.org/tlog-witness) on both
// sides and the Ed25519 cosignatures of C2SP tlog-cosignature
// (c2sp.org/tlog-cosignature, "cosignature/v1").
//
// A Server is a witness: it keeps, per log origin, the latest tree size and
// root hash it has cosigned, in a plenum database (SQLite or PostgreSQL,
// tables made by the store's migrations), and cosigns a submitted checkpoint
// only if a consistency proof shows that it extends that state. Checking the
// old size and persisting the new state happen in one transaction, so two
// concurrent requests cannot roll the witness back.
//
// A Submitter is the log's side: after each batch it posts the new
// checkpoint to the configured witnesses, follows their 409 answers and
// collects their cosignatures. Merge adds cosignatures to a signed
// checkpoint, and a Policy ("any K of these N witnesses") decides whether
// a checkpoint counts as witnessed.
//
// Witnesses built on this package interoperate with other implementations
// of the protocol, such as litewitness (filippo.io/torchwood).
package witness
