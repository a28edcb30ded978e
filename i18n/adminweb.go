package i18n

func init() { register(adminWebMessages) }

// adminWebMessages are the server administrator's words on the pages
// (package web): the login page's note of his session that another
// device of his, or the operator's new administrator link, ended
// (endedsession.go; %s, the hall's clock), and his sessions page
// (sessions.go), where he has no card and no code but brings his other
// devices in with a one-time device link (auth.Store.NewDeviceLink).
var adminWebMessages = []Msg{
	{Key: "web.es.admin_link",
		En: "Your session on this device ended at %s, by a new administrator link made on the server's console. Log in with that link; if you did not ask the server's operator for it, tell them now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %s durch einen neuen Administratorlink, der an der Konsole des Servers erstellt wurde. Melden Sie sich mit diesem Link an; wenn Sie ihn nicht beim Betreiber des Servers angefordert haben, sagen Sie es ihm sofort.",
		Ru: "Ваш сеанс на этом устройстве завершён в %s новой ссылкой администратора, созданной в консоли сервера. Войдите по этой ссылке; если вы не просили её у оператора сервера, немедленно сообщите ему об этом.",
		Fr: "Votre session sur cet appareil a pris fin à %s, par un nouveau lien d'administrateur créé sur la console du serveur. Connectez-vous avec ce lien ; si vous ne l'avez pas demandé à l'opérateur du serveur, prévenez-le tout de suite.",
		Es: "Su sesión en este dispositivo terminó a las %s por un nuevo enlace de administrador creado en la consola del servidor. Inicie sesión con ese enlace; si usted no se lo pidió al operador del servidor, avísele ahora mismo."},
	{Key: "web.es.admin_elsewhere",
		En: "Your session on this device ended at %s: it was ended from another device logged in as you, the server administrator (“Log out everywhere else” on the sessions page). If that was not you, someone else is logged in as you: ask the server's operator now for a new administrator link with --end-sessions, which ends every administrator's session.",
		De: "Ihre Sitzung auf diesem Gerät endete um %s: Sie wurde von einem anderen Gerät aus beendet, das als Sie, die Serveradministration, angemeldet ist („Überall sonst abmelden“ auf der Seite der Sitzungen). Wenn Sie das nicht waren, ist jemand anderes als Sie angemeldet: Bitten Sie den Betreiber des Servers sofort um einen neuen Administratorlink mit --end-sessions, der die Sitzungen aller Administratoren beendet.",
		Ru: "Ваш сеанс на этом устройстве завершён в %s: его завершили с другого устройства, на котором выполнен вход под вашим именем как администратора сервера («Выйти на всех других устройствах» на странице сеансов). Если это были не вы, под вашим именем вошёл кто-то ещё: немедленно попросите оператора сервера создать новую ссылку администратора с --end-sessions, которая завершит сеансы всех администраторов.",
		Fr: "Votre session sur cet appareil a pris fin à %s : elle a été terminée depuis un autre appareil connecté en votre nom, celui de l'administrateur du serveur (« Se déconnecter partout ailleurs » sur la page des sessions). Si ce n'était pas vous, quelqu'un d'autre est connecté en votre nom : demandez tout de suite à l'opérateur du serveur un nouveau lien d'administrateur avec --end-sessions, qui termine les sessions de tous les administrateurs.",
		Es: "Su sesión en este dispositivo terminó a las %s: se cerró desde otro dispositivo que inició sesión como usted, el administrador del servidor («Cerrar sesión en todos los demás sitios» en la página de sesiones). Si no fue usted, otra persona ha iniciado sesión como usted: pida ahora mismo al operador del servidor un nuevo enlace de administrador con --end-sessions, que cierra las sesiones de todos los administradores."},

	// The sessions page of a server administrator: in place of
	// web.ses.intro and web.ses.card, which speak of a card's code.
	{Key: "web.ses.admin_intro",
		En: "Every browser logged in as you, the server administrator: with your administrator link, or with a device link made on this page. If one is not yours, log it out.",
		De: "Jeder Browser, der als Sie, die Serveradministration, angemeldet ist: mit Ihrem Administratorlink oder mit einem auf dieser Seite erstellten Gerätelink. Ist einer nicht Ihrer, melden Sie ihn ab.",
		Ru: "Все браузеры, в которых выполнен вход под вашим именем как администратора сервера: по вашей ссылке администратора или по ссылке для устройства, созданной на этой странице. Если какой-то из них не ваш, завершите его сеанс.",
		Fr: "Chaque navigateur connecté en votre nom, celui de l'administrateur du serveur : avec votre lien d'administrateur, ou avec un lien d'appareil créé sur cette page. Si l'un n'est pas le vôtre, déconnectez-le.",
		Es: "Cada navegador con sesión iniciada a su nombre, el del administrador del servidor: con su enlace de administrador o con un enlace de dispositivo creado en esta página. Si alguno no es suyo, ciérrele la sesión."},
	{Key: "web.ses.admin_card",
		En: "“Log out everywhere else” also voids your device link not yet used. If someone else may be logged in as you, ask the server's operator for a new administrator link with --end-sessions: it ends the sessions of every server administrator.",
		De: "„Überall sonst abmelden“ macht auch Ihren noch nicht benutzten Gerätelink ungültig. Wenn jemand anderes als Sie angemeldet sein könnte, bitten Sie den Betreiber des Servers um einen neuen Administratorlink mit --end-sessions: Er beendet die Sitzungen aller Serveradministratoren.",
		Ru: "«Выйти на всех других устройствах» также аннулирует вашу ещё не использованную ссылку для устройства. Если под вашим именем мог войти кто-то другой, попросите оператора сервера создать новую ссылку администратора с --end-sessions: она завершит сеансы всех администраторов сервера.",
		Fr: "« Se déconnecter partout ailleurs » annule aussi votre lien d'appareil pas encore utilisé. Si quelqu'un d'autre a pu se connecter en votre nom, demandez à l'opérateur du serveur un nouveau lien d'administrateur avec --end-sessions : il termine les sessions de tous les administrateurs du serveur.",
		Es: "«Cerrar sesión en todos los demás sitios» anula también su enlace de dispositivo aún no usado. Si otra persona pudo iniciar sesión como usted, pida al operador del servidor un nuevo enlace de administrador con --end-sessions: cierra las sesiones de todos los administradores del servidor."},
	{Key: "web.ses.dl_button", En: "Log in on another device", De: "Auf einem anderen Gerät anmelden", Ru: "Войти на другом устройстве", Fr: "Se connecter sur un autre appareil", Es: "Iniciar sesión en otro dispositivo"},
	{Key: "web.ses.dl_about",
		En: "Makes a one-time link that logs your phone or another computer in as you, so that this page lists it and “Log out everywhere else” ends it.",
		De: "Erstellt einen einmaligen Link, der Ihr Telefon oder einen anderen Computer als Sie anmeldet, sodass diese Seite ihn aufführt und „Überall sonst abmelden“ ihn abmeldet.",
		Ru: "Создаёт одноразовую ссылку, по которой ваш телефон или другой компьютер входит под вашим именем: эта страница покажет его, а «Выйти на всех других устройствах» завершит его сеанс.",
		Fr: "Crée un lien à usage unique qui connecte votre téléphone ou un autre ordinateur en votre nom : cette page le liste, et « Se déconnecter partout ailleurs » le déconnecte.",
		Es: "Crea un enlace de un solo uso que inicia sesión como usted en su teléfono u otro ordenador: esta página lo lista y «Cerrar sesión en todos los demás sitios» le cierra la sesión."},
	// The device link just made, shown once: %s is until when it works
	// unused (the hall's clock).
	{Key: "web.ses.dl_h", En: "Link for your other device", De: "Link für Ihr anderes Gerät", Ru: "Ссылка для другого устройства", Fr: "Lien pour votre autre appareil", Es: "Enlace para su otro dispositivo"},
	{Key: "web.ses.dl_made",
		En: "Open this link on your other device, or scan the code with its camera. It logs in once, until %s, and only while you are logged in here; your next device link, or “Log out everywhere else”, voids it.",
		De: "Öffnen Sie diesen Link auf Ihrem anderen Gerät oder scannen Sie den Code mit dessen Kamera. Er meldet einmal an, bis %s Uhr, und nur, solange Sie hier angemeldet sind; Ihr nächster Gerätelink oder „Überall sonst abmelden“ macht ihn ungültig.",
		Ru: "Откройте эту ссылку на другом устройстве или отсканируйте код его камерой. По ней можно войти один раз, до %s, и только пока вы не вышли здесь; ваша следующая ссылка для устройства или «Выйти на всех других устройствах» аннулирует её.",
		Fr: "Ouvrez ce lien sur votre autre appareil, ou scannez le code avec son appareil photo. Il connecte une seule fois, jusqu'à %s, et seulement tant que vous êtes connecté ici ; votre prochain lien d'appareil, ou « Se déconnecter partout ailleurs », l'annule.",
		Es: "Abra este enlace en su otro dispositivo o escanee el código con su cámara. Inicia sesión una sola vez, hasta las %s, y solo mientras mantenga aquí su sesión; su próximo enlace de dispositivo, o «Cerrar sesión en todos los demás sitios», lo anula."},
	{Key: "web.ses.dl_secret",
		En: "Whoever opens this link is the server administrator: do not send it by e-mail or chat, and do not leave it on the screen.",
		De: "Wer diesen Link öffnet, ist Serveradministration: Senden Sie ihn nicht per E-Mail oder Chat und lassen Sie ihn nicht auf dem Bildschirm stehen.",
		Ru: "Любой, кто откроет эту ссылку, становится администратором сервера: не пересылайте её по почте или в чате и не оставляйте на экране.",
		Fr: "Quiconque ouvre ce lien devient l'administrateur du serveur : ne l'envoyez ni par courriel ni par messagerie, et ne le laissez pas à l'écran.",
		Es: "Quien abra este enlace pasa a ser el administrador del servidor: no lo envíe por correo ni por chat, y no lo deje en la pantalla."},
	{Key: "web.ses.dl_qr_alt", En: "QR code of the link for your other device", De: "QR-Code des Links für Ihr anderes Gerät", Ru: "QR-код ссылки для другого устройства", Fr: "Code QR du lien pour votre autre appareil", Es: "Código QR del enlace para su otro dispositivo"},
	// The refusals of a device link (auth.Store.NewDeviceLink).
	{Key: "web.ses.dl_not_admin",
		En: "Only a server administrator makes a link for another device: a person logs in there with the access code of their card.",
		De: "Nur die Serveradministration erstellt einen Link für ein anderes Gerät: Eine Person meldet sich dort mit dem Zugangscode ihrer Karte an.",
		Ru: "Ссылку для другого устройства создаёт только администратор сервера: участник входит там с кодом доступа своей карточки.",
		Fr: "Seul l'administrateur du serveur crée un lien pour un autre appareil : une personne s'y connecte avec le code d'accès de sa carte.",
		Es: "Solo el administrador del servidor crea un enlace para otro dispositivo: una persona inicia sesión allí con el código de acceso de su tarjeta."},
	{Key: "web.ses.dl_of_old",
		En: "This administrator session was made by an earlier plenum and cannot bring in another device: ask the server's operator for a new administrator link (plenum access admin-link), log in with it, and make the device link from there.",
		De: "Diese Administratorsitzung wurde von einem früheren plenum erstellt und kann kein weiteres Gerät anmelden: Bitten Sie den Betreiber des Servers um einen neuen Administratorlink (plenum access admin-link), melden Sie sich damit an und erstellen Sie den Gerätelink von dort.",
		Ru: "Этот сеанс администратора создан более ранней версией plenum и не может подключить другое устройство: попросите оператора сервера создать новую ссылку администратора (plenum access admin-link), войдите по ней и создайте ссылку для устройства оттуда.",
		Fr: "Cette session d'administrateur a été créée par une version antérieure de plenum et ne peut pas faire entrer un autre appareil : demandez à l'opérateur du serveur un nouveau lien d'administrateur (plenum access admin-link), connectez-vous avec, et créez le lien d'appareil depuis cette session.",
		Es: "Esta sesión de administrador la creó una versión anterior de plenum y no puede incorporar otro dispositivo: pida al operador del servidor un nuevo enlace de administrador (plenum access admin-link), inicie sesión con él y cree desde allí el enlace de dispositivo."},
	{Key: "web.ses.dl_no_session",
		En: "Your session on this device has ended, so no device link was made: log in again, then make the link.",
		De: "Ihre Sitzung auf diesem Gerät ist beendet, daher wurde kein Gerätelink erstellt: Melden Sie sich erneut an und erstellen Sie dann den Link.",
		Ru: "Ваш сеанс на этом устройстве завершён, поэтому ссылка для устройства не создана: войдите снова, затем создайте ссылку.",
		Fr: "Votre session sur cet appareil a pris fin, aucun lien d'appareil n'a donc été créé : reconnectez-vous, puis créez le lien.",
		Es: "Su sesión en este dispositivo ha terminado, así que no se creó ningún enlace de dispositivo: vuelva a iniciar sesión y luego cree el enlace."},
	{Key: "web.ses.dl_failed",
		En: "The device link could not be made; try again in a moment.",
		De: "Der Gerätelink konnte nicht erstellt werden; versuchen Sie es gleich noch einmal.",
		Ru: "Не удалось создать ссылку для устройства; попробуйте ещё раз через минуту.",
		Fr: "Le lien d'appareil n'a pas pu être créé ; réessayez dans un instant.",
		Es: "No se pudo crear el enlace de dispositivo; inténtelo de nuevo en un momento."},
}
