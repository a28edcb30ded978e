package i18n_test

import (
	"regexp"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/i18n"
)

// TestCryptoRefusalArguments: the refusals of encrypted votes whose
// arguments were English (what package ballot refused and its error, the
// state of a vote, its method) read in every language with none of the
// English, the error's code kept; English reads as the rules wrote it.
func TestCryptoRefusalArguments(t *testing.T) {
	env := commandLine
	setup := append(annAndBob(),
		env("open_sitting", "ann", `{"id":"s1","date":"2026-05-09","chair":"ann"}`),
		env("open_vote", "ann", `{"id":"v1","question":"Q","method":"encrypted","trustees":["ann","bob"],"trustee_quorum":1}`))
	cases := []struct {
		name, line, english string
		de, ru, fr, es      string
	}{
		{"a ballot error", env("post_trustee_key", "ann", `{"vote":"v1","key":{"index":1}}`),
			`the trustee's key is refused (malformed): `,
			"abgelehnt: der Schlüssel des Treuhänders (malformed): die Kodierung ist fehlerhaft",
			"отклонено: ключ доверенного лица (malformed): неверная кодировка",
			"refusé : la clé du dépositaire (malformed) : l'encodage est mal formé",
			"rechazado: la clave del depositario (malformed): la codificación está mal formada"},
		{"a vote's state", env("withdraw_vote", "ann", `{"vote":"v1","reason":"opened by mistake"}`) + "\n" + env("post_trustee_key", "ann", `{"vote":"v1","key":{"index":1}}`),
			"the vote v1 is withdrawn; its key ceremony is over",
			"die Abstimmung v1 ist zurückgezogen; ihre Schlüsselzeremonie ist vorbei",
			"голосование v1 отменено; церемония создания ключа окончена",
			"le vote v1 est retiré ; sa cérémonie des clés est terminée",
			"la votación v1 está retirada; su ceremonia de claves ha terminado"},
		{"an election's state", env("open_election", "ann", `{"id":"e1","title":"T","seats":1,"method":"plurality","candidates":["ann","bob"],"encrypted":true,"trustees":["ann","bob"],"trustee_quorum":1}`) + "\n" +
			env("withdraw_election", "ann", `{"election":"e1","reason":"opened by mistake"}`) + "\n" + env("post_trustee_key", "ann", `{"election":"e1","key":{"index":1}}`),
			"the election e1 is withdrawn; its key ceremony is over",
			"die Wahl e1 ist zurückgezogen; ihre Schlüsselzeremonie ist vorbei",
			"выборы e1 отменены; церемония создания ключа окончена",
			"l'élection e1 est retirée ; sa cérémonie des clés est terminée",
			"la elección e1 está retirada; su ceremonia de claves ha terminado"},
		{"a vote's method", env("open_vote", "ann", `{"id":"v2","question":"Q","method":"show_of_hands"}`) + "\n" + env("post_trustee_key", "ann", `{"vote":"v2","key":{"index":1}}`),
			"the vote v2 is not encrypted (method show of hands)",
			"die Abstimmung v2 ist nicht verschlüsselt (Verfahren „Handzeichen“)",
			"", "", ""},
	}
	englishWord := regexp.MustCompile(`\b(is|refused|key|trustee|malformed encoding|encoding|withdrawn|closed|show of hands)\b`)
	for _, c := range cases {
		e := refusal(t, append(setup, strings.Split(c.line, "\n")...)...)
		if !strings.HasPrefix(e.Msg, c.english) {
			t.Errorf("%s in English: %q, want it to start %q", c.name, e.Msg, c.english)
		}
		if got := i18n.For("en").Refusal(e.Format, e.Args, e.Msg); got != e.Msg {
			t.Errorf("%s in English: %q, want the rules' own %q", c.name, got, e.Msg)
		}
		for lang, want := range map[string]string{"de": c.de, "ru": c.ru, "fr": c.fr, "es": c.es} {
			got := i18n.For(lang).Refusal(e.Format, e.Args, e.Msg)
			if want != "" && got != want {
				t.Errorf("%s in %s:\n got %q\nwant %q", c.name, lang, got, want)
			}
			if w := englishWord.FindString(strings.ReplaceAll(got, "(malformed)", "")); w != "" {
				t.Errorf("%s in %s: the English %q is left in %q", c.name, lang, w, got)
			}
		}
	}
}

// commandLine is a command to the assembly "c" as a line of a script.
func commandLine(cmd, actor, args string) string {
	return `{"cmd":"` + cmd + `","assembly":"c","actor":"` + actor + `","at":"2026-05-09T10:00:00Z","args":` + args + `}`
}

// annAndBob are the lines that make the assembly "c" with its
// administrator ann and bob.
func annAndBob() []string {
	return []string{
		commandLine("create_assembly", "ann", `{"id":"c","name":"C","starts":"2026-05-09","rules":"congress"}`),
		commandLine("add_person", "ann", `{"id":"ann","name":"Ann"}`),
		commandLine("add_person", "ann", `{"id":"bob","name":"Bob"}`),
	}
}

// TestEveryBallotCodeSaid fails on a code of package ballot's errors
// whose meaning the catalog does not say, which a refusal and the
// encrypted ballot's page show in another language.
func TestEveryBallotCodeSaid(t *testing.T) {
	keys := map[string]bool{}
	for _, m := range i18n.Messages() {
		keys[m.Key] = true
	}
	for _, c := range ballot.Codes() {
		if !keys["ballot.error."+c] {
			t.Errorf("the catalog does not say what the ballot error %q means (ballot.error.%s)", c, c)
		}
	}
}
