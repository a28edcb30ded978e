package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/i18n"
)

// ErrBeyondHead is the refusal of a Last-Event-ID the log has not reached.
var ErrBeyondHead = errors.New("beyond the log's head")

// startError is a refusal of StreamStart: its English words, and its
// catalog key and arguments for the problem's detail.
type startError struct {
	err  error
	key  string
	args []any
}

func (e *startError) Error() string { return e.err.Error() }
func (e *startError) Unwrap() error { return e.err }

// StreamStart is where a stream resumes: after the index last (a
// Last-Event-ID, or "" for the next event), given that the log holds head
// events. It refuses what is not an index (or is below -1), and an index
// the log has not reached (ErrBeyondHead, with words), without adding one
// to the largest int64.
func StreamStart(last string, head int64) (int64, error) {
	if last == "" {
		return head, nil
	}
	n, err := strconv.ParseInt(last, 10, 64)
	if err != nil || n < -1 {
		return 0, &startError{fmt.Errorf("Last-Event-ID (or after) must be an event index, -1 or more, not %.40q", last), "api.stream_after", []any{last}}
	}
	if n >= head {
		return 0, &startError{fmt.Errorf("Last-Event-ID %d is %w: the log holds %d events (indexes 0 to %d), so this stream cannot resume after %d; the log you saw was longer than this one, so reload and check the record", n, ErrBeyondHead, head, head-1, n), "api.stream_beyond", []any{strconv.FormatInt(n, 10), strconv.FormatInt(head, 10), strconv.FormatInt(head-1, 10)}}
	}
	return n + 1, nil
}

// StreamGate limits concurrent live event streams (the API's and the
// pages'): for visitors who are not logged in, per client address and in
// all; for a logged-in person, per person. A nil *StreamGate admits every
// stream.
type StreamGate struct {
	mu        sync.Mutex
	perAddr   int
	total     int
	perPerson int
	byAddr    map[string]int
	byPerson  map[[2]string]int
	public    int
}

// NewStreamGate returns a gate admitting perAddress public streams per
// client address (0: 50) and total public streams in all (0: 5,000), and
// 16 per logged-in person (a few devices and tabs).
func NewStreamGate(perAddress, total int) *StreamGate {
	if perAddress <= 0 {
		perAddress = 50
	}
	if total <= 0 {
		total = 5000
	}
	return &StreamGate{perAddr: perAddress, total: total, perPerson: 16, byAddr: map[string]int{}, byPerson: map[[2]string]int{}}
}

// Enter admits a stream from client (an address, auth.Store.ClientAddr) or
// the session sess, and returns the function that ends it; ok is false
// over the limits.
func (g *StreamGate) Enter(client string, sess *auth.Session) (release func(), ok bool) {
	if g == nil {
		return func() {}, true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if sess != nil {
		k := [2]string{sess.Assembly, sess.Person}
		if g.byPerson[k] >= g.perPerson {
			return nil, false
		}
		g.byPerson[k]++
		return g.once(func() {
			if g.byPerson[k]--; g.byPerson[k] == 0 {
				delete(g.byPerson, k)
			}
		}), true
	}
	if g.byAddr[client] >= g.perAddr || g.public >= g.total {
		return nil, false
	}
	g.byAddr[client]++
	g.public++
	return g.once(func() {
		g.public--
		if g.byAddr[client]--; g.byAddr[client] == 0 {
			delete(g.byAddr, client)
		}
	}), true
}

// Open returns how many public streams are open, and how many streams
// logged-in persons hold.
func (g *StreamGate) Open() (public, persons int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, n := range g.byPerson {
		persons += n
	}
	return g.public, persons
}

// once makes a release function that takes effect once, under the lock.
func (g *StreamGate) once(f func()) func() {
	var done sync.Once
	return func() {
		done.Do(func() {
			g.mu.Lock()
			defer g.mu.Unlock()
			f()
		})
	}
}

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
// with the next event (?after=-1 sends the whole log). An index the log has
// not reached is refused with 409 (the client saw a longer log than this
// one: something is wrong, and a silent stream would hide it). Visitors
// who are not logged in may hold only so many streams per address and in
// all (Options.Streams); over that they get 429. Visitors who are
// not logged in get only index and type, to know when to reload the public
// views, and only where the record is public (MayRead); a participant who
// may not read the record (it is open to the officers only) gets index
// and type too, for their own page. ?plain=1 leaves out the event: line, so that EventSource's
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
	// Who may read the record gets the events; a participant who may
	// not (an officers-only record) gets their index and type, to know
	// when their own page changed; anyone else nothing.
	sess := auth.FromContext(r.Context())
	participant := sess.In(a.ID())
	var mayRead bool
	refused, why, l := 0, "", (*i18n.Locale)(nil)
	a.Read(func(st *assembly.State) {
		if mayRead = MayRead(st, sess); !mayRead && !participant {
			l = i18n.Choose(r, st.Assembly.Language)
			refused, why = ReadRefusalIn(st, sess, l)
		}
	})
	if refused != 0 {
		problemIn(w, l, refused, readCode(refused), "", why)
		return
	}
	s := &stream{
		api:   api,
		feed:  a.Feed(),
		full:  participant && mayRead,
		plain: r.URL.Query().Get("plain") == "1",
	}
	last := r.Header.Get("Last-Event-ID")
	if v := r.URL.Query().Get("after"); v != "" && last == "" {
		last = v
	}
	from, err := StreamStart(last, s.feed.Next())
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, ErrBeyondHead) {
			status = http.StatusConflict
		}
		se := err.(*startError)
		problem(w, r, status, "malformed", "after", se.key, se.args...)
		return
	}
	s.from = from
	release, ok := api.opts.Streams.Enter(api.auth.ClientAddr(r), auth.FromContext(r.Context()))
	if !ok {
		w.Header().Set("Retry-After", "10")
		problem(w, r, http.StatusTooManyRequests, "rate_limited", "", "api.streams")
		return
	}
	if r.ProtoMajor == 1 {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.SetReadDeadline(time.Time{}) // the server's read timeout is for requests, not for a stream
			go func() {
				defer release()
				s.serveConn(conn, r.ProtoMinor)
			}()
			return
		}
	}
	defer release()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
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
