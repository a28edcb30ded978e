package i18n

func init() { register(afterCloseMessages) }

// afterCloseMessages date a correction or a strike of an entry of a
// sitting recorded after the sitting was closed, which the minutes give
// under "Notes on the record": a clause put before the lead's closing
// colon or full stop (minutes.correction.lead*, minutes.count_note.lead*,
// minutes.strike.lead*), as minutes.correction.on and minutes.strike.on
// date one recorded in a sitting on another day; %s is the day as the
// locale writes it.
var afterCloseMessages = []Msg{
	{Key: "minutes.correction.after_close",
		En: ", after the sitting closed, on %s",
		De: ", nach Schluss der Sitzung, am %s",
		Ru: ", после закрытия заседания, дата внесения: %s",
		Fr: ", après la clôture de la séance, le %s",
		Es: ", tras el cierre de la sesión, el %s"},
	{Key: "minutes.strike.after_close",
		En: ", after the sitting closed, on %s",
		De: ", nach Schluss der Sitzung, am %s",
		Ru: ", после закрытия заседания, дата: %s",
		Fr: ", après la clôture de la séance, le %s",
		Es: ", tras el cierre de la sesión, el %s"},
}
