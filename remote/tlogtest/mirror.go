package tlogtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// WriteMirror copies what the tlog-tiles handler h serves for a tree of
// size entries into the folder dir, laid out as it is served — the
// checkpoint, every tile and entry bundle of the tree, and the further
// paths given (a plenum log's blob/<sha256>) — as a mirror of a server
// would hold it. It fails on any answer but 200.
func WriteMirror(h http.Handler, size int64, dir string, paths ...string) error {
	paths = append([]string{"checkpoint"}, paths...)
	for _, t := range tlog.NewTiles(tileHeight, 0, size) {
		paths = append(paths, tilePath(t))
		if t.L == 0 {
			t.L = -1
			paths = append(paths, tilePath(t))
		}
	}
	for _, p := range paths {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+p, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("tlogtest: mirroring %s: %d %s", p, rec.Code, strings.TrimSpace(rec.Body.String()))
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, rec.Body.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// tilePath is the C2SP tlog-tiles path of t (remote.TilePath, which
// tlogtest cannot import).
func tilePath(t tlog.Tile) string {
	n := fmt.Sprintf("%03d", t.N%1000)
	for rest := t.N / 1000; rest > 0; rest /= 1000 {
		n = fmt.Sprintf("x%03d/", rest%1000) + n
	}
	l := fmt.Sprint(t.L)
	if t.L == -1 {
		l = "entries"
	}
	p := "tile/" + l + "/" + n
	if t.W != 1<<tileHeight {
		p += fmt.Sprintf(".p/%d", t.W)
	}
	return p
}
