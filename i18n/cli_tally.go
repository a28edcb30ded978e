package i18n

func init() { register(cliTallyMessages) }

// cliTallyMessages are the words of plenum tally's count sheet and of
// its warning when seats are left unfilled. The candidates' names, the
// figures and the method's name in English (the name --method takes)
// stand as they are; a tie is said by tieMessages.
var cliTallyMessages = []Msg{
	{Key: "cli.tally.count", En: "Count", De: "Zählung", Ru: "Подсчёт", Fr: "Décompte", Es: "Recuento"},
	{Key: "cli.tally.head",
		En: "#3|one=%[1]s — %[2]s, %[3]d seat, seed %[4]s|other=%[1]s — %[2]s, %[3]d seats, seed %[4]s",
		De: "#3|one=%[1]s — %[2]s, %[3]d Sitz, Startwert %[4]s|other=%[1]s — %[2]s, %[3]d Sitze, Startwert %[4]s",
		Ru: "#3|one=%[1]s — %[2]s, %[3]d место, начальное число %[4]s|few=%[1]s — %[2]s, %[3]d места, начальное число %[4]s|many=%[1]s — %[2]s, %[3]d мест, начальное число %[4]s|other=%[1]s — %[2]s, %[3]d места, начальное число %[4]s",
		Fr: "#3|one=%[1]s — %[2]s, %[3]d siège, graine %[4]s|other=%[1]s — %[2]s, %[3]d sièges, graine %[4]s",
		Es: "#3|one=%[1]s — %[2]s, %[3]d puesto, semilla %[4]s|other=%[1]s — %[2]s, %[3]d puestos, semilla %[4]s"},
	{Key: "cli.tally.quota", En: "Quota: %s", De: "Quote: %s", Ru: "Квота: %s", Fr: "Quota : %s", Es: "Cuota: %s"},
	{Key: "cli.tally.stage", En: "Stage %d: %s", De: "Zählrunde %d: %s", Ru: "Этап %d: %s", Fr: "Étape %d : %s", Es: "Etapa %d: %s"},
	// The kinds of stage (tally.Stage.Kind).
	{Key: "cli.tally.kind.first_preferences", En: "first preferences", De: "Erstpräferenzen", Ru: "первые предпочтения", Fr: "premières préférences", Es: "primeras preferencias"},
	{Key: "cli.tally.kind.votes", En: "votes", De: "Stimmen", Ru: "голоса", Fr: "voix", Es: "votos"},
	{Key: "cli.tally.kind.surplus", En: "surplus", De: "Überschuss", Ru: "передача излишка", Fr: "excédent", Es: "excedente"},
	{Key: "cli.tally.kind.exclusion", En: "exclusion", De: "Ausschluss", Ru: "исключение", Fr: "élimination", Es: "eliminación"},
	{Key: "cli.tally.kind.seat", En: "seat", De: "Sitz", Ru: "место", Fr: "siège", Es: "puesto"},
	{Key: "cli.tally.kind.quotas", En: "quotas", De: "ganze Quoten", Ru: "целые квоты", Fr: "quotients entiers", Es: "cuotas enteras"},
	{Key: "cli.tally.kind.remainders", En: "remainders", De: "Reste", Ru: "остатки", Fr: "plus forts restes", Es: "restos mayores"},
	{Key: "cli.tally.kind.pairwise_comparisons", En: "pairwise comparisons", De: "paarweise Vergleiche", Ru: "попарные сравнения", Fr: "comparaisons par paires", Es: "comparaciones por pares"},
	// The columns and the state of a candidate at a stage.
	{Key: "cli.tally.candidate", En: "candidate", De: "Kandidatur", Ru: "кандидат", Fr: "candidature", Es: "candidatura"},
	{Key: "cli.tally.change", En: "change", De: "Veränderung", Ru: "изменение", Fr: "variation", Es: "variación"},
	{Key: "cli.tally.total", En: "total", De: "Summe", Ru: "итого", Fr: "total", Es: "total"},
	{Key: "cli.tally.non_transferable", En: "non-transferable", De: "nicht übertragbar", Ru: "непередаваемые", Fr: "non transférables", Es: "intransferibles"},
	{Key: "cli.tally.lost", En: "lost to truncation", De: "durch Abrunden verloren", Ru: "потеряно при округлении", Fr: "perdu par troncature", Es: "perdido por truncamiento"},
	{Key: "cli.tally.elected", En: "elected", De: "gewählt", Ru: "избран(а)", Fr: "élu(e)", Es: "elegido/a"},
	{Key: "cli.tally.deemed_elected", En: "elected: continuing candidates no more than seats left", De: "gewählt: nicht mehr verbleibende Kandidaturen als freie Sitze", Ru: "избран(а): оставшихся кандидатов не больше, чем свободных мест", Fr: "élu(e) : pas plus de candidatures en lice que de sièges à pourvoir", Es: "elegido/a: no quedan más candidaturas que puestos por cubrir"},
	{Key: "cli.tally.excluded", En: "excluded", De: "ausgeschlossen", Ru: "исключён(а)", Fr: "éliminé(e)", Es: "eliminado/a"},
	{Key: "cli.tally.pairwise", En: "Votes ranking the row above the column:", De: "Stimmen, die die Zeile vor die Spalte reihen:", Ru: "Голоса, ставящие строку выше столбца:", Fr: "Voix classant la ligne avant la colonne :", Es: "Votos que sitúan la fila por delante de la columna:"},
	{Key: "cli.tally.ties", En: "Ties:", De: "Stimmengleichheiten:", Ru: "Равенства голосов:", Fr: "Égalités :", Es: "Empates:"},
	{Key: "cli.tally.tie", En: "stage %d: %s", De: "Zählrunde %d: %s", Ru: "этап %d: %s", Fr: "étape %d : %s", Es: "etapa %d: %s"},
	{Key: "cli.tally.elected_h", En: "Elected, in order of election:", De: "Gewählt, in der Reihenfolge der Wahl:", Ru: "Избраны, в порядке избрания:", Fr: "Élus, dans l'ordre d'élection :", Es: "Elegidos, por orden de elección:"},
	// Seats left unfilled (the exit status is then 1).
	{Key: "cli.tally.unfilled", En: "#2|one=%[1]d of %[2]d seat left unfilled|other=%[1]d of %[2]d seats left unfilled", De: "unbesetzte Sitze: %[1]d von %[2]d", Ru: "не заполнено мест: %[1]d из %[2]d", Fr: "sièges non pourvus : %[1]d sur %[2]d", Es: "puestos sin cubrir: %[1]d de %[2]d"},
	{Key: "cli.tally.elected_n", En: "#1|one=%d candidate was elected|other=%d candidates were elected", De: "gewählt: %d", Ru: "избрано: %d", Fr: "élus : %d", Es: "elegidos: %d"},
	{Key: "cli.tally.standing", En: "#1|one=%[1]d candidate, %[2]d withdrawn, %[3]d standing|other=%[1]d candidates, %[2]d withdrawn, %[3]d standing", De: "Kandidaturen: %[1]d, zurückgezogen: %[2]d, verbleibend: %[3]d", Ru: "кандидатов: %[1]d, сняли кандидатуру: %[2]d, участвуют: %[3]d", Fr: "candidatures : %[1]d, retirées : %[2]d, en lice : %[3]d", Es: "candidaturas: %[1]d, retiradas: %[2]d, en liza: %[3]d"},
	{Key: "cli.tally.incomplete",
		En: "#1|one=The result above is incomplete: fill the seat by another ballot or as the rules provide|other=The result above is incomplete: fill the seats by another ballot or as the rules provide",
		De: "#1|one=Das Ergebnis oben ist unvollständig: Besetzen Sie den Sitz durch einen weiteren Wahlgang oder wie es die Geschäftsordnung vorsieht|other=Das Ergebnis oben ist unvollständig: Besetzen Sie die Sitze durch einen weiteren Wahlgang oder wie es die Geschäftsordnung vorsieht",
		Ru: "Результат выше неполон: заполните оставшиеся места повторным голосованием или в порядке, предусмотренном регламентом",
		Fr: "#1|one=Le résultat ci-dessus est incomplet : pourvoyez le siège par un autre tour de scrutin ou comme le règlement le prévoit|other=Le résultat ci-dessus est incomplet : pourvoyez les sièges par un autre tour de scrutin ou comme le règlement le prévoit",
		Es: "#1|one=El resultado anterior está incompleto: cubra el puesto con otra votación o como disponga el reglamento|other=El resultado anterior está incompleto: cubra los puestos con otra votación o como disponga el reglamento"},

	// Its refusals of its options and of the file.
	{Key: "cli.tally.no_file", En: "name the file of ballots (or - for standard input); see plenum tally --help", De: "nennen Sie die Datei mit den Stimmzetteln (oder - für die Standardeingabe); siehe plenum tally --help", Ru: "укажите файл с бюллетенями (или - для стандартного ввода); см. plenum tally --help", Fr: "indiquez le fichier des bulletins (ou - pour l'entrée standard) ; voir plenum tally --help", Es: "indique el archivo de papeletas (o - para la entrada estándar); véase plenum tally --help"},
	{Key: "cli.tally.one_file", En: "one file at a time; unexpected %q", De: "nur eine Datei auf einmal; überzählig: „%s“", Ru: "только один файл за раз; лишний аргумент «%s»", Fr: "un seul fichier à la fois ; « %s » est de trop", Es: "un solo archivo a la vez; sobra «%s»"},
	{Key: "cli.tally.no_method", En: "give --method (one of %s)", De: "geben Sie --method an (eines von %s)", Ru: "укажите --method (один из: %s)", Fr: "indiquez --method (parmi %s)", Es: "indique --method (uno de %s)"},
	{Key: "cli.tally.seats", En: "--seats must be positive", De: "--seats muss positiv sein", Ru: "значение --seats должно быть положительным", Fr: "--seats doit être positif", Es: "--seats debe ser positivo"},
	{Key: "cli.tally.stages_json", En: "--stages and --json exclude each other (--json holds the stages)", De: "--stages und --json schließen einander aus (--json enthält die Zählrunden)", Ru: "--stages и --json несовместимы (--json уже содержит этапы)", Fr: "--stages et --json s'excluent (--json contient les étapes)", Es: "--stages y --json se excluyen (--json contiene las etapas)"},
	{Key: "cli.tally.method", En: "unknown method %q (the methods are %s)", De: "unbekanntes Verfahren „%s“ (die Verfahren sind %s)", Ru: "неизвестный метод «%s» (методы: %s)", Fr: "méthode inconnue « %s » (les méthodes sont %s)", Es: "método desconocido «%s» (los métodos son %s)"},
	{Key: "cli.tally.format_ext", En: "cannot tell the format of %q from its extension; give --format (blt, soc, soi, toi or csv)", De: "das Format von „%s“ ist an der Endung nicht zu erkennen; geben Sie --format an (blt, soc, soi, toi oder csv)", Ru: "по расширению не удаётся определить формат «%s»; укажите --format (blt, soc, soi, toi или csv)", Fr: "impossible de déduire le format de « %s » de son extension ; indiquez --format (blt, soc, soi, toi ou csv)", Es: "no se puede deducir el formato de «%s» por su extensión; indique --format (blt, soc, soi, toi o csv)"},
	{Key: "cli.tally.format", En: "unknown format %q (blt, soc, soi, toi or csv)", De: "unbekanntes Format „%s“ (blt, soc, soi, toi oder csv)", Ru: "неизвестный формат «%s» (blt, soc, soi, toi или csv)", Fr: "format inconnu « %s » (blt, soc, soi, toi ou csv)", Es: "formato desconocido «%s» (blt, soc, soi, toi o csv)"},
	{Key: "cli.tally.no_seats", En: "%s does not say how many seats there are; give --seats N", De: "%s nennt die Zahl der Sitze nicht; geben Sie --seats N an", Ru: "в %s не указано число мест; укажите --seats N", Fr: "%s n'indique pas le nombre de sièges ; indiquez --seats N", Es: "%s no indica cuántos puestos hay; indique --seats N"},
}
