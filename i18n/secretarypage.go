package i18n

func init() { register(secretaryPageMessages) }

// secretaryPageMessages are the words of the secretaries' page
// (web/templates/secretary.html): the entry a correction corrects, named
// above the form that holds its text; a result in the list of the latest
// entries, which names the vote it is the result of.
var secretaryPageMessages = []Msg{
	// Above the correction form, before the entry it corrects as the
	// list shows it.
	{Key: "web.s.correcting",
		En: "Correcting entry %d:",
		De: "Berichtigung von Eintrag %d:",
		Ru: "Исправление записи %d:",
		Fr: "Rectification de l'entrée %d :",
		Es: "Corrección de la entrada %d:"},
	// A result in the secretary's list of the latest entries: the
	// question put to the vote, then the count and the outcome.
	{Key: "web.e.result_on",
		En: "Result on “%s”: %s.",
		De: "Ergebnis zu „%s“: %s.",
		Ru: "Результат по вопросу «%s»: %s.",
		Fr: "Résultat sur « %s » : %s.",
		Es: "Resultado sobre «%s»: %s."},
}
