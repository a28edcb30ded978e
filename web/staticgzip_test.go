package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"testing"
)

// TestStaticAssetsGzipped: the style sheets and scripts go gzipped to a
// browser that takes it, as they are to anyone who does not, with a tag
// of their content that a revalidation answers with 304; the pages
// themselves are never compressed (BREACH, the secret ballot's padding).
func TestStaticAssetsGzipped(t *testing.T) {
	h := newHall(t)
	get := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", h.srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	for _, name := range []string{"live.js", "plenum.css"} {
		want, err := os.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		resp, body := get("/static/"+name, "Accept-Encoding", "gzip, deflate, br")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Fatalf("%s with gzip taken: %d, encoding %q, vary %q", name, resp.StatusCode, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
		}
		if len(body) >= len(want)/2 {
			t.Errorf("%s gzipped is %d bytes of %d", name, len(body), len(want))
		}
		z, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(z); !bytes.Equal(got, want) {
			t.Errorf("%s gzipped does not unpack to the file", name)
		}
		tag := resp.Header.Get("ETag")
		if again, body := get("/static/"+name, "Accept-Encoding", "gzip", "If-None-Match", tag); again.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s revalidated with its tag: %d, %d bytes", name, again.StatusCode, len(body))
		}
		plain, body := get("/static/"+name, "Accept-Encoding", "gzip;q=0")
		if plain.StatusCode != 200 || plain.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, want) {
			t.Errorf("%s with gzip refused: %d, encoding %q, %d bytes of %d", name, plain.StatusCode, plain.Header.Get("Content-Encoding"), len(body), len(want))
		}
		if plain.Header.Get("ETag") == tag || plain.Header.Get("ETag") == "" {
			t.Errorf("%s: the plain and the gzipped bytes share the tag %q", name, tag)
		}
		if ct := plain.Header.Get("Content-Type"); ct == "" || ct == "application/octet-stream" {
			t.Errorf("%s served as %q", name, ct)
		}
	}
	if resp, _ := get("/static/nothing.js", "Accept-Encoding", "gzip"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an asset that is not there: %d", resp.StatusCode)
	}
	if resp, _ := get("/a/coop/projector", "Accept-Encoding", "gzip"); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("a page is compressed: %q", resp.Header.Get("Content-Encoding"))
	}
}
