package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// rawStream is an event stream read from a bare connection, as the bench's
// clients read it: no goroutine of the test's per stream.
type rawStream struct {
	conn net.Conn
	br   *bufio.Reader
}

// openRaw opens the event stream with query as token (or nobody), on a
// connection whose receive buffer is rcvbuf bytes if not 0, and reads up
// to its retry: line.
func (w *world) openRaw(t *testing.T, token, query string, rcvbuf int, hdr ...string) *rawStream {
	t.Helper()
	d := net.Dialer{}
	if rcvbuf > 0 {
		d.Control = func(_, _ string, c syscall.RawConn) error {
			return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf) })
		}
	}
	conn, err := d.Dial("tcp", strings.TrimPrefix(w.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	req := "GET /api/assemblies/coop/events" + query + " HTTP/1.0\r\nAccept: text/event-stream\r\n"
	if token != "" {
		req += "Cookie: " + auth.CookieName + "=" + token + "\r\n"
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req += hdr[i] + ": " + hdr[i+1] + "\r\n"
	}
	if _, err := conn.Write([]byte(req + "\r\n")); err != nil {
		t.Fatal(err)
	}
	s := &rawStream{conn, bufio.NewReader(conn)}
	for {
		line, err := s.br.ReadString('\n')
		if err != nil {
			t.Fatalf("event stream: %v", err)
		}
		if strings.HasPrefix(line, "HTTP/") && !strings.Contains(line, " 200 ") {
			t.Fatalf("event stream: %s", line)
		}
		if strings.HasPrefix(line, "retry:") {
			return s
		}
	}
}

// events reads n events (skipping comments), failing after 10 s.
func (s *rawStream) events(t *testing.T, n int) []sseEvent {
	t.Helper()
	s.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	var out []sseEvent
	var ev sseEvent
	for len(out) < n {
		line, err := s.br.ReadString('\n')
		if err != nil {
			t.Fatalf("after %d of %d events: %v", len(out), n, err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if ev.id != "" {
				out = append(out, ev)
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, "id: "):
			ev.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			ev.typ = line[7:]
		case strings.HasPrefix(line, "data: "):
			ev.data = line[6:]
		}
	}
	return out
}

// narrate records n narratives of size bytes each, straight in the engine.
func (w *world) narrate(t *testing.T, n, size int) {
	t.Helper()
	for i := range n {
		text := fmt.Sprintf("Narrative %d. ", i) + strings.Repeat("x", max(size-14, 0))
		raw, _ := json.Marshal(map[string]string{"text": text})
		if _, err := w.eng.Submit(context.Background(), assembly.Envelope{Cmd: "record_narrative", Assembly: "coop", Actor: auth.AdminPerson, At: time.Now().UTC(), Args: raw}); err != nil {
			t.Fatal(err)
		}
	}
}

// hubConns is how many streams the hub of coop serves.
func (w *world) hubConns() int {
	a, _ := w.eng.Assembly("coop")
	h := w.api.hubOf(a.Feed())
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.conns)
}

// checkEvents fails unless evs are the events from index first on, one
// each, in order, framed for a stream with or without payload (full) and
// event: lines (plain).
func checkEvents(t *testing.T, who string, evs []sseEvent, first int64, full, plain bool) {
	t.Helper()
	for i, ev := range evs {
		if want := strconv.FormatInt(first+int64(i), 10); ev.id != want {
			t.Fatalf("%s: event %d has id %s, want %s", who, i, ev.id, want)
		}
		if plain != (ev.typ == "") || full != strings.Contains(ev.data, `"actor":`) {
			t.Fatalf("%s: event %d framed wrong (full %v, plain %v): %+v", who, i, full, plain, ev)
		}
	}
}

// TestHubServesTheStreams: streams that have caught up are served by the
// assembly's hub, with no goroutine each; every stream gets every event
// once, in order, framed for its kind (participant or public, plain or
// not), and a stream resuming from an earlier event catches up on its
// own, then joins.
func TestHubServesTheStreams(t *testing.T) {
	w := newWorld(t, 2)
	a, _ := w.eng.Assembly("coop")
	base := a.Feed().Next()
	d1 := w.as("d1")
	runtime.GC()
	before := runtime.NumGoroutine()
	const n = 60
	type kind struct{ full, plain bool }
	streams := make([]*rawStream, n)
	kinds := make([]kind, n)
	for i := range streams {
		token, query := "", ""
		if i%2 == 0 {
			token = d1.token
		}
		if i%3 == 0 {
			query = "?plain=1"
		}
		kinds[i] = kind{token != "", query != ""}
		streams[i] = w.openRaw(t, token, query, 0)
	}
	deadline := time.Now().Add(10 * time.Second)
	for w.hubConns() != n && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := w.hubConns(); got != n {
		t.Fatalf("the hub serves %d of %d streams", got, n)
	}
	// The server's goroutines per stream are gone (the clients here have
	// none): a handful for the hub, the heartbeat and the server.
	if grown := runtime.NumGoroutine() - before; grown > n/4 {
		t.Errorf("%d goroutines more with %d streams open", grown, n)
	}
	w.narrate(t, 5, 100)
	for i, s := range streams {
		checkEvents(t, fmt.Sprintf("stream %d", i), s.events(t, 5), base, kinds[i].full, kinds[i].plain)
	}
	// A stream that resumes after base+1 gets base+2 on, then joins.
	late := w.openRaw(t, d1.token, "", 0, "Last-Event-ID", strconv.FormatInt(base+1, 10))
	w.narrate(t, 2, 100)
	checkEvents(t, "the late stream", late.events(t, 5), base+2, true, false)
	for i, s := range streams {
		checkEvents(t, fmt.Sprintf("stream %d", i), s.events(t, 2), base+5, kinds[i].full, kinds[i].plain)
	}
	for deadline := time.Now().Add(5 * time.Second); w.hubConns() != n+1 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := w.hubConns(); got != n+1 {
		t.Errorf("the late stream caught up, yet the hub serves %d streams, want %d", got, n+1)
	}
	// Streams whose clients left are dropped at the next write.
	for _, s := range streams {
		s.conn.Close()
	}
	for deadline := time.Now().Add(5 * time.Second); w.hubConns() != 1 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if got := w.hubConns(); got != 1 {
		t.Errorf("after 60 clients left the hub serves %d streams, want 1", got)
	}
}

// TestHubSlowReader: a client that does not read while much is sent
// leaves the hub (its socket is full) without holding up the others, and
// gets every event, once, in order, when it reads again.
func TestHubSlowReader(t *testing.T) {
	w := newWorld(t, 1)
	a, _ := w.eng.Assembly("coop")
	base := a.Feed().Next()
	d1 := w.as("d1")
	slow := w.openRaw(t, d1.token, "", 4096)
	fast := w.openRaw(t, d1.token, "", 0)
	for deadline := time.Now().Add(5 * time.Second); w.hubConns() != 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	const n = 80 // 7 MB, more than a socket buffers (4 MB at most here)
	done := make(chan []sseEvent)
	go func() {
		var evs []sseEvent
		defer func() { done <- evs }()
		fast.conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		for len(evs) < n {
			got := fast.events(t, 1)
			evs = append(evs, got...)
		}
	}()
	w.narrate(t, n, 90_000)
	fastEvs := <-done
	checkEvents(t, "the fast reader", fastEvs, base, true, false)
	if got := w.hubConns(); got != 1 {
		t.Errorf("with a client that does not read, the hub serves %d streams, want 1 (the other)", got)
	}
	checkEvents(t, "the slow reader", slow.events(t, n), base, true, false)
	w.narrate(t, 1, 10)
	checkEvents(t, "the slow reader, caught up", slow.events(t, 1), base+n, true, false)
	for deadline := time.Now().Add(5 * time.Second); w.hubConns() != 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := w.hubConns(); got != 2 {
		t.Errorf("the slow reader caught up, yet the hub serves %d streams, want 2", got)
	}
}

// TestHubStreamOutlivesTheWriteTimeout: a stream that joined the hub after
// a write of its own (which sets a write deadline) still gets events long
// after that deadline.
func TestHubStreamOutlivesTheWriteTimeout(t *testing.T) {
	old := sseWriteTimeout
	sseWriteTimeout = 200 * time.Millisecond
	t.Cleanup(func() { sseWriteTimeout = old })
	w := newWorld(t, 1)
	a, _ := w.eng.Assembly("coop")
	base := a.Feed().Next()
	s := w.openRaw(t, w.as("d1").token, "", 0)
	time.Sleep(3 * sseWriteTimeout) // heartbeats every 100 ms meanwhile
	w.narrate(t, 1, 10)
	checkEvents(t, "the stream", s.events(t, 1), base, true, false)
}

// TestEventsOverTLS: a stream over TLS (a connection with no descriptor of
// its own to write to) is served by its own goroutine, never by the hub,
// whose writes would bypass the encryption.
func TestEventsOverTLS(t *testing.T) {
	w := newWorld(t, 1)
	srv := httptest.NewUnstartedServer(w.api)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	a, _ := w.eng.Assembly("coop")
	base := a.Feed().Next()
	req, _ := http.NewRequest("GET", srv.URL+"/api/assemblies/coop/events", nil)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: w.as("d1").token})
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.ProtoMajor != 1 {
		t.Fatalf("events over TLS: %s %s", res.Status, res.Proto)
	}
	w.narrate(t, 2, 10)
	s := &sse{res: res, sc: bufio.NewScanner(res.Body)}
	for i := range 2 {
		if ev := s.event(t); ev.id != strconv.FormatInt(base+int64(i), 10) || ev.typ != "narrative_recorded" {
			t.Fatalf("event %d over TLS: %+v", i, ev)
		}
	}
	if got := w.hubConns(); got != 0 {
		t.Errorf("the hub serves %d streams over TLS", got)
	}
}
