package i18n

func init() { register(boxAlteredMessages) }

// boxAlteredMessages are what is said of a secret vote's ballot box
// changed outside plenum: plenum verify --db, which compares the number
// of its rows with the ballots the record says were cast, and the
// chair's refusal when the vote is closed (the engine's, keyed by its
// English).
var boxAlteredMessages = []Msg{
	{Key: "cli.verify.box_altered", En: "the ballot box of the open secret vote %s does not hold what the record says was cast in it (ballots in the box: %s; ballots cast, by its ballot_cast entries: %s): the box was altered outside plenum; the vote cannot be closed, it can only be withdrawn",
		De: "die Urne der offenen geheimen Abstimmung %s enthält nicht, was laut Aufzeichnung in ihr abgegeben wurde (Stimmzettel in der Urne: %s; abgegeben laut ihren ballot_cast-Einträgen: %s): die Urne wurde außerhalb von plenum verändert; die Abstimmung kann nicht geschlossen, nur zurückgezogen werden",
		Ru: "урна открытого тайного голосования %s содержит не то, что по записи в неё опущено (бюллетеней в урне: %s; опущено по записям ballot_cast: %s): урну изменили в обход plenum; голосование нельзя закрыть, его можно только отозвать",
		Fr: "l'urne du vote secret ouvert %s ne contient pas ce que l'enregistrement dit y avoir été déposé (bulletins dans l'urne : %s ; déposés selon ses entrées ballot_cast : %s) : l'urne a été modifiée hors de plenum ; le vote ne peut pas être clos, seulement retiré",
		Es: "la urna de la votación secreta abierta %s no contiene lo que el registro dice que se depositó en ella (papeletas en la urna: %s; depositadas según sus entradas ballot_cast: %s): la urna se alteró fuera de plenum; la votación no puede cerrarse, solo retirarse"},
	{Key: "cli.verify.failed_box", En: "FAILED: %s\n  ballot box: %s\n",
		De: "FAILED: %s\n  Urne: %s\n",
		Ru: "FAILED: %s\n  урна: %s\n",
		Fr: "FAILED: %s\n  urne : %s\n",
		Es: "FAILED: %s\n  urna: %s\n"},
	{Key: "cli.verify.box_empty", En: "note: %s: the database holds no ballot box for the open secret vote %s (ballots cast, by the record: %s): a record file holds none; in a server's database, the box was emptied outside plenum and the vote cannot be closed",
		De: "Hinweis: %s: die Datenbank enthält keine Urne der offenen geheimen Abstimmung %s (abgegeben laut Aufzeichnung: %s): eine Protokolldatei enthält keine; in der Datenbank eines Servers wurde die Urne außerhalb von plenum geleert, und die Abstimmung kann nicht geschlossen werden",
		Ru: "примечание: %s: в базе нет урны открытого тайного голосования %s (опущено по записи: %s): в файле протокола урн нет; в базе сервера урну опустошили в обход plenum, и голосование нельзя закрыть",
		Fr: "remarque : %s : la base ne contient pas d'urne pour le vote secret ouvert %s (déposés selon l'enregistrement : %s) : un fichier d'enregistrement n'en contient pas ; dans la base d'un serveur, l'urne a été vidée hors de plenum et le vote ne peut pas être clos",
		Es: "nota: %s: la base de datos no contiene urna de la votación secreta abierta %s (depositadas según el registro: %s): un archivo de registro no la contiene; en la base de datos de un servidor, la urna se vació fuera de plenum y la votación no puede cerrarse"},
	{Key: "the ballot box of %s was altered outside plenum (ballots in the box: %d; voters the record names: %d): the vote cannot be closed, it can only be withdrawn",
		En: "the ballot box of %s was altered outside plenum (ballots in the box: %d; voters the record names: %d): the vote cannot be closed, it can only be withdrawn",
		De: "die Urne von %s wurde außerhalb von plenum verändert (Stimmzettel in der Urne: %d; Abstimmende laut Aufzeichnung: %d): die Abstimmung kann nicht geschlossen, nur zurückgezogen werden",
		Ru: "урну %s изменили в обход plenum (бюллетеней в урне: %d; голосовавших по записи: %d): голосование нельзя закрыть, его можно только отозвать",
		Fr: "l'urne de %s a été modifiée hors de plenum (bulletins dans l'urne : %d ; votants selon l'enregistrement : %d) : le vote ne peut pas être clos, seulement retiré",
		Es: "la urna de %s se alteró fuera de plenum (papeletas en la urna: %d; votantes según el registro: %d): la votación no puede cerrarse, solo retirarse"},
	{Key: "a ballot in the ballot box of %s cannot be read: the box was altered outside plenum, or the signing key changed while the vote was open; the vote cannot be closed, it can only be withdrawn",
		En: "a ballot in the ballot box of %s cannot be read: the box was altered outside plenum, or the signing key changed while the vote was open; the vote cannot be closed, it can only be withdrawn",
		De: "ein Stimmzettel in der Urne von %s lässt sich nicht lesen: die Urne wurde außerhalb von plenum verändert, oder der Signaturschlüssel wurde gewechselt, während die Abstimmung offen war; die Abstimmung kann nicht geschlossen, nur zurückgezogen werden",
		Ru: "бюллетень в урне %s не читается: урну изменили в обход plenum или сменили ключ подписи, пока голосование было открыто; голосование нельзя закрыть, его можно только отозвать",
		Fr: "un bulletin de l'urne de %s est illisible : l'urne a été modifiée hors de plenum, ou la clé de signature a changé pendant que le vote était ouvert ; le vote ne peut pas être clos, seulement retiré",
		Es: "una papeleta de la urna de %s no puede leerse: la urna se alteró fuera de plenum, o la clave de firma cambió mientras la votación estaba abierta; la votación no puede cerrarse, solo retirarse"},
}
