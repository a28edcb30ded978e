package i18n

func init() { register(endedSessionMessages) }

// endedSessionMessages are what the login page tells a browser whose
// session someone else ended (package web, endedsession.go): when (%[1]s,
// the hall's clock), by whom (%[2]s) and, for a revocation, the reason the
// record gives (%[3]s), then what to do if the person did not ask for it.
var endedSessionMessages = []Msg{
	{Key: "web.es.officer", En: "%s (%s)", De: "%s (%s)", Ru: "%s (%s)", Fr: "%s (%s)", Es: "%s (%s)"},
	{Key: "web.es.server_admin", En: "the server administrator", De: "die Serveradministration", Ru: "администратор сервера", Fr: "l'administrateur du serveur", Es: "el administrador del servidor"},
	{Key: "web.es.revoked_by_for",
		En: "Your session on this device ended at %[1]s: your access code was revoked by %[2]s: %[3]s. If you did not ask for this, go to the mandate commission now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %[1]s: Ihr Zugangscode wurde widerrufen von %[2]s: %[3]s. Wenn Sie das nicht verlangt haben, gehen Sie sofort zur Mandatsprüfungskommission.",
		Ru: "Ваш сеанс на этом устройстве завершён в %[1]s: ваш код доступа отозвал(а) %[2]s: %[3]s. Если вы об этом не просили, немедленно обратитесь в мандатную комиссию.",
		Fr: "Votre session sur cet appareil a pris fin à %[1]s : votre code d'accès a été révoqué par %[2]s : %[3]s. Si vous ne l'avez pas demandé, allez tout de suite à la commission de vérification des mandats.",
		Es: "Su sesión en este dispositivo terminó a las %[1]s: %[2]s revocó su código de acceso: %[3]s. Si usted no lo pidió, acuda ahora mismo a la comisión de credenciales."},
	{Key: "web.es.revoked_by",
		En: "Your session on this device ended at %[1]s: your access code was revoked by %[2]s. If you did not ask for this, go to the mandate commission now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %[1]s: Ihr Zugangscode wurde widerrufen von %[2]s. Wenn Sie das nicht verlangt haben, gehen Sie sofort zur Mandatsprüfungskommission.",
		Ru: "Ваш сеанс на этом устройстве завершён в %[1]s: ваш код доступа отозвал(а) %[2]s. Если вы об этом не просили, немедленно обратитесь в мандатную комиссию.",
		Fr: "Votre session sur cet appareil a pris fin à %[1]s : votre code d'accès a été révoqué par %[2]s. Si vous ne l'avez pas demandé, allez tout de suite à la commission de vérification des mandats.",
		Es: "Su sesión en este dispositivo terminó a las %[1]s: %[2]s revocó su código de acceso. Si usted no lo pidió, acuda ahora mismo a la comisión de credenciales."},
	{Key: "web.es.revoked",
		En: "Your session on this device ended at %s: your access code was revoked. If you did not ask for this, go to the mandate commission now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %s: Ihr Zugangscode wurde widerrufen. Wenn Sie das nicht verlangt haben, gehen Sie sofort zur Mandatsprüfungskommission.",
		Ru: "Ваш сеанс на этом устройстве завершён в %s: ваш код доступа отозван. Если вы об этом не просили, немедленно обратитесь в мандатную комиссию.",
		Fr: "Votre session sur cet appareil a pris fin à %s : votre code d'accès a été révoqué. Si vous ne l'avez pas demandé, allez tout de suite à la commission de vérification des mandats.",
		Es: "Su sesión en este dispositivo terminó a las %s: su código de acceso fue revocado. Si usted no lo pidió, acuda ahora mismo a la comisión de credenciales."},
	{Key: "web.es.replaced_by",
		En: "Your session on this device ended at %[1]s: %[2]s issued you a new access code, which voids the one you logged in with. If you did not ask for a new card, go to the mandate commission now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %[1]s: %[2]s hat Ihnen einen neuen Zugangscode ausgestellt, der den ungültig macht, mit dem Sie sich angemeldet hatten. Wenn Sie keine neue Karte verlangt haben, gehen Sie sofort zur Mandatsprüfungskommission.",
		Ru: "Ваш сеанс на этом устройстве завершён в %[1]s: %[2]s выдал(а) вам новый код доступа, и код, с которым вы вошли, больше не действует. Если вы не просили новую карточку, немедленно обратитесь в мандатную комиссию.",
		Fr: "Votre session sur cet appareil a pris fin à %[1]s : %[2]s vous a délivré un nouveau code d'accès, qui annule celui avec lequel vous vous étiez connecté. Si vous n'avez pas demandé de nouvelle carte, allez tout de suite à la commission de vérification des mandats.",
		Es: "Su sesión en este dispositivo terminó a las %[1]s: %[2]s le emitió un nuevo código de acceso, que anula aquel con el que había iniciado sesión. Si usted no pidió una tarjeta nueva, acuda ahora mismo a la comisión de credenciales."},
	{Key: "web.es.replaced",
		En: "Your session on this device ended at %s: a new access code was issued for you, which voids the one you logged in with. If you did not ask for a new card, go to the mandate commission now.",
		De: "Ihre Sitzung auf diesem Gerät endete um %s: Für Sie wurde ein neuer Zugangscode ausgestellt, der den ungültig macht, mit dem Sie sich angemeldet hatten. Wenn Sie keine neue Karte verlangt haben, gehen Sie sofort zur Mandatsprüfungskommission.",
		Ru: "Ваш сеанс на этом устройстве завершён в %s: вам выдан новый код доступа, и код, с которым вы вошли, больше не действует. Если вы не просили новую карточку, немедленно обратитесь в мандатную комиссию.",
		Fr: "Votre session sur cet appareil a pris fin à %s : un nouveau code d'accès vous a été délivré, qui annule celui avec lequel vous vous étiez connecté. Si vous n'avez pas demandé de nouvelle carte, allez tout de suite à la commission de vérification des mandats.",
		Es: "Su sesión en este dispositivo terminó a las %s: se le emitió un nuevo código de acceso, que anula aquel con el que había iniciado sesión. Si usted no pidió una tarjeta nueva, acuda ahora mismo a la comisión de credenciales."},
	{Key: "web.es.elsewhere",
		En: "Your session on this device ended at %s: it was ended from another device logged in with your access code (“Log out everywhere else” on the sessions page). If that was not you, someone else has your code: go to the mandate commission now and ask for a new one.",
		De: "Ihre Sitzung auf diesem Gerät endete um %s: Sie wurde von einem anderen Gerät aus beendet, das mit Ihrem Zugangscode angemeldet ist („Überall sonst abmelden“ auf der Seite der Sitzungen). Wenn Sie das nicht waren, hat jemand anderes Ihren Code: Gehen Sie sofort zur Mandatsprüfungskommission und verlangen Sie einen neuen.",
		Ru: "Ваш сеанс на этом устройстве завершён в %s: его завершили с другого устройства, на котором выполнен вход с вашим кодом доступа («Выйти на всех других устройствах» на странице сеансов). Если это были не вы, ваш код есть у кого-то ещё: немедленно обратитесь в мандатную комиссию и попросите новый.",
		Fr: "Votre session sur cet appareil a pris fin à %s : elle a été terminée depuis un autre appareil connecté avec votre code d'accès (« Se déconnecter partout ailleurs » sur la page des sessions). Si ce n'était pas vous, quelqu'un d'autre a votre code : allez tout de suite à la commission de vérification des mandats et demandez-en un nouveau.",
		Es: "Su sesión en este dispositivo terminó a las %s: se cerró desde otro dispositivo que inició sesión con su código de acceso («Cerrar sesión en todos los demás sitios» en la página de sesiones). Si no fue usted, otra persona tiene su código: acuda ahora mismo a la comisión de credenciales y pida uno nuevo."},
}
