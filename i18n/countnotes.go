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

	// The lead of a note on a count in the minutes (package minutes,
	// CorrectionLead), as minutes.correction.lead* name the entry: what
	// is noted ("the result of the vote “…”"), the entry's number.
	{Key: "minutes.count_note.lead",
		En: "A note on %s (entry %s):",
		De: "Anmerkung (%s, Eintrag %s):",
		Ru: "Заметка (%s, запись %s):",
		Fr: "Note sur %s (entrée %s) :",
		Es: "Nota sobre %s (entrada %s):"},
	// The same, and the name of who recorded the note.
	{Key: "minutes.count_note.lead_by",
		En: "A note on %s (entry %s), recorded by %s:",
		De: "Anmerkung (%s, Eintrag %s; eingetragen von %s):",
		Ru: "Заметка (%s, запись %s; внесена: %s):",
		Fr: "Note sur %s (entrée %s), enregistrée par %s :",
		Es: "Nota sobre %s (entrada %s), registrada por %s:"},
	// The entry noted has no description but its number, which it gives
	// ("entry 55 of the log (ballot cast)").
	{Key: "minutes.count_note.lead_entry",
		En: "A note on %s:",
		De: "Anmerkung (%s):",
		Ru: "Заметка (%s):",
		Fr: "Note sur %s :",
		Es: "Nota sobre %s:"},
	// The same, and the name of who recorded the note.
	{Key: "minutes.count_note.lead_entry_by",
		En: "A note on %s, recorded by %s:",
		De: "Anmerkung (%s; eingetragen von %s):",
		Ru: "Заметка (%s; внесена: %s):",
		Fr: "Note sur %s, enregistrée par %s :",
		Es: "Nota sobre %s, registrada por %s:"},
	// What the minutes say after every note on a count.
	{Key: "minutes.count_note.stands",
		En: "This note changes nothing of the vote: the ballots, the count and the result stand as the log records them; only the assembly changes them, by voting again.",
		De: "Diese Anmerkung ändert nichts an der Abstimmung: Stimmen, Zählung und Ergebnis gelten, wie das Log sie verzeichnet; ändern kann sie nur die Versammlung, indem sie erneut abstimmt.",
		Ru: "Эта заметка ничего не меняет в голосовании: бюллетени, подсчёт и результат остаются такими, как их записал журнал; изменить их может только собрание, проголосовав заново.",
		Fr: "Cette note ne change rien au vote : les bulletins, le décompte et le résultat restent tels que le journal les consigne ; seule l'assemblée peut les changer, en votant de nouveau.",
		Es: "Esta nota no cambia nada de la votación: las papeletas, el recuento y el resultado quedan como los consigna el registro; solo la asamblea puede cambiarlos, votando de nuevo."},
	// The link from a note to the entry it is on.
	{Key: "minutes.count_note.link",
		En: "(the entry noted)",
		De: "(der angemerkte Eintrag)",
		Ru: "(запись, к которой относится заметка)",
		Fr: "(l'entrée annotée)",
		Es: "(la entrada anotada)"},
	// After an entry of a count that notes follow: how many, their
	// entries.
	{Key: "minutes.count_note.later",
		En: "#1|one=A note on this entry was recorded later (entry %[2]s); it changes nothing of the vote.|other=Notes on this entry were recorded later (entries %[2]s); they change nothing of the vote.",
		De: "#1|one=Später angemerkt (Eintrag %[2]s); die Anmerkung ändert nichts an der Abstimmung.|other=Später angemerkt (Einträge %[2]s); die Anmerkungen ändern nichts an der Abstimmung.",
		Ru: "#1|one=Позднее внесена заметка (запись %[2]s); она ничего не меняет в голосовании.|few=Позднее внесены заметки (записи %[2]s); они ничего не меняют в голосовании.|many=Позднее внесены заметки (записи %[2]s); они ничего не меняют в голосовании.|other=Позднее внесены заметки (записи %[2]s); они ничего не меняют в голосовании.",
		Fr: "#1|one=Une note sur cette entrée a été enregistrée plus tard (entrée %[2]s) ; elle ne change rien au vote.|other=Des notes sur cette entrée ont été enregistrées plus tard (entrées %[2]s) ; elles ne changent rien au vote.",
		Es: "#1|one=Más tarde se registró una nota sobre esta entrada (entrada %[2]s); no cambia nada de la votación.|other=Más tarde se registraron notas sobre esta entrada (entradas %[2]s); no cambian nada de la votación."},
	// The pages' line for a note on a count in the record as it is
	// written (web, entry-text): the entry's number, the note.
	{Key: "web.e.count_note",
		En: "Note on entry %s, which it does not change: %s",
		De: "Anmerkung zu Eintrag %s, die ihn nicht ändert: %s",
		Ru: "Заметка к записи %s, не меняющая её: %s",
		Fr: "Note sur l'entrée %s, qu'elle ne change pas : %s",
		Es: "Nota sobre la entrada %s, que no la cambia: %s"},
	// Beside an entry of a count on the secretary's page, instead of the
	// link to correct it.
	{Key: "web.s.count_not_corrected",
		En: "part of a count: cannot be corrected",
		De: "Teil einer Zählung: nicht zu berichtigen",
		Ru: "часть подсчёта: исправить нельзя",
		Fr: "partie d'un décompte : ne peut être rectifiée",
		Es: "parte de un recuento: no se puede corregir"},
	// Under the correction form on the secretary's page.
	{Key: "web.s.correction_counts",
		En: "A ballot, a count or a result is not corrected here: only the assembly changes it, by voting again. Record what needs saying as a line of the minutes.",
		De: "Eine Stimme, eine Zählung oder ein Ergebnis wird hier nicht berichtigt: Ändern kann sie nur die Versammlung, indem sie erneut abstimmt. Was dazu zu sagen ist, tragen Sie als Zeile des Protokolls ein.",
		Ru: "Бюллетень, подсчёт или результат здесь не исправляются: изменить их может только собрание, проголосовав заново. Что нужно сказать, внесите строкой протокола.",
		Fr: "Un bulletin, un décompte ou un résultat ne se rectifie pas ici : seule l'assemblée le change, en votant de nouveau. Consignez ce qu'il faut en dire comme une ligne du procès-verbal.",
		Es: "Una papeleta, un recuento o un resultado no se corrige aquí: solo la asamblea lo cambia, votando de nuevo. Registre lo que haya que decir como una línea del acta."},
	{Key: "web.s.noted",
		En: "noted",
		De: "angemerkt",
		Ru: "есть заметка",
		Fr: "annoté",
		Es: "anotado"},
}
