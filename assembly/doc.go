// Package assembly is plenum's domain: a delegate assembly run under written
// rules of procedure, as a pure state machine.
//
// Everything that happens at an assembly arrives as a Command. Decide checks
// it against the rules and the current State and answers with the Events it
// becomes, or with an *Error that says, in words a chair understands, what was
// refused and why. State.Apply folds an event into the state; the state of an
// assembly is the fold of its events, so replaying the log rebuilds it
// exactly. Time and randomness arrive with the command (Meta.At, seeds), never
// from the machine, which keeps replay exact.
//
// The commands, their arguments and who may give them are documented for
// users in docs/script.md; ParseEnvelope and ParseCommand read that format.
package assembly
