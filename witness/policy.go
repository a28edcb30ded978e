package witness

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// ErrNotWitnessed is wrapped by Policy.Check's error when a checkpoint has
// fewer valid cosignatures than the policy requires.
var ErrNotWitnessed = errors.New("checkpoint is not witnessed")

// Policy decides when a checkpoint counts as witnessed: when at least
// Threshold of the Witnesses have validly cosigned it ("any K of these N").
type Policy struct {
	Threshold int
	Witnesses []note.Verifier
}

// NewPolicy returns the policy "any k of the witnesses with these verifier
// keys" (cosignature/v1 keys, see NewVerifier).
func NewPolicy(k int, vkeys ...string) (*Policy, error) {
	p := &Policy{Threshold: k}
	for _, vk := range vkeys {
		v, err := NewVerifier(vk)
		if err != nil {
			return nil, err
		}
		p.Witnesses = append(p.Witnesses, v)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// Validate reports whether the policy can ever be met and is not empty,
// and whether its witnesses are distinct: no name given twice, and no
// cosignature/v1 key under two names, whose cosignatures under both would
// count one witness twice.
func (p *Policy) Validate() error {
	names := map[string]bool{}
	keys := map[string]string{}
	for _, w := range p.Witnesses {
		if names[w.Name()] {
			return fmt.Errorf("witness %q given twice", w.Name())
		}
		names[w.Name()] = true
		if v, ok := w.(*Verifier); ok {
			if other, dup := keys[string(v.key)]; dup {
				return fmt.Errorf("witnesses %q and %q have the same key: one witness, which would count twice", other, v.Name())
			}
			keys[string(v.key)] = v.Name()
		}
	}
	if p.Threshold < 1 {
		return fmt.Errorf("witness policy needs at least 1 cosignature, not %d", p.Threshold)
	}
	if p.Threshold > len(p.Witnesses) {
		return fmt.Errorf("witness policy needs %d cosignatures but names only %d witnesses", p.Threshold, len(p.Witnesses))
	}
	return nil
}

// String describes the policy, e.g. "2 of 3 witnesses (a, b, c)".
func (p *Policy) String() string {
	names := make([]string, len(p.Witnesses))
	for i, w := range p.Witnesses {
		names[i] = w.Name()
	}
	return fmt.Sprintf("%d of %d witnesses (%s)", p.Threshold, len(p.Witnesses), strings.Join(names, ", "))
}

// Check verifies the cosignatures on a signed checkpoint and returns the
// names of the policy's witnesses whose cosignatures verify. It fails with
// an error wrapping ErrNotWitnessed if they are fewer than Threshold, and
// with another error if a cosignature by one of the witnesses' keys is
// invalid. Signatures by other keys (the log's own) are ignored: check
// them separately.
func (p *Policy) Check(signed []byte) ([]string, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var names []string
	n, err := note.Open(signed, note.VerifierList(p.Witnesses...))
	var unverified *note.UnverifiedNoteError
	switch {
	case errors.As(err, &unverified):
		// No cosignature by any of the witnesses.
	case err != nil:
		return nil, fmt.Errorf("cosignatures: %v", err)
	default:
		seen := map[string]bool{}
		for _, s := range n.Sigs {
			if !seen[s.Name] {
				seen[s.Name] = true
				names = append(names, s.Name)
			}
		}
	}
	if len(names) < p.Threshold {
		return names, fmt.Errorf("%w: %d valid cosignatures, the policy needs %s", ErrNotWitnessed, len(names), p)
	}
	return names, nil
}
