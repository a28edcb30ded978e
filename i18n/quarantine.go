package i18n

func init() { register(quarantineMessages) }

// quarantineMessages are the words of an assembly plenum serve holds out
// at its start because its record is damaged (cmd/plenum/quarantine.go):
// the 503 its pages and API answer, and the line the start prints. The
// damage itself is said in the words serve and verify use for it (the
// engine's refusal, or the high-water marks' cli.marks.*).
var quarantineMessages = []Msg{
	{Key: "serve.held.message",
		En: "The assembly %s is out of service on this server, held out (quarantined) at the server's start because its record in the database is damaged: %s. Nothing is read from its record or written to it until then; the other assemblies on this server are served as usual. What the server's operator does: %s",
		De: "Die Versammlung %s ist auf diesem Server außer Betrieb, beim Start des Servers zurückgehalten (unter Quarantäne gestellt), weil ihr Protokoll in der Datenbank beschädigt ist: %s. Bis dahin wird aus ihrem Protokoll nichts gelesen und nichts hineingeschrieben; die anderen Versammlungen auf diesem Server werden wie gewohnt bedient. Was der Betreiber des Servers tut: %s",
		Ru: "Собрание %s на этом сервере не обслуживается: при запуске сервера оно отстранено (помещено в карантин), потому что его протокол в базе данных повреждён: %s. До тех пор из его протокола ничего не читается и в него ничего не пишется; остальные собрания на этом сервере обслуживаются как обычно. Что делает оператор сервера: %s",
		Fr: "L'assemblée %s est hors service sur ce serveur, tenue à l'écart (mise en quarantaine) au démarrage du serveur parce que son procès-verbal dans la base de données est endommagé : %s. D'ici là, rien n'est lu de son procès-verbal ni écrit dedans ; les autres assemblées de ce serveur sont servies comme d'habitude. Ce que fait l'exploitant du serveur : %s",
		Es: "La asamblea %s está fuera de servicio en este servidor, apartada (en cuarentena) al arrancar el servidor porque su acta en la base de datos está dañada: %s. Hasta entonces no se lee nada de su acta ni se escribe nada en ella; las demás asambleas de este servidor funcionan como de costumbre. Lo que hace el operador del servidor: %s"},
	{Key: "serve.held.todo_damaged",
		En: "run plenum verify --db with this server's database to see the damage, restore the database from a backup that verifies, and start plenum serve again",
		De: "plenum verify --db mit der Datenbank dieses Servers ausführen, um den Schaden zu sehen, die Datenbank aus einer Sicherung wiederherstellen, die die Prüfung besteht, und plenum serve neu starten",
		Ru: "запустить plenum verify --db с базой данных этого сервера, чтобы увидеть повреждение, восстановить базу данных из резервной копии, которая проходит проверку, и снова запустить plenum serve",
		Fr: "lancer plenum verify --db sur la base de données de ce serveur pour voir le dommage, restaurer la base de données depuis une sauvegarde qui se vérifie, et redémarrer plenum serve",
		Es: "ejecutar plenum verify --db con la base de datos de este servidor para ver el daño, restaurar la base de datos desde una copia de seguridad que se verifique y arrancar de nuevo plenum serve"},
	{Key: "serve.held.todo_rollback",
		En: "restore the database from a backup at least as recent as the mark and start plenum serve again; if the rollback is deliberate (an old backup restored, its later entries knowingly given up), start once with plenum serve --accept-rollback",
		De: "die Datenbank aus einer mindestens so neuen Sicherung wie die Marke wiederherstellen und plenum serve neu starten; ist das Zurücksetzen gewollt (eine alte Sicherung wiederhergestellt, ihre späteren Einträge bewusst aufgegeben), einmal mit plenum serve --accept-rollback starten",
		Ru: "восстановить базу данных из резервной копии не старше отметки и снова запустить plenum serve; если откат сделан намеренно (восстановлена старая копия, её более поздние записи сознательно оставлены), один раз запустить plenum serve --accept-rollback",
		Fr: "restaurer la base de données depuis une sauvegarde au moins aussi récente que la marque et redémarrer plenum serve ; si le retour en arrière est voulu (une ancienne sauvegarde restaurée, ses entrées ultérieures sciemment abandonnées), démarrer une fois avec plenum serve --accept-rollback",
		Es: "restaurar la base de datos desde una copia de seguridad al menos tan reciente como la marca y arrancar de nuevo plenum serve; si la vuelta atrás es deliberada (una copia antigua restaurada, sus entradas posteriores abandonadas a sabiendas), arrancar una vez con plenum serve --accept-rollback"},
	{Key: "serve.held.start",
		En: "DEGRADED: %s",
		De: "EINGESCHRÄNKT: %s",
		Ru: "РАБОТА С ОГРАНИЧЕНИЯМИ: %s",
		Fr: "SERVICE DÉGRADÉ : %s",
		Es: "SERVICIO DEGRADADO: %s"},
}
