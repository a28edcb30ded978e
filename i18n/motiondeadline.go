package i18n

func init() { register(motionDeadlineMessages) }

// motionDeadlineMessages are the words of the form that sets the deadline
// for motions (package web, web/motionforms.go): the zone its day and
// time are read in, and the refusal of a value that is no day and time.
var motionDeadlineMessages = []Msg{
	{Key: "web.mf.time_zone", En: "time zone %s", De: "Zeitzone %s", Ru: "часовой пояс %s", Fr: "fuseau horaire %s", Es: "zona horaria %s"},
	{Key: "web.mf.zone_hint", En: "The day and the time are read in the time zone of this server, %s: the assembly has none of its own.", De: "Tag und Uhrzeit gelten in der Zeitzone dieses Servers, %s: Die Versammlung hat keine eigene.", Ru: "День и время указываются в часовом поясе этого сервера, %s: своего часового пояса у собрания нет.", Fr: "Le jour et l'heure s'entendent dans le fuseau horaire de ce serveur, %s : l'assemblée n'en a pas de propre.", Es: "El día y la hora se entienden en la zona horaria de este servidor, %s: la asamblea no tiene una propia."},
	{Key: "web.mf.bad_time", En: "“%s” is not a day and a time; give them as in %s", De: "„%s“ ist kein Tag mit Uhrzeit; bitte wie in %s angeben", Ru: "«%s» — это не день и время; укажите их так: %s", Fr: "« %s » n'est pas un jour et une heure ; indiquez-les comme dans %s", Es: "«%s» no es un día y una hora; indíquelos como en %s"},
}
