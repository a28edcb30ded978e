package i18n

// The projector during a vote on an amendment (the lines of its change
// not shown) and during an election (its lists or candidates).
var projectorQuestionMessages = []Msg{
	{Key: "web.p.more_lines", En: "#1|one=and %d more line (on the phones and in the papers)|other=and %d more lines (on the phones and in the papers)", De: "#1|one=und %d weitere Zeile (auf den Telefonen und in den Unterlagen)|other=und %d weitere Zeilen (auf den Telefonen und in den Unterlagen)", Ru: "#1|one=и ещё %d строка (на телефонах и в материалах)|few=и ещё %d строки (на телефонах и в материалах)|many=и ещё %d строк (на телефонах и в материалах)|other=и ещё %d строки (на телефонах и в материалах)", Fr: "#1|one=et %d ligne de plus (sur les téléphones et dans les documents)|other=et %d lignes de plus (sur les téléphones et dans les documents)", Es: "#1|one=y %d línea más (en los teléfonos y en los documentos)|other=y %d líneas más (en los teléfonos y en los documentos)"},
	{Key: "web.p.lists", En: "The lists and their candidates", De: "Die Listen und ihre Kandidierenden", Ru: "Списки и их кандидаты", Fr: "Les listes et leurs candidats", Es: "Las listas y sus candidatos"},
	{Key: "web.p.candidates", En: "The candidates", De: "Die Kandidierenden", Ru: "Кандидаты", Fr: "Les candidats", Es: "Los candidatos"},
}

func init() { register(projectorQuestionMessages) }
