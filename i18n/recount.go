package i18n

func init() { register(recountMessages) }

// recountMessages are the refusals of the replay that counts a plain
// election again as its declaration is applied (assembly/recount.go):
// plenum verify names the entry before them. Method names and the
// recorded arithmetic stay as the record has them.
var recountMessages = []Msg{
	{Key: "the declaration of the election %q records a count (%s), and no ballot was cast in it", En: "the declaration of the election %q records a count (%s), and no ballot was cast in it",
		De: "die Feststellung der Wahl %q verzeichnet eine Zählung (%s), doch in ihr wurde kein Stimmzettel abgegeben",
		Ru: "объявление результата выборов %q содержит подсчёт (%s), хотя в них не подано ни одного бюллетеня",
		Fr: "la proclamation de l'élection %q consigne un décompte (%s), et aucun bulletin n'y a été déposé",
		Es: "la proclamación de la elección %q consigna un recuento (%s), y no se emitió en ella ninguna papeleta"},
	{Key: "the declared result of the election %q (%s) is not whom its ballots elect by %s (%s)", En: "the declared result of the election %q (%s) is not whom its ballots elect by %s (%s)",
		De: "das festgestellte Ergebnis der Wahl %q (%s) ist nicht, wen ihre Stimmzettel nach %s wählen (%s)",
		Ru: "объявленный результат выборов %q (%s) не совпадает с тем, кого избирают их бюллетени методом %s (%s)",
		Fr: "le résultat proclamé de l'élection %q (%s) n'est pas celui qu'élisent ses bulletins selon %s (%s)",
		Es: "el resultado proclamado de la elección %q (%s) no es el que eligen sus papeletas por %s (%s)"},
	{Key: "the count the declaration of the election %q records (%s) is not that of its ballots (%s)", En: "the count the declaration of the election %q records (%s) is not that of its ballots (%s)",
		De: "die Zählung, die die Feststellung der Wahl %q verzeichnet (%s), ist nicht die ihrer Stimmzettel (%s)",
		Ru: "подсчёт, записанный в объявлении результата выборов %q (%s), не совпадает с подсчётом их бюллетеней (%s)",
		Fr: "le décompte que consigne la proclamation de l'élection %q (%s) n'est pas celui de ses bulletins (%s)",
		Es: "el recuento que consigna la proclamación de la elección %q (%s) no es el de sus papeletas (%s)"},
}
