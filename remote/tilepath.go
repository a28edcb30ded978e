package remote

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// TileHeight is the height of C2SP tlog-tiles tiles: 256 hashes wide.
const TileHeight = 8

// TilePath returns the path of a tile under a log's prefix in the C2SP
// tlog-tiles layout: "tile/<L>/<N>[.p/<W>]", or "tile/entries/<N>[.p/<W>]"
// for an entry bundle (t.L == -1), with N in 3-digit groups, all but the
// last prefixed by 'x' (1234067 is "x001/x234/067").
func TilePath(t tlog.Tile) string {
	n := fmt.Sprintf("%03d", t.N%1000)
	for rest := t.N / 1000; rest > 0; rest /= 1000 {
		n = fmt.Sprintf("x%03d/", rest%1000) + n
	}
	l := strconv.Itoa(t.L)
	if t.L == -1 {
		l = "entries"
	}
	p := "tile/" + l + "/" + n
	if t.W != 1<<TileHeight {
		p += ".p/" + strconv.Itoa(t.W)
	}
	return p
}

// ParseTilePath parses a path made by TilePath.
func ParseTilePath(path string) (tlog.Tile, error) {
	bad := func() (tlog.Tile, error) { return tlog.Tile{}, fmt.Errorf("malformed tile path %q", path) }
	rest, ok := strings.CutPrefix(path, "tile/")
	if !ok {
		return bad()
	}
	l, rest, ok := strings.Cut(rest, "/")
	if !ok {
		return bad()
	}
	t := tlog.Tile{H: TileHeight, W: 1 << TileHeight}
	if l == "entries" {
		t.L = -1
	} else {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 || n > 63 || strconv.Itoa(n) != l {
			return bad()
		}
		t.L = n
	}
	if i := strings.Index(rest, ".p/"); i >= 0 {
		w, err := strconv.Atoi(rest[i+3:])
		if err != nil || w < 1 || w > 255 || strconv.Itoa(w) != rest[i+3:] {
			return bad()
		}
		t.W = w
		rest = rest[:i]
	}
	parts := strings.Split(rest, "/")
	for i, p := range parts {
		if i < len(parts)-1 {
			var ok bool
			if p, ok = strings.CutPrefix(p, "x"); !ok {
				return bad()
			}
		}
		if len(p) != 3 || strings.Trim(p, "0123456789") != "" {
			return bad()
		}
		d, _ := strconv.Atoi(p)
		if t.N > (1<<62)/1000 {
			return bad()
		}
		t.N = t.N*1000 + int64(d)
	}
	if len(parts) > 1 && strings.TrimPrefix(parts[0], "x") == "000" {
		return bad() // no leading zero groups
	}
	return t, nil
}

var errShortBundle = errors.New("entry bundle ends inside an entry")
