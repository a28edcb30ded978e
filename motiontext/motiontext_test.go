package motiontext

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	cases := []struct {
		src  string
		want Text
	}{
		{"", Text{}},
		{"One.\n\n  Two  words.\n", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: "One."}}}, {Kind: Paragraph, Runs: []Run{{Text: "Two words."}}}}}},
		{"# Title\n## Sub\n### Third\n#### four", Text{Blocks: []Block{
			{Kind: Heading, Level: 1, Runs: []Run{{Text: "Title"}}},
			{Kind: Heading, Level: 2, Runs: []Run{{Text: "Sub"}}},
			{Kind: Heading, Level: 3, Runs: []Run{{Text: "Third"}}},
			{Kind: Paragraph, Runs: []Run{{Text: "#### four"}}},
		}}},
		{"- a\n* b\n+ c\n12. d\n3) e\n1.5 f", Text{Blocks: []Block{
			{Kind: Bullet, Runs: []Run{{Text: "a"}}},
			{Kind: Bullet, Runs: []Run{{Text: "b"}}},
			{Kind: Bullet, Runs: []Run{{Text: "c"}}},
			{Kind: Numbered, Number: "12", Runs: []Run{{Text: "d"}}},
			{Kind: Numbered, Number: "3", Runs: []Run{{Text: "e"}}},
			{Kind: Paragraph, Runs: []Run{{Text: "1.5 f"}}},
		}}},
		{"a *b* **c** ***d*** _e_ snake_case_name 2*3*4", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{
			{Text: "a "}, {Text: "b", Style: Emph}, {Text: " "}, {Text: "c", Style: Strong}, {Text: " "}, {Text: "d", Style: Emph | Strong},
			{Text: " "}, {Text: "e", Style: Emph}, {Text: " snake_case_name 2"}, {Text: "3", Style: Emph}, {Text: "4"},
		}}}}},
		{`\*not\* * alone * \_x\_ back\slash`, Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: `*not* * alone * _x_ back\slash`}}}}}},
		{"*a **b** c*", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: "a", Style: Emph}, {Text: " "}, {Text: "b", Style: Emph | Strong}, {Text: " "}, {Text: "c", Style: Emph}}}}}},
		{"**a***b*", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: "a", Style: Strong}, {Text: "b", Style: Emph}}}}}},
		{"- \n#", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: "-"}}}, {Kind: Paragraph, Runs: []Run{{Text: "#"}}}}}},
		{"Съезд\u00a0постановляет:\tодобрить.", Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{{Text: "Съезд\u00a0постановляет: одобрить."}}}}}},
	}
	for _, c := range cases {
		got, err := Parse(c.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q)\n got %#v\nwant %#v", c.src, got, c.want)
		}
		again, err := Parse(got.Markdown())
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("Parse(%q).Markdown() = %q reads back as %#v (%v)", c.src, got.Markdown(), again, err)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		src string
		err error
		msg string
	}{
		{"ok\nbell\a", ErrControl, "motiontext: control character U+0007 in line 2; only line breaks and tabs may be in a text"},
		{"a\u2028b", ErrControl, "motiontext: control character U+2028 in line 1; only line breaks and tabs may be in a text"},
		{"\xff", ErrEncoding, "motiontext: not UTF-8: the text is not valid UTF-8"},
	} {
		_, err := Parse(c.src)
		if !errors.Is(err, c.err) || err.Error() != c.msg {
			t.Errorf("Parse(%q) = %v; want %q", c.src, err, c.msg)
		}
	}
}

