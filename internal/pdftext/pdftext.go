// Package pdftext reads the text of a PDF for tests, with poppler's
// pdftotext: a PDF reader independent of the library that wrote the file,
// so that a test sees what a person copying from the document would get.
// Without pdftotext the test is skipped, unless PLENUM_REQUIRE_PDFTOTEXT=1
// (as in CI, which installs poppler-utils) makes it fail.
package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// Text returns the text of pdf in the order it was written (pdftotext
// -raw): each line drawn a line, pages separated by form feeds.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("PLENUM_REQUIRE_PDFTOTEXT") == "1" {
			t.Fatal("pdftotext is not installed (apt-get install poppler-utils)")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils); PLENUM_REQUIRE_PDFTOTEXT=1 makes this fail")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-raw", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, errb.String())
	}
	return out.String()
}
