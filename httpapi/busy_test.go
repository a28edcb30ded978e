package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plenum/auth"
)

// Busy answers each kind of client in its own form and language, 503
// with Retry-After, saying nothing was done.
func TestBusy(t *testing.T) {
	busy := func(path, lang string, script bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", path, nil)
		if lang != "" {
			r.Header.Set("Accept-Language", lang)
		}
		if script {
			r.Header.Set(auth.CSRFHeader, "1")
		}
		w := httptest.NewRecorder()
		Busy(w, r)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "1" {
			t.Fatalf("%s: %d, Retry-After %q; want 503 and 1", path, w.Code, w.Header().Get("Retry-After"))
		}
		return w
	}
	w := busy("/api/assemblies/a/commands", "", false)
	var p Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("API: %q %q: %v", w.Header().Get("Content-Type"), w.Body, err)
	}
	if p.Status != 503 || p.Code != "unavailable" || !strings.Contains(p.Detail, "nothing of it was done") {
		t.Fatalf("API problem: %+v", p)
	}
	w = busy("/api/assemblies/a/commands", "de", false)
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || !strings.Contains(p.Detail, "nichts davon wurde ausgeführt") {
		t.Fatalf("API in German: %q", w.Body)
	}
	w = busy("/a/x/act", "fr", true)
	var res struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || res.OK || !strings.Contains(res.Error, "rien n'en a été fait") {
		t.Fatalf("page script: %q: %v", w.Body, err)
	}
	w = busy("/login", "", false)
	if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") || !strings.Contains(w.Body.String(), "nothing of it was done") {
		t.Fatalf("plain form: %q %q", w.Header().Get("Content-Type"), w.Body)
	}
}
