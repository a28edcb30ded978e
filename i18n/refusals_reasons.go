package i18n

func init() { register(reasonMessages) }

// reasonMessages are the parts of refusals that are made from their own
// templates (assembly.Reason): why an id, a text or a command line is not
// valid. Locale.Refusal renders them inside the refusal that holds them.
// A text's reasons are predicates ("is not valid UTF-8 …"), for
// templates that put the field or key first ("the field %q %s").
var reasonMessages = []Msg{
	{Key: "the field %q must be %s, not a JSON %s", En: "the field %q must be %s, not a JSON %s", De: "das Feld %q muss %s sein, kein JSON-Wert vom Typ %s", Ru: "поле %q должно быть %s, а не JSON-значением типа %s", Fr: "le champ %q doit être %s, pas une valeur JSON de type %s", Es: "el campo %q debe ser %s, no un valor JSON de tipo %s"},
	{Key: "malformed JSON at byte %d (%s)", En: "malformed JSON at byte %d (%s)", De: "fehlerhaftes JSON bei Byte %d (%s)", Ru: "ошибка в JSON на байте %d (%s)", Fr: "JSON mal formé à l'octet %d (%s)", Es: "JSON mal formado en el byte %d (%s)"},
	{Key: "unknown field %q", En: "unknown field %q", De: "unbekanntes Feld %q", Ru: "неизвестное поле %q", Fr: "champ inconnu %q", Es: "campo desconocido %q"},
	{Key: "the JSON ends too soon", En: "the JSON ends too soon", De: "das JSON endet zu früh", Ru: "JSON обрывается раньше времени", Fr: "le JSON s'arrête trop tôt", Es: "el JSON termina antes de tiempo"},
	// What a field must be, in "the field %q must be %s".
	{Key: "a string", En: "a string", De: "eine Zeichenkette", Ru: "строкой", Fr: "une chaîne de caractères", Es: "una cadena de texto"},
	{Key: "a whole number", En: "a whole number", De: "eine ganze Zahl", Ru: "целым числом", Fr: "un nombre entier", Es: "un número entero"},
	{Key: "true or false", En: "true or false", De: "true oder false", Ru: "true или false", Fr: "true ou false", Es: "true o false"},
	{Key: "a list", En: "a list", De: "eine Liste", Ru: "списком", Fr: "une liste", Es: "una lista"},
	{Key: "an object", En: "an object", De: "ein Objekt", Ru: "объектом", Fr: "un objet", Es: "un objeto"},
	// Phrases the rules put into several refusals.
	{Key: "an administrator, a secretary or the mandate commission", En: "an administrator, a secretary or the mandate commission", De: "die Administration, die Schriftführung oder die Mandatsprüfungskommission", Ru: "администратор, секретарь или мандатная комиссия", Fr: "l'administration, le secrétariat ou la commission de vérification des mandats", Es: "la administración, la secretaría o la comisión de credenciales"},
	{Key: "only a vote declared carried or defeated can be reconsidered", En: "only a vote declared carried or defeated can be reconsidered", De: "eine erneute Abstimmung ist nur möglich, wenn das Ergebnis „angenommen“ oder „abgelehnt“ festgestellt wurde", Ru: "пересмотреть можно только голосование с объявленным итогом «принято» или «отклонено»", Fr: "seul un vote dont le résultat proclamé est l'adoption ou le rejet peut être réexaminé", Es: "solo puede reconsiderarse una votación con resultado proclamado de aprobación o rechazo"},
	// Why an id is not valid.
	{Key: "it is empty", En: "it is empty", De: "sie ist leer", Ru: "он пуст", Fr: "il est vide", Es: "está vacío"},
	{Key: "it is longer than 64 characters", En: "it is longer than 64 characters", De: "sie ist länger als 64 Zeichen", Ru: "он длиннее 64 символов", Fr: "il dépasse 64 caractères", Es: "tiene más de 64 caracteres"},
	{Key: "%q is not allowed; use lower case letters, digits, '-' and '_'", En: "%q is not allowed; use lower case letters, digits, '-' and '_'", De: "%q ist nicht erlaubt; verwenden Sie Kleinbuchstaben, Ziffern, '-' und '_'", Ru: "%q недопустим; используйте строчные латинские буквы, цифры, '-' и '_'", Fr: "%q n'est pas admis ; utilisez des lettres minuscules, des chiffres, '-' et '_'", Es: "%q no está permitido; use letras minúsculas, dígitos, '-' y '_'"},
	// Why a text is not valid: predicates of "the field %q" or "the idempotency key".
	{Key: "is not valid UTF-8 (at byte %d)", En: "is not valid UTF-8 (at byte %d)", De: "ist kein gültiges UTF-8 (bei Byte %d)", Ru: "не является корректным UTF-8 (байт %d)", Fr: "n'est pas de l'UTF-8 valide (à l'octet %d)", Es: "no es UTF-8 válido (en el byte %d)"},
	{Key: "holds the replacement character U+FFFD (at byte %d), the trace of text that was not valid UTF-8; send the text as UTF-8", En: "holds the replacement character U+FFFD (at byte %d), the trace of text that was not valid UTF-8; send the text as UTF-8", De: "enthält das Ersatzzeichen U+FFFD (bei Byte %d), die Spur eines Textes, der kein gültiges UTF-8 war; senden Sie den Text als UTF-8", Ru: "содержит символ замены U+FFFD (байт %d) — след текста, который не был корректным UTF-8; отправьте текст в UTF-8", Fr: "contient le caractère de remplacement U+FFFD (à l'octet %d), trace d'un texte qui n'était pas de l'UTF-8 valide ; envoyez le texte en UTF-8", Es: "contiene el carácter de sustitución U+FFFD (en el byte %d), huella de un texto que no era UTF-8 válido; envíe el texto en UTF-8"},
	{Key: "holds %s, U+%04X (at byte %d)", En: "holds %s, U+%04X (at byte %d)", De: "enthält %s, U+%04X (bei Byte %d)", Ru: "содержит %s, U+%04X (байт %d)", Fr: "contient %s, U+%04X (à l'octet %d)", Es: "contiene %s, U+%04X (en el byte %d)"},
	{Key: "a control character", En: "a control character", De: "ein Steuerzeichen", Ru: "управляющий символ", Fr: "un caractère de contrôle", Es: "un carácter de control"},
	{Key: "a NUL character", En: "a NUL character", De: "ein NUL-Zeichen", Ru: "символ NUL", Fr: "un caractère NUL", Es: "un carácter NUL"},
	{Key: "an escape character (ESC, as in terminal colour codes)", En: "an escape character (ESC, as in terminal colour codes)", De: "ein Escape-Zeichen (ESC, wie in Farbcodes von Terminals)", Ru: "символ ESC (как в цветовых кодах терминала)", Fr: "un caractère d'échappement (ESC, comme dans les codes de couleur des terminaux)", Es: "un carácter de escape (ESC, como en los códigos de color de los terminales)"},
	{Key: "a line break or tab, which only running texts (note, text, reason …) may hold", En: "a line break or tab, which only running texts (note, text, reason …) may hold", De: "einen Zeilenumbruch oder Tabulator, den nur fortlaufende Texte (note, text, reason …) enthalten dürfen", Ru: "перевод строки или табуляцию, допустимые только в связных текстах (note, text, reason …)", Fr: "un saut de ligne ou une tabulation, que seuls les textes suivis (note, text, reason …) peuvent contenir", Es: "un salto de línea o un tabulador, que solo pueden contener los textos corridos (note, text, reason …)"},
	{Key: "holds the bidirectional control U+%04X (at byte %d), which makes a text display differently from what it says", En: "holds the bidirectional control U+%04X (at byte %d), which makes a text display differently from what it says", De: "enthält das bidirektionale Steuerzeichen U+%04X (bei Byte %d), durch das ein Text anders angezeigt wird, als er lautet", Ru: "содержит управляющий символ направления письма U+%04X (байт %d), из-за которого текст отображается не так, как написан", Fr: "contient le caractère de contrôle bidirectionnel U+%04X (à l'octet %d), qui fait s'afficher un texte autrement qu'il ne s'écrit", Es: "contiene el carácter de control bidireccional U+%04X (en el byte %d), que hace que un texto se muestre de forma distinta a lo que dice"},
	// The states of a motion and the outcomes of a vote, as the refusals that
	// say "has the state %s" name them (the words of the minutes, quoted),
	// and a list of them.
	{Key: "submitted", En: "submitted", De: "„eingereicht“", Ru: "«внесено»", Fr: "« déposée »", Es: "«presentada»"},
	{Key: "admitted", En: "admitted", De: "„zugelassen“", Ru: "«допущено»", Fr: "« admise »", Es: "«admitida»"},
	{Key: "not admitted", En: "not admitted", De: "„nicht zugelassen“", Ru: "«не допущено»", Fr: "« non admise »", Es: "«no admitida»"},
	{Key: "pending", En: "pending", De: "„in Beratung“", Ru: "«на рассмотрении»", Fr: "« en discussion »", Es: "«en debate»"},
	{Key: "pending (in debate)", En: "pending (in debate)", De: "„in Beratung“ (der Versammlung vorgelegt)", Ru: "«на рассмотрении» (вынесено на собрание)", Fr: "« en discussion » (soumise à l'assemblée)", Es: "«en debate» (sometida a la asamblea)"},
	{Key: "withdrawn", En: "withdrawn", De: "„zurückgezogen“", Ru: "«снято»", Fr: "« retirée »", Es: "«retirada»"},
	{Key: "carried", En: "carried", De: "„angenommen“", Ru: "«принято»", Fr: "« adoptée »", Es: "«aprobada»"},
	{Key: "defeated", En: "defeated", De: "„abgelehnt“", Ru: "«отклонено»", Fr: "« rejetée »", Es: "«rechazada»"},
	{Key: "set aside", En: "set aside", De: "„nicht zugrunde gelegt“", Ru: "«не принято за основу»", Fr: "« non retenue »", Es: "«descartada»"},
	{Key: "lapsed", En: "lapsed", De: "„erledigt“", Ru: "«отпало»", Fr: "« caduque »", Es: "«decaída»"},
	{Key: "referred", En: "referred", De: "„überwiesen“", Ru: "«передано»", Fr: "« renvoyée »", Es: "«remitida»"},
	{Key: "overtaken", En: "overtaken", De: "„überholt“", Ru: "«снято другим решением»", Fr: "« dépassée »", Es: "«superada»"},
	{Key: "not recorded", En: "not recorded", De: "„nicht überliefert“", Ru: "«не записано»", Fr: "« non consignée »", Es: "«no consta»"},
	{Key: "%s or %s", En: "%s or %s", De: "%s oder %s", Ru: "%s или %s", Fr: "%s ou %s", Es: "%s o %s"},
	{Key: "%s, %s", En: "%s, %s", De: "%s, %s", Ru: "%s, %s", Fr: "%s, %s", Es: "%s, %s"},
}
