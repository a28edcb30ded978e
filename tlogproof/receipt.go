package tlogproof

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/witness"
)

// A receipt is what a voter keeps after a ballot: a tlog-proof whose
// "extra" line holds the bytes of the ballot's entry, so that the receipt
// alone shows the entry, its index, its leaf hash (tlog.RecordHash of the
// bytes) and the signed checkpoint it is included in. It is checked
// offline with VerifyReceipt, and later against the live log with
// remote.CheckReceipt, which fails if the entry was altered or removed.

// Receipt is a verified receipt.
type Receipt struct {
	Index      int64
	Entry      []byte    // the entry's bytes, as hashed into the log
	LeafHash   tlog.Hash // tlog.RecordHash(Entry)
	Checkpoint ledger.Checkpoint
	Signed     []byte // the signed checkpoint, with cosignatures
	Proof      *Proof
}

// NewReceipt returns the receipt for entry index, whose bytes are entry,
// with its inclusion proof against the signed checkpoint.
func NewReceipt(index int64, entry []byte, proof tlog.RecordProof, checkpoint []byte) []byte {
	return Build(index, bytes.Clone(entry), proof, checkpoint)
}

// VerifyReceipt checks a receipt offline: the entry it carries decodes as
// a plenum entry with the receipt's index, and is included at that index
// in the checkpoint, which is signed by one of logKeys and, if policy is
// not nil, witnessed as it requires.
func VerifyReceipt(file []byte, logKeys note.Verifiers, policy *witness.Policy) (*Receipt, error) {
	p, err := Parse(file)
	if err != nil {
		return nil, err
	}
	if p.Extra == nil {
		return nil, errors.New("receipt: no entry (the tlog-proof has no extra line)")
	}
	e, _, err := ledger.DecodeEntry(p.Extra)
	if err != nil {
		return nil, fmt.Errorf("receipt: entry: %w", err)
	}
	if e.Index != p.Index {
		return nil, fmt.Errorf("receipt: the entry says it is entry %d, the proof is for entry %d", e.Index, p.Index)
	}
	leaf := tlog.RecordHash(p.Extra)
	c, err := p.Verify(leaf, logKeys, policy)
	if err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	return &Receipt{Index: p.Index, Entry: p.Extra, LeafHash: leaf, Checkpoint: c, Signed: p.Checkpoint, Proof: p}, nil
}

// SecretBallot says what a secret-ballot receipt must show.
type SecretBallot struct {
	// Type is the event type of the sealed-ballot entry: the entry that
	// enters the log, shuffled among the others, when the vote closes.
	Type string
	// Token is the random ballot token the voter was given when casting
	// the ballot; the sealed-ballot entry carries it, and nobody but the
	// voter (and the counting server) knows whose it is.
	Token string
	// Voter is the voter's name or mandate: the receipt must not contain
	// it anywhere, or it would reveal who cast the ballot.
	Voter string
}

// VerifySecretBallot checks a receipt for a secret ballot: it verifies as
// a receipt, its entry is a sealed ballot of type want.Type carrying the
// voter's token, and nothing in the receipt names the voter. So the
// receipt proves the ballot was counted without showing who cast it.
func VerifySecretBallot(file []byte, want SecretBallot, logKeys note.Verifiers, policy *witness.Policy) (*Receipt, error) {
	if want.Type == "" || len(want.Token) < 16 {
		return nil, errors.New("secret ballot: give the sealed-ballot type and the ballot token (at least 16 characters)")
	}
	r, err := VerifyReceipt(file, logKeys, policy)
	if err != nil {
		return nil, err
	}
	e, _, _ := ledger.DecodeEntry(r.Entry)
	if e.Type != want.Type {
		return nil, fmt.Errorf("secret ballot: entry %d is of type %q, not a sealed ballot (%q)", r.Index, e.Type, want.Type)
	}
	if !bytes.Contains(e.Payload, []byte(want.Token)) {
		return nil, fmt.Errorf("secret ballot: entry %d does not carry this ballot's token", r.Index)
	}
	if want.Voter != "" && (bytes.Contains(r.Entry, []byte(want.Voter)) || bytes.Contains(file, []byte(want.Voter))) {
		return nil, fmt.Errorf("secret ballot: the receipt names the voter %q", want.Voter)
	}
	return r, nil
}

// VerifyEncryptedBallot checks a receipt for an encrypted ballot: it
// verifies as a receipt, and its entry is an encrypted_ballot_cast whose
// ballot's SHA-256 is tracker (the voter's tracker, lower-case hex).
func VerifyEncryptedBallot(file []byte, tracker string, logKeys note.Verifiers, policy *witness.Policy) (*Receipt, error) {
	r, err := VerifyReceipt(file, logKeys, policy)
	if err != nil {
		return nil, err
	}
	e, _, _ := ledger.DecodeEntry(r.Entry)
	if e.Type != "encrypted_ballot_cast" {
		return nil, fmt.Errorf("encrypted ballot: entry %d is of type %q, not encrypted_ballot_cast", r.Index, e.Type)
	}
	var p struct {
		Tracker string          `json:"tracker"`
		Ballot  json.RawMessage `json:"ballot"`
	}
	if err := json.Unmarshal(e.Payload, &p); err != nil {
		return nil, fmt.Errorf("encrypted ballot: entry %d: %w", r.Index, err)
	}
	sum := sha256.Sum256(p.Ballot)
	if hex.EncodeToString(sum[:]) != tracker || p.Tracker != tracker {
		return nil, fmt.Errorf("encrypted ballot: entry %d does not hold the ballot with tracker %s", r.Index, tracker)
	}
	return r, nil
}
