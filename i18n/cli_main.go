package i18n

func init() { register(cliMainMessages) }

// cliMainMessages are the command line's own refusals, said before any
// command runs: a command plenum does not have, a language it does not
// speak, and the pointer to a command's manual after a wrong option. The
// manuals themselves stay English.
var cliMainMessages = []Msg{
	{Key: "cli.main.unknown", En: "unknown command %q", De: "unbekannter Befehl „%s“", Ru: "неизвестная команда «%s»", Fr: "commande inconnue « %s »", Es: "orden desconocida «%s»"},
	{Key: "cli.main.manual", En: "Run \"plenum %s --help\" for its manual.", De: "„plenum %s --help“ zeigt die Anleitung des Befehls.", Ru: "Справка по команде: «plenum %s --help».", Fr: "« plenum %s --help » affiche le manuel de la commande.", Es: "«plenum %s --help» muestra el manual de la orden."},
	{Key: "cli.main.lang", En: "plenum does not speak %q; use one of %s", De: "plenum spricht „%s“ nicht; verwenden Sie eine dieser Sprachen: %s", Ru: "plenum не поддерживает язык «%s»; выберите один из: %s", Fr: "plenum ne parle pas « %s » ; choisissez parmi %s", Es: "plenum no habla «%s»; elija uno de estos: %s"},
}
