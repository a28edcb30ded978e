//go:build js && wasm && ballotvectors

package main

import (
	"syscall/js"

	"plenum/ballot"
	"plenum/ballot/internal/testrand"
)

// The vectors build (-tags ballotvectors), for the browser tests only:
// seed(s) makes the following calls draw their randomness from the
// deterministic stream of the vectors, and generateVectors() runs the
// vectors' generation in the browser. A production build has neither.
func init() {
	extra["seed"] = func(a []js.Value) (any, error) {
		s, err := arg(a, 0)
		if err != nil {
			return nil, err
		}
		random = testrand.New(s)
		return true, nil
	}
	extra["generateVectors"] = func([]js.Value) (any, error) {
		b, err := ballot.GenerateVectors()
		return string(b), err
	}
}
