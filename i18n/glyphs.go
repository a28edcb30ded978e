package i18n

func init() { register(glyphMessages) }

// glyphMessages are the words of the mandate cards (package cards) and of
// the mandates page for names a card could not tell apart or not print:
// the member number printed beside a name another person bears too, and
// the page's warning, before printing, of names with characters the
// cards' font has no letters for.
var glyphMessages = []Msg{
	// A person's member number (their reference in the organiser's list),
	// beside their name on a card: "Ayşe Zürn (No. M1005)".
	{Key: "cards.ref",
		En: "No. %s",
		De: "Nr. %s",
		Ru: "№ %s",
		Fr: "nº %s",
		Es: "n.º %s"},
	// The warning's heading; a list of names follows, each with the
	// characters it cannot print.
	{Key: "web.m.cards_unprintable",
		En: "These names cannot be printed in full on the PDF mandate cards: their font has no letters for the characters named.",
		De: "Diese Namen können auf den PDF-Mandatskarten nicht vollständig gedruckt werden: Ihre Schrift hat keine Zeichen für die genannten Buchstaben.",
		Ru: "Эти имена нельзя полностью напечатать на PDF-мандатах: в их шрифте нет указанных знаков.",
		Fr: "Ces noms ne peuvent pas être imprimés en entier sur les cartes de mandat en PDF : leur police n'a pas les caractères indiqués.",
		Es: "Estos nombres no pueden imprimirse completos en las tarjetas de credencial en PDF: su fuente no tiene los caracteres indicados."},
	// What the card prints instead.
	{Key: "web.m.cards_unprintable_then",
		En: "Their PDF cards print each such character as a box, and beside the name the member number, or else the person's id, so that each card can be matched to its holder.",
		De: "Ihre PDF-Karten drucken jedes solche Zeichen als Kästchen und neben dem Namen die Mitgliedsnummer, sonst die Kennung der Person, damit jede Karte ihrer Inhaberin oder ihrem Inhaber zugeordnet werden kann.",
		Ru: "На их PDF-мандатах каждый такой знак печатается квадратиком, а рядом с именем — членский номер или, если его нет, идентификатор лица, чтобы каждый мандат можно было сопоставить с владельцем.",
		Fr: "Leurs cartes en PDF impriment chacun de ces caractères sous forme de carré et, à côté du nom, le numéro de membre, ou à défaut l'identifiant de la personne, afin que chaque carte puisse être rapprochée de son titulaire.",
		Es: "Sus tarjetas en PDF imprimen cada uno de esos caracteres como un cuadro y, junto al nombre, el número de miembro o, si no lo hay, el identificador de la persona, para que cada tarjeta pueda asignarse a su titular."},
}
