package remote

import (
	"errors"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/tiles"
)

// TileHeight is the height of C2SP tlog-tiles tiles: 256 hashes wide.
const TileHeight = tiles.Height

// TilePath returns the path of a tile under a log's prefix in the C2SP
// tlog-tiles layout, as the server names it (tiles.Tile.Path):
// "tile/<L>/<N>[.p/<W>]", or "tile/entries/<N>[.p/<W>]" for an entry
// bundle (t.L == -1), with N in 3-digit groups, all but the last
// prefixed by 'x' (1234067 is "x001/x234/067").
func TilePath(t tlog.Tile) string { return tiles.FromTlog(t).Path() }

// ParseTilePath parses a path made by TilePath, in its canonical form
// only (tiles.ParsePath).
func ParseTilePath(path string) (tlog.Tile, error) {
	t, err := tiles.ParsePath(path)
	if err != nil {
		return tlog.Tile{}, err
	}
	return t.Tlog(), nil
}

var errShortBundle = errors.New("entry bundle ends inside an entry")
