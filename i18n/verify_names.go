package i18n

func init() { register(verifyNamesMessages) }

// verifyNamesMessages are how plenum verify --receipt names a vote or an
// election: by its question or title, as the pages do, with its id after
// it for reference, when it reads them from the log (--url); and what it
// says of the votes of a weighted secret ballot, which the close seals
// shuffled among all the vote's sealed_ballots entries (verify_names.go).
var verifyNamesMessages = []Msg{
	{Key: "cli.verify.named",
		En: "“%s” (%s)",
		De: "„%s“ (%s)",
		Ru: "«%s» (%s)",
		Fr: "« %s » (%s)",
		Es: "«%s» (%s)"},
	{Key: "cli.receipt.encrypted_vote",
		En: "it holds the encrypted ballot with the tracker %s in vote %s",
		De: "er enthält den verschlüsselten Stimmzettel mit der Kennung %s in der Abstimmung %s",
		Ru: "в ней есть зашифрованный бюллетень с меткой %s в голосовании %s",
		Fr: "elle contient le bulletin chiffré portant l'identifiant %s dans le vote %s",
		Es: "contiene la papeleta cifrada con el localizador %s en la votación %s"},
	{Key: "cli.receipt.encrypted_election",
		En: "it holds the encrypted ballot with the tracker %s in the election %s",
		De: "er enthält den verschlüsselten Stimmzettel mit der Kennung %s in der Wahl %s",
		Ru: "в ней есть зашифрованный бюллетень с меткой %s на выборах %s",
		Fr: "elle contient le bulletin chiffré portant l'identifiant %s dans l'élection %s",
		Es: "contiene la papeleta cifrada con el localizador %s en la elección %s"},
	{Key: "cli.receipt.units_here",
		En: "those are the votes of your ballot in this entry: the close seals a ballot of several votes shuffled among all the vote's sealed_ballots entries, which one receipt does not hold; give --url to count them all",
		De: "das sind die Stimmen Ihres Stimmzettels in diesem Eintrag: der Abschluss versiegelt einen Stimmzettel mit mehreren Stimmen gemischt über alle sealed_ballots-Einträge der Abstimmung, die eine Quittung nicht enthält; geben Sie --url an, um sie alle zu zählen",
		Ru: "это голоса вашего бюллетеня в этой записи: при закрытии бюллетень с несколькими голосами запечатывается вперемешку по всем записям sealed_ballots голосования, которых одна квитанция не содержит; укажите --url, чтобы сосчитать их все",
		Fr: "ce sont les voix de votre bulletin dans cette entrée : la clôture scelle un bulletin de plusieurs voix mêlées à toutes les entrées sealed_ballots du vote, qu'un seul reçu ne contient pas ; donnez --url pour les compter toutes",
		Es: "esos son los votos de su papeleta en esta entrada: el cierre sella una papeleta de varios votos mezclados entre todas las entradas sealed_ballots de la votación, que un recibo no contiene; indique --url para contarlos todos"},
	{Key: "cli.receipt.units_all",
		En: "#1|one=the log holds %d vote of your ballot among all the vote's sealed ballots (entries %s): %s|other=the log holds %d votes of your ballot among all the vote's sealed ballots (entries %s): %s",
		De: "#1|one=das Log enthält %d Stimme Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Abstimmung (Einträge %s): %s|other=das Log enthält %d Stimmen Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Abstimmung (Einträge %s): %s",
		Ru: "#1|one=в журнале %d голос вашего бюллетеня среди всех запечатанных бюллетеней голосования (записи %s): %s|few=в журнале %d голоса вашего бюллетеня среди всех запечатанных бюллетеней голосования (записи %s): %s|many=в журнале %d голосов вашего бюллетеня среди всех запечатанных бюллетеней голосования (записи %s): %s|other=в журнале %d голоса вашего бюллетеня среди всех запечатанных бюллетеней голосования (записи %s): %s",
		Fr: "#1|one=le journal contient %d voix de votre bulletin parmi tous les bulletins scellés du vote (entrées %s) : %s|other=le journal contient %d voix de votre bulletin parmi tous les bulletins scellés du vote (entrées %s) : %s",
		Es: "#1|one=el registro contiene %d voto de su papeleta entre todas las papeletas selladas de la votación (entradas %s): %s|other=el registro contiene %d votos de su papeleta entre todas las papeletas selladas de la votación (entradas %s): %s"},
	{Key: "cli.receipt.split_vote",
		En: "%s: the sealed ballots of vote %s (entries %s) carry votes of your ballot with different choices; the votes of one ballot hold one choice",
		De: "%s: die versiegelten Stimmzettel der Abstimmung %s (Einträge %s) enthalten Stimmen Ihres Stimmzettels mit verschiedenen Entscheidungen; die Stimmen eines Stimmzettels lauten gleich",
		Ru: "%s: запечатанные бюллетени голосования %s (записи %s) содержат голоса вашего бюллетеня с разными вариантами; все голоса одного бюллетеня отданы за один вариант",
		Fr: "%s : les bulletins scellés du vote %s (entrées %s) contiennent des voix de votre bulletin portant des choix différents ; les voix d'un même bulletin portent un seul choix",
		Es: "%s: las papeletas selladas de la votación %s (entradas %s) contienen votos de su papeleta con opciones distintas; los votos de una papeleta llevan una sola opción"},
}
