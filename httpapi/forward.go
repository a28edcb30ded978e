package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"plenum/engine"
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

var forwardTransport = &http.Transport{
	Proxy:                 nil, // the nodes reach each other directly
	MaxIdleConnsPerHost:   64,
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
	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			// The writer checks the request's origin against the host
			// the client asked for, as this node did.
			pr.Out.Host = pr.In.Host
			pr.Out.Header.Set(ForwardedHeader, api.opts.Forward.Name())
			pr.Out.Body = io.NopCloser(bytes.NewReader(body))
			pr.Out.ContentLength = int64(len(body))
			pr.Out.GetBody = nil
		},
		Transport: forwardTransport,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			api.opts.Logger.Warn("httpapi: the node writing the assembly could not be reached", "target", target.String(), "err", err)
			w.Header().Set("Retry-After", "1")
			problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.writer_unreachable")
		},
	}
	proxy.ServeHTTP(w, r)
	return true
}

func netDialer() net.Dialer { return net.Dialer{Timeout: 3 * time.Second, KeepAlive: 30 * time.Second} }
