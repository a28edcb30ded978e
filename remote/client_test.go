package remote_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/witness"
)

const origin = "plenum.test/assembly/march-1917"

func fill(l *tlogtest.Log, from, n int) {
	for i := from; i < from+n; i++ {
		l.Append(fmt.Appendf(nil, `{"index":%d,"type":"speech"}`, i))
	}
}

func serve(t *testing.T, h http.Handler) string {
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}

func TestVerify(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	fill(l, 0, 300)
	since := l.Checkpoint()
	fill(l, 300, 70000-300)
	url := serve(t, l)

	var replayed int64
	var last [2]int64
	res, err := remote.Verify(ctx, url, remote.Options{
		LogKeys: note.VerifierList(l.Verifier()),
		Origin:  origin,
		Since:   since,
		Replay: func(i int64, data []byte) error {
			if i != replayed || !bytes.Equal(data, l.Entry(i)) {
				return fmt.Errorf("replayed entry %d out of order", i)
			}
			replayed++
			return nil
		},
		Progress: func(done, total int64) { last = [2]int64{done, total} },
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 70000 || replayed != 70000 || last != [2]int64{70000, 70000} || res.Checkpoint.Size != 70000 {
		t.Fatalf("entries %d, replayed %d, progress %v", res.Entries, replayed, last)
	}
}

func TestVerifyEmptyLog(t *testing.T) {
	l := tlogtest.New(origin)
	res, err := remote.Verify(context.Background(), serve(t, l), remote.Options{LogKeys: note.VerifierList(l.Verifier())})
	if err != nil || res.Entries != 0 {
		t.Fatalf("%+v %v", res, err)
	}
}

// tamper wraps a log's handler and rewrites one resource.
func tamper(h http.Handler, path string, edit func([]byte) []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		w.WriteHeader(rec.Code)
		w.Write(edit(rec.Body.Bytes()))
	})
}

