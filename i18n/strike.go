package i18n

func init() {
	register(strikeMessages)
	register(strikeRefusalMessages)
	register(strikeWebMessages)
}

// strikeMessages are the words for an entry struck out of the minutes
// (package assembly, StrikeRecord; package minutes, StrikeLead): its lead
// in the minutes, the mark after the entry struck out, and the refusals.
var strikeMessages = []Msg{
	// What is struck out, described ("the notes of the speech of Ivy
	// Chen"), and the entry's number.
	{Key: "minutes.strike.lead",
		En: "Struck out of the minutes: %s (entry %s).",
		De: "Aus dem Protokoll gestrichen: %s (Eintrag %s).",
		Ru: "Вычеркнуто из протокола: %s (запись %s).",
		Fr: "Retiré du procès-verbal : %s (entrée %s).",
		Es: "Suprimido del acta: %s (entrada %s)."},
	// The same, and the name of who struck it out.
	{Key: "minutes.strike.lead_by",
		En: "Struck out of the minutes: %s (entry %s), by %s.",
		De: "Aus dem Protokoll gestrichen: %s (Eintrag %s), von %s.",
		Ru: "Вычеркнуто из протокола: %s (запись %s); вычеркнул(а): %s.",
		Fr: "Retiré du procès-verbal : %s (entrée %s), par %s.",
		Es: "Suprimido del acta: %s (entrada %s), por %s."},
	// The entry struck out has no description but its number, which it
	// gives ("entry 55 of the log").
	{Key: "minutes.strike.lead_entry",
		En: "Struck out of the minutes: %s.",
		De: "Aus dem Protokoll gestrichen: %s.",
		Ru: "Вычеркнуто из протокола: %s.",
		Fr: "Retiré du procès-verbal : %s.",
		Es: "Suprimido del acta: %s."},
	{Key: "minutes.strike.lead_entry_by",
		En: "Struck out of the minutes: %s, by %s.",
		De: "Aus dem Protokoll gestrichen: %s, von %s.",
		Ru: "Вычеркнуто из протокола: %s; вычеркнул(а): %s.",
		Fr: "Retiré du procès-verbal : %s, par %s.",
		Es: "Suprimido del acta: %s, por %s."},
	// After the entry struck out: the entry that struck it.
	{Key: "minutes.strike.later",
		En: "Struck out later: see entry %s.",
		De: "Später gestrichen: siehe Eintrag %s.",
		Ru: "Позднее вычеркнуто: см. запись %s.",
		Fr: "Retiré plus tard : voir l'entrée %s.",
		Es: "Suprimido después: véase la entrada %s."},
	{Key: "minutes.strike.link", En: "(the entry struck out)", De: "(der gestrichene Eintrag)", Ru: "(вычеркнутая запись)", Fr: "(l'entrée retirée)", Es: "(la entrada suprimida)"},
}

