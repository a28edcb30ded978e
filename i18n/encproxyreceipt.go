package i18n

// The receipt of an encrypted ballot a proxy cast for another's mandate.
var encProxyReceiptMessages = []Msg{
	{Key: "web.rc.tracker_proxy",
		En: "Your ballot was encrypted in your browser; the record holds it encrypted, under the mandate of %s, which you carry. Its tracker is the fingerprint of the encrypted ballot: it shows that the ballot is in the record, not how it was cast.",
		De: "Ihr Stimmzettel wurde in Ihrem Browser verschlüsselt; das Protokoll hält ihn verschlüsselt unter dem Mandat von %s fest, das Sie tragen. Seine Kennung ist der Fingerabdruck des verschlüsselten Stimmzettels: Sie zeigt, dass der Stimmzettel im Protokoll steht, nicht wie abgestimmt wurde.",
		Ru: "Ваш бюллетень был зашифрован в вашем браузере; протокол хранит его в зашифрованном виде под мандатом %s, который вы несёте. Трекер — это отпечаток зашифрованного бюллетеня: он показывает, что бюллетень есть в протоколе, но не то, как голосовали.",
		Fr: "Votre bulletin a été chiffré dans votre navigateur ; le procès-verbal le conserve chiffré, sous le mandat de %s, que vous portez. Son empreinte est celle du bulletin chiffré : elle montre que le bulletin figure au procès-verbal, non comment il a été rempli.",
		Es: "Su papeleta se cifró en su navegador; el acta la guarda cifrada, bajo la credencial de %s, que usted lleva. Su rastreador es la huella de la papeleta cifrada: muestra que la papeleta consta en el acta, no cómo se votó."},
}

func init() { register(encProxyReceiptMessages) }
