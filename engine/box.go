package engine

import (
	"crypto/aes"
	"crypto/cipher"
	crand "crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/mod/sumdb/note"

	"plenum/internal/keyderive"
	"plenum/ledger"
)

// A secret ballot waits in its vote's ballot box, beside the log, until
// the vote closes. What the store holds of it is a row with a random id
// (never the ballot's token) and the ballot sealed: AES-256-GCM under a
// key for that vote alone, over the ballot padded to boxPlain bytes, so
// that neither its bytes nor its length tell its token, choice or weight.
// The key is derived (HKDF-SHA-256) from a secret only the holder of the
// assembly's signing key can make (boxSecret), never stored: a copy of
// the database or of a backup without the key file reads no ballot. See
// docs/proofs.md, "Secret ballots".

// boxPlain is the size every ballot is padded to before it is sealed.
const boxPlain = 256

// boxMessage is what the signing key signs to make the box secret. It
// holds a NUL, so it is never a note's text (nor a checkpoint's) that
// the key signs for the log.
const boxMessage = "plenum ballot box secret, version 1\x00"

// boxSecret makes the secret the ballot-box keys are derived from: the
// signer's signature over boxMessage. Ed25519 signatures are
// deterministic, so the same key makes the same secret after a restart,
// and nobody without the key can make it; a signer whose signatures vary
// is refused (the boxes would be unreadable after a restart).
func boxSecret(signer note.Signer) ([]byte, error) {
	s, err := keyderive.Secret(signer, boxMessage)
	if errors.Is(err, keyderive.ErrNotDeterministic) {
		return nil, errors.New("engine: the signer's signatures are not deterministic, and secret ballots need a key made from it that stays the same across restarts; use an Ed25519 signing key")
	}
	if err != nil {
		return nil, fmt.Errorf("engine: making the ballot-box secret: %w", err)
	}
	return s, nil
}

// boxAEAD is the cipher of the ballot box of vote in the log origin.
func boxAEAD(secret []byte, origin, vote string) (cipher.AEAD, error) {
	key, err := keyderive.Key(secret, "plenum ballot box\x00"+origin+"\x00"+vote, 32)
	if err != nil {
		return nil, err
	}
	blk, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(blk)
}

// boxAD binds a sealed ballot to its log, box and row: a row copied into
// another box, or under another id, does not open.
func boxAD(origin, vote, id string) []byte {
	return []byte(origin + "\x00" + vote + "\x00" + id)
}

// sealBallot seals d for the box of its vote under a new random row id.
func sealBallot(secret []byte, origin string, d sealedBallotData) (ledger.SealedBallot, error) {
	return sealBallotIn(secret, origin, d, boxPlain)
}

// sealBallotIn is sealBallot padding to size bytes, a multiple of
// boxPlain the same for every ballot of one box: a secret election's
// ballots, which may rank every candidate, are padded to the longest
// ballot the election takes (electionPad).
func sealBallotIn(secret []byte, origin string, d sealedBallotData, size int) (ledger.SealedBallot, error) {
	plain, err := json.Marshal(d)
	if err != nil {
		return ledger.SealedBallot{}, err
	}
	if len(plain)+2 > size || size > 1<<16 {
		return ledger.SealedBallot{}, fmt.Errorf("engine: a ballot of %d bytes does not fit the ballot box's %d", len(plain), size-2)
	}
	padded := make([]byte, size)
	binary.BigEndian.PutUint16(padded, uint16(len(plain)))
	copy(padded[2:], plain)
	aead, err := boxAEAD(secret, origin, d.Vote)
	if err != nil {
		return ledger.SealedBallot{}, err
	}
	id := crand.Text()
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+size+aead.Overhead())
	crand.Read(nonce)
	return ledger.SealedBallot{Box: d.Vote, ID: id, Data: aead.Seal(nonce, nonce, padded, boxAD(origin, d.Vote, id))}, nil
}

// openBallot opens a sealed ballot of the box of vote.
func openBallot(secret []byte, origin, vote string, b ledger.SealedBallot) (sealedBallotData, error) {
	var d sealedBallotData
	aead, err := boxAEAD(secret, origin, vote)
	if err != nil {
		return d, err
	}
	ns := aead.NonceSize()
	if len(b.Data) < ns {
		return d, errors.New("too short")
	}
	padded, err := aead.Open(nil, b.Data[:ns], b.Data[ns:], boxAD(origin, vote, b.ID))
	if err != nil {
		return d, fmt.Errorf("it does not open with this signing key's box key (was the signing key changed while the vote was open?): %w", err)
	}
	if len(padded) < boxPlain || len(padded)%boxPlain != 0 {
		return d, fmt.Errorf("%d bytes, not a multiple of %d", len(padded), boxPlain)
	}
	n := int(binary.BigEndian.Uint16(padded))
	if n > boxPlain-2 {
		return d, errors.New("a bad length")
	}
	if err := json.Unmarshal(padded[2:2+n], &d); err != nil {
		return d, err
	}
	if d.Vote != vote {
		return d, fmt.Errorf("a ballot of %q", d.Vote)
	}
	return d, nil
}
