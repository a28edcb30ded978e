package i18n

func init() { register(sittingDatesMessages) }

// sittingDatesMessages are the refusals of a sitting dated outside the
// assembly's dates (package assembly, REVIEW-CHAIR #27).
var sittingDatesMessages = []Msg{
	{Key: "the sitting is dated %s, outside the assembly's dates (%s to %s); change the assembly's dates first if it sits longer", En: "the sitting is dated %s, outside the assembly's dates (%s to %s); change the assembly's dates first if it sits longer", De: "die Sitzung ist auf den %s datiert, außerhalb der Daten der Versammlung (%s bis %s); tagt sie länger, ändern Sie zuerst die Daten der Versammlung", Ru: "заседание датировано %s, вне дат собрания (с %s по %s); если собрание продлевается, сначала измените его даты", Fr: "la séance est datée du %s, hors des dates de l'assemblée (du %s au %s) ; si elle siège plus longtemps, modifiez d'abord ses dates", Es: "la sesión tiene fecha %s, fuera de las fechas de la asamblea (del %s al %s); si se prolonga, cambie primero sus fechas"},
	{Key: "the sitting is dated %s, before the assembly starts (%s)", En: "the sitting is dated %s, before the assembly starts (%s)", De: "die Sitzung ist auf den %s datiert, vor dem Beginn der Versammlung (%s)", Ru: "заседание датировано %s, до начала собрания (%s)", Fr: "la séance est datée du %s, avant le début de l'assemblée (%s)", Es: "la sesión tiene fecha %s, antes del comienzo de la asamblea (%s)"},
}

func init() { register(sittingDatesWords) }

// sittingDatesWords are the assembly's dates beside the date of the form
// that opens a sitting.
var sittingDatesWords = []Msg{
	{Key: "web.ct.asm_dates", En: "(the assembly: %s to %s)", De: "(die Versammlung: %s bis %s)", Ru: "(собрание: с %s по %s)", Fr: "(l'assemblée : du %s au %s)", Es: "(la asamblea: del %s al %s)"},
	{Key: "web.ct.asm_from", En: "(the assembly: from %s)", De: "(die Versammlung: ab %s)", Ru: "(собрание: с %s)", Fr: "(l'assemblée : à partir du %s)", Es: "(la asamblea: desde el %s)"},
}
