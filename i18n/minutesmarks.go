package i18n

func init() { register(minutesMarksMessages) }

// minutesMarksMessages are the marks by which the minutes tell what the
// record's source states from what plenum worked out: what the rules
// reckoned from a count entered as a restored record's minutes give it —
// the votes cast, the votes needed, the outcome (package minutes). The
// brackets are the editor's, as historians mark what they add to a
// document.
var minutesMarksMessages = []Msg{
	{Key: "minutes.arith.worked_out", En: "[worked out by plenum: %s]", De: "[von plenum ermittelt: %s]", Ru: "[выведено программой plenum: %s]", Fr: "[établi par plenum : %s]", Es: "[deducido por plenum: %s]"},
}
