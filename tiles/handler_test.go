package tiles_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/witness"
)

const server = "plenum.localhost"

// setup serves a log of the given size (appended in batches of 37, the
// first batch smaller) and returns the server, the log and the verifier key.
func setup(t *testing.T, size int) (*httptest.Server, *ledger.Log, string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	skey, vkey, err := ledger.GenerateKey(server)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	origin, _ := ledger.Origin(server, "march-1917")
	l, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	appendN(t, l, size, 37)
	mux := http.NewServeMux()
	mux.Handle(tiles.Prefix, tiles.Handler(st, server))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, l, vkey
}

func appendN(t *testing.T, l *ledger.Log, n, batch int) {
	t.Helper()
	first := int(l.Size())
	for done := 0; done < n; {
		k := min(batch, n-done)
		if done == 0 {
			k = min(5, n)
		}
		var es []ledger.Entry
		for i := range k {
			es = append(es, ledger.Entry{Actor: "secretary", Type: "minutes.noted",
				Payload: json.RawMessage(fmt.Sprintf(`{"n":%d}`, first+done+i))})
		}
		if _, err := l.Append(context.Background(), es...); err != nil {
			t.Fatal(err)
		}
		done += k
	}
}

func get(t *testing.T, url string) ([]byte, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return body, resp
}

// outsider is a transparency-log client written only against the C2SP
// specifications, golang.org/x/mod/sumdb/tlog and note: it knows nothing
// of plenum but the log's URL prefix, origin and verifier key.
type outsider struct {
	t      *testing.T
	prefix string // URL
	origin string
	known  note.Verifiers
	trees  map[int64]tlog.Hash
}

// c2spPath formats a tile path as C2SP tlog-tiles defines it.
func c2spPath(level string, n int64, w int) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n /= 1000; n > 0; n /= 1000 {
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	p := "tile/" + level + "/" + s
	if w != 256 {
		p += ".p/" + strconv.Itoa(w)
	}
	return p
}

func (o *outsider) fetch(path string) []byte {
	body, resp := get(o.t, o.prefix+path)
	if resp.StatusCode != 200 {
		o.t.Fatalf("GET %s: %s: %s", path, resp.Status, body)
	}
	return body
}

