package i18n

func init() { register(refusalWordsMessages) }

// refusalWordsMessages are the words a page's reader reads in a refusal
// where an API client reads the names of commands and fields
// (Locale.RefusalFor with the variant "web.refusal."): the refusals of a
// command's arguments with the field named by its label on the form,
// quoted as the page shows it, instead of its name in JSON; and the
// action of each form whose button alone does not say it ("Verify" by a
// mandate's row says what it verifies there, not in a sentence).
var refusalWordsMessages = []Msg{
	// The refusals of a command's arguments (assembly/command.go,
	// assembly/text.go): the first %s is the form's action, the field's
	// %s its label.
	{Key: "web.refusal.%s: the field %q is required", En: "%s: the field “%s” is required", De: "%s: Das Feld „%s“ ist erforderlich", Ru: "%s: поле «%s» обязательно", Fr: "%s : le champ « %s » est obligatoire", Es: "%s: el campo «%s» es obligatorio"},
	{Key: "web.refusal.%s: the field %q is required; only a side stated as majority, minority or rest may stand alone", En: "%s: the field “%s” is required; only a side stated as majority, minority or rest may stand alone", De: "%s: Das Feld „%s“ ist erforderlich; allein stehen darf nur eine Seite, die als majority, minority oder rest angegeben ist", Ru: "%s: поле «%s» обязательно; без второй стороны допускается только сторона, указанная как majority, minority или rest", Fr: "%s : le champ « %s » est obligatoire ; seul un côté indiqué comme majority, minority ou rest peut figurer seul", Es: "%s: el campo «%s» es obligatorio; solo un lado indicado como majority, minority o rest puede ir solo"},
	{Key: "web.refusal.%s: %q in the field %q is not a valid id: %s", En: "%s: %q in the field “%s” is not a valid id: %s", De: "%s: %q im Feld „%s“ ist keine gültige ID: %s", Ru: "%s: %q в поле «%s» — недопустимый идентификатор: %s", Fr: "%s : %q dans le champ « %s » n'est pas un identifiant valide : %s", Es: "%s: %q en el campo «%s» no es un identificador válido: %s"},
	{Key: "web.refusal.%s: %q is named twice in the field %q", En: "%s: %q is named twice in the field “%s”", De: "%s: %q wird im Feld „%s“ zweimal genannt", Ru: "%s: %q дважды указано в поле «%s»", Fr: "%s : %q figure deux fois dans le champ « %s »", Es: "%s: %q figura dos veces en el campo «%s»"},
	{Key: "web.refusal.%s: the field %q must be a date YYYY-MM-DD, not %q", En: "%s: the field “%s” must be a date YYYY-MM-DD, not %q", De: "%s: Das Feld „%s“ muss ein Datum im Format JJJJ-MM-TT sein, nicht %q", Ru: "%s: поле «%s» должно содержать дату в формате ГГГГ-ММ-ДД, а не %q", Fr: "%s : le champ « %s » doit être une date au format AAAA-MM-JJ, et non %q", Es: "%s: el campo «%s» debe ser una fecha con el formato AAAA-MM-DD, no %q"},
	{Key: "web.refusal.%s: the field %q must be one of %s, not %q", En: "%s: the field “%s” must be one of %s, not %q", De: "%s: Das Feld „%s“ muss einen der Werte %s haben, nicht %q", Ru: "%s: поле «%s» должно иметь одно из значений %s, а не %q", Fr: "%s : le champ « %s » doit prendre l'une des valeurs %s, et non %q", Es: "%s: el campo «%s» debe tener uno de los valores %s, no %q"},
	{Key: "web.refusal.%s: the field %q must not be negative", En: "%s: the field “%s” must not be negative", De: "%s: Das Feld „%s“ darf nicht negativ sein", Ru: "%s: поле «%s» не может быть отрицательным", Fr: "%s : le champ « %s » ne doit pas être négatif", Es: "%s: el campo «%s» no puede ser negativo"},
	{Key: "web.refusal.%s: the field %q %s", En: "%s: the field “%s” %s", De: "%s: das Feld „%s“ %s", Ru: "%s: поле «%s» %s", Fr: "%s : le champ « %s » %s", Es: "%s: el campo «%s» %s"},

	// The refusals that name an argument in brackets for the API's
	// clients ("(ranking)"): a page's reader fills in the form, whose
	// fields have no such names.
	{Key: "web.refusal.a ballot in %s names one list (list)", En: "a ballot in %s names one list", De: "ein Stimmzettel in %s nennt genau eine Liste", Ru: "в бюллетене %s указывается один список", Fr: "un bulletin de %s désigne une seule liste", Es: "una papeleta de %s indica una sola lista"},
	{Key: "web.refusal.a ballot in %s ranks the candidates (ranking)", En: "a ballot in %s ranks the candidates", De: "ein Stimmzettel in %s bringt die Kandidierenden in eine Rangfolge", Ru: "в бюллетене %s кандидаты ранжируются по предпочтению", Fr: "un bulletin de %s classe les candidats par ordre de préférence", Es: "una papeleta de %s ordena a los candidatos por preferencia"},
	{Key: "web.refusal.a ballot in %s names the candidates voted for (approve)", En: "a ballot in %s names the candidates voted for", De: "ein Stimmzettel in %s nennt die Personen, für die gestimmt wird", Ru: "в бюллетене %s указываются кандидаты, за которых подан голос", Fr: "un bulletin de %s désigne les candidats pour lesquels on vote", Es: "una papeleta de %s indica los candidatos a los que se vota"},
	{Key: "web.refusal.a vote on alternatives is counted per draft (alternatives), not for and against", En: "a vote on alternatives is counted per draft, not for and against", De: "eine Abstimmung über alternative Entwürfe wird je Entwurf gezählt, nicht nach Ja- und Nein-Stimmen", Ru: "при голосовании по альтернативным проектам голоса считаются по каждому проекту, а не «за» и «против»", Fr: "un vote entre projets concurrents se compte par projet, non en voix pour et contre", Es: "una votación entre proyectos alternativos se cuenta por proyecto, no a favor y en contra"},
	{Key: "web.refusal.say why the vote is withdrawn (reason)", En: "say why the vote is withdrawn", De: "geben Sie an, warum die Abstimmung zurückgezogen wird", Ru: "укажите, почему голосование отменяется", Fr: "indiquez pourquoi le vote est retiré", Es: "indique por qué se retira la votación"},
	{Key: "web.refusal.say why the election is withdrawn (reason)", En: "say why the election is withdrawn", De: "geben Sie an, warum die Wahl zurückgezogen wird", Ru: "укажите, почему выборы отменяются", Fr: "indiquez pourquoi l'élection est retirée", Es: "indique por qué se retira la elección"},
	{Key: "web.refusal.a procedural motion must say which procedure it is (procedure)", En: "a procedural motion must say which procedure it is", De: "ein Geschäftsordnungsantrag muss angeben, welches Verfahren er betrifft", Ru: "предложение по порядку ведения должно указывать, о какой процедуре идёт речь", Fr: "une motion d'ordre doit indiquer de quelle procédure il s'agit", Es: "una cuestión de orden debe indicar de qué procedimiento se trata"},
	{Key: "web.refusal.an amendment submitted in writing names the lines or the paragraph it changes and gives the new wording (change)", En: "an amendment submitted in writing names the lines or the paragraph it changes and gives the new wording", De: "ein schriftlich eingereichter Änderungsantrag nennt die Zeilen oder den Absatz, die er ändert, und gibt die neue Fassung an", Ru: "поправка, внесённая в письменном виде, указывает изменяемые строки или абзац и даёт новую редакцию", Fr: "un amendement déposé par écrit désigne les lignes ou le paragraphe qu'il modifie et donne la nouvelle rédaction", Es: "una enmienda presentada por escrito indica las líneas o el párrafo que cambia y da la nueva redacción"},
	{Key: "web.refusal.a change recommendation names the lines or the paragraph it changes and gives the new wording (change)", En: "a change recommendation names the lines or the paragraph it changes and gives the new wording", De: "eine Änderungsempfehlung nennt die Zeilen oder den Absatz, die sie ändert, und gibt die neue Fassung an", Ru: "рекомендация об изменении указывает изменяемые строки или абзац и даёт новую редакцию", Fr: "une recommandation de modification désigne les lignes ou le paragraphe qu'elle modifie et donne la nouvelle rédaction", Es: "una recomendación de cambio indica las líneas o el párrafo que cambia y da la nueva redacción"},
	{Key: "web.refusal.say who left the hall: persons, or how many (unnamed)", En: "say who left the hall: the persons, or how many", De: "geben Sie an, wer den Saal verlassen hat: die Personen oder wie viele", Ru: "укажите, кто покинул зал: поимённо или сколько человек", Fr: "indiquez qui a quitté la salle : les personnes, ou combien", Es: "indique quién salió de la sala: las personas, o cuántas"},
	{Key: "web.refusal.say who returned: persons, or how many (unnamed)", En: "say who returned: the persons, or how many", De: "geben Sie an, wer zurückgekehrt ist: die Personen oder wie viele", Ru: "укажите, кто вернулся: поимённо или сколько человек", Fr: "indiquez qui est revenu : les personnes, ou combien", Es: "indique quién regresó: las personas, o cuántas"},

	// Another command a refusal sends the reader to, named by its form's
	// action in a sentence: "correct the minutes instead (“Record the
	// correction”)".
	{Key: "web.act.quoted", En: "“%s”", De: "„%s“", Ru: "«%s»", Fr: "« %s »", Es: "«%s»"},

	// The actions of the forms whose buttons say them only beside what
	// they act on (web/refusalwords.go, formWords).
	{Key: "web.act.add_body_members", En: "Add members to the body", De: "Mitglieder zum Gremium hinzufügen", Ru: "Добавить членов в орган", Fr: "Ajouter des membres à l'organe", Es: "Añadir miembros al órgano"},
	{Key: "web.act.amend_person", En: "Correct the person's particulars", De: "Angaben zur Person berichtigen", Ru: "Исправить сведения о лице", Fr: "Corriger les informations de la personne", Es: "Corregir los datos de la persona"},
	{Key: "web.act.cast_ballot", En: "Cast the ballot", De: "Stimme abgeben", Ru: "Подать голос", Fr: "Voter", Es: "Emitir el voto"},
	{Key: "web.act.deprive_floor", En: "Deprive of the floor", De: "Das Wort entziehen", Ru: "Лишить слова", Fr: "Retirer la parole", Es: "Retirar la palabra"},
	{Key: "web.act.form_body", En: "Form the body", De: "Gremium bilden", Ru: "Образовать орган", Fr: "Former l'organe", Es: "Formar el órgano"},
	{Key: "web.act.plan_item", En: "Plan the item's duration", De: "Dauer des Punkts planen", Ru: "Задать продолжительность пункта", Fr: "Planifier la durée du point", Es: "Planificar la duración del punto"},
	{Key: "web.act.record_narrative", En: "Record a line of the minutes", De: "Eine Zeile ins Protokoll aufnehmen", Ru: "Внести строку в протокол", Fr: "Porter une ligne au procès-verbal", Es: "Anotar una línea en el acta"},
	{Key: "web.act.remove_body_members", En: "Remove a member from the body", De: "Mitglied aus dem Gremium entfernen", Ru: "Исключить члена из органа", Fr: "Retirer un membre de l'organe", Es: "Quitar a un miembro del órgano"},
	{Key: "web.act.reorder_items", En: "Move the item", De: "Punkt verschieben", Ru: "Переместить пункт", Fr: "Déplacer le point", Es: "Mover el punto"},
	{Key: "web.act.resume_item", En: "Resume the item", De: "Punkt wieder aufnehmen", Ru: "Возобновить пункт", Fr: "Reprendre le point", Es: "Reanudar el punto"},
	{Key: "web.act.revoke_role", En: "Revoke the office", De: "Amt entziehen", Ru: "Снять с должности", Fr: "Retirer la fonction", Es: "Revocar el cargo"},
	{Key: "web.act.take_up_item", En: "Take up the item", De: "Punkt aufrufen", Ru: "Открыть пункт", Fr: "Aborder le point", Es: "Abrir el punto"},
	{Key: "web.act.verify_mandate", En: "Verify the mandate", De: "Mandat prüfen", Ru: "Проверить мандат", Fr: "Vérifier le mandat", Es: "Verificar la credencial"},
}
