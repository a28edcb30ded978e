package i18n

func init() { register(verifyCandidatesMessages) }

// verifyCandidatesMessages are plenum verify's words on how it names the
// candidates of an election (cmd/plenum/verify_candidates.go).
var verifyCandidatesMessages = []Msg{
	{Key: "cli.receipt.candidate_ids",
		En: "the candidates (or lists) are given by their ids: the receipt's entry does not name them; give --url to read their names from the record",
		De: "die Kandidierenden (oder Listen) sind mit ihren Kennungen angegeben: der Eintrag der Quittung nennt ihre Namen nicht; geben Sie --url an, um sie aus dem Protokoll zu lesen",
		Ru: "кандидаты (или списки) указаны своими идентификаторами: запись квитанции не называет их имён; укажите --url, чтобы прочесть их имена в протоколе",
		Fr: "les candidats (ou listes) sont donnés par leurs identifiants : l'entrée du reçu ne les nomme pas ; donnez --url pour lire leurs noms dans le registre",
		Es: "los candidatos (o listas) se dan por sus identificadores: la entrada del recibo no los nombra; indique --url para leer sus nombres en el registro"},
	{Key: "cli.excerpt.election.ids",
		En: "election %s: the candidates are given by their ids: the excerpt holds no entry that names them (the record names them, as plenum verify --url reads it)",
		De: "Wahl %s: die Kandidierenden sind mit ihren Kennungen angegeben: der Auszug enthält keinen Eintrag, der ihre Namen nennt (das Protokoll nennt sie, wie plenum verify --url es liest)",
		Ru: "выборы %s: кандидаты указаны своими идентификаторами: в выписке нет записи с их именами (их называет протокол, как его читает plenum verify --url)",
		Fr: "élection %s : les candidats sont donnés par leurs identifiants : l'extrait ne contient aucune entrée qui les nomme (le registre les nomme, tel que plenum verify --url le lit)",
		Es: "elección %s: los candidatos se dan por sus identificadores: el extracto no contiene ninguna entrada que los nombre (el registro los nombra, tal como lo lee plenum verify --url)"},
}
