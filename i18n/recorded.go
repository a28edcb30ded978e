package i18n

func init() { register(recordedMessages) }

// recordedMessages are the words that say a ballot is recorded, not yet
// counted (package web: the receipt page's heading and the line under
// it): a ballot is an entry of the record the moment it is cast; it is
// counted when voting closes, and a secret vote's ballots wait in the box
// until then.
var recordedMessages = []Msg{
	{Key: "web.rc.recorded", En: "Your ballot is recorded", De: "Ihre Stimme ist im Protokoll", Ru: "Ваш голос записан", Fr: "Votre bulletin est enregistré", Es: "Su voto está registrado"},
	{Key: "web.rc.recorded_entry", En: "It is entry %d of the record. Ballots are counted when voting closes.", De: "Sie ist Eintrag %d des Protokolls. Gezählt wird, wenn die Stimmabgabe schließt.", Ru: "Это запись %d протокола. Голоса подсчитываются после закрытия голосования.", Fr: "C'est l'entrée %d du procès-verbal. Les bulletins sont comptés à la clôture du scrutin.", Es: "Es la entrada %d del acta. Los votos se cuentan al cerrarse la votación."},
}
