package i18n

func init() { register(proxyChainMessages) }

// proxyChainMessages warn, at set-up, of a proxy that does not pass on: a
// person who gives their own mandate by proxy while carrying others'
// mandates by proxy leaves those uncarried whenever they are absent (the
// proxy exercises a mandate in person, never through their own proxy).
// The rules allow such a chain; the import preview notes it (package
// roster, keyed by the English template) and the person page says it
// (web.pc.*).
var proxyChainMessages = []Msg{
	{Key: "%s gives their own mandate by proxy to %s and carries the mandates of %s by proxy: while %s is absent, those are not carried, for a proxy does not pass on to the proxy's own proxy",
		En: "%s gives their own mandate by proxy to %s and carries the mandates of %s by proxy: while %s is absent, those are not carried, for a proxy does not pass on to the proxy's own proxy",
		De: "%s gibt das eigene Mandat per Vollmacht an %s und führt die Mandate von %s per Vollmacht: solange %s abwesend ist, werden diese nicht geführt, denn eine Vollmacht geht nicht auf die Vollmacht der Bevollmächtigten über",
		Ru: "%s передаёт свой мандат по доверенности лицу %s и сам(а) несёт по доверенности мандаты: %s; пока %s отсутствует, эти мандаты никто не несёт: доверенность не переходит к доверенному лицу доверенного лица",
		Fr: "%s donne son propre mandat par procuration à %s et porte par procuration les mandats de %s : tant que %s est absent(e), ceux-ci ne sont pas portés, car une procuration ne passe pas au mandataire du mandataire",
		Es: "%s da su propia credencial por poder a %s y ejerce por poder las credenciales de %s: mientras %s esté ausente, estas no se ejercen, porque un poder no pasa al apoderado del apoderado"},
	{Key: "%s, who carries this mandate by proxy, gives their own by proxy to %s: while %s is absent, this mandate is not carried",
		En: "%s, who carries this mandate by proxy, gives their own by proxy to %s: while %s is absent, this mandate is not carried",
		De: "%s, der oder die dieses Mandat per Vollmacht führt, gibt das eigene per Vollmacht an %s: solange %s abwesend ist, wird dieses Mandat nicht geführt",
		Ru: "%s, несущий(ая) этот мандат по доверенности, передаёт свой по доверенности лицу %s; пока %s отсутствует, этот мандат никто не несёт",
		Fr: "%s, qui porte ce mandat par procuration, donne le sien par procuration à %s : tant que %s est absent(e), ce mandat n'est pas porté",
		Es: "%s, que ejerce esta credencial por poder, da la suya por poder a %s: mientras %s esté ausente, esta credencial no se ejerce"},
	// The person page: under a mandate whose holder carries others'
	// mandates (the holder, those whose mandates they carry, the holder again).
	{Key: "web.pc.carries",
		En: "%s carries the mandates of %s by proxy. Given by proxy, this mandate does not take those along: while %s is absent, they are not carried, for a proxy does not pass on to the proxy's own proxy.",
		De: "%s führt die Mandate von %s per Vollmacht. Wird dieses Mandat per Vollmacht gegeben, gehen jene nicht mit: solange %s abwesend ist, werden sie nicht geführt, denn eine Vollmacht geht nicht auf die Vollmacht der Bevollmächtigten über.",
		Ru: "%s несёт по доверенности мандаты: %s. Если передать этот мандат по доверенности, те мандаты с ним не переходят: пока %s отсутствует, их никто не несёт — доверенность не переходит к доверенному лицу доверенного лица.",
		Fr: "%s porte par procuration les mandats de %s. Donné par procuration, ce mandat ne les emporte pas : tant que %s est absent(e), ils ne sont pas portés, car une procuration ne passe pas au mandataire du mandataire.",
		Es: "%s ejerce por poder las credenciales de %s. Si esta credencial se da por poder, aquellas no pasan con ella: mientras %s esté ausente, no se ejercen, porque un poder no pasa al apoderado del apoderado."},
	// Under a mandate carried by a proxy who has given their own by proxy
	// (the proxy, their own proxy, the proxy again).
	{Key: "web.pc.holder_gave",
		En: "%s, who carries this mandate, has given their own by proxy to %s: while %s is absent, this mandate is not carried.",
		De: "%s, der oder die dieses Mandat führt, hat das eigene per Vollmacht an %s gegeben: solange %s abwesend ist, wird dieses Mandat nicht geführt.",
		Ru: "%s, несущий(ая) этот мандат, передал(а) свой по доверенности лицу %s: пока %s отсутствует, этот мандат никто не несёт.",
		Fr: "%s, qui porte ce mandat, a donné le sien par procuration à %s : tant que %s est absent(e), ce mandat n'est pas porté.",
		Es: "%s, que ejerce esta credencial, ha dado la suya por poder a %s: mientras %s esté ausente, esta credencial no se ejerce."},
}
