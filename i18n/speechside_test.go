package i18n_test

import (
	"testing"

	"plenum/i18n"
)

// TestSpeechSideTranslated: the side of a speech for or against a
// procedural motion is said in the refusal's language, not inserted in
// English ("zu p1 wurde bereits against gesprochen" before).
func TestSpeechSideTranslated(t *testing.T) {
	env := commandLine
	lines := []string{
		env("create_assembly", "ann", `{"id":"c","name":"Konferenz","starts":"2026-05-09","rules":"congress","language":"de"}`),
		env("add_organization", "ann", `{"id":"org","name":"Org","kind":"delegating"}`),
		env("add_person", "ann", `{"id":"ann","name":"Ann"}`),
		env("add_person", "ann", `{"id":"cara","name":"Cara"}`),
		env("add_person", "ann", `{"id":"m1","name":"M1"}`),
		env("add_person", "ann", `{"id":"m2","name":"M2"}`),
		env("grant_role", "ann", `{"person":"cara","role":"mandate_commission"}`),
	}
	for _, p := range []string{"m1", "m2"} {
		lines = append(lines,
			env("submit_mandate", "cara", `{"id":"md-`+p+`","person":"`+p+`","organization":"org","kind":"decisive"}`),
			env("verify_mandate", "cara", `{"mandate":"md-`+p+`"}`))
	}
	lines = append(lines,
		env("open_sitting", "ann", `{"id":"s1","date":"2026-05-09","chair":"ann"}`),
		env("add_item", "ann", `{"id":"i1","title":"Krieg"}`),
		env("take_up_item", "ann", `{"item":"i1"}`),
		env("move_motion", "m1", `{"id":"p1","kind":"procedural","procedure":"close_discussion","title":"Schluss","item":"i1"}`),
		env("give_floor", "ann", `{"item":"i1","person":"m1","motion":"p1","side":"against"}`),
		env("end_speech", "ann", `{"item":"i1"}`),
		env("give_floor", "ann", `{"item":"i1","person":"m2","motion":"p1","side":"against"}`))
	e := refusal(t, lines...)
	for lang, want := range map[string]string{
		"de": "zu p1 wurde bereits dagegen gesprochen; je ein Redebeitrag dafür und dagegen zu einem Geschäftsordnungsantrag",
		"ru": "по p1 уже выступили (против); по процедурному предложению – одно выступление за и одно против",
		"fr": "p1 a déjà eu son intervention (contre) ; une intervention pour et une contre une motion de procédure",
		"es": "p1 ya tuvo su intervención (en contra); una intervención a favor y una en contra de una moción de procedimiento",
		"en": "p1 has already had its speech against; one speech for and one against a procedural motion",
	} {
		if got := i18n.For(lang).Refusal(e.Format, e.Args, e.Msg); got != want {
			t.Errorf("in %s: %s\nwant %s", lang, got, want)
		}
	}
}
