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
	{Key: "web.refusal.%s: %q in the field %q is not a valid id: %s", En: "%s: %q in the field “%s” is not a valid id: %s", De: "%s: %q im Feld „%s“ ist keine gültige ID: %s", Ru: "%s: %q в поле «%s» — недопустимый идентификатор: %s", Fr: "%s : %q dans le champ « %s » n'est pas un identifiant valide : %s", Es: "%s: %q en el campo «%s» no es un identificador válido: %s"},
	{Key: "web.refusal.%s: %q is named twice in the field %q", En: "%s: %q is named twice in the field “%s”", De: "%s: %q wird im Feld „%s“ zweimal genannt", Ru: "%s: %q дважды указано в поле «%s»", Fr: "%s : %q figure deux fois dans le champ « %s »", Es: "%s: %q figura dos veces en el campo «%s»"},
	{Key: "web.refusal.%s: the field %q must be a date YYYY-MM-DD, not %q", En: "%s: the field “%s” must be a date YYYY-MM-DD, not %q", De: "%s: Das Feld „%s“ muss ein Datum im Format JJJJ-MM-TT sein, nicht %q", Ru: "%s: поле «%s» должно содержать дату в формате ГГГГ-ММ-ДД, а не %q", Fr: "%s : le champ « %s » doit être une date au format AAAA-MM-JJ, et non %q", Es: "%s: el campo «%s» debe ser una fecha con el formato AAAA-MM-DD, no %q"},
	{Key: "web.refusal.%s: the field %q must be one of %s, not %q", En: "%s: the field “%s” must be one of %s, not %q", De: "%s: Das Feld „%s“ muss einen der Werte %s haben, nicht %q", Ru: "%s: поле «%s» должно иметь одно из значений %s, а не %q", Fr: "%s : le champ « %s » doit prendre l'une des valeurs %s, et non %q", Es: "%s: el campo «%s» debe tener uno de los valores %s, no %q"},
	{Key: "web.refusal.%s: the field %q must not be negative", En: "%s: the field “%s” must not be negative", De: "%s: Das Feld „%s“ darf nicht negativ sein", Ru: "%s: поле «%s» не может быть отрицательным", Fr: "%s : le champ « %s » ne doit pas être négatif", Es: "%s: el campo «%s» no puede ser negativo"},
	{Key: "web.refusal.%s: the field %q %s", En: "%s: the field “%s” %s", De: "%s: das Feld „%s“ %s", Ru: "%s: поле «%s» %s", Fr: "%s : le champ « %s » %s", Es: "%s: el campo «%s» %s"},

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
