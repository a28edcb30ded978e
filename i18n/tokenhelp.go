package i18n

func init() { register(tokenHelpMessages) }

// tokenHelpMessages follow the refusal of a secret ballot's code that no
// sealed ballot has (package web, secret.go): what the code is, that its
// case and spaces do not matter, and what a lost code means.
var tokenHelpMessages = []Msg{
	{Key: "web.tok.help", En: "The code is the one shown when you cast your secret ballot, also in the file you saved then (the line “token:”); upper or lower case and spaces do not matter. Check that you chose the right vote. A lost code cannot be given again, not even by the chair; your ballot counts all the same.", De: "Der Code ist der, der bei der Abgabe Ihrer geheimen Stimme angezeigt wurde, auch in der damals gespeicherten Datei (die Zeile „token:“); Groß- und Kleinschreibung und Leerzeichen spielen keine Rolle. Prüfen Sie, ob Sie die richtige Abstimmung gewählt haben. Ein verlorener Code kann nicht erneut ausgegeben werden, auch nicht vom Vorsitz; Ihre Stimme zählt trotzdem.", Ru: "Код — тот, что был показан при подаче тайного бюллетеня, он есть и в сохранённом тогда файле (строка «token:»); регистр букв и пробелы не важны. Проверьте, что выбрано нужное голосование. Потерянный код нельзя выдать снова, даже председателю; ваш голос всё равно учитывается.", Fr: "Le code est celui affiché lors de votre vote secret, aussi dans le fichier enregistré alors (la ligne « token: ») ; majuscules, minuscules et espaces ne comptent pas. Vérifiez que vous avez choisi le bon vote. Un code perdu ne peut pas être redonné, pas même par la présidence ; votre bulletin compte quand même.", Es: "El código es el que se mostró al emitir su voto secreto, también en el archivo que guardó entonces (la línea «token:»); mayúsculas, minúsculas y espacios no importan. Compruebe que eligió la votación correcta. Un código perdido no puede volver a darse, ni siquiera la presidencia; su voto cuenta igualmente."},
}
