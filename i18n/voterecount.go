package i18n

func init() { register(voteRecountMessages) }

// voteRecountMessages are the refusals of the replay that counts a vote
// again as its declared result is applied (assembly/voterecount.go):
// plenum verify names the entry before them. The recorded arithmetic and
// figures stay as the record has them. What the result is counted from
// is a reason of its own, used only in these refusals, and so written in
// the case (and, in French and Spanish, with the preposition) that the
// refusals' templates need.
var voteRecountMessages = []Msg{
	{Key: "the result of the vote %q is declared not recorded, and the vote has a count", En: "the result of the vote %q is declared not recorded, and the vote has a count",
		De: "das Ergebnis der Abstimmung %q ist als nicht überliefert festgestellt, doch die Abstimmung hat eine Zählung",
		Ru: "результат голосования %q объявлен незаписанным, хотя у голосования есть подсчёт",
		Fr: "le résultat du vote %q est proclamé non consigné, alors que le vote a un décompte",
		Es: "el resultado de la votación %q se proclama no consignado, y la votación tiene un recuento"},
	{Key: "the declared result of the vote %q (%s) is not what its count allows: %v", En: "the declared result of the vote %q (%s) is not what its count allows: %v",
		De: "das festgestellte Ergebnis der Abstimmung %q (%s) ist nicht, was ihre Zählung zulässt: %v",
		Ru: "объявленный результат голосования %q (%s) не допускается его подсчётом: %v",
		Fr: "le résultat proclamé du vote %q (%s) n'est pas ce que permet son décompte : %v",
		Es: "el resultado proclamado de la votación %q (%s) no es lo que permite su recuento: %v"},
	{Key: "the arithmetic the declaration of the vote %q records (%s) is not that of %s (%s)", En: "the arithmetic the declaration of the vote %q records (%s) is not that of %s (%s)",
		De: "die Rechnung, die die Feststellung der Abstimmung %q verzeichnet (%s), ist nicht die %s (%s)",
		Ru: "расчёт, записанный в объявлении результата голосования %q (%s), не совпадает с расчётом %s (%s)",
		Fr: "le calcul que consigne la proclamation du vote %q (%s) n'est pas celui %s (%s)",
		Es: "el cálculo que consigna la proclamación de la votación %q (%s) no es el %s (%s)"},
	{Key: "the declared result of the vote %q (%s) is not that of %s (%s)", En: "the declared result of the vote %q (%s) is not that of %s (%s)",
		De: "das festgestellte Ergebnis der Abstimmung %q (%s) ist nicht das %s (%s)",
		Ru: "объявленный результат голосования %q (%s) не совпадает с результатом %s (%s)",
		Fr: "le résultat proclamé du vote %q (%s) n'est pas celui %s (%s)",
		Es: "el resultado proclamado de la votación %q (%s) no es el %s (%s)"},
	{Key: "its ballots", En: "its ballots",
		De: "ihrer Stimmzettel", Ru: "его бюллетеней", Fr: "de ses bulletins", Es: "de sus papeletas"},
	{Key: "its sealed ballots", En: "its sealed ballots",
		De: "ihrer versiegelten Stimmzettel", Ru: "его запечатанных бюллетеней", Fr: "de ses bulletins scellés", Es: "de sus papeletas selladas"},
	{Key: "its decrypted total", En: "its decrypted total",
		De: "ihrer entschlüsselten Summe", Ru: "его расшифрованного итога", Fr: "de son total déchiffré", Es: "de su total descifrado"},
	{Key: "the count entered for it", En: "the count entered for it",
		De: "der für sie eingetragenen Zählung", Ru: "подсчёта, внесённого для него", Fr: "du décompte saisi pour lui", Es: "del recuento anotado para ella"},
	{Key: "a count of none", En: "a count of none",
		De: "einer Zählung ohne Stimmen", Ru: "подсчёта без единого голоса", Fr: "d'un décompte sans aucune voix", Es: "de un recuento sin ningún voto"},
}
