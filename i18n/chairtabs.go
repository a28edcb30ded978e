package i18n

func init() { register(chairTabsMessages) }

// chairTabsMessages are the lines the tabs of the chair's console
// (package web, web/templates/chair-*.html) show in place of a section's
// forms to one the rules do not let give their commands: who may act, as
// the set-up pages say it (web.su.*_read_only).
var chairTabsMessages = []Msg{
	// The agenda tab, in place of the form that adds an item.
	{Key: "web.ctab.agenda_who", En: "Only the chair or an administrator may add, take up, plan, reorder, table and close the items of the order of the day.", De: "Nur der Vorsitz oder die Verwaltung kann Punkte der Tagesordnung hinzufügen, aufrufen, planen, umstellen, vertagen und schließen.", Ru: "Добавлять, открывать, планировать, переставлять, откладывать и закрывать пункты повестки дня может только председатель или администратор.", Fr: "Seul le président ou un administrateur peut ajouter, appeler, planifier, réordonner, ajourner et clore les points de l'ordre du jour.", Es: "Solo la presidencia o la administración puede añadir, abrir, planificar, reordenar, aplazar y cerrar los puntos del orden del día."},
	// The sitting tab with no sitting open, in place of the form that
	// opens one.
	{Key: "web.ctab.sitting_who", En: "Only a holder of the chair's office or an administrator may open a sitting.", De: "Nur wer das Amt des Vorsitzes innehat oder die Verwaltung kann eine Sitzung eröffnen.", Ru: "Открыть заседание может только занимающий должность председателя или администратор.", Fr: "Seul le titulaire de la fonction de président ou un administrateur peut ouvrir une séance.", Es: "Solo quien ocupa el cargo de la presidencia o la administración puede abrir una sesión."},
	// The elections tab, in place of the form that opens an election.
	{Key: "web.ctab.elections_who", En: "Only the chair or an administrator may open, close, declare and withdraw elections.", De: "Nur der Vorsitz oder die Verwaltung kann Wahlen eröffnen, schließen, ihr Ergebnis verkünden und sie zurückziehen.", Ru: "Открывать, закрывать, объявлять итоги и отзывать выборы может только председатель или администратор.", Fr: "Seul le président ou un administrateur peut ouvrir, clore, proclamer et retirer les élections.", Es: "Solo la presidencia o la administración puede abrir, cerrar, proclamar y retirar las elecciones."},
	// The screens tab, in place of the form that adds a screen.
	{Key: "web.ctab.screens_who", En: "Only the chair, a secretary or an administrator may say what the screens show.", De: "Nur der Vorsitz, die Schriftführung oder die Verwaltung kann bestimmen, was die Anzeigen zeigen.", Ru: "Решать, что показывают экраны, может только председатель, секретарь или администратор.", Fr: "Seul le président, un secrétaire ou un administrateur peut décider de ce que montrent les écrans.", Es: "Solo la presidencia, la secretaría o la administración puede decidir qué muestran las pantallas."},
}
