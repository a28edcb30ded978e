package i18n

func init() { register(agendaMessages) }

// agendaMessages list the items of the order of the day that no sitting
// took up, after the sittings (md/11, html/12 and akn/11): the heading
// that says so, over each item as the agenda gives it ("1. Local
// reports").
var agendaMessages = []Msg{
	{Key: "minutes.h.not_taken_up",
		En: "Items of the order of the day not taken up",
		De: "Nicht behandelte Punkte der Tagesordnung",
		Ru: "Нерассмотренные пункты порядка дня",
		Fr: "Points de l'ordre du jour non abordés",
		Es: "Puntos del orden del día no tratados"},
}
