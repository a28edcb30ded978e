package i18n

func init() { register(clusterNotYetMessages) }

// clusterNotYetMessages: an assembly asked for on a node of a cluster
// that has not yet opened it (created through another node a moment ago;
// httpapi.Discover).
var clusterNotYetMessages = []Msg{
	{Key: "api.assembly_not_yet", En: "this server has not yet received the assembly %q from the server that created it; send the request again in a moment", De: "dieser Server hat die Versammlung %q vom Server, der sie angelegt hat, noch nicht erhalten; senden Sie die Anfrage gleich noch einmal", Ru: "этот сервер ещё не получил собрание %q от сервера, который его создал; повторите запрос чуть позже", Fr: "ce serveur n'a pas encore reçu l'assemblée %q du serveur qui l'a créée ; renvoyez la requête dans un instant", Es: "este servidor aún no ha recibido la asamblea %q desde el servidor que la creó; vuelva a enviar la solicitud en un momento"},
	{Key: "web.http.assembly_not_yet", En: "this server has not yet received the assembly %q from the server that created it; reload the page in a moment", De: "dieser Server hat die Versammlung %q vom Server, der sie angelegt hat, noch nicht erhalten; laden Sie die Seite gleich neu", Ru: "этот сервер ещё не получил собрание %q от сервера, который его создал; обновите страницу чуть позже", Fr: "ce serveur n'a pas encore reçu l'assemblée %q du serveur qui l'a créée ; rechargez la page dans un instant", Es: "este servidor aún no ha recibido la asamblea %q desde el servidor que la creó; vuelva a cargar la página en un momento"},
}
