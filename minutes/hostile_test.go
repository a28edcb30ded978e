package minutes

import (
	"regexp"
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
	v.Counts = countsText(nil, v, true, nil)
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

// TestMarkdownHostileText renders text that would, unescaped, make
// Markdown of its own — a heading or a fake "Resolved" line after a
// carriage return (a line ending in CommonMark), a fence that swallows the
// rest of the document and its checkpoint, a heading or code block behind
// leading spaces, entities that show other characters than the record
// holds, strikethrough — and checks that the document has the blocks of
// the same document with plain text in as many lines, that no character reference and no
// tilde reaches the renderer unescaped, and that it stays one paragraph a
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
		if m := regexp.MustCompile(`(^|[^\\])(&|~)`).FindString(string(out)); m != "" {
			t.Errorf("%q: unescaped %q in the Markdown", s, m)
		}
		st, err := ReadStated(out)
		if err != nil || st.Signed != hostileDoc(s).Checkpoint.Signed {
			t.Errorf("%q: the stated checkpoint reads %q, %v", s, st.Signed, err)
		}
	}
}
