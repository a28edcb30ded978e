package witness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// ProofSource gives consistency proofs between two sizes of a log's tree;
// *ledger.Log implements it.
type ProofSource interface {
	ConsistencyProof(ctx context.Context, oldSize, newSize int64) (tlog.TreeProof, error)
}

// Endpoint is a witness the log submits its checkpoints to: the submission
// prefix of its URL (add-checkpoint is posted to URL + "/add-checkpoint")
// and the verifier of its cosignatures.
type Endpoint struct {
	URL      string
	Verifier note.Verifier
}

// Submitter posts a log's new checkpoints to witnesses and collects their
// cosignatures (c2sp.org/tlog-witness, client side). It remembers, per
// witness and origin, the size the witness last cosigned, and learns it
// from a 409 answer when it does not know it. It is safe for concurrent use.
type Submitter struct {
	Witnesses []Endpoint
	Proofs    ProofSource
	// Client is the HTTP client; http.DefaultClient if nil. Each request,
	// answer included, is bounded to 30 seconds whatever its timeout.
	Client *http.Client

	mu    sync.Mutex
	known map[string]int64 // URL + "\n" + origin → size last cosigned
}

// requestTimeout bounds one add-checkpoint request, answer included,
// whatever the Client's own timeout.
var requestTimeout = 30 * time.Second

// Result is one witness's answer to a submission.
type Result struct {
	Witness string // the witness's key name
	// Cosignature holds the witness's verified signature line(s), or nil.
	Cosignature []byte
	Err         error
	// Warning, if not empty, says what is wrong with a witness that still
	// cosigned: it named a size smaller than one it cosigned or named
	// before, so it has lost what it cosigned (a restored or replaced
	// database) and checked this checkpoint against less than it should.
	Warning string
}

// maxConflicts bounds how often one submission follows a 409 answer.
const maxConflicts = 3

// Submit posts the signed checkpoint to every witness at once and returns
// one Result per witness, in the order of s.Witnesses. A witness that
// refuses the checkpoint as inconsistent with what it cosigned gives an
// error wrapping ErrInconsistent: the log has shown it another history.
func (s *Submitter) Submit(ctx context.Context, signed []byte) []Result {
	res := make([]Result, len(s.Witnesses))
	c, err := parseSigned(signed)
	if err != nil {
		for i, w := range s.Witnesses {
			res[i] = Result{Witness: w.Verifier.Name(), Err: err}
		}
		return res
	}
	var wg sync.WaitGroup
	for i, w := range s.Witnesses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cosig, warning, err := s.submitOne(ctx, w, c, signed)
			res[i] = Result{Witness: w.Verifier.Name(), Cosignature: cosig, Err: err, Warning: warning}
		}()
	}
	wg.Wait()
	return res
}

// Cosignatures returns the cosignatures among results, for Merge.
func Cosignatures(results []Result) [][]byte {
	var out [][]byte
	for _, r := range results {
		if r.Err == nil && r.Cosignature != nil {
			out = append(out, r.Cosignature)
		}
	}
	return out
}

// parseSigned parses the body of a signed checkpoint without checking
// its signatures (the witnesses do).
func parseSigned(signed []byte) (ledger.Checkpoint, error) {
	i := bytes.Index(signed, []byte("\n\n"))
	if i < 0 {
		return ledger.Checkpoint{}, errors.New("checkpoint is not a signed note")
	}
	return ledger.ParseCheckpoint(signed[:i+1])
}

func (s *Submitter) knownSize(key string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.known[key]
}

func (s *Submitter) setKnown(key string, size int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known == nil {
		s.known = map[string]int64{}
	}
	s.known[key] = size
}

