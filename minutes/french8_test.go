package minutes

import (
	"bytes"
	"html"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrenchTypographySince8: md/8, html/9 and akn/8 set the French space
// before the semicolon of the venues, of an election's count, of a
// change of the presidium and of who read and adopted a document, and
// before the colon of a rejected mandate participating personally, as
// the French minutes do elsewhere; and the outcome of a result the chair
// declared without a count, or that plenum worked out, in the one form
// the result's line gives ("Adopté." … "proclamé : adopté", not
// "adoptée"). The renderers before (md/7, html/8, akn/7) render as they
// did.
func TestFrenchTypographySince8(t *testing.T) {
	type want struct{ now, before string }
	check := func(name string, d *Document, wants []want) {
		t.Helper()
		readingFormats(t, d, func(format, got string) {
			for _, w := range wants {
				if !strings.Contains(got, w.now) {
					t.Errorf("%s %s: the minutes lack %q", name, format, w.now)
				}
				if strings.Contains(got, w.before) {
					t.Errorf("%s %s: the minutes give %q as the renderers before did", name, format, w.before)
				}
			}
		})
		earlierVersions8(t, d, func(stamp string, got []byte) {
			s := strings.Join(strings.Fields(html.UnescapeString(strings.ReplaceAll(string(got), `\`, ""))), " ")
			for _, w := range wants {
				if !strings.Contains(s, w.before) {
					t.Errorf("%s %s no longer gives %q as it did", name, stamp, w.before)
				}
			}
		})
	}
	check("march-1917", in(t, marchFixture(t), "fr"), []want{
		{"Kshesinskaia Palace ; Tauride Palace (the gallery).", "Kshesinskaia Palace; Tauride Palace (the gallery)."},
		{"aucun décompte consigné ; proclamé : adopté. The minutes record", "aucun décompte consigné ; proclamé : adoptée. The minutes record"},
		{"64 suffrages exprimés ; 33 requis ; adopté]", "64 suffrages exprimés ; 33 requis ; adoptée]"},
		{"Entrent au bureau : Khinchuk ; Khinchuk prend la présidence.", "Entrent au bureau : Khinchuk; Khinchuk prend la présidence."},
		// (md/10 no longer says who adopted the Bureau's resolution, whose
		// title names the Bureau: the Moscow Regional Conference's.)
		{"(lu par Victor P. Nogin ; adopté par : Moscow Regional Conference)", "(lu par Victor P. Nogin; adopté par : Moscow Regional Conference)"},
	})
	f := replayScript(t, "withdrawn.jsonl", []byte(withdrawnScript))
	check("withdrawn", in(t, f, "fr"), []want{
		{"Vote unique transférable (règles écossaises), 2 bulletins : Starostin 2, Bubnov 0 ; élus : Starostin.", "Bubnov 0; élus : Starostin."},
	})
	one := replayScript(t, "one", []byte(oneScript))
	check("one", in(t, one, "fr"), []want{
		{"Méthode d'Hondt : Left 1 voix, 1 siège ; Right 0 voix, 0 siège ; élus : Ada", "Méthode d'Hondt: Left 1 voix, 1 siège; Right 0 voix, 0 siège; élus : Ada"},
	})
	// Max Keller's mandate, submitted for no organization: he would
	// participate personally.
	script := bytes.Replace(mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl")), []byte(`"person": "max", "organization": "riverside", `), []byte(`"person": "max", `), 1)
	personal := replayScript(t, "coop-2026.jsonl with a mandate for no organization", script)
	check("personal", in(t, personal, "fr"), []want{
		// The cooperative's sittings record who is present: the line
		// is the roll (minutes.personal_roll).
		{"Titulaires d'un mandat à titre personnel : Max Keller (mandat rejeté : not a member since", "(mandat rejeté: not a member since"},
	})
	// Nothing changes in another language.
	readingFormats(t, in(t, personal, "de"), func(format, got string) {
		if !strings.Contains(got, "(Mandat nicht anerkannt: not a member since") {
			t.Errorf("de %s: the personal line is not as it was", format)
		}
	})
}
