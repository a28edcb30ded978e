package i18n

func init() { register(cliImportMessages) }

// cliImportMessages are what plenum import reports: how the file was
// read, each row with what recording it does or its problem, the counts,
// and what was recorded. The rows' changes, notes and problems are
// rosterMessages; the file's own words (names, headers, worksheets)
// stand as they are.
var cliImportMessages = []Msg{
	{Key: "cli.import.read",
		En: "#3|one=%[1]s: header on row %[2]d, %[3]d row|other=%[1]s: header on row %[2]d, %[3]d rows",
		De: "#3|one=%[1]s: Kopfzeile in Zeile %[2]d, %[3]d Zeile|other=%[1]s: Kopfzeile in Zeile %[2]d, %[3]d Zeilen",
		Ru: "#3|one=%[1]s: заголовок в строке %[2]d, %[3]d строка|few=%[1]s: заголовок в строке %[2]d, %[3]d строки|many=%[1]s: заголовок в строке %[2]d, %[3]d строк|other=%[1]s: заголовок в строке %[2]d, %[3]d строки",
		Fr: "#3|one=%[1]s : en-tête à la ligne %[2]d, %[3]d ligne|other=%[1]s : en-tête à la ligne %[2]d, %[3]d lignes",
		Es: "#3|one=%[1]s: encabezado en la fila %[2]d, %[3]d fila|other=%[1]s: encabezado en la fila %[2]d, %[3]d filas"},
	{Key: "cli.import.worksheet", En: ", worksheet %q", De: ", Arbeitsblatt „%s“", Ru: ", лист «%s»", Fr: ", feuille « %s »", Es: ", hoja «%s»"},
	{Key: "cli.import.first_of", En: " (the first of %d)", De: " (das erste von %d)", Ru: " (первый из %d)", Fr: " (la première sur %d)", Es: " (la primera de %d)"},
	{Key: "cli.import.columns", En: "columns: %s", De: "Spalten: %s", Ru: "столбцы: %s", Fr: "colonnes : %s", Es: "columnas: %s"},
	{Key: "cli.import.not_read", En: "not read: %s", De: "nicht gelesen: %s", Ru: "не прочитаны: %s", Fr: "non lues : %s", Es: "no leídas: %s"},
	{Key: "cli.import.row", En: "row %s", De: "Zeile %s", Ru: "строка %s", Fr: "ligne %s", Es: "fila %s"},
	{Key: "cli.import.no_name", En: "(no name)", De: "(kein Name)", Ru: "(без имени)", Fr: "(sans nom)", Es: "(sin nombre)"},
	// What recording a row does (roster.Action).
	{Key: "cli.import.action.add", En: "add", De: "hinzufügen", Ru: "добавить", Fr: "ajouter", Es: "añadir"},
	{Key: "cli.import.action.change", En: "change", De: "ändern", Ru: "изменить", Fr: "modifier", Es: "cambiar"},
	{Key: "cli.import.action.unchanged", En: "unchanged", De: "unverändert", Ru: "без изменений", Fr: "inchangée", Es: "sin cambios"},
	{Key: "cli.import.action.error", En: "error", De: "Fehler", Ru: "ошибка", Fr: "erreur", Es: "error"},
	{Key: "cli.import.changes", En: "%s: %s", De: "%s: %s", Ru: "%s: %s", Fr: "%s : %s", Es: "%s: %s"},
	{Key: "cli.import.problem", En: "problem: %s", De: "Problem: %s", Ru: "ошибка: %s", Fr: "problème : %s", Es: "problema: %s"},
	{Key: "cli.import.note", En: "note: %s", De: "Hinweis: %s", Ru: "примечание: %s", Fr: "remarque : %s", Es: "nota: %s"},
	{Key: "cli.import.column", En: "column %s", De: "Spalte %s", Ru: "столбец %s", Fr: "colonne %s", Es: "columna %s"},
	{Key: "cli.import.at", En: "%s: %s", De: "%s: %s", Ru: "%s: %s", Fr: "%s : %s", Es: "%s: %s"},
	{Key: "cli.import.new_orgs", En: "new organizations: %s", De: "neue Organisationen: %s", Ru: "новые организации: %s", Fr: "nouvelles organisations : %s", Es: "organizaciones nuevas: %s"},
	{Key: "cli.import.missing", En: "not in the file, for the mandate commission to decide (the import changes nothing about them):", De: "nicht in der Datei; darüber entscheidet die Mandatsprüfungskommission (der Import ändert an ihnen nichts):", Ru: "нет в файле; решение за мандатной комиссией (импорт их не затрагивает):", Fr: "absents du fichier ; la commission de vérification des mandats décide (l'import ne change rien les concernant) :", Es: "no están en el archivo; decide la comisión de credenciales (la importación no cambia nada de ellos):"},
	// The counts: rows, then what they do, new organizations, persons missing.
	{Key: "cli.import.summary", En: "%s: %d to add, %d to change, %d unchanged, %d with problems; %s; %s", De: "%s: %d hinzuzufügen, %d zu ändern, %d unverändert, %d mit Problemen; %s; %s", Ru: "%s: добавить – %d, изменить – %d, без изменений – %d, с ошибками – %d; %s; %s", Fr: "%s : %d à ajouter, %d à modifier, %d inchangées, %d avec des problèmes ; %s ; %s", Es: "%s: %d por añadir, %d por cambiar, %d sin cambios, %d con problemas; %s; %s"},
	{Key: "cli.import.rows", En: "#1|one=%d row|other=%d rows", De: "#1|one=%d Zeile|other=%d Zeilen", Ru: "#1|one=%d строка|few=%d строки|many=%d строк|other=%d строки", Fr: "#1|one=%d ligne|other=%d lignes", Es: "#1|one=%d fila|other=%d filas"},
	{Key: "cli.import.new_orgs_n", En: "#1|one=%d new organization|other=%d new organizations", De: "#1|one=%d neue Organisation|other=%d neue Organisationen", Ru: "#1|one=%d новая организация|few=%d новые организации|many=%d новых организаций|other=%d новой организации", Fr: "#1|one=%d nouvelle organisation|other=%d nouvelles organisations", Es: "#1|one=%d organización nueva|other=%d organizaciones nuevas"},
	{Key: "cli.import.not_in_file", En: "#1|one=%d person of the assembly not in the file|other=%d persons of the assembly not in the file", De: "#1|one=%d Person der Versammlung nicht in der Datei|other=%d Personen der Versammlung nicht in der Datei", Ru: "#1|one=%d участник собрания отсутствует в файле|few=%d участника собрания отсутствуют в файле|many=%d участников собрания отсутствуют в файле|other=%d участника собрания отсутствуют в файле", Fr: "#1|one=%d personne de l'assemblée absente du fichier|other=%d personnes de l'assemblée absentes du fichier", Es: "#1|one=%d persona de la asamblea que no está en el archivo|other=%d personas de la asamblea que no están en el archivo"},
	// What was recorded, or why nothing was.
	{Key: "cli.import.dry_run", En: "dry run: nothing recorded (read and checked in %s)", De: "Probelauf: nichts festgehalten (gelesen und geprüft in %s)", Ru: "пробный запуск: ничего не записано (прочитано и проверено за %s)", Fr: "essai à blanc : rien n'est consigné (lu et vérifié en %s)", Es: "simulacro: no se registra nada (leído y comprobado en %s)"},
	{Key: "cli.import.with_problems", En: "#1|one=%d row with problems|other=%d rows with problems", De: "#1|one=%d Zeile mit Problemen|other=%d Zeilen mit Problemen", Ru: "#1|one=%d строка с ошибками|few=%d строки с ошибками|many=%d строк с ошибками|other=%d строки с ошибками", Fr: "#1|one=%d ligne avec des problèmes|other=%d lignes avec des problèmes", Es: "#1|one=%d fila con problemas|other=%d filas con problemas"},
	{Key: "cli.import.nothing_recorded",
		En: "#2|one=nothing recorded: %[1]s; correct the file and import it again, or record the %[2]d good row with --good-rows|other=nothing recorded: %[1]s; correct the file and import it again, or record the %[2]d good rows with --good-rows",
		De: "#2|one=nichts festgehalten: %[1]s; berichtigen Sie die Datei und importieren Sie sie erneut, oder halten Sie die %[2]d fehlerfreie Zeile mit --good-rows fest|other=nichts festgehalten: %[1]s; berichtigen Sie die Datei und importieren Sie sie erneut, oder halten Sie die %[2]d fehlerfreien Zeilen mit --good-rows fest",
		Ru: "ничего не записано: %[1]s; исправьте файл и импортируйте его снова или запишите правильные строки (%[2]d) с --good-rows",
		Fr: "#2|one=rien n'est consigné : %[1]s ; corrigez le fichier et importez-le de nouveau, ou consignez la %[2]d bonne ligne avec --good-rows|other=rien n'est consigné : %[1]s ; corrigez le fichier et importez-le de nouveau, ou consignez les %[2]d bonnes lignes avec --good-rows",
		Es: "#2|one=no se registra nada: %[1]s; corrija el archivo e impórtelo de nuevo, o registre la %[2]d fila correcta con --good-rows|other=no se registra nada: %[1]s; corrija el archivo e impórtelo de nuevo, o registre las %[2]d filas correctas con --good-rows"},
	{Key: "cli.import.nothing_to_record", En: "nothing to record: the assembly already matches the file", De: "nichts festzuhalten: die Versammlung entspricht der Datei bereits", Ru: "записывать нечего: собрание уже соответствует файлу", Fr: "rien à consigner : l'assemblée correspond déjà au fichier", Es: "nada que registrar: la asamblea ya coincide con el archivo"},
	{Key: "cli.import.recorded", En: "recorded %d commands in one batch (%s)", De: "#1|one=%d Befehl in einem Schub festgehalten (%s)|other=%d Befehle in einem Schub festgehalten (%s)", Ru: "#1|one=записана %d команда одним пакетом (%s)|few=записано %d команды одним пакетом (%s)|many=записано %d команд одним пакетом (%s)|other=записано %d команды одним пакетом (%s)", Fr: "#1|one=%d commande consignée en un seul lot (%s)|other=%d commandes consignées en un seul lot (%s)", Es: "#1|one=%d orden registrada en un solo lote (%s)|other=%d órdenes registradas en un solo lote (%s)"},
	{Key: "cli.import.good_recorded", En: "#1|one=the good rows were recorded; %d row with problems was not|other=the good rows were recorded; %d rows with problems were not", De: "#1|one=die fehlerfreien Zeilen wurden festgehalten; %d Zeile mit Problemen nicht|other=die fehlerfreien Zeilen wurden festgehalten; %d Zeilen mit Problemen nicht", Ru: "правильные строки записаны; строки с ошибками (%d) не записаны", Fr: "#1|one=les bonnes lignes ont été consignées ; %d ligne avec des problèmes ne l'a pas été|other=les bonnes lignes ont été consignées ; %d lignes avec des problèmes ne l'ont pas été", Es: "#1|one=se registraron las filas correctas; %d fila con problemas no|other=se registraron las filas correctas; %d filas con problemas no"},
}
