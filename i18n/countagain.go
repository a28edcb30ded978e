package i18n

func init() { register(countAgainMessages) }

// countAgainMessages are the words of the chair's console on a count of
// hands: the field that states how many ballots the count came after,
// where the record says so, which is not the count's own number; and
// the warning beside the next act that the count entered last does not
// decide (ranges across the majority needed, a tie of drafts).
var countAgainMessages = []Msg{
	{Key: "web.c.after_ballots", En: "“After … ballots”, where the record says so (optional; each count entered is numbered anyway)", De: "„Nach … Wahlgängen“, wo das Protokoll es sagt (freiwillig; jede eingetragene Zählung wird ohnehin nummeriert)", Ru: "«После … голосований», если так сказано в протоколе (необязательно; каждый внесённый подсчёт и так нумеруется)", Fr: "« Après … tours de scrutin », si le procès-verbal le dit (facultatif ; chaque décompte saisi est numéroté de toute façon)", Es: "«Tras … votaciones», si el acta lo dice (opcional; cada recuento anotado se numera de todos modos)"},
	{Key: "web.c.count_again", En: "The count entered (%s) does not decide: count the hands again and enter the new count, or declare the outcome.", De: "Die eingetragene Zählung (%s) entscheidet nicht: die Hände erneut zählen und die neue Zählung eintragen oder das Ergebnis erklären.", Ru: "Внесённый подсчёт (%s) не решает исхода: пересчитайте руки и внесите новый подсчёт или объявите итог.", Fr: "Le décompte saisi (%s) ne tranche pas : recompter les mains et saisir le nouveau décompte, ou proclamer l'issue.", Es: "El recuento anotado (%s) no decide: vuelva a contar las manos y anote el nuevo recuento, o proclame el resultado."},
}
