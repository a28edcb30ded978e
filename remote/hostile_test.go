package remote_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// The tests in this file play a hostile server — one that holds the log's
// signing key and wants a verifier to accept a falsified record, or to
// hang, crash or exhaust itself — and a broken proxy. Every answer must be
// a refusal naming the problem, within the client's bounds of bytes and
// time; never an acceptance, a panic or a hang.

// within runs f and fails the test if it does not return within d (the
// goroutine is then left behind: the process is about to fail anyway).
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- f()
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("no answer within %v", d)
		return nil
	}
}

// withCheckpoint serves body as the checkpoint and the rest from h.
func withCheckpoint(h http.Handler, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/checkpoint" {
			w.Write(body)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func signed(t *testing.T, l *tlogtest.Log, c ledger.Checkpoint) []byte {
	t.Helper()
	b, err := note.Sign(&note.Note{Text: string(c.Text())}, l.Signer)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHostileCheckpoint: checkpoints signed by the log's own key (the
// operator holds it) or tampered on the way, served to Verify,
// FetchReceipt and CheckReceipt.
func TestHostileCheckpoint(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 600)
	keys := note.VerifierList(l.Verifier())
	cp := l.Checkpoint()
	body := ledger.CheckpointBody(cp)
	sig := cp[len(body)+1:] // "— name base64\n"
	stranger := tlogtest.New("plenum.test/log/other")
	otherSig := signed(t, stranger, ledger.Checkpoint{Origin: origin, Size: 600, Hash: l.TreeHash(600)})[len(body)+1:]
	receiptFile, err := remote.FetchReceipt(ctx, serve(t, l), 270, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	receipt, err := tlogproof.VerifyReceipt(receiptFile, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The same signature line with one bit of the signature flipped.
	name, b64, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(string(sig), "— "), "\n"), " ")
	raw, _ := base64.StdEncoding.DecodeString(b64)
	raw[10] ^= 1
	badSig := []byte("— " + name + " " + base64.StdEncoding.EncodeToString(raw) + "\n")
	hash := l.TreeHash(600)
	noncanonical, _ := note.Sign(&note.Note{Text: strings.Replace(string(body), "\n600\n", "\n0600\n", 1)}, l.Signer)

	for _, c := range []struct {
		name string
		cp   []byte
		want string // "" when the checkpoint is rightly accepted
	}{
		{"size 2^62, signed", signed(t, l, ledger.Checkpoint{Origin: origin, Size: 1 << 62, Hash: hash}), "tree size"},
		{"size 2^63-1, signed", signed(t, l, ledger.Checkpoint{Origin: origin, Size: 1<<63 - 1, Hash: hash}), "tree size"},
		{"another key's signature only", append(bytes.Clone(body), append([]byte("\n"), otherSig...)...), "no verifiable signatures"},
		{"a bad signature by the log's key before a good one", append(append(bytes.Clone(body), '\n'), append(bytes.Clone(badSig), sig...)...), "invalid signature"},
		{"a malformed signature line", append(bytes.Clone(cp), "— plenum.test !!!!\n"...), "malformed"},
		{"101 signature lines", append(bytes.Clone(cp), bytes.Repeat(otherSig, 101)...), "malformed"},
		{"no signature", append(bytes.Clone(body), '\n'), "malformed"},
		{"a checkpoint of a megabyte and more", append(bytes.Clone(cp), bytes.Repeat([]byte("— x AAAA\n"), 1<<17)...), "larger than"},
		{"size not canonical", noncanonical, "malformed"},
		{"the signature duplicated", append(bytes.Clone(cp), sig...), ""},
		{"another key's signature besides", append(bytes.Clone(cp), otherSig...), ""},
		{"a bad signature by the log's key after a good one", append(bytes.Clone(cp), badSig...), ""},
	} {
		url := serve(t, withCheckpoint(l, c.cp))
		opts := remote.Options{LogKeys: keys}
		check := func(what string, err error) {
			t.Helper()
			var re *remote.Error
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%s, %s: %v", c.name, what, err)
			case c.want != "" && err == nil:
				t.Errorf("%s, %s: accepted", c.name, what)
			case c.want != "" && (!strings.Contains(err.Error(), c.want) || c.want != "larger than" && !errors.As(err, &re)):
				t.Errorf("%s, %s: %v, want an *Error with %q", c.name, what, err, c.want)
			}
		}
		check("verify", within(t, 20*time.Second, func() error { _, err := remote.Verify(ctx, url, opts); return err }))
		check("verify --since", within(t, 20*time.Second, func() error {
			_, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys, Since: receipt.Signed})
			return err
		}))
		check("fetch receipt", within(t, 20*time.Second, func() error { _, err := remote.FetchReceipt(ctx, url, 270, opts); return err }))
		check("check receipt", within(t, 20*time.Second, func() error { _, err := remote.CheckReceipt(ctx, url, receipt, opts); return err }))
	}
}

