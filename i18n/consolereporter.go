package i18n

func init() { register(consoleReporterMessages) }

// consoleReporterMessages are the words of the chair's console offering
// the floor to an item's reporter: for the report that opens the
// discussion, and for the summary after it closes.
var consoleReporterMessages = []Msg{
	{Key: "web.c.give_report", En: "Give the floor to the reporter, %s", De: "Dem Berichterstatter das Wort erteilen: %s", Ru: "Предоставить слово докладчику: %s", Fr: "Donner la parole au rapporteur, %s", Es: "Dar la palabra al ponente, %s"},
	{Key: "web.c.give_summary", En: "The reporter sums up: give the floor to %s", De: "Schlusswort des Berichterstatters: %s das Wort erteilen", Ru: "Заключительное слово докладчика: предоставить слово %s", Fr: "Le rapporteur conclut : donner la parole à %s", Es: "El ponente resume: dar la palabra a %s"},
}
