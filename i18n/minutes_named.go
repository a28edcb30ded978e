package i18n

// The words of the minutes md/7, html/8 and akn/7 add: a turn on the floor
// the secretary wrote no notes of, those still on the list of speakers
// when the discussion was closed, the mandate commission, why an
// amendment was overtaken (as plenum records it, in English), and the
// label of a line of the checkpoint with the language's colon.
var minutesNamed = []Msg{
	// A turn on the floor without notes: the minutes name the speaker.
	{Key: "minutes.floor.spoke", En: "%s spoke.", De: "%s sprach.", Ru: "Выступление: %s.", Fr: "%s a pris la parole.", Es: "%s hizo uso de la palabra."},
	{Key: "minutes.floor.spoke_point_of_order", En: "%s spoke on a point of order.", De: "%s sprach zur Geschäftsordnung.", Ru: "К порядку ведения: %s.", Fr: "%s a pris la parole pour un rappel au règlement.", Es: "%s hizo uso de la palabra por una cuestión de orden."},
	{Key: "minutes.floor.asked", En: "%s put a question to the speaker.", De: "%s stellte eine Frage an den Redner.", Ru: "Вопрос выступающему: %s.", Fr: "%s a posé une question à l'orateur.", Es: "%s formuló una pregunta al orador."},
	// The discussion closed while some were still on the list of speakers.
	{Key: "minutes.rule.discussion_closed_list", En: "The discussion was closed; still on the list: %s.", De: "Die Aussprache ist geschlossen; noch auf der Rednerliste: %s.", Ru: "Прения прекращены; в списке ораторов оставались: %s.", Fr: "La discussion est close ; restaient inscrits : %s.", Es: "Se cierra el debate; quedaban en la lista de oradores: %s."},
	// The mandate commission, with the mandates.
	{Key: "minutes.commission", En: "Mandate commission: %s.", De: "Mandatsprüfungskommission: %s.", Ru: "Мандатная комиссия: %s.", Fr: "Commission de vérification des mandats : %s.", Es: "Comisión de credenciales: %s."},
	// Why an amendment was overtaken, as plenum records it: the carried
	// amendment (its title in quotation marks), the lines it changed, the
	// text both amend (its title in quotation marks).
	{Key: "minutes.overtaken.reason", En: "The carried amendment %s changed %s of %s, which this one would change too", De: "Der angenommene Änderungsantrag %[1]s änderte %[3]s (%[2]s), was auch dieser ändern würde", Ru: "Принятая поправка %[1]s изменила текст %[3]s (%[2]s), который изменила бы и эта поправка", Fr: "L'amendement adopté %[1]s a modifié %[3]s (%[2]s), que celui-ci modifierait aussi", Es: "La enmienda aprobada %[1]s modificó %[3]s (%[2]s), que esta también modificaría"},
	// A line of the checkpoint: its label and the colon ("Origine :").
	{Key: "minutes.cp.label", En: "%s:", De: "%s:", Ru: "%s:", Fr: "%s :", Es: "%s:"},
}

func init() { register(minutesNamed) }
