package i18n

func init() { register(cliVerifyMessages) }

// cliVerifyMessages are plenum verify's refusals in database mode: a
// database it cannot read, a key it cannot find or parse. The library's
// own error, the paths and the keys stand as they are.
var cliVerifyMessages = []Msg{
	{Key: "cli.verify.pg_key", En: "with a PostgreSQL database, give --key VERIFIERKEY (the key plenum serve printed), or --data DIR (the server's data directory) to trust the key there",
		De: "bei einer PostgreSQL-Datenbank geben Sie --key VERIFIERKEY an (den Schlüssel, den plenum serve ausgegeben hat) oder --data DIR (das Datenverzeichnis des Servers), um dem Schlüssel dort zu vertrauen",
		Ru: "для базы данных PostgreSQL укажите --key VERIFIERKEY (ключ, который вывел plenum serve) или --data DIR (каталог данных сервера), чтобы доверять ключу оттуда",
		Fr: "avec une base PostgreSQL, indiquez --key VERIFIERKEY (la clé qu'a affichée plenum serve) ou --data DIR (le répertoire de données du serveur) pour faire confiance à la clé qui s'y trouve",
		Es: "con una base de datos PostgreSQL, indique --key VERIFIERKEY (la clave que mostró plenum serve) o --data DIR (el directorio de datos del servidor) para confiar en la clave que contiene"},
	{Key: "cli.verify.no_signing_key", En: "no --key given and no signing key to derive it from: %v; give --key with the key the assembly published (its record page and /key show it; a document exported from it states it)",
		De: "kein --key angegeben und kein Signaturschlüssel, aus dem er sich ableiten ließe: %v; geben Sie mit --key den Schlüssel an, den die Versammlung veröffentlicht hat (ihre Protokollseite und /key zeigen ihn; ein daraus exportiertes Dokument nennt ihn)",
		Ru: "--key не указан, и нет ключа подписи, из которого его можно получить: %v; укажите в --key ключ, опубликованный собранием (его показывают страница протокола и /key; его называет выгруженный документ)",
		Fr: "aucun --key indiqué et aucune clé de signature dont la déduire : %v ; indiquez avec --key la clé que l'assemblée a publiée (sa page d'enregistrement et /key la montrent ; un document qui en est exporté l'indique)",
		Es: "no se indicó --key y no hay clave de firma de la que derivarla: %v; indique con --key la clave que publicó la asamblea (su página del registro y /key la muestran; un documento exportado de ella la indica)"},
	{Key: "cli.verify.bad_key", En: "--key: %v (want the verifier key, name+hash+key)",
		De: "--key: %v (erwartet wird der Prüfschlüssel, Name+Hash+Schlüssel)",
		Ru: "--key: %v (нужен ключ проверки: имя+хеш+ключ)",
		Fr: "--key : %v (il faut la clé de vérification, nom+hachage+clé)",
		Es: "--key: %v (se espera la clave de verificación, nombre+hash+clave)"},
	{Key: "cli.verify.cannot_read_db", En: "cannot read the database: %v",
		De: "die Datenbank lässt sich nicht lesen: %v",
		Ru: "не удаётся прочитать базу данных: %v",
		Fr: "impossible de lire la base de données : %v",
		Es: "no se puede leer la base de datos: %v"},
	{Key: "cli.verify.cannot_read_record", En: "could not read the record: %v",
		De: "das Protokoll ließ sich nicht lesen: %v",
		Ru: "не удалось прочитать протокол: %v",
		Fr: "impossible de lire le procès-verbal : %v",
		Es: "no se pudo leer el acta: %v"},

	// plenum verify --excerpt --complete: an excerpt that is valid but
	// leaves entries out (exit status 5); the arguments are the file,
	// the entries it holds and the tree size as written in the
	// checkpoint, the runs of indexes left out ("1, 3–7"), and the tree
	// size again for the plural. --complete with another mode.
	{Key: "cli.excerpt.incomplete", En: "#5|one=%[1]s: --complete: the excerpt holds %[2]s of the %[3]s entry of its checkpoint, not the whole record; absent: %[4]s|other=%[1]s: --complete: the excerpt holds %[2]s of the %[3]s entries of its checkpoint, not the whole record; absent: %[4]s",
		De: "%[1]s: --complete: der Auszug enthält %[2]s der %[3]s Einträge seines Prüfpunkts, nicht die ganze Aufzeichnung; es fehlen: %[4]s",
		Ru: "#5|one=%[1]s: --complete: в выписке %[2]s из %[3]s записи её контрольной точки, а не весь протокол; отсутствуют: %[4]s|other=%[1]s: --complete: в выписке %[2]s из %[3]s записей её контрольной точки, а не весь протокол; отсутствуют: %[4]s",
		Fr: "%[1]s : --complete : l'extrait contient %[2]s des %[3]s entrées de son point de contrôle, pas tout le journal ; absentes : %[4]s",
		Es: "%[1]s: --complete: el extracto contiene %[2]s de las %[3]s entradas de su punto de control, no todo el registro; faltan: %[4]s"},
	{Key: "cli.verify.complete", En: "--complete goes with --excerpt: --db and --url always check the whole log",
		De: "--complete gehört zu --excerpt: --db und --url prüfen immer das ganze Log",
		Ru: "--complete указывается вместе с --excerpt: --db и --url всегда проверяют весь журнал",
		Fr: "--complete va avec --excerpt : --db et --url vérifient toujours le journal entier",
		Es: "--complete va con --excerpt: --db y --url siempre verifican el registro entero"},

	// plenum verify --document: a document whose statement of the
	// checkpoint is not one of this database's logs.
	{Key: "cli.doc.no_checkpoint", En: "the document states no checkpoint: a document plenum exports states it at its end, so this one is cut short, or is not a document plenum exported", De: "das Dokument nennt keinen Prüfpunkt: ein von plenum exportiertes Dokument nennt ihn an seinem Ende, dieses ist also abgeschnitten oder kein von plenum exportiertes Dokument", Ru: "в документе не указана контрольная точка: документ, выгруженный plenum, указывает её в конце, значит, этот обрезан или выгружен не plenum", Fr: "le document n'indique aucun point de contrôle : un document exporté par plenum l'indique à sa fin, celui-ci est donc tronqué, ou n'a pas été exporté par plenum", Es: "el documento no indica ningún punto de control: un documento exportado por plenum lo indica al final, así que este está cortado o no lo exportó plenum"},
	{Key: "cli.doc.cp_unreadable", En: "%s: the stated checkpoint cannot be read: %v", De: "%s: der angegebene Prüfpunkt kann nicht gelesen werden: %v", Ru: "%s: не удаётся прочитать указанную контрольную точку: %v", Fr: "%s : le point de contrôle indiqué est illisible : %v", Es: "%s: no se puede leer el punto de control indicado: %v"},
	{Key: "cli.doc.not_plenum", En: "%s: the stated checkpoint's origin %q is not a plenum log: %v", De: "%s: der Ursprung „%s“ des angegebenen Prüfpunkts ist kein plenum-Log: %v", Ru: "%s: источник «%s» указанной контрольной точки — не журнал plenum: %v", Fr: "%s : l'origine « %s » du point de contrôle indiqué n'est pas un journal plenum : %v", Es: "%s: el origen «%s» del punto de control indicado no es un registro de plenum: %v"},
	{Key: "cli.doc.other_log", En: "%s states the log %s; the database has the log of %s as %s", De: "%s nennt das Log %s; in der Datenbank heißt das Log von %s aber %s", Ru: "%s указывает журнал %s, а в базе данных журнал %s называется %s", Fr: "%s indique le journal %s ; la base de données a le journal de %s sous le nom %s", Es: "%s indica el registro %s; la base de datos tiene el registro de %s como %s"},
	{Key: "cli.doc.key_unreadable", En: "%s: the stated verifier key cannot be read: %v", De: "%s: der angegebene Prüfschlüssel kann nicht gelesen werden: %v", Ru: "%s: не удаётся прочитать указанный ключ проверки: %v", Fr: "%s : la clé de vérification indiquée est illisible : %v", Es: "%s: no se puede leer la clave de verificación indicada: %v"},

	// plenum verify --document: the version of the renderer a document
	// states (its stamp, "md/2"): one plenum does not write, and one this
	// plenum does not render, whose bytes it cannot compare though it
	// checked the checkpoint and the record.
	{Key: "cli.doc.bad_stamp", En: "%s states the renderer %s, which is not one plenum writes (%s/N): the document was altered",
		De: "%s nennt den Renderer %s, den plenum so nicht schreibt (%s/N): das Dokument wurde verändert",
		Ru: "%s указывает рендерер %s, какого plenum не пишет (%s/N): документ изменён",
		Fr: "%s indique le moteur de rendu %s, que plenum n'écrit pas ainsi (%s/N) : le document a été modifié",
		Es: "%s indica el renderizador %s, que plenum no escribe así (%s/N): el documento fue alterado"},
	{Key: "cli.doc.other_renderer", En: "#5|one=%s was rendered by %s%s and this plenum renders %s, so it cannot compare the bytes: the document's checkpoint is signed by the log's key and the log's first %s entry hashes to its root hash %s — that is the record, not the document's text — but only a plenum that renders %s can tell whether the document is exactly that record's minutes%s|other=%s was rendered by %s%s and this plenum renders %s, so it cannot compare the bytes: the document's checkpoint is signed by the log's key and the log's first %s entries hash to its root hash %s — that is the record, not the document's text — but only a plenum that renders %s can tell whether the document is exactly that record's minutes%s",
		De: "#5|one=%s wurde mit %s%s erzeugt, und dieses plenum erzeugt %s, kann die Bytes also nicht vergleichen: der Prüfpunkt des Dokuments ist mit dem Schlüssel des Logs signiert, und der erste Eintrag des Logs (%s) ergibt seinen Wurzelhash %s — das gilt für die Aufzeichnung, nicht für den Text des Dokuments —, aber nur ein plenum, das %s erzeugt, kann prüfen, ob das Dokument genau das Protokoll dieser Aufzeichnung ist%s|other=%s wurde mit %s%s erzeugt, und dieses plenum erzeugt %s, kann die Bytes also nicht vergleichen: der Prüfpunkt des Dokuments ist mit dem Schlüssel des Logs signiert, und die ersten %s Einträge des Logs ergeben seinen Wurzelhash %s — das gilt für die Aufzeichnung, nicht für den Text des Dokuments —, aber nur ein plenum, das %s erzeugt, kann prüfen, ob das Dokument genau das Protokoll dieser Aufzeichnung ist%s",
		Ru: "#5|one=%s отрисован рендерером %s%s, а этот plenum отрисовывает %s, поэтому не может сравнить байты: контрольная точка документа подписана ключом журнала, и первая %s запись журнала даёт её корневой хеш %s — это проверка записей, а не текста документа, — но проверить, что документ в точности протокол этих записей, может только plenum, который отрисовывает %s%s|few=%s отрисован рендерером %s%s, а этот plenum отрисовывает %s, поэтому не может сравнить байты: контрольная точка документа подписана ключом журнала, и первые %s записи журнала дают её корневой хеш %s — это проверка записей, а не текста документа, — но проверить, что документ в точности протокол этих записей, может только plenum, который отрисовывает %s%s|many=%s отрисован рендерером %s%s, а этот plenum отрисовывает %s, поэтому не может сравнить байты: контрольная точка документа подписана ключом журнала, и первые %s записей журнала дают её корневой хеш %s — это проверка записей, а не текста документа, — но проверить, что документ в точности протокол этих записей, может только plenum, который отрисовывает %s%s|other=%s отрисован рендерером %s%s, а этот plenum отрисовывает %s, поэтому не может сравнить байты: контрольная точка документа подписана ключом журнала, и первые %s записи журнала дают её корневой хеш %s — это проверка записей, а не текста документа, — но проверить, что документ в точности протокол этих записей, может только plenum, который отрисовывает %s%s",
		Fr: "#5|one=%s a été rendu par %s%s et ce plenum rend %s : il ne peut donc pas en comparer les octets. Le point de contrôle du document est signé par la clé du journal et la première entrée du journal (%s) donne son hachage racine %s — cela vaut pour le journal, pas pour le texte du document —, mais seul un plenum qui rend %s peut dire si le document est exactement le procès-verbal de ce journal%s|other=%s a été rendu par %s%s et ce plenum rend %s : il ne peut donc pas en comparer les octets. Le point de contrôle du document est signé par la clé du journal et les %s premières entrées du journal donnent son hachage racine %s — cela vaut pour le journal, pas pour le texte du document —, mais seul un plenum qui rend %s peut dire si le document est exactement le procès-verbal de ce journal%s",
		Es: "#5|one=%s fue generado por %s%s y este plenum genera %s, así que no puede comparar sus bytes: el punto de control del documento está firmado con la clave del registro y la primera entrada del registro (%s) da su hash raíz %s — eso vale para el registro, no para el texto del documento —, pero solo un plenum que genere %s puede decir si el documento es exactamente el acta de ese registro%s|other=%s fue generado por %s%s y este plenum genera %s, así que no puede comparar sus bytes: el punto de control del documento está firmado con la clave del registro y las primeras %s entradas del registro dan su hash raíz %s — eso vale para el registro, no para el texto del documento —, pero solo un plenum que genere %s puede decir si el documento es exactamente el acta de ese registro%s"},
	{Key: "cli.doc.unstamped", En: " (it states no renderer: documents exported before December 2026 do not)",
		De: " (es nennt keinen Renderer: Dokumente, die vor Dezember 2026 exportiert wurden, nennen keinen)",
		Ru: " (в нём не указан рендерер: документы, выгруженные до декабря 2026 года, его не указывают)",
		Fr: " (il n'indique aucun moteur de rendu : les documents exportés avant décembre 2026 n'en indiquent pas)",
		Es: " (no indica renderizador: los documentos exportados antes de diciembre de 2026 no lo indican)"},
	{Key: "cli.doc.renderer_plenum", En: ": plenum %s, which the document names as the one that exported it",
		De: ": plenum %s, das das Dokument als das exportierende nennt",
		Ru: ": plenum %s, который документ называет выгрузившим его",
		Fr: " : plenum %s, que le document nomme comme celui qui l'a exporté",
		Es: ": plenum %s, que el documento nombra como el que lo exportó"},
}
