package minutes

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
)

// TestPDF checks the structure of the PDF rather than its bytes: more than
// one page, and on every page the footer with "Page N of M" and the
// checkpoint (read from the uncompressed content streams).
func TestPDF(t *testing.T) {
	d := march(t)
	out, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", out)
	}
	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(out, -1))
	if pages < 2 {
		t.Fatalf("%d pages, want several", pages)
	}
	footer := fmt.Sprintf("Checkpoint: %s, tree size %d, root hash %s", d.Checkpoint.Origin, d.Checkpoint.Size, d.Checkpoint.RootHash)
	if n := bytes.Count(out, []byte("("+footer+")")); n != pages {
		t.Errorf("the checkpoint footer is on %d of %d pages", n, pages)
	}
	for p := 1; p <= pages; p++ {
		if want := fmt.Sprintf("(Page %d of %d)", p, pages); !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %q", want)
		}
	}
	// The compressed output is the same document, smaller, and the same on
	// every run: no clock in it.
	a, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PDF(d)
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same document differ")
	}
	if len(a) >= len(out) {
		t.Errorf("compressed %d bytes, uncompressed %d", len(a), len(out))
	}
}
