package i18n

func init() { register(tieMessages) }

// tieMessages are the ties of an election's count and how each was broken
// (assembly.TieBreak.Reason), keyed by their English template: package
// tally's words, which the recorded arithmetic keeps. The minutes in
// another language, the count sheet and plenum tally say them from here.
// The names in them are the record's and stand as they are.
var tieMessages = []Msg{
	{Key: "%s and %s", En: "%s and %s", De: "%s und %s", Ru: "%s и %s", Fr: "%s et %s", Es: "%s y %s"},

	// What a tie was for.
	{Key: "for exclusion", En: "for exclusion", De: "beim Ausschluss", Ru: "при исключении", Fr: "pour l'élimination", Es: "para la eliminación"},
	{Key: "for order of surpluses", En: "for order of surpluses", De: "bei der Reihenfolge der Überschussübertragungen", Ru: "при определении очерёдности передачи излишков", Fr: "pour l'ordre de transfert des excédents", Es: "para el orden de traspaso de los excedentes"},
	{Key: "for order of election", En: "for order of election", De: "bei der Reihenfolge der Wahl", Ru: "при определении очерёдности избрания", Fr: "pour l'ordre d'élection", Es: "para el orden de elección"},
	{Key: "for the last seat", En: "for the last seat", De: "um den letzten Sitz", Ru: "в борьбе за последнее место", Fr: "pour le dernier siège", Es: "por el último puesto"},
	{Key: "for a remainder seat", En: "for a remainder seat", De: "um einen Restsitz", Ru: "при распределении места по наибольшему остатку", Fr: "pour un siège au plus fort reste", Es: "por un puesto por el resto mayor"},
	{Key: "for seat %d", En: "for seat %d", De: "um Sitz Nr. %d", Ru: "в борьбе за место № %d", Fr: "pour le siège n° %d", Es: "por el puesto n.º %d"},

	// How it was broken.
	{Key: "tie between %s %s broken by lot, seed %s: %s", En: "tie between %s %s broken by lot, seed %s: %s",
		De: "Stimmengleichheit zwischen %s %s, durch Losentscheid entschieden (Startwert %s): %s",
		Ru: "%[2]s равенство голосов: %[1]s; решено жребием (начальное число %[3]s): %[4]s",
		Fr: "égalité entre %s %s, départagée par tirage au sort (graine %s) : %s",
		Es: "empate entre %s %s, resuelto por sorteo (semilla %s): %s"},
	{Key: "tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, seed %s: %s", En: "tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, seed %s: %s",
		De: "Stimmengleichheit zwischen %s %s; nach den früheren Zählrunden bleiben %s gleichauf; Losentscheid zwischen %s (Startwert %s): %s",
		Ru: "%[2]s равенство голосов: %[1]s; по предыдущим этапам подсчёта остаются равными %[3]s; решено жребием между ними (%[4]s; начальное число %[5]s): %[6]s",
		Fr: "égalité entre %s %s ; après les étapes précédentes, %s restent à égalité ; tirage au sort entre %s (graine %s) : %s",
		Es: "empate entre %s %s; tras las etapas anteriores siguen empatados %s; sorteo entre %s (semilla %s): %s"},
	{Key: "tie between %s %s; the votes leave %s tied; broken by lot among %s, seed %s: %s", En: "tie between %s %s; the votes leave %s tied; broken by lot among %s, seed %s: %s",
		De: "Stimmengleichheit zwischen %s %s; nach den Stimmen bleiben %s gleichauf; Losentscheid zwischen %s (Startwert %s): %s",
		Ru: "%[2]s равенство голосов: %[1]s; по числу голосов остаются равными %[3]s; решено жребием между ними (%[4]s; начальное число %[5]s): %[6]s",
		Fr: "égalité entre %s %s ; au nombre de voix, %s restent à égalité ; tirage au sort entre %s (graine %s) : %s",
		Es: "empate entre %s %s; por los votos siguen empatados %s; sorteo entre %s (semilla %s): %s"},
	{Key: "tie between %s %s broken by the votes at stage %d: %s", En: "tie between %s %s broken by the votes at stage %d: %s",
		De: "Stimmengleichheit zwischen %s %s, entschieden nach den Stimmen der %d. Zählrunde: %s",
		Ru: "%[2]s равенство голосов: %[1]s; решено по голосам на %[3]d-м этапе подсчёта: %[4]s",
		Fr: "égalité entre %s %s, départagée par les voix de l'étape %d : %s",
		Es: "empate entre %s %s, resuelto por los votos de la etapa %d: %s"},
	{Key: "tie between %s %s broken by the larger vote: %s", En: "tie between %s %s broken by the larger vote: %s",
		De: "Stimmengleichheit zwischen %s %s, entschieden nach der höheren Stimmenzahl: %s",
		Ru: "%[2]s равенство голосов: %[1]s; решено в пользу получившего больше голосов: %[3]s",
		Fr: "égalité entre %s %s, départagée par le plus grand nombre de voix : %s",
		Es: "empate entre %s %s, resuelto por el mayor número de votos: %s"},
	{Key: "%s are level by their strongest paths; seat %d goes by lot, seed %s: %s", En: "%s are level by their strongest paths; seat %d goes by lot, seed %s: %s",
		De: "%s liegen nach ihren stärksten Pfaden gleichauf; Sitz Nr. %d wird durch Losentscheid vergeben (Startwert %s): %s",
		Ru: "по сильнейшим путям равны %s; место № %d распределено жребием (начальное число %s): %s",
		Fr: "%s sont à égalité par leurs chemins les plus forts ; le siège n° %d est attribué par tirage au sort (graine %s) : %s",
		Es: "%s empatan por sus caminos más fuertes; el puesto n.º %d se adjudica por sorteo (semilla %s): %s"},
}
