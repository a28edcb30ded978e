package minutes

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hostileDoc is a document with text in every place a delegate, an
// organization or a motion's author controls: the assembly's title and
// description, an organization's and a delegate's name, a mark, a sitting's
// and an item's title, a narrative at the start of a line, a speech, a
// motion's title, text and point, the title of a draft voted on and a
// voter's name, a correction and its reason.
func hostileDoc(s string) *Document {
	v := &Vote{ID: "v1", Question: s, Method: "show_of_hands", Declared: true, OutcomeID: "m1", Outcome: "B",
		Options: []Option{{Motion: "m1", Title: s, Count: Count{Min: 38, Max: 38}}, {Motion: "m2", Title: "B", Count: Count{Min: 62, Max: 62}}},
		Ballots: []Ballot{{Voter: Ref{ID: "p1", Name: s}, Choice: "for"}, {Voter: Ref{ID: "p2", Name: "Bo"}, Choice: "against"}}}
	v.Counts = countsText(nil, v, true, nil, false)
	m := &Motion{ID: "m1", Title: s, Text: s + "\n" + s, Mover: Ref{ID: "p1", Name: s}, Points: []Point{{Number: "1", Text: s}}}
	return &Document{ID: "a", Title: s, Lang: "en", Description: s, Starts: "2026-01-01",
		Organizations: []Organization{{ID: "o", Name: s, Delegates: []Delegate{{Person: Ref{ID: "p1", Name: s}}}}},
		Marks:         []Mark{{Symbol: s, Meaning: s}},
		Sittings: []Sitting{{ID: "s1", Title: s, Date: "2026-01-01", Parts: []Part{{Item: &Item{Title: s}, Paragraphs: []Paragraph{
			{Kind: KindNarrative, Entry: 1, Text: s},
			{Kind: KindSpeech, Entry: 2, Speaker: Ref{ID: "p1", Name: s}, Text: s},
			{Kind: KindMotion, Entry: 3, Motion: m},
			{Kind: KindVote, Entry: 4, Vote: v},
			{Kind: KindCorrection, Entry: 5, Text: s, Reason: s, Original: s, Corrects: 2},
		}}}}},
		Checkpoint: Checkpoint{Origin: "plenum.test/log/a", Size: 5, RootHash: "AAAA", VerifierKey: "plenum.test+45c46d5d+AaY3",
			Signed: "plenum.test/log/a\n5\nAAAA\n\n— plenum.test xyz\n", Time: time.Unix(0, 0).UTC()},
	}
}

// mdBlocks are the lines of a Markdown document that start or end a block
// other than a paragraph: headings, fences (``` and ~~~), indented code,
// thematic breaks, list items, HTML blocks, block quotes; with ≤ 3 spaces
// of indentation, as CommonMark allows. A line ending (CR) other than LF
// counts as starting a line too.
var mdBlock = regexp.MustCompile(`^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|` + "```|~~~" + `|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<|>|(?:[-*_=][ \t]*){3,}$)|[ \t]{4,})`)

func mdStructure(md []byte) []string {
	var out []string
	for _, l := range regexp.MustCompile(`\r\n|\r|\n`).Split(string(md), -1) {
		if m := mdBlock.FindString(l); m != "" {
			out = append(out, strings.TrimSpace(m))
		}
	}
	return out
}