// strikeRefusalMessages are strike_record's refusals (package assembly,
// StrikeRecord.decide and RecordStruck.apply), and correct_record's of a
// struck entry.
var strikeRefusalMessages = []Msg{
	{Key: "only a secretary or the chair strikes an entry out of the minutes",
		En: "only a secretary or the chair strikes an entry out of the minutes",
		De: "einen Eintrag aus dem Protokoll streicht nur die Schriftführung oder der Vorsitz",
		Ru: "вычеркнуть запись из протокола может только секретарь или председатель",
		Fr: "seuls le secrétariat ou la présidence retirent une entrée du procès-verbal",
		Es: "solo la secretaría o la presidencia suprimen una entrada del acta"},
	{Key: "entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes; it cannot be struck out. Say what needs saying with %s; only the assembly changes a count, by voting again",
		En: "entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes; it cannot be struck out. Say what needs saying with %s; only the assembly changes a count, by voting again",
		De: "Eintrag %d ist ein Stimmzettel, eine Zählung oder ein Ergebnis; darüber entscheiden die Stimmzettel und die Geschäftsordnung, nicht das Protokoll, und er kann nicht gestrichen werden. Was dazu zu sagen ist, sagt %s; eine Zählung ändert nur die Versammlung, indem sie erneut abstimmt",
		Ru: "запись %d — бюллетень, подсчёт или результат: их определяют бюллетени и регламент, а не протокол, и вычеркнуть её нельзя. Что нужно сказать о ней, скажите через %s; подсчёт меняет только собрание, проголосовав снова",
		Fr: "l'entrée %d est un bulletin, un décompte ou un résultat, que les bulletins et le règlement décident, non le procès-verbal ; elle ne peut être retirée. Dites ce qu'il faut dire avec %s ; seule l'assemblée change un décompte, en votant de nouveau",
		Es: "la entrada %d es una papeleta, un recuento o un resultado, que deciden las papeletas y el reglamento, no el acta; no puede suprimirse. Diga lo que haya que decir con %s; solo la asamblea cambia un recuento, votando de nuevo"},
	{Key: "entry %d was struck out already (entry %d)",
		En: "entry %d was struck out already (entry %d)",
		De: "Eintrag %d ist bereits gestrichen (Eintrag %d)",
		Ru: "запись %d уже вычеркнута (запись %d)",
		Fr: "l'entrée %d a déjà été retirée (entrée %d)",
		Es: "la entrada %d ya fue suprimida (entrada %d)"},
	{Key: "entry %d strikes out another entry; a strike is not struck out: say what was mistaken with %s",
		En: "entry %d strikes out another entry; a strike is not struck out: say what was mistaken with %s",
		De: "Eintrag %d streicht einen anderen Eintrag; eine Streichung wird nicht gestrichen: was irrtümlich war, sagt %s",
		Ru: "запись %d вычёркивает другую запись; вычёркивание не вычёркивается: об ошибке скажите через %s",
		Fr: "l'entrée %d retire une autre entrée ; un retrait ne se retire pas : dites ce qui était erroné avec %s",
		Es: "la entrada %d suprime otra entrada; una supresión no se suprime: diga qué fue erróneo con %s"},
	{Key: "entry %d was struck out of the minutes (entry %d); a struck entry is not corrected",
		En: "entry %d was struck out of the minutes (entry %d); a struck entry is not corrected",
		De: "Eintrag %d wurde aus dem Protokoll gestrichen (Eintrag %d); ein gestrichener Eintrag wird nicht berichtigt",
		Ru: "запись %d вычеркнута из протокола (запись %d); вычеркнутую запись не исправляют",
		Fr: "l'entrée %d a été retirée du procès-verbal (entrée %d) ; une entrée retirée ne se rectifie pas",
		Es: "la entrada %d fue suprimida del acta (entrada %d); una entrada suprimida no se corrige"},
	{Key: "there is no entry %d to strike out",
		En: "there is no entry %d to strike out",
		De: "es gibt keinen Eintrag %d, der gestrichen werden könnte",
		Ru: "записи %d для вычёркивания нет",
		Fr: "il n'y a pas d'entrée %d à retirer",
		Es: "no hay ninguna entrada %d que suprimir"},
}

// strikeWebMessages are the secretary's page's words for a strike
// (package web: secretary.html, parts.html's entry-text, refusalwords.go).
var strikeWebMessages = []Msg{
	{Key: "web.s.strike_note",
		En: "Or strike entry %d out of the minutes instead — notes entered twice, a line under the wrong item. The log keeps it; the minutes mark it struck out, with your reason.",
		De: "Oder Eintrag %d stattdessen aus dem Protokoll streichen – doppelt eingetragene Notizen, eine Zeile unter dem falschen Punkt. Das Log behält ihn; das Protokoll kennzeichnet ihn als gestrichen, mit Ihrer Begründung.",
		Ru: "Или вместо этого вычеркните запись %d из протокола — заметки, внесённые дважды, строка не под тем пунктом. Журнал сохраняет её; протокол помечает её вычеркнутой, с вашей причиной.",
		Fr: "Ou retirez plutôt l'entrée %d du procès-verbal — des notes saisies deux fois, une ligne sous le mauvais point. Le journal la garde ; le procès-verbal la marque retirée, avec votre motif.",
		Es: "O suprima en su lugar la entrada %d del acta: notas registradas dos veces, una línea bajo el punto equivocado. El registro la conserva; el acta la marca como suprimida, con su motivo."},
	{Key: "web.s.strike", En: "Strike out entry %d", De: "Eintrag %d streichen", Ru: "Вычеркнуть запись %d", Fr: "Retirer l'entrée %d", Es: "Suprimir la entrada %d"},
	{Key: "web.s.strike_action", En: "Strike out an entry", De: "Einen Eintrag streichen", Ru: "Вычеркнуть запись", Fr: "Retirer une entrée", Es: "Suprimir una entrada"},
	{Key: "web.s.struck", En: "struck out", De: "gestrichen", Ru: "вычеркнуто", Fr: "retiré", Es: "suprimido"},
	{Key: "web.e.strike", En: "Entry %s struck out of the minutes", De: "Eintrag %s aus dem Protokoll gestrichen", Ru: "Запись %s вычеркнута из протокола", Fr: "Entrée %s retirée du procès-verbal", Es: "Entrada %s suprimida del acta"},
	{Key: "web.done.strike_record", En: "The entry was struck out", De: "Der Eintrag wurde gestrichen", Ru: "Запись вычеркнута", Fr: "L'entrée a été retirée", Es: "La entrada se ha suprimido"},
}
