package i18n

func init() { register(delegateAgendaMessages) }

// delegateAgendaMessages are the words of the order of the day on the
// delegate's page (package web, delegate.html "delegate-agenda").
var delegateAgendaMessages = []Msg{
	{Key: "web.d.agenda_items",
		En: "#1|one=%d item|other=%d items",
		De: "#1|one=%d Punkt|other=%d Punkte",
		Ru: "#1|one=%d пункт|few=%d пункта|many=%d пунктов|other=%d пункта",
		Fr: "#1|one=%d point|other=%d points",
		Es: "#1|one=%d punto|other=%d puntos"},
}
