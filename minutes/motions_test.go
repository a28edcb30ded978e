package minutes

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"plenum/motiontext"
)

var congressDoc *Document

// congress returns the document of the printers' congress
// (testdata/congress-2026.jsonl): motions submitted, supported,
// recommended, amended by lines and carried.
func congress(t testing.TB) *Document {
	t.Helper()
	if congressDoc == nil {
		script, err := os.ReadFile(filepath.Join("..", "testdata", "congress-2026.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		f := replayScript(t, "congress-2026.jsonl", script)
		congressDoc = Build(f.state, f.cp)
	}
	return congressDoc
}

func motionOf(t *testing.T, d *Document, id string) *Motion {
	t.Helper()
	for i := range d.Motions {
		if d.Motions[i].ID == id {
			return &d.Motions[i]
		}
	}
	t.Fatalf("no motion %s", id)
	return nil
}

// want is every numbered line of a motion's text and of a resolution, as
// "N text", straight from package motiontext.
func wantLines(t *testing.T, src string, width int) []string {
	text := motiontext.MustParse(src)
	var out []string
	for _, l := range motiontext.Lines(text, width) {
		s := text.LineText(l)
		if m := text.Blocks[l.Block].Marker(); m != "" && l.First {
			s = m + " " + s
		}
		out = append(out, strconv.Itoa(l.Number)+" "+s)
	}
	return out
}

// TestLineNumbersAgree: the numbered lines of a long motion with a list,
// and of its resolution as carried, are the same in the Markdown, HTML,
// PDF and Akoma Ntoso documents as package motiontext numbers them.
func TestLineNumbersAgree(t *testing.T) {
	d := congress(t)
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	w1 := f.state.Motions["w1"]
	want := append(wantLines(t, w1.Text, 80), wantLines(t, w1.Resolution, 80)...)
	if len(want) < 20 || w1.Resolution == "" {
		t.Fatalf("the fixture has %d lines and resolution %q", len(want), w1.Resolution)
	}
	has := func(format string, got []string) {
		t.Helper()
		idx := 0
		for _, g := range got {
			if idx < len(want) && g == want[idx] {
				idx++
			}
		}
		if idx < len(want) {
			t.Errorf("%s: line %q is missing or out of order; the lines it shows:\n%s", format, want[idx], strings.Join(got, "\n"))
		}
	}
	// Markdown: "> `N` text\".
	var md []string
	unmd := strings.NewReplacer("\\", "", "*", "", "~~", "")
	for _, l := range strings.Split(string(Markdown(d)), "\n") {
		if m := regexp.MustCompile("^> `(\\d+)` (.*?)\\\\?$").FindStringSubmatch(l); m != nil {
			md = append(md, m[1]+" "+unmd.Replace(strings.ReplaceAll(m[2], "\\\\", "\x00")))
		}
	}
	has("markdown", md)
	// HTML: <p class="ln"><span class="n">N</span>text</p>.
	var hl []string
	tags := regexp.MustCompile(`<[^>]+>`)
	for _, m := range regexp.MustCompile(`<p class="ln[^"]*"><span class="n">(\d+)</span>(.*)</p>`).FindAllStringSubmatch(string(HTML(d)), -1) {
		hl = append(hl, m[1]+" "+html.UnescapeString(tags.ReplaceAllString(m[2], "")))
	}
	has("html", hl)
	// PDF: the number in ASCII, then the line's parts in UTF-16.
	out, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	has("pdf", pdfLines(out))
	// Akoma Ntoso: each line ends with <eol number="N"/>.
	var al []string
	eol := regexp.MustCompile(`<eol number="(\d+)"/>`)
	for _, p := range regexp.MustCompile(`<p>(.*<eol number="\d+"/>)</p>`).FindAllStringSubmatch(string(AKN(d)), -1) {
		rest := p[1]
		for loc := eol.FindStringSubmatchIndex(rest); loc != nil; loc = eol.FindStringSubmatchIndex(rest) {
			al = append(al, rest[loc[2]:loc[3]]+" "+html.UnescapeString(tags.ReplaceAllString(rest[:loc[0]], "")))
			rest = rest[loc[1]:]
		}
	}
	has("akn", al)
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfLines reads the numbered lines from an uncompressed PDF: a string of
// ASCII digits shown is a line number; the UTF-16 strings after it, to the
// next ASCII string, are its text.
func pdfLines(pdf []byte) []string {
	var out []string
	cur, y := -1, 0.0
	for _, m := range regexp.MustCompile(`BT [\d.]+ ([\d.]+) Td \(((?:\\.|[^\\)])*)\)\s*Tj`).FindAllSubmatch(pdf, -1) {
		raw := unescapePDF(m[2])
		switch {
		case regexp.MustCompile(`^\d+$`).Match(raw):
			out = append(out, string(raw)+" ")
			cur = len(out) - 1
			y, _ = strconv.ParseFloat(string(m[1]), 64)
			continue
		case cur >= 0 && sameLine(string(m[1]), y) && len(raw)%2 == 0 && bytes.IndexByte(raw, 0) >= 0:
			u := make([]uint16, len(raw)/2)
			for i := range u {
				u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
			}
			out[cur] += string(utf16.Decode(u))
			continue
		}
		cur = -1
	}
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

// sameLine reports whether text at the baseline s is on the line at y
// (fonts of different sizes on one line have baselines a little apart).
func sameLine(s string, y float64) bool {
	v, _ := strconv.ParseFloat(s, 64)
	return v > y-2 && v < y+2
}

func unescapePDF(b []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out.WriteByte(b[i])
			continue
		}
		i++
		switch c := b[i]; {
		case c == 'n':
			out.WriteByte('\n')
		case c == 'r':
			out.WriteByte('\r')
		case c == 't':
			out.WriteByte('\t')
		case c >= '0' && c <= '7':
			n := 0
			for k := 0; k < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				n = n*8 + int(b[i]-'0')
				i++
			}
			i--
			out.WriteByte(byte(n))
		default:
			out.WriteByte(c)
		}
	}
	return out.Bytes()
}

// TestAKNMotionsValidate: the congress's Akoma Ntoso, with its <mod>s,
// <eol>s and <amendment> attachments, is valid Akoma Ntoso 3.0.
func TestAKNMotionsValidate(t *testing.T) {
	xsd := filepath.Join(sharedDir(t), "schemas", "akoma-ntoso-3.0", "akomantoso30.xsd")
	if _, err := os.Stat(xsd); err != nil {
		requireTool(t, "no Akoma Ntoso schema: %v (set PLENUM_SHARED)", err)
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		requireTool(t, "xmllint is not installed (apt-get install libxml2-utils)")
	}
	doc := AKN(congress(t))
	for _, want := range []string{`<amendment name="w1-hans">`, `<mod eId="mod-w1-hans">`, `<quotedText>`, `<del>`, `<ins>`, `<eol number="12"/>`, `<debateSection name="resolution" eId="resolution-w1">`} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("no %s in the Akoma Ntoso", want)
		}
	}
	path := filepath.Join(t.TempDir(), "congress.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--schema", xsd, path).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, firstLines(string(out), 20))
	}
}

