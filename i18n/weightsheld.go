package i18n

func init() { register(weightsHeldMessages) }

// weightsHeldMessages are the refusals of a change of the rules that
// would change how many votes a mandate entitled in an open election
// carries (assembly's weightsHeld: weighted_votes turned on or off while a
// mandate of another weight than 1 is entitled), keyed by their English
// templates byte for byte.
var weightsHeldMessages = []Msg{
	{Key: "the rule that a mandate may carry several votes cannot be turned on or off while the election %s is open: the mandate %s, entitled in it, has the weight %d, and the ballots cast before the change and after it would count its votes differently; change the rule once the election is closed",
		En: "the rule that a mandate may carry several votes cannot be turned on or off while the election %s is open: the mandate %s, entitled in it, has the weight %d, and the ballots cast before the change and after it would count its votes differently; change the rule once the election is closed",
		De: "die Regel, dass ein Mandat mehrere Stimmen tragen kann, lässt sich nicht ein- oder ausschalten, solange die Wahl %s offen ist: das darin stimmberechtigte Mandat %s hat das Stimmgewicht %d, und die vor und nach der Änderung abgegebenen Stimmzettel würden seine Stimmen verschieden zählen; ändern Sie die Regel, wenn die Wahl geschlossen ist",
		Ru: "правило, что мандат может нести несколько голосов, нельзя включить или выключить, пока открыты выборы %s: мандат %s, имеющий в них право голоса, имеет вес %d, и бюллетени, поданные до изменения и после него, считали бы его голоса по-разному; измените правило, когда выборы будут закрыты",
		Fr: "la règle selon laquelle un mandat peut porter plusieurs voix ne peut pas être activée ou désactivée tant que l'élection %s est ouverte : le mandat %s, appelé à y voter, a le poids %d, et les bulletins déposés avant et après le changement compteraient ses voix différemment ; changez la règle une fois l'élection close",
		Es: "la regla de que una credencial puede llevar varios votos no puede activarse ni desactivarse mientras esté abierta la elección %s: la credencial %s, con derecho a voto en ella, tiene el peso %d, y las papeletas emitidas antes y después del cambio contarían sus votos de forma distinta; cambie la regla cuando la elección esté cerrada"},
}
