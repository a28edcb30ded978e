// Package assembly is plenum's domain: a delegate assembly run under written
// rules of procedure, as a pure state machine, with the standard library and
// package tally (counting) only.
//
// Everything that happens at an assembly arrives as a Command, one Go struct
// per command of docs/script.md (CastBallot, OpenVote, …). ParseEnvelope and
// ParseCommand read the script and API format strictly. Decide checks a
// command against the rules and the current State and answers with the
// Events it becomes, or with an *Error whose Code classifies the refusal and
// whose message says, in words a chair understands, what was refused and
// why; Decide never changes the state. State.Apply folds an event into the
// state and refuses an event that does not fit it (a damaged log). The state
// of an assembly is the fold of its events: EncodeEvent and DecodeEvent move
// events to and from the ledger, and replaying them rebuilds the state
// exactly. Time and randomness arrive with the command (Meta.At, election
// seeds), never from the machine.
//
// One State is one assembly. Its maps give lookup by id and its Order slices
// the order things were created in; Record is the minutes in order, each
// entry naming the event it comes from and what it is about, for a renderer
// to walk. SpeakersList, PendingMotions, Eligible and Quorum answer the
// questions the pages ask.
//
// In a secret vote the ballot_cast event records that a voter voted, never
// the choice: the caller (package engine) gives each ballot a random token
// (CastBallot.Token, never in the event), keeps the ballot apart in a
// ballot box, and hands the ballots back, shuffled, one per vote with its
// token, in CloseVote.Sealed; the sealed_ballots events after vote_closed
// carry them.
package assembly
