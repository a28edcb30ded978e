package i18n

func init() { register(encConfirmMessages) }

// encConfirmMessages are the words of the delegate's encrypted ballot
// around its confirmation step (web/templates/delegate.html,
// web/static/encrypted.js): what the page says where the browser runs no
// JavaScript, without which the ballot cannot be encrypted, the question
// of its confirmation, and what the confirmation of an election's ballot
// says when it marks no one.
var encConfirmMessages = []Msg{
	// Shown (noscript) in place of a working ballot when the browser runs
	// no JavaScript: the ballot's buttons are disabled then.
	{Key: "web.d.enc_needs_script", En: "This ballot is encrypted by your browser, which needs JavaScript: turn JavaScript on for this site and reload the page to vote. Without it nothing can be sent.", De: "Dieser Stimmzettel wird von Ihrem Browser verschlüsselt und braucht dafür JavaScript: Schalten Sie JavaScript für diese Seite ein und laden Sie sie neu, um abzustimmen. Ohne JavaScript kann nichts gesendet werden.", Ru: "Этот бюллетень шифрует ваш браузер, и для этого нужен JavaScript: включите JavaScript для этого сайта и перезагрузите страницу, чтобы проголосовать. Без него ничего нельзя отправить.", Fr: "Ce bulletin est chiffré par votre navigateur, ce qui demande JavaScript : activez JavaScript pour ce site et rechargez la page pour voter. Sans lui, rien ne peut être envoyé.", Es: "Su navegador cifra esta papeleta, y para ello necesita JavaScript: active JavaScript para este sitio y recargue la página para votar. Sin él no se puede enviar nada."},
	// The question of an encrypted vote's confirmation: what it casts
	// ("Cast your ballot:", or a carried mandate's), then the choice, in
	// capitals, which the script fills in; a question as the language
	// writes one.
	{Key: "web.d.enc_cast_q", En: "%s %s?", De: "%s %s?", Ru: "%s %s?", Fr: "%s %s ?", Es: "¿%s %s?"},
	// The confirmation of an encrypted election ballot that marks no
	// candidate (where the election allows it), in place of the names.
	{Key: "web.enc.blank", En: "No one marked: a blank ballot.", De: "Niemand angekreuzt: ein leerer Stimmzettel.", Ru: "Никто не отмечен: пустой бюллетень.", Fr: "Personne n'est coché : un bulletin blanc.", Es: "Nadie marcado: una papeleta en blanco."},
	// What kind of election the delegate's ballot is, for an approval
	// election that limits how many a ballot approves (its approvals); in
	// place of web.method.approval's "any number of names".
	{Key: "web.method.approval_up_to", En: "#1|one=approval (up to %d name)|other=approval (up to %d names)", De: "#1|one=Zustimmungswahl (bis zu %d Name)|other=Zustimmungswahl (bis zu %d Namen)", Ru: "#1|one=одобрительное голосование (не более %d имени)|few=одобрительное голосование (не более %d имён)|many=одобрительное голосование (не более %d имён)|other=одобрительное голосование (не более %d имени)", Fr: "#1|one=vote par approbation (%d nom au plus)|other=vote par approbation (%d noms au plus)", Es: "#1|one=voto aprobatorio (hasta %d nombre)|other=voto aprobatorio (hasta %d nombres)"},
}
