package i18n

func init() { register(checkInRuleMessages) }

// checkInRuleMessages are the refusals of the rule that only the
// secretaries or the mandate commission register persons present
// (check_in officers, REVIEW-DELEGATES M1).
var checkInRuleMessages = []Msg{
	{Key: "under the rules of procedure a secretary or the mandate commission registers %s present at the door; nobody checks in themselves", En: "under the rules of procedure a secretary or the mandate commission registers %s present at the door; nobody checks in themselves", De: "nach der Geschäftsordnung trägt die Schriftführung oder die Mandatsprüfungskommission %s am Eingang als anwesend ein; niemand meldet sich selbst an", Ru: "по регламенту присутствие %s регистрирует у входа секретариат или мандатная комиссия; сам себя никто не регистрирует", Fr: "selon le règlement, un secrétaire ou la commission des mandats enregistre %s comme présent à l'entrée ; personne ne s'enregistre soi-même", Es: "según el reglamento, un secretario o la comisión de credenciales registra a %s como presente en la entrada; nadie se registra a sí mismo"},
	{Key: "who checks persons in is self (the person, a secretary or the mandate commission) or officers (a secretary or the mandate commission), not %q", En: "who checks persons in is self (the person, a secretary or the mandate commission) or officers (a secretary or the mandate commission), not %q", De: "wer Personen als anwesend einträgt, ist self (die Person selbst, die Schriftführung oder die Mandatsprüfungskommission) oder officers (die Schriftführung oder die Mandatsprüfungskommission), nicht %q", Ru: "регистрирует присутствие self (сам участник, секретариат или мандатная комиссия) или officers (секретариат или мандатная комиссия), а не %q", Fr: "qui enregistre les présents vaut self (la personne, un secrétaire ou la commission des mandats) ou officers (un secrétaire ou la commission des mandats), pas %q", Es: "quién registra a los presentes es self (la persona, un secretario o la comisión de credenciales) u officers (un secretario o la comisión de credenciales), no %q"},
}
