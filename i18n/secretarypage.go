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
	// The speech form's choice of the floor turn the notes belong to,
	// when they are written up after the fact.
	{Key: "web.s.floor_turn",
		En: "Floor turn it belongs to",
		De: "Zugehöriger Redebeitrag",
		Ru: "К какому выступлению относится",
		Fr: "Tour de parole auquel elle se rattache",
		Es: "Turno de palabra al que pertenece"},
	{Key: "web.s.floor_none",
		En: "— none: where recorded —",
		De: "— keiner: wo erfasst —",
		Ru: "— нет: где внесено —",
		Fr: "— aucun : où consigné —",
		Es: "— ninguno: donde se registra —"},
	{Key: "web.s.floor_note",
		En: "Notes written up later (after a vote, say): name the turn, and the minutes put the speech there.",
		De: "Später ausgearbeitete Notizen (etwa nach einer Abstimmung): Nennen Sie den Redebeitrag, und das Protokoll setzt die Rede dorthin.",
		Ru: "Запись, сделанная позже (например, после голосования): укажите выступление, и протокол поставит речь на его место.",
		Fr: "Notes rédigées après coup (après un vote, par exemple) : indiquez le tour de parole, et le procès-verbal y place le discours.",
		Es: "Notas redactadas después (tras una votación, por ejemplo): indique el turno, y el acta pone el discurso en su lugar."},
	// A floor turn in that choice: the speaker, from and to; one still
	// going on, since when.
	{Key: "web.s.turn",
		En: "%s had the floor %s–%s",
		De: "%s hatte das Wort %s–%s",
		Ru: "%s выступал(а) %s–%s",
		Fr: "%s a eu la parole %s–%s",
		Es: "%s tuvo la palabra %s–%s"},
	{Key: "web.s.turn_now",
		En: "%s has the floor since %s",
		De: "%s hat das Wort seit %s",
		Ru: "%s выступает с %s",
		Fr: "%s a la parole depuis %s",
		Es: "%s tiene la palabra desde %s"},
	// Refusals of record_speech naming a floor turn (RecordSpeech.Floor).
	{Key: "entry %d of the record is no floor turn",
		En: "entry %d of the record is no floor turn",
		De: "Eintrag %d des Protokolls ist kein Redebeitrag",
		Ru: "запись %d не является предоставлением слова",
		Fr: "l'entrée %d du registre n'est pas un tour de parole",
		Es: "la entrada %d del registro no es un turno de palabra"},
	{Key: "the floor turn at entry %d is not in this sitting's item",
		En: "the floor turn at entry %d is not in this sitting's item",
		De: "der Redebeitrag in Eintrag %d gehört nicht zu diesem Punkt dieser Sitzung",
		Ru: "выступление в записи %d относится не к этому пункту этого заседания",
		Fr: "le tour de parole de l'entrée %d n'est pas du point de cette séance",
		Es: "el turno de palabra de la entrada %d no es del punto de esta sesión"},
	{Key: "the floor turn at entry %d is another speaker's",
		En: "the floor turn at entry %d is another speaker's",
		De: "der Redebeitrag in Eintrag %d ist der eines anderen Redners",
		Ru: "выступление в записи %d принадлежит другому оратору",
		Fr: "le tour de parole de l'entrée %d est celui d'un autre orateur",
		Es: "el turno de palabra de la entrada %d es de otro orador"},
}
