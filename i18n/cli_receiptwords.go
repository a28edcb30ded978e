package i18n

func init() { register(cliReceiptWordsMessages) }

// cliReceiptWordsMessages are plenum verify --receipt's words for the
// receipt's entry: when it was recorded, by whom and what it is, before
// its fields (cmd/plenum/receipt_words.go).
var cliReceiptWordsMessages = []Msg{
	{Key: "cli.receipt.recorded", En: "recorded %s by %s: %s", De: "aufgezeichnet am %s von %s: %s", Ru: "записано %s, кем: %s: %s", Fr: "enregistrée le %s par %s : %s", Es: "registrada el %s por %s: %s"},
}
