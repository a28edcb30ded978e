package i18n

func init() { register(proxyBallotMessages) }

// proxyBallotMessages are the words of a delegate's page when they cast,
// beside their own ballot, one for each mandate they carry as proxy
// (package web, web/ballot.go): whose mandate each ballot is, and each
// ballot's state.
var proxyBallotMessages = []Msg{
	// The heading of the delegate's own ballot: their mandate ("decisive
	// vote for The members · 5 votes").
	{Key: "web.pb.own", En: "Your own mandate (%s)", De: "Ihr eigenes Mandat (%s)", Ru: "Ваш собственный мандат (%s)", Fr: "Votre propre mandat (%s)", Es: "Su propia credencial (%s)"},
	// The heading of the delegate's own ballot when they vote without a
	// mandate (a guest admitted to the vote).
	{Key: "web.pb.own_ballot", En: "Your own ballot", De: "Ihre eigene Stimme", Ru: "Ваш собственный голос", Fr: "Votre propre vote", Es: "Su propio voto"},
	// The heading of the ballot of a mandate carried as proxy: its
	// holder's name and the mandate.
	{Key: "web.pb.carried", En: "The mandate of %s, carried by you as proxy (%s)", De: "Das Mandat von %s, das Sie in Vertretung tragen (%s)", Ru: "Мандат: %s, передан вам по доверенности (%s)", Fr: "Le mandat de %s, que vous portez par procuration (%s)", Es: "La credencial de %s, que usted ejerce por poder (%s)"},
	// The confirmation of a ballot for a carried mandate: its holder's name.
	{Key: "web.pb.cast_for", En: "Cast the ballot of %s’s mandate:", De: "Stimme für das Mandat von %s abgeben:", Ru: "Подать голос по мандату: %s:", Fr: "Voter pour le mandat de %s :", Es: "Emitir el voto de la credencial de %s:"},
	// The confirmation of a ballot in an election for a carried mandate:
	// its holder's name, the election's title.
	{Key: "web.pb.cast_in_for", En: "Cast the ballot of %s’s mandate in “%s”:", De: "Stimmzettel für das Mandat von %s abgeben bei „%s“:", Ru: "Подать бюллетень по мандату: %s, «%s»:", Fr: "Bulletin pour le mandat de %s, « %s » :", Es: "Emitir la papeleta de la credencial de %s en «%s»:"},
	// A carried mandate's ballot, cast by the delegate.
	{Key: "web.pb.voted", En: "You have voted with this mandate.", De: "Sie haben mit diesem Mandat abgestimmt.", Ru: "Вы проголосовали по этому мандату.", Fr: "Vous avez voté avec ce mandat.", Es: "Ya ha votado con esta credencial."},
	// A carried mandate's ballot, cast by another (its holder themselves).
	{Key: "web.pb.voted_by", En: "%s has cast this mandate’s ballot.", De: "%s hat die Stimme dieses Mandats abgegeben.", Ru: "Голос по этому мандату подан: %s.", Fr: "%s a voté avec ce mandat.", Es: "%s ha emitido el voto de esta credencial."},
	// A carried mandate whose holder is there to vote themselves.
	{Key: "web.pb.holder_votes", En: "%s is present and casts this mandate’s ballot themselves.", De: "%s ist anwesend und gibt die Stimme dieses Mandats selbst ab.", Ru: "%s присутствует и голосует по этому мандату сам(а).", Fr: "%s est présent·e et vote soi-même avec ce mandat.", Es: "%s está presente y emite el voto de esta credencial en persona."},
}
