package i18n

func init() { register(clusterReceiptMessages) }

// clusterReceiptMessages: a receipt asked for on a node of a cluster that
// has not yet read the entry from the store (package web, receiptOf).
var clusterReceiptMessages = []Msg{
	{Key: "web.http.receipt_not_yet", En: "this server has not yet received entry %d of the record from the server that recorded it; reload the page in a moment", De: "dieser Server hat Eintrag %d des Protokolls vom Server, der ihn aufgezeichnet hat, noch nicht erhalten; laden Sie die Seite gleich neu", Ru: "этот сервер ещё не получил запись %d журнала от сервера, который её сделал; обновите страницу чуть позже", Fr: "ce serveur n'a pas encore reçu l'entrée %d du registre du serveur qui l'a enregistrée ; rechargez la page dans un instant", Es: "este servidor aún no ha recibido la entrada %d del registro desde el servidor que la grabó; vuelva a cargar la página en un momento"},
}
