package minutes

import (
	"strings"
	"testing"
)

// TestOrganizationNoteByItsName: in the 1917 list of delegates an
// organization's note (the editor's reading of its printed name) follows
// the organization's name, before the colon (md/10, html/11, akn/10):
// after its last delegate, where md/9 put it, it read as a note on that
// delegate, beside the delegates' own notes ("10) Gamel: P. N. Sevruk*
// (also written Sevrtik) (Printed 'Gamel'; presumably Gomel)").
func TestOrganizationNoteByItsName(t *testing.T) {
	d := march(t)
	now := []string{
		"7) Vitebs (Printed 'Vitebs'; presumably Vitebsk): J. Abolin",
		"10) Gamel (Printed 'Gamel'; presumably Gomel): P. N. Sevruk* (also written Sevrtik)",
		"32) Nikolayev (The list has no number 33: it goes from 32 (Nikolayev) to 34 (Nikitovka)): Nicolai M. Mandelstam*",
	}
	was := []string{
		"7) Vitebs: J. Abolin (Printed 'Vitebs'; presumably Vitebsk)",
		"10) Gamel: P. N. Sevruk* (also written Sevrtik) (Printed 'Gamel'; presumably Gomel)",
		"Adolf Klepner* (The list has no number 33: it goes from 32 (Nikolayev) to 34 (Nikitovka))",
	}
	render := func(format string, version int) string {
		dd := *d
		dd.render.version = version
		out, err := Render(&dd, format)
		if err != nil {
			t.Fatal(err)
		}
		return strings.NewReplacer(`\`, "", "&#39;", "'").Replace(string(out))
	}
	for _, f := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		for v, want := range map[int][]string{0: now, readSince[f] - 1: was} {
			s := render(f, v)
			for _, w := range want {
				if !strings.Contains(s, w) {
					t.Errorf("%s (version %d, 0: this one): no %q", f, v, w)
				}
			}
		}
	}
	// In French the colon after the note is set as the French set it.
	fr := Markdown(BuildIn(march1917.f.state, march1917.f.cp, "fr"))
	if !strings.Contains(string(fr), "Vitebs (Printed 'Vitebs'; presumably Vitebsk) : J. Abolin") {
		t.Error("fr: the organization's note is not before the colon")
	}
}
