package i18n_test

import (
	"strings"
	"testing"

	"plenum/i18n"
)

// TestRefusalArguments builds refusals through the rules whose arguments
// were English words (the offices a person holds, whom an id is reserved
// for, what a mandate is, a vote's threshold and what it decides, the
// vote in a withdrawal) and checks that the German and the Russian hold
// none of those words, and that English still reads as the rules wrote it.
func TestRefusalArguments(t *testing.T) {
	env := commandLine
	setup := append(annAndBob(),
		env("grant_role", "ann", `{"person":"bob","role":"mandate_commission"}`),
		env("add_person", "ann", `{"id":"m1","name":"M"}`),
		env("submit_mandate", "bob", `{"id":"md1","person":"m1","kind":"decisive"}`),
		env("open_sitting", "ann", `{"id":"s1","date":"2026-05-09","chair":"ann"}`))
	cases := []struct {
		name    string
		line    string
		de, ru  string
		english []string // words of the English arguments
	}{
		{"reserved id", env("add_person", "ann", `{"id":"admin","name":"A"}`),
			`die ID "admin" ist für die Serveradministration reserviert und kann keiner Person gehören; wählen Sie eine andere ID`,
			`идентификатор "admin" зарезервирован (администратор сервера) и не может принадлежать лицу; выберите другой`,
			[]string{"server", "administrator"}},
		{"offices", env("issue_access_codes", "bob", `{"persons":["ann"]}`),
			"ann hat ein Amt inne (Administration, Sitzungsleitung): Zugangscodes für Funktionsträger gibt nur die Serveradministration aus, damit niemand als eine andere Person handeln kann",
			"ann занимает должность (администратор, председатель заседания): коды доступа для должностных лиц выдаёт только администратор сервера, чтобы никто из них не мог действовать от имени другого",
			[]string{"administrator", "chair", "sitting"}},
		{"what a mandate is", env("amend_mandate", "bob", `{"mandate":"md1","kind":"decisive"}`),
			"die Änderung ändert nichts, das Mandat md1 lautet bereits: mit beschließender Stimme, persönlich (von keiner Organisation), Stimmgewicht 1",
			"изменение ничего не меняет — мандат md1 уже таков: с решающим голосом, личный (не от организации), вес голоса 1",
			[]string{"decisive", "organization", "personally", "weight"}},
		{"threshold", env("open_vote", "ann", `{"id":"v1","question":"Q","method":"show_of_hands","threshold":"two_thirds_cast"}`),
			"nach der Geschäftsordnung wird über die Frage mit folgender Mehrheit abgestimmt: die Mehrheit der abgegebenen Stimmen, nicht zwei Drittel der abgegebenen Stimmen; um davon abzuweichen, halten Sie die Entscheidung des Vorsitzes fest (ruling) oder nennen Sie den angenommenen Antrag auf Aussetzung der Geschäftsordnung (suspension)",
			"по регламенту вопрос ставится на голосование по правилу: большинство поданных голосов, а не две трети поданных голосов; чтобы отступить от него, запишите решение председателя (ruling) или укажите принятое предложение о приостановке действия регламента (suspension)",
			[]string{"question", "majority", "thirds", "votes cast"}},
		{"withdrawal", env("open_vote", "ann", `{"id":"v1","question":"Q","method":"show_of_hands"}`) + "\n" + env("withdraw_vote", "ann", `{"vote":"v1","reason":" "}`),
			"geben Sie an, warum die Abstimmung zurückgezogen wird (reason)",
			"укажите, почему голосование отменяется (reason)",
			[]string{"vote", "withdrawn"}},
		{"the states of a motion", env("set_submission_deadline", "ann", `{"deadline":"2026-05-10T12:00:00Z"}`) + "\n" + env("submit_motion", "ann", `{"id":"d1","title":"Dues","text":"The dues are halved."}`) + "\n" + env("set_motion_state", "ann", `{"motion":"d1","state":"pending"}`),
			"der Ablauf führt nicht von „eingereicht“ zu „in Beratung“; ein Antrag mit dem Status „eingereicht“ kann übergehen in: „zugelassen“, „nicht zugelassen“ oder „zurückgezogen“",
			"порядок рассмотрения не ведёт из «внесено» в «на рассмотрении»; предложение со статусом «внесено» может перейти в: «допущено», «не допущено» или «снято»",
			[]string{"submitted", "pending", "admitted", "withdrawn", " or "}},
	}
	for _, c := range cases {
		e := refusal(t, append(setup, strings.Split(c.line, "\n")...)...)
		for lang, want := range map[string]string{"de": c.de, "ru": c.ru} {
			got := i18n.For(lang).Refusal(e.Format, e.Args, e.Msg)
			if got != want {
				t.Errorf("%s in %s:\n got %q\nwant %q", c.name, lang, got, want)
			}
			for _, w := range c.english {
				if strings.Contains(got, w) {
					t.Errorf("%s in %s: the English %q is left in %q", c.name, lang, w, got)
				}
			}
		}
		if got := i18n.For("en").Refusal(e.Format, e.Args, e.Msg); got != e.Msg {
			t.Errorf("%s in English: %q, want the rules' own %q", c.name, got, e.Msg)
		}
	}
}
