package i18n

func init() { register(receiptsMessages) }

// receiptsMessages are the words of the receipt page without an entry
// (package web, receipts.go): where a ballot's receipt is found.
var receiptsMessages = []Msg{
	{Key: "web.rcs.h", En: "Your receipts", De: "Ihre Quittungen", Ru: "Ваши квитанции", Fr: "Vos reçus", Es: "Sus recibos"},
	{Key: "web.rcs.open", En: "The receipt of a ballot is shown right after you cast it, on your delegate page: save it then (“Save the receipt”).", De: "Die Quittung einer Stimme wird gleich nach der Abgabe auf Ihrer Delegiertenseite angezeigt: Speichern Sie sie dann („Quittung speichern“).", Ru: "Квитанция бюллетеня показывается сразу после голосования на вашей странице делегата: сохраните её тогда («Сохранить квитанцию»).", Fr: "Le reçu d'un bulletin s'affiche juste après votre vote, sur votre page de délégué : enregistrez-le alors (« Enregistrer le reçu »).", Es: "El recibo de una papeleta se muestra justo después de votar, en su página de delegado: guárdelo entonces («Guardar el recibo»)."},
	{Key: "web.rcs.secret", En: "The receipt of a secret ballot is got after the vote closes, on your delegate page under “%s”, with the code shown when you voted.", De: "Die Quittung einer geheimen Stimme erhalten Sie nach Schluss der Abstimmung auf Ihrer Delegiertenseite unter „%s“, mit dem Code, der bei der Abgabe angezeigt wurde.", Ru: "Квитанцию тайного бюллетеня можно получить после закрытия голосования на странице делегата в разделе «%s» по коду, показанному при голосовании.", Fr: "Le reçu d'un bulletin secret s'obtient après la clôture du vote, sur votre page de délégué sous « %s », avec le code affiché lors de votre vote.", Es: "El recibo de un voto secreto se obtiene tras cerrarse la votación, en su página de delegado, en «%s», con el código que se mostró al votar."},
	{Key: "web.rcs.to_page", En: "Go to your delegate page", De: "Zu Ihrer Delegiertenseite", Ru: "На страницу делегата", Fr: "Aller à votre page de délégué", Es: "Ir a su página de delegado"},
}