// TestHugeTreeOffline: a receipt, or an excerpt, whose checkpoint (signed
// by the log's key) claims a tree of 2^63-1 entries is refused offline
// without hanging: tlog's proof checks never end for sizes above 2^62.
func TestHugeTreeOffline(t *testing.T) {
	l := ledgerLog(t, 10)
	keys := note.VerifierList(l.Verifier())
	for _, size := range []int64{1<<62 + 1, 1<<63 - 1} {
		cp := signed(t, l, ledger.Checkpoint{Origin: origin, Size: size, Hash: l.TreeHash(10)})
		file := tlogproof.NewReceipt(3, l.Entry(3), make(tlog.RecordProof, 62), cp)
		err := within(t, 10*time.Second, func() error { _, err := tlogproof.VerifyReceipt(file, keys, nil); return err })
		if err == nil || !strings.Contains(err.Error(), "tree size") {
			t.Errorf("receipt of tree size %d: %v", size, err)
		}
		// BuildExcerpt refuses such a checkpoint; a hostile server writes the file itself.
		x, _ := json.Marshal(map[string]any{"format": tlogproof.ExcerptFormat, "origin": origin, "proofs": []string{string(file)}})
		err = within(t, 10*time.Second, func() error { _, err := tlogproof.VerifyExcerpt(x, keys, nil); return err })
		if err == nil || !strings.Contains(err.Error(), "tree size") {
			t.Errorf("excerpt of tree size %d: %v", size, err)
		}
	}
}

// replace serves body, with status, at path and the rest from h.
func replace(h http.Handler, path string, status int, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			h.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(status)
		w.Write(body)
	})
}

