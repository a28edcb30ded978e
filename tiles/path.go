// Package tiles serves plenum's logs over HTTP in the C2SP tlog-tiles
// layout (https://c2sp.org/tlog-tiles), so that any transparency-log
// client can fetch a log's signed checkpoint, Merkle tree tiles and entry
// bundles and verify them without knowing plenum.
//
// Each assembly's log, with origin "<server>/log/<id>", is served under the
// prefix "/log/<id>/":
//
//	/log/<id>/checkpoint                  the latest signed checkpoint
//	/log/<id>/tile/<L>/<N>[.p/<W>]        Merkle tree tiles, height 8
//	/log/<id>/tile/entries/<N>[.p/<W>]    entry bundles
//	/log/<id>/blob/<sha256 hex>           payloads stored beside the log
//	/log/                                 the list of logs, one id a line
//
// The tile contents are computed by golang.org/x/mod/sumdb/tlog from the
// stored hashes; only the C2SP path syntax, which differs from sumdb's
// (no height in the path), is implemented here.
package tiles

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// Height is the tile height: a full tile holds 2^Height = 256 hashes.
const Height = 8

// Width is the number of hashes (or entries) in a full tile.
const Width = 1 << Height

// Tile names one C2SP tile: a Merkle tree tile at level L, or an entry
// bundle if Entries is set, with index N and width W (Width for a full tile).
type Tile struct {
	Entries bool
	L       int
	N       int64
	W       int
}

// ErrBadPath is wrapped by every error ParsePath returns.
var ErrBadPath = errors.New("malformed tile path")

// Path returns the tile's path relative to the log prefix, for example
// "tile/0/x001/234" or "tile/entries/005.p/17".
func (t Tile) Path() string {
	var b strings.Builder
	b.WriteString("tile/")
	if t.Entries {
		b.WriteString("entries/")
	} else {
		b.WriteString(strconv.Itoa(t.L))
		b.WriteByte('/')
	}
	b.WriteString(formatIndex(t.N))
	if t.W != Width {
		b.WriteString(".p/")
		b.WriteString(strconv.Itoa(t.W))
	}
	return b.String()
}

// FromTlog is the C2SP tile that golang.org/x/mod/sumdb/tlog names t, a
// tile of height Height, where an entry bundle is the tile at level -1
// (as the readers of a log name them: package remote, tlog's own
// tilers). FromTlog(t).Path() is its path in a log's C2SP layout.
func FromTlog(t tlog.Tile) Tile {
	if t.L == -1 {
		return Tile{Entries: true, N: t.N, W: t.W}
	}
	return Tile{L: t.L, N: t.N, W: t.W}
}

// Tlog is the tile as golang.org/x/mod/sumdb/tlog names it, of height
// Height, an entry bundle at level -1 (FromTlog's inverse).
func (t Tile) Tlog() tlog.Tile {
	if t.Entries {
		return tlog.Tile{H: Height, L: -1, N: t.N, W: t.W}
	}
	return tlog.Tile{H: Height, L: t.L, N: t.N, W: t.W}
}

// formatIndex writes n in zero-padded 3-digit groups, all but the last
// prefixed with 'x': 1234067 → "x001/x234/067".
func formatIndex(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n /= 1000; n > 0; n /= 1000 {
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	return s
}

// ParsePath parses a tile path relative to the log prefix, as Path writes
// it. It accepts only the canonical form: no leading zero groups, a level
// 0–63 and a width 1–255 without leading zeroes.
func ParsePath(p string) (Tile, error) {
	bad := func(why string) (Tile, error) {
		return Tile{}, fmt.Errorf("%w %q: %s", ErrBadPath, p, why)
	}
	rest, ok := strings.CutPrefix(p, "tile/")
	if !ok {
		return bad("does not start with tile/")
	}
	var t Tile
	if r, ok := strings.CutPrefix(rest, "entries/"); ok {
		t.Entries, rest = true, r
	} else {
		lvl, r, ok := strings.Cut(rest, "/")
		if !ok {
			return bad("no tile index")
		}
		l, ok := smallDecimal(lvl, 63)
		if !ok {
			return bad("level is not a number from 0 to 63")
		}
		t.L, rest = l, r
	}
	t.W = Width
	if i := strings.Index(rest, ".p/"); i >= 0 {
		w, ok := smallDecimal(rest[i+3:], Width-1)
		if !ok || w == 0 {
			return bad("width is not a number from 1 to 255")
		}
		t.W, rest = w, rest[:i]
	}
	elems := strings.Split(rest, "/")
	if len(elems) > 7 { // 7 groups hold every int64
		return bad("index too large")
	}
	var n int64
	for i, e := range elems {
		if i < len(elems)-1 {
			var ok bool
			if e, ok = strings.CutPrefix(e, "x"); !ok {
				return bad("index group without x prefix")
			}
		}
		if len(e) != 3 || e[0] < '0' || e[0] > '9' || e[1] < '0' || e[1] > '9' || e[2] < '0' || e[2] > '9' {
			return bad("index group is not three digits")
		}
		d := int64(e[0]-'0')*100 + int64(e[1]-'0')*10 + int64(e[2]-'0')
		if n > (1<<63-1-d)/1000 {
			return bad("index too large")
		}
		n = n*1000 + d
	}
	t.N = n
	if t.Path() != p {
		return bad("not in canonical form")
	}
	return t, nil
}

// smallDecimal parses a decimal number at most max without leading zeroes.
func smallDecimal(s string, max int) (int, bool) {
	if s == "" || len(s) > 3 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= max
}
