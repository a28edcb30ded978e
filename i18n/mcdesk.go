package i18n

func init() {
	register(mcdeskMessages)
	register(attendanceRecordingRefusals)
}

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
	{Key: "web.m.attendance_h", En: "Attendance and quorum", De: "Anwesenheit und Beschlussfähigkeit", Ru: "Присутствие и кворум", Fr: "Présences et quorum", Es: "Asistencia y quórum"},
	{Key: "web.m.present_of", En: "#2|one=%d of %d member with a vote registered present|other=%d of %d members with a vote registered present", De: "#2|one=%d von %d stimmberechtigten Mitglied als anwesend registriert|other=%d von %d stimmberechtigten Mitgliedern als anwesend registriert", Ru: "#2|one=Зарегистрировано присутствующими: %d из %d члена с правом голоса|few=Зарегистрировано присутствующими: %d из %d членов с правом голоса|many=Зарегистрировано присутствующими: %d из %d членов с правом голоса|other=Зарегистрировано присутствующими: %d из %d членов с правом голоса", Fr: "#2|one=%d membre votant sur %d enregistré présent|other=%d membres votants sur %d enregistrés présents", Es: "#2|one=%d de %d miembro con voto registrado como presente|other=%d de %d miembros con voto registrados como presentes"},
	{Key: "web.m.record_attendance_why", En: "This sitting was opened without recording who is present, so no quorum is counted and votes do not record their attendance. Once the registration is under way, start recording it: from then on the quorum counts those registered present.", De: "Diese Sitzung wurde eröffnet, ohne die Anwesenheit zu erfassen; daher wird keine Beschlussfähigkeit gezählt und Abstimmungen halten ihre Anwesenheit nicht fest. Sobald die Registrierung läuft, beginnen Sie mit der Erfassung: Ab dann zählt die Beschlussfähigkeit die als anwesend Registrierten.", Ru: "Это заседание открыто без записи присутствующих, поэтому кворум не считается, а голосования не записывают присутствие. Когда регистрация идёт, начните запись: с этого момента кворум считается по зарегистрированным присутствующим.", Fr: "Cette séance a été ouverte sans consigner les présences : aucun quorum n'est compté et les votes n'enregistrent pas les présences. Une fois l'enregistrement en cours, commencez à les consigner : dès lors, le quorum compte les personnes enregistrées présentes.", Es: "Esta sesión se abrió sin registrar la asistencia, así que no se cuenta el quórum y las votaciones no registran la asistencia. Cuando el registro esté en marcha, empiece a registrarla: desde entonces el quórum cuenta a quienes se registraron como presentes."},
	{Key: "web.m.record_attendance", En: "Start recording attendance", De: "Anwesenheit ab jetzt erfassen", Ru: "Начать запись присутствия", Fr: "Commencer à consigner les présences", Es: "Empezar a registrar la asistencia"},
	{Key: "web.done.record_attendance", En: "The sitting records who is present from now on", De: "Die Sitzung erfasst ab jetzt die Anwesenheit", Ru: "Заседание теперь записывает присутствующих", Fr: "La séance consigne désormais les présences", Es: "La sesión registra la asistencia desde ahora"},
}

// attendanceRecordingRefusals are the refusals of record_attendance,
// keyed by their English template (Locale.Refusal).
var attendanceRecordingRefusals = []Msg{
	{Key: "only the chair, a secretary or the mandate commission may start recording who is present", En: "only the chair, a secretary or the mandate commission may start recording who is present", De: "nur der Vorsitz, die Schriftführung oder die Mandatsprüfungskommission darf beginnen, die Anwesenheit zu erfassen", Ru: "начать запись присутствующих может только председатель, секретарь или мандатная комиссия", Fr: "seuls la présidence, le secrétariat ou la commission de vérification des mandats peuvent commencer à consigner les présences", Es: "solo la presidencia, la secretaría o la comisión de credenciales pueden empezar a registrar la asistencia"},
	{Key: "no sitting is open; attendance is recorded in a sitting", En: "no sitting is open; attendance is recorded in a sitting", De: "keine Sitzung ist eröffnet; die Anwesenheit wird in einer Sitzung erfasst", Ru: "ни одно заседание не открыто; присутствие записывается на заседании", Fr: "aucune séance n'est ouverte ; les présences se consignent pendant une séance", Es: "no hay ninguna sesión abierta; la asistencia se registra en una sesión"},
	{Key: "the sitting %s already records who is present", En: "the sitting %s already records who is present", De: "die Sitzung %s erfasst die Anwesenheit bereits", Ru: "на заседании %s присутствие уже записывается", Fr: "la séance %s consigne déjà les présences", Es: "la sesión %s ya registra la asistencia"},
	{Key: "the sitting %q cannot start recording attendance", En: "the sitting %q cannot start recording attendance", De: "die Sitzung %q kann nicht beginnen, die Anwesenheit zu erfassen", Ru: "заседание %q не может начать запись присутствия", Fr: "la séance %q ne peut pas commencer à consigner les présences", Es: "la sesión %q no puede empezar a registrar la asistencia"},
}
