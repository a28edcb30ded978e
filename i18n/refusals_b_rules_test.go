package i18n_test

import (
	"strings"
	"testing"
	"time"

	"plenum/i18n"
)

// TestRefusalsBFromRules renders refusals of the second group that the
// rules themselves make (refusal, in refusals_c_test.go), in Russian and
// German, so that the test fails if a key of refusals_b.go drifts from the
// template assembly writes: a language tag, a reference too long (the
// Russian plural of its limit, and %.20q cutting Cyrillic at 20 letters),
// the registrars written out in the language, and a deadline.
func TestRefusalsBFromRules(t *testing.T) {
	at := time.Date(1917, 3, 27, 10, 0, 0, 0, time.UTC).Format(time.RFC3339)
	env := func(cmd, actor, args string) string {
		return `{"cmd":"` + cmd + `","assembly":"conf","actor":"` + actor + `","at":"` + at + `","args":` + args + `}`
	}
	create := env("create_assembly", "ann", `{"id":"conf","name":"All-Russian Conference","starts":"1917-03-27","rules":"congress"}`)
	ref := strings.Repeat("ж", 60) // 120 bytes, over the 100 a reference may have
	scripts := [][]string{
		{env("create_assembly", "ann", `{"id":"conf","name":"All-Russian Conference","starts":"1917-03-27","rules":"congress","language":"russian"}`)},
		{create, env("add_person", "ann", `{"id":"bob","name":"Bob","ref":"`+ref+`"}`)},
		{create, env("add_person", "ann", `{"id":"bob","name":"Bob"}`), env("amend_person", "bob", `{"person":"bob","name":"Robert"}`)},
		{create, env("set_submission_deadline", "ann", `{"deadline":"tomorrow"}`)},
	}
	// What a person reads, one refusal a line.
	want := map[string]string{
		"ru": `"russian" — не код языка: укажите, например, en, de, fr-CA или pt-BR
учётный номер "` + ref[:40] + `"… длиннее 100 байт
изменять данные лиц может только администратор, секретарь или мандатная комиссия
срок должен быть моментом времени вида 2026-05-01T18:00:00+02:00, а не "tomorrow"`,
		"de": `"russian" ist keine Sprachkennung: Geben Sie eine wie en, de, fr-CA oder pt-BR an
die Referenz "` + ref[:40] + `"… ist länger als 100 Bytes
nur die Administration, die Schriftführung oder die Mandatsprüfungskommission darf Personen ändern
die Frist muss ein Zeitpunkt wie 2026-05-01T18:00:00+02:00 sein, nicht "tomorrow"`,
	}
	read := map[string][]string{}
	var english []string
	for _, lines := range scripts {
		e := refusal(t, lines...)
		for _, lang := range []string{"ru", "de", "en"} {
			read[lang] = append(read[lang], i18n.For(lang).Refusal(e.Format, e.Args, e.Msg))
		}
		english = append(english, e.Msg)
	}
	for lang, w := range want {
		if got := strings.Join(read[lang], "\n"); got != w {
			t.Errorf("in %s:\n%s\nwant\n%s", lang, got, w)
		}
	}
	if got, w := strings.Join(read["en"], "\n"), strings.Join(english, "\n"); got != w {
		t.Errorf("in English:\n%s\nwant the messages as they stand\n%s", got, w)
	}
}