// TestHostileTiles: tiles and entry bundles of the wrong size, width or
// content. Each is refused, naming the first entry it concerns.
func TestHostileTiles(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 600)
	keys := note.VerifierList(l.Verifier())
	get := func(path string) []byte {
		rec := httptest.NewRecorder()
		l.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: %d", path, rec.Code)
		}
		return rec.Body.Bytes()
	}
	tile0, tile2 := get("/tile/0/000"), get("/tile/0/002.p/88")
	bundle0, bundle2 := get("/tile/entries/000"), get("/tile/entries/002.p/88")
	more := ledgerLog(t, 1000)
	var fullBundle2 []byte
	for i := int64(512); i < 768; i++ {
		fullBundle2 = binary.BigEndian.AppendUint16(fullBundle2, uint16(len(more.Entry(i))))
		fullBundle2 = append(fullBundle2, more.Entry(i)...)
	}
	extra := binary.BigEndian.AppendUint16(bytes.Clone(bundle0), uint16(len(l.Entry(0))))
	extra = append(extra, l.Entry(0)...)
	swapped := bytes.Clone(bundle0)
	n0 := 2 + len(l.Entry(0))
	n1 := 2 + len(l.Entry(1))
	copy(swapped, bundle0[n0:n0+n1])
	copy(swapped[n1:], bundle0[:n0])

	for _, c := range []struct {
		name    string
		handler http.Handler
		index   int64
		want    string
	}{
		{"a partial tile where a full one is asked for", replace(l, "/tile/0/000", 200, tile0[:88*32]), 0, "2816 bytes, want 8192"},
		{"a full tile where a partial one is asked for", replace(l, "/tile/0/002.p/88", 200, append(bytes.Clone(tile2), make([]byte, 168*32)...)), 0, "larger than 2816 bytes"},
		{"a tile a hash short", replace(l, "/tile/0/001", 200, tile0[:255*32]), 256, "8160 bytes, want 8192"},
		{"a tile with a byte more", replace(l, "/tile/0/001", 200, append(bytes.Clone(tile0), 0)), 256, "larger than 8192 bytes"},
		{"a tile of ten megabytes", replace(l, "/tile/1/000.p/2", 200, make([]byte, 10<<20)), 0, "larger than 64 bytes"},
		{"another tile's hashes", replace(l, "/tile/0/001", 200, tile0), 256, "does not check out against its checkpoint"},
		{"a bundle with an entry more", replace(l, "/tile/entries/000", 200, extra), 0, "257 entries, want 256"},
		{"a partial bundle with the rest of the full one", replace(l, "/tile/entries/002.p/88", 200, fullBundle2), 512, "256 entries, want 88"},
		{"a full bundle cut short", replace(l, "/tile/entries/002.p/88", 200, bundle2[:len(bundle2)-len(l.Entry(599))-2]), 512, "87 entries, want 88"},
		{"two entries swapped", replace(l, "/tile/entries/000", 200, swapped), 0, "the entry was altered"},
		{"a bundle of an odd byte", replace(l, "/tile/entries/000", 200, []byte{0}), 0, "ends inside an entry"},
	} {
		url := serve(t, c.handler)
		err := within(t, 20*time.Second, func() error { _, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys}); return err })
		var re *remote.Error
		if !errors.As(err, &re) || re.Index != c.index || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want entry %d and %q", c.name, err, c.index, c.want)
		}
	}
}

// TestTilePathIsC2SP: TilePath is tlog's Tile.Path without the height
// element (C2SP paths carry none) and with "entries" for "data", for
// indexes across the 3-digit groups; ParseTilePath reads it back.
func TestTilePathIsC2SP(t *testing.T) {
	for _, n := range []int64{0, 1, 999, 1000, 1234067, 1e9, 1e12 + 5, 1<<54 - 1} {
		for _, l := range []int{-1, 0, 1, 7} {
			for _, w := range []int{1, 88, 255, 256} {
				tile := tlog.Tile{H: remote.TileHeight, L: l, N: n, W: w}
				want := strings.Replace(tile.Path(), "tile/8/", "tile/", 1)
				want = strings.Replace(want, "tile/data/", "tile/entries/", 1)
				if got := remote.TilePath(tile); got != want {
					t.Errorf("TilePath(%+v) = %q, want %q", tile, got, want)
				}
				if back, err := remote.ParseTilePath(want); err != nil || back != tile {
					t.Errorf("ParseTilePath(%q) = %+v, %v", want, back, err)
				}
			}
		}
	}
}

