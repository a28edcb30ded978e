package httpapi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/i18n"
)

// ErrBeyondHead is the refusal of a Last-Event-ID the log has not reached.
var ErrBeyondHead = errors.New("beyond the log's head")

// startError is a refusal of StreamStart: its catalog key and arguments,
// which make the problem's detail in the reader's language and its Go
// error in English (one wording, the catalog's, counted as English
// counts), and the sentinel it wraps, if any.
type startError struct {
	is   error
	key  string
	args []any
}

func (e *startError) Error() string { return i18n.For("en").T(e.key, e.args...) }
func (e *startError) Unwrap() error { return e.is }

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
		return 0, &startError{nil, "api.stream_after", []any{last}}
	}
	if n >= head {
		return 0, &startError{ErrBeyondHead, "api.stream_beyond", []any{strconv.FormatInt(n, 10), strconv.FormatInt(head, 10), strconv.FormatInt(head-1, 10)}}
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
var sseWriteTimeout = 10 * time.Second

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
// onmessage sees every event. ?brief=1 asks for index and type alone
// whoever asks: the pages reload a fragment on an event and read only
// its type, and a vote's opening names every mandate entitled (170 kB
// for 10,000), which ten thousand phones need not each download. A comment line is sent every 15 s of quiet.
//
// Over HTTP/1 the handler takes the connection over from net/http; a
// goroutine of its own sends what the stream has missed, and once it has
// caught up the assembly's hub serves it with all the others (see The
// hub, below): ten thousand phones cost ten thousand connections and
// cursors, and no goroutine each. Where the connection cannot be taken
// over (HTTP/2, a wrapping ResponseWriter), or has no file descriptor of
// its own (TLS), it streams from its own goroutine instead.
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
		full:  participant && mayRead && r.URL.Query().Get("brief") != "1",
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
			go s.serveConn(conn, r.ProtoMinor, release)
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
// over from net/http; it closes the connection and calls release at the
// end. Once the stream has caught up with the events the assembly's hub
// sends (its index at or past the hub's), the hub serves it and this
// goroutine ends: a stream that keeps up costs no goroutine of its own.
func (s *stream) serveConn(conn net.Conn, minor int, release func()) {
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\n"
	if minor == 0 {
		head = "HTTP/1.0" + head[len("HTTP/1.1"):]
	}
	c := &hubConn{stream: s, conn: conn, release: release}
	if c.write([]byte(head+"retry: 2000\n\n")) != nil {
		c.end()
		return
	}
	c.serve()
}

// hubConn is a stream on a connection taken over from net/http, served
// by its own goroutine (serve) until it has caught up, then by its hub.
type hubConn struct {
	*stream
	conn    net.Conn
	raw     syscall.RawConn // nil: the connection has none, serve keeps it
	release func()
	// deadline is the write deadline set last (write).
	deadline time.Time
	// rest is what the hub could not write at once; failed says its
	// write failed (offer).
	rest   []byte
	failed bool
}

// write writes b, blocking at most sseWriteTimeout: the deadline is moved
// on when less than half of it is left, not at every write, which spares
// ten thousand timer updates per event.
func (c *hubConn) write(b []byte) error {
	if now := time.Now(); c.deadline.Sub(now) < sseWriteTimeout/2 {
		c.deadline = now.Add(sseWriteTimeout)
		c.conn.SetWriteDeadline(c.deadline)
	}
	_, err := c.conn.Write(b)
	return err
}

// end closes the connection and lets the gate count it out.
func (c *hubConn) end() {
	c.conn.Close()
	c.release()
}

// serve sends the stream from c.from on until it can join its hub, and
// ends the stream when a write fails (the client left) or the feed
// closes.
func (c *hubConn) serve() {
	if c.raw == nil {
		if sc, ok := c.conn.(syscall.Conn); ok {
			c.raw, _ = sc.SyscallConn()
		}
	}
	h := c.api.hubOf(c.feed)
	for {
		if c.raw != nil {
			// The hub's writes never block, and a deadline left from
			// here would fail them once passed.
			c.deadline = time.Time{}
			c.conn.SetWriteDeadline(c.deadline)
			if h.join(c) {
				return
			}
		}
		if !c.step(context.Background(), c.write) {
			c.end()
			return
		}
	}
}

// run waits for events from s.from on and hands each batch, framed, to
// write; it returns when write fails, ctx ends or the feed closes.
func (s *stream) run(ctx context.Context, write func([]byte) error) {
	if write([]byte("retry: 2000\n\n")) != nil {
		return
	}
	for s.step(ctx, write) {
	}
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// step waits for the events from s.from on (at most sseBatch), or the
// heartbeat, and hands them, framed, to write; it reports false when
// write failed, ctx ended or the feed closed.
func (s *stream) step(ctx context.Context, write func([]byte) error) bool {
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
	// Every stream waits on the same heartbeat context, so that a
	// wake-up costs no timer of its own.
	wctx, cancel := s.api.beat.context(ctx, s.api.opts.Heartbeat)
	ups, err := s.feed.Wait(wctx, s.from, sseBatch)
	cancel()
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return false
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		// The heartbeat (the request's own context is still live).
		return send(func(b []byte) []byte { return append(b, ": keep-alive\n\n"...) })
	default:
		return false // the feed closed (shutdown) or the log failed: the client reconnects
	}
	if !send(func(b []byte) []byte {
		for i := range ups {
			b = appendEvent(b, &ups[i], s.full, s.plain)
		}
		return b
	}) {
		return false
	}
	s.from = ups[len(ups)-1].Index + 1
	return true
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

// The hub --------------------------------------------------------------
//
// Ten thousand streams of one assembly, each with a goroutine waiting on
// the feed, cost per event ten thousand wake-ups, waits and framings and a
// goroutine's stack each while idle. A hub serves them all instead: one
// goroutine per assembly waits on the feed, frames each batch once for
// each kind of stream (with or without the payload, with or without
// event: lines), and writes it to every connection without blocking,
// spread over GOMAXPROCS goroutines. A connection whose socket cannot
// take the whole batch at once (a slow reader) leaves the hub: its own
// goroutine writes the rest, blocking at most sseWriteTimeout, and serves
// it until it has caught up again.

// hubChunk is how many connections one of a hub's writers takes at a time.
const hubChunk = 128

// hubKey is a hub's API and feed: one hub per assembly and API.
type hubKey struct {
	api  *API
	feed *engine.Feed
}

// hubs are the running hubs; a hub removes itself when it has no stream
// left or its feed closed.
var hubs = struct {
	sync.Mutex
	m map[hubKey]*hub
}{m: map[hubKey]*hub{}}

// hubOf returns the hub of the API's streams of feed.
func (api *API) hubOf(feed *engine.Feed) *hub {
	hubs.Lock()
	defer hubs.Unlock()
	k := hubKey{api, feed}
	h := hubs.m[k]
	if h == nil {
		h = &hub{key: k}
		hubs.m[k] = h
	}
	return h
}

// hub sends a feed's events to the streams that have caught up with it.
type hub struct {
	key     hubKey
	mu      sync.Mutex
	running bool  // its goroutine (loop) runs
	next    int64 // the index it sends next
	// conns are the streams it serves: join appends, a removal makes a
	// new slice, so that loop reads its copy of the slice header unlocked.
	conns []*hubConn
}

// join hands c to the hub if c has caught up with it (c.from at or past
// the hub's next index: events before c.from are not sent to it again);
// otherwise c must catch up first. A hub that is not running starts
// at c.from.
func (h *hub) join(c *hubConn) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.running && c.from < h.next {
		return false
	}
	h.conns = append(h.conns, c) // past the length loop reads: no copy needed
	if !h.running {
		h.running, h.next = true, c.from
		go h.loop()
	}
	return true
}

// loop waits for each batch of events and sends it to the streams, or a
// comment after a heartbeat of quiet; it ends when no stream is left (and
// removes the hub), or when the feed closes or fails, ending the streams
// (their clients reconnect).
func (h *hub) loop() {
	api, feed := h.key.api, h.key.feed
	for {
		h.mu.Lock()
		next, idle := h.next, len(h.conns) == 0
		if idle {
			h.stop()
		}
		h.mu.Unlock()
		if idle {
			return
		}
		wctx, cancel := api.beat.context(context.Background(), api.opts.Heartbeat)
		ups, err := feed.Wait(wctx, next, sseBatch)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
			h.mu.Lock()
			conns := h.conns
			h.conns = nil
			h.stop()
			h.mu.Unlock()
			for _, c := range conns {
				c.end()
			}
			return
		}
		h.mu.Lock()
		conns := h.conns
		if err == nil {
			h.next = ups[len(ups)-1].Index + 1
		}
		h.mu.Unlock()
		var f *frames
		if err == nil {
			f = frame(ups)
		}
		if left := h.send(conns, f); len(left) > 0 {
			h.mu.Lock()
			h.conns = slices.DeleteFunc(slices.Clone(h.conns), func(c *hubConn) bool { return c.failed || c.rest != nil })
			h.mu.Unlock()
			for _, c := range left {
				go c.catchUp()
			}
		}
	}
}

