package main

import (
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
)

// supersededIn is the access store's Options.Superseded on engine e:
// when the assembly's signed log last voided a person's codes and
// sessions (auth.Superseded of their access in the state the log
// rebuilds), zero for an assembly this server does not hold. On a node
// following an assembly another node writes, the state may lag behind
// the log by a moment: it then knows fewer issues and revocations, and
// refuses no code or session the log holds valid.
func supersededIn(e *engine.Engine) func(assemblyID, person string) time.Time {
	return func(assemblyID, person string) (t time.Time) {
		a, ok := e.Assembly(assemblyID)
		if !ok {
			return t
		}
		a.Read(func(s *assembly.State) { t = auth.Superseded(s.Access[person]) })
		return t
	}
}
