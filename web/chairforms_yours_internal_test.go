package web

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestChairPageCommandsAreTheirForms: the commands the banner of each
// chair's page asks the rules about (chairPageCommands) are those its
// template's forms give, so that a form added to a page is not left out
// of what the banner says the viewer may use.
func TestChairPageCommandsAreTheirForms(t *testing.T) {
	forms := regexp.MustCompile(`name="cmd" value="([a-z_]+)"|\(act \. "([a-z_]+)"`)
	for page, listed := range chairPageCommands {
		text, err := os.ReadFile("templates/" + page + ".html")
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, m := range forms.FindAllStringSubmatch(string(text), -1) {
			if c := m[1] + m[2]; !slices.Contains(found, c) {
				found = append(found, c)
			}
		}
		if page == "chair-hall" {
			// The hall's tab shows the form of record_attendance from the
			// shared template "record-attendance" (parts.html).
			found = append(found, "record_attendance")
		}
		slices.Sort(found)
		want := slices.Clone(listed)
		slices.Sort(want)
		if !slices.Equal(found, want) {
			t.Errorf("%s: the forms give %v, the banner asks of %v", page, found, want)
		}
	}
}
