package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/internal/admit"
	"plenum/ledger"
)

// ForwardedHeader marks a command one node of a cluster forwarded to the
// node that writes its assembly (its value: the forwarding node's name).
// It only ever limits what a request may do: a request carrying it is
// never forwarded again, so that a command travels at most one hop and
// two nodes that each think the other writes cannot pass it back and
// forth; it grants nothing (the receiving node checks the session, the
// rules and its lease as for any request). A client that sets it itself
// only loses the forwarding.
const ForwardedHeader = "Plenum-Forwarded-By"

// Forwarder finds the node a command for an assembly that another node
// writes goes to (Options.Forward).
type Forwarder interface {
	// WriterOf returns the URL the node writing the assembly registered
	// itself under in the cluster, if it is alive; an error if none is.
	WriterOf(ctx context.Context, assembly string) (*url.URL, error)
	// Name is this node's name, the value of ForwardedHeader.
	Name() string
}

// forwardTimeout bounds a forwarded command, from the request sent to the
// answer's headers.
const forwardTimeout = 30 * time.Second

// forwardTransport carries the forwarded commands to the writer. It keeps
// as many connections to a node open as that node works on commands at
// once (plenum serve's gate lets admit.Default through together; more
// wait there for their turn): with fewer, a vote's burst closes the
// connections beyond them as the answers come back and dials new ones
// for the next commands — one new TCP connection, on both nodes, for
// almost every forwarded ballot (measured: 1,205 and 1,473 dials for
// 1,667 forwards a follower with 64).
var forwardTransport = &http.Transport{
	Proxy:                 nil, // the nodes reach each other directly
	MaxIdleConnsPerHost:   admit.Default,
	IdleConnTimeout:       90 * time.Second,
	ResponseHeaderTimeout: forwardTimeout,
	DialContext:           (&dialer).DialContext,
}

var dialer = netDialer()

