package i18n

func init() { register(quarantineIndexMessages) }

// quarantineIndexMessages are the words of the index page and the form
// that creates an assembly for an assembly plenum serve holds out at its
// start, its record damaged (web/index_held.go): the damage itself is
// said in serve's words for it (serve.held.*, cli.marks.*).
var quarantineIndexMessages = []Msg{
	{Key: "web.i.held_out",
		En: "held out (quarantined) at the server's start: its record in the database is damaged, and it is out of service",
		De: "beim Start des Servers zurückgehalten (unter Quarantäne gestellt): ihr Protokoll in der Datenbank ist beschädigt, und sie ist außer Betrieb",
		Ru: "отстранено (помещено в карантин) при запуске сервера: его протокол в базе данных повреждён, и оно не обслуживается",
		Fr: "tenue à l'écart (mise en quarantaine) au démarrage du serveur : son procès-verbal dans la base de données est endommagé, et elle est hors service",
		Es: "apartada (en cuarentena) al arrancar el servidor: su acta en la base de datos está dañada, y está fuera de servicio"},
	{Key: "web.i.held_why",
		En: "%s. What the server's operator does: %s",
		De: "%s. Was der Betreiber des Servers tut: %s",
		Ru: "%s. Что делает оператор сервера: %s",
		Fr: "%s. Ce que fait l'exploitant du serveur : %s",
		Es: "%s. Lo que hace el operador del servidor: %s"},
	{Key: "web.na.err.held",
		En: "Nothing was created: the assembly %s exists on this server already, held out (quarantined) at the server's start because its record in the database is damaged: %s",
		De: "Nichts wurde angelegt: Die Versammlung %s gibt es auf diesem Server bereits, beim Start des Servers zurückgehalten (unter Quarantäne gestellt), weil ihr Protokoll in der Datenbank beschädigt ist: %s",
		Ru: "Ничего не создано: собрание %s на этом сервере уже есть, оно отстранено (помещено в карантин) при запуске сервера, потому что его протокол в базе данных повреждён: %s",
		Fr: "Rien n'a été créé : l'assemblée %s existe déjà sur ce serveur, tenue à l'écart (mise en quarantaine) au démarrage du serveur parce que son procès-verbal dans la base de données est endommagé : %s",
		Es: "No se ha creado nada: la asamblea %s ya existe en este servidor, apartada (en cuarentena) al arrancar el servidor porque su acta en la base de datos está dañada: %s"},
}
