package i18n

func init() { register(lapsedMessages) }

// lapsedMessages are the words of the delegate's page when the vote or
// election whose ballot they had chosen and not yet confirmed closes
// (package web, lapsed.go): the ballot was not cast.
var lapsedMessages = []Msg{
	{Key: "web.lapsed.vote", En: "The vote on “%s” closed before you confirmed: your ballot was NOT cast.", De: "Die Abstimmung über „%s“ wurde geschlossen, bevor Sie bestätigt haben: Ihre Stimme wurde NICHT abgegeben.", Ru: "Голосование по вопросу «%s» закрыто до того, как вы подтвердили выбор: ваш голос НЕ подан.", Fr: "Le vote sur « %s » a été clos avant votre confirmation : votre bulletin n'a PAS été déposé.", Es: "La votación sobre «%s» se cerró antes de que confirmara: su voto NO se emitió."},
	{Key: "web.lapsed.election", En: "The election “%s” closed before you confirmed: your ballot was NOT cast.", De: "Die Wahl „%s“ wurde geschlossen, bevor Sie bestätigt haben: Ihr Stimmzettel wurde NICHT abgegeben.", Ru: "Выборы «%s» закрыты до того, как вы подтвердили выбор: ваш бюллетень НЕ подан.", Fr: "L'élection « %s » a été close avant votre confirmation : votre bulletin n'a PAS été déposé.", Es: "La elección «%s» se cerró antes de que confirmara: su papeleta NO se emitió."},
}
