package i18n

func init() { register(consolePendingMessages) }

// consolePendingMessages: the chair's console deals with the motions of
// the item under discussion and counts those pending on other items; the
// agenda tab shows them by the item.
var consolePendingMessages = []Msg{
	{Key: "web.c.no_motion_on_item", En: "No motion is pending on this item.", De: "Zu diesem Tagesordnungspunkt liegt kein Antrag vor.", Ru: "По этому вопросу предложений на рассмотрении нет.", Fr: "Aucune motion n'est en attente sur ce point.", Es: "No hay mociones pendientes sobre este punto."},
	{Key: "web.c.pending_elsewhere",
		En: "#1|one=%[1]d motion is pending on another item:|other=%[1]d motions are pending on other items:",
		De: "#1|one=%[1]d Antrag liegt zu einem anderen Tagesordnungspunkt vor:|other=%[1]d Anträge liegen zu anderen Tagesordnungspunkten vor:",
		Ru: "#1|one=%[1]d предложение ожидает решения по другому вопросу:|few=%[1]d предложения ожидают решения по другим вопросам:|many=%[1]d предложений ожидают решения по другим вопросам:|other=%[1]d предложения ожидают решения по другим вопросам:",
		Fr: "#1|one=%[1]d motion est en attente sur un autre point :|other=%[1]d motions sont en attente sur d'autres points :",
		Es: "#1|one=%[1]d moción está pendiente sobre otro punto:|other=%[1]d mociones están pendientes sobre otros puntos:"},
	{Key: "web.ca.pending_on",
		En: "#1|one=%[1]d motion pending|other=%[1]d motions pending",
		De: "#1|one=%[1]d Antrag offen|other=%[1]d Anträge offen",
		Ru: "#1|one=%[1]d предложение не решено|few=%[1]d предложения не решены|many=%[1]d предложений не решено|other=%[1]d предложения не решены",
		Fr: "#1|one=%[1]d motion en attente|other=%[1]d motions en attente",
		Es: "#1|one=%[1]d moción pendiente|other=%[1]d mociones pendientes"},
}
