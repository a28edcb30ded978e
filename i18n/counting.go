package i18n

func init() { register(countingMessages) }

// countingMessages are the words on the versions of the counting rules
// (tally.Rules): the replay's refusal of an opening naming a version no
// plenum writes, and plenum verify's end at an election or a vote counted
// by a version this plenum does not know (a later plenum's), which is no
// finding that the record is wrong.
var countingMessages = []Msg{
	{Key: "the opening of the vote %q names the counting rules v%d, which no plenum writes",
		En: "the opening of the vote %q names the counting rules v%d, which no plenum writes",
		De: "die Eröffnung der Abstimmung %q nennt die Zählregeln v%d, die kein plenum schreibt",
		Ru: "открытие голосования %q называет правила подсчёта v%d, которых не пишет ни один plenum",
		Fr: "l'ouverture du vote %q nomme les règles de dépouillement v%d, qu'aucun plenum n'écrit",
		Es: "la apertura de la votación %q nombra las reglas de recuento v%d, que ningún plenum escribe"},
	{Key: "the opening of the election %q names the counting rules v%d, which no plenum writes",
		En: "the opening of the election %q names the counting rules v%d, which no plenum writes",
		De: "die Eröffnung der Wahl %q nennt die Zählregeln v%d, die kein plenum schreibt",
		Ru: "открытие выборов %q называет правила подсчёта v%d, которых не пишет ни один plenum",
		Fr: "l'ouverture de l'élection %q nomme les règles de dépouillement v%d, qu'aucun plenum n'écrit",
		Es: "la apertura de la elección %q nombra las reglas de recuento v%d, que ningún plenum escribe"},
	{Key: "cli.verify.unknown_counting",
		En: "%s: this record was counted by counting rules v%d (entry %s, %q), which this plenum does not know (it counts by %s): use a newer plenum. Nothing was found wrong in the entries before it, but the record is not verified",
		De: "%s: diese Aufzeichnung wurde nach den Zählregeln v%d gezählt (Eintrag %s, %q), die dieses plenum nicht kennt (es zählt nach %s): verwenden Sie ein neueres plenum. In den Einträgen davor wurde nichts Fehlerhaftes gefunden, die Aufzeichnung ist aber nicht geprüft",
		Ru: "%s: этот протокол подсчитан по правилам подсчёта v%d (запись %s, %q), которых этот plenum не знает (он считает по %s): воспользуйтесь более новым plenum. В записях до неё ошибок не найдено, но протокол не проверен",
		Fr: "%s : ce journal a été dépouillé selon les règles de dépouillement v%d (entrée %s, %q), que ce plenum ne connaît pas (il compte selon %s) : utilisez un plenum plus récent. Rien de faux n'a été trouvé dans les entrées qui la précèdent, mais le journal n'est pas vérifié",
		Es: "%s: este registro se contó según las reglas de recuento v%d (entrada %s, %q), que este plenum no conoce (cuenta según %s): use un plenum más reciente. No se encontró nada erróneo en las entradas anteriores, pero el registro no está verificado"},
}
