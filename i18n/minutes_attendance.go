package i18n

func init() { register(attendanceMessages) }

// attendanceMessages are who was present at a sitting that records it,
// as md/8, html/9 and akn/8 give it: how many members with a vote were
// present when it opened (or began to record them), and who checked in
// or out while it was open, which the record holds and no minutes before
// said (coop review L8: "401 present → one leaves → 403 present", the
// three late arrivals never narrated).
var attendanceMessages = []Msg{
	{Key: "minutes.presence.opening", En: "Present and entitled to vote at the opening: %s of %s.", De: "Bei der Eröffnung anwesend und stimmberechtigt: %s von %s.", Ru: "При открытии присутствовали с правом голоса: %s из %s.", Fr: "Présents et ayant droit de vote à l'ouverture : %s sur %s.", Es: "Presentes con derecho a voto en la apertura: %s de %s."},
	{Key: "minutes.presence.from_record", En: "Present and entitled to vote when the attendance began to be recorded: %s of %s.", De: "Anwesend und stimmberechtigt, als die Anwesenheit zu erfassen begonnen wurde: %s von %s.", Ru: "Присутствовали с правом голоса, когда начался учёт присутствующих: %s из %s.", Fr: "Présents et ayant droit de vote lorsque l'enregistrement des présences a commencé : %s sur %s.", Es: "Presentes con derecho a voto cuando comenzó el registro de asistencia: %s de %s."},
	{Key: "minutes.presence.arrived", En: "Arrived during the sitting (%s): %s.", De: "Während der Sitzung eingetroffen (%s): %s.", Ru: "Прибыли в ходе заседания (%s): %s.", Fr: "Arrivés en cours de séance (%s) : %s.", Es: "Llegaron durante la sesión (%s): %s."},
	{Key: "minutes.presence.left", En: "Left the assembly during the sitting (%s): %s.", De: "Während der Sitzung abgemeldet (%s): %s.", Ru: "Покинули собрание в ходе заседания (%s): %s.", Fr: "Ont quitté l'assemblée en cours de séance (%s) : %s.", Es: "Abandonaron la asamblea durante la sesión (%s): %s."},
	// The mandates held for no organization where the record shows who
	// was present at the sittings: the roll, not who took part
	// (minutes.personal, "Participating personally", as a restored
	// record's source lists them).
	{Key: "minutes.personal_roll", En: "Holding a mandate personally: %s.", De: "Mit persönlichem Mandat: %s.", Ru: "С личным мандатом: %s.", Fr: "Titulaires d'un mandat à titre personnel : %s.", Es: "Con mandato a título personal: %s."},
	{Key: "minutes.presence.online", En: "%s (online)", De: "%s (online)", Ru: "%s (онлайн)", Fr: "%s (en ligne)", Es: "%s (en línea)"},
}
