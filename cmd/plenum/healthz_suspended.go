package main

import (
	"fmt"
	"io"
)

// healthz writes what /healthz says of the assemblies: "ok" when every one
// takes commands; otherwise "degraded", naming those held out at the start
// (quarantine.healthz) and those the engine stopped or suspended while the
// server ran (engine.Engine.Halted: a log rolled back or written past its
// head outside plenum, a record that no longer replays, a database that
// cannot be read back), each with why. The answer stays 200, as for the
// held-out ones: a load balancer keeps sending the server the other
// assemblies' traffic, and a monitor reading the body sees the damage.
func (s *server) healthz(w io.Writer) {
	held := s.held.healthz(w)
	halted := s.engine.Halted()
	if len(halted) == 0 {
		if !held {
			fmt.Fprintln(w, "ok")
		}
		return
	}
	fmt.Fprintf(w, "degraded: %d of the assemblies stopped taking commands while the server ran, the others served\n", len(halted))
	for _, h := range halted {
		fmt.Fprintf(w, "The assembly %s takes no commands: %v\n", h.ID, h.Err)
	}
}
