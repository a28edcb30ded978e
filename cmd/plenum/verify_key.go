package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/sumdb/note"

	"plenum/i18n"
)

// keyCheck is the verifier of the key a check trusts (--key, or the one
// taken from a signing key) that remembers whose signatures it was asked
// about: when nothing it was shown is signed by its key, verify says
// that the key given is not the one that signed the record, naming both,
// rather than that the record is not intact.
type keyCheck struct {
	key string // the whole verifier key
	v   note.Verifier

	mu     sync.Mutex
	signed bool     // a signature by the key was met
	others []string // the other keys met ("name+hash"), in order
}

// newKeyCheck is the keyCheck of the verifier key vkey; a key that is
// none is refused with exit status 2.
func newKeyCheck(l *i18n.Locale, vkey string) (*keyCheck, error) {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, &exitError{code: 2, msg: l.T("cli.verify.bad_key", err)}
	}
	return &keyCheck{key: vkey, v: v}, nil
}

// givenKeyCheck is the keyCheck of the key --key gives (the key, or a
// file holding it); one that is neither is refused with exit status 2.
func givenKeyCheck(l *i18n.Locale, arg string) (*keyCheck, error) {
	key, err := keyArg(l, arg)
	if err != nil {
		return nil, &exitError{code: 2, msg: l.T("cli.about", "--key", err)}
	}
	return newKeyCheck(l, key)
}

// Verifier implements note.Verifiers.
func (k *keyCheck) Verifier(name string, hash uint32) (note.Verifier, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if name == k.v.Name() && hash == k.v.KeyHash() {
		k.signed = true
		return k.v, nil
	}
	if s := fmt.Sprintf("%s+%08x", name, hash); !slices.Contains(k.others, s) {
		k.others = append(k.others, s)
	}
	return nil, &note.UnknownVerifierError{Name: name, KeyHash: hash}
}

// signers names the keys that signed what the check was shown, none of
// them the key checked against: "plenum.example+1c8b2a31" (a signature
// names its key's name and hash, not the whole key); "" when a signature
// by the key was met, or none at all, so that the failure is not the
// key's.
func (k *keyCheck) signers() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.signed || len(k.others) == 0 {
		return ""
	}
	return strings.Join(k.others, ", ")
}

// wrongKey is the refusal of what (a file, an address, a database) when
// none of the checkpoints it showed is signed by the key given, naming
// the key given and the keys that signed them; nil otherwise.
func (k *keyCheck) wrongKey(l *i18n.Locale, what string) *exitError {
	by := k.signers()
	if by == "" {
		return nil
	}
	return &exitError{code: 1, msg: l.T("cli.vk.wrong_key", what, by, k.key)}
}

// refusedFile is the refusal, with exit status 1, of file (a receipt or
// an excerpt) whose offline check against k failed with err: wrongKey's
// where nothing it showed is signed by the key given; notWhole(err)
// where err is malformed (the file is not whole); else err about file.
// It is nil for no error.
func (k *keyCheck) refusedFile(l *i18n.Locale, file string, err, malformed error, notWhole func(error) string) error {
	if err == nil {
		return nil
	}
	if wrong := k.wrongKey(l, file); wrong != nil {
		return wrong
	}
	if errors.Is(err, malformed) {
		return &exitError{code: 1, msg: notWhole(err)}
	}
	return &exitError{code: 1, msg: l.T("cli.about", file, err)}
}
