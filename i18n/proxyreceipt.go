package i18n

func init() { register(proxyReceiptMessages) }

// proxyReceiptMessages are the words of a ballot's receipt (package web,
// the receipt page) when the ballot was cast for a mandate the voter
// carries as proxy.
var proxyReceiptMessages = []Msg{
	// The receipt of a ballot cast for a carried mandate: its holder's
	// name.
	{Key: "web.rc.cast_for", En: "Cast for the mandate of %s, which you carry as proxy.", De: "Abgegeben für das Mandat von %s, das Sie in Vertretung tragen.", Ru: "Подано по мандату, переданному вам по доверенности: %s.", Fr: "Déposé pour le mandat de %s, que vous portez par procuration.", Es: "Emitido por la credencial de %s, que usted ejerce por poder."},
}
