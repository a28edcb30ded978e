package i18n

func init() { register(reportersMessages) }

// reportersMessages are the words of the change of an item's reporters
// and co-reporters (set_reporters, reporters_set): the refusals of the
// rules (package assembly), and the chair's fields and form on the agenda
// tab and what the page says once it was recorded (package web).
var reportersMessages = []Msg{
	// Refusals of set_reporters.
	{Key: "only the chair or an administrator may change the reporters of an item", En: "only the chair or an administrator may change the reporters of an item", De: "nur der Vorsitz oder die Administration darf die Berichterstattung eines Punkts ändern", Ru: "менять докладчиков пункта может только председатель или администратор", Fr: "seules la présidence ou l'administration peuvent changer les rapporteurs d'un point", Es: "solo la presidencia o la administración pueden cambiar los ponentes de un punto"},
	{Key: "the item %s is closed; its reporters have reported and are not changed", En: "the item %s is closed; its reporters have reported and are not changed", De: "der Tagesordnungspunkt %s ist abgeschlossen; seine Berichterstatter haben berichtet und werden nicht geändert", Ru: "пункт %s закрыт; его докладчики уже выступили и не меняются", Fr: "le point %s est clos ; ses rapporteurs ont fait leur rapport et ne sont pas changés", Es: "el punto %s está cerrado; sus ponentes ya informaron y no se cambian"},
	{Key: "%s is named both as a reporter and as a co-reporter of %s; name them once", En: "%s is named both as a reporter and as a co-reporter of %s; name them once", De: "%s ist zugleich als Berichterstatter und als Korreferent von %s genannt; nennen Sie die Person nur einmal", Ru: "%s назван(а) и докладчиком, и содокладчиком по %s; укажите его (её) один раз", Fr: "%s est nommé à la fois rapporteur et co-rapporteur de %s ; nommez-le une seule fois", Es: "%s figura a la vez como ponente y como coponente de %s; nómbrelo una sola vez"},
	{Key: "the item %s already has these reporters and co-reporters", En: "the item %s already has these reporters and co-reporters", De: "der Tagesordnungspunkt %s hat bereits diese Berichterstatter und Korreferenten", Ru: "у пункта %s уже эти докладчики и содокладчики", Fr: "le point %s a déjà ces rapporteurs et co-rapporteurs", Es: "el punto %s ya tiene estos ponentes y coponentes"},
	{Key: "the reporters of the item %q cannot be changed", En: "the reporters of the item %q cannot be changed", De: "die Berichterstattung des Tagesordnungspunkts %q kann nicht geändert werden", Ru: "докладчиков пункта %q нельзя изменить", Fr: "les rapporteurs du point %q ne peuvent pas être changés", Es: "los ponentes del punto %q no pueden cambiarse"},

	// The agenda tab: the co-reporters of a new item, those of each item
	// in the list, and the form that changes an open item's reporters.
	{Key: "web.ca.co_reporters", En: "Co-reporters", De: "Korreferate", Ru: "Содокладчики", Fr: "Co-rapporteurs", Es: "Coponentes"},
	{Key: "web.ca.co_reporters_of", En: "#1|one=co-reporter: %[2]s|other=co-reporters: %[2]s", De: "#1|one=Korreferat: %[2]s|other=Korreferate: %[2]s", Ru: "#1|one=содокладчик: %[2]s|few=содокладчики: %[2]s|many=содокладчики: %[2]s|other=содокладчики: %[2]s", Fr: "#1|one=co-rapporteur : %[2]s|other=co-rapporteurs : %[2]s", Es: "#1|one=coponente: %[2]s|other=coponentes: %[2]s"},
	{Key: "web.cf.reporters", En: "Reporters…", De: "Berichterstattung…", Ru: "Докладчики…", Fr: "Rapporteurs…", Es: "Ponentes…"},
	{Key: "web.cf.reporters_btn", En: "Set the reporters", De: "Berichterstattung festlegen", Ru: "Назначить докладчиков", Fr: "Fixer les rapporteurs", Es: "Fijar los ponentes"},
	{Key: "web.done.set_reporters", En: "The item's reporters are set", De: "Die Berichterstattung des Punkts ist festgelegt", Ru: "Докладчики пункта назначены", Fr: "Les rapporteurs du point sont fixés", Es: "Se fijaron los ponentes del punto"},
}