// TestMotionBook: the book holds every motion with its amendments and the
// committee's advice; one motion's paper holds that motion only.
func TestMotionBook(t *testing.T) {
	d := congress(t)
	book := string(BookHTML(d, ""))
	for _, want := range []string{"<h2>Wages and working time</h2>", "<h3>W1 Wages and working time</h3>", "<h4>W1/1 The mail rooms too</h4>",
		"The Motions Committee recommends: adopt as amended.", "Submitted by Berlin district (Bruno Berliner).",
		"<h3>D1 Elections by secret ballot</h3>", "Status: withdrawn.", "<del>two</del><ins>three</ins>",
		"The resolution as carried, with the amendments W1/3, W1/3/1, W1/2, W1/1 applied:", "<h3>Draft of the executive on the dues</h3>"} {
		if !strings.Contains(book, want) {
			t.Errorf("the motion book has no %q", want)
		}
	}
	one := string(BookHTML(d, "w2"))
	if !strings.Contains(one, "W2 A general strike fund") || strings.Contains(one, "W1 Wages") {
		t.Errorf("the paper of w2 is not w2 alone")
	}
	pdf, err := BookPDF(d, "")
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("book PDF: %v", err)
	}
	again, _ := BookPDF(d, "")
	if !bytes.Equal(pdf, again) {
		t.Error("two renders of the motion book differ")
	}
	if m := motionOf(t, d, "w1-lena"); m.Status != "overtaken" {
		t.Errorf("w1-lena is %s", m.Status)
	}
}
