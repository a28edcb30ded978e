package i18n

func init() { register(hallPolishMessages) }

// hallPolishMessages are the words the hall reads while a vote is open
// and before an election opens: the majority the open vote needs, which
// the vote took when it was opened (an item's own majority, add_item's
// threshold, or a ruling's), on the chair's console, the projector and
// the delegate's ballot; and on the chair's elections form, that a
// ballot not encrypted is published with the voter's name (REVIEW-coop
// M3).
var hallPolishMessages = []Msg{
	{Key: "web.vote.needs", En: "Needs %s", De: "Erfordert %s", Ru: "Требуется %s", Fr: "Il faut %s", Es: "Requiere %s"},
}
