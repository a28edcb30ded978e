package i18n

func init() { register(stoppedFormMessages) }

// stoppedFormMessages are what a page's form answers when the engine has
// stopped the assembly (engine.ErrStopped: its log in the database is not
// one the server can carry on from, after a rollback or a row put past
// its head): unlike a suspension, sending the form again cannot help,
// and web.err.suspended's "send the form again in a moment" would have
// an officer retry a form that can never be taken (red-team review of
// stop 42, L2).
var stoppedFormMessages = []Msg{
	{Key: "web.err.stopped", En: "the assembly is not taking commands: its record in the database is not one this server can carry on from. Nothing of this form was recorded, and sending it again will not help: tell the server's operator, who must run plenum verify and restart the server", De: "die Versammlung nimmt keine Befehle an: ihr Protokoll in der Datenbank ist keines, an das dieser Server anschließen kann. Von diesem Formular wurde nichts aufgezeichnet, und ein erneutes Senden hilft nicht: Sagen Sie es dem Betreiber des Servers, der plenum verify ausführen und den Server neu starten muss", Ru: "собрание не принимает команд: его протокол в базе данных не тот, который этот сервер может продолжать. Ничего из этой формы не записано, и повторная отправка не поможет: сообщите оператору сервера, который должен запустить plenum verify и перезапустить сервер", Fr: "l'assemblée n'accepte pas de commandes : son procès-verbal dans la base de données n'est pas un que ce serveur peut poursuivre. Rien de ce formulaire n'a été enregistré, et le renvoyer n'y changera rien : prévenez l'exploitant du serveur, qui doit lancer plenum verify et redémarrer le serveur", Es: "la asamblea no admite órdenes: su acta en la base de datos no es una que este servidor pueda continuar. No se registró nada de este formulario, y enviarlo de nuevo no servirá: avise al operador del servidor, que debe ejecutar plenum verify y reiniciar el servidor"},
}
