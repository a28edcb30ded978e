package ballot

import "errors"

// codes maps each named error to its machine-readable code, the word the
// HTTP API, the browser and the known-answer vectors use.
var codes = []struct {
	err  error
	code string
}{
	{ErrMalformed, "malformed"},
	{ErrNotCanonical, "not-canonical"},
	{ErrTooLarge, "too-large"},
	{ErrInvalidParameters, "invalid-parameters"},
	{ErrWrongContext, "wrong-context"},
	{ErrInvalidProof, "invalid-proof"},
	{ErrBadDealing, "bad-dealing"},
	{ErrNotEnoughShares, "not-enough-shares"},
	{ErrOutOfRange, "out-of-range"},
	{ErrResultMismatch, "result-mismatch"},
	{ErrInvalidChoice, "invalid-choice"},
}

// Codes lists every code ErrorCode returns: those of the named errors,
// then "error".
func Codes() []string {
	out := make([]string, 0, len(codes)+1)
	for _, c := range codes {
		out = append(out, c.code)
	}
	return append(out, "error")
}

// ErrorCode is the stable, untranslated code of err's named error ("" for
// nil, "error" for an error this package does not name, such as a failing
// source of randomness).
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return "error"
}
