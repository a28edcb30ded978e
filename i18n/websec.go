package i18n

func init() { register(websecMessages) }

// websecMessages are the words of the secretary's speech form about the
// floor turn its notes belong to (web/templates/secretary.html): under
// the choice of the turn, and the refusal of a turn given to another
// than the speaker chosen (web.otherSpeakersTurn).
var websecMessages = []Msg{
	// Under the choice of the floor turn, after web.s.floor_note.
	{Key: "web.s.floor_speaker",
		En: "The speaker must be the turn's, or left unnamed (the notes are then the turn's speaker's).",
		De: "Der Redner muss der des Beitrags sein oder ungenannt bleiben (die Notizen gelten dann dem Redner des Beitrags).",
		Ru: "Оратор должен быть тем, кому дано это слово, или не указан (тогда запись относится к выступавшему).",
		Fr: "L'orateur doit être celui du tour de parole, ou rester non nommé (les notes sont alors celles de l'orateur du tour).",
		Es: "El orador debe ser el del turno, o quedar sin nombrar (las notas son entonces del orador del turno)."},
	// The refusal (inside web.refused) of notes sent with a floor turn
	// and another speaker: the turn's entry, its speaker, the speaker
	// chosen.
	{Key: "web.s.turn_of_another",
		En: "The floor turn chosen (entry %d) was given to %s, but the speaker chosen is %s: choose the turn's speaker, leave the speaker unnamed, or choose another turn",
		De: "Der gewählte Redebeitrag (Eintrag %d) wurde %s erteilt, als Redner ist aber %s gewählt: Wählen Sie den Redner des Beitrags, lassen Sie den Redner ungenannt oder wählen Sie einen anderen Beitrag",
		Ru: "У выбранного выступления (запись %d) оратор: %s, а выбран оратор: %s. Выберите оратора этого выступления, не указывайте оратора или выберите другое выступление",
		Fr: "Le tour de parole choisi (entrée %d) a été donné à %s, mais l'orateur choisi est %s : choisissez l'orateur du tour, laissez l'orateur non nommé ou choisissez un autre tour",
		Es: "El turno de palabra elegido (entrada %d) se dio a %s, pero el orador elegido es %s: elija al orador del turno, deje al orador sin nombrar o elija otro turno"},
}
