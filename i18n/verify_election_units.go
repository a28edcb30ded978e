package i18n

func init() { register(verifyElectionUnitsMessages) }

// verifyElectionUnitsMessages are what plenum verify --receipt --token
// says of the votes of a weighted ballot in a secret election, which the
// close seals shuffled among all the election's sealed_election_ballots
// entries: the election named by its title (cli.verify.named) with --url,
// by its id offline, as the vote's lines in verify_names.go do.
var verifyElectionUnitsMessages = []Msg{
	{Key: "cli.receipt.units_here_election",
		En: "those are the votes of your ballot in this entry: the close seals a ballot of several votes shuffled among all the sealed_election_ballots entries of election %s, which one receipt does not hold; give --url to count them all",
		De: "das sind die Stimmen Ihres Stimmzettels in diesem Eintrag: der Abschluss versiegelt einen Stimmzettel mit mehreren Stimmen gemischt über alle sealed_election_ballots-Einträge der Wahl %s, die eine Quittung nicht enthält; geben Sie --url an, um sie alle zu zählen",
		Ru: "это голоса вашего бюллетеня в этой записи: при закрытии бюллетень с несколькими голосами запечатывается вперемешку по всем записям sealed_election_ballots выборов %s, которых одна квитанция не содержит; укажите --url, чтобы сосчитать их все",
		Fr: "ce sont les voix de votre bulletin dans cette entrée : la clôture scelle un bulletin de plusieurs voix mêlées à toutes les entrées sealed_election_ballots de l'élection %s, qu'un seul reçu ne contient pas ; donnez --url pour les compter toutes",
		Es: "esos son los votos de su papeleta en esta entrada: el cierre sella una papeleta de varios votos mezclados entre todas las entradas sealed_election_ballots de la elección %s, que un recibo no contiene; indique --url para contarlos todos"},
	{Key: "cli.receipt.units_all_election",
		En: "#1|one=the log holds %d vote of your ballot among all the sealed ballots of election %s (entries %s): %s|other=the log holds %d votes of your ballot among all the sealed ballots of election %s (entries %s): %s",
		De: "#1|one=das Log enthält %d Stimme Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Wahl %s (Einträge %s): %s|other=das Log enthält %d Stimmen Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Wahl %s (Einträge %s): %s",
		Ru: "#1|one=в журнале %d голос вашего бюллетеня среди всех запечатанных бюллетеней выборов %s (записи %s): %s|few=в журнале %d голоса вашего бюллетеня среди всех запечатанных бюллетеней выборов %s (записи %s): %s|many=в журнале %d голосов вашего бюллетеня среди всех запечатанных бюллетеней выборов %s (записи %s): %s|other=в журнале %d голоса вашего бюллетеня среди всех запечатанных бюллетеней выборов %s (записи %s): %s",
		Fr: "#1|one=le journal contient %d voix de votre bulletin parmi tous les bulletins scellés de l'élection %s (entrées %s) : %s|other=le journal contient %d voix de votre bulletin parmi tous les bulletins scellés de l'élection %s (entrées %s) : %s",
		Es: "#1|one=el registro contiene %d voto de su papeleta entre todas las papeletas selladas de la elección %s (entradas %s): %s|other=el registro contiene %d votos de su papeleta entre todas las papeletas selladas de la elección %s (entradas %s): %s"},
	{Key: "cli.receipt.split_election",
		En: "%s: the sealed ballots of election %s (entries %s) carry votes of your ballot with different choices; the votes of one ballot hold one choice",
		De: "%s: die versiegelten Stimmzettel der Wahl %s (Einträge %s) enthalten Stimmen Ihres Stimmzettels mit verschiedenen Entscheidungen; die Stimmen eines Stimmzettels lauten gleich",
		Ru: "%s: запечатанные бюллетени выборов %s (записи %s) содержат голоса вашего бюллетеня с разными вариантами; все голоса одного бюллетеня отданы за один вариант",
		Fr: "%s : les bulletins scellés de l'élection %s (entrées %s) contiennent des voix de votre bulletin portant des choix différents ; les voix d'un même bulletin portent un seul choix",
		Es: "%s: las papeletas selladas de la elección %s (entradas %s) contienen votos de su papeleta con opciones distintas; los votos de una papeleta llevan una sola opción"},
}
