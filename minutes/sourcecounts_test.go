package minutes

import (
	"strings"
	"testing"
)

// TestWhatPlenumWorkedOutIsMarked: where the 1917 minutes give a count
// ("For – 38; against – 26"), the votes cast, the votes needed and the
// outcome reckoned from them are plenum's, not the secretaries': every
// format marks them so, in the document's language, with the source's
// counts outside the mark and its own words on the outcome after it; an
// outcome the chair declared where the count does not decide is not
// marked. A count made in a sitting whose attendance plenum records (the
// cooperative's, by tellers) keeps the line as the rules wrote it.
func TestWhatPlenumWorkedOutIsMarked(t *testing.T) {
	want := map[string][]string{
		"en": {"Result: 38 for, 26 against [worked out by plenum: 64 cast; 33 needed; carried].",
			"Result: after 3 ballots: 74 for, 66 against [worked out by plenum: 140 cast; 71 needed; carried]. After three ballots. The motion to come out against the resolution of the Executive Committee is adopted.",
			"Result: the majority against [worked out by plenum: defeated]. The majority is against discussion.",
			"Result: unanimous [worked out by plenum: carried]. Unanimously adopted.",
			"Result: 62–68 for, 66–70 against; the count does not decide, and the chair declares it carried."},
		"de": {"Ergebnis: 38 dafür, 26 dagegen [von plenum ermittelt: 64 abgegeben; 33 nötig; angenommen]."},
		"ru": {"Результат: за – 38, против – 26 [выведено программой plenum: подано голосов – 64; необходимо – 33; принято]."},
		"fr": {"38 pour, 26 contre [établi par plenum : 64 suffrages exprimés ; 33 requis ; adopté]."}, // "adoptée" before md/8, html/9, akn/8
		"es": {"38 a favor, 26 en contra [deducido por plenum: 64 votos emitidos; se necesitan 33; aprobada]."},
	}
	for lang, wants := range want {
		readingFormats(t, in(t, marchFixture(t), lang), func(format, text string) {
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("the %s minutes of 1917 (%s) do not say, marked, what plenum worked out: want %q", lang, format, w)
				}
			}
		})
	}
	readingFormats(t, coop(t), func(format, text string) {
		if !strings.Contains(text, "Result: 9 for, 2 against, 11 cast; 8 needed (two thirds of the votes cast); carried.") || strings.Contains(text, "worked out by plenum") {
			t.Errorf("the cooperative's count by its tellers (%s) does not keep the rules' line", format)
		}
	})
}
