//go:build js && wasm

// Command wasm is plenum/ballot compiled to WebAssembly for the browser, so
// that the page runs the very code the server and `plenum verify` run. It
// defines the global object plenumBallot, whose functions take and return
// the package's canonical JSON as strings; ballot.js wraps them in a small
// promise-based API. Build it with
//
//	GOOS=js GOARCH=wasm go build -o ballot.wasm ./ballot/wasm
//
// and serve it with $(go env GOROOT)/lib/wasm/wasm_exec.js of the same Go.
//
// Every function returns {ok: value} or {error: code, message}; code is
// ballot.ErrorCode's. Secrets never leave the page through this API except
// as the return value of generateTrustee, for the page to offer as a
// download.
package main

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"syscall/js"

	"plenum/ballot"
)

// random is the source of randomness: the browser's crypto.getRandomValues
// (through crypto/rand), except in the vectors build.
var random io.Reader = rand.Reader

func main() {
	api := map[string]any{
		"generateTrustee": fn(generateTrustee),
		"deal":            fn(deal),
		"confirm":         fn(confirm),
		"encryptBallot":   fn(encryptBallot),
		"verifyBallot":    fn(verifyBallot),
		"partialDecrypt":  fn(partialDecrypt),
		"checkVectors":    fn(checkVectors),
	}
	for name, f := range extra {
		api[name] = fn(f)
	}
	js.Global().Set("plenumBallot", js.ValueOf(api))
	select {}
}

// extra holds the functions of the vectors build.
var extra = map[string]func([]js.Value) (any, error){}

// fn adapts a Go function to JavaScript: string arguments in, {ok} or
// {error, message} out; a panic becomes an error, not a dead module.
func fn(f func([]js.Value) (any, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = map[string]any{"error": "error", "message": fmt.Sprint("ballot: internal error: ", r)}
			}
		}()
		for i, a := range args {
			if a.Type() != js.TypeString {
				return map[string]any{"error": "malformed", "message": fmt.Sprintf("argument %d must be a string (JSON text)", i+1)}
			}
		}
		v, err := f(args)
		if err != nil {
			return map[string]any{"error": ballot.ErrorCode(err), "message": err.Error()}
		}
		return map[string]any{"ok": v}
	})
}

func arg(args []js.Value, i int) (string, error) {
	if i >= len(args) {
		return "", fmt.Errorf("%w: argument %d is missing", ballot.ErrMalformed, i+1)
	}
	return args[i].String(), nil
}

func encode(v any) (any, error) {
	b, err := ballot.Encode(v)
	return string(b), err
}

// list decodes a JSON array of canonical messages with decode.
func list[T any](text string, decode func([]byte) (T, error)) ([]T, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal([]byte(text), &raws); err != nil {
		return nil, fmt.Errorf("%w: want a JSON array of messages: %v", ballot.ErrMalformed, err)
	}
	out := make([]T, len(raws))
	for i, r := range raws {
		v, err := decode(r)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		out[i] = v
	}
	return out, nil
}

