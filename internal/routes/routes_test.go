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
