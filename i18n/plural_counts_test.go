package i18n

import (
	"strings"
	"testing"
)

// TestCountsTakeTheirPluralForm: the command line's counts, and the
// pages' counts of ballots cast and of an import or set-up that failed
// part-way, take the CLDR plural form of their number, in German as in
// Russian ("1 Eintrag und 1 Prüfpunkt", never "1 Einträge und 1
// Prüfpunkte"; "1 von 3 hat abgestimmt", "проголосовал 21 из 30").
func TestCountsTakeTheirPluralForm(t *testing.T) {
	log := func(lang string, entries, checkpoints int) string {
		l := For(lang)
		return l.T("cli.verify.log", "o", l.T("cli.verify.n_entries", entries), l.T("cli.verify.n_checkpoints", checkpoints))
	}
	cases := []struct{ got, want string }{
		{log("de", 1, 1), "o: 1 Eintrag und 1 Prüfpunkt geprüft"},
		{log("de", 2, 3), "o: 2 Einträge und 3 Prüfpunkte geprüft"},
		{log("en", 1, 1), "o: 1 entry, 1 checkpoint verified"},
		{log("ru", 1, 1), "o: проверено: 1 запись, 1 контрольная точка"},
		{log("ru", 3, 2), "o: проверено: 3 записи, 2 контрольные точки"},
		{log("ru", 11, 25), "o: проверено: 11 записей, 25 контрольных точек"},
		{log("fr", 1, 2), "o : 1 entrée et 2 points de contrôle vérifiés"},
		{log("es", 2, 1), "o: 2 entradas y 1 punto de control verificados"},
		{For("de").T("cli.verify.ok", 1, For("de").T("cli.verify.n_entries", 1), "x", "k", "1s"), "OK: 1 Versammlung, 1 Eintrag; x (Schlüssel k) in 1s"},
		{For("ru").T("cli.verify.ok", 2, For("ru").T("cli.verify.n_entries", 21), "x", "k", "1s"), "OK: 2 собрания, 21 запись; x (ключ k) за 1s"},
		{For("de").T("cli.verify.blobs", 1), ", 1 Inhalt gesondert gespeichert"},
		{For("en").T("cli.verify.blobs", 1), ", 1 payload stored apart"},
		{For("de").T("cli.export.too_big", 1, "1", "5"), "das Log hat 1 Eintrag; einen Prüfpunkt der Größe 5 gibt es nicht"},
		{For("en").T("cli.export.too_big", 2, "2", "5"), "the log has 2 entries; there is no checkpoint of size 5"},
		{For("en").T("cli.import.recorded", 1, "2ms"), "recorded 1 command in one batch (2ms)"},
		{For("ru").T("cli.import.admins", "c", 2, "a, b"), "у собрания c 2 администратора (a, b); укажите в --actor, от чьего имени выполняется импорт"},
		{For("ru").T("cli.import.admins", "c", 5, "a, b"), "у собрания c 5 администраторов (a, b); укажите в --actor, от чьего имени выполняется импорт"},
		{For("de").T("web.err.import_failed", 1), "Der Server konnte den Import nicht festhalten; 1 Befehl wurde festgehalten. Laden Sie die Datei erneut hoch: Bereits Festgehaltenes wird erkannt und bleibt, wie es ist."},
		{For("en").T("web.err.row_failed", 7, "refused.", 1), "Row 7 could not be recorded: refused. 1 command before it was recorded; upload the file again to finish."},
		{For("de").T("web.su.partly_recorded", 1, 3), "Der Server konnte dies nicht festhalten; 1 von 3 Befehlen wurde festgehalten. Laden Sie die Seite neu, um zu sehen, was vorhanden ist."},
		{For("de").T("web.p.have_voted", 1, 3), "1 von 3 hat abgestimmt"},
		{For("ru").T("web.c.present_of", 21, 30), "сейчас присутствует 21 из 30"},
		{For("ru").T("web.c.present_of", 22, 30), "сейчас присутствуют 22 из 30"},
		{For("fr").T("web.c.present_of", 1, 30), "1 sur 30 présent maintenant"},
		{For("es").T("web.q.present", 1), "1 presente"},
		{For("ru").T("web.q.present", 5), "присутствуют 5"},
		{For("de").T("web.p.have_voted", 2, 3), "2 von 3 haben abgestimmt"},
		{For("en").T("web.p.have_voted", 1, 3), "1 of 3 has voted"},
		{For("ru").T("web.p.have_voted", 21, 30), "проголосовал 21 из 30"},
		{For("ru").T("web.p.have_voted", 5, 30), "проголосовали 5 из 30"},
		{For("ru").T("web.c.voted_of", 1, 3), "проголосовал 1 из 3"},
		{For("fr").T("web.c.announce_vote", "Q", "ouvert", 1), "Q : ouvert, 1 a voté."},
		{For("es").T("web.hc.voted_present", 2, 3, 5), "han votado 2 de 3 presentes (5 con derecho a voto)"},
		{For("ru").T("web.hc.voted_of_present", 21, 30), "проголосовал 21 из 30 присутствующих"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	const ru = "ключ подписи k отсутствует, а база данных PostgreSQL уже содержит 2 журнала, подписанных для s. "
	if got := For("ru").T("cli.serve.key_missing", "k", "база данных PostgreSQL", 2, "s", "d"); !strings.HasPrefix(got, ru) {
		t.Errorf("%q, want it to start %q", got, ru)
	}
}
