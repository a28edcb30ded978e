package i18n

func init() { register(adminWebMessages) }

// adminWebMessages are the server administrator's words on the pages
// (package web): the login page's note of his session that another
// device of his, or the operator's new administrator link, ended
// (endedsession.go; %s, the hall's clock).
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
}
