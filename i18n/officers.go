package i18n

func init() { register(officersMessages) }

// officersMessages: the teller's link to the console's count, and the
// banner on the chair's pages for a viewer who does not hold the chair
// but whom the rules let use some of a page's forms (review 41, M1).
var officersMessages = []Msg{
	{Key: "web.nav.count", En: "Count", De: "Auszählung", Ru: "Подсчёт", Fr: "Décompte", Es: "Recuento"},
	{Key: "web.c.yours_only",
		En: "You do not hold the chair or a seat in the presidium in this assembly: of this page's forms the rules let you use %s; they will refuse the others.",
		De: "Sie haben in dieser Versammlung weder den Vorsitz noch einen Sitz im Präsidium: Von den Formularen dieser Seite lässt die Geschäftsordnung Sie %s benutzen; die anderen wird sie ablehnen.",
		Ru: "Вы не председатель и не член президиума этого собрания: из форм этой страницы регламент позволяет вам пользоваться такими: %s; остальные он отклонит.",
		Fr: "Vous n'assurez ni la présidence ni un siège au bureau de cette assemblée : des formulaires de cette page, le règlement vous laisse utiliser %s ; il refusera les autres.",
		Es: "No ocupa la presidencia ni un puesto en la mesa de esta asamblea: de los formularios de esta página, el reglamento le permite usar %s; rechazará los demás."},
}
