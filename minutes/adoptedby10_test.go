package minutes

import (
	"strings"
	"testing"

	"plenum/i18n"
)

// TestAdoptedByNotRepeated: a document whose title names who adopted it
// does not say so again (md/10, html/11, akn/10): "Resolution of the
// Moscow District Committee", not "… (adopted by the Moscow District
// Committee)"; one whose title does not name them still says it ("On the
// organizational tasks in the village (read by Victor P. Nogin; adopted by
// the Moscow Regional Conference)"), in every language.
func TestAdoptedByNotRepeated(t *testing.T) {
	d := march(t)
	render := func(d *Document, format string, version int) string {
		dd := *d
		dd.render.version = version
		out, err := Render(&dd, format)
		if err != nil {
			t.Fatal(err)
		}
		return strings.NewReplacer(`\`, "", "&#39;", "'").Replace(string(out))
	}
	now := []string{
		"Resolution of the Bureau of the Central Committee on the Provisional Government (read by Stalin)",
		"Resolution of the Helsingfors Committee of the SDLPR (read by S. A. Garin)",
		"On the organizational tasks in the village (read by Victor P. Nogin; adopted by the Moscow Regional Conference)",
	}
	for _, f := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		s := render(d, f, 0)
		for _, w := range now {
			if !strings.Contains(s, w) {
				t.Errorf("%s: no %q", f, w)
			}
		}
		if strings.Contains(s, "(adopted by the Moscow District Committee)") || strings.Contains(s, "adopted by the Krasnoyarsk Soviet") {
			t.Errorf("%s says again who adopted a document its title names", f)
		}
		if old := render(d, f, readSince[f]-1); !strings.Contains(old, "Resolution of the Moscow District Committee (adopted by the Moscow District Committee)") {
			t.Errorf("%s/%d no longer says who adopted it as it did", f, readSince[f]-1)
		}
	}
	for _, lang := range []string{"de", "ru", "fr", "es"} {
		s := string(Markdown(BuildIn(march1917.f.state, march1917.f.cp, lang)))
		by := i18n.For(lang).T("minutes.document.adopted_by", "Moscow District Committee")
		if strings.Contains(s, by) {
			t.Errorf("%s says %q after the title that names it", lang, by)
		}
		if by := i18n.For(lang).T("minutes.document.adopted_by", "Moscow Regional Conference"); !strings.Contains(s, by) {
			t.Errorf("%s: no %q", lang, by)
		}
	}
}
