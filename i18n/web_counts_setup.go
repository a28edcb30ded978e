package i18n

func init() { register(webCountsSetupMessages) }

// webCountsSetupMessages are the console's weighted count, the set-up
// pages' new-assembly and import words, the copy-from flash
// and the languages plenum writes in.
var webCountsSetupMessages = []Msg{
	// The chair's console, when some mandate carries more than one vote:
	// the counts per choice that follow are votes, each with the ballots
	// that carry them ("votes: For 3 (2 ballots), Against 2 (2 ballots)").
	{Key: "web.c.weighted_votes", En: "votes:", De: "Stimmen:", Ru: "голоса:", Fr: "voix :", Es: "votos:"},
	{Key: "web.c.of_ballots", En: "#1|one=(%d ballot)|other=(%d ballots)", De: "#1|one=(%d Stimmzettel)|other=(%d Stimmzettel)", Ru: "#1|one=(%d бюллетень)|few=(%d бюллетеня)|many=(%d бюллетеней)|other=(%d бюллетеня)", Fr: "#1|one=(%d bulletin)|other=(%d bulletins)", Es: "#1|one=(%d papeleta)|other=(%d papeletas)"},
	// The flash after an assembly is created from a previous one (the
	// form's "Start from"): the previous assembly's name, and the entries
	// of the new record that copied its roster.
	{Key: "web.na.done_copied", En: "#2|one=The assembly is set up from %[1]s, whose organizations, persons, mandates (to be verified again), offices and bodies were copied: %[2]d entry of the record.|other=The assembly is set up from %[1]s, whose organizations, persons, mandates (to be verified again), offices and bodies were copied: %[2]d entries of the record.",
		De: "#2|one=Die Versammlung ist auf Grundlage von %[1]s eingerichtet; deren Organisationen, Personen, Mandate (erneut zu prüfen), Ämter und Gremien wurden übernommen: %[2]d Eintrag des Protokolls.|other=Die Versammlung ist auf Grundlage von %[1]s eingerichtet; deren Organisationen, Personen, Mandate (erneut zu prüfen), Ämter und Gremien wurden übernommen: %[2]d Einträge des Protokolls.",
		Ru: "#2|one=Собрание создано на основе %[1]s; оттуда скопированы организации, лица, мандаты (их нужно проверить заново), должности и органы: %[2]d запись протокола.|few=Собрание создано на основе %[1]s; оттуда скопированы организации, лица, мандаты (их нужно проверить заново), должности и органы: %[2]d записи протокола.|many=Собрание создано на основе %[1]s; оттуда скопированы организации, лица, мандаты (их нужно проверить заново), должности и органы: %[2]d записей протокола.|other=Собрание создано на основе %[1]s; оттуда скопированы организации, лица, мандаты (их нужно проверить заново), должности и органы: %[2]d записи протокола.",
		Fr: "#2|one=L'assemblée est créée à partir de %[1]s, dont les organisations, personnes, mandats (à vérifier de nouveau), fonctions et organes ont été copiés : %[2]d entrée du procès-verbal.|other=L'assemblée est créée à partir de %[1]s, dont les organisations, personnes, mandats (à vérifier de nouveau), fonctions et organes ont été copiés : %[2]d entrées du procès-verbal.",
		Es: "#2|one=La asamblea se creó a partir de %[1]s, cuyas organizaciones, personas, credenciales (por verificar de nuevo), cargos y órganos se copiaron: %[2]d entrada del acta.|other=La asamblea se creó a partir de %[1]s, cuyas organizaciones, personas, credenciales (por verificar de nuevo), cargos y órganos se copiaron: %[2]d entradas del acta."},
	// The import's button, "Record 3 rows (5 commands, one batch)"
	// (web.im.record): the rows, as the object of "Record", and the
	// commands.
	{Key: "web.im.record_rows", En: "#1|one=%d row|other=%d rows", De: "#1|one=%d Zeile|other=%d Zeilen", Ru: "#1|one=%d строку|few=%d строки|many=%d строк|other=%d строки", Fr: "#1|one=%d ligne|other=%d lignes", Es: "#1|one=%d fila|other=%d filas"},
	{Key: "web.im.record_commands", En: "#1|one=%d command|other=%d commands", De: "#1|one=%d Befehl|other=%d Befehle", Ru: "#1|one=%d команда|few=%d команды|many=%d команд|other=%d команды", Fr: "#1|one=%d commande|other=%d commandes", Es: "#1|one=%d orden|other=%d órdenes"},
	// Beside the assembly's language on the set-up forms: the languages
	// plenum writes in (the suggestions list them), and what another tag
	// does; then, when the tag given is another, that it is written in
	// English.
	{Key: "web.su.lang_spoken", En: "the pages, minutes and cards are written in en, de, ru, fr or es (de-AT and the like count as de); with another language tag they are in English", De: "Seiten, Protokoll und Karten werden auf en, de, ru, fr oder es geschrieben (de-AT und dergleichen gelten als de); mit einem anderen Sprachkürzel sind sie auf Englisch", Ru: "страницы, протокол и карточки пишутся на en, de, ru, fr или es (de-AT и подобные считаются de); с другим кодом языка они будут на английском", Fr: "les pages, le procès-verbal et les cartes sont rédigés en en, de, ru, fr ou es (de-AT et semblables valent de) ; avec un autre code de langue, ils sont en anglais", Es: "las páginas, el acta y las tarjetas se escriben en en, de, ru, fr o es (de-AT y similares cuentan como de); con otro código de idioma quedan en inglés"},
	{Key: "web.su.lang_unspoken", En: "plenum does not write in %s: the pages, minutes and cards of this assembly are in English. Give en, de, ru, fr or es for another.", De: "plenum schreibt nicht auf %s: Seiten, Protokoll und Karten dieser Versammlung sind auf Englisch. Geben Sie für eine andere Sprache en, de, ru, fr oder es an.", Ru: "plenum не пишет на %s: страницы, протокол и карточки этого собрания будут на английском. Для другого языка укажите en, de, ru, fr или es.", Fr: "plenum n'écrit pas en %s : les pages, le procès-verbal et les cartes de cette assemblée sont en anglais. Indiquez en, de, ru, fr ou es pour une autre langue.", Es: "plenum no escribe en %s: las páginas, el acta y las tarjetas de esta asamblea quedan en inglés. Indique en, de, ru, fr o es para otro idioma."},
}
