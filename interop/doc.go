// Package interop tests plenum against independent implementations of the
// transparency-log protocols it speaks, from filippo.io/torchwood: the
// litewitness witness cosigning plenum's log through plenum's Submitter,
// cosignatures checked both ways, and torchwood's tile client reading and
// verifying a plenum log over HTTP.
//
// It is a module of its own so that torchwood stays out of plenum's
// go.mod. Run it with "cd interop && go test ./...". The tests skip when
// litewitness cannot be built, unless PLENUM_REQUIRE_INTEROP=1.
package interop
