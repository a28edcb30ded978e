package remote

import (
	"errors"
	"slices"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

// asked records the tiles tlog asks a TileReader for, and answers none.
type asked struct{ tiles []tlog.Tile }

var errRecorded = errors.New("recorded")

func (a *asked) Height() int { return TileHeight }
func (a *asked) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	a.tiles = tiles
	return nil, errRecorded
}
func (a *asked) SaveTiles([]tlog.Tile, [][]byte) {}

// TestAheadTilesAreTheNewTilesOfEachRead: for trees whose sizes cross the
// tiles' boundaries at every level, the tiles fetched ahead for each entry
// bundle are exactly those tlog asks for to read the bundle's record
// hashes and did not ask for to read an earlier bundle's: none missing
// (each would cost a round trip), none more (each would be fetched for
// nothing).
func TestAheadTilesAreTheNewTilesOfEachRead(t *testing.T) {
	sizes := []int64{1, 2, 255, 256, 257, 511, 512, 600, 65535, 65536, 65537, 65536 + 256, 2*65536 + 300, 5<<16 + 300, 1 << 24, 1<<24 + 1, 1<<24 + 65536*3 + 256*7 + 5}
	for _, size := range sizes {
		a := &asked{}
		hr := tlog.TileHashReader(tlog.Tree{N: size}, a)
		seen := map[tlog.Tile]bool{}
		bundles := (size + 255) / 256
		for k := range bundles {
			// Only the bundles where the reads can differ: the first
			// and last few, and those beginning a tile above level 0.
			// (The others' first tile is their level-0 tile alone.)
			if k > 3 && k < bundles-3 && k%256 != 0 && k%256 != 255 {
				continue
			}
			idx := []int64{tlog.StoredHashIndex(0, k*256)}
			if _, err := hr.ReadHashes(idx); !errors.Is(err, errRecorded) {
				t.Fatalf("size %d, bundle %d: %v", size, k, err)
			}
			var want []tlog.Tile
			for _, tile := range a.tiles {
				if !seen[tile] {
					want = append(want, tile)
				}
				seen[tile] = true
			}
			got := aheadTiles(size, k)
			less := func(a, b tlog.Tile) int {
				if a.L != b.L {
					return a.L - b.L
				}
				return int(a.N - b.N)
			}
			slices.SortFunc(got, less)
			slices.SortFunc(want, less)
			if !slices.Equal(got, want) {
				t.Errorf("size %d, bundle %d: ahead %v, tlog asks first for %v", size, k, got, want)
			}
		}
	}
}
