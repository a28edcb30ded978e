package i18n

func init() { register(mcdeskMessages) }

// mcdeskMessages are the words of the mandate commission's desk on the
// mandates page: registering delegates present and gone as they arrive
// and leave, the quorum that presence makes, who may issue a code after
// a revocation, and the legend of the roll's marks.
var mcdeskMessages = []Msg{
	{Key: "web.m.register_present", En: "Register present", De: "Als anwesend registrieren", Ru: "Отметить прибытие", Fr: "Enregistrer présent", Es: "Registrar presente"},
	{Key: "web.m.register_departure", En: "Register departure", De: "Abgang registrieren", Ru: "Отметить уход", Fr: "Enregistrer le départ", Es: "Registrar salida"},
	{Key: "web.done.check_out", En: "Registered as gone", De: "Als abgegangen registriert", Ru: "Уход зарегистрирован", Fr: "Départ enregistré", Es: "Salida registrada"},
	{Key: "web.m.who_issues", En: "The new code may be issued by:", De: "Den neuen Code darf ausgeben:", Ru: "Новый код может выдать:", Fr: "Le nouveau code peut être émis par :", Es: "El nuevo código lo puede emitir:"},
	{Key: "web.m.server_admin_issues", En: "the server administrator.", De: "die Serveradministration.", Ru: "администратор сервера.", Fr: "l'administration du serveur.", Es: "la administración del servidor."},
}
