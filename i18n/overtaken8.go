package i18n

func init() { register(overtaken8Messages) }

// overtaken8Messages are what md/8, html/9 and akn/8 and the versions
// before said of a motion overtaken by another decision, so that a
// document of those versions renders again as it was published. Only the
// Russian differs from minutes.disposed.overtaken.* and
// minutes.status.overtaken: "снято другим решением" read as withdrawn,
// and md/9 says "отпало в связи с другим решением" (lapsed by another
// decision).
var overtaken8Messages = []Msg{
	{Key: "minutes.disposed.overtaken8.motion", En: "The motion “%s” is overtaken by another decision and not put to the vote", De: "Der Antrag „%s“ ist durch einen anderen Beschluss überholt und wird nicht abgestimmt", Ru: "Предложение «%s» снято другим решением и не ставилось на голосование", Fr: "La motion « %s » est dépassée par une autre décision et n'est pas mise aux voix", Es: "La moción «%s» queda superada por otra decisión y no se somete a votación"},
	{Key: "minutes.disposed.overtaken8.amendment", En: "The amendment “%s” is overtaken by another decision and not put to the vote", De: "Der Änderungsantrag „%s“ ist durch einen anderen Beschluss überholt und wird nicht abgestimmt", Ru: "Поправка «%s» снята другим решением и не ставилась на голосование", Fr: "L'amendement « %s » est dépassé par une autre décision et n'est pas mis aux voix", Es: "La enmienda «%s» queda superada por otra decisión y no se somete a votación"},
	{Key: "minutes.status.overtaken8", En: "overtaken", De: "überholt", Ru: "снято другим решением", Fr: "dépassée", Es: "superada"},
}
