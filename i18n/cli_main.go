package i18n

func init() { register(cliMainMessages) }

// cliMainMessages are the command line's own refusals, said before any
// command runs: a command plenum does not have, a language it does not
// speak, and the pointer to a command's manual after a wrong option; and
// the refusals several commands share (an argument none takes, a server
// name, the data directory PostgreSQL needs). The manuals themselves
// stay English.
var cliMainMessages = []Msg{
	{Key: "cli.main.unknown", En: "unknown command %q", De: "unbekannter Befehl „%s“", Ru: "неизвестная команда «%s»", Fr: "commande inconnue « %s »", Es: "orden desconocida «%s»"},
	{Key: "cli.main.manual", En: "Run \"plenum %s --help\" for its manual.", De: "„plenum %s --help“ zeigt die Anleitung des Befehls.", Ru: "Справка по команде: «plenum %s --help».", Fr: "« plenum %s --help » affiche le manuel de la commande.", Es: "«plenum %s --help» muestra el manual de la orden."},
	{Key: "cli.main.lang", En: "plenum does not speak %q; use one of %s", De: "plenum spricht „%s“ nicht; verwenden Sie eine dieser Sprachen: %s", Ru: "plenum не поддерживает язык «%s»; выберите один из: %s", Fr: "plenum ne parle pas « %s » ; choisissez parmi %s", Es: "plenum no habla «%s»; elija uno de estos: %s"},

	// plenum keygen.
	{Key: "cli.keygen.vkey", En: "verifier key: %s", De: "Prüfschlüssel: %s", Ru: "ключ проверки: %s", Fr: "clé de vérification : %s", Es: "clave de verificación: %s"},
	{Key: "cli.keygen.not_written", En: "writing the signer key: %v", De: "beim Schreiben des Signaturschlüssels: %v", Ru: "при записи ключа подписи: %v", Fr: "en écrivant la clé de signature : %v", Es: "al escribir la clave de firma: %v"},
	// Said by several commands.
	{Key: "cli.no_args", En: "takes no arguments; see plenum %s --help", De: "nimmt keine Argumente; siehe plenum %s --help", Ru: "аргументы не принимаются; см. plenum %s --help", Fr: "n'accepte aucun argument ; voir plenum %s --help", Es: "no admite argumentos; véase plenum %s --help"},
	{Key: "cli.server_name", En: "--name %q: use letters, digits, '.', '-' and ':' only", De: "--name „%s“: verwenden Sie nur Buchstaben, Ziffern, „.“, „-“ und „:“", Ru: "--name «%s»: допустимы только буквы, цифры, «.», «-» и «:»", Fr: "--name « %s » : n'utilisez que des lettres, des chiffres, « . », « - » et « : »", Es: "--name «%s»: use solo letras, dígitos, «.», «-» y «:»"},
	{Key: "cli.pg_data", En: "with a PostgreSQL database, give --data DIR: the server's data directory, which holds its signing key",
		De: "bei einer PostgreSQL-Datenbank geben Sie --data DIR an: das Datenverzeichnis des Servers, in dem sein Signaturschlüssel liegt",
		Ru: "для базы данных PostgreSQL укажите --data DIR: каталог данных сервера, в котором хранится его ключ подписи",
		Fr: "avec une base PostgreSQL, indiquez --data DIR : le répertoire de données du serveur, qui contient sa clé de signature",
		Es: "con una base de datos PostgreSQL, indique --data DIR: el directorio de datos del servidor, que contiene su clave de firma"},
	// An option, a file or an address, and what a library said of it
	// (which stands as it is): only the colon is the language's (French
	// sets a space before it).
	{Key: "cli.about", En: "%s: %v", De: "%s: %v", Ru: "%s: %v", Fr: "%s : %v", Es: "%s: %v"},
}
