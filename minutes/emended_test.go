package minutes

import (
	"strings"
	"testing"
)

// TestEditorsEmendationsOfNames: md/9, html/10 and akn/9 give beside a
// delegate's name what the record says of it — the person's note (the
// editor's emendation) and the other spellings the note does not give —
// as they give an organization's note; md/8, html/9 and akn/8 gave the
// name alone and still do when they render again.
func TestEditorsEmendationsOfNames(t *testing.T) {
	d := march(t)
	wants := []string{
		"Leonid P. Serebriakov* (Printed 'Serebnakov' in the list and 'Serebriakov' in the Soldiers' Section; read as one person)",
		"Maryan Verzhbitsky* (also written Maryan Verzhhitsky)",
		"Ivan T. Smilga (consultative vote; the list of those participating personally is run together",
	}
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.NewReplacer(`\`, "", "&#39;", "'").Replace(string(out))
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s/%d: no %q", format, RendererVersion(format), w)
			}
		}
		old := *d
		old.render.version = toldSince[format] - 1 // the version before md/9, html/10 and akn/9
		out, err = Render(&old, format)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(out); strings.Contains(s, "Serebnakov") || strings.Contains(s, "also written") {
			t.Errorf("%s/%d gives the emendations", format, old.render.version)
		}
	}
	// A spelling the note gives already is not said again.
	if strings.Contains(string(Markdown(d)), "also written Leonid P. Serebnakov") {
		t.Error("the other spelling the note gives is said again")
	}
}
