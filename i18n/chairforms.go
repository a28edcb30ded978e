package i18n

func init() { register(chairFormsMessages) }

// chairFormsMessages are the words of the chair's forms that correct the
// order of the day (reorder_items, table_item), change the presidium of
// the open sitting (change_presidium) and declare a sitting's minutes
// approved (approve_minutes), on the agenda and sitting tabs of the
// chair's console (package web), and what the page says once each was
// recorded.
var chairFormsMessages = []Msg{
	{Key: "web.done.reorder_items", En: "The order of the day was changed", De: "Die Tagesordnung wurde umgestellt", Ru: "Порядок дня изменён", Fr: "L'ordre du jour a été modifié", Es: "Se cambió el orden del día"},
	{Key: "web.done.table_item", En: "The item is tabled", De: "Der Punkt ist vertagt", Ru: "Пункт отложен", Fr: "Le point est ajourné", Es: "El punto queda aplazado"},
	{Key: "web.done.change_presidium", En: "The presidium was changed", De: "Das Präsidium wurde geändert", Ru: "Состав президиума изменён", Fr: "Le bureau a été modifié", Es: "Se cambió la mesa"},
	{Key: "web.done.approve_minutes", En: "The minutes are declared approved", De: "Das Protokoll ist als genehmigt erklärt", Ru: "Протокол объявлен утверждённым", Fr: "Le procès-verbal est déclaré approuvé", Es: "El acta queda declarada aprobada"},

	// The agenda tab: an item moved one place up or down the order of
	// the day.
	{Key: "web.cf.up", En: "Up", De: "Nach oben", Ru: "Выше", Fr: "Monter", Es: "Subir"},
	{Key: "web.cf.down", En: "Down", De: "Nach unten", Ru: "Ниже", Fr: "Descendre", Es: "Bajar"},
	// The agenda tab: tabling an item, until when (optional).
	{Key: "web.cf.table", En: "Table…", De: "Vertagen…", Ru: "Отложить…", Fr: "Ajourner…", Es: "Aplazar…"},
	{Key: "web.cf.until", En: "Until (optional)", De: "Bis (optional)", Ru: "До (необязательно)", Fr: "Jusqu'à (facultatif)", Es: "Hasta (opcional)"},
	{Key: "web.cf.until_eg", En: "until fuller attendance", De: "bis zu besserer Beteiligung", Ru: "до более полного состава", Fr: "jusqu'à une assistance plus nombreuse", Es: "hasta una asistencia más nutrida"},
	{Key: "web.cf.table_btn", En: "Table the item", De: "Punkt vertagen", Ru: "Отложить пункт", Fr: "Ajourner le point", Es: "Aplazar el punto"},

	// The sitting tab: the presidium of the open sitting.
	{Key: "web.cf.pr_change", En: "Change the presidium…", De: "Präsidium ändern…", Ru: "Изменить состав президиума…", Fr: "Modifier le bureau…", Es: "Cambiar la mesa…"},
	{Key: "web.cf.pr_add", En: "Add to the presidium", De: "Ins Präsidium aufnehmen", Ru: "Ввести в президиум", Fr: "Ajouter au bureau", Es: "Añadir a la mesa"},
	{Key: "web.cf.pr_remove", En: "Remove from the presidium", De: "Aus dem Präsidium entfernen", Ru: "Вывести из президиума", Fr: "Retirer du bureau", Es: "Retirar de la mesa"},
	{Key: "web.cf.pr_chair", En: "Who takes the chair", De: "Wer den Vorsitz übernimmt", Ru: "Кто становится председателем", Fr: "Qui prend la présidence", Es: "Quién asume la presidencia"},
	{Key: "web.cf.pr_chair_same", En: "The chair stays", De: "Der Vorsitz bleibt", Ru: "Председатель тот же", Fr: "La présidence ne change pas", Es: "La presidencia no cambia"},
	{Key: "web.cf.pr_chair_note", En: "The chair must be in the presidium: add a new chair here too.", De: "Der Vorsitz muss dem Präsidium angehören: einen neuen Vorsitz hier auch aufnehmen.", Ru: "Председатель должен входить в президиум: нового председателя введите в президиум здесь же.", Fr: "La présidence fait partie du bureau : ajoutez-y aussi la nouvelle présidence.", Es: "La presidencia forma parte de la mesa: añada también aquí a quien la asuma."},
	{Key: "web.cf.note", En: "Note (optional)", De: "Anmerkung (optional)", Ru: "Примечание (необязательно)", Fr: "Remarque (facultatif)", Es: "Nota (opcional)"},
	{Key: "web.cf.pr_btn", En: "Change the presidium", De: "Präsidium ändern", Ru: "Изменить состав президиума", Fr: "Modifier le bureau", Es: "Cambiar la mesa"},

	// The sitting tab: the approval of a sitting's minutes.
	{Key: "web.cf.approve_h", En: "Approve the minutes", De: "Protokoll genehmigen", Ru: "Утверждение протокола", Fr: "Approuver le procès-verbal", Es: "Aprobar el acta"},
	{Key: "web.cf.approve_note", En: "When the assembly has approved the minutes of a sitting (usually at the start of the next), declare them approved, with the vote that approved them if there was one.", De: "Hat die Versammlung das Protokoll einer Sitzung genehmigt (meist zu Beginn der nächsten), erklären Sie es für genehmigt, mit der Abstimmung, die es genehmigt hat, falls es eine gab.", Ru: "Когда собрание утвердило протокол заседания (обычно в начале следующего), объявите его утверждённым, указав голосование, если оно было.", Fr: "Quand l'assemblée a approuvé le procès-verbal d'une séance (d'ordinaire au début de la suivante), déclarez-le approuvé, avec le vote qui l'a approuvé s'il y en a eu un.", Es: "Cuando la asamblea haya aprobado el acta de una sesión (por lo general al comienzo de la siguiente), declárela aprobada, con la votación que la aprobó si la hubo."},
	{Key: "web.cf.am_sitting", En: "The minutes of", De: "Das Protokoll der Sitzung", Ru: "Протокол заседания", Fr: "Le procès-verbal de", Es: "El acta de"},
	{Key: "web.cf.am_vote", En: "Approved by the vote", De: "Genehmigt durch die Abstimmung", Ru: "Утверждён голосованием", Fr: "Approuvé par le vote", Es: "Aprobada en la votación"},
	{Key: "web.cf.am_no_vote", En: "Without a vote (by consent)", De: "Ohne Abstimmung (einvernehmlich)", Ru: "Без голосования (без возражений)", Fr: "Sans vote (par consentement)", Es: "Sin votación (por asentimiento)"},
	{Key: "web.cf.am_btn", En: "Declare the minutes approved", De: "Protokoll für genehmigt erklären", Ru: "Объявить протокол утверждённым", Fr: "Déclarer le procès-verbal approuvé", Es: "Declarar aprobada el acta"},
	{Key: "web.cf.approved", En: "Minutes approved: %s", De: "Genehmigte Protokolle: %s", Ru: "Утверждённые протоколы: %s", Fr: "Procès-verbaux approuvés : %s", Es: "Actas aprobadas: %s"},
}