// checkpoint fetches and verifies the checkpoint and returns its tree.
func (o *outsider) checkpoint() tlog.Tree {
	n, err := note.Open(o.fetch("checkpoint"), o.known)
	if err != nil {
		o.t.Fatalf("checkpoint: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != o.origin {
		o.t.Fatalf("checkpoint text %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		o.t.Fatal(err)
	}
	h, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(h) != 32 {
		o.t.Fatalf("root hash %q", lines[2])
	}
	tree := tlog.Tree{N: size, Hash: tlog.Hash(h)}
	o.trees[size] = tree.Hash
	return tree
}

// Height and ReadTiles make outsider a tlog.TileReader over HTTP.
func (o *outsider) Height() int { return 8 }
func (o *outsider) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, t := range ts {
		out[i] = o.fetch(c2spPath(strconv.Itoa(t.L), t.N, t.W))
	}
	return out, nil
}
func (o *outsider) SaveTiles([]tlog.Tile, [][]byte) {}

// entries fetches the entries of bundle n of the given width.
func (o *outsider) bundle(n int64, w int) [][]byte {
	body := o.fetch(c2spPath("entries", n, w))
	var es [][]byte
	for len(body) > 0 {
		if len(body) < 2 {
			o.t.Fatal("truncated bundle")
		}
		l := int(binary.BigEndian.Uint16(body))
		if len(body) < 2+l {
			o.t.Fatal("truncated bundle entry")
		}
		es = append(es, body[2:2+l])
		body = body[2+l:]
	}
	if len(es) != w {
		o.t.Fatalf("bundle %d has %d entries, want %d", n, len(es), w)
	}
	return es
}

func TestOutsideAuditor(t *testing.T) {
	srv, l, vkey := setup(t, 300)
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	o := &outsider{t: t, prefix: srv.URL + "/log/march-1917/", origin: server + "/log/march-1917",
		known: note.VerifierList(v), trees: map[int64]tlog.Hash{}}

	old := o.checkpoint()
	if old.N != 300 {
		t.Fatalf("checkpoint size %d", old.N)
	}
	// Inclusion: entries from the bundles, proofs from the tiles.
	r := tlog.TileHashReader(old, o)
	full := o.bundle(0, 256)
	part := o.bundle(1, 300-256)
	all := append(full, part...)
	for _, i := range []int64{0, 1, 100, 255, 256, 299} {
		p, err := tlog.ProveRecord(old.N, i, r)
		if err != nil {
			t.Fatalf("ProveRecord(%d): %v", i, err)
		}
		if err := tlog.CheckRecord(p, old.N, old.Hash, i, tlog.RecordHash(all[i])); err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if !bytes.Contains(all[i], []byte(fmt.Sprintf(`"payload":{"n":%d}`, i))) {
			t.Fatalf("entry %d is %s", i, all[i])
		}
	}
	// Every entry in a bundle hashes to its level-0 tile hash.
	tile := o.fetch(c2spPath("0", 1, 300-256))
	for i, e := range part {
		if h := tlog.RecordHash(e); !bytes.Equal(h[:], tile[32*i:32*i+32]) {
			t.Fatalf("entry %d does not hash to its tile", 256+i)
		}
	}
	// The log grows; the new checkpoint is consistent with the old.
	appendN(t, l, 70000-300, 4096)
	nw := o.checkpoint()
	if nw.N != 70000 {
		t.Fatalf("new size %d", nw.N)
	}
	p, err := tlog.ProveTree(nw.N, old.N, tlog.TileHashReader(nw, o))
	if err != nil {
		t.Fatal(err)
	}
	if err := tlog.CheckTree(p, nw.N, nw.Hash, old.N, old.Hash); err != nil {
		t.Fatalf("consistency %d → %d: %v", old.N, nw.N, err)
	}
	// A forked old tree is caught.
	forged := old.Hash
	forged[0] ^= 1
	if err := tlog.CheckTree(p, nw.N, nw.Hash, old.N, forged); err == nil {
		t.Fatal("consistency proof accepted a forked tree")
	}
	// The spec's example: a tree of 70,000 has a level-1 partial tile of
	// width 17 and a level-2 partial tile of width 1.
	if got := o.fetch(c2spPath("1", 1, 17)); len(got) != 17*32 {
		t.Fatalf("level 1 partial tile: %d bytes", len(got))
	}
	if got := o.fetch(c2spPath("2", 0, 1)); len(got) != 32 {
		t.Fatalf("level 2 partial tile: %d bytes", len(got))
	}
	q, err := tlog.ProveRecord(nw.N, 69999, tlog.TileHashReader(nw, o))
	if err != nil {
		t.Fatal(err)
	}
	last := o.bundle(273, 112)
	if err := tlog.CheckRecord(q, nw.N, nw.Hash, 69999, tlog.RecordHash(last[111])); err != nil {
		t.Fatal(err)
	}
}

func TestHandlerErrorsAndHeaders(t *testing.T) {
	srv, l, _ := setup(t, 299)
	long := `{"text":"` + strings.Repeat("All power to the Soviets! ", 3000) + `"}`
	if _, err := l.Append(context.Background(), ledger.Entry{Type: "resolution.read", Payload: json.RawMessage(long)}); err != nil {
		t.Fatal(err)
	}
	raw, _ := l.Raw(context.Background(), 299, 300)
	e, ref, err := ledger.DecodeEntry(raw[0])
	if err != nil || ref == nil {
		t.Fatalf("entry %s not stored apart: %v", e.Type, err)
	}
	if body, resp := get(t, fmt.Sprintf("%s/log/march-1917/blob/%x", srv.URL, ref.SHA256)); resp.StatusCode != 200 || string(body) != long {
		t.Fatalf("blob: %s", resp.Status)
	}
	tests := []struct {
		path   string
		status int
		cache  string
	}{
		{"/log/march-1917/checkpoint", 200, "no-cache"},
		{"/log/march-1917/tile/0/000", 200, "public, max-age=31536000, immutable"},
		{"/log/march-1917/tile/0/001.p/44", 200, "public, max-age=31536000, immutable"},
		{"/log/march-1917/tile/0/001.p/43", 200, "public, max-age=31536000, immutable"},
		{"/log/march-1917/tile/0/001.p/45", 404, ""},
		{"/log/march-1917/tile/0/001", 404, ""},
		{"/log/march-1917/tile/1/000.p/1", 200, "public, max-age=31536000, immutable"},
		{"/log/march-1917/tile/1/000.p/2", 404, ""},
		{"/log/march-1917/tile/2/000.p/1", 404, ""},
		{"/log/march-1917/tile/entries/001.p/44", 200, "public, max-age=31536000, immutable"},
		{"/log/march-1917/tile/entries/x001/000", 404, ""},
		{"/log/march-1917/tile/0/x000/000", 404, ""},
		{"/log/march-1917/tile/0/x009/x223/x372/x036/x854/x775/807", 404, ""},
		{"/log/march-1917/tile/63/x009/x223/x372/x036/x854/x775/807.p/255", 404, ""},
		{"/log/other/checkpoint", 404, ""},
		{"/log/march-1917/blob/" + strings.Repeat("0", 64), 404, ""},
		{"/log/march-1917/blob/xyz", 404, ""},
		{"/log/march-1917/nothing", 404, ""},
		{"/log/", 200, "no-cache"},
	}
	for _, tt := range tests {
		body, resp := get(t, srv.URL+tt.path)
		if resp.StatusCode != tt.status || resp.Header.Get("Cache-Control") != tt.cache {
			t.Errorf("GET %s = %s, Cache-Control %q; want %d, %q (%s)", tt.path, resp.Status, resp.Header.Get("Cache-Control"), tt.status, tt.cache, body)
		}
	}
	// A log's prefix is no page: its answer says how to copy the log.
	for _, p := range []string{"/log/march-1917/", "/log/march-1917"} {
		if body, resp := get(t, srv.URL+p); resp.StatusCode != 404 || !strings.Contains(string(body), "plenum verify --url ADDRESS-OF-THIS-PAGE --key VERIFIER-KEY --keep FOLDER") || !strings.Contains(string(body), "/log/march-1917/checkpoint") {
			t.Errorf("GET %s = %s: %s", p, resp.Status, body)
		}
	}
	body, _ := get(t, srv.URL+"/log/")
	if string(body) != "march-1917\n" {
		t.Errorf("log list %q", body)
	}
	// Entry bundles are gzipped for clients that accept it.
	req, _ := http.NewRequest("GET", srv.URL+"/log/march-1917/tile/entries/000", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip bundle: %v, %q", err, resp.Header.Get("Content-Encoding"))
	}
	plain, err := io.ReadAll(zr)
	resp.Body.Close()
	if err != nil || !bytes.Contains(plain, []byte(`"payload":{"n":255}`)) {
		t.Fatalf("gunzipped bundle: %v", err)
	}
	resp, err = http.Post(srv.URL+"/log/march-1917/checkpoint", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s", resp.Status)
	}
}

// TestCheckpointWithCosignatures: the served checkpoint carries the
// cosignatures stored for its size, and only those; the stored checkpoint
// itself is unchanged.
func TestCheckpointWithCosignatures(t *testing.T) {
	ctx := context.Background()
	st, l, logV, origin := coopLog(t)
	srv := httptest.NewServer(tiles.Handler(st, server))
	defer srv.Close()

	cosign := func(name string, cp []byte) (*witness.Verifier, []byte) {
		t.Helper()
		ws, err := witness.NewSigner(name, ed25519.NewKeyFromSeed(bytes.Repeat([]byte(name[:1]), 32)))
		if err != nil {
			t.Fatal(err)
		}
		body := cp[:bytes.Index(cp, []byte("\n\n"))+1]
		signed, err := note.Sign(&note.Note{Text: string(body)}, ws)
		if err != nil {
			t.Fatal(err)
		}
		return ws.Verifier(), signed[len(body)+1:]
	}
	appendN(t, l, 3, 3)
	cp3 := l.Checkpoint()
	w1, line1 := cosign("w1.example", cp3)
	if err := st.AddCosignatures(ctx, origin, 3, [][]byte{line1}); err != nil {
		t.Fatal(err)
	}
	body, _ := get(t, srv.URL+tiles.PrefixFor("coop")+"checkpoint")
	n, err := note.Open(body, note.VerifierList(logV, w1))
	if err != nil {
		t.Fatalf("served checkpoint %q: %v", body, err)
	}
	if len(n.Sigs) != 2 || !bytes.HasPrefix(body, cp3) {
		t.Fatalf("served checkpoint %q: want the stored one with one cosignature", body)
	}

	// A new checkpoint is served without the old one's cosignature until
	// its own are stored.
	appendN(t, l, 2, 2)
	cp5 := l.Checkpoint()
	body, _ = get(t, srv.URL+tiles.PrefixFor("coop")+"checkpoint")
	if !bytes.Equal(body, cp5) {
		t.Fatalf("served %q, want the new checkpoint alone %q", body, cp5)
	}
	w2, line2 := cosign("w2.example", cp5)
	_, line1b := cosign("w1.example", cp5)
	if err := st.AddCosignatures(ctx, origin, 5, [][]byte{line2, line1b}); err != nil {
		t.Fatal(err)
	}
	body, _ = get(t, srv.URL+tiles.PrefixFor("coop")+"checkpoint")
	n, err = note.Open(body, note.VerifierList(logV, w1, w2))
	if err != nil || len(n.Sigs) != 3 || len(n.UnverifiedSigs) != 0 {
		t.Fatalf("served checkpoint %q: %v, want three verified signatures", body, err)
	}
	h, err := st.Head(ctx, origin)
	if err != nil || !bytes.Equal(h.Checkpoint, cp5) {
		t.Fatalf("stored head changed: %q, %v", h.Checkpoint, err)
	}
}

// TestCheckpointDropsDamagedCosignatures: a stored cosignature line that no
// longer verifies (a damaged disk, a hand edit: one character changed)
// would make the served checkpoint fail to
// open for everyone holding that witness's key, until the next checkpoint.
// With the witnesses' keys given (Options.Cosigners, as plenum serve gives
// its --witness keys), the handler serves only the lines that verify.
func TestCheckpointDropsDamagedCosignatures(t *testing.T) {
	ctx := context.Background()
	st, l, logV, origin := coopLog(t)
	appendN(t, l, 3, 3)
	cp := l.Checkpoint()
	body := cp[:bytes.Index(cp, []byte("\n\n"))+1]
	var verifiers []note.Verifier
	var lines [][]byte
	for _, name := range []string{"w1.example", "w2.example"} {
		ws, err := witness.NewSigner(name, ed25519.NewKeyFromSeed(bytes.Repeat([]byte(name[:2]), 16)))
		if err != nil {
			t.Fatal(err)
		}
		signed, err := note.Sign(&note.Note{Text: string(body)}, ws)
		if err != nil {
			t.Fatal(err)
		}
		verifiers = append(verifiers, ws.Verifier())
		lines = append(lines, signed[len(body)+1:])
	}
	// w2's line damaged: one character of its signature changed.
	damaged := bytes.Clone(lines[1])
	i := len(damaged) - 6
	damaged[i] = map[bool]byte{true: 'B', false: 'A'}[damaged[i] == 'A']
	if err := st.AddCosignatures(ctx, origin, 3, [][]byte{lines[0], damaged}); err != nil {
		t.Fatal(err)
	}
	all := note.VerifierList(append([]note.Verifier{logV}, verifiers...)...)
	for _, opts := range []struct {
		name      string
		cosigners []note.Verifier
		opens     bool
	}{
		{"without the witnesses' keys, every stored line", nil, false},
		{"with them, the lines that verify", verifiers, true},
	} {
		srv := httptest.NewServer(tiles.HandlerWith(st, server, tiles.Options{Cosigners: opts.cosigners}))
		served, _ := get(t, srv.URL+tiles.PrefixFor("coop")+"checkpoint")
		srv.Close()
		n, err := note.Open(served, all)
		if opts.opens != (err == nil) {
			t.Fatalf("%s: served %q: note.Open: %v", opts.name, served, err)
		}
		if opts.opens && (len(n.Sigs) != 2 || !bytes.HasPrefix(served, cp)) {
			t.Fatalf("%s: served %q: want the log's signature and w1's", opts.name, served)
		}
	}
}

// coopLog is an empty log of the assembly coop in a new SQLite store,
// closed with the test: the store, the log, the log's verifier, its
// origin.
func coopLog(t *testing.T) (*sqlite.Store, *ledger.Log, note.Verifier, string) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	skey, vkey, _ := ledger.GenerateKey(server)
	signer, _ := note.NewSigner(skey)
	logV, _ := note.NewVerifier(vkey)
	origin, _ := ledger.Origin(server, "coop")
	l, err := ledger.Open(context.Background(), st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return st, l, logV, origin
}
