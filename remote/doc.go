// Package remote verifies a plenum log from outside, the way any
// transparency-log client would: it fetches <url>/checkpoint and the tiles
// and entry bundles of the C2SP tlog-tiles layout (c2sp.org/tlog-tiles)
// over HTTP, checks the checkpoint's signature and its witnesses'
// cosignatures, its consistency with a checkpoint remembered from an
// earlier visit, recomputes every record hash and tree hash from the
// entries, and hands each entry to a replay function.
//
// It trusts nothing the server says that it has not checked against the
// log's key: every tile it reads is authenticated against the signed root
// hash (tlog.TileHashReader), and the first problem found is reported as
// an *Error naming the entry.
package remote
