package i18n

func init() { register(retitleMessages) }

// retitleMessages are the words of the correction of an item's title
// (retitle_item, item_retitled): the refusals of the rules (package
// assembly), the chair's form on the agenda tab and what the page says
// once it was recorded, the entry in the record's feed (package web), and
// the sentence of the minutes (package minutes).
var retitleMessages = []Msg{
	// Refusals of retitle_item.
	{Key: "only the chair or an administrator may correct the title of an item", En: "only the chair or an administrator may correct the title of an item", De: "nur der Vorsitz oder die Administration darf den Titel eines Punkts berichtigen", Ru: "исправлять название пункта может только председатель или администратор", Fr: "seules la présidence ou l'administration peuvent rectifier l'intitulé d'un point", Es: "solo la presidencia o la administración pueden corregir el título de un punto"},
	{Key: "the item %s is closed: it was dealt with under its title; correct the minutes instead (%s)", En: "the item %s is closed: it was dealt with under its title; correct the minutes instead (%s)", De: "der Tagesordnungspunkt %s ist abgeschlossen: er wurde unter seinem Titel behandelt; berichtigen Sie stattdessen das Protokoll (%s)", Ru: "пункт %s закрыт: он рассмотрен под своим названием; вместо этого исправьте протокол (%s)", Fr: "le point %s est clos : il a été traité sous son intitulé ; rectifiez plutôt le procès-verbal (%s)", Es: "el punto %s está cerrado: se trató con su título; corrija en su lugar el acta (%s)"},
	{Key: "the new title of the item %s is blank; give the title it is to have", En: "the new title of the item %s is blank; give the title it is to have", De: "der neue Titel des Tagesordnungspunkts %s ist leer; geben Sie den Titel an, den er tragen soll", Ru: "новое название пункта %s пусто; укажите название, которое он должен носить", Fr: "le nouvel intitulé du point %s est vide ; donnez l'intitulé qu'il doit porter", Es: "el nuevo título del punto %s está vacío; indique el título que debe llevar"},
	{Key: "the item %s already has this title; give the corrected one", En: "the item %s already has this title; give the corrected one", De: "der Tagesordnungspunkt %s trägt diesen Titel bereits; geben Sie den berichtigten an", Ru: "пункт %s уже носит это название; укажите исправленное", Fr: "le point %s porte déjà cet intitulé ; donnez l'intitulé rectifié", Es: "el punto %s ya tiene este título; indique el corregido"},
	{Key: "the item %q cannot be retitled", En: "the item %q cannot be retitled", De: "der Titel des Tagesordnungspunkts %q kann nicht geändert werden", Ru: "название пункта %q нельзя изменить", Fr: "l'intitulé du point %q ne peut pas être modifié", Es: "el título del punto %q no puede cambiarse"},

	// The agenda tab: the form that corrects an open item's title.
	{Key: "web.cf.retitle", En: "Correct the title…", De: "Titel berichtigen…", Ru: "Исправить название…", Fr: "Rectifier l'intitulé…", Es: "Corregir el título…"},
	{Key: "web.cf.retitle_title", En: "The corrected title", De: "Der berichtigte Titel", Ru: "Исправленное название", Fr: "L'intitulé rectifié", Es: "El título corregido"},
	{Key: "web.cf.retitle_reason", En: "Why (optional)", De: "Warum (optional)", Ru: "Причина (необязательно)", Fr: "Pourquoi (facultatif)", Es: "Por qué (opcional)"},
	{Key: "web.cf.retitle_btn", En: "Correct the title", De: "Titel berichtigen", Ru: "Исправить название", Fr: "Rectifier l'intitulé", Es: "Corregir el título"},
	{Key: "web.done.retitle_item", En: "The item's title is corrected", De: "Der Titel des Punkts ist berichtigt", Ru: "Название пункта исправлено", Fr: "L'intitulé du point est rectifié", Es: "Se corrigió el título del punto"},

	// The record's feed: the old title, the new one, and who corrected it.
	{Key: "web.e.item_retitled", En: "The title “%s” is corrected to “%s” by %s.", De: "Der Titel „%s“ wird von %[3]s in „%[2]s“ berichtigt.", Ru: "Название «%s» исправлено на «%s» (исправил(а) %s).", Fr: "L'intitulé « %s » est rectifié en « %s » par %s.", Es: "El título «%s» se corrige a «%s» por %s."},

	// The minutes: the question is shown under its corrected title, and
	// the record says what it was called before, to what and by whom it
	// was corrected (the reason, if given, follows).
	{Key: "minutes.item.retitled", En: "The title of the question “%s” is corrected to “%s”", De: "Der Titel der Frage „%s“ wird in „%s“ berichtigt", Ru: "Название вопроса «%s» исправлено на «%s»", Fr: "L'intitulé de la question « %s » est rectifié en « %s »", Es: "El título de la cuestión «%s» se corrige a «%s»"},
	{Key: "minutes.item.retitled_by", En: "The title of the question “%s” is corrected to “%s” by %s", De: "Der Titel der Frage „%s“ wird von %[3]s in „%[2]s“ berichtigt", Ru: "Название вопроса «%s» исправлено на «%s» (исправил(а) %s)", Fr: "L'intitulé de la question « %s » est rectifié en « %s » par %s", Es: "El título de la cuestión «%s» se corrige a «%s» por %s"},
}
