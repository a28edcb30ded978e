package i18n

func init() { register(webchairMessages) }

// webchairMessages are the words of the chair's console and the mandate
// commission's desk about the quorum a vote waits for, of a count of
// hands entered, and of the commission registering a delegate present or
// gone, by name.
var webchairMessages = []Msg{
	// The quorum a vote waits for (open_vote is refused below it): beside
	// the form that starts recording attendance, and beside the forms that
	// put a question to the vote. Said as two messages, each with the
	// plural of its own count.
	{Key: "web.wc.quorum_until",
		En: "#1|one=Votes will be refused until %d of the %d members with a vote is registered present;|other=Votes will be refused until %d of the %d members with a vote are registered present;",
		De: "#1|one=Abstimmungen werden abgelehnt, bis %d der %d stimmberechtigten Mitglieder als anwesend registriert ist;|other=Abstimmungen werden abgelehnt, bis %d der %d stimmberechtigten Mitglieder als anwesend registriert sind;",
		Ru: "#2|one=Голосования будут отклоняться, пока не будут зарегистрированы присутствующими %d из %d члена с правом голоса;|other=Голосования будут отклоняться, пока не будут зарегистрированы присутствующими %d из %d членов с правом голоса;",
		Fr: "#1|one=Les votes seront refusés tant que %d des %d membres votants ne sera pas enregistré présent ;|other=Les votes seront refusés tant que %d des %d membres votants ne seront pas enregistrés présents ;",
		Es: "#1|one=Las votaciones se rechazarán hasta que %d de los %d miembros con voto esté registrado como presente;|other=Las votaciones se rechazarán hasta que %d de los %d miembros con voto estén registrados como presentes;"},
	{Key: "web.wc.quorum_now",
		En: "#1|one=%d is now.|other=%d are now.",
		De: "#1|one=derzeit ist es %d.|other=derzeit sind es %d.",
		Ru: "сейчас их %d.",
		Fr: "il y en a %d actuellement.",
		Es: "ahora hay %d."},

	// A count of hands entered, as a sentence says it after "Count
	// entered:" (web.c.count_entered) on the console and the projector:
	// each side's count, a number or a word (minutes.arith.*), in the
	// language's order, not a capitalised label mid-sentence ("For not
	// stated, Against the majority").
	{Key: "web.wc.count_for", En: "%s in favor", De: "%s dafür", Ru: "за – %s", Fr: "%s pour", Es: "%s a favor"},
	{Key: "web.wc.count_against", En: "%s against", De: "%s dagegen", Ru: "против – %s", Fr: "%s contre", Es: "%s en contra"},
	{Key: "web.wc.count_abstain", En: "%s abstaining", De: "#1|one=%s Enthaltung|other=%s Enthaltungen", Ru: "воздержались – %s", Fr: "#1|one=%s abstention|other=%s abstentions", Es: "#1|one=%s abstención|other=%s abstenciones"},

	// The commission registering a delegate present or gone (check_in,
	// check_out for another person): whom it registered.
	{Key: "web.done.check_in.of", En: "%s registered present", De: "%s als anwesend registriert", Ru: "Прибытие отмечено: %s", Fr: "Présence de %s enregistrée", Es: "Presencia de %s registrada"},
	{Key: "web.done.check_out.of", En: "%s registered as gone", De: "%s als abgegangen registriert", Ru: "Уход отмечен: %s", Fr: "Départ de %s enregistré", Es: "Salida de %s registrada"},
}
