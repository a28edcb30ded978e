package remote

import (
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A log can be read from a folder as from its server: a mirror of what
// the server serves under the log's prefix (checkpoint, tile/…, and for
// plenum blob/<sha256>), as a Keeper keeps it (plenum verify --keep) or a
// static host publishes it. Its address is a file:// URL (FolderURL), which
// NewClient reads through HTTPClientFor: what is read is checked against
// the signed checkpoint as what a server sends is, and a file that is not
// there is answered 404, as a server answers, so that a partial tile
// gone from a mirror made after its full tile is read from the full one,
// and a folder without a checkpoint is ErrNoLog.

// FolderURL returns the address of the log mirrored in the folder dir:
// file:// and its absolute path. It fails if dir is not a folder.
func FolderURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return "", errors.New(dir + " is not a folder")
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// IsFolderURL reports whether u is the address of a log in a folder
// (FolderURL).
func IsFolderURL(u string) bool { return strings.HasPrefix(u, "file://") }

// HTTPClientFor returns the HTTP client NewClient uses for the log at u
// when given none: HTTPClient(timeout), which reads a log over HTTP, or
// for a folder's address (FolderURL) one that reads its files, bounded
// by timeout as well.
func HTTPClientFor(u string, timeout time.Duration) *http.Client {
	hc := HTTPClient(timeout)
	if IsFolderURL(u) {
		hc.Transport = http.NewFileTransport(http.Dir("/"))
	}
	return hc
}