// stop marks the hub stopped and removes it. The caller holds h.mu.
func (h *hub) stop() {
	h.running = false
	hubs.Lock()
	if hubs.m[h.key] == h {
		delete(hubs.m, h.key)
	}
	hubs.Unlock()
}

// send writes the batch f (nil: a heartbeat's comment) to conns, and
// returns those that could not take it whole at once.
func (h *hub) send(conns []*hubConn, f *frames) []*hubConn {
	var mu sync.Mutex
	var left []*hubConn
	var at atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), (len(conns)+hubChunk-1)/hubChunk)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(at.Add(hubChunk)) - hubChunk
				if i >= len(conns) {
					return
				}
				for _, c := range conns[i:min(i+hubChunk, len(conns))] {
					if !c.offer(f) {
						mu.Lock()
						left = append(left, c)
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	return left
}

// offer writes what c gets of the batch f (nil: the heartbeat's comment)
// without blocking, and reports whether it went whole. If not, c.rest
// holds what is still to be written, or c.failed says the connection
// failed.
func (c *hubConn) offer(f *frames) bool {
	b := keepAlive
	if f != nil {
		if b = f.from(c.from, c.full, c.plain); b == nil {
			return true // the stream has these events already
		}
		c.from = f.next
	}
	var n int
	var werr error
	err := c.raw.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), b)
		return true // never wait: a connection that would block leaves the hub
	})
	if err == nil {
		err = werr
	}
	n = max(n, 0)
	switch {
	case err == nil && n == len(b):
		return true
	case err == nil || errors.Is(err, syscall.EAGAIN):
		c.rest = b[n:]
	default:
		c.failed = true
	}
	return false
}

