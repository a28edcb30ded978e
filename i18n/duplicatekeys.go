package i18n

func init() { register(duplicateKeyMessages) }

// duplicateKeyMessages refuse a JSON command that gives a key twice in
// one of its objects (encoding/json would take the last; a proxy or a log
// of requests, the first): the API's (package httpapi, 400), a script's
// line (package assembly, ParseEnvelope: plenum replay and import) and
// the arguments' (ParseCommand). The first %s is the key as the text gave
// it, quoted ("cmd", or "cmd" / "CMD" where it was given in another
// case); the %s after "in" is where it is, a path in the JSON ("args",
// "args.sealed[0]"): both stay as they are.
var duplicateKeyMessages = []Msg{
	{Key: "api.duplicate_key",
		En: "the body gives the key %s twice: give each key once (nothing was recorded)",
		De: "der Inhalt enthält den Schlüssel %s zweimal: geben Sie jeden Schlüssel nur einmal an (nichts wurde aufgezeichnet)",
		Ru: "в теле запроса ключ %s указан дважды: указывайте каждый ключ один раз (ничего не записано)",
		Fr: "le corps donne la clé %s deux fois : donnez chaque clé une seule fois (rien n'a été enregistré)",
		Es: "el cuerpo da la clave %s dos veces: dé cada clave una sola vez (no se registró nada)"},
	{Key: "api.duplicate_key_in",
		En: "the body gives the key %s twice, in %s: give each key once (nothing was recorded)",
		De: "der Inhalt enthält den Schlüssel %s zweimal, in %s: geben Sie jeden Schlüssel nur einmal an (nichts wurde aufgezeichnet)",
		Ru: "в теле запроса ключ %s указан дважды, в %s: указывайте каждый ключ один раз (ничего не записано)",
		Fr: "le corps donne la clé %s deux fois, dans %s : donnez chaque clé une seule fois (rien n'a été enregistré)",
		Es: "el cuerpo da la clave %s dos veces, en %s: dé cada clave una sola vez (no se registró nada)"},
	{Key: "the command line gives the key %s twice: give each key once",
		En: "the command line gives the key %s twice: give each key once",
		De: "die Befehlszeile enthält den Schlüssel %s zweimal: geben Sie jeden Schlüssel nur einmal an",
		Ru: "в строке команды ключ %s указан дважды: указывайте каждый ключ один раз",
		Fr: "la ligne de commande donne la clé %s deux fois : donnez chaque clé une seule fois",
		Es: "la línea de la orden da la clave %s dos veces: dé cada clave una sola vez"},
	{Key: "the command line gives the key %s twice, in %s: give each key once",
		En: "the command line gives the key %s twice, in %s: give each key once",
		De: "die Befehlszeile enthält den Schlüssel %s zweimal, in %s: geben Sie jeden Schlüssel nur einmal an",
		Ru: "в строке команды ключ %s указан дважды, в %s: указывайте каждый ключ один раз",
		Fr: "la ligne de commande donne la clé %s deux fois, dans %s : donnez chaque clé une seule fois",
		Es: "la línea de la orden da la clave %s dos veces, en %s: dé cada clave una sola vez"},
	{Key: "%s: the arguments give the key %s twice: give each key once",
		En: "%s: the arguments give the key %s twice: give each key once",
		De: "%s: die Argumente enthalten den Schlüssel %s zweimal: geben Sie jeden Schlüssel nur einmal an",
		Ru: "%s: в аргументах ключ %s указан дважды: указывайте каждый ключ один раз",
		Fr: "%s : les arguments donnent la clé %s deux fois : donnez chaque clé une seule fois",
		Es: "%s: los argumentos dan la clave %s dos veces: dé cada clave una sola vez"},
	{Key: "%s: the arguments give the key %s twice, in %s: give each key once",
		En: "%s: the arguments give the key %s twice, in %s: give each key once",
		De: "%s: die Argumente enthalten den Schlüssel %s zweimal, in %s: geben Sie jeden Schlüssel nur einmal an",
		Ru: "%s: в аргументах ключ %s указан дважды, в %s: указывайте каждый ключ один раз",
		Fr: "%s : les arguments donnent la clé %s deux fois, dans %s : donnez chaque clé une seule fois",
		Es: "%s: los argumentos dan la clave %s dos veces, en %s: dé cada clave una sola vez"},
}
