package i18n

func init() { register(printCardsMessages) }

// printCardsMessages are the words of the mandate cards printed from the
// browser (package cards' HTMLIn: the browser lays out and shapes every
// name with the device's fonts, which the PDF's font cannot), of the
// mandates page's form that issues them, and of the record page's
// pointer to the HTML minutes where the PDF minutes would print boxes.
var printCardsMessages = []Msg{
	// The note above the cards on the screen (not printed).
	{Key: "cards.html.print",
		En: "Mandate cards with new access codes: print this page.",
		De: "Mandatskarten mit neuen Zugangscodes: Drucken Sie diese Seite.",
		Ru: "Мандаты с новыми кодами доступа: напечатайте эту страницу.",
		Fr: "Cartes de mandat avec de nouveaux codes d'accès : imprimez cette page.",
		Es: "Tarjetas de credencial con nuevos códigos de acceso: imprima esta página."},
	{Key: "cards.html.how",
		En: "Print it from the browser (Ctrl+P, on a Mac ⌘P) at 100%% scale, with no margins and without headers and footers: the sheets are laid out for the paper chosen, eight cards to a sheet with cut marks. The browser sets every name in this device's fonts: check on the screen that each name shows in full, not as boxes, before printing.",
		De: "Drucken Sie sie aus dem Browser (Strg+P, auf dem Mac ⌘P) in 100 %% Größe, ohne Ränder und ohne Kopf- und Fußzeilen: Die Bögen sind für das gewählte Papier gesetzt, acht Karten je Bogen mit Schnittmarken. Der Browser setzt jeden Namen in den Schriften dieses Geräts: Prüfen Sie vor dem Drucken auf dem Bildschirm, dass jeder Name vollständig und nicht als Kästchen erscheint.",
		Ru: "Напечатайте её из браузера (Ctrl+P, на Mac ⌘P) в масштабе 100 %%, без полей и без колонтитулов: листы размечены под выбранную бумагу, по восемь мандатов на листе с метками для резки. Браузер набирает каждое имя шрифтами этого устройства: перед печатью проверьте на экране, что каждое имя видно целиком, а не квадратиками.",
		Fr: "Imprimez-la depuis le navigateur (Ctrl+P, sur Mac ⌘P) à l'échelle 100 %%, sans marges et sans en-têtes ni pieds de page : les feuilles sont mises en page pour le papier choisi, huit cartes par feuille avec des traits de coupe. Le navigateur compose chaque nom avec les polices de cet appareil : vérifiez à l'écran, avant d'imprimer, que chaque nom s'affiche en entier et non sous forme de carrés.",
		Es: "Imprímala desde el navegador (Ctrl+P, en Mac ⌘P) a escala 100 %%, sin márgenes y sin encabezados ni pies de página: las hojas están compuestas para el papel elegido, ocho tarjetas por hoja con marcas de corte. El navegador compone cada nombre con las fuentes de este dispositivo: compruebe en la pantalla, antes de imprimir, que cada nombre se ve completo y no como cuadros."},
	{Key: "cards.html.once",
		En: "The codes are shown only now and kept nowhere: print the cards, then close this page. Do not reload it: that would send the form again.",
		De: "Die Codes werden nur jetzt gezeigt und nirgends aufbewahrt: Drucken Sie die Karten und schließen Sie dann diese Seite. Laden Sie sie nicht neu: Das würde das Formular erneut senden.",
		Ru: "Коды показываются только сейчас и нигде не хранятся: напечатайте мандаты и закройте эту страницу. Не перезагружайте её: это отправит форму ещё раз.",
		Fr: "Les codes ne sont montrés que maintenant et ne sont conservés nulle part : imprimez les cartes, puis fermez cette page. Ne la rechargez pas : cela enverrait le formulaire une seconde fois.",
		Es: "Los códigos solo se muestran ahora y no se guardan en ningún sitio: imprima las tarjetas y cierre esta página. No la recargue: eso enviaría el formulario otra vez."},
	// The mandates page's second button, beside the PDF's.
	{Key: "web.m.issue_html",
		En: "Issue codes and print the cards from the browser",
		De: "Codes ausgeben und Karten aus dem Browser drucken",
		Ru: "Выдать коды и напечатать мандаты из браузера",
		Fr: "Émettre les codes et imprimer les cartes depuis le navigateur",
		Es: "Emitir los códigos e imprimir las tarjetas desde el navegador"},
	{Key: "web.m.paper",
		En: "Paper, when printing from the browser:",
		De: "Papier beim Drucken aus dem Browser:",
		Ru: "Бумага при печати из браузера:",
		Fr: "Papier, pour imprimer depuis le navigateur :",
		Es: "Papel, al imprimir desde el navegador:"},
	{Key: "web.m.paper_a4",
		En: "A4 (210 × 297 mm)",
		De: "A4 (210 × 297 mm)",
		Ru: "A4 (210 × 297 мм)",
		Fr: "A4 (210 × 297 mm)",
		Es: "A4 (210 × 297 mm)"},
	{Key: "web.m.paper_letter",
		En: "Letter (8.5 × 11 in)",
		De: "Letter (8,5 × 11 Zoll)",
		Ru: "Letter (8,5 × 11 дюймов)",
		Fr: "Lettre US (8,5 × 11 po)",
		Es: "Carta (8,5 × 11 in)"},
	{Key: "web.m.html_what",
		En: "From the browser: the same cards, as a page this device prints with its own fonts, so that names in any script (Arabic, Hebrew, Chinese, Japanese, Korean, Devanagari…) print in full. Either button issues the codes once; only one of the two is needed.",
		De: "Aus dem Browser: dieselben Karten als Seite, die dieses Gerät mit seinen eigenen Schriften druckt, sodass Namen in jeder Schrift (Arabisch, Hebräisch, Chinesisch, Japanisch, Koreanisch, Devanagari …) vollständig gedruckt werden. Jede der beiden Schaltflächen gibt die Codes einmal aus; nur eine wird gebraucht.",
		Ru: "Из браузера: те же мандаты в виде страницы, которую это устройство печатает своими шрифтами, так что имена на любом письме (арабском, иврите, китайском, японском, корейском, деванагари…) печатаются целиком. Каждая из двух кнопок выдаёт коды один раз; нужна только одна.",
		Fr: "Depuis le navigateur : les mêmes cartes, sous forme d'une page que cet appareil imprime avec ses propres polices, de sorte que les noms dans toute écriture (arabe, hébreu, chinois, japonais, coréen, devanagari…) s'impriment en entier. Chacun des deux boutons émet les codes une fois ; un seul des deux suffit.",
		Es: "Desde el navegador: las mismas tarjetas, como una página que este dispositivo imprime con sus propias fuentes, para que los nombres en cualquier escritura (árabe, hebreo, chino, japonés, coreano, devanagari…) se impriman completos. Cualquiera de los dos botones emite los códigos una vez; basta con uno."},
	// After the list of names the PDF cards cannot print: a link to the
	// form's second button.
	{Key: "web.m.unprintable_browser",
		En: "Print these cards from the browser",
		De: "Drucken Sie diese Karten aus dem Browser",
		Ru: "Напечатайте эти мандаты из браузера",
		Fr: "Imprimez ces cartes depuis le navigateur",
		Es: "Imprima estas tarjetas desde el navegador"},
	{Key: "web.m.unprintable_browser_why",
		En: ": the browser prints every name in full with this device's fonts.",
		De: ": Der Browser druckt jeden Namen vollständig mit den Schriften dieses Geräts.",
		Ru: ": браузер печатает каждое имя целиком шрифтами этого устройства.",
		Fr: " : le navigateur imprime chaque nom en entier avec les polices de cet appareil.",
		Es: ": el navegador imprime cada nombre completo con las fuentes de este dispositivo."},
	// The record page, under the minutes' formats, where the PDF minutes
	// would print some names as boxes.
	{Key: "web.r.pdf_boxes",
		En: "The PDF minutes cannot print some names of this assembly (they show as boxes there). Print the minutes from the browser instead:",
		De: "Das PDF-Protokoll kann einige Namen dieser Versammlung nicht drucken (sie erscheinen dort als Kästchen). Drucken Sie das Protokoll stattdessen aus dem Browser:",
		Ru: "PDF-протокол не может напечатать некоторые имена этого собрания (там они выглядят квадратиками). Печатайте протокол из браузера:",
		Fr: "Le procès-verbal en PDF ne peut pas imprimer certains noms de cette assemblée (ils y apparaissent sous forme de carrés). Imprimez plutôt le procès-verbal depuis le navigateur :",
		Es: "El acta en PDF no puede imprimir algunos nombres de esta asamblea (allí aparecen como cuadros). Imprima el acta desde el navegador:"},
	{Key: "web.r.pdf_boxes_link",
		En: "the minutes on their own page",
		De: "das Protokoll auf eigener Seite",
		Ru: "протокол на отдельной странице",
		Fr: "le procès-verbal sur sa propre page",
		Es: "el acta en su propia página"},
	// The import's preview and its outcome, where names of the file have
	// letters the PDFs' font lacks; followed by web.m.unprintable_browser
	// as a link to the mandates page.
	{Key: "web.im.unprintable",
		En: "#1|one=%d name in this file has letters the PDF mandate cards and the PDF minutes cannot print (they print as boxes there).|other=%d names in this file have letters the PDF mandate cards and the PDF minutes cannot print (they print as boxes there).",
		De: "#1|one=%d Name in dieser Datei hat Zeichen, die die PDF-Mandatskarten und das PDF-Protokoll nicht drucken können (sie erscheinen dort als Kästchen).|other=%d Namen in dieser Datei haben Zeichen, die die PDF-Mandatskarten und das PDF-Protokoll nicht drucken können (sie erscheinen dort als Kästchen).",
		Ru: "#1|one=В %d имени из этого файла есть знаки, которые PDF-мандаты и PDF-протокол не могут напечатать (там они выглядят квадратиками).|few=В %d именах из этого файла есть знаки, которые PDF-мандаты и PDF-протокол не могут напечатать (там они выглядят квадратиками).|many=В %d именах из этого файла есть знаки, которые PDF-мандаты и PDF-протокол не могут напечатать (там они выглядят квадратиками).|other=В %d имени из этого файла есть знаки, которые PDF-мандаты и PDF-протокол не могут напечатать (там они выглядят квадратиками).",
		Fr: "#1|one=%d nom de ce fichier a des caractères que les cartes de mandat en PDF et le procès-verbal en PDF ne peuvent pas imprimer (ils y apparaissent sous forme de carrés).|other=%d noms de ce fichier ont des caractères que les cartes de mandat en PDF et le procès-verbal en PDF ne peuvent pas imprimer (ils y apparaissent sous forme de carrés).",
		Es: "#1|one=%d nombre de este archivo tiene caracteres que las tarjetas de credencial en PDF y el acta en PDF no pueden imprimir (allí aparecen como cuadros).|other=%d nombres de este archivo tienen caracteres que las tarjetas de credencial en PDF y el acta en PDF no pueden imprimir (allí aparecen como cuadros)."},
}
