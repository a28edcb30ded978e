package assembly

import (
	"errors"
	"fmt"
)

// Code classifies a refusal so that callers (the HTTP layer) can map it to a
// status without reading the message.
type Code string

// The codes of refusals.
const (
	ErrInvalid   Code = "invalid"   // the command is malformed or breaks a rule of procedure
	ErrNotFound  Code = "not_found" // it names something that does not exist
	ErrForbidden Code = "forbidden" // the actor has no authority to give it
	ErrConflict  Code = "conflict"  // it clashes with what already happened
	ErrClosed    Code = "closed"    // what it acts on is closed (a vote, a sitting, a list)
	ErrDuplicate Code = "duplicate" // its idempotency key was already accepted
	ErrCorrupt   Code = "corrupt"   // an event does not fit the state (replay of a damaged log)
)

// Error is a refusal: a code and a message addressed to the person who gave
// the command. Field names the argument at fault, when there is one.
//
// Msg is English. Format and Args are its structured parts, the template
// and the arguments it was made from (Msg is fmt.Sprintf(Format, Args...)),
// so that a catalog (package i18n) can render the refusal in another
// language; they are empty for an Error made by hand.
type Error struct {
	Code   Code
	Msg    string
	Field  string
	Format string
	Args   []any
}

// Error returns the message for the person who gave the command.
func (e *Error) Error() string { return e.Msg }

// Is makes errors.Is(err, &Error{Code: c}) match on the code alone.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Code == e.Code && (t.Msg == "" || t.Msg == e.Msg)
	}
	return false
}

// CodeOf returns the code of an *Error in err's chain, or "" if there is none.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// Reason is a part of a refusal that is itself made from a template: why
// an id, a text or a command line is not valid. It reads as its English
// text (fmt's %s), and a catalog renders it in the refusal's language
// through RefusalParts, as it renders the refusal around it. A Reason may
// hold Reasons. Package roster keeps its messages as Reasons too.
type Reason struct {
	Format string
	Args   []any
	// Key, when set, is the reason's key in the catalog instead of its
	// English: for a bare word that stands in the catalog in another sense
	// too ("decisive": a roster's kind, "with a decisive vote" in a
	// refusal).
	Key string
}

func reason(format string, args ...any) *Reason { return &Reason{Format: format, Args: args} }

// Error is the reason in English.
func (r Reason) Error() string { return fmt.Sprintf(r.Format, r.Args...) }

// String is the reason in English.
func (r Reason) String() string { return r.Error() }

// RefusalParts are the catalog key and the arguments of the reason.
func (r Reason) RefusalParts() (string, []any) {
	if r.Key != "" {
		return r.Key, r.Args
	}
	return r.Format, r.Args
}

// Refusal makes a refusal from its English template and arguments, kept
// beside the English so that a catalog renders it in the reader's
// language (i18n.Locale.Refusal): for the refusals other packages make
// (the engine, the cards) as the rules make theirs.
func Refusal(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

func errf(code Code, format string, args ...any) *Error { return Refusal(code, "", format, args...) }

func invalid(format string, args ...any) *Error  { return errf(ErrInvalid, format, args...) }
func notFound(format string, args ...any) *Error { return errf(ErrNotFound, format, args...) }
func forbidden(format string, args ...any) *Error {
	return errf(ErrForbidden, format, args...)
}
func conflict(format string, args ...any) *Error { return errf(ErrConflict, format, args...) }
func closed(format string, args ...any) *Error   { return errf(ErrClosed, format, args...) }
func corrupt(format string, args ...any) *Error  { return errf(ErrCorrupt, format, args...) }

func fieldErr(field, format string, args ...any) *Error {
	return Refusal(ErrInvalid, field, format, args...)
}
