package witness

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// TestTorchwoodVectors replays the add-checkpoint requests of torchwood's
// litewitness tests — made by a Sigsum log and by the Go checksum
// database, independent implementations — against plenum's witness, and
// expects litewitness's answers (see testdata/torchwood/README.md).
func TestTorchwoodVectors(t *testing.T) {
	sigsumKey, _ := hex.DecodeString("ffdc2d4d98e4124d3feaf788c0c2f9abfd796083d1f0495437f302ec79cf100f")
	sum := sha256.Sum256(sigsumKey)
	sigsumOrigin := fmt.Sprintf("sigsum.org/v1/tree/%x", sum)
	sigsumVKey, err := note.NewEd25519VerifierKey(sigsumOrigin, sigsumKey)
	if err != nil {
		t.Fatal(err)
	}
	logs := map[string]KnownLog{
		"litewitness.txt": {Origin: sigsumOrigin, Keys: []note.Verifier{mustVerifier(t, sigsumVKey)}},
		"sumdb.txt":       {Origin: "go.sum database tree", Keys: []note.Verifier{mustVerifier(t, "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")}},
	}
	request := regexp.MustCompile("(?s)POST http://[^/]+/add-checkpoint\n```\n(.*?)```\nHTTP (\\d+)\n(?:\\[Asserts\\]\n(body [^\n]*)\n)?")
	for file, log := range logs {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "torchwood", file))
			if err != nil {
				t.Fatal(err)
			}
			_, hurl, ok := strings.Cut(string(data), "-- add-checkpoint.hurl --\n")
			if !ok {
				t.Fatal("no add-checkpoint.hurl in the script")
			}
			srv, err := OpenServer(filepath.Join(t.TempDir(), "w.db"), newSigner(t, "example.com/witness"), []KnownLog{log}, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			hs := httptest.NewServer(srv)
			defer hs.Close()
			reqs := request.FindAllStringSubmatch(hurl, -1)
			if len(reqs) != strings.Count(hurl, "POST ") {
				t.Fatalf("parsed %d of %d requests", len(reqs), strings.Count(hurl, "POST "))
			}
			for i, r := range reqs {
				body, want, assert := r[1], r[2], r[3]
				status, got, _ := post(t, hs.URL, []byte(body))
				wantStatus, _ := strconv.Atoi(want)
				if wantStatus == 403 && strings.Contains(assert, "unknown log") {
					wantStatus = 404 // c2sp.org/tlog-witness: unknown origin is 404
				}
				if status != wantStatus {
					t.Errorf("request %d: %d %q, want %d (%s)", i+1, status, got, wantStatus, assert)
					continue
				}
				switch {
				case strings.HasPrefix(assert, "body == "):
					if w, _ := strconv.Unquote(strings.TrimPrefix(assert, "body == ")); got != w {
						t.Errorf("request %d: body %q, want %q", i+1, got, w)
					}
				case status == 200:
					if !strings.Contains(got, "— example.com/witness ") {
						t.Errorf("request %d: body %q", i+1, got)
					}
					req, _ := ParseAddCheckpoint([]byte(body))
					p := &Policy{Threshold: 1, Witnesses: []note.Verifier{srv.Verifier()}}
					if _, err := p.Check(Merge(req.Checkpoint, [][]byte{[]byte(got)})); err != nil {
						t.Errorf("request %d: %v", i+1, err)
					}
				}
			}
		})
	}
}

func mustVerifier(t *testing.T, vkey string) note.Verifier {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
