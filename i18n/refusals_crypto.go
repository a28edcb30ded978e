package i18n

func init() { register(refusalMessagesCrypto) }

// refusalMessagesCrypto are the parts of the refusals of encrypted votes
// and elections (assembly/encrypted.go): what package ballot refused, what
// its error's code means (its own words are English: the catalog says
// what the code means), and the state of a vote or an election, agreeing
// with it ("the vote v1 is closed").
var refusalMessagesCrypto = []Msg{
	// What was refused, in "%s is refused (%s): %v".
	{Key: "the encrypted vote's parameters", En: "the encrypted vote's parameters", De: "die Parameter der verschlüsselten Abstimmung", Ru: "параметры зашифрованного голосования", Fr: "les paramètres du vote chiffré", Es: "los parámetros de la votación cifrada"},
	{Key: "the encrypted election's parameters", En: "the encrypted election's parameters", De: "die Parameter der verschlüsselten Wahl", Ru: "параметры зашифрованных выборов", Fr: "les paramètres de l'élection chiffrée", Es: "los parámetros de la elección cifrada"},
	{Key: "the encrypted election's question", En: "the encrypted election's question", De: "die Frage der verschlüsselten Wahl", Ru: "вопрос зашифрованных выборов", Fr: "la question de l'élection chiffrée", Es: "la pregunta de la elección cifrada"},
	{Key: "the trustee's key", En: "the trustee's key", De: "der Schlüssel des Treuhänders", Ru: "ключ доверенного лица", Fr: "la clé du dépositaire", Es: "la clave del depositario"},
	{Key: "the dealing", En: "the dealing", De: "die Verteilung der Schlüsselanteile", Ru: "раздача долей ключа", Fr: "la distribution des parts de clé", Es: "el reparto de las partes de la clave"},
	{Key: "the confirmation", En: "the confirmation", De: "die Bestätigung", Ru: "подтверждение", Fr: "la confirmation", Es: "la confirmación"},
	{Key: "the key ceremony", En: "the key ceremony", De: "die Schlüsselzeremonie", Ru: "церемония создания ключа", Fr: "la cérémonie des clés", Es: "la ceremonia de claves"},
	{Key: "the encrypted ballot", En: "the encrypted ballot", De: "der verschlüsselte Stimmzettel", Ru: "зашифрованный бюллетень", Fr: "le bulletin chiffré", Es: "el voto cifrado"},
	{Key: "the encrypted total", En: "the encrypted total", De: "das verschlüsselte Gesamtergebnis", Ru: "зашифрованный итог", Fr: "le total chiffré", Es: "el total cifrado"},
	{Key: "the shuffle of the ranked ballots", En: "the shuffle of the ranked ballots", De: "das Mischen der Stimmzettel mit Rangfolge", Ru: "перемешивание ранжированных бюллетеней", Fr: "le brassage des bulletins classés", Es: "la mezcla de las papeletas ordenadas"},
	{Key: "the partial decryption", En: "the partial decryption", De: "die Teilentschlüsselung", Ru: "частичная расшифровка", Fr: "le déchiffrement partiel", Es: "el descifrado parcial"},
	{Key: "the decryption of the total", En: "the decryption of the total", De: "die Entschlüsselung des Gesamtergebnisses", Ru: "расшифровка итога", Fr: "le déchiffrement du total", Es: "el descifrado del total"},

	// What an error of package ballot means, by its code (ballot.ErrorCode).
	{Key: "ballot.error.malformed", En: "the encoding is malformed", De: "die Kodierung ist fehlerhaft", Ru: "неверная кодировка", Fr: "l'encodage est mal formé", Es: "la codificación está mal formada"},
	{Key: "ballot.error.not-canonical", En: "the encoding is not canonical", De: "die Kodierung ist nicht kanonisch", Ru: "кодировка не каноническая", Fr: "l'encodage n'est pas canonique", Es: "la codificación no es canónica"},
	{Key: "ballot.error.too-large", En: "the input is too large", De: "die Eingabe ist zu groß", Ru: "входные данные слишком велики", Fr: "l'entrée est trop grande", Es: "la entrada es demasiado grande"},
	{Key: "ballot.error.invalid-parameters", En: "the parameters are inconsistent", De: "die Parameter widersprechen einander", Ru: "параметры противоречат друг другу", Fr: "les paramètres sont incohérents", Es: "los parámetros son incoherentes"},
	{Key: "ballot.error.wrong-context", En: "the message is for another election, person or question", De: "die Nachricht gehört zu einer anderen Wahl, Person oder Frage", Ru: "сообщение относится к другим выборам, другому лицу или вопросу", Fr: "le message concerne une autre élection, personne ou question", Es: "el mensaje es de otra elección, persona o pregunta"},
	{Key: "ballot.error.invalid-proof", En: "a proof does not verify", De: "ein Nachweis ist nicht gültig", Ru: "доказательство не проходит проверку", Fr: "une preuve ne se vérifie pas", Es: "una prueba no se verifica"},
	{Key: "ballot.error.bad-dealing", En: "a key share does not match its dealer's commitments", De: "ein Schlüsselanteil passt nicht zu den Zusagen seines Gebers", Ru: "доля ключа не соответствует обязательствам того, кто её раздал", Fr: "une part de clé ne correspond pas aux engagements de son émetteur", Es: "una parte de la clave no coincide con los compromisos de quien la repartió"},
	{Key: "ballot.error.not-enough-shares", En: "there are not enough partial decryptions", De: "es gibt zu wenige Teilentschlüsselungen", Ru: "недостаточно частичных расшифровок", Fr: "il n'y a pas assez de déchiffrements partiels", Es: "no hay suficientes descifrados parciales"},
	{Key: "ballot.error.out-of-range", En: "a decrypted value is out of range", De: "ein entschlüsselter Wert liegt außerhalb des zulässigen Bereichs", Ru: "расшифрованное значение вне допустимого диапазона", Fr: "une valeur déchiffrée est hors de l'intervalle admis", Es: "un valor descifrado está fuera del intervalo admitido"},
	{Key: "ballot.error.result-mismatch", En: "the declared result does not match the decryption", De: "das festgestellte Ergebnis entspricht nicht der Entschlüsselung", Ru: "объявленный результат не совпадает с расшифровкой", Fr: "le résultat proclamé ne correspond pas au déchiffrement", Es: "el resultado proclamado no coincide con el descifrado"},
	{Key: "ballot.error.invalid-choice", En: "the choice breaks the question's rules", De: "die Wahl verstößt gegen die Regeln der Frage", Ru: "выбор нарушает правила вопроса", Fr: "le choix enfreint les règles de la question", Es: "la elección infringe las reglas de la pregunta"},
	{Key: "ballot.error.error", En: "the cryptography failed", De: "die Kryptografie ist fehlgeschlagen", Ru: "сбой криптографии", Fr: "la cryptographie a échoué", Es: "la criptografía ha fallado"},

	// The state of a vote, and of an election, in "the vote %s is %s".
	{Key: "status.vote.open", En: "open", De: "offen", Ru: "открыто", Fr: "ouvert", Es: "abierta"},
	{Key: "status.vote.closed", En: "closed", De: "geschlossen", Ru: "закрыто", Fr: "clos", Es: "cerrada"},
	{Key: "status.vote.declared", En: "declared", De: "beendet, ihr Ergebnis festgestellt", Ru: "завершено, итоги объявлены", Fr: "clos et son résultat proclamé", Es: "cerrada y su resultado proclamado"},
	{Key: "status.vote.withdrawn", En: "withdrawn", De: "zurückgezogen", Ru: "отменено", Fr: "retiré", Es: "retirada"},
	{Key: "status.election.open", En: "open", De: "offen", Ru: "открыты", Fr: "ouverte", Es: "abierta"},
	{Key: "status.election.closed", En: "closed", De: "geschlossen", Ru: "закрыты", Fr: "close", Es: "cerrada"},
	{Key: "status.election.declared", En: "declared", De: "beendet, ihr Ergebnis festgestellt", Ru: "завершены, итоги объявлены", Fr: "close et son résultat proclamé", Es: "cerrada y su resultado proclamado"},
	{Key: "status.election.withdrawn", En: "withdrawn", De: "zurückgezogen", Ru: "отменены", Fr: "retirée", Es: "retirada"},
}
