package i18n

func init() { register(approvalsFormMessages) }

// approvalsFormMessages are the words of the chair's form field that
// limits how many names an approval ballot may mark (open_election's
// approvals), which the form did not offer before: a chair who wanted
// "at most as many names as seats" had to use the API.
var approvalsFormMessages = []Msg{
	// The label of the field.
	{Key: "web.ce.approvals", En: "Approval election: most names a ballot may mark", De: "Zustimmungswahl: höchstens so viele Namen auf einem Stimmzettel", Ru: "Одобрительное голосование: не больше имён в бюллетене", Fr: "Vote par approbation : nombre maximal de noms par bulletin", Es: "Voto por aprobación: máximo de nombres por papeleta"},
	// The note under it: when it applies and what leaving it empty means.
	{Key: "web.ce.approvals_note", En: "Only for the method approval; often the number of seats. Leave empty to let a ballot mark any number of names.", De: "Nur für die Zustimmungswahl; oft die Zahl der Sitze. Leer lassen, wenn ein Stimmzettel beliebig viele Namen ankreuzen darf.", Ru: "Только для одобрительного голосования; обычно равно числу мест. Оставьте пустым, чтобы в бюллетене можно было отметить любое число имён.", Fr: "Seulement pour le vote par approbation ; souvent le nombre de sièges. Laissez vide pour qu'un bulletin puisse porter autant de noms qu'on veut.", Es: "Solo para el voto por aprobación; a menudo el número de puestos. Déjelo vacío para que una papeleta pueda marcar cualquier número de nombres."},
}
