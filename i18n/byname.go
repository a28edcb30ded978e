package i18n

func init() { register(byNameMessages) }

// byNameMessages are the words on the delegate's ballot of a roll call
// and of an election whose ballots are filled in on the page (its ballots
// are published by name on the elections tab and in the minutes), said
// before the choice, as a secret ballot says the record keeps that one
// voted, never how (package web, delegate.html).
var byNameMessages = []Msg{
	{Key: "web.byname.note", En: "By name: your name and your choice go into the minutes.", De: "Namentlich: Ihr Name und Ihre Wahl kommen ins Protokoll.", Ru: "Поимённо: ваше имя и ваш выбор попадут в протокол.", Fr: "Vote nominatif : votre nom et votre choix figurent au procès-verbal.", Es: "Voto nominal: su nombre y su elección constan en el acta."},
}
