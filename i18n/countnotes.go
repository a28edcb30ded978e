package i18n

func init() { register(countNoteMessages) }

// countNoteMessages are the words for a correction of a count: the
// refusal of correct_record on an entry of a count (a ballot, the
// opening, closing, count, result or withdrawal of a vote or an
// election), and, for the corrections of such entries that logs written
// before plenum refused them still hold, the words the minutes and the
// pages give them, so that no reader takes a secretary's note for the
// outcome.
var countNoteMessages = []Msg{
	// The refusal (package assembly, CorrectRecord): the entry's number.
	// The command names (record_narrative, withdraw_vote,
	// withdraw_election, move_motion) and the procedure reconsider stay
	// as they are typed.
	{Key: "entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes: a correction beside it would read as a second outcome. Say what needs saying with record_narrative; only the assembly changes a count, by voting again (before the result is declared, withdraw_vote or withdraw_election with its consent; after, a motion to reconsider: move_motion with procedure reconsider)",
		En: "entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes: a correction beside it would read as a second outcome. Say what needs saying with record_narrative; only the assembly changes a count, by voting again (before the result is declared, withdraw_vote or withdraw_election with its consent; after, a motion to reconsider: move_motion with procedure reconsider)",
		De: "Eintrag %d ist eine Stimme, eine Zählung oder ein Ergebnis, worüber die Stimmen und die Geschäftsordnung entscheiden, nicht das Protokoll: Eine Berichtigung daneben läse sich wie ein zweites Ergebnis. Was dazu zu sagen ist, tragen Sie mit record_narrative ein; eine Zählung ändert nur die Versammlung, indem sie erneut abstimmt (bevor das Ergebnis festgestellt ist, withdraw_vote oder withdraw_election mit ihrer Zustimmung; danach ein Antrag auf erneute Beratung: move_motion mit der procedure reconsider)",
		Ru: "запись %d — бюллетень, подсчёт или результат: их определяют бюллетени и регламент, а не протокол, и исправление рядом с ними читалось бы как второй итог. Что нужно сказать, внесите командой record_narrative; подсчёт меняет только собрание, проголосовав заново (до объявления результата — withdraw_vote или withdraw_election с его согласия; после — предложение о пересмотре: move_motion с procedure reconsider)",
		Fr: "l'entrée %d est un bulletin, un décompte ou un résultat, que décident les bulletins et le règlement, non le procès-verbal : une rectification à côté se lirait comme un second résultat. Consignez ce qu'il faut en dire avec record_narrative ; seule l'assemblée change un décompte, en votant de nouveau (avant la proclamation du résultat, withdraw_vote ou withdraw_election avec son consentement ; après, une motion de réexamen : move_motion avec la procedure reconsider)",
		Es: "la entrada %d es una papeleta, un recuento o un resultado, que deciden las papeletas y el reglamento, no el acta: una corrección a su lado se leería como un segundo resultado. Registre lo que haya que decir con record_narrative; solo la asamblea cambia un recuento, votando de nuevo (antes de proclamar el resultado, withdraw_vote o withdraw_election con su consentimiento; después, una moción de reconsideración: move_motion con la procedure reconsider)"},
}
