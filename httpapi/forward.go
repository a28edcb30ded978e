package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"

	"plenum/engine"
	"plenum/internal/admit"
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
	ForwardTo(w, r, api.opts.Forward, api.opts.Logger, assemblyID, target, body, func(w http.ResponseWriter, r *http.Request) {
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
// The request gives back its slot of the server's bound on changes at once
// (admit.Release) as it goes: it waits for another node now, not for this
// one, and two full nodes forwarding to each other must not hold each
// other's slots.
func ForwardTo(w http.ResponseWriter, r *http.Request, f Forwarder, log *slog.Logger, assemblyID string, target *url.URL, body []byte, unreachable func(http.ResponseWriter, *http.Request)) {
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
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			log.Warn("httpapi: the node writing the assembly could not be reached", "target", target.String(), "err", err)
			unreachable(w, r)
		},
	}
	proxy.ServeHTTP(w, r)
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
