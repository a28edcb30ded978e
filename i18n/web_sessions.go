package i18n

func init() { register(webSessionsMessages) }

// webSessionsMessages are the words of the sessions page ("Where you are
// logged in", package web, web/sessions.go) that tell a person's sessions
// apart: the device that logged in (auth.Device: a browser and a
// platform, names that are not translated) and when it was last used.
var webSessionsMessages = []Msg{
	// A browser on a platform: "Chrome on Android", "Safari on iPhone".
	{Key: "web.ses.device", En: "%[1]s on %[2]s", De: "%[1]s auf %[2]s", Ru: "%[1]s на %[2]s", Fr: "%[1]s sur %[2]s", Es: "%[1]s en %[2]s"},
	// A session whose browser is not known (an older session, a program
	// that is no browser).
	{Key: "web.ses.unknown_browser", En: "Unknown browser", De: "Unbekannter Browser", Ru: "Неизвестный браузер", Fr: "Navigateur inconnu", Es: "Navegador desconocido"},
	// When the session was last used, to about a minute.
	{Key: "web.ses.used", En: "last used %s", De: "zuletzt benutzt am %s", Ru: "последнее использование %s", Fr: "dernière utilisation le %s", Es: "último uso el %s"},
}
