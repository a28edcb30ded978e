package i18n

func init() { register(minutesReadingMessages) }

// minutesReadingMessages are words the minutes add so that a reader
// cannot misread them: a result that does not follow its own question
// names it, those who left or returned to the hall are named, an empty
// roll call is a count of none, a lot drawn without a seed says so.
var minutesReadingMessages = []Msg{
	// Before the counts and outcome of a result declared after another
	// vote was put: the question it belongs to, quoted.
	{Key: "minutes.vote.result_of",
		En: "Result of the vote on %s:",
		De: "Ergebnis der Abstimmung über %s:",
		Ru: "Результат голосования по вопросу %s:",
		Fr: "Résultat du vote sur %s :",
		Es: "Resultado de la votación sobre %s:"},
	// Those named as leaving or returning to the hall, and how many more
	// the record counts without names.
	{Key: "minutes.hall.and_unnamed",
		En: "#2|one=%s and %d other not named|other=%s and %d others not named",
		De: "#2|one=%s und %d weitere Person ohne Namen|other=%s und %d weitere Personen ohne Namen",
		Ru: "#2|one=%s и ещё %d человек, не названный по имени|few=%s и ещё %d человека, не названных по имени|many=%s и ещё %d человек, не названных по имени|other=%s и ещё %d человека, не названных по имени",
		Fr: "#2|one=%s et %d autre personne non nommée|other=%s et %d autres personnes non nommées",
		Es: "#2|one=%s y %d persona más sin nombrar|other=%s y %d personas más sin nombrar"},
	// After who opened a sitting as its chair, each who took the chair
	// later: "Chair: Victor P. Nogin, then Khinchuk."
	{Key: "minutes.sitting.then", En: ", then %s", De: ", dann %s", Ru: ", затем %s", Fr: ", puis %s", Es: ", luego %s"},
	// The end of a result's arithmetic where the count did not decide
	// and the chair declared the outcome (minutes.status.*): "62–68 for,
	// 66–70 against; the count does not decide, and the chair declares it
	// carried".
	{Key: "minutes.arith.chair_declares",
		En: ", and the chair declares it %s",
		De: ", und der Vorsitz erklärt den Antrag für %s",
		Ru: ", и председатель объявляет: %s",
		Fr: ", et la présidence la déclare %s",
		Es: ", y la presidencia la declara %s"},
	// A roll call in which nobody voted, declared (minutes.status.*) in a
	// record made before plenum counted it as none cast.
	{Key: "minutes.arith.none_cast_declared",
		En: "0 cast; declared %s",
		De: "0 abgegeben; festgestellt: %s",
		Ru: "подано 0 голосов; объявлено: %s",
		Fr: "0 exprimé ; proclamé %s",
		Es: "0 emitidos; proclamado %s"},

	// A tie broken by a lot drawn with no seed given (assembly.TieBreak,
	// seed 0), keyed by the English template as the ties of ties.go are.
	{Key: "tie between %s %s broken by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		En: "tie between %s %s broken by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		De: "Stimmengleichheit zwischen %s %s, durch Losentscheid ohne angegebenen Startwert entschieden (Startwert 0), das Los war also vorhersehbar: %s",
		Ru: "%[2]s равенство голосов: %[1]s; решено жребием без заданного начального числа (начальное число 0), поэтому исход жребия можно было предвидеть: %[3]s",
		Fr: "égalité entre %s %s, départagée par un tirage au sort sans graine donnée (graine 0), donc prévisible : %s",
		Es: "empate entre %s %s, resuelto por un sorteo sin semilla indicada (semilla 0), por lo que era previsible: %s"},
	{Key: "tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		En: "tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		De: "Stimmengleichheit zwischen %s %s; nach den früheren Zählrunden bleiben %s gleichauf; Losentscheid zwischen %s ohne angegebenen Startwert (Startwert 0), das Los war also vorhersehbar: %s",
		Ru: "%[2]s равенство голосов: %[1]s; по предыдущим этапам подсчёта остаются равными %[3]s; решено жребием между ними (%[4]s) без заданного начального числа (начальное число 0), поэтому исход жребия можно было предвидеть: %[5]s",
		Fr: "égalité entre %s %s ; après les étapes précédentes, %s restent à égalité ; tirage au sort entre %s sans graine donnée (graine 0), donc prévisible : %s",
		Es: "empate entre %s %s; tras las etapas anteriores siguen empatados %s; sorteo entre %s sin semilla indicada (semilla 0), por lo que era previsible: %s"},
	{Key: "tie between %s %s; the votes leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		En: "tie between %s %s; the votes leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		De: "Stimmengleichheit zwischen %s %s; nach den Stimmen bleiben %s gleichauf; Losentscheid zwischen %s ohne angegebenen Startwert (Startwert 0), das Los war also vorhersehbar: %s",
		Ru: "%[2]s равенство голосов: %[1]s; по числу голосов остаются равными %[3]s; решено жребием между ними (%[4]s) без заданного начального числа (начальное число 0), поэтому исход жребия можно было предвидеть: %[5]s",
		Fr: "égalité entre %s %s ; au nombre de voix, %s restent à égalité ; tirage au sort entre %s sans graine donnée (graine 0), donc prévisible : %s",
		Es: "empate entre %s %s; por los votos siguen empatados %s; sorteo entre %s sin semilla indicada (semilla 0), por lo que era previsible: %s"},
	{Key: "%s are level by their strongest paths; seat %d goes by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		En: "%s are level by their strongest paths; seat %d goes by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s",
		De: "%s liegen nach ihren stärksten Pfaden gleichauf; Sitz Nr. %d wird durch Losentscheid ohne angegebenen Startwert vergeben (Startwert 0), das Los war also vorhersehbar: %s",
		Ru: "по сильнейшим путям равны %s; место № %d распределено жребием без заданного начального числа (начальное число 0), поэтому исход жребия можно было предвидеть: %s",
		Fr: "%s sont à égalité par leurs chemins les plus forts ; le siège n° %d est attribué par un tirage au sort sans graine donnée (graine 0), donc prévisible : %s",
		Es: "%s empatan por sus caminos más fuertes; el puesto n.º %d se adjudica por un sorteo sin semilla indicada (semilla 0), por lo que era previsible: %s"},
}
