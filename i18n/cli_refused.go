package i18n

func init() { register(cliRefusedMessages) }

// cliRefusedMessages are what plenum verify says when the server refuses
// it the log (401 or 403: the record of the assembly is not public): an
// access refusal, not a check that failed, which a member would read as
// tampering.
var cliRefusedMessages = []Msg{
	{Key: "cli.remote.refused",
		En: "%s: the server refused to serve the log: the record of this assembly is not public (%v). Nothing was checked against the log, and nothing was found wrong with it. A receipt checks offline, without --url; a participant checks the record file from the record page with plenum verify --db FILE --key KEY",
		De: "%s: Der Server hat die Herausgabe des Logs verweigert: Das Protokoll dieser Versammlung ist nicht öffentlich (%v). Es wurde nichts gegen das Log geprüft und nichts Fehlerhaftes daran gefunden. Eine Quittung wird offline geprüft, ohne --url; ein Teilnehmer prüft die Protokolldatei von der Protokollseite mit plenum verify --db DATEI --key SCHLÜSSEL",
		Ru: "%s: сервер отказался отдать журнал: протокол этого собрания не публичный (%v). По журналу ничего не проверено, и ничего неверного в нём не найдено. Квитанция проверяется без сети, без --url; участник проверяет файл протокола со страницы протокола командой plenum verify --db ФАЙЛ --key КЛЮЧ",
		Fr: "%s : le serveur a refusé de servir le journal : le procès-verbal de cette assemblée n'est pas public (%v). Rien n'a été vérifié contre le journal, et rien d'anormal n'y a été trouvé. Un reçu se vérifie hors ligne, sans --url ; un participant vérifie le fichier du procès-verbal, depuis la page du procès-verbal, avec plenum verify --db FICHIER --key CLÉ",
		Es: "%s: el servidor se negó a entregar el registro: el acta de esta asamblea no es pública (%v). No se comprobó nada contra el registro, ni se halló en él nada incorrecto. Un recibo se comprueba sin conexión, sin --url; un participante comprueba el archivo del acta, desde la página del acta, con plenum verify --db ARCHIVO --key CLAVE"},
}
