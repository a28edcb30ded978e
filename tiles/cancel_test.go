package tiles_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"plenum/store/sqlite"
	"plenum/tiles"
)

// TestClientCancelNotAnError: a request its client cancelled while the
// store was read is not logged as an error of the server (a verifier
// that stops at its first 403 cancels a dozen requests); a store that
// fails for another reason still is.
func TestClientCancelNotAnError(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelInfo})))
	t.Cleanup(func() { slog.SetDefault(old) })
	h := tiles.Handler(st, server)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", tiles.Prefix+"march-1917/checkpoint", nil).WithContext(ctx)
	h.ServeHTTP(httptest.NewRecorder(), req)
	if strings.Contains(logged.String(), "ERROR") {
		t.Fatalf("a cancelled request was logged as an error:\n%s", logged.String())
	}

	st.Close() // every read now fails, not by the client's doing
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", tiles.Prefix+"march-1917/checkpoint", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(logged.String(), "level=ERROR msg=\"tiles: serving\"") {
		t.Fatalf("a failing store: %d, logged:\n%s", rec.Code, logged.String())
	}
}
