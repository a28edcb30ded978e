package i18n

func init() { register(cliServeMessages) }

// cliServeMessages are plenum serve's refusals of its witnesses and of
// its place in a cluster, and plenum cluster's refusals of its options.
// They are said in the environment's language (neither command has
// --lang). What the witness and cluster packages say of a bad key, name
// or address stands as it is. Its refusals about access are
// cliAccessMessages; those it shares with other commands (no arguments,
// --name, --data) are cliMainMessages.
var cliServeMessages = []Msg{
	{Key: "cli.serve.locked", En: "Stop that process first, or serve another database", De: "Beenden Sie zuerst diesen Prozess oder starten Sie den Server mit einer anderen Datenbank", Ru: "Сначала остановите этот процесс или запустите сервер с другой базой данных", Fr: "Arrêtez d'abord ce processus, ou lancez le serveur sur une autre base de données", Es: "Detenga primero ese proceso, o inicie el servidor con otra base de datos"},
	// serve and replay: the signing key is gone from beside a record.
	{Key: "cli.serve.key_missing",
		En: "#3|one=the signing key %[1]s is missing, but %[2]s holds %[3]d log signed for %[4]s. A new key cannot continue an existing record, so plenum makes none: restore signing.key from your backup into %[5]s, or give --data with the folder that holds it|other=the signing key %[1]s is missing, but %[2]s holds %[3]d logs signed for %[4]s. A new key cannot continue an existing record, so plenum makes none: restore signing.key from your backup into %[5]s, or give --data with the folder that holds it",
		De: "#3|one=der Signaturschlüssel %[1]s fehlt, aber %[2]s enthält %[3]d Log, das für %[4]s signiert ist. Ein neuer Schlüssel kann eine bestehende Aufzeichnung nicht fortsetzen, daher erzeugt plenum keinen: stellen Sie signing.key aus Ihrer Sicherung in %[5]s wieder her oder geben Sie mit --data den Ordner an, in dem er liegt|other=der Signaturschlüssel %[1]s fehlt, aber %[2]s enthält %[3]d Logs, die für %[4]s signiert sind. Ein neuer Schlüssel kann eine bestehende Aufzeichnung nicht fortsetzen, daher erzeugt plenum keinen: stellen Sie signing.key aus Ihrer Sicherung in %[5]s wieder her oder geben Sie mit --data den Ordner an, in dem er liegt",
		Ru: "#3|one=ключ подписи %[1]s отсутствует, а %[2]s уже содержит %[3]d журнал, подписанный для %[4]s. Новый ключ не может продолжить существующий протокол, поэтому plenum его не создаёт: восстановите signing.key из резервной копии в %[5]s или укажите в --data каталог, в котором он лежит|few=ключ подписи %[1]s отсутствует, а %[2]s уже содержит %[3]d журнала, подписанных для %[4]s. Новый ключ не может продолжить существующий протокол, поэтому plenum его не создаёт: восстановите signing.key из резервной копии в %[5]s или укажите в --data каталог, в котором он лежит|many=ключ подписи %[1]s отсутствует, а %[2]s уже содержит %[3]d журналов, подписанных для %[4]s. Новый ключ не может продолжить существующий протокол, поэтому plenum его не создаёт: восстановите signing.key из резервной копии в %[5]s или укажите в --data каталог, в котором он лежит|other=ключ подписи %[1]s отсутствует, а %[2]s уже содержит %[3]d журнала, подписанных для %[4]s. Новый ключ не может продолжить существующий протокол, поэтому plenum его не создаёт: восстановите signing.key из резервной копии в %[5]s или укажите в --data каталог, в котором он лежит",
		Fr: "#3|one=la clé de signature %[1]s manque, mais %[2]s contient %[3]d journal signé pour %[4]s. Une nouvelle clé ne peut pas continuer un procès-verbal existant, aussi plenum n'en crée aucune : restaurez signing.key depuis votre sauvegarde dans %[5]s, ou indiquez avec --data le dossier qui la contient|other=la clé de signature %[1]s manque, mais %[2]s contient %[3]d journaux signés pour %[4]s. Une nouvelle clé ne peut pas continuer un procès-verbal existant, aussi plenum n'en crée aucune : restaurez signing.key depuis votre sauvegarde dans %[5]s, ou indiquez avec --data le dossier qui la contient",
		Es: "#3|one=falta la clave de firma %[1]s, pero %[2]s contiene %[3]d registro firmado para %[4]s. Una clave nueva no puede continuar un registro existente, así que plenum no crea ninguna: restaure signing.key desde su copia de seguridad en %[5]s, o indique con --data la carpeta que la contiene|other=falta la clave de firma %[1]s, pero %[2]s contiene %[3]d registros firmados para %[4]s. Una clave nueva no puede continuar un registro existente, así que plenum no crea ninguna: restaure signing.key desde su copia de seguridad en %[5]s, o indique con --data la carpeta que la contiene"},
	{Key: "cli.serve.the_pg_database", En: "the PostgreSQL database", De: "die PostgreSQL-Datenbank", Ru: "база данных PostgreSQL", Fr: "la base PostgreSQL", Es: "la base de datos PostgreSQL"},
	{Key: "cli.serve.witness_form", En: "--witness %q: want URL=VERIFIERKEY", De: "--witness „%s“: erwartet wird URL=VERIFIERKEY", Ru: "--witness «%s»: нужен вид URL=VERIFIERKEY", Fr: "--witness « %s » : la forme attendue est URL=VERIFIERKEY", Es: "--witness «%s»: se espera URL=VERIFIERKEY"},
	{Key: "cli.serve.witness_key", En: "--witness %q: %v", De: "--witness „%s“: %v", Ru: "--witness «%s»: %v", Fr: "--witness « %s » : %v", Es: "--witness «%s»: %v"},

	// plenum cluster status.
	{Key: "cli.cluster.no_sub", En: "give a subcommand: plenum cluster status --db URL", De: "geben Sie einen Unterbefehl an: plenum cluster status --db URL", Ru: "укажите подкоманду: plenum cluster status --db URL", Fr: "indiquez une sous-commande : plenum cluster status --db URL", Es: "indique un subcomando: plenum cluster status --db URL"},
	{Key: "cli.cluster.unknown_sub", En: "unknown subcommand %q: plenum cluster status --db URL", De: "unbekannter Unterbefehl „%s“: plenum cluster status --db URL", Ru: "неизвестная подкоманда «%s»: plenum cluster status --db URL", Fr: "sous-commande inconnue « %s » : plenum cluster status --db URL", Es: "subcomando desconocido «%s»: plenum cluster status --db URL"},
	{Key: "cli.cluster.no_args", En: "status takes no arguments; see plenum cluster --help", De: "status nimmt keine Argumente; siehe plenum cluster --help", Ru: "status не принимает аргументов; см. plenum cluster --help", Fr: "status n'accepte aucun argument ; voir plenum cluster --help", Es: "status no admite argumentos; véase plenum cluster --help"},
	{Key: "cli.cluster.no_db", En: "give the database: --db postgres://…", De: "geben Sie die Datenbank an: --db postgres://…", Ru: "укажите базу данных: --db postgres://…", Fr: "indiquez la base de données : --db postgres://…", Es: "indique la base de datos: --db postgres://…"},
	{Key: "cli.cluster.not_pg", En: "--db %q: give a postgres:// URL; a SQLite database has one writing process, and no cluster",
		De: "--db „%s“: geben Sie eine postgres://-URL an; in eine SQLite-Datenbank schreibt nur ein Prozess, einen Cluster hat sie nicht",
		Ru: "--db «%s»: укажите URL вида postgres://; в базу SQLite пишет только один процесс, кластера у неё нет",
		Fr: "--db « %s » : indiquez une URL postgres:// ; une base SQLite n'a qu'un processus qui y écrit, et pas de cluster",
		Es: "--db «%s»: indique una URL postgres://; en una base de datos SQLite escribe un solo proceso, y no hay clúster"},
	{Key: "cli.cluster.ttl", En: "--node-ttl must be positive, such as 5s", De: "--node-ttl muss positiv sein, etwa 5s", Ru: "значение --node-ttl должно быть положительным, например 5s", Fr: "--node-ttl doit être positif, par exemple 5s", Es: "--node-ttl debe ser positivo, por ejemplo 5s"},

	// plenum serve --node-name and --advertise.
	{Key: "cli.cluster.node_pg", En: "--node-name and --advertise need a PostgreSQL database (--db postgres://…): a SQLite database is written by one process, so it has no cluster",
		De: "--node-name und --advertise brauchen eine PostgreSQL-Datenbank (--db postgres://…): in eine SQLite-Datenbank schreibt nur ein Prozess, daher hat sie keinen Cluster",
		Ru: "для --node-name и --advertise нужна база данных PostgreSQL (--db postgres://…): в базу SQLite пишет только один процесс, поэтому кластера у неё нет",
		Fr: "--node-name et --advertise demandent une base PostgreSQL (--db postgres://…) : une base SQLite n'est écrite que par un processus, elle n'a donc pas de cluster",
		Es: "--node-name y --advertise necesitan una base de datos PostgreSQL (--db postgres://…): en una base SQLite escribe un solo proceso, así que no tiene clúster"},
	{Key: "cli.cluster.needs_name", En: "--advertise needs --node-name NAME", De: "--advertise braucht --node-name NAME", Ru: "для --advertise нужен --node-name NAME", Fr: "--advertise demande --node-name NAME", Es: "--advertise necesita --node-name NAME"},
	{Key: "cli.cluster.needs_advertise", En: "--node-name needs --advertise URL, the address the other nodes reach this one at",
		De: "--node-name braucht --advertise URL, die Adresse, unter der die anderen Knoten diesen erreichen",
		Ru: "для --node-name нужен --advertise URL — адрес, по которому этот узел доступен другим узлам",
		Fr: "--node-name demande --advertise URL, l'adresse à laquelle les autres nœuds joignent celui-ci",
		Es: "--node-name necesita --advertise URL, la dirección en la que los demás nodos alcanzan a este"},
	{Key: "cli.cluster.key_not_record", En: "this node's signing key (verifier %s) is not the one the record is signed with: the checkpoint of %s does not verify with it (%v). Give every node the same signing.key: copy it from a node that serves this database",
		De: "der Signaturschlüssel dieses Knotens (Prüfschlüssel %s) ist nicht der, mit dem das Protokoll signiert ist: der Checkpoint von %s lässt sich damit nicht prüfen (%v). Geben Sie jedem Knoten denselben signing.key: kopieren Sie ihn von einem Knoten, der diese Datenbank bedient",
		Ru: "ключ подписи этого узла (ключ проверки %s) — не тот, которым подписана запись: контрольная точка %s с ним не проверяется (%v). Дайте всем узлам один и тот же signing.key: скопируйте его с узла, который обслуживает эту базу данных",
		Fr: "la clé de signature de ce nœud (clé de vérification %s) n'est pas celle qui signe le registre : le point de contrôle de %s ne se vérifie pas avec elle (%v). Donnez à chaque nœud le même signing.key : copiez-le depuis un nœud qui sert cette base",
		Es: "la clave de firma de este nodo (clave de verificación %s) no es la que firma el registro: el punto de control de %s no se verifica con ella (%v). Dé a cada nodo el mismo signing.key: cópielo de un nodo que sirva esta base de datos"},
	{Key: "cli.cluster.key_mismatch", En: "this node's signing key (verifier %s) is not the cluster's: the logs of %s are signed with %s (recorded by node %q). Give every node the same signing.key: copy it from that node's data directory",
		De: "der Signaturschlüssel dieses Knotens (Prüfschlüssel %s) ist nicht der des Clusters: die Protokolle von %s sind mit %s signiert (eingetragen von Knoten %q). Geben Sie jedem Knoten denselben signing.key: kopieren Sie ihn aus dem Datenverzeichnis dieses Knotens",
		Ru: "ключ подписи этого узла (ключ проверки %s) — не ключ кластера: журналы %s подписаны ключом %s (записан узлом %q). Дайте всем узлам один и тот же signing.key: скопируйте его из каталога данных того узла",
		Fr: "la clé de signature de ce nœud (clé de vérification %s) n'est pas celle du cluster : les journaux de %s sont signés avec %s (inscrite par le nœud %q). Donnez à chaque nœud le même signing.key : copiez-le depuis le répertoire de données de ce nœud",
		Es: "la clave de firma de este nodo (clave de verificación %s) no es la del clúster: los registros de %s están firmados con %s (inscrita por el nodo %q). Dé a cada nodo el mismo signing.key: cópielo del directorio de datos de ese nodo"},
	{Key: "cli.cluster.nodes_alive", En: "nodes of a cluster are running on this database: %s; a server beside them must be one of them: give --node-name NAME and --advertise URL",
		De: "auf dieser Datenbank laufen Knoten eines Clusters: %s; ein Server daneben muss einer von ihnen sein: geben Sie --node-name NAME und --advertise URL an",
		Ru: "с этой базой данных работают узлы кластера: %s; сервер рядом с ними должен быть одним из них: укажите --node-name NAME и --advertise URL",
		Fr: "des nœuds d'un cluster tournent sur cette base : %s ; un serveur à côté d'eux doit être l'un d'eux : donnez --node-name NAME et --advertise URL",
		Es: "en esta base de datos funcionan nodos de un clúster: %s; un servidor junto a ellos debe ser uno de ellos: indique --node-name NAME y --advertise URL"},
}
