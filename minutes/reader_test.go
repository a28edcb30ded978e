package minutes

import (
	"strings"
	"testing"
)

// These tests read the rendered minutes as a reader does: what a line
// says must be what the record says, no more and no less.

// mdText is the Markdown of the demo, the March 1917 conference.
func mdText(t *testing.T) string {
	t.Helper()
	return string(Markdown(march(t)))
}

// TestSittingNoteWithHeading: the note of a sitting (why its date is
// inferred) stands with its heading lines, right after the date, so that
// an inferred date does not read as one the source gives.
func TestSittingNoteWithHeading(t *testing.T) {
	s := Sitting{Date: "1917-03-29", Note: "Date inferred; the minutes date no sitting."}
	lines := s.HeadLines()
	if len(lines) < 2 || lines[0] != "Date: 1917-03-29." || lines[1] != "Note: Date inferred; the minutes date no sitting." {
		t.Errorf("head lines = %q, want the date and then its note", lines)
	}
	md := mdText(t)
	if !strings.Contains(md, "Date: 1917-03-29.\n\nNote: Date inferred; the minutes date no sitting.") {
		t.Error("the first sitting's inferred date is shown without its note")
	}
}
