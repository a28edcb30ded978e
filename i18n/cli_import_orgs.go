package i18n

func init() { register(cliImportOrgsMessages) }

// cliImportOrgsMessages are plenum import's warning of a file without a
// column read as the organization, for an assembly that has
// organizations: the import page's (web.im.no_org_column), said for the
// command line.
var cliImportOrgsMessages = []Msg{
	{Key: "cli.import.no_org_column", En: "warning: the file has no column read as the organization: every row will be recorded as a personal mandate, from no organization, and a person's mandate from an organization will be changed to a personal one. If the file names the organizations, head that column with one of %s, and import it again.", De: "Warnung: Die Datei hat keine Spalte, die als Organisation gelesen wird: Jede Zeile wird als persönliches Mandat ohne Organisation festgehalten, und das Mandat einer Person von einer Organisation wird in ein persönliches geändert. Nennt die Datei die Organisationen, überschreiben Sie diese Spalte mit einem von %s und importieren Sie die Datei erneut.", Ru: "предупреждение: в файле нет столбца, который читается как организация: каждая строка будет записана как личный мандат, без организации, а мандат лица от организации будет изменён на личный. Если в файле есть организации, назовите этот столбец одним из названий %s и импортируйте файл снова.", Fr: "avertissement : le fichier n'a aucune colonne lue comme l'organisation : chaque ligne sera consignée comme un mandat personnel, sans organisation, et le mandat d'une personne venant d'une organisation deviendra personnel. Si le fichier nomme les organisations, intitulez cette colonne de l'un des noms %s, et importez-le de nouveau.", Es: "aviso: el archivo no tiene ninguna columna que se lea como la organización: cada fila se registrará como una credencial personal, sin organización, y la credencial de una persona que viene de una organización pasará a ser personal. Si el archivo nombra las organizaciones, titule esa columna con uno de los nombres %s e impórtelo de nuevo."},
}
