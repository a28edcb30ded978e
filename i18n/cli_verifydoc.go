package i18n

func init() { register(cliVerifyDocMessages) }

// cliVerifyDocMessages are what plenum verify --document says of a
// document it did not compare, of one whose stamp was removed, and of
// what the log recorded after the document's checkpoint.
var cliVerifyDocMessages = []Msg{
	{Key: "cli.doc.not_compared", En: "NOT verified: the document's text was not compared. ",
		De: "NICHT geprüft: der Text des Dokuments wurde nicht verglichen. ",
		Ru: "НЕ проверено: текст документа не сравнивался. ",
		Fr: "NON vérifié : le texte du document n'a pas été comparé. ",
		Es: "NO verificado: el texto del documento no se comparó. "},
	{Key: "cli.doc.stamp_removed", En: "%s states no renderer, but its checkpoint covers entries recorded as late as %s, and every plenum has stated its renderer in what it exports since %s: the statement was removed, and the text is not the minutes the log recorded at tree size %s: %s: the document was altered (if a plenum from before the statement exported it, check it with that plenum)",
		De: "%s nennt keinen Renderer, aber sein Prüfpunkt deckt Einträge bis zum %s ab, und seit %s nennt jedes plenum den Renderer in seinen Exporten: die Angabe wurde entfernt, und der Text ist nicht das Protokoll, das das Log bei Baumgröße %s aufgezeichnet hat: %s: das Dokument wurde verändert (hat es ein plenum von vor dieser Angabe exportiert, prüfen Sie es mit jenem plenum)",
		Ru: "в %s не указан рендерер, но его контрольная точка охватывает записи вплоть до %s, а с %s каждый plenum указывает рендерер в выгружаемом: указание удалено, и текст — не тот протокол, который журнал записал при размере дерева %s: %s: документ изменён (если его выгрузил plenum, выпущенный до этого указания, проверьте его тем plenum)",
		Fr: "%s n'indique aucun moteur de rendu, mais son point de contrôle couvre des entrées enregistrées jusqu'au %s, et depuis le %s chaque plenum indique son moteur de rendu dans ce qu'il exporte : l'indication a été retirée, et le texte n'est pas le procès-verbal que le journal a enregistré à la taille d'arbre %s : %s : le document a été modifié (si un plenum d'avant cette indication l'a exporté, vérifiez-le avec ce plenum)",
		Es: "%s no indica renderizador, pero su punto de control abarca entradas registradas hasta el %s, y desde el %s cada plenum indica su renderizador en lo que exporta: la indicación se quitó, y el texto no es el acta que el registro recogió con el tamaño de árbol %s: %s: el documento fue alterado (si lo exportó un plenum anterior a esa indicación, verifíquelo con ese plenum)"},
	{Key: "cli.doc.grown", En: "the log has grown to tree size %s since this document's checkpoint (tree size %s); export again to see what was recorded later",
		De: "das Log ist seit dem Prüfpunkt dieses Dokuments (Baumgröße %[2]s) auf Baumgröße %[1]s gewachsen; exportieren Sie erneut, um zu sehen, was später aufgezeichnet wurde",
		Ru: "журнал вырос до размера дерева %s после контрольной точки этого документа (размер дерева %s); выгрузите заново, чтобы увидеть записанное позже",
		Fr: "le journal a atteint la taille d'arbre %s depuis le point de contrôle de ce document (taille d'arbre %s) ; exportez de nouveau pour voir ce qui a été enregistré ensuite",
		Es: "el registro ha crecido hasta el tamaño de árbol %s desde el punto de control de este documento (tamaño de árbol %s); exporte de nuevo para ver lo registrado después"},
	{Key: "cli.doc.grown_changes", En: "the log has grown to tree size %s since this document's checkpoint (tree size %s), and later entries correct or strike out what this document shows: %s — export again to see them",
		De: "das Log ist seit dem Prüfpunkt dieses Dokuments (Baumgröße %[2]s) auf Baumgröße %[1]s gewachsen, und spätere Einträge berichtigen oder streichen, was dieses Dokument zeigt: %[3]s — exportieren Sie erneut, um sie zu sehen",
		Ru: "журнал вырос до размера дерева %s после контрольной точки этого документа (размер дерева %s), и более поздние записи исправляют или вычёркивают показанное в этом документе: %s — выгрузите заново, чтобы их увидеть",
		Fr: "le journal a atteint la taille d'arbre %s depuis le point de contrôle de ce document (taille d'arbre %s), et des entrées ultérieures rectifient ou rayent ce que ce document montre : %s — exportez de nouveau pour les voir",
		Es: "el registro ha crecido hasta el tamaño de árbol %s desde el punto de control de este documento (tamaño de árbol %s), y entradas posteriores corrigen o tachan lo que este documento muestra: %s — exporte de nuevo para verlas"},
	{Key: "cli.doc.grown_unchecked", En: "the record holds entries up to tree size %s, beyond this document's checkpoint (tree size %s), but its latest checkpoint does not check out: run plenum verify --db on it",
		De: "die Aufzeichnung enthält Einträge bis Baumgröße %s, über den Prüfpunkt dieses Dokuments (Baumgröße %s) hinaus, aber ihr neuester Prüfpunkt lässt sich nicht bestätigen: führen Sie plenum verify --db darauf aus",
		Ru: "в записи есть записи до размера дерева %s, за контрольной точкой этого документа (размер дерева %s), но её последняя контрольная точка не сходится: запустите на ней plenum verify --db",
		Fr: "l'enregistrement contient des entrées jusqu'à la taille d'arbre %s, au-delà du point de contrôle de ce document (taille d'arbre %s), mais son dernier point de contrôle ne se vérifie pas : lancez plenum verify --db dessus",
		Es: "el registro contiene entradas hasta el tamaño de árbol %s, más allá del punto de control de este documento (tamaño de árbol %s), pero su último punto de control no se verifica: ejecute plenum verify --db sobre él"},
	{Key: "cli.doc.later_corrects", En: "entry %s corrects entry %s",
		De: "Eintrag %s berichtigt Eintrag %s",
		Ru: "запись %s исправляет запись %s",
		Fr: "l'entrée %s rectifie l'entrée %s",
		Es: "la entrada %s corrige la entrada %s"},
	{Key: "cli.doc.later_strikes", En: "entry %s strikes out entry %s",
		De: "Eintrag %s streicht Eintrag %s",
		Ru: "запись %s вычёркивает запись %s",
		Fr: "l'entrée %s raye l'entrée %s",
		Es: "la entrada %s tacha la entrada %s"},
}
