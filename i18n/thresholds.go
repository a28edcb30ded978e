package i18n

func init() { register(thresholdMessages) }

// thresholdMessages are the words of an item's threshold: the majority
// the rules (the statutes) fix for the decision on an item of the order
// of the day, a change of the statutes by two thirds (add_item's
// threshold, REVIEW-coop M2).
var thresholdMessages = []Msg{
	{Key: "web.ca.threshold", En: "Majority needed for the decision", De: "Für den Beschluss erforderliche Mehrheit", Ru: "Большинство, необходимое для решения", Fr: "Majorité requise pour la décision", Es: "Mayoría necesaria para el acuerdo"},
	{Key: "web.ca.threshold_rules", En: "as for every motion: %s", De: "wie für jeden Antrag: %s", Ru: "как для любого предложения: %s", Fr: "comme pour toute motion : %s", Es: "como para toda moción: %s"},
	{Key: "web.ca.threshold_note", En: "Where the statutes or the rules require a qualified majority for this business (two thirds to amend the statutes), choose it here: the votes on the item's motions take it, and the minutes do not record it as a departure from the rules. Amendments and procedural motions keep their own majority.", De: "Wo die Satzung oder die Geschäftsordnung für diesen Gegenstand eine qualifizierte Mehrheit verlangt (zwei Drittel für eine Satzungsänderung), wählen Sie sie hier: Die Abstimmungen über die Anträge zu diesem Punkt nehmen sie an, und das Protokoll verzeichnet sie nicht als Abweichung von der Geschäftsordnung. Änderungsanträge und Geschäftsordnungsanträge behalten ihre eigene Mehrheit.", Ru: "Если устав или регламент требуют для этого вопроса квалифицированного большинства (две трети для изменения устава), выберите его здесь: голосования по предложениям этого пункта проводятся по нему, и протокол не отмечает это как отступление от регламента. Поправки и процедурные предложения сохраняют своё большинство.", Fr: "Lorsque les statuts ou le règlement exigent une majorité qualifiée pour cette question (les deux tiers pour modifier les statuts), choisissez-la ici : les votes sur les motions de ce point la prennent, et le procès-verbal ne la consigne pas comme une dérogation au règlement. Les amendements et les motions de procédure gardent leur propre majorité.", Es: "Cuando los estatutos o el reglamento exigen una mayoría cualificada para este asunto (dos tercios para modificar los estatutos), elíjala aquí: las votaciones sobre las mociones del punto la toman, y el acta no la recoge como un apartamiento del reglamento. Las enmiendas y las mociones de procedimiento conservan su propia mayoría."},
	{Key: "web.ca.threshold_of", En: "needs %s", De: "erfordert %s", Ru: "требуется %s", Fr: "requiert %s", Es: "requiere %s"},
	{Key: "the threshold must be one of %s, not %q", En: "the threshold must be one of %s, not %q", De: "die Mehrheit muss eine von %s sein, nicht %q", Ru: "порог должен быть одним из %s, а не %q", Fr: "la majorité doit être l'une de %s, pas %q", Es: "la mayoría debe ser una de %s, no %q"},
}