func TestVerifyFailures(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	fill(l, 0, 600)
	cp600 := l.Checkpoint()
	stranger := tlogtest.New("other.test/assembly/x")
	fill(stranger, 0, 3)

	// Another history under the same origin and key.
	fork := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	fill(fork, 0, 400)
	fork.Append([]byte(`{"index":400,"type":"speech","rewritten":true}`))
	fill(fork, 401, 300)
	forkSmall := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	fill(forkSmall, 0, 10)
	fill(forkSmall, 0, 590)

	w := witnessFor(t, l.Origin, l.Verifier())
	policy := &witness.Policy{Threshold: 1, Witnesses: []note.Verifier{w.Verifier()}}

	keys := note.VerifierList(l.Verifier())
	cases := []struct {
		name    string
		handler http.Handler
		opts    remote.Options
		index   int64
		want    string
	}{
		{"wrong key", l, remote.Options{LogKeys: note.VerifierList(stranger.Verifier())}, -1, "the server's checkpoint: note has no verifiable signatures"},
		{"wrong origin", stranger, remote.Options{LogKeys: note.VerifierList(stranger.Verifier()), Origin: origin}, -1, `is for log "other.test/assembly/x"`},
		{"not witnessed", l, remote.Options{LogKeys: keys, Policy: policy}, -1, "checkpoint is not witnessed"},
		{"split view", fork, remote.Options{LogKeys: keys, Since: cp600}, -1, "not consistent with the remembered one (tree size 600)"},
		{"same size, other root", forkSmall, remote.Options{LogKeys: keys, Since: cp600}, -1, "both have tree size 600 but different roots"},
		{"rolled back", l, remote.Options{LogKeys: keys, Since: fork.Checkpoint()}, -1, "older than the remembered one"},
		{"since by another key", l, remote.Options{LogKeys: keys, Since: stranger.Checkpoint()}, -1, "the remembered checkpoint"},
		{"entry altered in its bundle", tamper(l, "/tile/entries/001", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"index":300,`), []byte(`"index":301,`), 1)
		}), remote.Options{LogKeys: keys}, 300, "the entry was altered"},
		{"entry removed from its bundle", tamper(l, "/tile/entries/001", func(b []byte) []byte {
			n := 2 + int(b[0])<<8 + int(b[1])
			return b[n:]
		}), remote.Options{LogKeys: keys}, 256, "255 entries, want 256"},
		{"truncated bundle", tamper(l, "/tile/entries/002.p/88", func(b []byte) []byte { return b[:len(b)-1] }), remote.Options{LogKeys: keys}, 512, "ends inside an entry"},
		{"tile altered", tamper(l, "/tile/0/001", func(b []byte) []byte { b[40] ^= 1; return b }), remote.Options{LogKeys: keys}, 256, "does not check out against its checkpoint"},
		{"tile missing", tamper(l, "/tile/1/000.p/2", func(b []byte) []byte { return nil }), remote.Options{LogKeys: keys}, 0, "does not check out"},
		{"replay refuses", l, remote.Options{LogKeys: keys, Replay: func(i int64, _ []byte) error {
			if i == 77 {
				return errors.New("motion put to the vote twice")
			}
			return nil
		}}, 77, "replay: motion put to the vote twice"},
	}
	for _, c := range cases {
		_, err := remote.Verify(ctx, serve(t, c.handler), c.opts)
		var re *remote.Error
		if !errors.As(err, &re) || re.Index != c.index || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want entry %d and %q", c.name, err, c.index, c.want)
		}
	}
	// With the cosignature merged in, the policy is met.
	sub := &witness.Submitter{Witnesses: []witness.Endpoint{{URL: serve(t, w), Verifier: w.Verifier()}}, Proofs: l}
	res := sub.Submit(ctx, cp600)
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	l.ServeCheckpoint(witness.Merge(cp600, witness.Cosignatures(res)))
	r, err := remote.Verify(ctx, serve(t, l), remote.Options{LogKeys: keys, Policy: policy})
	if err != nil || len(r.Cosigners) != 1 {
		t.Fatalf("witnessed: %v %v", r, err)
	}
}

func witnessFor(t *testing.T, origin string, v note.Verifier) *witness.Server {
	skey, _, err := witness.GenerateKey("witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := witness.ParseSigner(skey)
	w, err := witness.OpenServer(filepath.Join(t.TempDir(), "w.db"), s, []witness.KnownLog{{Origin: origin, Keys: []note.Verifier{v}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func TestTilePath(t *testing.T) {
	for _, c := range []struct {
		path string
		ok   bool
	}{
		{"tile/0/000", true}, {"tile/0/x001/x234/067", true}, {"tile/entries/x001/234.p/5", true},
		{"tile/3/123.p/255", true}, {"tile/0/1234", false}, {"tile/0/001/234", false},
		{"tile/0/x000/001", false}, {"tile/64/000", false}, {"tile/0/000.p/256", false},
		{"tile/0/000.p/0", false}, {"tile/00/000", false}, {"tiles/0/000", false}, {"tile/0/00a", false},
	} {
		tile, err := remote.ParseTilePath(c.path)
		if (err == nil) != c.ok {
			t.Errorf("ParseTilePath(%q) = %v, %v", c.path, tile, err)
			continue
		}
		if c.ok && remote.TilePath(tile) != c.path {
			t.Errorf("TilePath(%v) = %q, want %q", tile, remote.TilePath(tile), c.path)
		}
	}
}

func TestVerifyCancelled(t *testing.T) {
	l := tlogtest.New(origin)
	fill(l, 0, 5000)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := remote.Verify(ctx, serve(t, l), remote.Options{LogKeys: note.VerifierList(l.Verifier()), Replay: func(i int64, _ []byte) error {
		if i == 1000 {
			cancel()
		}
		return nil
	}})
	if !errors.Is(err, context.Canceled) && (err == nil || !strings.Contains(err.Error(), "context canceled")) {
		t.Fatalf("cancelled verify: %v", err)
	}
}
