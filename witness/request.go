package witness

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"

	"golang.org/x/mod/sumdb/tlog"
)

// MaxProofLines is the most consistency proof lines an add-checkpoint
// request may carry.
const MaxProofLines = 63

// MaxRequestSize bounds an add-checkpoint request body, in bytes.
const MaxRequestSize = 64 << 10

// ErrBadRequest is wrapped by every error ParseAddCheckpoint returns.
var ErrBadRequest = errors.New("bad add-checkpoint request")

// AddCheckpoint is the body of a tlog-witness add-checkpoint request: the
// tree size the client believes the witness has cosigned, a consistency
// proof from that size to the checkpoint's, and the signed checkpoint.
type AddCheckpoint struct {
	OldSize    int64
	Proof      tlog.TreeProof
	Checkpoint []byte // a signed note
}

// Marshal returns the request body: "old <size>\n", one base64 hash per
// line, an empty line, then the signed checkpoint.
func (r *AddCheckpoint) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString("old ")
	b.WriteString(strconv.FormatInt(r.OldSize, 10))
	b.WriteByte('\n')
	for _, h := range r.Proof {
		b.WriteString(base64.StdEncoding.EncodeToString(h[:]))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.Write(r.Checkpoint)
	return b.Bytes()
}

// ParseAddCheckpoint parses an add-checkpoint request body strictly: a
// canonical decimal old size, at most MaxProofLines base64 hashes, an empty
// line, and a checkpoint. The checkpoint's signatures are not checked.
func ParseAddCheckpoint(body []byte) (*AddCheckpoint, error) {
	bad := func(format string, args ...any) (*AddCheckpoint, error) {
		return nil, fmt.Errorf("%w: %s", ErrBadRequest, fmt.Sprintf(format, args...))
	}
	if len(body) > MaxRequestSize {
		return bad("body of %d bytes exceeds %d", len(body), MaxRequestSize)
	}
	head, cp, ok := bytes.Cut(body, []byte("\n\n"))
	if !ok {
		return bad("no empty line before the checkpoint")
	}
	lines := bytes.Split(head, []byte("\n"))
	size, ok := bytes.CutPrefix(lines[0], []byte("old "))
	if !ok {
		return bad("first line does not start with \"old \"")
	}
	n, err := strconv.ParseInt(string(size), 10, 64)
	if err != nil || n < 0 || strconv.FormatInt(n, 10) != string(size) {
		return bad("old size %q is not a canonical decimal number", size)
	}
	proof := lines[1:]
	if len(proof) > MaxProofLines {
		return bad("%d consistency proof lines, at most %d allowed", len(proof), MaxProofLines)
	}
	r := &AddCheckpoint{OldSize: n, Proof: make(tlog.TreeProof, len(proof)), Checkpoint: cp}
	for i, l := range proof {
		h, err := base64.StdEncoding.Strict().DecodeString(string(l))
		if err != nil || len(h) != tlog.HashSize {
			return bad("consistency proof line %d is not a base64 hash", i+1)
		}
		copy(r.Proof[i][:], h)
	}
	if len(cp) == 0 {
		return bad("no checkpoint after the empty line")
	}
	return r, nil
}
