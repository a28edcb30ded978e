// Package routes is an http.ServeMux that remembers what it serves, so
// that a test can enumerate every route of plenum's server — the pages,
// the API, the log's tiles and the server's own — and a route added later
// cannot escape a test that must see them all (who may read the record,
// docs/access.md).
package routes

import (
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
)

// Route is one pattern registered on a Mux and the handler that serves
// it.
type Route struct {
	Pattern string // as given to http.ServeMux: "GET /a/{id}/record"
	Handler http.Handler
}

// Method returns the route's method ("" for any), and Path its path.
func (r Route) Method() string {
	if m, _, ok := strings.Cut(r.Pattern, " "); ok {
		return m
	}
	return ""
}

// Path returns the route's path pattern without the method.
func (r Route) Path() string {
	if _, p, ok := strings.Cut(r.Pattern, " "); ok {
		return p
	}
	return r.Pattern
}

// Mux is an http.ServeMux that keeps its routes.
type Mux struct {
	mux    http.ServeMux
	routes []Route
	// mounts are the subtrees ServeHTTP serves without the ServeMux's
	// lookup (mountsOf); nil when there are none.
	mounts atomic.Pointer[[]Route]
}

// New returns an empty Mux.
func New() *Mux { return &Mux{} }

// Handle registers h for pattern, as http.ServeMux.Handle does.
func (m *Mux) Handle(pattern string, h http.Handler) {
	m.mux.Handle(pattern, h)
	m.routes = append(m.routes, Route{Pattern: pattern, Handler: h})
	ms := mountsOf(m.routes)
	if len(ms) == 0 {
		ms = nil
	}
	m.mounts.Store(&ms)
}

// mountsOf returns the routes whose pattern is a subtree ("/api/": no
// method, no host, no wildcard, no escape, ending in '/', not "/") that
// no other pattern is under: a request whose path is in such a subtree
// (and is clean) is served by that route's handler, whatever its method
// — the ServeMux would choose it too, since the only patterns that can
// match it are less specific (a subtree above it, "/"), or would conflict
// with it and could not have been registered. None when any pattern
// names a host (those are matched first).
func mountsOf(rs []Route) []Route {
	var out []Route
	for _, r := range rs {
		if !strings.HasPrefix(r.Path(), "/") {
			return nil // a host
		}
		p := r.Pattern
		if len(p) < 3 || p[0] != '/' || p[len(p)-1] != '/' || strings.ContainsAny(p, "{}% ") {
			continue
		}
		under := false
		for _, o := range rs {
			if o.Pattern != p && strings.HasPrefix(o.Path(), p) {
				under = true
				break
			}
		}
		if !under {
			out = append(out, r)
		}
	}
	return out
}

// mounted returns the mount that serves r (mountsOf), if one does: r's
// path clean and unescaped, r not yet routed by a ServeMux (whose
// wildcards' values it would carry), not a CONNECT.
func (m *Mux) mounted(r *http.Request) (Route, bool) {
	ms := m.mounts.Load()
	if ms == nil || *ms == nil || r.Pattern != "" || r.Method == http.MethodConnect || r.URL.RawPath != "" {
		return Route{}, false
	}
	p := r.URL.Path
	for _, mt := range *ms {
		if strings.HasPrefix(p, mt.Pattern) {
			return mt, cleanPath(p)
		}
	}
	return Route{}, false
}

// cleanPath reports whether p is as http.ServeMux cleans it (a rooted
// path.Clean, the trailing slash kept): no empty, "." or ".." element.
func cleanPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	for i := 1; i <= len(p); {
		j := strings.IndexByte(p[i:], '/')
		if j < 0 {
			j = len(p) - i
		}
		seg := p[i : i+j]
		last := i+j == len(p)
		if (seg == "" && !last) || seg == "." || seg == ".." {
			return false
		}
		i += j + 1
	}
	return true
}

// HandleFunc registers f for pattern, as http.ServeMux.HandleFunc does.
func (m *Mux) HandleFunc(pattern string, f func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(f))
}

// ServeHTTP dispatches the request as http.ServeMux does. A request in
// a mounted subtree (mountsOf: the API's "/api/", the log's tiles) goes
// to its handler without the ServeMux's lookup, which for a subtree
// matches the path twice (the second time with a '/' added, allocated,
// for the redirect it never makes) and allocates the subtree's rest as
// a wildcard's value: three allocations and about half a microsecond
// for every ballot. r.Pattern is set as the ServeMux sets it.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if mt, ok := m.mounted(r); ok {
		r.Pattern = mt.Pattern
		mt.Handler.ServeHTTP(w, r)
		return
	}
	m.mux.ServeHTTP(w, r)
}

// Routes returns the routes registered, in order.
func (m *Mux) Routes() []Route { return slices.Clone(m.routes) }

// Lister is a handler that can say which routes it serves: a *Mux, or a
// handler built on one.
type Lister interface {
	Routes() []Route
}

// All returns every route under h, each pattern once: a route whose
// handler is itself a Lister (a part mounted under a prefix, such as the
// API at /api/) is replaced by that handler's routes, to any depth. h
// that is not a Lister has no routes to tell.
func All(h http.Handler) []Route {
	seen := map[string]bool{}
	var out []Route
	var walk func(h http.Handler)
	walk = func(h http.Handler) {
		l, ok := h.(Lister)
		if !ok {
			return
		}
		for _, r := range l.Routes() {
			if _, sub := r.Handler.(Lister); sub && r.Handler != h {
				walk(r.Handler)
				continue
			}
			if !seen[r.Pattern] {
				seen[r.Pattern] = true
				out = append(out, r)
			}
		}
	}
	walk(h)
	return out
}
