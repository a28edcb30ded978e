package i18n

func init() { register(codeReplaceMessages) }

// codeReplaceMessages are the words of the two-person rule for replacing
// a person's access code (assembly.IssueAccessCodes): the refusals, keyed
// by their English template, and the mandate commission's page.
var codeReplaceMessages = []Msg{
	{Key: "%s holds a valid access code, issued by %s at %s, and one officer alone may not replace it: one officer revokes the code (%s, with the reason, e.g. “card lost”), and another officer, another member of the mandate commission or an administrator, issues the new one",
		En: "%s holds a valid access code, issued by %s at %s, and one officer alone may not replace it: one officer revokes the code (%s, with the reason, e.g. “card lost”), and another officer, another member of the mandate commission or an administrator, issues the new one",
		De: "%s hat einen gültigen Zugangscode, ausgegeben von %s am %s, und eine Person allein darf ihn nicht ersetzen: Eine Amtsperson widerruft den Code (%s, mit dem Grund, z. B. „Karte verloren“), und eine andere, ein anderes Mitglied der Mandatsprüfungskommission oder die Administration, gibt den neuen aus",
		Ru: "у %s есть действующий код доступа, выданный %s (%s), и одно должностное лицо не может заменить его в одиночку: одно лицо отзывает код (%s, с причиной, например «мандат утерян»), а другое — другой член мандатной комиссии или администратор — выдаёт новый",
		Fr: "%s détient un code d'accès valide, émis par %s le %s, et un responsable seul ne peut pas le remplacer : un responsable révoque le code (%s, avec le motif, p. ex. « carte perdue »), et un autre, un autre membre de la commission de vérification des mandats ou un administrateur, émet le nouveau",
		Es: "%s tiene un código de acceso válido, emitido por %s el %s, y un cargo solo no puede sustituirlo: un cargo revoca el código (%s, con el motivo, p. ej. «tarjeta perdida») y otro, otro miembro de la comisión de credenciales o un administrador, emite el nuevo"},
	{Key: "you revoked %s's access code at %s; another officer issues the new one, so that no one alone can replace a delegate's code",
		En: "you revoked %s's access code at %s; another officer issues the new one, so that no one alone can replace a delegate's code",
		De: "Sie haben den Zugangscode von %s am %s widerrufen; den neuen gibt eine andere Amtsperson aus, damit niemand allein den Code einer delegierten Person ersetzen kann",
		Ru: "вы отозвали код доступа %s (%s); новый выдаёт другое должностное лицо, чтобы никто в одиночку не мог заменить код делегата",
		Fr: "vous avez révoqué le code d'accès de %s le %s ; un autre responsable émet le nouveau, afin que personne ne puisse seul remplacer le code d'un délégué",
		Es: "usted revocó el código de acceso de %s el %s; otro cargo emite el nuevo, para que nadie pueda sustituir solo el código de un delegado"},
	{Key: "nothing is issued: one officer alone may not replace a delegate's code, and this issue would for %s. One officer revokes such a code (%s, with the reason) and another officer issues the new one; issue for the others without them",
		En: "nothing is issued: one officer alone may not replace a delegate's code, and this issue would for %s. One officer revokes such a code (%s, with the reason) and another officer issues the new one; issue for the others without them",
		De: "es wird nichts ausgegeben: Eine Amtsperson allein darf den Code einer delegierten Person nicht ersetzen, und diese Ausgabe täte es für %s. Eine Amtsperson widerruft einen solchen Code (%s, mit dem Grund), und eine andere gibt den neuen aus; geben Sie für die übrigen ohne sie aus",
		Ru: "ничего не выдано: одно должностное лицо не может в одиночку заменить код делегата, а эта выдача заменила бы его для %s. Одно лицо отзывает такой код (%s, с причиной), а другое выдаёт новый; выдайте коды остальным без них",
		Fr: "rien n'est émis : un responsable seul ne peut pas remplacer le code d'un délégué, et cette émission le ferait pour %s. Un responsable révoque un tel code (%s, avec le motif) et un autre émet le nouveau ; émettez pour les autres sans eux",
		Es: "no se emite nada: un cargo solo no puede sustituir el código de un delegado, y esta emisión lo haría para %s. Un cargo revoca ese código (%s, con el motivo) y otro emite el nuevo; emita para los demás sin ellos"},
	{Key: "%s (a valid code, issued by %s at %s)",
		En: "%s (a valid code, issued by %s at %s)",
		De: "%s (gültiger Code, ausgegeben von %s am %s)",
		Ru: "%s (действующий код, выдан %s, %s)",
		Fr: "%s (code valide, émis par %s le %s)",
		Es: "%s (código válido, emitido por %s el %s)"},
	{Key: "%s (you revoked the code at %s)",
		En: "%s (you revoked the code at %s)",
		De: "%s (Sie haben den Code am %s widerrufen)",
		Ru: "%s (вы отозвали код %s)",
		Fr: "%s (vous avez révoqué le code le %s)",
		Es: "%s (usted revocó el código el %s)"},
	// The mandate commission's page (web/templates/mandates.html).
	{Key: "web.m.revoke_to_replace", En: "Revoke to replace", De: "Widerrufen, um zu ersetzen", Ru: "Отозвать для замены", Fr: "Révoquer pour remplacer", Es: "Revocar para sustituir"},
	{Key: "web.m.revoked_by_you", En: "you revoked this code %s %s: another officer issues the new one", De: "Sie haben diesen Code am %s um %s widerrufen: Den neuen gibt eine andere Amtsperson aus", Ru: "вы отозвали этот код %s в %s: новый выдаёт другое должностное лицо", Fr: "vous avez révoqué ce code le %s à %s : un autre responsable émet le nouveau", Es: "usted revocó este código el %s a las %s: otro cargo emite el nuevo"},
	{Key: "web.m.replace_two", En: "A person who holds a valid code gets a new one from two officers: one revokes the code, with the reason, and another issues the new one, so that no one alone can replace a delegate's code and act as them. “Everyone” leaves out those who hold a valid code.", De: "Wer einen gültigen Code hat, erhält einen neuen von zwei Amtspersonen: Eine widerruft den Code mit dem Grund, eine andere gibt den neuen aus, damit niemand allein den Code einer delegierten Person ersetzen und als sie handeln kann. „Alle“ lässt aus, wer einen gültigen Code hat.", Ru: "Лицо с действующим кодом получает новый от двух должностных лиц: одно отзывает код, указав причину, другое выдаёт новый, чтобы никто в одиночку не мог заменить код делегата и действовать от его имени. «Все» не включает тех, у кого есть действующий код.", Fr: "Une personne qui détient un code valide en reçoit un nouveau de deux responsables : l'un révoque le code, avec le motif, l'autre émet le nouveau, afin que personne ne puisse seul remplacer le code d'un délégué et agir à sa place. « Toutes les personnes » laisse de côté celles qui détiennent un code valide.", Es: "Quien tiene un código válido recibe uno nuevo de dos cargos: uno revoca el código, con el motivo, y otro emite el nuevo, para que nadie pueda sustituir solo el código de un delegado y actuar como él. «Todos» deja fuera a quienes tienen un código válido."},
}
