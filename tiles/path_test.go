package tiles

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

func TestPath(t *testing.T) {
	tests := []struct {
		tile Tile
		path string
	}{
		{Tile{L: 0, N: 0, W: Width}, "tile/0/000"},
		{Tile{L: 0, N: 1234067, W: Width}, "tile/0/x001/x234/067"},
		{Tile{L: 2, N: 1000, W: 17}, "tile/2/x001/000.p/17"},
		{Tile{L: 63, N: 5, W: 1}, "tile/63/005.p/1"},
		{Tile{Entries: true, N: 999, W: Width}, "tile/entries/999"},
		{Tile{Entries: true, N: 1, W: 255}, "tile/entries/001.p/255"},
		{Tile{L: 1, N: 1<<63 - 1, W: Width}, "tile/1/x009/x223/x372/x036/x854/x775/807"},
	}
	for _, tt := range tests {
		if got := tt.tile.Path(); got != tt.path {
			t.Errorf("%+v.Path() = %q, want %q", tt.tile, got, tt.path)
		}
		got, err := ParsePath(tt.path)
		if err != nil || got != tt.tile {
			t.Errorf("ParsePath(%q) = %+v, %v; want %+v", tt.path, got, err, tt.tile)
		}
	}
	bad := []string{
		"", "tile/", "tile/0", "tile/0/", "tile/0/1", "tile/0/0001", "tile/00/000", "tile/64/000",
		"tile/-1/000", "tile/0/x000/001", "tile/0/001/002", "tile/0/x001", "tile/0/000.p/0",
		"tile/0/000.p/256", "tile/0/000.p/01", "tile/0/000.p/", "tile/0/000.p", "tile/entries/000.p/1/",
		"tile/entries", "tile/0/x009/x223/x372/x036/x854/x775/808", "tile/0/x1000/000",
		"tile/0/abc", "tile/0/000/", "checkpoint", "tile/8/000.p/8x", "tile/0/x009/x999/x999/x999/x999/x999/x999/999",
	}
	for _, p := range bad {
		if got, err := ParsePath(p); !errors.Is(err, ErrBadPath) {
			t.Errorf("ParsePath(%q) = %+v, %v; want ErrBadPath", p, got, err)
		}
	}
}

// TestTlog: a tile as golang.org/x/mod/sumdb/tlog names it (height
// Height, an entry bundle at level -1, as remote reads a log) and back;
// its path is tlog's without the height, which C2SP leaves out.
func TestTlog(t *testing.T) {
	for _, tt := range []tlog.Tile{
		{H: Height, L: 0, N: 0, W: Width}, {H: Height, L: 3, N: 1234067, W: 17},
		{H: Height, L: -1, N: 999, W: Width}, {H: Height, L: -1, N: 1, W: 255},
	} {
		tile := FromTlog(tt)
		if tile.Entries != (tt.L == -1) || tile.Tlog() != tt {
			t.Errorf("FromTlog(%+v) = %+v, back %+v", tt, tile, tile.Tlog())
		}
		want := strings.Replace(tt.Path(), "tile/8/", "tile/", 1)
		if tt.L == -1 {
			want = strings.Replace(tt.Path(), "tile/8/data/", "tile/entries/", 1)
		}
		if tile.Path() != want {
			t.Errorf("FromTlog(%+v).Path() = %q, want %q", tt, tile.Path(), want)
		}
	}
}

// FuzzParsePath checks that ParsePath never panics and accepts only the
// canonical path of the tile it returns.
func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"tile/0/x001/x234/067", "tile/entries/005.p/17", "tile/63/000.p/1", "tile/0/000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		tile, err := ParsePath(p)
		if err != nil {
			return
		}
		if tile.Path() != p || tile.N < 0 || tile.W < 1 || tile.W > Width || tile.L < 0 || tile.L > 63 {
			t.Fatalf("ParsePath(%q) = %+v (path %q)", p, tile, tile.Path())
		}
	})
}
