package httpapi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"plenum/auth"
	"plenum/engine"
)

// sseBatch is how many events one write sends at most.
const sseBatch = 256

// sseWriteTimeout bounds one write to a client; a client that does not
// read is dropped and reconnects later from its last event id.
const sseWriteTimeout = 10 * time.Second

// events serves GET /api/assemblies/{id}/events as server-sent events:
//
//	id: <ledger index>
//	event: <event type>
//	data: {"index": …, "type": …, "actor": …, "event": {…}}
//
// Every event is sent once it is durable. A client that reconnects sends
// Last-Event-ID (EventSource does so by itself) or ?after=<index>, and gets
// every event after it, nothing missed; without either the stream starts
// with the next event (?after=-1 sends the whole log). Visitors who are
// not logged in get only index and type, to know when to reload the public
// views. ?plain=1 leaves out the event: line, so that EventSource's
// onmessage sees every event. A comment line is sent every 15 s of quiet.
//
// Over HTTP/1 the handler takes the connection over from net/http and
// serves it from one small goroutine that holds a cursor on the assembly's
// feed and no buffer between writes: ten thousand phones cost ten thousand
// cursors. Where the connection cannot be taken over (HTTP/2, a wrapping
// ResponseWriter) it streams through the ResponseWriter instead.
func (api *API) events(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	s := &stream{
		api:   api,
		feed:  a.Feed(),
		full:  auth.FromContext(r.Context()).In(a.ID()),
		plain: r.URL.Query().Get("plain") == "1",
	}
	s.from = s.feed.Next()
	last := r.Header.Get("Last-Event-ID")
	if v := r.URL.Query().Get("after"); v != "" && last == "" {
		last = v
	}
	if last != "" {
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < -1 {
			problem(w, http.StatusBadRequest, "malformed", "after", "Last-Event-ID (or after) must be an event index")
			return
		}
		s.from = n + 1
	}
	if r.ProtoMajor == 1 {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			go s.serveConn(conn, r.ProtoMinor)
			return
		}
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	s.run(r.Context(), func(b []byte) error {
		rc.SetWriteDeadline(time.Now().Add(sseWriteTimeout))
		if _, err := w.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	})
}

// stream is one client's event stream: where it is, and what it may see.
type stream struct {
	api   *API
	feed  *engine.Feed
	from  int64 // the next index to send
	full  bool  // a participant: events with their payload
	plain bool  // no event: lines
}

// serveConn writes the response head and the stream on a connection taken
// over from net/http, and closes it at the end.
func (s *stream) serveConn(conn net.Conn, minor int) {
	defer conn.Close()
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\n"
	if minor == 0 {
		head = "HTTP/1.0" + head[len("HTTP/1.1"):]
	}
	// A write may block at most sseWriteTimeout: the deadline is moved
	// on when less than half of it is left, not at every write, which
	// spares ten thousand timer updates per event.
	var deadline time.Time
	write := func(b []byte) error {
		if now := time.Now(); deadline.Sub(now) < sseWriteTimeout/2 {
			deadline = now.Add(sseWriteTimeout)
			conn.SetWriteDeadline(deadline)
		}
		_, err := conn.Write(b)
		return err
	}
	if write([]byte(head)) != nil {
		return
	}
	// The request's context ended when the handler returned; the stream
	// ends when a write fails (the client left) or the feed closes.
	s.run(context.Background(), write)
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// run waits for events from s.from on and hands each batch, framed, to
// write; it returns when write fails, ctx ends or the feed closes.
func (s *stream) run(ctx context.Context, write func([]byte) error) {
	send := func(fill func([]byte) []byte) bool {
		bp := bufPool.Get().(*[]byte)
		b := fill((*bp)[:0])
		err := write(b)
		if cap(b) <= 64<<10 {
			*bp = b[:0]
			bufPool.Put(bp)
		}
		return err == nil
	}
	if !send(func(b []byte) []byte { return append(b, "retry: 2000\n\n"...) }) {
		return
	}
	for {
		// Every stream waits on the same heartbeat context, so that a
		// wake-up costs no timer of its own.
		wctx, cancel := s.api.beat.context(ctx, s.api.opts.Heartbeat)
		ups, err := s.feed.Wait(wctx, s.from, sseBatch)
		cancel()
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
			// The heartbeat (the request's own context is still live).
			if !send(func(b []byte) []byte { return append(b, ": keep-alive\n\n"...) }) {
				return
			}
			continue
		default:
			return // the feed closed (shutdown) or the log failed: the client reconnects
		}
		if !send(func(b []byte) []byte {
			for i := range ups {
				b = appendEvent(b, &ups[i], s.full, s.plain)
			}
			return b
		}) {
			return
		}
		s.from = ups[len(ups)-1].Index + 1
	}
}

// appendEvent frames one event; the payload is the ledger entry's JSON,
// compact, so it fits on one data line.
func appendEvent(b []byte, u *engine.Update, full, plain bool) []byte {
	b = append(b, "id: "...)
	b = strconv.AppendInt(b, u.Index, 10)
	if !plain {
		b = append(b, "\nevent: "...)
		b = append(b, u.Type...)
	}
	b = append(b, "\ndata: {\"index\":"...)
	b = strconv.AppendInt(b, u.Index, 10)
	b = append(b, ",\"type\":\""...)
	b = append(b, u.Type...)
	b = append(b, '"')
	if full {
		b = append(b, ",\"actor\":\""...)
		b = append(b, u.Actor...) // an id: letters, digits, - and _
		b = append(b, "\",\"event\":"...)
		b = append(b, oneLine(u.Payload)...)
	}
	return append(b, "}\n\n"...)
}

// oneLine returns JSON without raw newlines (compact JSON has none; this
// guards the stream's framing anyway).
func oneLine(b []byte) []byte {
	for _, c := range b {
		if c == '\n' || c == '\r' {
			return compactJSON(b)
		}
	}
	return b
}

// beat is a context shared by all streams that ends at the next
// heartbeat; a new one starts when it has ended. Streams read it without a
// lock: ten thousand of them wake at each event.
type beat struct {
	cur atomic.Pointer[beatCtx]
	mu  sync.Mutex // held to replace cur
}

type beatCtx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// context returns a context that ends at the next heartbeat or when parent
// ends. With context.Background() as parent it allocates nothing.
func (b *beat) context(parent context.Context, period time.Duration) (context.Context, context.CancelFunc) {
	c := b.cur.Load()
	if c == nil || c.ctx.Err() != nil {
		b.mu.Lock()
		if c = b.cur.Load(); c == nil || c.ctx.Err() != nil {
			if c != nil {
				c.cancel() // it has ended by its deadline; this releases it
			}
			ctx, cancel := context.WithTimeout(context.Background(), period)
			c = &beatCtx{ctx, cancel}
			b.cur.Store(c)
		}
		b.mu.Unlock()
	}
	if parent.Done() == nil {
		return c.ctx, func() {}
	}
	merged, cancel := context.WithCancel(parent)
	stop := context.AfterFunc(c.ctx, cancel)
	return merged, func() { stop(); cancel() }
}
