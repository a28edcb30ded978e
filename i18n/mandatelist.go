package i18n

func init() { register(mandateListMessages) }

// mandateListMessages are the words of the mandates page's lists when
// they are paged and searched on the server (an assembly of more persons
// than a picker lists whole: web's MandateList).
var mandateListMessages = []Msg{
	{Key: "web.m.rows", En: "Showing %d–%d of %d, by name: search to find the others.", De: "%d–%d von %d angezeigt, nach Namen: Suchen Sie, um die übrigen zu finden.", Ru: "Показано %d–%d из %d, по имени: воспользуйтесь поиском, чтобы найти остальных.", Fr: "Affichage de %d à %d sur %d, par nom : recherchez pour trouver les autres.", Es: "Se muestran %d–%d de %d, por nombre: busque para encontrar los demás."},
	{Key: "web.m.prev", En: "Previous %d", De: "Vorherige %d", Ru: "Предыдущие %d", Fr: "%d précédents", Es: "%d anteriores"},
	{Key: "web.m.next", En: "Next %d", De: "Nächste %d", Ru: "Следующие %d", Fr: "%d suivants", Es: "%d siguientes"},
	{Key: "web.m.search_all", En: "Show all", De: "Alle zeigen", Ru: "Показать всех", Fr: "Tout afficher", Es: "Mostrar todos"},
	{Key: "web.m.unprintable_more", En: "… and %d more.", De: "… und %d weitere.", Ru: "… и ещё %d.", Fr: "… et %d autres.", Es: "… y %d más."},
}
