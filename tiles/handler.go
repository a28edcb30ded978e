package tiles

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/internal/routes"
	"plenum/ledger"
)

// Prefix is the URL path under which the logs are served.
const Prefix = "/log/"

// PrefixFor returns the URL path prefix of an assembly's log, "/log/<id>/".
func PrefixFor(assemblyID string) string { return Prefix + assemblyID + "/" }

// Cache-Control values: tiles and bundles never change once served (a
// partial tile of width W has the same contents for ever), the checkpoint
// changes with every batch.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheCheckpoint = "no-cache"
)

// Options configure the handler.
type Options struct {
	// MayRead reports whether the request may read the log of the
	// assembly id beyond its checkpoint: its tiles, entry bundles and
	// blobs, which hold the record. The checkpoint is open to anyone
	// (witnesses and monitors need it, and it reveals only a size and a
	// hash). nil lets everyone read everything.
	MayRead func(r *http.Request, id string) bool
	// Cosigners are the witnesses' verifiers (plenum serve's --witness
	// keys). Given, the checkpoint is served with only the stored
	// cosignature lines that verify by one of them: a line damaged in
	// the database (a failing disk, a hand edit) would otherwise make the
	// served checkpoint fail to open for everyone holding that witness's
	// key. nil serves every stored line, as they are.
	Cosigners []note.Verifier
}

// Handler serves, read-only, every log in st whose origin is
// "<server>/log/<id>" (see ledger.Origin), under PrefixFor(id), to
// everyone. Mount it at Prefix. The checkpoint is served with the
// witnesses' cosignatures stored for it (ledger.Store.Cosignatures)
// appended as further signature lines. Tiles are served only as far as
// the latest committed checkpoint reaches, so a client that verified that
// checkpoint can fetch them all.
func Handler(st ledger.Store, server string) http.Handler {
	return HandlerWith(st, server, Options{})
}

// HandlerWith is Handler with options: who may read beyond the checkpoint.
func HandlerWith(st ledger.Store, server string, opts Options) http.Handler {
	h := &handler{st: st, server: server, opts: opts, mux: routes.New()}
	h.mux.HandleFunc("GET "+Prefix+"{$}", h.serveList)
	h.mux.HandleFunc("GET "+Prefix+"{id}/checkpoint", h.serveCheckpoint)
	h.mux.HandleFunc("GET "+Prefix+"{id}/tile/{tile...}", h.serveTile)
	h.mux.HandleFunc("GET "+Prefix+"{id}/blob/{hash}", h.serveBlob)
	h.mux.HandleFunc(Prefix, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: the log is read-only", http.StatusMethodNotAllowed)
			return
		}
		if id, ok := strings.CutPrefix(strings.TrimSuffix(r.URL.Path, "/"), Prefix); ok && ledger.ValidAssemblyID(id) {
			http.Error(w, logPrefixNotFound(id), http.StatusNotFound)
			return
		}
		http.Error(w, "not found: want "+Prefix+"<assembly-id>/checkpoint, …/tile/…", http.StatusNotFound)
	})
	return h
}

// logPrefixNotFound is the answer at a log's prefix itself, /log/<id>/,
// which is no file and lists none (a copier following links, such as
// wget --mirror, finds nothing there): it names the log's files and the
// command that copies the log, checked, into a folder laid out as this
// server serves it.
func logPrefixNotFound(id string) string {
	return "not found: " + PrefixFor(id) + " is the prefix of the log of assembly " + id +
		" (C2SP tlog-tiles), not a page: its files are " + PrefixFor(id) + "checkpoint, " + PrefixFor(id) +
		"tile/… and " + PrefixFor(id) + "blob/…, and none lists them.\n" +
		"To copy the log into a folder, every file checked against the signed checkpoint, run\n" +
		"    plenum verify --url ADDRESS-OF-THIS-PAGE --key VERIFIER-KEY --keep FOLDER\n" +
		"(run again with the same FOLDER to bring the copy up to date; plenum verify --url FOLDER --key VERIFIER-KEY checks it)."
}

type handler struct {
	st     ledger.Store
	server string
	opts   Options
	mux    *routes.Mux
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the log is read-only", http.StatusMethodNotAllowed)
		return
	}
	h.mux.ServeHTTP(w, r)
}

// Routes returns the routes the handler serves, for tests that must see
// every route of the server.
func (h *handler) Routes() []routes.Route { return h.mux.Routes() }

// head finds the log of the path's assembly and its latest checkpoint,
// or answers 404; unless checkpoint is set, it also answers a request that
// may not read the log (Options.MayRead).
func (h *handler) head(w http.ResponseWriter, r *http.Request, checkpoint bool) (origin string, head ledger.Head, ok bool) {
	id := r.PathValue("id")
	if !ledger.ValidAssemblyID(id) {
		http.Error(w, "not found: want "+Prefix+"<assembly-id>/checkpoint, …/tile/…", http.StatusNotFound)
		return "", head, false
	}
	origin, err := ledger.Origin(h.server, id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return "", head, false
	}
	head, err = h.st.Head(r.Context(), origin)
	if errors.Is(err, ledger.ErrLogNotFound) {
		http.Error(w, "no log for assembly "+id, http.StatusNotFound)
		return "", head, false
	}
	if err != nil {
		h.fail(w, r, err)
		return "", head, false
	}
	if !checkpoint && h.opts.MayRead != nil && !h.opts.MayRead(r, id) {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "the record of this assembly is not public: its tiles are open to those who may read it (log in); its checkpoint is open to anyone", http.StatusForbidden)
		return "", head, false
	}
	return origin, head, true
}

