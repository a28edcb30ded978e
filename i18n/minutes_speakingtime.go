package i18n

func init() { register(minutesSpeakingTimeMessages) }

// minutesSpeakingTimeMessages are the minutes' sentences of the speaking
// time the chair sets in a sitting (set_speaking_time, recorded as
// speaking_time_set), since md/8, html/9 and akn/8: for the rest of the
// sitting or on one item, by the chair or on the assembly's decision (the
// adopted motion that decided it). The times are minutes.rule.minutes
// or minutes.rule.seconds; the report's time, where one was set, is
// minutes.speakingtime.report.
var minutesSpeakingTimeMessages = []Msg{
	{Key: "minutes.speakingtime.chair",
		En: "The chair limits the speakers to %[1]s for the rest of the sitting%[2]s.",
		De: "Die Sitzungsleitung begrenzt die Redezeit für den Rest der Sitzung auf %[1]s%[2]s.",
		Ru: "Председатель устанавливает регламент выступлений до конца заседания: %[1]s%[2]s.",
		Fr: "La présidence limite le temps de parole à %[1]s pour le reste de la séance%[2]s.",
		Es: "La presidencia limita el tiempo de palabra a %[1]s para el resto de la sesión%[2]s."},
	{Key: "minutes.speakingtime.chair_item",
		En: "The chair limits the speakers on the item %[3]s to %[1]s%[2]s.",
		De: "Die Sitzungsleitung begrenzt die Redezeit zum Punkt %[3]s auf %[1]s%[2]s.",
		Ru: "Председатель устанавливает регламент выступлений по вопросу %[3]s: %[1]s%[2]s.",
		Fr: "La présidence limite le temps de parole sur le point %[3]s à %[1]s%[2]s.",
		Es: "La presidencia limita el tiempo de palabra en el punto %[3]s a %[1]s%[2]s."},
	{Key: "minutes.speakingtime.decided",
		En: "The assembly decides to limit the speakers to %[1]s for the rest of the sitting%[2]s (motion %[3]s).",
		De: "Die Versammlung beschließt, die Redezeit für den Rest der Sitzung auf %[1]s%[2]s zu begrenzen (Antrag %[3]s).",
		Ru: "Собрание решает установить регламент выступлений до конца заседания: %[1]s%[2]s (предложение %[3]s).",
		Fr: "L'assemblée décide de limiter le temps de parole à %[1]s pour le reste de la séance%[2]s (motion %[3]s).",
		Es: "La asamblea decide limitar el tiempo de palabra a %[1]s para el resto de la sesión%[2]s (moción %[3]s)."},
	{Key: "minutes.speakingtime.decided_item",
		En: "The assembly decides to limit the speakers on the item %[3]s to %[1]s%[2]s (motion %[4]s).",
		De: "Die Versammlung beschließt, die Redezeit zum Punkt %[3]s auf %[1]s%[2]s zu begrenzen (Antrag %[4]s).",
		Ru: "Собрание решает установить регламент выступлений по вопросу %[3]s: %[1]s%[2]s (предложение %[4]s).",
		Fr: "L'assemblée décide de limiter le temps de parole sur le point %[3]s à %[1]s%[2]s (motion %[4]s).",
		Es: "La asamblea decide limitar el tiempo de palabra en el punto %[3]s a %[1]s%[2]s (moción %[4]s)."},
	{Key: "minutes.speakingtime.report",
		En: ", and the reports to %s",
		De: ", für Berichte auf %s",
		Ru: ", для докладов – %s",
		Fr: ", et celui des rapports à %s",
		Es: ", y el de los informes a %s"},
}
