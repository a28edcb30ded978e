package i18n

func init() { register(docDifferenceMessages) }

// docDifferenceMessages say where a minutes document differs from the
// minutes the log renders (minutes.FirstDifferenceIn), inside
// cli.doc.differs and the other refusals of plenum verify --document:
// %d is the line, %q the text expected and found around the difference.
var docDifferenceMessages = []Msg{
	{Key: "minutes.diff.line",
		En: "line %d: expected %q, found %q",
		De: "Zeile %d: erwartet %q, gefunden %q",
		Ru: "строка %d: ожидалось %q, найдено %q",
		Fr: "ligne %d : attendu %q, trouvé %q",
		Es: "línea %d: se esperaba %q, se encontró %q"},
	{Key: "minutes.diff.more",
		En: "line %d: the document has more than the log's minutes: found %q",
		De: "Zeile %d: das Dokument enthält mehr als das Protokoll des Logs: gefunden %q",
		Ru: "строка %d: в документе больше, чем в протоколе журнала: найдено %q",
		Fr: "ligne %d : le document contient plus que le procès-verbal du journal : trouvé %q",
		Es: "línea %d: el documento contiene más que el acta del registro: se encontró %q"},
	{Key: "minutes.diff.early",
		En: "line %d: the document ends early: expected %q",
		De: "Zeile %d: das Dokument endet zu früh: erwartet %q",
		Ru: "строка %d: документ кончается раньше: ожидалось %q",
		Fr: "ligne %d : le document s'arrête trop tôt : attendu %q",
		Es: "línea %d: el documento termina antes: se esperaba %q"},
	{Key: "minutes.diff.line_endings",
		En: "the documents differ in their line endings",
		De: "die Dokumente unterscheiden sich in ihren Zeilenenden",
		Ru: "документы различаются концами строк",
		Fr: "les documents diffèrent par leurs fins de ligne",
		Es: "los documentos difieren en sus finales de línea"},
}
