package i18n

func init() { register(webPolishMessages) }

// webPolishMessages are the words added by the review of the organiser's
// journey (branch webpolish): the console's weighted count, the set-up
// flashes and the record page.
var webPolishMessages = []Msg{
	// The chair's console, when some mandate carries more than one vote:
	// the counts per choice that follow are votes, each with the ballots
	// that carry them ("votes: For 3 (2 ballots), Against 2 (2 ballots)").
	{Key: "web.c.weighted_votes", En: "votes:", De: "Stimmen:", Ru: "голоса:", Fr: "voix :", Es: "votos:"},
	{Key: "web.c.of_ballots", En: "#1|one=(%d ballot)|other=(%d ballots)", De: "#1|one=(%d Stimmzettel)|other=(%d Stimmzettel)", Ru: "#1|one=(%d бюллетень)|few=(%d бюллетеня)|many=(%d бюллетеней)|other=(%d бюллетеня)", Fr: "#1|one=(%d bulletin)|other=(%d bulletins)", Es: "#1|one=(%d papeleta)|other=(%d papeletas)"},
}