func args(a []js.Value, n int) ([]string, error) {
	out := make([]string, n)
	for i := range out {
		s, err := arg(a, i)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// generateTrustee(parameters, index) → {secret, key}: the secret is the
// trustee's key file, for the page to download and never send.
func generateTrustee(a []js.Value) (any, error) {
	s, err := args(a, 2)
	if err != nil {
		return nil, err
	}
	var p ballot.Parameters
	if err := json.Unmarshal([]byte(s[0]), &p); err != nil {
		return nil, fmt.Errorf("%w: parameters: %v", ballot.ErrMalformed, err)
	}
	var index int
	if _, err := fmt.Sscan(s[1], &index); err != nil {
		return nil, fmt.Errorf("%w: trustee index %q", ballot.ErrMalformed, s[1])
	}
	secret, key, err := ballot.GenerateTrustee(p, index, random)
	if err != nil {
		return nil, err
	}
	se, err := encode(secret)
	if err != nil {
		return nil, err
	}
	ke, err := encode(key)
	if err != nil {
		return nil, err
	}
	return map[string]any{"secret": se, "key": ke}, nil
}

func trustee(secret, keys string) (ballot.TrusteeSecret, []ballot.TrusteeKey, error) {
	s, err := ballot.DecodeTrusteeSecret([]byte(secret))
	if err != nil {
		return s, nil, err
	}
	k, err := list(keys, ballot.DecodeTrusteeKey)
	return s, k, err
}

// deal(secret, keys) → the trustee's dealing.
func deal(a []js.Value) (any, error) {
	s, err := args(a, 2)
	if err != nil {
		return nil, err
	}
	secret, keys, err := trustee(s[0], s[1])
	if err != nil {
		return nil, err
	}
	d, err := ballot.Deal(secret, keys, random)
	if err != nil {
		return nil, err
	}
	return encode(d)
}

func shareKey(s []string) (ballot.ShareKey, error) {
	secret, keys, err := trustee(s[0], s[1])
	if err != nil {
		return ballot.ShareKey{}, err
	}
	dealings, err := list(s[2], ballot.DecodeDealing)
	if err != nil {
		return ballot.ShareKey{}, err
	}
	return ballot.OpenShares(secret, keys, dealings)
}

// confirm(secret, keys, dealings) → the trustee's confirmation.
func confirm(a []js.Value) (any, error) {
	s, err := args(a, 3)
	if err != nil {
		return nil, err
	}
	k, err := shareKey(s)
	if err != nil {
		return nil, err
	}
	c, err := k.Confirm(random)
	if err != nil {
		return nil, err
	}
	return encode(c)
}

// encryptBallot(electionKey, question, voter, vote) → {ballot, tracker};
// vote is a JSON array of integers (see ballot.Encrypt).
func encryptBallot(a []js.Value) (any, error) {
	s, err := args(a, 4)
	if err != nil {
		return nil, err
	}
	key, err := ballot.DecodeElectionKey([]byte(s[0]))
	if err != nil {
		return nil, err
	}
	q, err := ballot.DecodeQuestion([]byte(s[1]))
	if err != nil {
		return nil, err
	}
	var vote []int
	if err := json.Unmarshal([]byte(s[3]), &vote); err != nil {
		return nil, fmt.Errorf("%w: the vote must be a JSON array of integers: %v", ballot.ErrInvalidChoice, err)
	}
	b, err := ballot.Encrypt(key, q, s[2], vote, random)
	if err != nil {
		return nil, err
	}
	enc, err := encode(b)
	if err != nil {
		return nil, err
	}
	tracker, err := b.Tracker()
	if err != nil {
		return nil, err
	}
	return map[string]any{"ballot": enc, "tracker": tracker}, nil
}

// verifyBallot(electionKey, question, voter, ballot) → true.
func verifyBallot(a []js.Value) (any, error) {
	s, err := args(a, 4)
	if err != nil {
		return nil, err
	}
	key, err := ballot.DecodeElectionKey([]byte(s[0]))
	if err != nil {
		return nil, err
	}
	q, err := ballot.DecodeQuestion([]byte(s[1]))
	if err != nil {
		return nil, err
	}
	b, err := ballot.DecodeBallot([]byte(s[3]))
	if err != nil {
		return nil, err
	}
	return true, b.Verify(key, q, s[2])
}

// partialDecrypt(secret, keys, dealings, electionKey, ciphertexts) → the
// trustee's partial decryption of the JSON array of ciphertexts (a tally's
// totals, or the last shuffle's output row after row).
func partialDecrypt(a []js.Value) (any, error) {
	s, err := args(a, 5)
	if err != nil {
		return nil, err
	}
	k, err := shareKey(s)
	if err != nil {
		return nil, err
	}
	key, err := ballot.DecodeElectionKey([]byte(s[3]))
	if err != nil {
		return nil, err
	}
	var cts []ballot.Ciphertext
	if err := json.Unmarshal([]byte(s[4]), &cts); err != nil {
		return nil, fmt.Errorf("%w: ciphertexts: %v", ballot.ErrMalformed, err)
	}
	d, err := k.Decrypt(key, cts, random)
	if err != nil {
		return nil, err
	}
	return encode(d)
}

// checkVectors(vectors) → true if the known-answer vectors check here.
func checkVectors(a []js.Value) (any, error) {
	s, err := arg(a, 0)
	if err != nil {
		return nil, err
	}
	return true, ballot.CheckVectors([]byte(s))
}
