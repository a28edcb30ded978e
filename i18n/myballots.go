package i18n

func init() { register(myBallotsMessages) }

// myBallotsMessages are the words of the list of a delegate's ballots on
// their receipts page (package web, receipts.go: myBallots), and of the
// links to it.
var myBallotsMessages = []Msg{
	{Key: "web.mb.h", En: "Your ballots", De: "Ihre Stimmen", Ru: "Ваши бюллетени", Fr: "Vos bulletins", Es: "Sus papeletas"},
	{Key: "web.mb.help", En: "The ballots you cast here, latest first, each a link to its receipt. Ballots in secret votes and encrypted ballots are not listed.", De: "Die Stimmen, die Sie hier abgegeben haben, die neueste zuerst, jede ein Link zu ihrer Quittung. Stimmen in geheimen Abstimmungen und verschlüsselte Stimmzettel sind nicht aufgeführt.", Ru: "Бюллетени, поданные вами здесь, начиная с последнего, каждый — ссылка на его квитанцию. Бюллетени тайных голосований и зашифрованные бюллетени здесь не перечислены.", Fr: "Les bulletins que vous avez déposés ici, du plus récent au plus ancien, chacun un lien vers son reçu. Les bulletins des votes secrets et les bulletins chiffrés n'y figurent pas.", Es: "Las papeletas que ha emitido aquí, de la más reciente a la más antigua, cada una un enlace a su recibo. Las papeletas de votaciones secretas y las cifradas no figuran."},
	{Key: "web.mb.entry", En: "entry %d, cast at %s", De: "Eintrag %d, abgegeben um %s", Ru: "запись %d, подан в %s", Fr: "entrée %d, déposé à %s", Es: "entrada %d, emitida a las %s"},
	{Key: "web.mb.none", En: "You have not yet cast a ballot here outside secret votes.", De: "Sie haben hier außerhalb geheimer Abstimmungen noch keine Stimme abgegeben.", Ru: "Вы ещё не подавали здесь бюллетеней вне тайных голосований.", Fr: "Vous n'avez encore déposé ici aucun bulletin hors des votes secrets.", Es: "Aún no ha emitido aquí ninguna papeleta fuera de las votaciones secretas."},
	{Key: "web.mb.all", En: "All your receipts", De: "Alle Ihre Quittungen", Ru: "Все ваши квитанции", Fr: "Tous vos reçus", Es: "Todos sus recibos"},
}