// lineTexts is each line's number, marker and text, as the pages show them.
func lineTexts(t Text, width int) []string {
	var out []string
	for _, l := range Lines(t, width) {
		m := ""
		if l.First {
			m = t.Blocks[l.Block].Marker()
		}
		parts := []string{itoa(l.Number)}
		if m != "" {
			parts = append(parts, m)
		}
		out = append(out, strings.Join(append(parts, t.LineText(l)), " "))
	}
	return out
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestLines(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		width int
		want  []string
	}{
		{"short", "The congress resolves.", 30, []string{"1 The congress resolves."}},
		{"wrap at spaces", "The congress of the union resolves to raise the dues by two per cent from January.", 30, []string{
			"1 The congress of the union",
			"2 resolves to raise the dues by",
			"3 two per cent from January.",
		}},
		{"cyrillic counts letters, not bytes", "Конференция признаёт необходимость всемерной поддержки Совета рабочих депутатов.", 30, []string{
			"1 Конференция признаёт",
			"2 необходимость всемерной",
			"3 поддержки Совета рабочих",
			"4 депутатов.",
		}},
		{"combining marks take no cell", "Приня\u0301ть резолю\u0301цию о войне и мире без аннексий и контрибуций.", 32, []string{
			"1 Приня\u0301ть резолю\u0301цию о войне и мире",
			"2 без аннексий и контрибуций.",
		}},
		{"a long word is cut", "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung ist lang.", 20, []string{
			"1 Donaudampfschifffahr",
			"2 tsgesellschaftskapit",
			"3 änswitwenrentenversi",
			"4 cherung ist lang.",
		}},
		{"break after a hyphen between letters", "The well-established, long-standing practice of twenty-one branches.", 24, []string{
			"1 The well-established,",
			"2 long-standing practice",
			"3 of twenty-one branches.",
		}},
		{"no break at a no-break space", "Dues rise by 10\u00a0per\u00a0cent in every branch of the union.", 22, []string{
			"1 Dues rise by",
			"2 10\u00a0per\u00a0cent in every",
			"3 branch of the union.",
		}},
		{"wide characters take two cells", "大会决定提高会费百分之二并在一月起实施此项决议全文如下", 20, []string{
			"1 大会决定提高会费百分",
			"2 之二并在一月起实施此",
			"3 项决议全文如下",
		}},
		{"blocks and lists", "# Dues\nThe congress resolves:\n1. to raise the dues by two per cent from January;\n- to review them each year.", 30, []string{
			"1 Dues",
			"2 The congress resolves:",
			"3 1. to raise the dues by two per",
			"4 cent from January;",
			"5 • to review them each year.",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := lineTexts(MustParse(c.src), c.width)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
			for _, l := range Lines(MustParse(c.src), c.width) {
				w := 0
				for _, r := range MustParse(c.src).LineText(l) {
					w += cells(r)
				}
				if w > max(c.width, MinWidth) {
					t.Errorf("line %d has %d cells, more than %d", l.Number, w, c.width)
				}
			}
		})
	}
}

// TestLinesCoverText: the lines of each block follow each other with no
// gap and cover it whole, at every width.
func TestLinesCoverText(t *testing.T) {
	text := MustParse(longText)
	for w := MinWidth; w < 120; w += 7 {
		next := map[int]int{}
		for _, l := range Lines(text, w) {
			if l.From != next[l.Block] || l.To <= l.From {
				t.Fatalf("width %d: line %d is [%d, %d) of block %d, expected to start at %d", w, l.Number, l.From, l.To, l.Block, next[l.Block])
			}
			next[l.Block] = l.To
		}
		for bi, b := range text.Blocks {
			if next[bi] != b.Len() {
				t.Fatalf("width %d: the lines of block %d end at %d of %d", w, bi, next[bi], b.Len())
			}
		}
	}
}

const longText = `# Resolution on wages
The congress of the union, having heard the report of the executive, resolves:
1. to demand of the employers' association a rise of all wages by six per cent from the first of January, and of the apprentices' pay by ten per cent;
2. to open negotiations on the *shorter working week* without loss of pay;
3. to instruct the executive to report to the next congress on the results.
- Съезд поручает правлению добиваться заключения коллективного договора.
The congress calls on **all members** to support the demands.`