// TestHostileTransport: answers that would exhaust a verifier that read
// them whole or waited for them forever, redirects, and answers meant for
// the terminal rather than the verifier.
func TestHostileTransport(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 300)
	keys := note.VerifierList(l.Verifier())
	good := serve(t, l)

	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 200 {
		zw.Write(zeros) // 200 MB of zeros in 200 kB
	}
	zw.Close()
	endless := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := bytes.Repeat([]byte("— plenum.test AAAA\n"), 4096)
		for r.Context().Err() == nil {
			if _, err := w.Write(buf); err != nil {
				return
			}
		}
	})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(l.Checkpoint()[:10])
		w.(http.Flusher).Flush()
		for r.Context().Err() == nil {
			time.Sleep(50 * time.Millisecond)
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
	})
	silent := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	to := func(target string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target+r.URL.Path, http.StatusFound)
		})
	}
	escapes := "\x1b]0;all is well\x07\x1b[2J\x1b[1;32mverified\x1b[0m"

	for _, c := range []struct {
		name    string
		handler http.Handler
		client  *http.Client
		want    string
	}{
		{"an endless checkpoint", endless, nil, "larger than"},
		{"a checkpoint of gigabytes", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "5000000000")
			endless(w, r)
		}), nil, "larger than"},
		{"a gzip bomb", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		}), nil, "larger than"},
		{"a slow loris", slow, remote.HTTPClient(time.Second), "Client.Timeout"},
		{"no answer", silent, remote.HTTPClient(time.Second), "Client.Timeout"},
		{"a redirect loop", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, r.URL.Path, http.StatusFound) }), nil, "redirects"},
		{"a redirect to a file", to("file:///etc"), nil, "file:///etc/checkpoint"},
		{"a redirect to another host", to(good), nil, "redirects to another address"},
		{"escape sequences in an error", replace(l, "/checkpoint", 404, []byte(escapes)), nil, `\x1b]0;all is well\a\x1b[2J`},
	} {
		url := serve(t, c.handler)
		start := time.Now()
		err := within(t, 20*time.Second, func() error {
			_, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys, Client: c.client})
			return err
		})
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: refused after %v", c.name, d)
		}
	}
	// A redirect within the log's own host is followed.
	mux := http.NewServeMux()
	mux.Handle("/old/", http.RedirectHandler("/log/", http.StatusMovedPermanently))
	mux.Handle("/log/", http.StripPrefix("/log", l))
	if _, err := remote.Verify(ctx, serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/old/") {
			http.Redirect(w, r, "/log/"+strings.TrimPrefix(r.URL.Path, "/old/"), http.StatusFound)
			return
		}
		mux.ServeHTTP(w, r)
	}))+"/old", remote.Options{LogKeys: keys}); err != nil {
		t.Errorf("redirect within the host: %v", err)
	}
}

// TestHostileReceiptServer: the server answers a receipt's check with
// other bytes for its entry, or with a checkpoint of another log.
func TestHostileReceiptServer(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 300)
	keys := note.VerifierList(l.Verifier())
	opts := remote.Options{LogKeys: keys}
	file, err := remote.FetchReceipt(ctx, serve(t, l), 270, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(file, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	var bundle []byte
	for i := int64(256); i < 300; i++ {
		e := l.Entry(i)
		if i == 270 {
			e = bytes.Replace(e, []byte("secretary"), []byte("secretarz"), 1)
		}
		bundle = binary.BigEndian.AppendUint16(bundle, uint16(len(e)))
		bundle = append(bundle, e...)
	}
	// The same key signs every log of a server: another assembly's log.
	other := tlogtest.NewWithSigner("plenum.test/log/coop-2026", l.Signer, l.VKey)
	for i := range int64(300) {
		other.Append(l.Entry(i))
	}
	for _, c := range []struct {
		name    string
		handler http.Handler
		index   int64
		want    string
	}{
		{"other bytes for the entry", replace(l, "/tile/entries/001.p/44", 200, bundle), 270, "other bytes for the receipt's entry"},
		{"another log under the same key", other, -1, `is for log "plenum.test/log/coop-2026"`},
	} {
		_, err := remote.CheckReceipt(ctx, serve(t, c.handler), r, opts)
		var re *remote.Error
		if !errors.As(err, &re) || re.Index != c.index || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want entry %d and %q", c.name, err, c.index, c.want)
		}
	}
	if _, err := remote.FetchReceipt(ctx, serve(t, replace(l, "/tile/entries/001.p/44", 200, bundle)), 270, opts); err == nil || !strings.Contains(err.Error(), "not the one in the signed tree") {
		t.Errorf("fetch with other bytes: %v", err)
	}
}

