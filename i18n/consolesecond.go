package i18n

func init() { register(consoleSecondMessages) }

// consoleSecondMessages: the chair's console's next act while the motion
// in order waits for a second the rules require.
var consoleSecondMessages = []Msg{
	{Key: "web.c.await_second", En: "Waits for a second before the vote: %s (record it under the question)", De: "Braucht vor der Abstimmung eine Unterstützung: %s (unter der Frage eintragen)", Ru: "Нужна поддержка перед голосованием: %s (отметьте её под вопросом)", Fr: "Doit être appuyé avant le vote : %s (inscrivez l’appui sous la question)", Es: "Necesita apoyo antes de la votación: %s (regístrelo bajo la cuestión)"},
}
