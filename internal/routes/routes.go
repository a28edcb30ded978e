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
}

// New returns an empty Mux.
func New() *Mux { return &Mux{} }

// Handle registers h for pattern, as http.ServeMux.Handle does.
func (m *Mux) Handle(pattern string, h http.Handler) {
	m.mux.Handle(pattern, h)
	m.routes = append(m.routes, Route{Pattern: pattern, Handler: h})
}

// HandleFunc registers f for pattern, as http.ServeMux.HandleFunc does.
func (m *Mux) HandleFunc(pattern string, f func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(f))
}

// ServeHTTP dispatches the request as http.ServeMux does.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) { m.mux.ServeHTTP(w, r) }

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
