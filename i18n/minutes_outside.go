package i18n

// The words of the minutes md/6, html/7 and akn/6 add: the headings of the
// record outside any sitting, and the lines an amendment changes in the
// document's language.
var minutesOutside = []Msg{
	{Key: "minutes.h.setup", En: "Before the first sitting", De: "Vor der ersten Sitzung", Ru: "До первого заседания", Fr: "Avant la première séance", Es: "Antes de la primera sesión"},
	{Key: "minutes.h.between", En: "Between the sittings", De: "Zwischen den Sitzungen", Ru: "Между заседаниями", Fr: "Entre les séances", Es: "Entre las sesiones"},
	{Key: "minutes.h.after_last", En: "After the last sitting", De: "Nach der letzten Sitzung", Ru: "После последнего заседания", Fr: "Après la dernière séance", Es: "Después de la última sesión"},
	{Key: "minutes.lines.range", En: "lines %d–%d", De: "Zeilen %d–%d", Ru: "строки %d–%d", Fr: "lignes %d à %d", Es: "líneas %d a %d"},
	{Key: "minutes.lines.one", En: "line %d", De: "Zeile %d", Ru: "строка %d", Fr: "ligne %d", Es: "línea %d"},
	{Key: "minutes.lines.place", En: "the place at paragraph %d", De: "die Stelle in Absatz %d", Ru: "место в абзаце %d", Fr: "l'endroit au paragraphe %d", Es: "el lugar en el párrafo %d"},
	// The lead of an amendment's change of one line, or of a place no line
	// holds: the participle agrees with it (French, Spanish).
	{Key: "minutes.paper.change_lead_one", En: "%s of “%s”, changed as shown (struck out: deleted; marked: inserted):", De: "%s von „%s“, geändert wie gezeigt (durchgestrichen: gestrichen; markiert: eingefügt):", Ru: "%s текста «%s» с изменениями (зачёркнутое исключается, выделенное добавляется):", Fr: "%s de « %s », modifiée comme indiqué (barré : supprimé ; surligné : inséré) :", Es: "%s de «%s», modificada como se indica (tachado: suprimido; resaltado: añadido):"},
	{Key: "minutes.paper.change_lead_place", En: "%s of “%s”, changed as shown (struck out: deleted; marked: inserted):", De: "%s von „%s“, geändert wie gezeigt (durchgestrichen: gestrichen; markiert: eingefügt):", Ru: "%s текста «%s» с изменениями (зачёркнутое исключается, выделенное добавляется):", Fr: "%s de « %s », modifié comme indiqué (barré : supprimé ; surligné : inséré) :", Es: "%s de «%s», modificado como se indica (tachado: suprimido; resaltado: añadido):"},
	// A supporter of a motion who supports it for a delegation.
	{Key: "minutes.paper.supporter_for", En: "%s for %s", De: "%s für %s", Ru: "%s от имени %s", Fr: "%s pour %s", Es: "%s por %s"},
	// The arithmetic of a result: a count of one in the singular, and the
	// separator of its parts in the language's typography.
	{Key: "minutes.arith.abstaining_n", En: "#1|one=%s abstaining|other=%s abstaining", De: "#1|one=%s Enthaltung|other=%s Enthaltungen", Ru: "воздержались – %s", Fr: "#1|one=%s abstention|other=%s abstentions", Es: "#1|one=%s abstención|other=%s abstenciones"},
	{Key: "minutes.arith.cast_n", En: "%s cast", De: "%s abgegeben", Ru: "подано голосов – %s", Fr: "#1|one=%s suffrage exprimé|other=%s suffrages exprimés", Es: "#1|one=%s voto emitido|other=%s votos emitidos"},
	{Key: "minutes.arith.present_n", En: "%s present", De: "%s anwesend", Ru: "присутствуют – %s", Fr: "#1|one=%s présent|other=%s présents", Es: "#1|one=%s presente|other=%s presentes"},
	{Key: "minutes.arith.sep", En: "; ", De: "; ", Ru: "; ", Fr: " ; ", Es: "; "},
	// An amendment put before the assembly with the motion it amends:
	// "(with W1 “Wages and working time”)".
	{Key: "minutes.paper.with", En: "with %s", De: "mit %s", Ru: "вместе с %s", Fr: "avec %s", Es: "junto con %s"},
	// An amendment's change in Akoma Ntoso (<mod>): the text and the lines
	// it changes, then the words replaced.
	{Key: "minutes.akn.mod_at", En: "In %s of “%s”, for ", De: "„%[2]s“, %[1]s: statt ", Ru: "«%[2]s», %[1]s: вместо ", Fr: "« %[2]s », %[1]s : au lieu de ", Es: "«%[2]s», %[1]s: donde dice "},
}

func init() { register(minutesOutside) }
