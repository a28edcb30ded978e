package remote

import (
	"container/list"

	"golang.org/x/mod/sumdb/tlog"
)

// maxCachedTiles is how many tiles above level 0 a Client keeps: at most
// 4 MiB of hashes (8 KiB a full tile). A log of up to 2^25 entries (33
// million) has no more tiles above level 0 than that (512 at level 1, one
// at level 2), so verifying it reads each of them once, in whatever order
// the proofs ask for them; a larger log's sequential pass reads each once
// too, as it uses the same few at a time (the tiles of the tree's right
// edge, which every read authenticates against the signed root, and those
// above the current bundle), which are always the most recently used.
const maxCachedTiles = 512

// tileCache holds the tiles that verified against a signed root: the
// level-0 tiles of the last read only (a pass over the log reads each
// once), and at most limit tiles above level 0, the least recently used
// dropped first. Without a bound, the tiles above level 0 of a log of
// 10^9 entries would take 120 MB.
type tileCache struct {
	limit  int
	level0 map[tlog.Tile][]byte
	upper  map[tlog.Tile]*list.Element // of *cachedTile, in lru
	lru    *list.List                  // most recently used first
}

type cachedTile struct {
	tile tlog.Tile
	data []byte
}

func newTileCache(limit int) tileCache {
	return tileCache{limit: limit, level0: map[tlog.Tile][]byte{}, upper: map[tlog.Tile]*list.Element{}, lru: list.New()}
}

// get returns the data of tile t if it is kept, marking it used.
func (c *tileCache) get(t tlog.Tile) ([]byte, bool) {
	if t.L == 0 {
		d, ok := c.level0[t]
		return d, ok
	}
	e, ok := c.upper[t]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cachedTile).data, true
}

// save keeps the tiles of one read, which all verified: they replace the
// level-0 tiles kept, and are the most recently used above level 0.
func (c *tileCache) save(tiles []tlog.Tile, data [][]byte) {
	clear(c.level0)
	for i, t := range tiles {
		if t.L == 0 {
			c.level0[t] = data[i]
			continue
		}
		if e, ok := c.upper[t]; ok {
			e.Value.(*cachedTile).data = data[i]
			c.lru.MoveToFront(e)
			continue
		}
		c.upper[t] = c.lru.PushFront(&cachedTile{t, data[i]})
		for c.lru.Len() > c.limit {
			old := c.lru.Remove(c.lru.Back()).(*cachedTile)
			delete(c.upper, old.tile)
		}
	}
}

// len returns how many tiles above level 0 are kept.
func (c *tileCache) len() int { return c.lru.Len() }

// has reports whether tile t is kept, without marking it used.
func (c *tileCache) has(t tlog.Tile) bool {
	if t.L == 0 {
		_, ok := c.level0[t]
		return ok
	}
	_, ok := c.upper[t]
	return ok
}
