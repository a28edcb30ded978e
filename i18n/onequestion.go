package i18n

func init() { register(oneQuestionMessages) }

// oneQuestionMessages are the refusals of the rule of one question at a
// time (package assembly): a vote on a motion, or on an amendment, while a
// vote on it, on the motion it amends or on a competing amendment is in
// progress.
var oneQuestionMessages = []Msg{
	{Key: "%s is not yet declared; the questions of %s are put to the vote one at a time", En: "%s is not yet declared; the questions of %s are put to the vote one at a time", De: "%s ist noch nicht festgestellt; über die Fragen zu %s wird eine nach der anderen abgestimmt", Ru: "%s ещё не объявлено; вопросы по %s ставятся на голосование по одному", Fr: "%s n'est pas encore proclamé ; les questions de %s sont mises aux voix une à une", Es: "%s aún no se ha proclamado; las cuestiones de %s se someten a votación una a una"},
}
