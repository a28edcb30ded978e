package remote_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
)

// readWhole is a transport that calls read with the path of each answer
// the client has read whole: when it closes the body, after reading it
// to its end (as the log client does).
type readWhole struct {
	rt   http.RoundTripper
	read func(path string)
}

func (t readWhole) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	resp.Body = &closeHook{ReadCloser: resp.Body, closed: func() { t.read(r.URL.Path) }}
	return resp, nil
}

type closeHook struct {
	io.ReadCloser
	once   sync.Once
	closed func()
}

func (b *closeHook) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.closed)
	return err
}

// TestProblemFoundAsTimeRunsOut: the verification's context ends (its
// time limit) just after the client has received, whole, what shows the
// log is forged, and before it has checked it. The forgery is reported,
// an *Error naming the entry, not that the verification stopped; where
// nothing is wrong in what was received, it stopped (*Stopped), after
// the entries it could check. The moment is set by the client's
// transport, when it has read the answers the first bundle's check
// needs, and the second bundle is never answered: no timing decides.
func TestProblemFoundAsTimeRunsOut(t *testing.T) {
	l := tlogtest.New(origin)
	fill(l, 0, 300)
	keys := note.VerifierList(l.Verifier())
	// What the check of the first bundle reads: the bundle, the level-0
	// tile beneath it, and the tree's right edge (aheadTiles).
	first := []string{"/tile/entries/000", "/tile/0/000", "/tile/0/001.p/44", "/tile/1/000.p/1"}
	timeUp := errors.New("time is up")
	for _, c := range []struct {
		name    string
		handler http.Handler
		replay  func(context.CancelCauseFunc) func(int64, []byte) error
		index   int64
		want    string // "" for *Stopped, after checked entries
		checked int64
		upon    []string // the answers read whole when the time runs out, if not first
	}{
		{"nothing wrong", l, nil, 0, "", 256, nil},
		{"entry forged", tamper(l, "/tile/entries/000", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`{"index":5,"type":"speech"}`), []byte(`{"index":5,"type":"vote!!"}`), 1)
		}), nil, 5, "the entry was altered", 0, nil},
		{"tile forged", tamper(l, "/tile/0/000", func(b []byte) []byte { b[7*32] ^= 1; return b }), nil, 0, "does not check out against its checkpoint", 0, nil},
		{"bundle cut short", tamper(l, "/tile/entries/000", func(b []byte) []byte { return b[:len(b)-3] }), nil, 0, "ends inside an entry", 0, first[:1]},
		// The replay's own findings, and its failures to fetch, as the
		// time runs out during it.
		{"replay refuses", l, func(timesUp context.CancelCauseFunc) func(int64, []byte) error {
			return func(i int64, _ []byte) error {
				if i == 9 {
					timesUp(timeUp)
					return errors.New("motion put to the vote twice")
				}
				return nil
			}
		}, 9, "replay: motion put to the vote twice", 0, nil},
		{"replay's fetch stopped", l, func(timesUp context.CancelCauseFunc) func(int64, []byte) error {
			return func(i int64, _ []byte) error {
				if i == 9 {
					timesUp(timeUp)
					return remote.Unfetched(errors.New("fetching the payload stored apart: the connection broke"))
				}
				return nil
			}
		}, 0, "", 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, timesUp := context.WithCancelCause(context.Background())
			defer timesUp(nil)
			var mu sync.Mutex
			pending := map[string]bool{}
			upon := first
			if c.upon != nil {
				upon = c.upon
			}
			for _, p := range upon {
				pending[p] = true
			}
			tr := http.DefaultTransport.(*http.Transport).Clone()
			defer tr.CloseIdleConnections()
			hc := &http.Client{Transport: readWhole{rt: tr, read: func(path string) {
				mu.Lock()
				defer mu.Unlock()
				if pending[path] {
					delete(pending, path)
					if len(pending) == 0 && c.replay == nil {
						timesUp(timeUp)
					}
				}
			}}}
			// The second bundle is answered only once the client gives up.
			url := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, "/tile/entries/001") {
					<-r.Context().Done()
					return
				}
				c.handler.ServeHTTP(w, r)
			}))
			opts := remote.Options{LogKeys: keys, Client: hc}
			if c.replay != nil {
				opts.Replay = c.replay(timesUp)
			}
			_, err := remote.Verify(ctx, url, opts)
			if ctx.Err() == nil {
				t.Fatalf("the time never ran out: %v", err)
			}
			if c.want == "" {
				var st *remote.Stopped
				if !errors.As(err, &st) || !errors.Is(err, timeUp) || st.Size != 300 || st.Checked != c.checked {
					t.Fatalf("%T %v, want *remote.Stopped", err, err)
				}
				return
			}
			var re *remote.Error
			if !errors.As(err, &re) || re.Index != c.index || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%T %v, want entry %d and %q (found as the time ran out), not that it stopped", err, err, c.index, c.want)
			}
		})
	}
}
