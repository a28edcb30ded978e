package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestImportPreviewsPastAnUnclosedQuote: a CSV with a quote not closed on
// its row is previewed, that row among the problems and the rows below it
// to be recorded, rather than refused whole with no preview.
func TestImportPreviewsPastAnUnclosedQuote(t *testing.T) {
	h := congressHall(t)
	admin := h.adminBrowser()
	csv := "Ref;Name;Organization\n" +
		"0801;Ana Ruiz;Teachers' Union\n" +
		"0802;\"Pilar Ñúñez Ruiz;Teachers' Union\n" +
		"0803;Bo Paz;Teachers' Union\n" +
		"0804;Cy Gil;\"Teachers' Union\n"
	code, preview := admin.upload("congress-2026", "socios.csv", []byte(csv), nil)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("the preview: %d\n%s", code, flashText(preview))
	}
	for _, w := range []string{
		`column B (Name): the quote (&#34;) that opens the cell is not closed on its row`,
		`column C (Organization): the quote (&#34;) that opens the cell is not closed on its row`,
		"<strong>Bo Paz</strong>",
		"Record the good rows only (2 to add or change)",
		"<strong>2</strong> with problems",
	} {
		if !strings.Contains(preview, w) {
			t.Errorf("the preview does not say %q", w)
		}
	}
}
