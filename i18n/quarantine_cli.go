package i18n

func init() { register(quarantineCLIMessages) }

// quarantineCLIMessages are the refusals of plenum replay and plenum
// import for an assembly whose record in the database is damaged: held
// out, as plenum serve holds it out (cmd/plenum/quarantine.go), while the
// command acts on the intact ones. The damage and what to do are said in
// serve's words for them (serve.held.todo_*, cli.marks.*).
var quarantineCLIMessages = []Msg{
	{Key: "cli.replay.held",
		En: "line %s: the assembly %s is held out, its record in the database damaged: %s. Nothing was recorded in it, nor from this line on; the lines before it stay recorded. What to do: %s",
		De: "Zeile %s: Die Versammlung %s wird zurückgehalten, ihr Protokoll in der Datenbank ist beschädigt: %s. In ihr wurde nichts festgehalten, und ab dieser Zeile nichts; die Zeilen davor bleiben festgehalten. Was zu tun ist: %s",
		Ru: "строка %s: собрание %s отстранено, его протокол в базе данных повреждён: %s. В него ничего не записано, и начиная с этой строки ничего не записано; строки до неё остаются записанными. Что делать: %s",
		Fr: "ligne %s : l'assemblée %s est tenue à l'écart, son procès-verbal dans la base de données est endommagé : %s. Rien n'y a été enregistré, ni à partir de cette ligne ; les lignes précédentes restent enregistrées. Que faire : %s",
		Es: "línea %s: la asamblea %s está apartada, su acta en la base de datos está dañada: %s. No se ha registrado nada en ella, ni a partir de esta línea; las líneas anteriores quedan registradas. Qué hacer: %s"},
	{Key: "cli.import.held",
		En: "the assembly %s is held out, its record in the database damaged: %s. Nothing was imported. What to do: %s",
		De: "Die Versammlung %s wird zurückgehalten, ihr Protokoll in der Datenbank ist beschädigt: %s. Nichts wurde importiert. Was zu tun ist: %s",
		Ru: "собрание %s отстранено, его протокол в базе данных повреждён: %s. Ничего не импортировано. Что делать: %s",
		Fr: "l'assemblée %s est tenue à l'écart, son procès-verbal dans la base de données est endommagé : %s. Rien n'a été importé. Que faire : %s",
		Es: "la asamblea %s está apartada, su acta en la base de datos está dañada: %s. No se ha importado nada. Qué hacer: %s"},
}
