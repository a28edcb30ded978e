package i18n

func init() { register(reopenListMessages) }

// reopenListMessages are the words of reopening a closed speakers' list
// (reopen_list, REVIEW-CHAIR #33): the refusals, the console's button,
// the flash and the minutes' entry.
var reopenListMessages = []Msg{
	{Key: "only the chair reopens the list of speakers", En: "only the chair reopens the list of speakers", De: "nur die Sitzungsleitung öffnet die Redeliste wieder", Ru: "вновь открыть список ораторов может только председатель", Fr: "seule la présidence rouvre la liste des orateurs", Es: "solo la presidencia reabre la lista de oradores"},
	{Key: "the discussion on %s is closed; its list of speakers is not reopened", En: "the discussion on %s is closed; its list of speakers is not reopened", De: "die Aussprache zu %s ist geschlossen; ihre Redeliste wird nicht wieder geöffnet", Ru: "прения по %s закрыты; список ораторов вновь не открывается", Fr: "la discussion sur %s est close ; sa liste des orateurs n'est pas rouverte", Es: "el debate sobre %s está cerrado; su lista de oradores no se reabre"},
	{Key: "the list of speakers on %s is open", En: "the list of speakers on %s is open", De: "die Redeliste zu %s ist offen", Ru: "список ораторов по %s открыт", Fr: "la liste des orateurs sur %s est ouverte", Es: "la lista de oradores sobre %s está abierta"},
	{Key: "the list on %q cannot be reopened", En: "the list on %q cannot be reopened", De: "die Redeliste zu %q kann nicht wieder geöffnet werden", Ru: "список ораторов по %q вновь открыть нельзя", Fr: "la liste des orateurs sur %q ne peut pas être rouverte", Es: "la lista de oradores de %q no puede reabrirse"},
	{Key: "web.c.reopen_list", En: "Reopen the list", De: "Redeliste wieder öffnen", Ru: "Вновь открыть список", Fr: "Rouvrir la liste", Es: "Reabrir la lista"},
	{Key: "web.done.reopen_list", En: "The speakers' list is open again", De: "Die Redeliste ist wieder offen", Ru: "Список ораторов снова открыт", Fr: "La liste des orateurs est de nouveau ouverte", Es: "La lista de oradores está abierta de nuevo"},
	{Key: "minutes.rule.list_reopened", En: "The list of speakers is reopened.", De: "Die Redeliste wird wieder geöffnet.", Ru: "Список ораторов вновь открыт.", Fr: "La liste des orateurs est rouverte.", Es: "Se reabre la lista de oradores."},
}
