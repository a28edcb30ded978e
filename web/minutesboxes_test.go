package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestRecordPointsToTheHTMLMinutes: where the PDF minutes would print a
// name as boxes (an Arabic or Chinese name in the assembly), the record
// page says so beside the formats, and links to the HTML minutes to
// print from the browser; an assembly whose names all print says
// nothing of it.
func TestRecordPointsToTheHTMLMinutes(t *testing.T) {
	h := newHall(t)
	sec := h.browser("sec")
	if _, body, _ := sec.get("/a/coop/record"); strings.Contains(body, "minutes-pdf-boxes") {
		t.Errorf("the record page warns of boxes in the PDF minutes of an assembly whose names all print")
	}
	h.must("admin", "add_person", obj{"id": "li", "name": "李小龙"})
	_, body, _ := sec.get("/a/coop/record")
	note := regexp.MustCompile(`(?s)<p class="msg warn" id="minutes-pdf-boxes">.*?</p>`).FindString(body)
	if !strings.Contains(note, `<a href="/a/coop/minutes/html">the minutes on their own page</a>`) || !strings.Contains(note, "The PDF minutes cannot print some names of this assembly") {
		t.Errorf("the record page does not point to the HTML minutes:\n%s", note)
	}
	if strings.Index(body, `href="/a/coop/minutes/pdf"`) > strings.Index(body, "minutes-pdf-boxes") {
		t.Errorf("the note does not follow the minutes' formats")
	}
}
