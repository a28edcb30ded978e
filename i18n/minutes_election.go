package i18n

// The words md/6, html/7 and akn/6 add to an election: its lists, who
// stood on each in what order, and its ballots by name; and the heading
// of the HTML minutes' contents.
var minutesElection = []Msg{
	// "Lists: Internationalists: 1. Kamenev, 2. Nogin; Revolutionary defensists: 1. Chkheidze."
	{Key: "minutes.election.lists", En: "Lists: %s.", De: "Listen: %s.", Ru: "Списки: %s.", Fr: "Listes : %s.", Es: "Listas: %s."},
	{Key: "minutes.election.list", En: "%s: %s", De: "%s: %s", Ru: "%s: %s", Fr: "%s : %s", Es: "%s: %s"},
	{Key: "minutes.election.list_empty", En: "%s: no candidates", De: "%s: keine Kandidaturen", Ru: "%s: кандидатов нет", Fr: "%s : aucun candidat", Es: "%s: sin candidaturas"},
	{Key: "minutes.election.list_sep", En: "; ", De: "; ", Ru: "; ", Fr: " ; ", Es: "; "},
	// The ballots of an election by name, grouped by the choice:
	// "Ballots by name — for Internationalists: Anna, Boris; ranking
	// Kamenev, Nogin: Chen; blank: Dan."
	{Key: "minutes.election.ballots", En: "Ballots by name — %s.", De: "Stimmzettel namentlich — %s.", Ru: "Бюллетени поимённо — %s.", Fr: "Bulletins nominatifs — %s.", Es: "Papeletas nominales — %s."},
	{Key: "minutes.election.ballot_group", En: "%s: %s", De: "%s: %s", Ru: "%s: %s", Fr: "%s : %s", Es: "%s: %s"},
	{Key: "minutes.election.for", En: "for %s", De: "für %s", Ru: "за %s", Fr: "pour %s", Es: "por %s"},
	{Key: "minutes.election.ranked", En: "ranking %s", De: "in der Reihenfolge %s", Ru: "в порядке %s", Fr: "dans l'ordre %s", Es: "en el orden %s"},
	{Key: "minutes.election.blank", En: "blank", De: "leer", Ru: "пустой", Fr: "blanc", Es: "en blanco"},
	// Those present and entitled at a vote by name who cast no ballot.
	{Key: "minutes.ballot.not_voted", En: "Did not vote: %s.", De: "Nicht abgestimmt haben: %s.", Ru: "Не голосовали: %s.", Fr: "N'ont pas voté : %s.", Es: "No votaron: %s."},
	// The heading of the HTML minutes' list of contents (html/7): it lists
	// the sittings and the checkpoint, which is no sitting.
	{Key: "minutes.h.contents", En: "Contents", De: "Inhalt", Ru: "Содержание", Fr: "Sommaire", Es: "Índice"},
}

func init() { register(minutesElection) }
