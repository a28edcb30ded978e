package i18n

func init() { register(namedVoteMessages) }

// namedVoteMessages name, in brackets after a vote named by a question
// of its own, the motion, amendment or drafts it is on, where a text of
// the rules names them after the vote ("the vote %s on %s", package
// named): "the vote on “To accept the amendments” (motion “Kamenev's
// four amendments …”)"; %s is the title, quoted.
var namedVoteMessages = []Msg{
	{Key: "named.vote.on_motion",
		En: "(motion %s)",
		De: "(Antrag %s)",
		Ru: "(предложение %s)",
		Fr: "(motion %s)",
		Es: "(moción %s)"},
	{Key: "named.vote.on_amendment",
		En: "(amendment %s)",
		De: "(Änderungsantrag %s)",
		Ru: "(поправка %s)",
		Fr: "(amendement %s)",
		Es: "(enmienda %s)"},
	{Key: "named.vote.on_drafts",
		En: "(drafts %s)",
		De: "(Entwürfe %s)",
		Ru: "(проекты %s)",
		Fr: "(projets %s)",
		Es: "(proyectos %s)"},
}
