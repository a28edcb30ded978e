package i18n

func init() { register(cliDamagedMessages) }

// cliDamagedMessages are plenum verify's words for a receipt or an excerpt
// file that cannot be read as one — most often cut short when it was
// saved or copied — said so that a delegate or a historian knows what to
// do, with the parser's reason after (cmd/plenum/verify_remote.go).
var cliDamagedMessages = []Msg{
	{Key: "cli.receipt.malformed", En: "%s is not a whole receipt: it is cut short, altered, or not a ballot receipt (%v); save it again from the delegate page", De: "%s ist keine vollständige Quittung: sie ist abgeschnitten, verändert oder keine Stimmquittung (%v); speichern Sie sie erneut von der Delegiertenseite", Ru: "%s — неполная квитанция: она обрезана, изменена или это не квитанция бюллетеня (%v); сохраните её заново со страницы делегата", Fr: "%s n'est pas un récépissé entier : il est tronqué, modifié, ou ce n'est pas un récépissé de bulletin (%v) ; enregistrez-le à nouveau depuis la page du délégué", Es: "%s no es un resguardo entero: está cortado, alterado o no es un resguardo de papeleta (%v); guárdelo de nuevo desde la página del delegado"},
	{Key: "cli.excerpt.malformed", En: "%s is not a whole excerpt: it is cut short, altered, or not a certified excerpt (%v); download it again from the record", De: "%s ist kein vollständiger Auszug: er ist abgeschnitten, verändert oder kein beglaubigter Auszug (%v); laden Sie ihn erneut aus dem Protokoll herunter", Ru: "%s — неполная выписка: она обрезана, изменена или это не заверенная выписка (%v); загрузите её заново из протокола", Fr: "%s n'est pas un extrait entier : il est tronqué, modifié, ou ce n'est pas un extrait certifié (%v) ; téléchargez-le à nouveau depuis le procès-verbal", Es: "%s no es un extracto entero: está cortado, alterado o no es un extracto certificado (%v); descárguelo de nuevo del acta"},
}
