package i18n

func init() { register(myBallotsLaterMessages) }

// myBallotsLaterMessages say, on a delegate's receipts page, that their
// ballots cannot be listed yet: after a start the server reads the log
// into its index of ballots before it lists them (package web,
// receipts.go: myBallots), and a long log takes longer than the page
// waits.
var myBallotsLaterMessages = []Msg{
	{Key: "web.mb.later", En: "Your ballots cannot be listed just now: the server is still reading the assembly's record after a restart. Reload this page in a moment.", De: "Ihre Stimmen können gerade nicht aufgelistet werden: Der Server liest nach einem Neustart noch das Protokoll der Versammlung. Laden Sie diese Seite gleich noch einmal.", Ru: "Ваши бюллетени сейчас нельзя перечислить: после перезапуска сервер ещё читает протокол собрания. Обновите эту страницу через минуту.", Fr: "Vos bulletins ne peuvent pas être listés pour l'instant : après un redémarrage, le serveur lit encore le procès-verbal de l'assemblée. Rechargez cette page dans un instant.", Es: "Sus papeletas no pueden listarse ahora mismo: tras un reinicio, el servidor aún está leyendo el acta de la asamblea. Vuelva a cargar esta página en un momento."},
}
