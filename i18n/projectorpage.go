package i18n

// The projector during a vote: how the hall votes, in words the back row
// reads (whether names go into the minutes).
var projectorPageMessages = []Msg{
	{Key: "web.p.method.roll_call", En: "Roll call — each vote goes into the minutes by name", De: "Namentliche Abstimmung – jede Stimme kommt mit Namen ins Protokoll", Ru: "Поимённое голосование — каждый голос заносится в протокол с именем", Fr: "Vote par appel nominal — chaque vote est inscrit au procès-verbal avec le nom", Es: "Votación nominal — cada voto consta en el acta con el nombre"},
	{Key: "web.p.method.secret", En: "Secret ballot — no one's vote is recorded by name", De: "Geheime Abstimmung – keine Stimme wird mit Namen festgehalten", Ru: "Тайное голосование — ничей голос не записывается с именем", Fr: "Vote à bulletin secret — aucun vote n'est inscrit avec un nom", Es: "Votación secreta — ningún voto consta con nombre"},
	{Key: "web.p.method.encrypted", En: "Secret ballot, encrypted — no one's vote is recorded by name", De: "Geheime Abstimmung, verschlüsselt – keine Stimme wird mit Namen festgehalten", Ru: "Тайное голосование, зашифрованное — ничей голос не записывается с именем", Fr: "Vote à bulletin secret, chiffré — aucun vote n'est inscrit avec un nom", Es: "Votación secreta, cifrada — ningún voto consta con nombre"},
	{Key: "web.p.method.show_of_hands", En: "Show of hands — counted in the hall", De: "Abstimmung durch Handzeichen – im Saal gezählt", Ru: "Голосование поднятием рук — подсчёт в зале", Fr: "Vote à main levée — décompté dans la salle", Es: "Votación a mano alzada — recuento en la sala"},
	{Key: "web.p.vote_closed", En: "Voting closed", De: "Abstimmung geschlossen", Ru: "Голосование закрыто", Fr: "Vote clos", Es: "Votación cerrada"},
}

func init() { register(projectorPageMessages) }
