package minutes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestRussianOvertakenIsNotWithdrawn: in Russian, md/9, html/10 and
// akn/9 say a motion overtaken by another decision lapsed by it
// ("отпала в связи с другим решением"), not that it was withdrawn
// ("снята другим решением"), as md/8, html/9 and akn/8 said and still
// say when they render again.
func TestRussianOvertakenIsNotWithdrawn(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("..", "testdata", "congress-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f := replayScript(t, "congress-2026.jsonl", script)
	d := BuildIn(f.state, f.cp, "ru")
	const now, was = "Поправка «These demands» отпала в связи с другим решением", "Поправка «These demands» снята другим решением"
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(out); !strings.Contains(s, now) || strings.Contains(s, was) {
			t.Errorf("%s/%d: not %q, or still %q", format, RendererVersion(format), now, was)
		}
		old := *d
		old.render.version = toldSince[format] - 1 // the version before md/9, html/10 and akn/9
		out, err = Render(&old, format)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(out); !strings.Contains(s, was) || strings.Contains(s, now) {
			t.Errorf("%s/%d does not say %q as it did", format, old.render.version, was)
		}
	}
	// A motion set overtaken by the chair, in the narrative of its paper.
	b := &builder{s: f.state, l: i18n.For("ru")}
	r := assembly.RecordEntry{Kind: "motion_state_set", Sub: assembly.MotionStatusOvertaken, Ref: "w1-lena"}
	if t8 := b.paperNarrative(r); !strings.Contains(t8, "снято другим решением") {
		t.Errorf("md/8's paper narrative: %q", t8)
	}
	b.now9 = true
	if t9 := b.paperNarrative(r); !strings.Contains(t9, "отпало в связи с другим решением") {
		t.Errorf("md/9's paper narrative: %q", t9)
	}
}
