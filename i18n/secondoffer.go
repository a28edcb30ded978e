package i18n

func init() { register(secondOfferMessages) }

// secondOfferMessages are the words of the delegate's page's offer to
// second a motion that waits for a second (package web, delegate.html):
// the line naming the motion above its "I second this motion"
// (web.mf.i_second).
var secondOfferMessages = []Msg{
	{Key: "web.ds.awaits_second", En: "The motion “%s” waits for a second before it is put to the vote.", De: "Der Antrag „%s“ braucht eine Unterstützung, bevor über ihn abgestimmt wird.", Ru: "Предложение «%s» ждёт поддержки, прежде чем его поставят на голосование.", Fr: "La motion « %s » attend un appui avant d'être mise aux voix.", Es: "La moción «%s» espera un apoyo antes de someterse a votación."},
}