func (s *Submitter) submitOne(ctx context.Context, w Endpoint, c ledger.Checkpoint, signed []byte) (cosig []byte, warning string, err error) {
	key := w.URL + "\n" + c.Origin
	old := s.knownSize(key)
	for range maxConflicts + 1 {
		if old > c.Size {
			return nil, "", fmt.Errorf("%w: witness %s has cosigned tree size %d of %s, larger than this checkpoint's %d: the log was rolled back or another log uses its origin",
				ErrInconsistent, w.Verifier.Name(), old, c.Origin, c.Size)
		}
		req := &AddCheckpoint{OldSize: old, Checkpoint: signed}
		if old > 0 && old < c.Size {
			p, err := s.Proofs.ConsistencyProof(ctx, old, c.Size)
			if err != nil {
				return nil, warning, fmt.Errorf("consistency proof from %d to %d: %w", old, c.Size, err)
			}
			req.Proof = p
		}
		cosig, known, err := s.post(ctx, w, req, signed)
		if err != nil {
			return nil, warning, err
		}
		if cosig != nil {
			s.setKnown(key, c.Size)
			return cosig, warning, nil
		}
		if known > c.Size {
			// An unsigned claim: not kept, so that a witness that named a
			// wrong size is asked again with the next checkpoint rather
			// than never again.
			return nil, warning, fmt.Errorf("%w: witness %s says it has cosigned tree size %d of %s, larger than this checkpoint's %d: the log was rolled back, or another log uses its origin, or the witness is wrong",
				ErrInconsistent, w.Verifier.Name(), known, c.Origin, c.Size)
		}
		if known < old {
			warning = fmt.Sprintf("witness %s cosigned tree size %d of %s or named it, and now says %d: it has lost what it cosigned (a restored or replaced database), and checks the log against less than it should",
				w.Verifier.Name(), old, c.Origin, known)
		}
		s.setKnown(key, known)
		old = known
	}
	return nil, warning, fmt.Errorf("witness %s: its tree size kept changing (%d conflicts)", w.Verifier.Name(), maxConflicts+1)
}

// post sends one request; it returns the verified cosignature, or on 409
// the size the witness reports.
func (s *Submitter) post(ctx context.Context, w Endpoint, req *AddCheckpoint, signed []byte) (cosig []byte, known int64, err error) {
	name := w.Verifier.Name()
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(w.URL, "/")+"/add-checkpoint", bytes.NewReader(req.Marshal()))
	if err != nil {
		return nil, 0, fmt.Errorf("witness %s: %w", name, err)
	}
	resp, err := client.Do(hreq)
	if err != nil {
		return nil, 0, fmt.Errorf("witness %s: %w", name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return nil, 0, fmt.Errorf("witness %s: reading answer: %w", name, err)
	}
	msg := strings.TrimSpace(string(body))
	switch resp.StatusCode {
	case http.StatusOK:
		cosig, err := verifyCosignature(w.Verifier, signed, body)
		if err != nil {
			return nil, 0, fmt.Errorf("witness %s: %w", name, err)
		}
		return cosig, 0, nil
	case http.StatusConflict:
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/x.tlog.size") {
			return nil, 0, fmt.Errorf("witness %s: 409 answer of type %q, want text/x.tlog.size", name, ct)
		}
		n, err := strconv.ParseInt(msg, 10, 64)
		if err != nil || n < 0 {
			return nil, 0, fmt.Errorf("witness %s: 409 answer %q is not a tree size", name, msg)
		}
		if n == req.OldSize {
			return nil, 0, fmt.Errorf("witness %s: 409 naming the size we sent (%d)", name, n)
		}
		return nil, n, nil
	case http.StatusUnprocessableEntity:
		return nil, 0, fmt.Errorf("%w: witness %s refuses tree size %d from old size %d: %s", ErrInconsistent, name, sizeOf(signed), req.OldSize, msg)
	default:
		return nil, 0, fmt.Errorf("witness %s: %s: %s", name, resp.Status, msg)
	}
}

func sizeOf(signed []byte) int64 {
	c, _ := parseSigned(signed)
	return c.Size
}

// verifyCosignature checks a witness's answer: signature lines of which
// at least one is a valid cosignature by v on signed's checkpoint. It
// returns v's lines only.
func verifyCosignature(v note.Verifier, signed, answer []byte) ([]byte, error) {
	if len(answer) == 0 || answer[len(answer)-1] != '\n' {
		return nil, errors.New("answer is not signature lines ending in a newline")
	}
	i := bytes.Index(signed, []byte("\n\n"))
	text := signed[:i+1]
	n, err := note.Open(append(append(bytes.Clone(text), '\n'), answer...), note.VerifierList(v))
	if err != nil {
		return nil, fmt.Errorf("cosignature does not verify: %v", err)
	}
	var out []byte
	for _, s := range n.Sigs {
		out = fmt.Appendf(out, "— %s %s\n", s.Name, s.Base64)
	}
	return out, nil
}
