package i18n

func init() { register(webMessages) }

// webMessages are the words of the pages (package web).
var webMessages = []Msg{
	{Key: "web.skip", En: "Skip to the content", De: "Zum Inhalt springen", Ru: "Перейти к содержанию", Fr: "Aller au contenu", Es: "Ir al contenido"},
	{Key: "web.nav.pages", En: "Pages", De: "Seiten", Ru: "Страницы", Fr: "Pages", Es: "Páginas"},
	{Key: "web.nav.delegate", En: "Delegate", De: "Delegierte", Ru: "Делегат", Fr: "Délégué", Es: "Delegado"},
	{Key: "web.nav.chair", En: "Chair", De: "Vorsitz", Ru: "Председатель", Fr: "Présidence", Es: "Presidencia"},
	{Key: "web.nav.secretariat", En: "Secretariat", De: "Schriftführung", Ru: "Секретариат", Fr: "Secrétariat", Es: "Secretaría"},
	{Key: "web.nav.mandates", En: "Mandates", De: "Mandate", Ru: "Мандаты", Fr: "Mandats", Es: "Credenciales"},
	{Key: "web.nav.motions", En: "Motions", De: "Anträge", Ru: "Предложения", Fr: "Motions", Es: "Mociones"},
	{Key: "web.nav.projector", En: "Projector", De: "Saalanzeige", Ru: "Проектор", Fr: "Projecteur", Es: "Proyector"},
	{Key: "web.nav.record", En: "Record", De: "Protokoll", Ru: "Протокол", Fr: "Procès-verbal", Es: "Acta"},
	{Key: "web.nav.setup", En: "Set-up", De: "Einrichtung", Ru: "Настройка", Fr: "Configuration", Es: "Configuración"},
	{Key: "web.logout", En: "Log out", De: "Abmelden", Ru: "Выйти", Fr: "Se déconnecter", Es: "Cerrar sesión"},
	{Key: "web.login", En: "Log in", De: "Anmelden", Ru: "Войти", Fr: "Se connecter", Es: "Iniciar sesión"},
	{Key: "web.language", En: "Language", De: "Sprache", Ru: "Язык", Fr: "Langue", Es: "Idioma"},
}
