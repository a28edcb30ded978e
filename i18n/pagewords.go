package i18n

func init() { register(pageWordsMessages) }

// pageWordsMessages are words of the pages said better than before: a
// delegate's own mandate from an organization, said as a sentence in
// each language (Russian "Ваш мандат от организации …", not "от: …").
var pageWordsMessages = []Msg{
	{Key: "web.d.your_mandate_org", En: "Your mandate for %s (%s) is %s", De: "Ihr Mandat für %s (%s) ist %s", Ru: "Ваш мандат от организации %s (%s) %s", Fr: "Votre mandat pour %s (%s) est %s", Es: "Su credencial por %s (%s) está %s"},

	// The withdraw form of a vote asks how the assembly consented once
	// ballots were cast or a count entered, saying which of them it was.
	{Key: "web.c.consent_ballots",
		En: "#1|one=%d ballot already cast: how did the assembly consent?|other=%d ballots already cast: how did the assembly consent?",
		De: "#1|one=%d Stimme bereits abgegeben: Wie hat die Versammlung zugestimmt?|other=%d Stimmen bereits abgegeben: Wie hat die Versammlung zugestimmt?",
		Ru: "#1|one=Уже подан %d голос: как собрание дало согласие?|few=Уже подано %d голоса: как собрание дало согласие?|many=Уже подано %d голосов: как собрание дало согласие?|other=Уже подано %d голоса: как собрание дало согласие?",
		Fr: "#1|one=%d bulletin déjà exprimé : comment l'assemblée a-t-elle consenti ?|other=%d bulletins déjà exprimés : comment l'assemblée a-t-elle consenti ?",
		Es: "#1|one=%d voto ya emitido: ¿cómo consintió la asamblea?|other=%d votos ya emitidos: ¿cómo consintió la asamblea?"},
	{Key: "web.c.consent_count",
		En: "A count is already entered: how did the assembly consent?",
		De: "Eine Zählung ist bereits eingetragen: Wie hat die Versammlung zugestimmt?",
		Ru: "Подсчёт уже внесён: как собрание дало согласие?",
		Fr: "Un décompte est déjà saisi : comment l'assemblée a-t-elle consenti ?",
		Es: "Ya hay un recuento anotado: ¿cómo consintió la asamblea?"},
	{Key: "web.c.consent_both",
		En: "#1|one=%d ballot cast and a count entered: how did the assembly consent?|other=%d ballots cast and a count entered: how did the assembly consent?",
		De: "#1|one=%d Stimme abgegeben und eine Zählung eingetragen: Wie hat die Versammlung zugestimmt?|other=%d Stimmen abgegeben und eine Zählung eingetragen: Wie hat die Versammlung zugestimmt?",
		Ru: "#1|one=Подан %d голос и внесён подсчёт: как собрание дало согласие?|few=Подано %d голоса и внесён подсчёт: как собрание дало согласие?|many=Подано %d голосов и внесён подсчёт: как собрание дало согласие?|other=Подано %d голоса и внесён подсчёт: как собрание дало согласие?",
		Fr: "#1|one=%d bulletin exprimé et un décompte saisi : comment l'assemblée a-t-elle consenti ?|other=%d bulletins exprimés et un décompte saisi : comment l'assemblée a-t-elle consenti ?",
		Es: "#1|one=%d voto emitido y un recuento anotado: ¿cómo consintió la asamblea?|other=%d votos emitidos y un recuento anotado: ¿cómo consintió la asamblea?"},

	// The secretary's feed says what an entry did, not only its title: a
	// resolution drawn up with its amendments applied, a body formed.
	{Key: "web.e.resolution_consolidated", En: "The resolution “%s” is drawn up as carried, with the amendments carried applied.", De: "Der Beschluss „%s“ ist in der angenommenen Fassung erstellt, die angenommenen Änderungen eingearbeitet.", Ru: "Резолюция «%s» сведена в принятой редакции с учётом принятых поправок.", Fr: "La résolution « %s » est établie telle qu'adoptée, les amendements adoptés intégrés.", Es: "La resolución «%s» queda redactada tal como se aprobó, con las enmiendas aprobadas incorporadas."},
	{Key: "web.e.body_formed", En: "Body formed: %s", De: "Gremium gebildet: %s", Ru: "Образован орган: %s", Fr: "Organe constitué : %s", Es: "Órgano constituido: %s"},

	// The receipt page once the vote or election it is a ballot in is no
	// longer open (its live region): no longer "counted when it closes".
	{Key: "web.rc.vote_closed", En: "The vote is closed; its result is not yet declared.", De: "Die Abstimmung ist geschlossen; ihr Ergebnis ist noch nicht festgestellt.", Ru: "Голосование закрыто; его результат ещё не объявлен.", Fr: "Le vote est clos ; son résultat n'est pas encore proclamé.", Es: "La votación está cerrada; su resultado aún no se ha proclamado."},
	{Key: "web.rc.vote_declared", En: "The vote is closed and its result declared.", De: "Die Abstimmung ist geschlossen und ihr Ergebnis festgestellt.", Ru: "Голосование закрыто, его результат объявлен.", Fr: "Le vote est clos et son résultat proclamé.", Es: "La votación está cerrada y su resultado proclamado."},
	{Key: "web.rc.vote_withdrawn", En: "The vote was withdrawn; its ballots are not counted.", De: "Die Abstimmung wurde zurückgezogen; ihre Stimmen werden nicht gezählt.", Ru: "Голосование отменено; его голоса не подсчитываются.", Fr: "Le vote a été retiré ; ses voix ne sont pas comptées.", Es: "La votación fue retirada; sus votos no se cuentan."},
	{Key: "web.rc.election_closed", En: "The election is closed; its result is not yet declared.", De: "Die Wahl ist geschlossen; ihr Ergebnis ist noch nicht festgestellt.", Ru: "Выборы закрыты; их результат ещё не объявлен.", Fr: "L'élection est close ; son résultat n'est pas encore proclamé.", Es: "La elección está cerrada; su resultado aún no se ha proclamado."},
	{Key: "web.rc.election_declared", En: "The election is closed and its result declared.", De: "Die Wahl ist geschlossen und ihr Ergebnis festgestellt.", Ru: "Выборы закрыты, их результат объявлен.", Fr: "L'élection est close et son résultat proclamé.", Es: "La elección está cerrada y su resultado proclamado."},
	{Key: "web.rc.election_withdrawn", En: "The election was withdrawn; its ballots are not counted.", De: "Die Wahl wurde zurückgezogen; ihre Stimmzettel werden nicht gezählt.", Ru: "Выборы отменены; их бюллетени не подсчитываются.", Fr: "L'élection a été retirée ; ses bulletins ne sont pas comptés.", Es: "La elección fue retirada; sus papeletas no se cuentan."},
	{Key: "web.rc.recorded_entry_only", En: "It is entry %d of the record.", De: "Sie ist Eintrag %d des Protokolls.", Ru: "Это запись %d протокола.", Fr: "C'est l'entrée %d du procès-verbal.", Es: "Es la entrada %d del acta."},
}
