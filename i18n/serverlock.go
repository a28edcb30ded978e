package i18n

func init() { register(serverLockMessages) }

// serverLockMessages are plenum serve's refusals to start beside another
// server on a PostgreSQL database (the server lock,
// postgres.LockServer), said in the environment's language; a plain
// serve beside nodes of a cluster is refused with cli.cluster.nodes_alive.
var serverLockMessages = []Msg{
	{Key: "cli.serve.pg_served",
		En: "another plenum server is serving this database: %s. Stop it first; or, to run several servers on one database, run each of them as a node of a cluster, with --node-name NAME and --advertise URL (docs/cluster.md)",
		De: "ein anderer plenum-Server bedient bereits diese Datenbank: %s. Beenden Sie ihn zuerst; oder, um mehrere Server auf einer Datenbank zu betreiben, starten Sie jeden als Knoten eines Clusters, mit --node-name NAME und --advertise URL (docs/cluster.md)",
		Ru: "эту базу данных уже обслуживает другой сервер plenum: %s. Сначала остановите его; или, чтобы запустить несколько серверов с одной базой данных, запустите каждый из них как узел кластера, с --node-name NAME и --advertise URL (docs/cluster.md)",
		Fr: "un autre serveur plenum sert déjà cette base de données : %s. Arrêtez-le d'abord ; ou, pour faire tourner plusieurs serveurs sur une base, lancez chacun comme nœud d'un cluster, avec --node-name NAME et --advertise URL (docs/cluster.md)",
		Es: "otro servidor plenum ya sirve esta base de datos: %s. Deténgalo primero; o, para ejecutar varios servidores sobre una base de datos, inicie cada uno como nodo de un clúster, con --node-name NAME y --advertise URL (docs/cluster.md)"},
	{Key: "cli.serve.pg_served_plain",
		En: "a plenum server that is not a node of a cluster (run without --node-name) is serving this database: %s. A node cannot run beside it: stop it, then run it again as a node, with --node-name NAME and --advertise URL, and this node beside it",
		De: "ein plenum-Server, der kein Knoten eines Clusters ist (ohne --node-name gestartet), bedient bereits diese Datenbank: %s. Ein Knoten kann nicht neben ihm starten: beenden Sie ihn, starten Sie ihn als Knoten neu, mit --node-name NAME und --advertise URL, und diesen Knoten daneben",
		Ru: "эту базу данных уже обслуживает сервер plenum, не являющийся узлом кластера (запущенный без --node-name): %s. Узел не может работать рядом с ним: остановите его, запустите заново как узел, с --node-name NAME и --advertise URL, а затем этот узел рядом с ним",
		Fr: "un serveur plenum qui n'est pas un nœud de cluster (lancé sans --node-name) sert déjà cette base de données : %s. Un nœud ne peut pas démarrer à côté de lui : arrêtez-le, relancez-le comme nœud, avec --node-name NAME et --advertise URL, puis ce nœud à côté",
		Es: "un servidor plenum que no es nodo de un clúster (iniciado sin --node-name) ya sirve esta base de datos: %s. Un nodo no puede iniciarse a su lado: deténgalo, vuelva a iniciarlo como nodo, con --node-name NAME y --advertise URL, y luego este nodo a su lado"},
	// One holder of the lock, as pg_stat_activity shows it: its
	// application_name, its PostgreSQL process, its client address and
	// when it connected.
	{Key: "cli.serve.pg_holder",
		En: "%[1]q (PostgreSQL process %[2]s, from %[3]s, connected since %[4]s)",
		De: "%[1]q (PostgreSQL-Prozess %[2]s, von %[3]s, verbunden seit %[4]s)",
		Ru: "%[1]q (процесс PostgreSQL %[2]s, с адреса %[3]s, подключён с %[4]s)",
		Fr: "%[1]q (processus PostgreSQL %[2]s, depuis %[3]s, connecté depuis %[4]s)",
		Es: "%[1]q (proceso de PostgreSQL %[2]s, desde %[3]s, conectado desde %[4]s)"},
	{Key: "cli.serve.pg_holder_local",
		En: "%[1]q (PostgreSQL process %[2]s, through a local socket, connected since %[3]s)",
		De: "%[1]q (PostgreSQL-Prozess %[2]s, über einen lokalen Socket, verbunden seit %[3]s)",
		Ru: "%[1]q (процесс PostgreSQL %[2]s, через локальный сокет, подключён с %[3]s)",
		Fr: "%[1]q (processus PostgreSQL %[2]s, par un socket local, connecté depuis %[3]s)",
		Es: "%[1]q (proceso de PostgreSQL %[2]s, por un socket local, conectado desde %[3]s)"},
	{Key: "cli.serve.pg_holder_hidden",
		En: "PostgreSQL process %s (what it is, PostgreSQL shows only to its own role, to a superuser and to pg_read_all_stats)",
		De: "PostgreSQL-Prozess %s (was er ist, zeigt PostgreSQL nur seiner eigenen Rolle, einem Superuser und pg_read_all_stats)",
		Ru: "процесс PostgreSQL %s (что это за процесс, PostgreSQL показывает только его собственной роли, суперпользователю и pg_read_all_stats)",
		Fr: "processus PostgreSQL %s (ce qu'il est, PostgreSQL ne le montre qu'à son propre rôle, à un superutilisateur et à pg_read_all_stats)",
		Es: "proceso de PostgreSQL %s (qué es, PostgreSQL solo lo muestra a su propio rol, a un superusuario y a pg_read_all_stats)"},
	{Key: "cli.serve.pg_holder_gone",
		En: "a server that has stopped since; try again",
		De: "ein Server, der inzwischen beendet ist; starten Sie erneut",
		Ru: "сервер, который с тех пор остановился; запустите снова",
		Fr: "un serveur qui s'est arrêté depuis ; relancez",
		Es: "un servidor que se ha detenido desde entonces; inicie de nuevo"},
}
