package i18n

func init() { register(cliExcerptCountMessages) }

// cliExcerptCountMessages are plenum verify --excerpt's words for the
// count of an encrypted vote checked from the excerpt
// (cmd/plenum/verify_excerpt.go): what it proved, who declared the
// result — plenum itself when the K-th trustee's share arrives, under
// that trustee's name — and what it could not check.
var cliExcerptCountMessages = []Msg{
	{Key: "cli.excerpt.n_ballots", En: "#1|one=%d ballot|other=%d ballots", De: "#1|one=%d Stimmzettel|other=%d Stimmzetteln", Ru: "#1|one=%d бюллетеня|few=%d бюллетеней|many=%d бюллетеней|other=%d бюллетеня", Fr: "#1|one=%d bulletin|other=%d bulletins", Es: "#1|one=%d papeleta|other=%d papeletas"},
	{Key: "cli.excerpt.n_votes", En: "#1|one=%d vote|other=%d votes", De: "#1|one=%d Stimme|other=%d Stimmen", Ru: "#1|one=%d голос|few=%d голоса|many=%d голосов|other=%d голоса", Fr: "#1|one=%d voix|other=%d voix", Es: "#1|one=%d voto|other=%d votos"},
	// The arguments: the vote, K, N, the K trustees' names, "4 ballots",
	// "4 votes", the counts ("for 3, against 1, abstain 0").
	{Key: "cli.excerpt.count",
		En: "#3|one=vote %[1]s: the count was checked from %[2]d of its %[3]d trustee's decryptions (%[4]s) of the sum of %[5]s, %[6]s: %[7]s|other=vote %[1]s: the count was checked from %[2]d of its %[3]d trustees' decryptions (%[4]s) of the sum of %[5]s, %[6]s: %[7]s",
		De: "Abstimmung %[1]s: die Zählung wurde geprüft aus den Entschlüsselungen von %[2]d ihrer %[3]d Treuhänder (%[4]s) der Summe von %[5]s, %[6]s: %[7]s",
		Ru: "голосование %[1]s: подсчёт проверен по расшифровкам %[2]d из %[3]d доверенных лиц (%[4]s) суммы %[5]s, %[6]s: %[7]s",
		Fr: "vote %[1]s : le décompte a été vérifié à partir des déchiffrements de %[2]d de ses %[3]d dépositaires (%[4]s) de la somme de %[5]s, %[6]s : %[7]s",
		Es: "votación %[1]s: el recuento se comprobó con los descifrados de %[2]d de sus %[3]d depositarios (%[4]s) de la suma de %[5]s, %[6]s: %[7]s"},
	// A mandate that cast a new ballot: the sum holds its last one.
	{Key: "cli.excerpt.count.replaced",
		En: "vote %[1]s: the sum holds the last ballot of each mandate, %[2]d of the %[3]d cast",
		De: "Abstimmung %[1]s: die Summe enthält den letzten Stimmzettel jedes Mandats, %[2]d der %[3]d abgegebenen",
		Ru: "голосование %[1]s: в сумме последний бюллетень каждого мандата, %[2]d из %[3]d поданных",
		Fr: "vote %[1]s : la somme contient le dernier bulletin de chaque mandat, %[2]d des %[3]d déposés",
		Es: "votación %[1]s: la suma contiene la última papeleta de cada mandato, %[2]d de las %[3]d emitidas"},
	// The vote, the entry, K, the trustee the entry names.
	{Key: "cli.excerpt.declared.auto",
		En: "#3|one=vote %[1]s: its declared result (entry %[2]d) is this count; plenum declared it itself when the one trustee's share needed was posted, so the entry names %[4]s, the trustee who posted that share, who decided nothing|other=vote %[1]s: its declared result (entry %[2]d) is this count; plenum declared it itself when the last of the %[3]d trustees' shares needed was posted, so the entry names %[4]s, the trustee who posted that share, who decided nothing",
		De: "Abstimmung %[1]s: ihr festgestelltes Ergebnis (Eintrag %[2]d) ist diese Zählung; plenum hat es selbst festgestellt, als der letzte der %[3]d nötigen Anteile der Treuhänder einging, daher nennt der Eintrag %[4]s, den Treuhänder, der diesen Anteil einreichte und nichts entschied",
		Ru: "голосование %[1]s: объявленный результат (запись %[2]d) совпадает с подсчётом; plenum объявил его сам, когда поступила последняя из %[3]d нужных долей доверенных лиц, поэтому в записи указан %[4]s — доверенное лицо, отправившее эту долю и ничего не решавшее",
		Fr: "vote %[1]s : son résultat proclamé (entrée %[2]d) est ce décompte ; plenum l'a proclamé de lui-même quand la dernière des %[3]d parts de dépositaires nécessaires a été déposée, si bien que l'entrée nomme %[4]s, le dépositaire qui a déposé cette part et n'a rien décidé",
		Es: "votación %[1]s: su resultado proclamado (entrada %[2]d) es este recuento; plenum lo proclamó por sí mismo cuando se publicó la última de las %[3]d partes de depositarios necesarias, por eso la entrada nombra a %[4]s, el depositario que publicó esa parte y no decidió nada"},
	// The vote, the entry, who declared it.
	{Key: "cli.excerpt.declared.by",
		En: "vote %[1]s: its declared result (entry %[2]d, declared by %[3]s) is this count",
		De: "Abstimmung %[1]s: ihr festgestelltes Ergebnis (Eintrag %[2]d, festgestellt von %[3]s) ist diese Zählung",
		Ru: "голосование %[1]s: объявленный результат (запись %[2]d, объявил %[3]s) совпадает с подсчётом",
		Fr: "vote %[1]s : son résultat proclamé (entrée %[2]d, proclamé par %[3]s) est ce décompte",
		Es: "votación %[1]s: su resultado proclamado (entrada %[2]d, proclamado por %[3]s) es este recuento"},
	{Key: "cli.excerpt.count.limits",
		En: "vote %[1]s: not checked from the excerpt: that each ballot's mandate carries the weight recorded with it, and that the outcome declared is the one the vote's threshold gives for this count; plenum verify --url replays the whole record",
		De: "Abstimmung %[1]s: nicht aus dem Auszug geprüft: dass das Mandat jedes Stimmzettels das mit ihm verzeichnete Gewicht trägt, und dass das festgestellte Ergebnis dasjenige ist, das die Mehrheit der Abstimmung für diese Zählung ergibt; plenum verify --url spielt die ganze Aufzeichnung nach",
		Ru: "голосование %[1]s: по выписке не проверено: что мандат каждого бюллетеня имеет записанный при нём вес, и что объявленный исход — тот, который даёт для этого подсчёта порог голосования; plenum verify --url воспроизводит весь протокол",
		Fr: "vote %[1]s : non vérifié à partir de l'extrait : que le mandat de chaque bulletin porte le poids inscrit avec lui, et que l'issue proclamée est celle que donne pour ce compte la majorité requise du vote ; plenum verify --url rejoue tout le journal",
		Es: "votación %[1]s: no comprobado con el extracto: que el mandato de cada papeleta tiene el peso registrado con ella, y que el resultado proclamado es el que da para este recuento la mayoría de la votación; plenum verify --url reproduce todo el registro"},
	{Key: "cli.excerpt.count.none",
		En: "vote %[1]s is encrypted, and its count is NOT checked: the excerpt holds none of its ballots, their sum or the trustees' decryptions, so it proves only that the result was declared; plenum verify --url checks the count",
		De: "Abstimmung %[1]s ist verschlüsselt, und ihre Zählung ist NICHT geprüft: der Auszug enthält keinen ihrer Stimmzettel, nicht deren Summe und keine Entschlüsselung der Treuhänder, er beweist also nur, dass das Ergebnis festgestellt wurde; plenum verify --url prüft die Zählung",
		Ru: "голосование %[1]s зашифровано, и его подсчёт НЕ проверен: в выписке нет ни бюллетеней, ни их суммы, ни расшифровок доверенных лиц, поэтому она доказывает лишь, что результат был объявлен; plenum verify --url проверяет подсчёт",
		Fr: "le vote %[1]s est chiffré, et son décompte n'est PAS vérifié : l'extrait ne contient aucun de ses bulletins, ni leur somme, ni les déchiffrements des dépositaires ; il prouve seulement que le résultat a été proclamé ; plenum verify --url vérifie le décompte",
		Es: "la votación %[1]s está cifrada, y su recuento NO está comprobado: el extracto no contiene ninguna de sus papeletas, ni su suma, ni los descifrados de los depositarios, así que solo prueba que el resultado se proclamó; plenum verify --url comprueba el recuento"},
	// Some steps of the count, all checked, and no decrypted result: the
	// count was not finished at the excerpt's checkpoint.
	{Key: "cli.excerpt.count.pending",
		En: "#2|one=vote %[1]s is encrypted, and its count is not finished in the excerpt: the %[2]d entry of it shown checks, but no decrypted result is among them, so nothing of the count is proved yet|other=vote %[1]s is encrypted, and its count is not finished in the excerpt: the %[2]d entries of it shown check, but no decrypted result is among them, so nothing of the count is proved yet",
		De: "Abstimmung %[1]s ist verschlüsselt, und ihre Zählung ist im Auszug nicht abgeschlossen: die gezeigten Einträge (%[2]d) sind gültig, aber kein entschlüsseltes Ergebnis ist darunter, von der Zählung ist also noch nichts bewiesen",
		Ru: "голосование %[1]s зашифровано, и его подсчёт в выписке не завершён: показанные записи (%[2]d) верны, но расшифрованного результата среди них нет, так что подсчёт пока ничем не доказан",
		Fr: "le vote %[1]s est chiffré, et son décompte n'est pas achevé dans l'extrait : les entrées montrées (%[2]d) sont valides, mais aucun résultat déchiffré n'en fait partie ; rien du décompte n'est encore prouvé",
		Es: "la votación %[1]s está cifrada, y su recuento no está terminado en el extracto: las entradas mostradas (%[2]d) son válidas, pero ninguna es un resultado descifrado, así que nada del recuento está probado aún"},
}