// unescapedRef is a character reference not escaped in Markdown.
var unescapedRef = regexp.MustCompile(`(^|[^\\])&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)

// TestMarkdownLoneAmpersandAndTilde: an "&" that begins no character
// reference and a "~" next to no other are written as they are, as they
// were before the others were escaped, so that a document rendered then
// still verifies.
func TestMarkdownLoneAmpersandAndTilde(t *testing.T) {
	const s = "Workers & Allied Trades ~5 % & more"
	if got := md(s); got != s {
		t.Fatalf("md(%q) = %q, want it unchanged", s, got)
	}
	if got, want := md("AT&amp;T ~~x~~ ~~~"), `AT\&amp;T \~\~x\~\~ \~\~\~`; got != want {
		t.Fatalf("md = %q, want %q", got, want)
	}
}

// TestMarkdownHostileText renders text that would, unescaped, make
// Markdown of its own — a heading or a fake "Resolved" line after a
// carriage return (a line ending in CommonMark), a fence that swallows the
// rest of the document and its checkpoint, a heading or code block behind
// leading spaces, entities that show other characters than the record
// holds, strikethrough — and checks that the document has the blocks of
// the same document with plain text in as many lines, that no character reference and no
// pair of tildes reaches the renderer unescaped, and that it stays one paragraph a
// line.
func TestMarkdownHostileText(t *testing.T) {
	for _, s := range []string{
		"a\r# Resolved: adopted unanimously",
		"a\r\n```plenum-checkpoint",
		"~~~plenum-checkpoint",
		"~~~",
		"   # Resolved: adopted",
		"    indented code",
		"\t# tab",
		" - list",
		" 1. list",
		"AT&amp;T &lt;b&gt; &#x202E;&#42;",
		"~~38~~ 83",
		"***",
		" ___",
		"<script>alert(1)</script>",
		"![x](https://evil.example/x.png)",
		"[verified](javascript:alert(1))",
		"| a | b |\n|---|---|",
		"**Carried.** _x_",
		"```plenum-checkpoint\nplenum.test/log/a\n5\nBBBB\n```",
	} {
		// A motion's text keeps its lines: plain text in as many lines.
		plain := mdStructure(Markdown(hostileDoc(strings.TrimSuffix(strings.Repeat("plain\n", strings.Count(s, "\n")+1), "\n"))))
		out := Markdown(hostileDoc(s))
		if got := mdStructure(out); strings.Join(got, "|") != strings.Join(plain, "|") {
			t.Errorf("%q: the document's blocks are\n%q\nwant those of plain text\n%q", s, got, plain)
		}
		if strings.ContainsRune(string(out), '\r') {
			t.Errorf("%q: a carriage return reaches the Markdown", s)
		}
		if m := unescapedRef.FindString(string(out)); m != "" {
			t.Errorf("%q: unescaped %q in the Markdown", s, m)
		}
		if strings.Contains(strings.ReplaceAll(string(out), `\~`, ""), "~~") {
			t.Errorf("%q: unescaped tildes in the Markdown", s)
		}
		st, err := ReadStated(out)
		if err != nil || st.Signed != hostileDoc(s).Checkpoint.Signed {
			t.Errorf("%q: the stated checkpoint reads %q, %v", s, st.Signed, err)
		}
	}
}

// TestBidiStaysInItsField gives a delegate's name and a motion's title a
// right-to-left override (U+202E) that they do not close: unconfined, it
// reverses everything after it to the end of the paragraph, so that a
// reader sees "For: …. Against: …" and the counts after the name reordered
// ("38" as "83"). The rules refuse such text since f9a44ef (2026-12-02),
// but a log written before holds it as it was recorded, and its minutes
// are rendered from it: each text must close what it opens before the
// minutes go on, in every format.
func TestBidiStaysInItsField(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("..", "testdata", "coop-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f := replayScript(t, "coop-2026.jsonl", script)
	// What an earlier log would replay to (the state is this test's own).
	for _, p := range f.state.Persons {
		if p.Name == "Ann Okafor" {
			p.Name += "\u202e"
		}
	}
	for _, m := range f.state.Motions {
		if m.Title == "That the budget for 2026 be adopted as presented" {
			m.Title += "\u202e"
		}
	}
	d := Build(f.state, f.cp)
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN, FormatPopolo} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		n := bytes.Count(out, []byte("\u202e"))
		if n < 3 {
			t.Fatalf("%s: the override is in the document %d times, want the name's and the title's", format, n)
		}
		if closed := bytes.Count(out, []byte("\u202e\u202c")); closed != n {
			t.Errorf("%s: %d of %d overrides are left open", format, n-closed, n)
			for _, l := range strings.Split(string(out), "\n") {
				if strings.Contains(l, "\u202e") && !strings.Contains(l, "\u202e\u202c") {
					t.Logf("%.200q", l)
					break
				}
			}
		}
	}
}

