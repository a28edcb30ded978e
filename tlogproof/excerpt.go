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

// ExcerptFormat is the format name of a certified excerpt file.
const ExcerptFormat = "plenum.excerpt/v1"

// A certified excerpt is a part of the minutes — typically one resolution
// and its vote — that anyone can check offline. Its file is JSON:
//
//	{
//	  "format": "plenum.excerpt/v1",
//	  "title":  "Resolution on the Provisional Government and its vote",
//	  "origin": "plenum.example/assembly/march-1917",
//	  "proofs": ["c2sp.org/tlog-proof@v1\nextra …\nindex 412\n…", …],
//	  "payloads": {"<SHA-256, lower-case hex>": "<base64>", …}
//	}
//
// Each element of "proofs" is a complete C2SP tlog-proof whose extra line
// holds the bytes of one entry, in increasing order of index, all against
// the same signed checkpoint. An entry whose payload is stored beside the
// log (over 64 KB; ledger.EncodeEntry) names it by its SHA-256 and size;
// "payloads" carries each such payload under its SHA-256, so that what
// the entry says is shown and checked too. It is left out where no entry
// needs it, so that such an excerpt reads as it did before. The title is not authenticated: what the
// excerpt proves is that each entry shown is in the log at its index.
// It does not prove that nothing was left out: the entries it leaves out
// (Absent) are the gaps in its indexes and those after its last entry,
// up to the checkpoint's tree size; one that leaves none out is the
// whole record at its checkpoint (Complete).

// ExcerptEntry is one entry of an excerpt, with its inclusion proof.
// Payload is the payload of an entry stored beside the log, which Data
// names by its SHA-256 and size: nil for an entry that holds its own, or
// where the excerpt does not carry it (one made before excerpts carried
// them).
type ExcerptEntry struct {
	Index   int64
	Data    []byte
	Proof   tlog.RecordProof
	Payload []byte
}

// Decode decodes the entry, with its payload where it is stored beside
// the log and the excerpt carries it (checked by VerifyExcerpt against
// the SHA-256 and the size the entry names). ref names a payload stored
// beside the log; e.Payload is nil where the excerpt does not carry it.
func (x ExcerptEntry) Decode() (e ledger.Entry, ref *ledger.PayloadRef, err error) {
	e, ref, err = ledger.DecodeEntry(x.Data)
	if err == nil && ref != nil {
		e.Payload = x.Payload
	}
	return e, ref, err
}

// Excerpt is a verified certified excerpt.
type Excerpt struct {
	Title      string
	Checkpoint ledger.Checkpoint
	Signed     []byte
	Entries    []ExcerptEntry
}

// Range is a run of consecutive entry indexes, From to To, both
// included.
type Range struct{ From, To int64 }

// Complete reports whether the excerpt holds every entry of its
// checkpoint's tree: then it is the whole record at that checkpoint,
// not a part of it.
func (x *Excerpt) Complete() bool { return int64(len(x.Entries)) == x.Checkpoint.Size }

// Absent returns the runs of indexes of the checkpoint's tree that the
// excerpt leaves out, in increasing order (none if it is complete): at
// most one more run than it has entries, however large the tree.
func (x *Excerpt) Absent() []Range {
	var out []Range
	next := int64(0) // the first index not yet accounted for
	for _, e := range x.Entries {
		if e.Index > next {
			out = append(out, Range{next, e.Index - 1})
		}
		next = e.Index + 1
	}
	if next < x.Checkpoint.Size {
		out = append(out, Range{next, x.Checkpoint.Size - 1})
	}
	return out
}

type excerptFile struct {
	Format   string            `json:"format"`
	Title    string            `json:"title"`
	Origin   string            `json:"origin"`
	Proofs   []string          `json:"proofs"`
	Payloads map[string][]byte `json:"payloads,omitempty"`
}

// BuildExcerpt returns the excerpt file of entries (in increasing order of
// index), each proved against the signed checkpoint.
func BuildExcerpt(title string, checkpoint []byte, entries []ExcerptEntry) ([]byte, error) {
	if len(entries) == 0 {
		return nil, errors.New("excerpt: no entries")
	}
	c, err := ledger.ParseSignedCheckpoint(checkpoint)
	if err != nil {
		return nil, fmt.Errorf("excerpt: %w", err)
	}
	f := excerptFile{Format: ExcerptFormat, Title: title, Origin: c.Origin}
	for k, e := range entries {
		if k > 0 && e.Index <= entries[k-1].Index {
			return nil, fmt.Errorf("excerpt: entry %d after entry %d: give entries in increasing order", e.Index, entries[k-1].Index)
		}
		f.Proofs = append(f.Proofs, string(Build(e.Index, e.Data, e.Proof, checkpoint)))
		if e.Payload != nil {
			if f.Payloads == nil {
				f.Payloads = map[string][]byte{}
			}
			sum := sha256.Sum256(e.Payload)
			f.Payloads[hex.EncodeToString(sum[:])] = e.Payload
		}
	}
	return json.MarshalIndent(f, "", "  ")
}

