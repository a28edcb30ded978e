package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// oneWriter is a Forwarder whose writer is always at u.
type oneWriter struct{ u *url.URL }

func (f oneWriter) WriterOf(context.Context, string) (*url.URL, error) { return f.u, nil }
func (oneWriter) Name() string                                         { return "follower" }

// TestForwardsReuseConnections: the commands a follower forwards in one
// burst, hundreds at once, leave their connections to the writer open
// for the next burst, which opens none — rather than a new TCP connection
// for almost every forwarded command, on both nodes. Each answer comes
// back whole, with the writer's status, and each request arrives marked
// forwarded, with its body.
func TestForwardsReuseConnections(t *testing.T) {
	const burst = 300 // more than the 64 connections a node once kept
	var opened atomic.Int64
	var arrived sync.WaitGroup
	var gate atomic.Pointer[chan struct{}]
	writer := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get(ForwardedHeader) != "follower" || string(body) != `{"cmd":"cast_ballot"}` {
			http.Error(w, "not as forwarded", http.StatusBadRequest)
			return
		}
		arrived.Done()
		<-*gate.Load() // every command of the burst in flight at once
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"receipt":"`+strings.Repeat("r", 40<<10)+`"}`)
	}))
	writer.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	writer.Start()
	defer writer.Close()
	u, _ := url.Parse(writer.URL)
	f := oneWriter{u}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	send := func() {
		t.Helper()
		g := make(chan struct{})
		gate.Store(&g)
		arrived.Add(burst)
		var done sync.WaitGroup
		codes := make(chan int, burst)
		for range burst {
			done.Add(1)
			go func() {
				defer done.Done()
				body := []byte(`{"cmd":"cast_ballot"}`)
				r := httptest.NewRequest("POST", "/api/assemblies/coop/commands", strings.NewReader(string(body)))
				w := httptest.NewRecorder()
				ForwardTo(w, r, f, nil, log, "coop", u, body, func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(http.StatusServiceUnavailable)
				})
				if w.Code == http.StatusCreated && w.Body.Len() != len(`{"receipt":""}`)+40<<10 {
					w.Code = -w.Body.Len()
				}
				codes <- w.Code
			}()
		}
		arrived.Wait()
		close(g)
		done.Wait()
		close(codes)
		for c := range codes {
			if c != http.StatusCreated {
				t.Fatalf("a forwarded command was answered %d", c)
			}
		}
	}
	send()
	first := opened.Load()
	if first != burst {
		t.Fatalf("the first burst of %d opened %d connections", burst, first)
	}
	send()
	if again := opened.Load() - first; again != 0 {
		t.Errorf("the second burst of %d opened %d new connections", burst, again)
	}
}