func TestIsolate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\u202eb", "a\u202eb\u202c"},
		{"a\u202eb\u202c", "a\u202eb\u202c"},
		{"\u2067x\u202ay", "\u2067x\u202ay\u202c\u2069"},
		{"\u2067x\u202ay\u2069", "\u2067x\u202ay\u2069"}, // PDI closes the embedding within
		{"\u202c\u2069x", "\u202c\u2069x"},               // closers with nothing open: nothing to add
		{"\u202b\u2066x\u202c", "\u202b\u2066x\u202c\u2069\u202c"},
	} {
		if got := isolate(c.in); got != c.want {
			t.Errorf("isolate(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

// bigScript is the cooperative's meeting up to its first amendment, then
// n amendments to the same motion, each moved and withdrawn (the rules
// allow one pending at a time), and a speech of a megabyte.
func bigScript(t testing.TB, n int) []byte {
	script, err := os.ReadFile(filepath.Join("..", "testdata", "coop-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(bytes.Join(bytes.Split(script, []byte("\n"))[:95], []byte("\n")))
	b.WriteString("\n")
	for i := range n {
		fmt.Fprintf(&b, `{"cmd": "move_motion", "actor": "gus", "at": "2026-05-09T10:31:00+02:00", "args": {"id": "a-x%d", "kind": "amendment", "amends": "m-solar", "title": "Amendment number %d"}}`+"\n", i, i)
		fmt.Fprintf(&b, `{"cmd": "withdraw_motion", "actor": "gus", "at": "2026-05-09T10:31:00+02:00", "args": {"motion": "a-x%d"}}`+"\n", i)
	}
	fmt.Fprintf(&b, `{"cmd": "record_speech", "actor": "ben", "at": "2026-05-09T10:32:00+02:00", "args": {"id": "sp-big", "speaker": "hal", "notes": "%s"}}`+"\n", strings.Repeat("word ", 1<<20/5))
	return b.Bytes()
}

// TestManyAmendments renders a record of 10,000 amendments and a speech
// of a megabyte in every format (BenchmarkBuildManyAmendments times it:
// Build looked, for every motion, through all the others).
func TestManyAmendments(t *testing.T) {
	f := replayScript(t, "big", bigScript(t, 10_000))
	d := Build(f.state, f.cp)
	for _, format := range Formats {
		out, err := Render(d, format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format != FormatPDF && (!bytes.Contains(out, []byte("Amendment number 9999")) || !bytes.Contains(out, []byte(strings.Repeat("word ", 1000)))) {
			t.Errorf("%s: the last amendment or the speech is missing", format)
		}
	}
}

func BenchmarkBuildManyAmendments(b *testing.B) {
	for _, n := range []int{2500, 5000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			f := replayScript(b, "big", bigScript(b, n))
			for b.Loop() {
				Build(f.state, f.cp)
			}
		})
	}
}

// hostileMarkup is text that would, unescaped, make markup of its own in
// HTML or XML, or break JSON.
var hostileMarkup = []string{
	`<script>alert(1)</script>`,
	`<img src="https://evil.example/x.png" onerror="alert(1)">`,
	`" onmouseover="alert(1)`,
	`<style>@font-face{src:url(https://evil.example/f.woff)}</style>`,
	`<a href="javascript:alert(1)">verified</a>`,
	`<p class="vote"><strong>(For – 99; against – 0.) Carried.</strong></p>`,
	`<pre id="plenum-checkpoint">plenum.test/log/a` + "\n5\nBBBB\n" + `</pre>`,
	`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;`,
	`]]><![CDATA[x]]>`,
	`&amp; &#0; &lt;`,
	`<plenum:checkpoint xmlns:plenum="urn:plenum:minutes:1">forged</plenum:checkpoint>`,
	`"}], "x": {"`,
	"\\u0000 \\\" \u2028\u2029",
}

// TestMarkupHostileText checks that text in the record makes no element
// of its own: the HTML and the Akoma Ntoso have the elements and
// attributes of the same document with plain text, the XML is well
// formed, the Popolo is valid JSON that gives the text back as it was, and
// the checkpoint read from each checkable document is the real one.
func TestMarkupHostileText(t *testing.T) {
	// The elements and the names of their attributes, in order.
	tags := regexp.MustCompile(`<[^>]*>`)
	attrs := regexp.MustCompile(`\s([\w:-]+)="[^"]*"`)
	shape := func(out []byte) string {
		var b strings.Builder
		for _, tag := range tags.FindAllString(string(out), -1) {
			b.WriteString(attrs.ReplaceAllString(tag, " $1"))
		}
		return b.String()
	}
	for _, s := range hostileMarkup {
		// A motion's text keeps its lines: plain text in as many lines.
		plain := hostileDoc(strings.TrimSuffix(strings.Repeat("plain\n", strings.Count(s, "\n")+1), "\n"))
		d := hostileDoc(s)
		for _, c := range []struct {
			format     string
			out, plain []byte
		}{{FormatHTML, HTML(d), HTML(plain)}, {FormatAKN, AKN(d), AKN(plain)}} {
			if got, want := shape(c.out), shape(c.plain); got != want {
				t.Errorf("%s, %q: the markup differs from that of plain text:\n%s", c.format, s, FirstDifference([]byte(want), []byte(got)))
			}
			st, err := ReadStated(c.out)
			if err != nil || st.Signed != d.Checkpoint.Signed || st.VerifierKey != d.Checkpoint.VerifierKey {
				t.Errorf("%s, %q: the stated checkpoint reads %q %q, %v", c.format, s, st.Signed, st.VerifierKey, err)
			}
		}
		dec := xml.NewDecoder(bytes.NewReader(AKN(d)))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("akn, %q: not well-formed: %v", s, err)
				break
			}
		}
		out, err := Popolo(d)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Errorf("popolo, %q: %v", s, err)
		} else if !bytes.Contains(out, must(json.Marshal(s))) {
			t.Errorf("popolo, %q: the text is not given back as it was", s)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
