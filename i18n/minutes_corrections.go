package i18n

func init() { register(minutesCorrectionMessages) }

// minutesCorrectionMessages are the leads of a correction in the minutes (package
// minutes, CorrectionLead) that name who recorded it, and that name the
// entry corrected once where its only description is its number; the
// lead without either is minutes.correction.lead.
var minutesCorrectionMessages = []Msg{
	// What is corrected, described ("the notes of the speech of Ivy
	// Chen"), the entry's number, and the name of who recorded the
	// correction.
	{Key: "minutes.correction.lead_by",
		En: "Correction of %s (entry %s), recorded by %s:",
		De: "Berichtigung (%s, Eintrag %s; eingetragen von %s):",
		Ru: "Исправление (%s, запись %s; внесено: %s):",
		Fr: "Rectification (%s, entrée %s), enregistrée par %s :",
		Es: "Corrección (%s, entrada %s), registrada por %s:"},
	// The entry corrected has no description but its number, which it
	// gives ("entry 55 of the log", "entry 55 of the log (ballot cast)").
	{Key: "minutes.correction.lead_entry",
		En: "Correction of %s:",
		De: "Berichtigung (%s):",
		Ru: "Исправление (%s):",
		Fr: "Rectification (%s) :",
		Es: "Corrección (%s):"},
	// The same, and the name of who recorded the correction.
	{Key: "minutes.correction.lead_entry_by",
		En: "Correction of %s, recorded by %s:",
		De: "Berichtigung (%s; eingetragen von %s):",
		Ru: "Исправление (%s; внесено: %s):",
		Fr: "Rectification (%s), enregistrée par %s :",
		Es: "Corrección (%s), registrada por %s:"},
}
