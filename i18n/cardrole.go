package i18n

func init() { register(cardRoleMessages) }

// cardRoleMessages are the mandate card's line under the name for a
// personal mandate (package cards): a member who takes part in their own
// right, as in a cooperative's general meeting, is no delegate, and the
// card names the vote alone ("Delegate, decisive vote" is the card of a
// mandate from an organization).
var cardRoleMessages = []Msg{
	{Key: "cards.vote.decisive", En: "Decisive vote", De: "Beschließende Stimme", Ru: "Решающий голос", Fr: "Voix délibérative", Es: "Voto decisivo"},
	{Key: "cards.vote.consultative", En: "Consultative vote", De: "Beratende Stimme", Ru: "Совещательный голос", Fr: "Voix consultative", Es: "Voto consultivo"},
}
