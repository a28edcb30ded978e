package i18n

func init() { register(secretUnitsMessages) }

// secretUnitsMessages are what plenum verify --receipt --token says of a
// ballot of several votes (a mandate's weight), each sealed under its own
// token derived from the voter's (assembly.UnitTokens), and the refusal
// of a record whose sealed votes repeat a token.
var secretUnitsMessages = []Msg{
	{Key: "cli.receipt.secret_votes",
		En: "#1|one=it carries %d vote of the secret ballot with your token in vote %s: %s|other=it carries %d votes of the secret ballot with your token in vote %s: %s",
		De: "#1|one=er enthält %d Stimme des geheimen Stimmzettels mit Ihrem Token in der Abstimmung %s: %s|other=er enthält %d Stimmen des geheimen Stimmzettels mit Ihrem Token in der Abstimmung %s: %s",
		Ru: "#1|one=в ней есть %d голос тайного бюллетеня с вашим токеном в голосовании %s: %s|few=в ней есть %d голоса тайного бюллетеня с вашим токеном в голосовании %s: %s|many=в ней есть %d голосов тайного бюллетеня с вашим токеном в голосовании %s: %s|other=в ней есть %d голоса тайного бюллетеня с вашим токеном в голосовании %s: %s",
		Fr: "#1|one=elle contient %d voix du bulletin secret portant votre jeton dans le vote %s : %s|other=elle contient %d voix du bulletin secret portant votre jeton dans le vote %s : %s",
		Es: "#1|one=contiene %d voto de la papeleta secreta con su token en la votación %s: %s|other=contiene %d votos de la papeleta secreta con su token en la votación %s: %s"},
	{Key: "cli.receipt.split",
		En: "%s: entry %s carries votes of your ballot with different choices; the votes of one ballot hold one choice",
		De: "%s: Eintrag %s enthält Stimmen Ihres Stimmzettels mit verschiedenen Entscheidungen; die Stimmen eines Stimmzettels lauten gleich",
		Ru: "%s: запись %s содержит голоса вашего бюллетеня с разными вариантами; все голоса одного бюллетеня отданы за один вариант",
		Fr: "%s : l'entrée %s contient des voix de votre bulletin portant des choix différents ; les voix d'un même bulletin portent un seul choix",
		Es: "%s: la entrada %s contiene votos de su papeleta con opciones distintas; los votos de una papeleta llevan una sola opción"},
	{Key: "two sealed ballots of %q carry one token",
		En: "two sealed ballots of %q carry one token",
		De: "zwei versiegelte Stimmzettel von %q tragen dasselbe Token",
		Ru: "два запечатанных бюллетеня %q несут один и тот же токен",
		Fr: "deux bulletins scellés de %q portent le même jeton",
		Es: "dos papeletas selladas de %q llevan el mismo token"},
}
