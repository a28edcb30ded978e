package i18n

func init() { register(cliExcerptElectionMessages) }

// cliExcerptElectionMessages are plenum verify --excerpt's words for an
// election checked from its excerpt (cmd/plenum/verify_excerpt.go): the
// count made again from its ballots or its trustees' decryptions, what
// its declaration is, and what the excerpt cannot check (method names,
// candidates and lists are the record's ids); and the payload of an
// entry stored beside the log, which the excerpt carries or not.
var cliExcerptElectionMessages = []Msg{
	// The election, the method, "5 ballots", "5 votes", the totals
	// ("d3 2, d4 3, d5 1"), the elected.
	{Key: "cli.excerpt.election.recount",
		En: "election %[1]s: counted again by %[2]s from the %[3]s shown, %[4]s: %[5]s; elected: %[6]s",
		De: "Wahl %[1]s: nach %[2]s neu ausgezählt aus den gezeigten %[3]s, %[4]s: %[5]s; gewählt: %[6]s",
		Ru: "выборы %[1]s: пересчитаны методом %[2]s по показанным %[3]s, %[4]s: %[5]s; избраны: %[6]s",
		Fr: "élection %[1]s : recomptée selon %[2]s à partir des %[3]s montrés, %[4]s : %[5]s ; élus : %[6]s",
		Es: "elección %[1]s: recontada por %[2]s a partir de las %[3]s mostradas, %[4]s: %[5]s; elegidos: %[6]s"},
	// The election, K, N, the K trustees' names, "5 ballots", "5 votes",
	// the totals, the method, the elected.
	{Key: "cli.excerpt.election.decrypted",
		En: "#3|one=election %[1]s: the count was checked from %[2]d of its %[3]d trustee's decryptions (%[4]s) of the sum of %[5]s, %[6]s: %[7]s; counted by %[8]s, elected: %[9]s|other=election %[1]s: the count was checked from %[2]d of its %[3]d trustees' decryptions (%[4]s) of the sum of %[5]s, %[6]s: %[7]s; counted by %[8]s, elected: %[9]s",
		De: "Wahl %[1]s: die Zählung wurde geprüft aus den Entschlüsselungen von %[2]d ihrer %[3]d Treuhänder (%[4]s) der Summe von %[5]s, %[6]s: %[7]s; ausgezählt nach %[8]s, gewählt: %[9]s",
		Ru: "выборы %[1]s: подсчёт проверен по расшифровкам %[2]d из %[3]d доверенных лиц (%[4]s) суммы %[5]s, %[6]s: %[7]s; подсчитано методом %[8]s, избраны: %[9]s",
		Fr: "élection %[1]s : le décompte a été vérifié à partir des déchiffrements de %[2]d de ses %[3]d dépositaires (%[4]s) de la somme de %[5]s, %[6]s : %[7]s ; compté selon %[8]s, élus : %[9]s",
		Es: "elección %[1]s: el recuento se comprobó con los descifrados de %[2]d de sus %[3]d depositarios (%[4]s) de la suma de %[5]s, %[6]s: %[7]s; contada por %[8]s, elegidos: %[9]s"},
	// A ranked encrypted election: the election, K, N, the trustees'
	// names, "5 ballots" (the rows shuffled), the first preferences, the
	// method, the elected.
	{Key: "cli.excerpt.election.shuffled",
		En: "#3|one=election %[1]s: the count was checked from %[2]d of its %[3]d trustee's decryptions (%[4]s) of the %[5]s shuffled at the close, whose shuffle proof checks; first preferences %[6]s; counted by %[7]s, elected: %[8]s|other=election %[1]s: the count was checked from %[2]d of its %[3]d trustees' decryptions (%[4]s) of the %[5]s shuffled at the close, whose shuffle proof checks; first preferences %[6]s; counted by %[7]s, elected: %[8]s",
		De: "Wahl %[1]s: die Zählung wurde geprüft aus den Entschlüsselungen von %[2]d ihrer %[3]d Treuhänder (%[4]s) der beim Schluss gemischten %[5]s, deren Mischbeweis gültig ist; erste Präferenzen %[6]s; ausgezählt nach %[7]s, gewählt: %[8]s",
		Ru: "выборы %[1]s: подсчёт проверен по расшифровкам %[2]d из %[3]d доверенных лиц (%[4]s) перемешанных при закрытии бюллетеней (%[5]s), доказательство перемешивания верно; первые предпочтения %[6]s; подсчитано методом %[7]s, избраны: %[8]s",
		Fr: "élection %[1]s : le décompte a été vérifié à partir des déchiffrements de %[2]d de ses %[3]d dépositaires (%[4]s) des %[5]s mélangés à la clôture, dont la preuve de mélange est valide ; premières préférences %[6]s ; compté selon %[7]s, élus : %[8]s",
		Es: "elección %[1]s: el recuento se comprobó con los descifrados de %[2]d de sus %[3]d depositarios (%[4]s) de las %[5]s barajadas al cierre, cuya prueba de barajado es válida; primeras preferencias %[6]s; contada por %[7]s, elegidos: %[8]s"},
	// A mandate that cast a new ballot: the count holds its last one.
	{Key: "cli.excerpt.election.replaced",
		En: "election %[1]s: the count holds the last ballot of each mandate, %[2]d of the %[3]d cast",
		De: "Wahl %[1]s: die Zählung enthält den letzten Stimmzettel jedes Mandats, %[2]d der %[3]d abgegebenen",
		Ru: "выборы %[1]s: в подсчёте последний бюллетень каждого мандата, %[2]d из %[3]d поданных",
		Fr: "élection %[1]s : le décompte contient le dernier bulletin de chaque mandat, %[2]d des %[3]d déposés",
		Es: "elección %[1]s: el recuento contiene la última papeleta de cada mandato, %[2]d de las %[3]d emitidas"},
	// The election, the entry, who declared it.
	{Key: "cli.excerpt.election.declared.by",
		En: "election %[1]s: its declaration (entry %[2]d, declared by %[3]s) names whom this count elects and records this count",
		De: "Wahl %[1]s: ihre Feststellung (Eintrag %[2]d, festgestellt von %[3]s) nennt die nach dieser Zählung Gewählten und verzeichnet diese Zählung",
		Ru: "выборы %[1]s: объявление итогов (запись %[2]d, объявил %[3]s) называет избранных по этому подсчёту и содержит этот подсчёт",
		Fr: "élection %[1]s : sa proclamation (entrée %[2]d, proclamée par %[3]s) nomme les élus de ce décompte et inscrit ce décompte",
		Es: "elección %[1]s: su proclamación (entrada %[2]d, proclamada por %[3]s) nombra a los elegidos por este recuento y registra este recuento"},
	// The chair named the elected as stated although ballots were
	// counted: the declaration records no count.
	{Key: "cli.excerpt.election.declared.names",
		En: "election %[1]s: its declaration (entry %[2]d, declared by %[3]s) names whom this count elects, as stated; it records no count, so a ballot left out that changes no one elected cannot be told from it",
		De: "Wahl %[1]s: ihre Feststellung (Eintrag %[2]d, festgestellt von %[3]s) nennt die nach dieser Zählung Gewählten, wie angegeben; sie verzeichnet keine Zählung, ein ausgelassener Stimmzettel, der niemanden als gewählt ändert, ist also an ihr nicht zu erkennen",
		Ru: "выборы %[1]s: объявление итогов (запись %[2]d, объявил %[3]s) называет избранных по этому подсчёту, как заявлено; подсчёта в нём нет, поэтому пропущенный бюллетень, не меняющий избранных, по нему не обнаружить",
		Fr: "élection %[1]s : sa proclamation (entrée %[2]d, proclamée par %[3]s) nomme les élus de ce décompte, tels que déclarés ; elle n'inscrit aucun décompte, si bien qu'un bulletin omis qui ne change aucun élu ne s'y voit pas",
		Es: "elección %[1]s: su proclamación (entrada %[2]d, proclamada por %[3]s) nombra a los elegidos por este recuento, tal como se declararon; no registra recuento, así que una papeleta omitida que no cambia a ningún elegido no se nota en ella"},
	// The election, the entry, K, the trustee the entry names.
	{Key: "cli.excerpt.election.declared.auto",
		En: "#3|one=election %[1]s: its declaration (entry %[2]d) is this count; plenum declared it itself when the one trustee's share needed was posted, so the entry names %[4]s, the trustee who posted that share, who decided nothing|other=election %[1]s: its declaration (entry %[2]d) is this count; plenum declared it itself when the last of the %[3]d trustees' shares needed was posted, so the entry names %[4]s, the trustee who posted that share, who decided nothing",
		De: "Wahl %[1]s: ihre Feststellung (Eintrag %[2]d) ist diese Zählung; plenum hat sie selbst festgestellt, als der letzte der %[3]d nötigen Anteile der Treuhänder einging, daher nennt der Eintrag %[4]s, den Treuhänder, der diesen Anteil einreichte und nichts entschied",
		Ru: "выборы %[1]s: объявление итогов (запись %[2]d) совпадает с подсчётом; plenum объявил их сам, когда поступила последняя из %[3]d нужных долей доверенных лиц, поэтому в записи указан %[4]s — доверенное лицо, отправившее эту долю и ничего не решавшее",
		Fr: "élection %[1]s : sa proclamation (entrée %[2]d) est ce décompte ; plenum l'a proclamée de lui-même quand la dernière des %[3]d parts de dépositaires nécessaires a été déposée, si bien que l'entrée nomme %[4]s, le dépositaire qui a déposé cette part et n'a rien décidé",
		Es: "elección %[1]s: su proclamación (entrada %[2]d) es este recuento; plenum la proclamó por sí mismo cuando se publicó la última de las %[3]d partes de depositarios necesarias, por eso la entrada nombra a %[4]s, el depositario que publicó esa parte y no decidió nada"},
	// No ballot counted: the election, the entry, who declared it, the
	// elected.
	{Key: "cli.excerpt.election.stated",
		En: "election %[1]s: no ballot of it was counted; its declaration (entry %[2]d, declared by %[3]s) names the elected as stated (%[4]s), which no count checks",
		De: "Wahl %[1]s: kein Stimmzettel wurde gezählt; ihre Feststellung (Eintrag %[2]d, festgestellt von %[3]s) nennt die Gewählten wie angegeben (%[4]s), was keine Zählung prüft",
		Ru: "выборы %[1]s: ни один бюллетень не подсчитывался; объявление итогов (запись %[2]d, объявил %[3]s) называет избранных, как заявлено (%[4]s), и никакой подсчёт этого не проверяет",
		Fr: "élection %[1]s : aucun bulletin n'a été compté ; sa proclamation (entrée %[2]d, proclamée par %[3]s) nomme les élus tels que déclarés (%[4]s), ce qu'aucun décompte ne vérifie",
		Es: "elección %[1]s: no se contó ninguna papeleta; su proclamación (entrada %[2]d, proclamada por %[3]s) nombra a los elegidos tal como se declararon (%[4]s), lo que ningún recuento comprueba"},
	{Key: "cli.excerpt.election.withdrawn",
		En: "election %[1]s was withdrawn (entry %[2]d): nobody is elected by it",
		De: "Wahl %[1]s wurde zurückgezogen (Eintrag %[2]d): niemand ist durch sie gewählt",
		Ru: "выборы %[1]s отменены (запись %[2]d): по ним никто не избран",
		Fr: "l'élection %[1]s a été retirée (entrée %[2]d) : personne n'est élu par elle",
		Es: "la elección %[1]s fue retirada (entrada %[2]d): nadie resulta elegido por ella"},
	// Entries of the election shown, all checked, and no declaration.
	{Key: "cli.excerpt.election.pending",
		En: "#2|one=election %[1]s is not declared in the excerpt: the %[2]d entry of it shown after its opening checks, but nobody is proved elected|other=election %[1]s is not declared in the excerpt: the %[2]d entries of it shown after its opening check, but nobody is proved elected",
		De: "Wahl %[1]s ist im Auszug nicht festgestellt: die nach ihrer Eröffnung gezeigten Einträge (%[2]d) sind gültig, aber niemand ist als gewählt bewiesen",
		Ru: "итоги выборов %[1]s в выписке не объявлены: показанные после открытия записи (%[2]d) верны, но ничьё избрание не доказано",
		Fr: "l'élection %[1]s n'est pas proclamée dans l'extrait : les entrées montrées après son ouverture (%[2]d) sont valides, mais personne n'est prouvé élu",
		Es: "la elección %[1]s no está proclamada en el extracto: las entradas mostradas tras su apertura (%[2]d) son válidas, pero no se prueba que nadie haya sido elegido"},
	{Key: "cli.excerpt.election.limits",
		En: "election %[1]s: not checked from the excerpt: that each ballot's voter held the mandate it names, with the weight recorded with it, and was there to vote, and that those entitled at the opening were the ones the rules entitle; these need the rest of the record (plenum verify --url)",
		De: "Wahl %[1]s: nicht aus dem Auszug geprüft: dass der Wähler jedes Stimmzettels das genannte Mandat mit dem verzeichneten Gewicht innehatte und zur Stimmabgabe anwesend war, und dass die bei der Eröffnung Stimmberechtigten die nach der Ordnung Berechtigten waren; das braucht die übrige Aufzeichnung (plenum verify --url)",
		Ru: "выборы %[1]s: по выписке не проверено: что голосовавший по каждому бюллетеню имел названный мандат с записанным весом и присутствовал для голосования, и что допущенные при открытии — те, кого допускает регламент; для этого нужен весь протокол (plenum verify --url)",
		Fr: "élection %[1]s : non vérifié à partir de l'extrait : que l'électeur de chaque bulletin détenait le mandat qu'il nomme, avec le poids inscrit, et était là pour voter, et que les ayants droit à l'ouverture étaient ceux que le règlement admet ; il faut pour cela le reste du journal (plenum verify --url)",
		Es: "elección %[1]s: no comprobado con el extracto: que el votante de cada papeleta tenía el mandato que nombra, con el peso registrado, y estaba presente para votar, y que los habilitados en la apertura eran los que el reglamento habilita; eso requiere el resto del registro (plenum verify --url)"},
	// An entry whose payload is stored beside the log: the entry, the
	// size, the SHA-256 and the payload.
	{Key: "cli.excerpt.payload",
		En: "#2|one=entry %[1]d: its payload, stored beside the log (%[2]d byte, SHA-256 %[3]s), carried by the excerpt and checked: %[4]s|other=entry %[1]d: its payload, stored beside the log (%[2]d bytes, SHA-256 %[3]s), carried by the excerpt and checked: %[4]s",
		De: "Eintrag %[1]d: seine Nutzdaten, neben dem Log gespeichert (%[2]d Bytes, SHA-256 %[3]s), vom Auszug mitgeführt und geprüft: %[4]s",
		Ru: "запись %[1]d: её содержимое, хранимое рядом с журналом (байт: %[2]d, SHA-256 %[3]s), приложено к выписке и проверено: %[4]s",
		Fr: "entrée %[1]d : son contenu, conservé à côté du journal (%[2]d octets, SHA-256 %[3]s), joint à l'extrait et vérifié : %[4]s",
		Es: "entrada %[1]d: su contenido, guardado junto al registro (%[2]d bytes, SHA-256 %[3]s), incluido en el extracto y comprobado: %[4]s"},
	{Key: "cli.excerpt.payload.missing",
		En: "#2|one=entry %[1]d: its payload is stored beside the log (%[2]d byte, SHA-256 %[3]s), and the excerpt does not carry it: what the entry says is not shown|other=entry %[1]d: its payload is stored beside the log (%[2]d bytes, SHA-256 %[3]s), and the excerpt does not carry it: what the entry says is not shown",
		De: "Eintrag %[1]d: seine Nutzdaten sind neben dem Log gespeichert (%[2]d Bytes, SHA-256 %[3]s), und der Auszug führt sie nicht mit: was der Eintrag sagt, ist nicht gezeigt",
		Ru: "запись %[1]d: её содержимое хранится рядом с журналом (байт: %[2]d, SHA-256 %[3]s), и к выписке не приложено: что говорит запись, не показано",
		Fr: "entrée %[1]d : son contenu est conservé à côté du journal (%[2]d octets, SHA-256 %[3]s), et l'extrait ne le joint pas : ce que dit l'entrée n'est pas montré",
		Es: "entrada %[1]d: su contenido se guarda junto al registro (%[2]d bytes, SHA-256 %[3]s), y el extracto no lo incluye: lo que dice la entrada no se muestra"},
}
