package i18n

// The projector's words on an election's count and ballot (review 41,
// M2), and the chair's motion form on an amendment entered as free text,
// which is never worked into the motion's text (H1).
var projectorWordsMessages = []Msg{
	// The heading of an election's count by its method: an approval or a
	// plurality ballot has no preferences.
	{Key: "web.p.approvals", En: "Approvals", De: "Stimmen", Ru: "Голоса одобрения", Fr: "Approbations", Es: "Aprobaciones"},
	{Key: "web.p.list_votes", En: "Votes for each list", De: "Stimmen je Liste", Ru: "Голоса за каждый список", Fr: "Voix par liste", Es: "Votos por lista"},
	// What a ballot may mark in an open election, beside its seats.
	{Key: "web.p.mark_up_to",
		En: "#1|one=each ballot marks one name|other=each ballot marks up to %d names",
		De: "#1|one=jeder Stimmzettel kreuzt einen Namen an|other=jeder Stimmzettel kreuzt bis zu %d Namen an",
		Ru: "#1|one=в каждом бюллетене отмечается одно имя|few=в каждом бюллетене отмечается не более %d имён|many=в каждом бюллетене отмечается не более %d имён|other=в каждом бюллетене отмечается не более %d имени",
		Fr: "#1|one=chaque bulletin porte un seul nom|other=chaque bulletin porte %d noms au plus",
		Es: "#1|one=cada papeleta marca un nombre|other=cada papeleta marca hasta %d nombres"},
	{Key: "web.p.mark_any", En: "each ballot marks any number of names", De: "jeder Stimmzettel kreuzt beliebig viele Namen an", Ru: "в каждом бюллетене можно отметить любое число имён", Fr: "chaque bulletin porte autant de noms que voulu", Es: "cada papeleta marca cualquier número de nombres"},
	{Key: "web.p.mark_ranked", En: "each ballot ranks the candidates 1, 2, 3 …", De: "jeder Stimmzettel ordnet die Kandidierenden 1, 2, 3 …", Ru: "в каждом бюллетене кандидаты нумеруются 1, 2, 3 …", Fr: "chaque bulletin classe les candidats 1, 2, 3 …", Es: "cada papeleta ordena a los candidatos 1, 2, 3 …"},
	{Key: "web.p.mark_list", En: "each ballot marks one list", De: "jeder Stimmzettel kreuzt eine Liste an", Ru: "в каждом бюллетене отмечается один список", Fr: "chaque bulletin porte une seule liste", Es: "cada papeleta marca una lista"},
	// The chair's motion form, beside "Amends": an amendment entered there
	// is its text only.
	{Key: "web.c.amends_free",
		En: "An amendment entered here is recorded with its text as written and is never worked into the motion's text, even when carried.",
		De: "Ein hier erfasster Änderungsantrag wird mit seinem Wortlaut festgehalten, aber nie in den Text des Antrags eingearbeitet, auch wenn er angenommen wird.",
		Ru: "Поправка, внесённая здесь, записывается с её текстом, но никогда не вносится в текст предложения, даже если принята.",
		Fr: "Un amendement saisi ici est consigné avec son texte tel quel et n'est jamais intégré au texte de la motion, même s'il est adopté.",
		Es: "Una enmienda registrada aquí se consigna con su texto tal cual y nunca se incorpora al texto de la moción, aunque se apruebe."},
	{Key: "web.c.amends_lines",
		En: "To change the motion's text: “%s” on the motion's page (Motions).",
		De: "Um den Text des Antrags zu ändern: „%s“ auf der Seite des Antrags (Anträge).",
		Ru: "Чтобы изменить текст предложения: «%s» на странице предложения (Предложения).",
		Fr: "Pour modifier le texte de la motion : « %s » sur la page de la motion (Motions).",
		Es: "Para cambiar el texto de la moción: «%s» en la página de la moción (Mociones)."},
}

func init() { register(projectorWordsMessages) }
