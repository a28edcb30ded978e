package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The style sheets and scripts go to every phone in the hall as it first
// loads a page (about 55 KB in all, about 15 KB gzipped): ten thousand
// phones on the hall's Wi-Fi at the opening make that 550 MB or 150 MB. So
// they are served gzipped to a browser that takes it, and with a tag of
// their content, so that after the hour a browser may keep them it
// revalidates them with a 304 instead of downloading them again.
//
// Only these assets are compressed: they are the same for everyone and
// carry nothing secret. The pages are not, on purpose: a compressed page
// that holds a secret (a form's token) beside text a visitor can choose
// leaks the secret through its length (BREACH), and a secret ballot's
// pages are padded to one length whatever the choice, which compression
// would undo (docs/secret-ballots.md).

// staticAsset is one embedded asset, its gzip form and its tags.
type staticAsset struct {
	plain, gzipped []byte
	contentType    string
	tag, gzipTag   string // the ETags of the plain and the gzipped bytes
}

// staticAssets reads the embedded assets once, on first use.
var staticAssets = sync.OnceValue(func() map[string]*staticAsset {
	assets := map[string]*staticAsset{}
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		tag := hex.EncodeToString(sum[:8])
		a := &staticAsset{plain: b, contentType: mime.TypeByExtension(path.Ext(p)), tag: `"` + tag + `"`, gzipTag: `"` + tag + `-gz"`}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(b)
		w.Close()
		if z.Len() < len(b) {
			a.gzipped = z.Bytes()
		}
		assets[strings.TrimPrefix(p, "static/")] = a
		return nil
	})
	return assets
})

// serveStatic serves the embedded assets. They change only with the binary,
// so browsers may keep them an hour and must revalidate after (their ETag).
func (s *server) serveStatic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	a := staticAssets()[strings.TrimPrefix(r.URL.Path, "/static/")]
	if a == nil {
		s.static.ServeHTTP(w, r) // a folder's listing, or not found
		return
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if a.contentType != "" {
		h.Set("Content-Type", a.contentType)
	}
	body, tag := a.plain, a.tag
	if a.gzipped != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, tag = a.gzipped, a.gzipTag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", tag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header takes gzip: named
// with a quality above 0, or not named and "*" so.
func acceptsGzip(header string) bool {
	named, any := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			named = q
		case "*":
			any = q
		}
	}
	if named >= 0 {
		return named > 0
	}
	return any > 0
}