// TestAnotherAssemblysLog: one key signs every log of a server, so a
// server can answer for one assembly's address with another assembly's
// log, validly signed. The address names the assembly (…/log/<id>), and
// the checkpoint's origin must name the same.
func TestAnotherAssemblysLog(t *testing.T) {
	ctx := context.Background()
	march := ledgerLog(t, 30)
	coop := tlogtest.NewWithSigner("plenum.test/log/coop-2026", march.Signer, march.VKey)
	for i := range int64(30) {
		coop.Append(march.Entry(i))
	}
	keys := note.VerifierList(march.Verifier())
	url := serve(t, http.StripPrefix("/log/march-1917", coop)) + "/log/march-1917/"
	_, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys, LogID: remote.LogIDFromURL(url)})
	var re *remote.Error
	if !errors.As(err, &re) || !strings.Contains(err.Error(), `is for log "plenum.test/log/coop-2026", not for march-1917`) {
		t.Errorf("another assembly's log: %v", err)
	}
	for url, id := range map[string]string{
		"https://plenum.example/log/march-1917/":        "march-1917",
		"https://plenum.example/log/march-1917":         "march-1917",
		"http://127.0.0.1:8080/x/log/coop_2026.v2/":     "coop_2026.v2",
		"https://mirror.example/plenum/march-1917/":     "",
		"https://plenum.example/":                       "",
		"https://plenum.example/log/.hidden/":           "",
		"https://plenum.example/log/march-1917/?x=1#y":  "march-1917",
		"https://plenum.example/log/march%2F1917/":      "",
		"https://plenum.example/log/march-1917/../coop": "",
	} {
		if got := remote.LogIDFromURL(url); got != id {
			t.Errorf("LogIDFromURL(%q) = %q, want %q", url, got, id)
		}
	}
}

// TestPartialTileGone: tlog-tiles lets a log delete a partial tile or
// bundle once the full one exists. A verifier of an older checkpoint then
// reads the full one and takes its first hashes or entries, which are
// checked against the signed root like any.
func TestPartialTileGone(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 800)
	keys := note.VerifierList(l.Verifier())
	short := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	for i := range int64(600) {
		short.Append(l.Entry(i))
	}
	old := signed(t, l, ledger.Checkpoint{Origin: origin, Size: 600, Hash: short.TreeHash(600)})
	receipt, err := remote.FetchReceipt(ctx, serve(t, short), 590, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(receipt, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The server deletes each partial tile whose full tile it has.
	pruned := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if full, _, ok := strings.Cut(req.URL.Path, ".p/"); ok {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", full, nil))
				if rec.Code == 200 {
					http.NotFound(w, req)
					return
				}
			}
			h.ServeHTTP(w, req)
		})
	}
	url := serve(t, pruned(withCheckpoint(l, old)))
	if res, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys}); err != nil || res.Entries != 600 {
		t.Errorf("verify the older checkpoint: %v", err)
	}
	if _, err := remote.CheckReceipt(ctx, url, r, remote.Options{LogKeys: keys}); err != nil {
		t.Errorf("check a receipt: %v", err)
	}
	// The full tile's first hashes are checked like the partial's.
	other := ledgerLog(t, 800)
	other.Replace(700, []byte("rewritten"))
	other.Replace(520, []byte("rewritten"))
	url = serve(t, pruned(withCheckpoint(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasPrefix(req.URL.Path, "/tile/0/002") || strings.HasPrefix(req.URL.Path, "/tile/entries/002") {
			other.ServeHTTP(w, req)
			return
		}
		l.ServeHTTP(w, req)
	}), old)))
	var re *remote.Error
	if _, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys}); !errors.As(err, &re) || !strings.Contains(err.Error(), "does not check out") {
		t.Errorf("another full tile: %v", err)
	}
}
