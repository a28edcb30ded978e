package ledger

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Checkpoint is the body of a C2SP tlog-checkpoint: the log's origin, the
// size of its tree and the root hash, and optional extension lines.
type Checkpoint struct {
	Origin     string
	Size       int64
	Hash       tlog.Hash
	Extensions []string
}

// MaxTreeSize is the largest tree size a checkpoint may state: 2^48
// entries, a million a second for nine years, beyond any log. A signed
// checkpoint claiming more is refused as malformed, for tlog's proof
// computations never end on sizes above 2^62: a log's key holder could
// otherwise hang every verifier, witness and receipt check with one.
const MaxTreeSize = 1 << 48

// ErrMalformedCheckpoint is wrapped by every error ParseCheckpoint returns.
var ErrMalformedCheckpoint = errors.New("malformed checkpoint")

// Text returns the checkpoint body as signed: origin, decimal size and
// base64 root hash, each on its own line, then any extension lines.
func (c Checkpoint) Text() []byte {
	var b bytes.Buffer
	b.WriteString(c.Origin)
	b.WriteByte('\n')
	b.WriteString(strconv.FormatInt(c.Size, 10))
	b.WriteByte('\n')
	b.WriteString(base64.StdEncoding.EncodeToString(c.Hash[:]))
	b.WriteByte('\n')
	for _, x := range c.Extensions {
		b.WriteString(x)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// ParseSignedCheckpoint parses the checkpoint of a signed note, without
// checking its signatures: for a note read from the log's own store or
// already verified, where only the size and hash are wanted.
func ParseSignedCheckpoint(signed []byte) (Checkpoint, error) {
	return ParseCheckpoint(CheckpointBody(signed))
}

// CheckpointBody returns the text of a signed note: everything up to and
// including the newline before the blank line that starts the signatures
// (the note's text has no blank line; package note splits at the last).
// Text without a blank line is returned whole.
func CheckpointBody(signed []byte) []byte {
	i := bytes.LastIndex(signed, []byte("\n\n"))
	if i < 0 {
		return signed
	}
	return signed[:i+1]
}

// ParseCheckpoint parses a checkpoint body (the text of a signed note,
// without its signatures). It is strict: the size must be canonical
// decimal, the hash 32 bytes of padded standard base64, every line
// non-empty UTF-8 without control characters.
func ParseCheckpoint(text []byte) (Checkpoint, error) {
	bad := func(format string, args ...any) (Checkpoint, error) {
		return Checkpoint{}, fmt.Errorf("%w: %s", ErrMalformedCheckpoint, fmt.Sprintf(format, args...))
	}
	if !utf8.Valid(text) {
		return bad("not UTF-8")
	}
	s := string(text)
	if !strings.HasSuffix(s, "\n") {
		return bad("does not end with a newline")
	}
	lines := strings.Split(s[:len(s)-1], "\n")
	if len(lines) < 3 {
		return bad("fewer than three lines")
	}
	for i, l := range lines {
		if l == "" {
			return bad("line %d is empty", i+1)
		}
		for _, r := range l {
			if r < 0x20 || r == 0x7f {
				return bad("line %d has a control character", i+1)
			}
		}
	}
	var c Checkpoint
	c.Origin = lines[0]
	n, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || n < 0 || strconv.FormatInt(n, 10) != lines[1] {
		return bad("tree size %q is not a canonical decimal number", lines[1])
	}
	if n > MaxTreeSize {
		return bad("tree size %d is larger than %d", n, int64(MaxTreeSize))
	}
	c.Size = n
	h, err := base64.StdEncoding.Strict().DecodeString(lines[2])
	if err != nil || len(h) != tlog.HashSize {
		return bad("root hash %q is not %d bytes of base64", lines[2], tlog.HashSize)
	}
	copy(c.Hash[:], h)
	if len(lines) > 3 {
		c.Extensions = lines[3:]
	}
	return c, nil
}

// SignCheckpoint returns c as a signed note.
func SignCheckpoint(c Checkpoint, signer note.Signer) ([]byte, error) {
	return note.Sign(&note.Note{Text: string(c.Text())}, signer)
}

// OpenCheckpoint checks the signature of a signed checkpoint against the
// known verifiers and parses it. At least one signature must be by a known
// key; signatures by unknown keys are ignored.
func OpenCheckpoint(signed []byte, known note.Verifiers) (Checkpoint, *note.Note, error) {
	n, err := note.Open(signed, known)
	if err != nil {
		return Checkpoint{}, nil, err
	}
	c, err := ParseCheckpoint([]byte(n.Text))
	if err != nil {
		return Checkpoint{}, nil, err
	}
	return c, n, nil
}
