package i18n

func init() { register(verifyRemoteReadMessages) }

// verifyRemoteReadMessages are plenum verify --url's words on what it read
// and did: where from, up to which signed checkpoint, and whether it
// replayed the entries (cmd/plenum/verify_remote.go, printRemoteRead).
var verifyRemoteReadMessages = []Msg{
	{Key: "cli.remote.read_from",
		En: "read from %s, up to its signed checkpoint of tree size %s (root hash %s)",
		De: "gelesen von %s, bis zu seinem signierten Prüfpunkt der Baumgröße %s (Wurzelhash %s)",
		Ru: "прочитано с %s до подписанной контрольной точки при размере дерева %s (корневой хеш %s)",
		Fr: "lu depuis %s, jusqu'à son point de contrôle signé de taille d'arbre %s (hachage racine %s)",
		Es: "leído de %s, hasta su punto de control firmado de tamaño de árbol %s (hash raíz %s)"},
	{Key: "cli.remote.replayed",
		En: "replayed: %s, every event in order through the rules of procedure up to that checkpoint, none refused",
		De: "nachvollzogen: %s, jedes Ereignis der Reihe nach gemäß der Geschäftsordnung bis zu diesem Prüfpunkt, keines zurückgewiesen",
		Ru: "воспроизведено: %s, каждое событие по порядку по регламенту до этой контрольной точки, ни одно не отвергнуто",
		Fr: "rejoué : %s, chaque événement dans l'ordre selon le règlement jusqu'à ce point de contrôle, aucun refusé",
		Es: "reproducido: %s, cada evento en orden según el reglamento hasta ese punto de control, ninguno rechazado"},
	{Key: "cli.remote.not_replayed",
		En: "not replayed (--no-replay): the hashes and signatures were checked, not the events against the rules of procedure",
		De: "nicht nachvollzogen (--no-replay): geprüft wurden Hashes und Signaturen, nicht die Ereignisse nach der Geschäftsordnung",
		Ru: "не воспроизведено (--no-replay): проверены хеши и подписи, но не события по регламенту",
		Fr: "non rejoué (--no-replay) : les empreintes et les signatures ont été vérifiées, pas les événements selon le règlement",
		Es: "no reproducido (--no-replay): se comprobaron los hashes y las firmas, no los eventos según el reglamento"},
}