// notWriter answers a command the engine answered with ErrNotWriter: it
// forwards it to the node that writes the assembly, if the API forwards
// and the request was not forwarded already; else 503, nothing recorded.
// It returns false for another error.
func (api *API) notWriter(w http.ResponseWriter, r *http.Request, assemblyID string, body []byte, err error) bool {
	if !errors.Is(err, engine.ErrNotWriter) {
		return false
	}
	if api.opts.Forward == nil || r.Header.Get(ForwardedHeader) != "" {
		api.opts.Logger.Warn("httpapi: a command for an assembly another node writes", "path", r.URL.Path, "forwarded_by", r.Header.Get(ForwardedHeader), "err", err)
		w.Header().Set("Retry-After", "1")
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.not_writer")
		return true
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	target, ferr := api.opts.Forward.WriterOf(ctx, assemblyID)
	cancel()
	if ferr != nil {
		api.opts.Logger.Warn("httpapi: no node to forward a command to", "path", r.URL.Path, "err", ferr)
		w.Header().Set("Retry-After", "1")
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.not_writer")
		return true
	}
	api.forwardTo(w, r, assemblyID, target, body)
	return true
}

// forwardUnknown forwards a command for an assembly this node does not
// know (yet: created on another node a moment ago) to the node that
// writes it, if a live one does and the request was not forwarded
// already; it returns false, having written nothing, otherwise.
func (api *API) forwardUnknown(w http.ResponseWriter, r *http.Request, assemblyID string, body []byte) bool {
	if api.opts.Forward == nil || r.Header.Get(ForwardedHeader) != "" {
		return false
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	target, err := api.opts.Forward.WriterOf(ctx, assemblyID)
	cancel()
	if err != nil {
		return false
	}
	api.forwardTo(w, r, assemblyID, target, body)
	return true
}

// Past stillAfter without an answer, a forward checks every stillEvery
// that its target still writes the assembly, and gives up (503) once it
// does not: a writer paused (SIGSTOP, a frozen VM) accepts connections
// but answers nothing, and loses its lease within its TTL.
const (
	stillAfter = time.Second
	stillEvery = 500 * time.Millisecond
)

// forwardTo sends the request, with body, to the node at target, marked
// forwarded, and answers with what that node answers.
func (api *API) forwardTo(w http.ResponseWriter, r *http.Request, assemblyID string, target *url.URL, body []byte) {
	ForwardTo(w, r, api.opts.Forward, api.eng, api.opts.Logger, assemblyID, target, body, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.writer_unreachable")
	})
}

// ForwardTo sends r, with body, to the node at target, which f found
// writing the assembly, marked forwarded (ForwardedHeader), and answers
// with what that node answers. If the node cannot be reached, or stops
// writing the assembly while the answer is awaited, unreachable answers
// instead (the command may or may not have been recorded there: say to
// send it again with its key). The pages forward their forms with it.
//
// Read-your-writes: when the writer's answer says how far its log reached
// with the command (RecordedHeader), the answer is held until local, this
// node's engine, has read its assembly that far (CaughtUp, at most
// caughtUpWait), so that the page a form redirects to, the receipt of the
// ballot just cast and the client's next read on this node show what the
// command recorded. A local that does not catch up in time (or nil) only
// costs that: the answer goes as it came.
//
// The request gives back its slot of the server's bound on changes at once
// (admit.Release) as it goes: it waits for another node now, not for this
// one, and two full nodes forwarding to each other must not hold each
// other's slots.
func ForwardTo(w http.ResponseWriter, r *http.Request, f Forwarder, local *engine.Engine, log *slog.Logger, assemblyID string, target *url.URL, body []byte, unreachable func(http.ResponseWriter, *http.Request)) {
	admit.Release(r.Context())
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	r = r.WithContext(ctx)
	watch := time.AfterFunc(stillAfter, func() {
		t := time.NewTicker(stillEvery)
		defer t.Stop()
		for {
			cctx, ccancel := context.WithTimeout(ctx, stillEvery)
			now, err := f.WriterOf(cctx, assemblyID)
			ccancel()
			if ctx.Err() != nil {
				return
			}
			if err != nil || now.String() != target.String() {
				log.Warn("httpapi: the node a command was forwarded to no longer writes the assembly; giving up on its answer", "target", target.String(), "err", err)
				cancel()
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	})
	defer watch.Stop()
	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			// The writer checks the request's origin against the host
			// the client asked for, as this node did.
			pr.Out.Host = pr.In.Host
			pr.Out.Header.Set(ForwardedHeader, f.Name())
			pr.Out.Body = io.NopCloser(bytes.NewReader(body))
			pr.Out.ContentLength = int64(len(body))
			pr.Out.GetBody = nil
		},
		Transport:  forwardTransport,
		BufferPool: forwardBuffers{},
		ModifyResponse: func(resp *http.Response) error {
			size, err := strconv.ParseInt(resp.Header.Get(RecordedHeader), 10, 64)
			resp.Header.Del(RecordedHeader)
			if err == nil && size > 0 && local != nil {
				catchUp(ctx, local, log, assemblyID, size)
			}
			return nil
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			log.Warn("httpapi: the node writing the assembly could not be reached", "target", target.String(), "err", err)
			unreachable(w, r)
		},
	}
	proxy.ServeHTTP(w, r)
}

// RecordedHeader is set by the writer on its answer to a forwarded
// command it accepted (SetRecorded): the size of its log with the
// command's events in it, decimal; and on its answer to one the rules
// refused (SetDecidedOn): its log's size when it answered, at least the
// state the refusal was decided on. The forwarding node waits until it
// has read as much (ForwardTo), and does not pass the header on.
const RecordedHeader = "Plenum-Recorded-Size"

// SetRecorded marks the answer to a forwarded command (ForwardedHeader)
// with how far the writer's log reached with it, its last event's index
// + 1 (RecordedHeader); nothing on a command that was not forwarded.
// Call it before the answer's header is written.
func SetRecorded(w http.ResponseWriter, r *http.Request, last int64) {
	if last >= 0 && r.Header.Get(ForwardedHeader) != "" {
		w.Header().Set(RecordedHeader, strconv.FormatInt(last+1, 10))
	}
}

// SetDecidedOn marks the answer to a forwarded command that a refused, or
// whose outcome is read from a's state (access codes issued or revoked
// through package cards), with the writer's log's size now
// (RecordedHeader): at least the state the answer was decided on. The
// forwarding node then shows the page with the refusal, or the client's
// next read, from a state at least as new as the writer's (ForwardTo).
// Nothing on a command that was not forwarded, or on a nil a.
func SetDecidedOn(w http.ResponseWriter, r *http.Request, a *engine.Assembly) {
	if a != nil {
		SetRecorded(w, r, a.Log().Size()-1)
	}
}

// markRefusal marks the answer to a forwarded command of the assembly id
// that the rules refused (err an *assembly.Error) with the state it was
// refused on (SetDecidedOn); nothing for another error, where the state
// does not matter (a database in trouble, an assembly suspended).
func (api *API) markRefusal(w http.ResponseWriter, r *http.Request, id string, err error) {
	var ae *assembly.Error
	if !errors.As(err, &ae) || ae.Code == assembly.ErrCorrupt || r.Header.Get(ForwardedHeader) == "" {
		return
	}
	if a, ok := api.eng.Assembly(id); ok {
		SetDecidedOn(w, r, a)
	}
}

// LastIndex is the index of the last event of a command's result; -1 if
// it has none.
func LastIndex(res *engine.Result) int64 {
	if len(res.Events) == 0 {
		return -1
	}
	return res.Events[len(res.Events)-1].Index
}

// caughtUpWait bounds how long a forwarded answer is held for this node
// to read what the writer recorded: a follower hears of an append within
// milliseconds, and one that lags by more is not waited for.
const caughtUpWait = 2 * time.Second

// catchUp has local read the assembly's log up to size entries at once,
// rather than when the writer's notification arrives (the answer said
// the store holds them), and waits until it has (CaughtUp), at most
// caughtUpWait.
func catchUp(ctx context.Context, local *engine.Engine, log *slog.Logger, assemblyID string, size int64) {
	a, ok := local.Assembly(assemblyID)
	if !ok {
		return // created on the writer a moment ago: opened on its notification
	}
	if a.Feed().Next() >= size {
		return
	}
	local.Grown(a.Log().Origin(), size)
	ctx, cancel := context.WithTimeout(ctx, caughtUpWait)
	defer cancel()
	if !CaughtUp(ctx, a, size) && ctx.Err() == context.DeadlineExceeded && lagWarned.warn() {
		log.Warn("httpapi: this node did not read a forwarded command's entries in time; answered without them (said at most every 10 s)", "assembly", assemblyID, "size", size, "has", a.Feed().Next(), "waited", caughtUpWait)
	}
}

// lagWarned says a lagging follower at most every 10 s: in a vote's burst
// every forwarded ballot would say it.
var lagWarned = warnEvery{every: 10 * time.Second}

// warnEvery lets a warning through at most once per every.
type warnEvery struct {
	every time.Duration
	last  atomic.Int64 // UnixNano of the last one let through
}

func (e *warnEvery) warn() bool {
	now, last := time.Now().UnixNano(), e.last.Load()
	return now-last >= int64(e.every) && e.last.CompareAndSwap(last, now)
}

// CaughtUp waits until the assembly holds size entries in its log and in
// its readers' state (its feed has published them: the readers' state
// takes events before the feed does), or ctx ends; it reports whether it
// does. It waits on the feed's own signal of new events, which a
// follower's reading of another node's appends gives.
func CaughtUp(ctx context.Context, a *engine.Assembly, size int64) bool {
	f := a.Feed()
	for f.Next() < size {
		if _, err := f.Wait(ctx, size-1, 1); err != nil {
			return f.Next() >= size
		}
	}
	return true
}

// forwardBuffers lends the forwards the buffers they copy the writer's
// answers through. Without a pool httputil.ReverseProxy makes a new one of
// 32 KiB for every answer, cleared and then collected: measured during
// a vote's burst, about a third of the reverse proxy's CPU on the
// follower.
type forwardBuffers struct{}

var forwardBufferPool = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func (forwardBuffers) Get() []byte { return *forwardBufferPool.Get().(*[]byte) }

func (forwardBuffers) Put(b []byte) { forwardBufferPool.Put(&b) }

func netDialer() net.Dialer { return net.Dialer{Timeout: 3 * time.Second, KeepAlive: 30 * time.Second} }

// keepBody reads the request's body (at most maxBody) and puts it back for
// the handler: what a forward sends on.
func keepBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		problem(w, r, http.StatusRequestEntityTooLarge, "malformed", "", "api.too_large")
		return nil, false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, true
}

