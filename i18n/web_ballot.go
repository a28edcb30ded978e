package i18n

func init() { register(webMessagesBallot) }

// webMessagesBallot are the words of the pages of encrypted elections
// that the other web messages do not already say.
var webMessagesBallot = []Msg{
	{Key: "web.d.enc_shuffle_note", En: "Ranked ballots cannot be added up: when the election closes, the server re-encrypts and shuffles them, with a proof that it only shuffled, and the trustees decrypt the shuffled ballots. The server is the only one to shuffle, so it is trusted to forget the order in which it shuffled them; it could otherwise tell who ranked what.",
		De: "Stimmzettel mit Reihung lassen sich nicht addieren: Wenn die Wahl schließt, verschlüsselt der Server sie neu und mischt sie, mit einem Beweis, dass er nur gemischt hat, und die Treuhänder entschlüsseln die gemischten Stimmzettel. Nur der Server mischt, daher wird ihm vertraut, dass er die Reihenfolge des Mischens vergisst; sonst könnte er sagen, wer wie gereiht hat.",
		Ru: "Ранжированные бюллетени нельзя сложить: при закрытии выборов сервер заново шифрует и перемешивает их, с доказательством того, что он только перемешал, а доверенные лица расшифровывают перемешанные бюллетени. Перемешивает только сервер, поэтому ему доверяют забыть порядок перемешивания; иначе он мог бы узнать, кто как ранжировал.",
		Fr: "Les bulletins à classement ne s'additionnent pas : à la clôture de l'élection, le serveur les chiffre à nouveau et les mélange, avec une preuve qu'il n'a fait que mélanger, et les dépositaires déchiffrent les bulletins mélangés. Le serveur est seul à mélanger : on lui fait confiance pour oublier l'ordre du mélange, sans quoi il pourrait savoir qui a classé quoi.",
		Es: "Las papeletas con orden de preferencia no se pueden sumar: al cerrarse la elección, el servidor las vuelve a cifrar y las mezcla, con una prueba de que solo las mezcló, y los depositarios descifran las papeletas mezcladas. Solo el servidor mezcla, así que se confía en que olvide el orden de la mezcla; si no, podría saber quién ordenó qué."},
}