// ErrNotExcerpt is wrapped by VerifyExcerpt's error when the file does not
// decode as an excerpt at all (cut short, or not an excerpt file), as
// against an excerpt whose entries or proofs fail.
var ErrNotExcerpt = errors.New("not an excerpt file")

// VerifyExcerpt checks a certified excerpt offline: every proof is a valid
// tlog-proof of its entry against one and the same checkpoint, signed by
// one of logKeys and, if policy is not nil, witnessed as it requires; the
// entries decode as plenum entries with their indexes, in increasing order;
// each payload carried is that of an entry stored beside the log, with the
// SHA-256 and the size the entry names. The first problem is reported
// naming the entry.
func VerifyExcerpt(file []byte, logKeys note.Verifiers, policy *witness.Policy) (*Excerpt, error) {
	var f excerptFile
	d := json.NewDecoder(bytes.NewReader(file))
	d.DisallowUnknownFields()
	if err := d.Decode(&f); err != nil {
		return nil, fmt.Errorf("excerpt: %w: %v", ErrNotExcerpt, err)
	}
	if f.Format != ExcerptFormat {
		return nil, fmt.Errorf("excerpt: format %q, want %q", f.Format, ExcerptFormat)
	}
	if len(f.Proofs) == 0 {
		return nil, errors.New("excerpt: no entries")
	}
	x := &Excerpt{Title: f.Title}
	used := map[string]bool{}
	for k, text := range f.Proofs {
		p, err := Parse([]byte(text))
		if err != nil {
			return nil, fmt.Errorf("excerpt: proof %d: %w", k+1, err)
		}
		if p.Extra == nil {
			return nil, fmt.Errorf("excerpt: entry %d: no entry bytes (no extra line)", p.Index)
		}
		if k == 0 {
			c, _, err := ledger.OpenCheckpoint(p.Checkpoint, logKeys)
			if err != nil {
				return nil, fmt.Errorf("excerpt: checkpoint: %w", err)
			}
			if c.Origin != f.Origin {
				return nil, fmt.Errorf("excerpt: checkpoint is for log %q, the excerpt says %q", c.Origin, f.Origin)
			}
			x.Signed = p.Checkpoint
		} else {
			if !bytes.Equal(p.Checkpoint, x.Signed) {
				return nil, fmt.Errorf("excerpt: entry %d is proved against another checkpoint than the first entry", p.Index)
			}
			if prev := x.Entries[k-1].Index; p.Index <= prev {
				return nil, fmt.Errorf("excerpt: entry %d comes after entry %d", p.Index, prev)
			}
		}
		e, ref, err := ledger.DecodeEntry(p.Extra)
		if err != nil {
			return nil, fmt.Errorf("excerpt: entry %d: %w", p.Index, err)
		}
		var payload []byte
		if ref != nil {
			key := hex.EncodeToString(ref.SHA256[:])
			if b, ok := f.Payloads[key]; ok {
				if int64(len(b)) != ref.Size || sha256.Sum256(b) != ref.SHA256 {
					return nil, fmt.Errorf("excerpt: entry %d: the payload the excerpt carries for it is not the one it names (SHA-256 %s, %d bytes)", p.Index, key, ref.Size)
				}
				payload = b
				used[key] = true
			}
		}
		if e.Index != p.Index {
			return nil, fmt.Errorf("excerpt: entry %d says it is entry %d", p.Index, e.Index)
		}
		c, err := p.Verify(tlog.RecordHash(p.Extra), logKeys, policy)
		if err != nil {
			return nil, fmt.Errorf("excerpt: entry %d: %w", p.Index, err)
		}
		x.Checkpoint = c
		x.Entries = append(x.Entries, ExcerptEntry{Index: p.Index, Data: p.Extra, Proof: p.Inclusion, Payload: payload})
	}
	for key := range f.Payloads {
		if !used[key] {
			return nil, fmt.Errorf("excerpt: it carries a payload (SHA-256 %.64q) that no entry it holds names", key)
		}
	}
	return x, nil
}