// catchUp serves a stream that left the hub: it writes what the hub could
// not, then serves it as a new one (serve).
func (c *hubConn) catchUp() {
	rest, failed := c.rest, c.failed
	c.rest, c.failed = nil, false
	if failed || len(rest) > 0 && c.write(rest) != nil {
		c.end()
		return
	}
	c.serve()
}

var keepAlive = []byte(": keep-alive\n\n")

// frames is a batch of events framed once for each kind of stream:
// frames[full][plain] holds the events one after another, at[i] where
// event i of the batch starts in each.
type frames struct {
	first, next int64 // the batch's first index, and the one after its last
	b           [2][2][]byte
	at          [2][2][]int
}

func frame(ups []engine.Update) *frames {
	f := &frames{first: ups[0].Index, next: ups[len(ups)-1].Index + 1}
	for full := range 2 {
		for plain := range 2 {
			var b []byte
			at := make([]int, len(ups))
			for i := range ups {
				at[i] = len(b)
				b = appendEvent(b, &ups[i], full == 1, plain == 1)
			}
			f.b[full][plain], f.at[full][plain] = b, at
		}
	}
	return f
}

// from returns the framed events from index on for a stream of the kind
// given, or nil if there are none.
func (f *frames) from(index int64, full, plain bool) []byte {
	if index >= f.next {
		return nil
	}
	i, j := 0, 0
	if full {
		i = 1
	}
	if plain {
		j = 1
	}
	return f.b[i][j][f.at[i][j][max(index-f.first, 0)]:]
}
