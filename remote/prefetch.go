package remote

import (
	"context"

	"golang.org/x/mod/sumdb/tlog"
)

// prefetchDepth is how many entry bundles Verify fetches ahead, with the
// tiles their checks read that no earlier check read.
const prefetchDepth = 8

type bundleResult struct {
	entries [][]byte
	err     error
	// tiles are the fetches of the tiles the bundle's check will read
	// that no earlier check read (aheadTiles), less those the cache held
	// when the bundle was asked for; unauthenticated, held here only.
	tiles []*tileFetch
}

// tileFetch is a tile's fetch started ahead of its use. Its data are the
// server's answer, checked for size only: tlog authenticates them when a
// read takes them, and only then are they kept (SaveTiles).
type tileFetch struct {
	tile tlog.Tile
	done chan struct{}
	data []byte
	err  error
}

func (c *Client) fetchAhead(ctx context.Context, t tlog.Tile) *tileFetch {
	f := &tileFetch{tile: t, done: make(chan struct{})}
	go func() {
		defer close(f.done)
		f.data, f.err = c.readTile(ctx, t)
	}()
	return f
}

// wait returns the fetch's answer. It does not give up when the
// verification's context ends: the fetch, bound by the same context,
// then ends at once, and an answer it has received whole is checked
// (a forged tile found as the time runs out is still found).
func (f *tileFetch) wait() ([]byte, error) {
	<-f.done
	return f.data, f.err
}

// prefetch fetches the entry bundles of a tree of the given size, up to
// prefetchDepth at once, and delivers them in order, each with the
// fetches of the tiles its check will read first (aheadTiles), started
// at the same time. So a verification over a link of long round trips
// waits for one only at the start, not one (or two) a bundle. It stops
// when ctx ends; the caller must read until the first error or the last
// bundle.
func (c *Client) prefetch(ctx context.Context, size int64) <-chan bundleResult {
	out := make(chan bundleResult, prefetchDepth)
	futures := make(chan chan bundleResult, prefetchDepth)
	go func() {
		defer close(futures)
		for k := int64(0); k<<TileHeight < size; k++ {
			f := make(chan bundleResult, 1)
			select {
			case futures <- f:
			case <-ctx.Done():
				return
			}
			var tiles []*tileFetch
			for _, t := range aheadTiles(size, k) {
				c.mu.Lock()
				cached := c.cache.has(t)
				c.mu.Unlock()
				if !cached {
					tiles = append(tiles, c.fetchAhead(ctx, t))
				}
			}
			t := tlog.Tile{H: TileHeight, L: -1, N: k, W: int(min(size-k<<TileHeight, 1<<TileHeight))}
			go func() {
				e, err := c.Bundle(ctx, t)
				f <- bundleResult{e, err, tiles}
			}()
		}
	}()
	go func() {
		defer close(out)
		for f := range futures {
			// A bundle received is delivered while there is room for
			// it, even once ctx has ended: what was fetched is checked.
			b := <-f
			select {
			case out <- b:
				continue
			default:
			}
			select {
			case out <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// aheadTiles returns the tiles that tlog.TileHashReader asks for, in
// Verify's pass over a tree of the given size, to read the record hashes
// of entry bundle k, and did not ask for to read those of an earlier
// bundle. Every read asks for the tiles of the tree's right edge, to
// authenticate against the root, then for the bundle's level-0 tile and
// its parents up to one of the right edge, to authenticate against it.
// The tiles of the right edge are those with hashes of the tree's
// largest complete subtrees: at each level L whose byte of the size
// (size>>8L & 255) is not 0, the partial tile of that many hashes. A
// full tile at level L>0 is first asked for by the first bundle beneath
// it.
func aheadTiles(size, k int64) []tlog.Tile {
	var tiles []tlog.Tile
	if k == 0 {
		for l := 0; size>>(l*TileHeight) > 0; l++ {
			if w := size >> (l * TileHeight) & (1<<TileHeight - 1); w != 0 {
				tiles = append(tiles, tlog.Tile{H: TileHeight, L: l, N: size >> ((l + 1) * TileHeight), W: int(w)})
			}
		}
	}
	for l := 0; ; l++ {
		n := k >> (l * TileHeight) // the tile's number at level l
		if n<<TileHeight+1<<TileHeight > size>>(l*TileHeight) {
			return tiles // a partial tile: the right edge's
		}
		if n<<(l*TileHeight) == k {
			tiles = append(tiles, tlog.Tile{H: TileHeight, L: l, N: n, W: 1 << TileHeight})
		}
	}
}
