// Package tlogproof builds and verifies offline proofs that entries are in
// a plenum log: C2SP tlog-proof files (c2sp.org/tlog-proof), receipts for
// ballots, and certified excerpts of the minutes.
//
// A tlog-proof holds an entry's index, its Merkle inclusion proof and the
// signed checkpoint (with any witness cosignatures) it is proved against.
// Checking one needs only the log's public key, and the witnesses' keys
// for a witness policy: no server, no network.
package tlogproof

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/witness"
)

// Header is the first line of every tlog-proof.
const Header = "c2sp.org/tlog-proof@v1"

// maxProofLines bounds the inclusion proof: a tree of 2⁶³ entries needs 63.
const maxProofLines = 63

// ErrMalformed is wrapped by every error Parse returns.
var ErrMalformed = errors.New("malformed tlog-proof")

// ErrProof is wrapped by the error Verify returns when the inclusion proof
// does not bind the leaf to the checkpoint's root.
var ErrProof = errors.New("the entry is not in the log at that index")

// Proof is a parsed tlog-proof.
type Proof struct {
	Extra      []byte // opaque, unauthenticated application data; nil if absent
	Index      int64
	Inclusion  tlog.RecordProof
	Checkpoint []byte // the signed checkpoint, verbatim
}

// Build returns the tlog-proof text for entry index with the given
// inclusion proof against the signed checkpoint. extra, if not nil, is
// written on the "extra" line.
func Build(index int64, extra []byte, proof tlog.RecordProof, checkpoint []byte) []byte {
	return (&Proof{Extra: extra, Index: index, Inclusion: proof, Checkpoint: checkpoint}).Marshal()
}

// Marshal returns the tlog-proof text.
func (p *Proof) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(Header + "\n")
	if p.Extra != nil {
		b.WriteString("extra " + base64.StdEncoding.EncodeToString(p.Extra) + "\n")
	}
	b.WriteString("index " + strconv.FormatInt(p.Index, 10) + "\n")
	for _, h := range p.Inclusion {
		b.WriteString(base64.StdEncoding.EncodeToString(h[:]) + "\n")
	}
	b.WriteByte('\n')
	b.Write(p.Checkpoint)
	return b.Bytes()
}

// Parse parses a tlog-proof strictly. It checks no signature and no hash.
func Parse(file []byte) (*Proof, error) {
	bad := func(format string, args ...any) (*Proof, error) {
		return nil, fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
	}
	head, cp, ok := bytes.Cut(file, []byte("\n\n"))
	if !ok {
		return bad("no empty line before the checkpoint")
	}
	if len(cp) == 0 {
		return bad("no checkpoint after the empty line")
	}
	lines := bytes.Split(head, []byte("\n"))
	if string(lines[0]) != Header {
		return bad("first line is not %q", Header)
	}
	lines = lines[1:]
	p := &Proof{Checkpoint: cp}
	if len(lines) > 0 && bytes.HasPrefix(lines[0], []byte("extra ")) {
		x, err := base64.StdEncoding.Strict().DecodeString(string(lines[0][len("extra "):]))
		if err != nil {
			return bad("extra line is not base64")
		}
		p.Extra = x
		lines = lines[1:]
	}
	if len(lines) == 0 || !bytes.HasPrefix(lines[0], []byte("index ")) {
		return bad("no index line")
	}
	s := string(lines[0][len("index "):])
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || strconv.FormatInt(n, 10) != s {
		return bad("index %q is not a canonical decimal number", s)
	}
	p.Index = n
	lines = lines[1:]
	if len(lines) > maxProofLines {
		return bad("%d inclusion proof lines, at most %d", len(lines), maxProofLines)
	}
	for i, l := range lines {
		h, err := base64.StdEncoding.Strict().DecodeString(string(l))
		if err != nil || len(h) != tlog.HashSize {
			return bad("inclusion proof line %d is not a base64 hash", i+1)
		}
		p.Inclusion = append(p.Inclusion, tlog.Hash(h))
	}
	return p, nil
}

// Verify checks that leaf (a record hash, tlog.RecordHash of the entry's
// bytes) is entry p.Index of the tree of p.Checkpoint: the checkpoint must
// be signed by one of logKeys and, if policy is not nil, cosigned as the
// policy requires. It returns the checkpoint.
func (p *Proof) Verify(leaf tlog.Hash, logKeys note.Verifiers, policy *witness.Policy) (ledger.Checkpoint, error) {
	c, _, err := ledger.OpenCheckpoint(p.Checkpoint, logKeys)
	if err != nil {
		return ledger.Checkpoint{}, fmt.Errorf("checkpoint: %w", err)
	}
	if policy != nil {
		if _, err := policy.Check(p.Checkpoint); err != nil {
			return ledger.Checkpoint{}, fmt.Errorf("checkpoint of tree size %d: %w", c.Size, err)
		}
	}
	if p.Index >= c.Size {
		return ledger.Checkpoint{}, fmt.Errorf("%w: index %d is beyond the checkpoint's tree size %d", ErrProof, p.Index, c.Size)
	}
	if err := tlog.CheckRecord(p.Inclusion, c.Size, c.Hash, p.Index, leaf); err != nil {
		return ledger.Checkpoint{}, fmt.Errorf("%w: entry %d with record hash %v does not lead to the root of the checkpoint of tree size %d", ErrProof, p.Index, leaf, c.Size)
	}
	return c, nil
}

// Verify parses a tlog-proof and checks it for leaf; see Proof.Verify.
func Verify(file []byte, leaf tlog.Hash, logKeys note.Verifiers, policy *witness.Policy) (*Proof, ledger.Checkpoint, error) {
	p, err := Parse(file)
	if err != nil {
		return nil, ledger.Checkpoint{}, err
	}
	c, err := p.Verify(leaf, logKeys, policy)
	return p, c, err
}

// VerifyData is Verify for the entry's bytes rather than its record hash.
func VerifyData(file, data []byte, logKeys note.Verifiers, policy *witness.Policy) (*Proof, ledger.Checkpoint, error) {
	return Verify(file, tlog.RecordHash(data), logKeys, policy)
}
