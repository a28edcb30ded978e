package i18n

func init() { register(uncountedWeightMessages) }

// uncountedWeightMessages are the words of the set-up pages (package web,
// setup-people.html, setup-person.html) for a mandate's weight that the
// rules do not count: given while weighted_votes was on, kept when it was
// turned off, and counted again if it is turned back on.
var uncountedWeightMessages = []Msg{
	{Key: "web.wt.uncounted", En: "(not counted)", De: "(nicht gezählt)", Ru: "(не учитывается)", Fr: "(non compté)", Es: "(no se cuenta)"},
	{Key: "web.wt.uncounted_note", En: "The rules of procedure give every mandate one vote (weighted votes are off), so this weight is not counted; it counts again if weighted votes are turned on.", De: "Die Geschäftsordnung gibt jedem Mandat eine Stimme (Stimmgewichte sind ausgeschaltet), daher wird dieses Gewicht nicht gezählt; es zählt wieder, wenn Stimmgewichte eingeschaltet werden.", Ru: "По регламенту каждый мандат даёт один голос (взвешенное голосование выключено), поэтому этот вес не учитывается; он снова учитывается, если взвешенное голосование включить.", Fr: "Le règlement intérieur donne une voix à chaque mandat (le vote pondéré est désactivé) : ce poids n'est donc pas compté ; il l'est de nouveau si le vote pondéré est activé.", Es: "El reglamento da un voto a cada credencial (el voto ponderado está desactivado), por lo que este peso no se cuenta; vuelve a contar si se activa el voto ponderado."},
}
