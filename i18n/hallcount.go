package i18n

func init() { register(hallCountMessages) }

// hallCountMessages are how many have voted as the hall reads it, on the
// projector and the chair's console: against those present and entitled
// to vote, not against every member (in a general meeting where half of
// 800 come, "192 of 800 have voted" reads as a turnout problem that is
// not there), with those entitled beside it.
var hallCountMessages = []Msg{
	// The projector and the elections' tab: those who voted, of those
	// present (or who voted before leaving), of those entitled.
	{Key: "web.hc.voted_present",
		En: "#1|one=%[1]d of %[2]d present has voted (%[3]d entitled to vote)|other=%[1]d of %[2]d present have voted (%[3]d entitled to vote)",
		De: "#1|one=%[1]d von %[2]d Anwesenden hat abgestimmt (%[3]d stimmberechtigt)|other=%[1]d von %[2]d Anwesenden haben abgestimmt (%[3]d stimmberechtigt)",
		Ru: "#1|one=проголосовал %[1]d из %[2]d присутствующих (право голоса у %[3]d)|other=проголосовали %[1]d из %[2]d присутствующих (право голоса у %[3]d)",
		Fr: "#1|one=%[1]d sur %[2]d présents a voté (%[3]d ayant le droit de vote)|other=%[1]d sur %[2]d présents ont voté (%[3]d ayant le droit de vote)",
		Es: "#1|one=ha votado %[1]d de %[2]d presentes (%[3]d con derecho a voto)|other=han votado %[1]d de %[2]d presentes (%[3]d con derecho a voto)"},
	// The chair's console, before "· 403 of 800 present now".
	{Key: "web.hc.voted_of_present",
		En: "%d of %d present voted",
		De: "%d von %d Anwesenden abgestimmt",
		Ru: "#1|one=проголосовал %[1]d из %[2]d присутствующих|other=проголосовали %[1]d из %[2]d присутствующих",
		Fr: "#1|one=%[1]d sur %[2]d présents a voté|other=%[1]d sur %[2]d présents ont voté",
		Es: "#1|one=ha votado %[1]d de %[2]d presentes|other=han votado %[1]d de %[2]d presentes"},
}
