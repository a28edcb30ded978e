package i18n

func init() { register(closedRecordMessages) }

// closedRecordMessages say how to check a receipt or the record where the
// record is not public: plenum verify sends no session, so the server
// refuses it the log at its address (--url), and the pages say so rather
// than offer a command that fails with a 403 a member would read as
// tampering; the receipt checks offline against the key, and whoever may
// read the record checks the record file.
var closedRecordMessages = []Msg{
	{Key: "web.rcc.anyone_key",
		En: "You can check it with the plenum program (plenum verify) and the verifier key:",
		De: "Sie können sie mit dem Programm plenum (plenum verify) und dem Prüfschlüssel prüfen:",
		Ru: "Её можно проверить программой plenum (plenum verify) с ключом проверки:",
		Fr: "Vous pouvez le vérifier avec le programme plenum (plenum verify) et la clé de vérification :",
		Es: "Puede comprobarlo con el programa plenum (plenum verify) y la clave de verificación:"},
	{Key: "web.chk.not_public",
		En: "The record of this assembly is not public: the server does not serve its log to plenum verify, which logs in as nobody, so the check against the log as it is now (--url) cannot be made from the server's address. The receipt checks offline, against the key, as above.",
		De: "Das Protokoll dieser Versammlung ist nicht öffentlich: Der Server gibt sein Log nicht an plenum verify heraus, das sich nicht anmeldet; die Prüfung gegen das Log, wie es jetzt ist (--url), ist unter der Adresse des Servers daher nicht möglich. Die Quittung wird offline gegen den Schlüssel geprüft, wie oben.",
		Ru: "Протокол этого собрания не публичный: сервер не отдаёт его журнал программе plenum verify, которая не входит в систему, поэтому проверку по журналу в его нынешнем виде (--url) по адресу сервера провести нельзя. Квитанция проверяется без сети по ключу, как выше.",
		Fr: "Le procès-verbal de cette assemblée n'est pas public : le serveur ne sert pas son journal à plenum verify, qui ne se connecte pas ; la vérification contre le journal tel qu'il est maintenant (--url) ne peut donc pas se faire à l'adresse du serveur. Le reçu se vérifie hors ligne, avec la clé, comme ci-dessus.",
		Es: "El acta de esta asamblea no es pública: el servidor no entrega su registro a plenum verify, que no inicia sesión, así que la comprobación contra el registro tal como está ahora (--url) no puede hacerse en la dirección del servidor. El recibo se comprueba sin conexión, con la clave, como arriba."},
	{Key: "web.chk.with_record_file",
		En: "To check your ballot against the record as it is now, download the record file from the record page and check the file with the key; your ballot is entry %d of it:",
		De: "Um Ihre Stimme gegen das Protokoll zu prüfen, wie es jetzt ist, laden Sie die Protokolldatei von der Protokollseite herunter und prüfen Sie die Datei mit dem Schlüssel; Ihre Stimme ist darin Eintrag %d:",
		Ru: "Чтобы проверить бюллетень по протоколу в его нынешнем виде, скачайте файл протокола со страницы протокола и проверьте файл ключом; ваш бюллетень — запись %d в нём:",
		Fr: "Pour vérifier votre bulletin contre le procès-verbal tel qu'il est maintenant, téléchargez le fichier du procès-verbal depuis la page du procès-verbal et vérifiez le fichier avec la clé ; votre bulletin en est l'entrée %d :",
		Es: "Para comprobar su voto contra el acta tal como está ahora, descargue el archivo del acta desde la página del acta y compruebe el archivo con la clave; su voto es la entrada %d del archivo:"},
	{Key: "web.chk.record_not_public",
		En: "The record of this assembly is not public: the server does not serve its log to plenum verify (--url), which logs in as nobody. Check the record file instead (below, under the minutes): plenum verify --db with the file and this key checks that it is the signed log, whole and unaltered.",
		De: "Das Protokoll dieser Versammlung ist nicht öffentlich: Der Server gibt sein Log nicht an plenum verify (--url) heraus, das sich nicht anmeldet. Prüfen Sie stattdessen die Protokolldatei (unten, bei der Niederschrift): plenum verify --db mit der Datei und diesem Schlüssel prüft, dass sie das signierte Log ist, vollständig und unverändert.",
		Ru: "Протокол этого собрания не публичный: сервер не отдаёт его журнал программе plenum verify (--url), которая не входит в систему. Проверьте вместо этого файл протокола (ниже, у протокола заседаний): plenum verify --db с этим файлом и этим ключом проверяет, что он — подписанный журнал, полный и неизменённый.",
		Fr: "Le procès-verbal de cette assemblée n'est pas public : le serveur ne sert pas son journal à plenum verify (--url), qui ne se connecte pas. Vérifiez plutôt le fichier du procès-verbal (ci-dessous, avec le procès-verbal) : plenum verify --db avec le fichier et cette clé vérifie qu'il est le journal signé, complet et inchangé.",
		Es: "El acta de esta asamblea no es pública: el servidor no entrega su registro a plenum verify (--url), que no inicia sesión. Compruebe en su lugar el archivo del acta (abajo, junto al acta): plenum verify --db con el archivo y esta clave comprueba que es el registro firmado, completo y sin alterar."},
}