func TestLineSpanAndSlice(t *testing.T) {
	text := MustParse(longText)
	sp, err := LineSpan(text, 40, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	if first, last := LinesOf(text, 40, sp); first != 3 || last != 4 {
		t.Errorf("LinesOf(LineSpan(3, 4)) = %d, %d", first, last)
	}
	if got := text.Slice(sp).Plain(); got != "the report of the executive, resolves:\n1. to demand of the employers' association" {
		t.Errorf("Slice = %q", got)
	}
	for _, c := range []struct {
		from, to int
		err      error
		msg      string
	}{
		{0, 2, ErrNoLine, "motiontext: no such line: lines 0 to 2 are no range of lines; give the first line and the last, from 1"},
		{5, 4, ErrNoLine, "motiontext: no such line: lines 5 to 4 are no range of lines; give the first line and the last, from 1"},
		{20, 40, ErrNoLine, "motiontext: no such line: the text has 15 lines; there is no line 40"},
	} {
		_, err := LineSpan(text, 40, c.from, c.to)
		if !errors.Is(err, c.err) || err.Error() != c.msg {
			t.Errorf("LineSpan(%d, %d) = %v; want %q", c.from, c.to, err, c.msg)
		}
	}
	if _, err := BlockSpan(text, 2, 9); !errors.Is(err, ErrNoParagraph) || err.Error() != "motiontext: no such paragraph: the text has 7 paragraphs; there is no paragraph 9" {
		t.Errorf("BlockSpan(2, 9) = %v", err)
	}
	if _, err := LineSpan(Text{}, 40, 1, 1); !errors.Is(err, ErrNoLine) {
		t.Errorf("LineSpan of an empty text = %v", err)
	}
}

const dues = `The congress resolves to raise the dues by two per cent from January and to keep the strike fund at its present level.
The executive reports each year on the dues and on the fund.`

// TestApply: changes by lines and by paragraphs, applied together,
// adjacent and not, give the expected text whatever their order.
func TestApply(t *testing.T) {
	text := MustParse(dues)
	// At width 30:
	// 1 The congress resolves to raise
	// 2 the dues by two per cent from
	// 3 January and to keep the strike
	// 4 fund at its present level.
	// 5 The executive reports each
	// 6 year on the dues and on the
	// 7 fund.
	span := func(a, b int) Span {
		sp, err := LineSpan(text, 30, a, b)
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	para := func(a, b int) Span {
		sp, err := BlockSpan(text, a, b)
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	cases := []struct {
		name  string
		edits []Edit
		want  string
	}{
		{"one line", []Edit{{span(2, 2), MustParse("the dues by three per cent from")}},
			"The congress resolves to raise the dues by three per cent from January and to keep the strike fund at its present level.\nThe executive reports each year on the dues and on the fund."},
		{"adjacent lines, both applied", []Edit{{span(3, 4), MustParse("March.")}, {span(2, 2), MustParse("the dues by one per cent from")}},
			"The congress resolves to raise the dues by one per cent from March.\nThe executive reports each year on the dues and on the fund."},
		{"lines deleted", []Edit{{span(3, 3), Text{}}},
			"The congress resolves to raise the dues by two per cent from fund at its present level.\nThe executive reports each year on the dues and on the fund."},
		{"across paragraphs", []Edit{{span(4, 5), MustParse("fund as it is.\n- The executive reports twice a")}},
			"The congress resolves to raise the dues by two per cent from January and to keep the strike fund as it is.\n- The executive reports twice a year on the dues and on the fund."},
		{"a paragraph replaced by a list", []Edit{{para(2, 2), MustParse("The executive reports:\n1. each year on the dues;\n2. each month on the fund.")}},
			"The congress resolves to raise the dues by two per cent from January and to keep the strike fund at its present level.\nThe executive reports:\n1. each year on the dues;\n2. each month on the fund."},
		{"a paragraph deleted", []Edit{{para(1, 1), Text{}}}, "The executive reports each year on the dues and on the fund."},
		{"emphasis kept", []Edit{{span(6, 7), MustParse("year on the dues and on the *strike* fund.")}},
			"The congress resolves to raise the dues by two per cent from January and to keep the strike fund at its present level.\nThe executive reports each year on the dues and on the *strike* fund."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Apply(text, c.edits)
			if err != nil {
				t.Fatal(err)
			}
			if got.Markdown() != c.want {
				t.Errorf("\n got %q\nwant %q", got.Markdown(), c.want)
			}
			// The order of the edits does not matter.
			rev := append([]Edit(nil), c.edits...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if again, _ := Apply(text, rev); again.Markdown() != got.Markdown() {
				t.Errorf("in the other order: %q", again.Markdown())
			}
		})
	}
	if _, err := Apply(text, []Edit{{span(2, 3), Text{}}, {span(3, 4), Text{}}}); !errors.Is(err, ErrOverlap) {
		t.Errorf("overlapping changes: %v", err)
	}
	if _, err := Apply(text, []Edit{{Span{Pos{5, 0}, Pos{5, 1}}, Text{}}}); !errors.Is(err, ErrSpan) {
		t.Errorf("a span outside the text: %v", err)
	}
	if !span(2, 2).Overlaps(span(2, 3)) || span(2, 2).Overlaps(span(3, 3)) || span(3, 3).Overlaps(span(2, 2)) {
		t.Error("Overlaps is wrong for overlapping or adjacent lines")
	}
}

func TestWordDiff(t *testing.T) {
	got := WordDiff("raise the dues by two per cent", "raise the dues by three per cent")
	want := []Seg{{Equal, "raise the dues by "}, {Delete, "two"}, {Insert, "three"}, {Equal, " per cent"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %v\nwant %v", got, want)
	}
	// Words of every script are units; a word's letters are never split.
	got = WordDiff("Съезд постановляет одобрить", "Съезд постановил одобрить")
	want = []Seg{{Equal, "Съезд "}, {Delete, "постановляет"}, {Insert, "постановил"}, {Equal, " одобрить"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %v\nwant %v", got, want)
	}
}

// TestWordDiffBounded: two long texts that differ throughout are not
// compared word by word (which would take long), but shown whole.
func TestWordDiffBounded(t *testing.T) {
	old := strings.Repeat("alpha beta ", 2000)
	nw := strings.Repeat("gamma delta ", 2000)
	got := WordDiff(old, nw)
	if len(got) != 2 || got[0] != (Seg{Delete, old}) || got[1] != (Seg{Insert, nw}) {
		t.Errorf("got %d segments", len(got))
	}
}

// BenchmarkWordDiffLargest is the largest word diff plenum computes: two
// texts of 500 tokens each (250 words) that differ throughout.
func BenchmarkWordDiffLargest(b *testing.B) {
	old := strings.Repeat("alpha beta ", 125)
	nw := strings.Repeat("gamma delta ", 125)
	for b.Loop() {
		WordDiff(old, nw)
	}
}

func TestDiffLines(t *testing.T) {
	text := MustParse(dues)
	sp, _ := LineSpan(text, 30, 2, 3)
	got := DiffLines(text, 30, sp, MustParse("the dues by three per cent from February and to keep the strike"))
	want := []DiffLine{
		{Number: 2, Segs: []Seg{{Equal, "the dues by "}, {Delete, "two"}, {Insert, "three"}, {Equal, " per cent from"}}},
		{Number: 3, Segs: []Seg{{Delete, "January"}, {Insert, "February"}, {Equal, " and to keep the strike"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %#v\nwant %#v", got, want)
	}
	// Inserted paragraphs are marked.
	sp, _ = LineSpan(text, 30, 6, 7)
	got = DiffLines(text, 30, sp, MustParse("year on the dues and on the fund.\nThe executive publishes its accounts."))
	want = []DiffLine{{Number: 6, Segs: []Seg{{Equal, "year on the dues and on the"}}}, {Number: 7, Segs: []Seg{{Equal, "fund."}, {Insert, "¶ The executive publishes its accounts."}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %#v\nwant %#v", got, want)
	}
}

// TestTouchingStyledRuns: two styled runs with nothing between them are
// written apart, or their delimiters merge and read as other runs (found by
// FuzzParse: emphasis, both, emphasis was written "*0****0****0*"); a
// literal separator in the text is escaped and stays text.
func TestTouchingStyledRuns(t *testing.T) {
	text := Text{Blocks: []Block{{Kind: Paragraph, Runs: []Run{
		{Text: "0", Style: Emph}, {Text: "0", Style: Emph | Strong}, {Text: "0", Style: Emph}, {Text: "1", Style: Strong},
		{Text: " x <!----> y"}}}}}
	md := text.Markdown()
	if want := "*0*<!---->***0***<!---->*0*<!---->**1** x \\<!----> y"; md != want {
		t.Errorf("Markdown %q, want %q", md, want)
	}
	if again := MustParse(md); !reflect.DeepEqual(again, text) {
		t.Errorf("%q reads as %#v", md, again)
	}
	// More styled runs in a block than the parser's budget of failed
	// searches: each finds its partner at once and costs nothing.
	many := strings.TrimSpace(strings.Repeat("*a* **b** ", maxSearches))
	if again := MustParse(MustParse(many).Markdown()); len(again.Blocks[0].Runs) != 4*maxSearches-1 {
		t.Errorf("%d styled runs read back as %d runs", 2*maxSearches, len(again.Blocks[0].Runs))
	}
	if got := MustParse("a<!---->b").Plain(); got != "ab" {
		t.Errorf("the separator reads as %q, want nothing", got)
	}
}

// FuzzParse: any text reads back from its canonical Markdown, its lines
// cover it, and replacing any line by its own source changes nothing.
func FuzzParse(f *testing.F) {
	for _, s := range []string{longText, dues, "*a**b***", "**a***b*", "_x_y", "1. a\n2) *b* \\* c", "- \n# \n## x", "*0**0**0*", "*a*<!---->**b**", "\\<!---->"} {
		f.Add(s, 30)
	}
	f.Fuzz(func(t *testing.T, src string, width int) {
		text, err := Parse(src)
		if err != nil {
			return
		}
		again, err := Parse(text.Markdown())
		if err != nil || !reflect.DeepEqual(again, text) {
			t.Fatalf("%q: its Markdown %q reads as %#v", src, text.Markdown(), again)
		}
		width = MinWidth + abs(width)%100
		for _, l := range Lines(text, width) {
			if !utf8.ValidString(text.LineText(l)) {
				t.Fatalf("line %d is not UTF-8", l.Number)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// BenchmarkParseLoneMarkers: a long line of markers without partners is
// read in time linear in its length (the searches are bounded).
func BenchmarkParseLoneMarkers(b *testing.B) {
	src := strings.Repeat("*a _b ", 20000)
	for b.Loop() {
		MustParse(src)
	}
}

// BenchmarkLines numbers the lines of a text of about 100 kB, the longest
// a motion may have, at 80 characters.
func BenchmarkLines(b *testing.B) {
	text := MustParse(strings.Repeat(longText+"\n", 100000/len(longText)))
	for b.Loop() {
		Lines(text, 80)
	}
}
