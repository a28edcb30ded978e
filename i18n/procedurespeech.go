package i18n

func init() { register(procedureSpeechMessages) }

// procedureSpeechMessages are the words of a speech for or against a
// pending procedural motion given ahead of the list (give_floor with
// motion and side, REVIEW-CHAIR #9): the refusals and the console's
// fields.
var procedureSpeechMessages = []Msg{
	{Key: "a speech ahead of the list is for or against a procedural motion: give the motion and the side", En: "a speech ahead of the list is for or against a procedural motion: give the motion and the side", De: "ein Redebeitrag vor der Redeliste spricht für oder gegen einen Geschäftsordnungsantrag: geben Sie den Antrag und die Seite an", Ru: "выступление вне очереди – за или против процедурного предложения: укажите предложение и позицию", Fr: "une intervention hors de la liste est pour ou contre une motion de procédure : indiquez la motion et le sens", Es: "una intervención fuera de la lista es a favor o en contra de una moción de procedimiento: indique la moción y el sentido"},
	{Key: "%s is not a procedural motion pending on %s; speeches ahead of the list are for or against one", En: "%s is not a procedural motion pending on %s; speeches ahead of the list are for or against one", De: "%s ist kein zu %s anhängiger Geschäftsordnungsantrag; Redebeiträge vor der Redeliste sprechen für oder gegen einen solchen", Ru: "%s – не процедурное предложение, ожидающее решения по %s; вне очереди выступают за или против такого предложения", Fr: "%s n'est pas une motion de procédure en instance sur %s ; les interventions hors de la liste sont pour ou contre une telle motion", Es: "%s no es una moción de procedimiento pendiente sobre %s; las intervenciones fuera de la lista son a favor o en contra de una"},
	{Key: "%s has already had its speech %s; one speech for and one against a procedural motion", En: "%s has already had its speech %s; one speech for and one against a procedural motion", De: "zu %s wurde bereits %s gesprochen; je ein Redebeitrag dafür und dagegen zu einem Geschäftsordnungsantrag", Ru: "по %s уже выступили (%s); по процедурному предложению – одно выступление за и одно против", Fr: "%s a déjà eu son intervention (%s) ; une intervention pour et une contre une motion de procédure", Es: "%s ya tuvo su intervención (%s); una intervención a favor y una en contra de una moción de procedimiento"},
	{Key: "web.c.on_procedural", En: "Ahead of the list, on the procedural motion", De: "Vor der Redeliste, zum Geschäftsordnungsantrag", Ru: "Вне очереди, по процедурному предложению", Fr: "Hors de la liste, sur la motion de procédure", Es: "Fuera de la lista, sobre la moción de procedimiento"},
	{Key: "web.c.side", En: "For or against", De: "Dafür oder dagegen", Ru: "За или против", Fr: "Pour ou contre", Es: "A favor o en contra"},
}
