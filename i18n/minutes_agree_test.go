package i18n

import (
	"strings"
	"testing"
)

// TestOutcomeAgrees: a carried or defeated vote is stated in one form in
// each language: the minutes' result line (minutes.outcome8.*, md/8 and
// after) and the pages' outcome word (web.word.*, the projector's
// "APROBADA") in the form the result's arithmetic ends in
// (minutes.status.*: "…; aprobada"). Spanish gave "Aprobado." and
// "APROBADO" beside "aprobada". French is left out: its minutes give the
// invariable "Adopté." and make the arithmetic agree (minutes package,
// neutralOutcome), while the pages' arithmetic still ends in "adoptée".
func TestOutcomeAgrees(t *testing.T) {
	for _, lang := range []string{"en", "de", "ru", "es"} {
		l := For(lang)
		for _, o := range []string{"carried", "defeated"} {
			status := l.T("minutes.status." + o)
			if w := l.T("web.word." + o); w != status {
				t.Errorf("%s: the pages say %q beside the arithmetic's %q", lang, w, status)
			}
			line := l.T("minutes.outcome8." + o)
			if strings.ToLower(strings.TrimSuffix(line, ".")) != strings.ToLower(status) {
				t.Errorf("%s: the minutes say %q beside the arithmetic's %q", lang, line, status)
			}
			if a := l.T("minutes.akn8." + o); strings.ToLower(a) != strings.ToLower(status) {
				t.Errorf("%s: Akoma Ntoso says %q beside the arithmetic's %q", lang, a, status)
			}
		}
		if u, c := l.T("minutes.outcome8.carried_unanimously"), l.T("minutes.status.carried"); !strings.Contains(strings.ToLower(u), strings.ToLower(c)) {
			t.Errorf("%s: the minutes say %q beside the arithmetic's %q", lang, u, c)
		}
	}
}
