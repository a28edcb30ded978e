package motiontext

import (
	"errors"
	"strings"
	"testing"
)

// TestChangedLines: two edits in one paragraph show as one run of lines,
// an edit of another paragraph as another, each line numbered as in the
// text; untouched paragraphs are left out; what the lines read after the
// changes is what Apply gives; overlapping edits are refused.
func TestChangedLines(t *testing.T) {
	text := MustParse("The congress demands:\n1. a rise of all wages by six per cent from January;\n2. the shorter week of thirty-five hours;\n3. a collective agreement for the digital presses.")
	a, _ := LineSpan(text, 30, 2, 2) // "a rise of all wages by six per"
	b, _ := LineSpan(text, 30, 3, 3) // "cent from January;"
	c := Span{From: Pos{3, 0}, To: Pos{3, text.Blocks[3].Len()}}
	edits := []Edit{{Span: c, New: MustParse("a collective agreement for all presses.")}, {Span: b, New: MustParse("cent from March;")}, {Span: a, New: MustParse("a rise of all wages by eight per ")}}
	got, err := ChangedLines(text, 30, edits)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range got {
		var s strings.Builder
		for _, sg := range l.Segs {
			s.WriteString([]string{"", "-", "+"}[sg.Op] + sg.Text + "|")
		}
		lines = append(lines, l.Marker+" "+s.String())
	}
	want := []string{
		"1. a rise of all wages by |-six|+eight| per|", // line 2
		" cent from |-January|+March|;|",               // line 3
		"3. a collective agreement for |-the|",         // line 6
		" -digital|+all| presses.|",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("the changed lines:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got[0].Number != 2 || got[1].Number != 3 || got[2].Number != 6 || len(got) != 4 {
		t.Errorf("numbered %d, %d, %d (%d lines); want 2, 3, 6, 7", got[0].Number, got[1].Number, got[2].Number, len(got))
	}
	if _, err := ChangedLines(text, 30, append(edits, Edit{Span: b})); !errors.Is(err, ErrOverlap) {
		t.Errorf("overlapping edits: %v", err)
	}
}
