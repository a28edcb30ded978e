package tlogtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/tiles"
)

// WriteMirror copies what the tlog-tiles handler h serves for a tree of
// size entries into the folder dir, laid out as it is served — the
// checkpoint, every tile and entry bundle of the tree, and the further
// paths given (a plenum log's blob/<sha256>) — as a mirror of a server
// would hold it. It fails on any answer but 200.
func WriteMirror(h http.Handler, size int64, dir string, paths ...string) error {
	paths = append([]string{"checkpoint"}, paths...)
	for _, t := range tlog.NewTiles(tiles.Height, 0, size) {
		paths = append(paths, tiles.FromTlog(t).Path())
		if t.L == 0 {
			t.L = -1
			paths = append(paths, tiles.FromTlog(t).Path())
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
