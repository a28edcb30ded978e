package i18n

func init() { register(ownMandateMessages) }

// ownMandateMessages are the refusals of a member of the mandate
// commission (or an administrator) deciding on their own mandate (package
// assembly, REVIEW-CHAIR #20).
var ownMandateMessages = []Msg{
	{Key: "the mandate %s is your own; another member of the mandate commission verifies it", En: "the mandate %s is your own; another member of the mandate commission verifies it", De: "das Mandat %s ist Ihr eigenes; ein anderes Mitglied der Mandatsprüfungskommission prüft es", Ru: "мандат %s – ваш собственный; его проверяет другой член мандатной комиссии", Fr: "le mandat %s est le vôtre ; un autre membre de la commission des mandats le valide", Es: "el mandato %s es el suyo; otro miembro de la comisión de credenciales lo verifica"},
	{Key: "the mandate %s is your own; another member of the mandate commission rejects it", En: "the mandate %s is your own; another member of the mandate commission rejects it", De: "das Mandat %s ist Ihr eigenes; ein anderes Mitglied der Mandatsprüfungskommission weist es zurück", Ru: "мандат %s – ваш собственный; отклонить его может другой член мандатной комиссии", Fr: "le mandat %s est le vôtre ; un autre membre de la commission des mandats le rejette", Es: "el mandato %s es el suyo; otro miembro de la comisión de credenciales lo rechaza"},
}

func init() { register(ownMandateWords) }

// ownMandateWords are the mandates page's words where a member of the
// mandate commission sees his own mandate among those to check.
var ownMandateWords = []Msg{
	{Key: "web.m.own_mandate", En: "Your own mandate: another member of the mandate commission verifies or rejects it.", De: "Ihr eigenes Mandat: ein anderes Mitglied der Mandatsprüfungskommission prüft es oder weist es zurück.", Ru: "Ваш собственный мандат: его проверяет или отклоняет другой член мандатной комиссии.", Fr: "Votre propre mandat : un autre membre de la commission des mandats le valide ou le rejette.", Es: "Su propio mandato: otro miembro de la comisión de credenciales lo verifica o lo rechaza."},
}
