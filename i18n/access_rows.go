package i18n

// The operator's plenum access admin-link needs the server's signing key:
// the link's row is sealed with a key derived from it (auth/rowmac.go).
var accessRowsMessages = []Msg{
	{Key: "cli.accesscmd.no_key",
		En: "there is no signing key at %s: the administrator link is sealed with a key made from the server's signing key, or the server refuses it; give --data with the server's data directory",
		De: "unter %s liegt kein Signaturschlüssel: der Administrationslink wird mit einem aus dem Signaturschlüssel des Servers abgeleiteten Schlüssel versiegelt, sonst weist der Server ihn zurück; geben Sie --data mit dem Datenverzeichnis des Servers an",
		Ru: "по пути %s нет ключа подписи: ссылка администратора запечатывается ключом, выведенным из ключа подписи сервера, иначе сервер её отвергнет; укажите --data с каталогом данных сервера",
		Fr: "il n'y a pas de clé de signature à %s : le lien d'administration est scellé avec une clé tirée de la clé de signature du serveur, sinon le serveur le refuse ; donnez --data avec le répertoire de données du serveur",
		Es: "no hay clave de firma en %s: el enlace de administración se sella con una clave derivada de la clave de firma del servidor, o el servidor lo rechaza; indique --data con el directorio de datos del servidor"},
	{Key: "cli.accesscmd.key_not_record",
		En: "the signing key at %s is not the one the record in %s is signed with (the checkpoint of %s does not verify with it), and the server would refuse a link sealed with it; give --data with this server's data directory",
		De: "der Signaturschlüssel unter %s ist nicht der, mit dem das Protokoll in %s signiert ist (der Checkpoint von %s lässt sich damit nicht prüfen), und der Server würde einen damit versiegelten Link zurückweisen; geben Sie --data mit dem Datenverzeichnis dieses Servers an",
		Ru: "ключ подписи по пути %s — не тот, которым подписана запись в %s (контрольная точка %s с ним не проверяется), и сервер отвергнет запечатанную им ссылку; укажите --data с каталогом данных этого сервера",
		Fr: "la clé de signature à %s n'est pas celle qui signe le registre de %s (le point de contrôle de %s ne se vérifie pas avec elle), et le serveur refuserait un lien scellé avec elle ; donnez --data avec le répertoire de données de ce serveur",
		Es: "la clave de firma en %s no es la que firma el registro de %s (el punto de control de %s no se verifica con ella), y el servidor rechazaría un enlace sellado con ella; indique --data con el directorio de datos de este servidor"},
}

func init() { register(accessRowsMessages) }
