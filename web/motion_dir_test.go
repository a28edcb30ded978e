package web_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"plenum/assembly"
	"plenum/motiontext"
)

// rtlParagraph is a paragraph written in Hebrew with words in Latin
// letters in it, long enough to take several lines, one of which (not
// its first) begins with a word in Latin letters.
const rtlParagraph = "הקונגרס מורה להנהלה לפתוח במשא ומתן עם איגוד המעסיקים ועם ILO על הסכם שכר חדש; " +
	"NATO אינו צד להסכם, אך EU תממן את ההכשרה המקצועית של העובדים בשלושה שלבים במשך שנתיים, " +
	"והוועדה תדווח לקונגרס הבא על ביצועו של ההסכם בכל מחוז ומחוז."

// rtlMotionText is a motion's text with a paragraph written left to
// right, then rtlParagraph, then a list item in Arabic.
const rtlMotionText = "The congress instructs the executive as follows.\n" + rtlParagraph + "\n1. زيادة الأجور بنسبة ستة في المائة."

// rtlMotionHall is the congress hall with bruno's motion w9 of
// rtlMotionText, and hans's amendment w9-a changing the lines from the
// second of rtlParagraph to its last; and the numbers of the lines of
// each paragraph of the text (by block), and of the lines the amendment
// changes.
func rtlMotionHall(t *testing.T) (h *hall, blocks map[int][]int, changed []int) {
	h = newCongressHall(t)
	h.must("bruno", "submit_motion", obj{"id": "w9", "title": "Training", "text": rtlMotionText, "delegation": "berlin"})
	text, err := motiontext.Parse(rtlMotionText)
	if err != nil {
		t.Fatal(err)
	}
	width := read(h, func(s *assembly.State) int { return s.LineLength() })
	blocks = map[int][]int{}
	latinStart := false
	for _, l := range motiontext.Lines(text, width) {
		blocks[l.Block] = append(blocks[l.Block], l.Number)
		rs := []rune(text.Blocks[l.Block].Plain())
		if l.Block == 1 && !l.First && unicode.Is(unicode.Latin, rs[l.From]) {
			latinStart = true
		}
	}
	if len(blocks) != 3 || len(blocks[1]) < 3 || !latinStart {
		t.Fatalf("the Hebrew paragraph takes the lines %v of %v, none beginning with a Latin letter but the first", blocks[1], blocks)
	}
	b := blocks[1]
	h.must("hanna", "support_motion", obj{"motion": "w9", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w9", "delegation": "leipzig"})
	h.must("eva", "set_motion_state", obj{"motion": "w9", "state": "admitted"})
	h.must("eva", "set_motion_state", obj{"motion": "w9", "state": "pending"})
	h.must("hans", "move_motion", obj{"id": "w9-a", "kind": "amendment", "amends": "w9", "title": "Funding",
		"change": obj{"from_line": b[1], "to_line": b[len(b)-1], "text": "EU תממן את ההכשרה כולה."}})
	return h, blocks, b[1:]
}

var lineRe = regexp.MustCompile(`<p class="ln[^"]*"( dir="[a-z]+")? data-line="(\d+)">`)

// TestMotionLinesTakeTheirParagraphsDirection: on a motion's page every
// line of a paragraph written right to left, and only those, is marked
// dir="rtl" — the paragraph's direction, also on its line that begins
// with a word in Latin letters — in the text and in the amendment's
// change shown against it; the lines of the paragraph written left to
// right are marked nothing, as before.
func TestMotionLinesTakeTheirParagraphsDirection(t *testing.T) {
	h, blocks, changed := rtlMotionHall(t)
	_, page, _ := h.browser("").get("/a/" + asm + "/motions/w9")
	text, _, ok := strings.Cut(page[strings.Index(page, `id="motion-text"`):], `id="amendments"`)
	if !ok {
		t.Fatal("no text and amendments on the page")
	}
	amendment := page[strings.Index(page, `id="amendment-w9-a"`):]
	amendment = amendment[:strings.Index(amendment, "</article>")]
	want := func(where, html string, lines []int, dirs map[int]string) {
		t.Helper()
		got := map[string]string{}
		for _, m := range lineRe.FindAllStringSubmatch(html, -1) {
			got[m[2]] = m[1]
		}
		for _, n := range lines {
			if d, ok := got[strconv.Itoa(n)]; !ok || d != dirs[n] {
				t.Errorf("%s: line %d is marked %q (shown %v), want %q", where, n, d, ok, dirs[n])
			}
		}
	}
	dirs := map[int]string{}
	for _, n := range blocks[1] {
		dirs[n] = ` dir="rtl"`
	}
	for _, n := range blocks[2] {
		dirs[n] = ` dir="rtl"`
	}
	all := append(append(append([]int(nil), blocks[0]...), blocks[1]...), blocks[2]...)
	want("the text", text, all, dirs)
	want("the amendment's change", amendment, changed, dirs)
}
