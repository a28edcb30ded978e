package i18n

func init() { register(rosterWordsMessages) }

// rosterWordsMessages are package roster's notes that tell apart persons
// of one name.
var rosterWordsMessages = []Msg{
	// Package roster's notes on persons of one name.
	{Key: "%s with the reference %q, from %s", En: "%s with the reference %q, from %s", De: "%s mit der Referenz %q, von %s", Ru: "%s со ссылкой %q, от %s", Fr: "%s avec la référence %q, de %s", Es: "%s con la referencia %q, de %s"},
	{Key: "%s with the reference %q", En: "%s with the reference %q", De: "%s mit der Referenz %q", Ru: "%s со ссылкой %q", Fr: "%s avec la référence %q", Es: "%s con la referencia %q"},
	{Key: "%s without a reference, from %s", En: "%s without a reference, from %s", De: "%s ohne Referenz, von %s", Ru: "%s без ссылки, от %s", Fr: "%s sans référence, de %s", Es: "%s sin referencia, de %s"},
	{Key: "%s without a reference", En: "%s without a reference", De: "%s ohne Referenz", Ru: "%s без ссылки", Fr: "%s sans référence", Es: "%s sin referencia"},
	{Key: "this row is %s, already in the assembly", En: "this row is %s, already in the assembly", De: "diese Zeile ist %s, bereits in der Versammlung", Ru: "эта строка — %s, уже в собрании", Fr: "cette ligne est %s, déjà dans l'assemblée", Es: "esta fila es %s, ya en la asamblea"},
	{Key: "a new person: %s, of the same name, is row %d; this row's reference differs", En: "a new person: %s, of the same name, is row %d; this row's reference differs", De: "eine neue Person: %s, gleichen Namens, ist Zeile %d; die Referenz dieser Zeile ist eine andere", Ru: "новое лицо: %s с тем же именем — это строка %d; ссылка в этой строке другая", Fr: "une nouvelle personne : %s, du même nom, est la ligne %d ; la référence de cette ligne est autre", Es: "una persona nueva: %s, del mismo nombre, es la fila %d; la referencia de esta fila es otra"},
}
