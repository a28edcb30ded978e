package i18n

func init() { register(hallNamedMessages) }

// hallNamedMessages say who left the hall, walked out or returned where
// the record names everyone it counts (md/11, html/12 and akn/11): the
// names, not also their number, in the form of a protocol's list
// ("Returned to the hall: Voitinsky."); the record's words of why follow
// as a sentence of their own. %[2]s is the names; #1 their number, which
// only selects the form.
var hallNamedMessages = []Msg{
	{Key: "minutes.hall.named.left_hall",
		En: "#1|one=Left the hall: %[2]s|other=Left the hall: %[2]s",
		De: "#1|one=Es verließ den Saal: %[2]s|other=Es verließen den Saal: %[2]s",
		Ru: "#1|one=Покинули зал: %[2]s|few=Покинули зал: %[2]s|many=Покинули зал: %[2]s|other=Покинули зал: %[2]s",
		Fr: "#1|one=Sortie de la salle : %[2]s|other=Sortie de la salle : %[2]s",
		Es: "#1|one=Abandonó la sala: %[2]s|other=Abandonaron la sala: %[2]s"},
	{Key: "minutes.hall.named.walked_out",
		En: "#1|one=Walked out: %[2]s|other=Walked out: %[2]s",
		De: "#1|one=Es verließ aus Protest den Saal: %[2]s|other=Es verließen aus Protest den Saal: %[2]s",
		Ru: "#1|one=Покинули зал в знак протеста: %[2]s|few=Покинули зал в знак протеста: %[2]s|many=Покинули зал в знак протеста: %[2]s|other=Покинули зал в знак протеста: %[2]s",
		Fr: "#1|one=Sortie de la salle en signe de protestation : %[2]s|other=Sortie de la salle en signe de protestation : %[2]s",
		Es: "#1|one=Abandonó la sala en señal de protesta: %[2]s|other=Abandonaron la sala en señal de protesta: %[2]s"},
	{Key: "minutes.hall.named.returned",
		En: "#1|one=Returned to the hall: %[2]s|other=Returned to the hall: %[2]s",
		De: "#1|one=Es kehrte in den Saal zurück: %[2]s|other=Es kehrten in den Saal zurück: %[2]s",
		Ru: "#1|one=Вернулись в зал: %[2]s|few=Вернулись в зал: %[2]s|many=Вернулись в зал: %[2]s|other=Вернулись в зал: %[2]s",
		Fr: "#1|one=Retour dans la salle : %[2]s|other=Retour dans la salle : %[2]s",
		Es: "#1|one=Volvió a la sala: %[2]s|other=Volvieron a la sala: %[2]s"},
}
