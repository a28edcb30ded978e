package i18n

func init() { register(agreeMessages) }

// agreeMessages are a vote's outcome as md/8, html/9 and akn/8 state
// it, in one form with the outcome the result's arithmetic ends in
// (minutes.status.*: "…; aprobada"): md/7 and before said "Aprobado."
// beside "aprobada" (minutes.outcome.*, minutes.akn.*, kept for them).
// A vote in Spanish decides a moción, an enmienda, a propuesta or a
// cuestión, all feminine, so the feminine agrees with whatever was put;
// the other languages keep their form (French gives the invariable
// "Adopté." and makes the arithmetic agree with it, German and Russian
// have one form).
var agreeMessages = []Msg{
	{Key: "minutes.outcome8.carried_unanimously", En: "Carried unanimously.", De: "Einstimmig angenommen.", Ru: "Принято единогласно.", Fr: "Adopté à l'unanimité.", Es: "Aprobada por unanimidad."},
	{Key: "minutes.outcome8.carried", En: "Carried.", De: "Angenommen.", Ru: "Принято.", Fr: "Adopté.", Es: "Aprobada."},
	{Key: "minutes.outcome8.defeated", En: "Defeated.", De: "Abgelehnt.", Ru: "Отклонено.", Fr: "Rejeté.", Es: "Rechazada."},
	{Key: "minutes.akn8.carried", En: "Carried", De: "Angenommen", Ru: "Принято", Fr: "Adopté", Es: "Aprobada"},
	{Key: "minutes.akn8.defeated", En: "Defeated", De: "Abgelehnt", Ru: "Отклонено", Fr: "Rejeté", Es: "Rechazada"},
}
