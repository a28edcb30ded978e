package i18n

func init() { register(minutesItemRuleMessages) }

// minutesItemRuleMessages: since md/8, html/9 and akn/8 the minutes say
// where the majority a vote needs is the one the rules fix for the item
// (add_item's threshold), not the rules' general voting_threshold, so
// that a reader sees it is the rule and not the chair's choice.
var minutesItemRuleMessages = []Msg{
	{Key: "minutes.vote.needed_item",
		En: "Needed: %s, as the rules fix for this item",
		De: "Erforderlich: %s, wie die Geschäftsordnung es für diesen Punkt festlegt",
		Ru: "Требуется: %s, как установлено регламентом для этого вопроса",
		Fr: "Requis : %s, comme le règlement le fixe pour ce point",
		Es: "Se requiere: %s, como fija el reglamento para este punto"},
}
