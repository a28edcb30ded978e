package i18n

func init() { register(rowQuoteMessages) }

// rowQuoteMessages are what package roster says of a CSV row whose quote
// opens a cell and is not closed on the row: the row is shown with the
// quote read as a character, not recorded, and the lines below it are
// read as rows of their own rather than into the cell.
var rowQuoteMessages = []Msg{
	{Key: "the quote (\") that opens the cell is not closed on its row, so it is read as a character of the cell, and the row is not recorded; the lines below it are read as rows of their own. Close the quote or remove it",
		En: "the quote (\") that opens the cell is not closed on its row, so it is read as a character of the cell, and the row is not recorded; the lines below it are read as rows of their own. Close the quote or remove it",
		De: "das Anführungszeichen (\"), mit dem die Zelle beginnt, wird in ihrer Zeile nicht geschlossen; es wird als Zeichen der Zelle gelesen, und die Zeile wird nicht übernommen; die Zeilen darunter werden als eigene Zeilen gelesen. Schließen Sie das Anführungszeichen oder entfernen Sie es",
		Ru: "кавычка (\"), открывающая ячейку, не закрыта в её строке; она прочитана как знак ячейки, и строка не записывается; строки ниже прочитаны как отдельные строки. Закройте кавычку или удалите её",
		Fr: "le guillemet (\") qui ouvre la cellule n'est pas fermé sur sa ligne ; il est lu comme un caractère de la cellule, et la ligne n'est pas enregistrée ; les lignes suivantes sont lues chacune pour elle-même. Fermez le guillemet ou supprimez-le",
		Es: "la comilla (\") que abre la celda no se cierra en su fila; se lee como un carácter de la celda y la fila no se registra; las líneas de debajo se leen como filas propias. Cierre la comilla o quítela"},
	// A file with so many quotes not closed that reading it again after
	// each would read it over and over is refused.
	{Key: "the quote (\") that opens the cell is not closed on its row, nor are the quotes of %d rows above it; so many are not read one by one: close the quotes or remove them",
		En: "#1|one=the quote (\") that opens the cell is not closed on its row, nor is the quote of %d row above it; so many are not read one by one: close the quotes or remove them|other=the quote (\") that opens the cell is not closed on its row, nor are the quotes of %d rows above it; so many are not read one by one: close the quotes or remove them",
		De: "das Anführungszeichen (\"), mit dem die Zelle beginnt, wird in ihrer Zeile nicht geschlossen, ebenso wenig die von %d Zeilen darüber; so viele werden nicht einzeln gelesen: schließen Sie die Anführungszeichen oder entfernen Sie sie",
		Ru: "кавычка (\"), открывающая ячейку, не закрыта в её строке, как и кавычки в %d строках выше; столько строк по одной не читаются: закройте кавычки или удалите их",
		Fr: "le guillemet (\") qui ouvre la cellule n'est pas fermé sur sa ligne, ni ceux de %d lignes au-dessus ; tant de guillemets ne sont pas lus un par un : fermez-les ou supprimez-les",
		Es: "la comilla (\") que abre la celda no se cierra en su fila, ni las de %d filas de encima; tantas no se leen una por una: ciérrelas o quítelas"},
}
