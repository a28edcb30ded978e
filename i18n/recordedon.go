package i18n

func init() { register(recordedOnMessages) }

// recordedOnMessages date a correction or a strike recorded on another
// day than its sitting's: a clause put before the lead's closing colon or
// full stop (minutes.correction.lead*, minutes.count_note.lead*,
// minutes.strike.lead*); %s is the day as the locale writes it.
var recordedOnMessages = []Msg{
	{Key: "minutes.correction.on",
		En: ", on %s",
		De: ", am %s",
		Ru: ", дата внесения: %s",
		Fr: ", le %s",
		Es: ", el %s"},
	{Key: "minutes.strike.on",
		En: ", on %s",
		De: ", am %s",
		Ru: ", дата: %s",
		Fr: ", le %s",
		Es: ", el %s"},
}
