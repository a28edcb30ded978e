package i18n

func init() { register(verifyHistoryMessages) }

// verifyHistoryMessages are plenum verify's words that keep a record
// readable long after: an excerpt's entry dated otherwise than it was
// recorded (cmd/plenum/verify_excerpt.go, eventDated).
var verifyHistoryMessages = []Msg{
	{Key: "cli.excerpt.recorded_dated",
		En: "recorded %s, dated %s",
		De: "aufgezeichnet %s, datiert %s",
		Ru: "записано %s, датировано %s",
		Fr: "enregistrée le %s, datée du %s",
		Es: "registrada el %s, fechada el %s"},
}
