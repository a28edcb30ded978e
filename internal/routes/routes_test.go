package routes

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

func TestAll(t *testing.T) {
	inner := New()
	inner.HandleFunc("GET /api/a", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("a")) })
	inner.HandleFunc("POST /api/b", func(w http.ResponseWriter, r *http.Request) {})
	outer := New()
	outer.Handle("/api/", inner)
	outer.Handle("/login", inner) // the same part mounted twice: its routes once
	outer.HandleFunc("GET /key", func(w http.ResponseWriter, r *http.Request) {})
	var got []string
	for _, r := range All(outer) {
		got = append(got, r.Pattern)
	}
	if want := []string{"GET /api/a", "POST /api/b", "GET /key"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("All = %v, want %v", got, want)
	}
	if r := (Route{Pattern: "GET /a/{id}"}); r.Method() != "GET" || r.Path() != "/a/{id}" {
		t.Errorf("%q: method %q path %q", r.Pattern, r.Method(), r.Path())
	}
	if r := (Route{Pattern: "/login"}); r.Method() != "" || r.Path() != "/login" {
		t.Errorf("%q: method %q path %q", r.Pattern, r.Method(), r.Path())
	}
	// It serves as http.ServeMux does.
	rec := httptest.NewRecorder()
	outer.ServeHTTP(rec, httptest.NewRequest("GET", "/api/a", nil))
	if rec.Body.String() != "a" {
		t.Errorf("GET /api/a: %q", rec.Body.String())
	}
	if All(http.NotFoundHandler()) != nil {
		t.Error("a handler that lists no routes has routes")
	}
}

// TestMountsServeAsServeMuxServes: a Mux serves every request as an
// http.ServeMux with the same patterns does (the same handler, the same
// Pattern and path values, the same redirects and refusals), whether it
// takes a subtree's shortcut (mountsOf) or not; and it takes it for a
// clean path under a subtree no other pattern is under.
func TestMountsServeAsServeMuxServes(t *testing.T) {
	sets := [][]string{
		// plenum serve's own, as cmd/plenum registers them.
		{"/api/", "/login", "/logout", "/log/", "GET /healthz", "GET /key", "/"},
		// A pattern under a subtree: the subtree is no shortcut.
		{"/api/", "/api/x", "/log/", "GET /log/{a}/b", "/"},
		{"/api/", "POST /api/", "/"},
		// A host: no shortcuts at all.
		{"/api/", "example.com/", "/"},
		// Subtrees in subtrees; no "/".
		{"/a/", "/a/b/", "/c/d/", "GET /e/{x...}"},
	}
	paths := []string{"/", "/api", "/api/", "/api/x", "/api/x/", "/api/assemblies/coop/commands", "/api//x", "/api/./x",
		"/api/../log/x", "/api/x/..", "/api/%61", "/%61pi/x", "/api/a%2Fb", "/api/x%20y", "/log/t/0", "/log/", "/login", "/logout/",
		"/healthz", "/key", "/a/b/c", "/a/bc", "/c/d/e", "/e/f/g", "/x", "//api/x"}
	for _, set := range sets {
		m, plain := New(), http.NewServeMux()
		for _, p := range set {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Route", p)
				w.Header().Set("X-Pattern", r.Pattern)
				w.Header().Set("X-Values", r.PathValue("a")+"|"+r.PathValue("x"))
			})
			m.Handle(p, h)
			plain.Handle(p, h)
		}
		for _, path := range paths {
			for _, method := range []string{"GET", "POST", "CONNECT"} {
				for _, host := range []string{"plenum.example", "example.com"} {
					req := func() *http.Request {
						r := httptest.NewRequest(method, "http://"+host+path, nil)
						if method == "CONNECT" {
							r.URL.Path = path
						}
						return r
					}
					got, want := httptest.NewRecorder(), httptest.NewRecorder()
					m.ServeHTTP(got, req())
					plain.ServeHTTP(want, req())
					if got.Code != want.Code || !reflect.DeepEqual(got.Header(), want.Header()) || got.Body.String() != want.Body.String() {
						t.Errorf("%v: %s %s%s: %d %v %q, ServeMux %d %v %q", set, method, host, path,
							got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
					}
				}
			}
		}
	}
	m := New()
	m.Handle("/api/", http.NotFoundHandler())
	m.Handle("/", http.NotFoundHandler())
	for path, want := range map[string]bool{"/api/assemblies/coop/commands": true, "/api/": true, "/api": false, "/api//x": false, "/api/x/../y": false, "/other": false} {
		if _, ok := m.mounted(httptest.NewRequest("POST", path, nil)); ok != want {
			t.Errorf("%s: mounted %v, want %v", path, ok, want)
		}
	}
}

// BenchmarkBallotRoute is a ballot's way through plenum serve's routes:
// the server's Mux, then the API's.
func BenchmarkBallotRoute(b *testing.B) {
	nop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	api := New()
	for _, p := range []string{"GET /api/openapi.json", "GET /api/session", "GET /api/assemblies", "POST /api/assemblies",
		"GET /api/assemblies/{id}", "POST /api/assemblies/{id}/commands", "GET /api/assemblies/{id}/me",
		"GET /api/assemblies/{id}/votes/{vote}", "POST /api/assemblies/{id}/votes/{vote}/receipt", "/api/", "/login", "/logout"} {
		api.Handle(p, nop)
	}
	top := New()
	for _, p := range []string{"/api/", "/login", "/logout"} {
		top.Handle(p, api)
	}
	for _, p := range []string{"/log/", "GET /healthz", "GET /key", "/"} {
		top.Handle(p, nop)
	}
	r := httptest.NewRequest("POST", "/api/assemblies/coop/commands", nil)
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		r.Pattern = ""
		top.ServeHTTP(w, r)
	}
}
