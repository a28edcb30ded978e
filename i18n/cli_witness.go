package i18n

func init() { register(cliWitnessMessages) }

// cliWitnessMessages are what plenum witness says to whoever runs it: its
// refusals of the options, the problems of its key, and what it started.
// The origins, keys, paths and addresses stand as they are. cli.key_arg
// is said by plenum verify URL too.
var cliWitnessMessages = []Msg{
	{Key: "cli.key_arg", En: "%q is neither a key (name+hash+key) nor a file", De: "„%s“ ist weder ein Schlüssel (Name+Hash+Schlüssel) noch eine Datei", Ru: "«%s» — не ключ (имя+хеш+ключ) и не файл", Fr: "« %s » n'est ni une clé (nom+hachage+clé) ni un fichier", Es: "«%s» no es una clave (nombre+hash+clave) ni un archivo"},
	{Key: "cli.witness.no_log", En: "give at least one --log ORIGIN=VKEY: the witness cosigns only the logs it knows", De: "geben Sie mindestens ein --log ORIGIN=VKEY an: der Zeuge signiert nur die Logs mit, die er kennt", Ru: "укажите хотя бы один --log ORIGIN=VKEY: свидетель заверяет только известные ему журналы", Fr: "donnez au moins un --log ORIGIN=VKEY : le témoin ne cosigne que les journaux qu'il connaît", Es: "indique al menos un --log ORIGIN=VKEY: el testigo solo cofirma los registros que conoce"},
	{Key: "cli.witness.pg_key", En: "with a PostgreSQL database, give --key FILE: the witness's signing key", De: "bei einer PostgreSQL-Datenbank geben Sie --key DATEI an: den Signaturschlüssel des Zeugen", Ru: "при базе данных PostgreSQL укажите --key ФАЙЛ: ключ подписи свидетеля", Fr: "avec une base PostgreSQL, donnez --key FICHIER : la clé de signature du témoin", Es: "con una base de datos PostgreSQL, indique --key ARCHIVO: la clave de firma del testigo"},
	{Key: "cli.witness.log_form", En: "--log %q: want ORIGIN=VKEY", De: "--log „%s“: erwartet wird ORIGIN=VKEY", Ru: "--log «%s»: ожидается ORIGIN=VKEY", Fr: "--log « %s » : la forme attendue est ORIGIN=VKEY", Es: "--log «%s»: se espera ORIGIN=VKEY"},
	{Key: "cli.witness.log_vkey", En: "--log %s: verifier key: %v", De: "--log %s: Prüfschlüssel: %v", Ru: "--log %s: ключ проверки: %v", Fr: "--log %s : clé de vérification : %v", Es: "--log %s: clave de verificación: %v"},
	{Key: "cli.witness.no_name", En: "no witness key yet and no --name to create it with", De: "noch kein Zeugenschlüssel vorhanden und kein --name, um ihn zu erzeugen", Ru: "ключа свидетеля ещё нет, и не указано --name, чтобы его создать", Fr: "pas encore de clé de témoin, et aucun --name pour la créer", Es: "aún no hay clave de testigo ni --name con el que crearla"},
	{Key: "cli.witness.readable", En: "%s: witness key is readable by others (mode %s); run chmod 600 %s", De: "%s: der Zeugenschlüssel ist für andere lesbar (Modus %s); führen Sie chmod 600 %s aus", Ru: "%s: ключ свидетеля доступен для чтения другим (режим %s); выполните chmod 600 %s", Fr: "%s : la clé du témoin est lisible par d'autres (mode %s) ; lancez chmod 600 %s", Es: "%s: la clave del testigo es legible por otros (modo %s); ejecute chmod 600 %s"},
	{Key: "cli.witness.other_name", En: "%s: the witness key is named %q, not %q", De: "%s: der Zeugenschlüssel heißt „%s“, nicht „%s“", Ru: "%s: ключ свидетеля называется «%s», а не «%s»", Fr: "%s : la clé du témoin s'appelle « %s », et non « %s »", Es: "%s: la clave del testigo se llama «%s», no «%s»"},
	{Key: "cli.witness.created", En: "created the witness key %s", De: "Zeugenschlüssel %s erzeugt", Ru: "создан ключ свидетеля %s", Fr: "clé du témoin %s créée", Es: "creada la clave del testigo %s"},
	{Key: "cli.witness.key", En: "witness key: %s", De: "Zeugenschlüssel: %s", Ru: "ключ свидетеля: %s", Fr: "clé du témoin : %s", Es: "clave del testigo: %s"},
	{Key: "cli.witness.witnessing", En: "witnessing %s", De: "bezeugt wird %s", Ru: "заверяется журнал %s", Fr: "témoin de %s", Es: "atestiguando %s"},
	{Key: "cli.witness.listening", En: "listening on %s", De: "wartet auf Verbindungen unter %s", Ru: "ожидает соединений на %s", Fr: "à l'écoute sur %s", Es: "escuchando en %s"},
	{Key: "cli.witness.stopped", En: "witness stopped", De: "Zeuge beendet", Ru: "свидетель остановлен", Fr: "témoin arrêté", Es: "testigo detenido"},
}
