package i18n

// The chair's console and agenda: an item discussed and left open.
var chairConsoleMessages = []Msg{
	{Key: "web.item.open_discussed", En: "discussed, not concluded", De: "beraten, nicht abgeschlossen", Ru: "обсуждался, не завершён", Fr: "débattu, non conclu", Es: "debatido, sin concluir"},
}

func init() { register(chairConsoleMessages) }

// The console's line of a vote counted by hand.
var chairCountMessages = []Msg{
	{Key: "web.c.count_entered", En: "Count entered: %s", De: "Zählung eingetragen: %s", Ru: "Подсчёт внесён: %s", Fr: "Décompte saisi : %s", Es: "Recuento anotado: %s"},
	{Key: "web.c.no_count_yet", En: "Counted by hand: no count entered yet", De: "Handzählung: noch keine Zählung eingetragen", Ru: "Подсчёт по поднятым рукам: подсчёт ещё не внесён", Fr: "Compté à main levée : aucun décompte saisi", Es: "Recuento a mano alzada: aún no se ha anotado ningún recuento"},
	{Key: "web.c.announce_vote_hands", En: "%s: %s.", De: "%s: %s.", Ru: "%s: %s.", Fr: "%s : %s.", Es: "%s: %s."},
	{Key: "web.c.count_decides", En: "as the count decides: %s", De: "wie die Zählung entscheidet: %s", Ru: "по итогам подсчёта: %s", Fr: "selon le décompte : %s", Es: "según el recuento: %s"},
	{Key: "web.c.count_decides_needed", En: "as the count decides: %s (%d needed)", De: "wie die Zählung entscheidet: %s (%d erforderlich)", Ru: "по итогам подсчёта: %s (нужно %d)", Fr: "selon le décompte : %s (%d requis)", Es: "según el recuento: %s (se necesitan %d)"},
	{Key: "web.c.count_undecided", En: "the count does not decide: choose the outcome", De: "die Zählung entscheidet nicht: Ergebnis wählen", Ru: "подсчёт не решает: выберите итог", Fr: "le décompte ne tranche pas : choisissez l'issue", Es: "el recuento no decide: elija el resultado"},
	{Key: "web.c.count_part", En: "%s %s", De: "%s %s", Ru: "%s: %s", Fr: "%s %s", Es: "%s %s"},
}

func init() { register(chairCountMessages) }