func (h *handler) serveCheckpoint(w http.ResponseWriter, r *http.Request) {
	origin, head, ok := h.head(w, r, true)
	if !ok {
		return
	}
	cosigs, err := h.st.Cosignatures(r.Context(), origin, head.Size)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if h.opts.Cosigners != nil {
		cosigs = h.verified(origin, head.Checkpoint, cosigs)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", cacheCheckpoint)
	w.Write(withCosignatures(head.Checkpoint, cosigs))
}

// verified returns the cosignature lines that verify, each alone, over
// the signed checkpoint's text by one of the witnesses' keys; the others
// are logged and left out.
func (h *handler) verified(origin string, signed []byte, lines [][]byte) [][]byte {
	text := signed
	if i := bytes.LastIndex(signed, []byte("\n\n")); i >= 0 {
		text = signed[:i+1]
	}
	witnesses := note.VerifierList(h.opts.Cosigners...)
	kept := lines[:0:0]
	for _, l := range lines {
		msg := append(append(bytes.Clone(text), '\n'), l...)
		if n, err := note.Open(msg, witnesses); err == nil && len(n.Sigs) == 1 {
			kept = append(kept, l)
			continue
		}
		slog.Warn("tiles: a stored cosignature does not verify by any witness's key; the checkpoint is served without it (a damaged database, or a witness no longer given)", "origin", origin, "line", strings.TrimSpace(string(l)))
	}
	return kept
}

// withCosignatures returns the signed checkpoint with the stored witness
// cosignature lines appended that it does not already carry (as
// witness.Merge does, without importing the witness package).
func withCosignatures(signed []byte, lines [][]byte) []byte {
	if len(lines) == 0 {
		return signed
	}
	sigs := signed
	if i := bytes.LastIndex(signed, []byte("\n\n")); i >= 0 {
		sigs = signed[i+1:] // from the newline before the first signature line
	}
	out := bytes.Clone(signed)
	for _, l := range lines {
		if !bytes.Contains(sigs, append([]byte("\n"), l...)) {
			out = append(out, l...)
		}
	}
	return out
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && errors.Is(r.Context().Err(), context.Canceled) {
		// The client went away (a verifier that stopped at its first
		// refusal cancels the rest): nothing failed here, and nobody
		// reads the answer.
		slog.Debug("tiles: a request cancelled by its client", "path", r.URL.Path, "err", err)
		http.Error(w, "the request was cancelled", http.StatusServiceUnavailable)
		return
	}
	slog.Error("tiles: serving", "path", r.URL.Path, "err", err)
	http.Error(w, "internal error reading the log", http.StatusInternalServerError)
}

func (h *handler) serveList(w http.ResponseWriter, r *http.Request) {
	origins, err := h.st.Logs(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", cacheCheckpoint)
	for _, o := range origins {
		if s, id, err := ledger.ParseOrigin(o); err == nil && s == h.server {
			fmt.Fprintln(w, id)
		}
	}
}

// available returns how many hashes at tile level l (entries for bundles)
// the tree of the given size holds.
func available(t Tile, size int64) int64 {
	if t.Entries {
		return size
	}
	return size >> (Height * t.L)
}

func (h *handler) serveTile(w http.ResponseWriter, r *http.Request) {
	origin, head, ok := h.head(w, r, false)
	if !ok {
		return
	}
	t, err := ParsePath("tile/" + r.PathValue("tile"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	size := head.Size
	n := available(t, size)
	if t.N >= n/Width+1 || t.N*Width+int64(t.W) > n {
		http.Error(w, fmt.Sprintf("tile %s is beyond the tree of size %d", t.Path(), size), http.StatusNotFound)
		return
	}
	ctx := r.Context()
	var body []byte
	if t.Entries {
		start := t.N * Width
		raw, err := ledger.ReadRaw(ctx, h.st, origin, start, start+int64(t.W))
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, e := range raw {
			body = binary.BigEndian.AppendUint16(body, uint16(len(e)))
			body = append(body, e...)
		}
		// Entry bundles SHOULD be compressed (tlog-tiles); JSON shrinks well.
		w.Header().Set("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(body)
			if err := zw.Close(); err != nil {
				h.fail(w, r, err)
				return
			}
			body = buf.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
		}
	} else {
		var err error
		if body, err = tlog.ReadTileData(t.Tlog(), ledger.HashReader(ctx, h.st, origin)); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Cache-Control", cacheImmutable)
	w.Write(body)
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func (h *handler) serveBlob(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := h.head(w, r, false); !ok {
		return
	}
	hx := r.PathValue("hash")
	var sum [32]byte
	if len(hx) != 64 || strings.ToLower(hx) != hx {
		http.Error(w, "blob name must be 64 lower-case hex digits of its SHA-256", http.StatusNotFound)
		return
	}
	if _, err := hex.Decode(sum[:], []byte(hx)); err != nil {
		http.Error(w, "blob name must be 64 lower-case hex digits of its SHA-256", http.StatusNotFound)
		return
	}
	data, err := h.st.Blob(r.Context(), sum)
	if errors.Is(err, ledger.ErrNotFound) {
		http.Error(w, "no such blob", http.StatusNotFound)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", cacheImmutable)
	w.Write(data)
}