// ErrNotYetHere is Discover's answer for an assembly whose log the store
// holds but this node has not opened within discoverWait: created through
// another node a moment ago. Answer 503: reload in a moment.
var ErrNotYetHere = errors.New("httpapi: the assembly has not yet reached this node")

// Discover returns the assembly id on a node of a cluster that does not
// know it yet: one created through another node a moment ago, which this
// node opens when that node's notification comes. If the store holds the
// assembly's log (with its creation in it), Discover has the engine open
// it now (Engine.Grown, as the notification would) and waits for it, at
// most discoverWait, with at most discoverWaiters requests waiting at
// once; past that it returns ErrNotYetHere. For an assembly the store does
// not hold either it returns nil and no error: there is none. Only a
// cluster's node calls it: on one server an assembly it does not know
// does not exist.
func Discover(ctx context.Context, e *engine.Engine, id string) (*engine.Assembly, error) {
	if a, ok := e.Assembly(id); ok {
		return a, nil
	}
	if !ledger.ValidAssemblyID(id) {
		return nil, nil
	}
	origin, err := ledger.Origin(e.Server(), id)
	if err != nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, discoverWait)
	defer cancel()
	head, err := e.Store().Head(ctx, origin)
	switch {
	case errors.Is(err, ledger.ErrLogNotFound):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrNotYetHere, err)
	case head.Size == 0:
		// A log whose creation was refused, or is being appended:
		// no assembly yet.
		return nil, nil
	}
	select {
	case discoverWaiters <- struct{}{}:
		defer func() { <-discoverWaiters }()
	default:
		return nil, ErrNotYetHere
	}
	e.Grown(origin, head.Size)
	// The engine opens it in the background (a full audit of its log) and
	// says nothing when it is done: asked again every discoverEvery.
	t := time.NewTicker(discoverEvery)
	defer t.Stop()
	for {
		if a, ok := e.Assembly(id); ok {
			return a, nil
		}
		select {
		case <-ctx.Done():
			return nil, ErrNotYetHere
		case <-t.C:
		}
	}
}

// The bounds of Discover: a node hears of a new assembly within
// milliseconds and opens it as fast; one that takes longer is not waited
// for.
const (
	discoverWait  = 2 * time.Second
	discoverEvery = 10 * time.Millisecond
)

// discoverWaiters holds a place for each request waiting in Discover.
var discoverWaiters = make(chan struct{}, 256)
