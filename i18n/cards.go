package i18n

func init() { register(cardRefusalMessages) }

// cardRefusalMessages are the refusals of package cards when cards are
// asked for, keyed by their English template as the rules' refusals are
// (Locale.Refusal); the words printed on the cards are cardMessages.
var cardRefusalMessages = []Msg{
	{Key: "there is no organization %q in this assembly", En: "there is no organization %q in this assembly", De: "in dieser Versammlung gibt es keine Organisation %q", Ru: "в этом собрании нет организации %q", Fr: "il n'y a pas d'organisation %q dans cette assemblée", Es: "no hay ninguna organización %q en esta asamblea"},
	{Key: "%s holds no mandate from %s", En: "%s holds no mandate from %s", De: "%s hat kein Mandat von %s", Ru: "у %s нет мандата от %s", Fr: "%s n'a pas de mandat de %s", Es: "%s no tiene credencial de %s"},
	{Key: "there is no one to issue cards for: name the persons, or verify their mandates first", En: "there is no one to issue cards for: name the persons, or verify their mandates first", De: "es gibt niemanden, für den Karten ausgegeben werden können: nennen Sie die Personen oder prüfen Sie zuerst ihre Mandate", Ru: "выдавать мандаты некому: укажите лиц или сначала проверьте их мандаты", Fr: "il n'y a personne à qui émettre des cartes : désignez les personnes, ou vérifiez d'abord leurs mandats", Es: "no hay nadie a quien emitir tarjetas: indique las personas o verifique antes sus credenciales"},
	{Key: "there is no one you may issue cards for: %s", En: "there is no one you may issue cards for: %s", De: "es gibt niemanden, für den Sie Karten ausgeben dürfen: %s", Ru: "нет никого, кому вы можете выдать мандат: %s", Fr: "il n'y a personne à qui vous puissiez émettre des cartes : %s", Es: "no hay nadie a quien usted pueda emitir tarjetas: %s"},
}
