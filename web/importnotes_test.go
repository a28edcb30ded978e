package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestImportPreviewNotesHowTheFileWasRead: a CSV saved by German Excel
// (Windows-1252) is previewed, its names with their umlauts, under a note
// that it was read as Windows-1252 naming names to check (before, it was
// refused as not UTF-8); a row with fewer cells than the header is a
// problem of its row, naming the cell missing (before, it was read as a
// personal mandate and nothing said so).
func TestImportPreviewNotesHowTheFileWasRead(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	csv := "Mitgliedsnummer;Name;Organization\r\n" +
		"M10001;J\xfcrgen Die\xdfner;Teachers' Union\r\n" +
		"M10002;M\xfcge Fu\xdf\r\n" +
		"M10003;Bj\xf6rn \xd6zt\xfcrk;Teachers' Union\r\n"
	code, preview := admin.upload("congress-2026", "delegierte-excel.csv", []byte(csv), nil)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("the preview: %d\n%s", code, flashText(preview))
	}
	for _, w := range []string{
		`<p class="msg warn import-note">the file is not UTF-8 and was read as Windows-1252, as Excel saves &#34;CSV (delimited)&#34;: check that the names&#39; accents below read right (such as Jürgen Dießner, Müge Fuß, Björn Öztürk) before recording`,
		"<strong>Müge Fuß</strong>",
		"the row has 2 cells and the header 3: the Organization cell is missing",
		"<strong>Björn Öztürk</strong>",
		"Record the good rows only (2 to add or change)",
	} {
		if !strings.Contains(preview, w) {
			t.Errorf("the preview does not say %q", w)
		}
	}
	if strings.Index(preview, "import-note") > strings.Index(preview, `action="/a/congress-2026/import/record"`) {
		t.Error("the note is below the button")
	}
}
