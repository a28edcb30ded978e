package i18n

func init() { register(commissionOfOneMessages) }

// commissionOfOneMessages are the refusals of the only member of the
// mandate commission deciding on his own mandate while a sitting is open,
// which the chair of the sitting decides (package assembly, OwnMandate).
var commissionOfOneMessages = []Msg{
	{Key: "the mandate %s is your own, and the mandate commission has no other member; the chair of the sitting verifies it", En: "the mandate %s is your own, and the mandate commission has no other member; the chair of the sitting verifies it", De: "das Mandat %s ist Ihr eigenes, und die Mandatsprüfungskommission hat kein weiteres Mitglied; die Sitzungsleitung prüft es", Ru: "мандат %s – ваш собственный, а других членов в мандатной комиссии нет; его проверяет председатель заседания", Fr: "le mandat %s est le vôtre, et la commission des mandats n'a pas d'autre membre ; la présidence de la séance le valide", Es: "el mandato %s es el suyo, y la comisión de credenciales no tiene otro miembro; la presidencia de la sesión lo verifica"},
	{Key: "the mandate %s is your own, and the mandate commission has no other member; the chair of the sitting rejects it", En: "the mandate %s is your own, and the mandate commission has no other member; the chair of the sitting rejects it", De: "das Mandat %s ist Ihr eigenes, und die Mandatsprüfungskommission hat kein weiteres Mitglied; die Sitzungsleitung weist es zurück", Ru: "мандат %s – ваш собственный, а других членов в мандатной комиссии нет; отклонить его может председатель заседания", Fr: "le mandat %s est le vôtre, et la commission des mandats n'a pas d'autre membre ; la présidence de la séance le rejette", Es: "el mandato %s es el suyo, y la comisión de credenciales no tiene otro miembro; la presidencia de la sesión lo rechaza"},
}
