package i18n

func init() { register(countMessages) }

// countMessages are the words of the arithmetic the rules record with a
// result (assembly.Result.Arithmetic, an election's count), which the
// record keeps in English and the minutes say in their own language
// (minutes.arithmeticIn, electionArithmetic), and of a departure from the
// rules' threshold.
var countMessages = []Msg{
	{Key: "minutes.arith.after_ballots", En: "#1|one=after %d ballot: |other=after %d ballots: ", De: "#1|one=nach %d Wahlgang: |other=nach %d Wahlgängen: ", Ru: "#1|one=после %d тура голосования: |few=после %d туров голосования: |many=после %d туров голосования: |other=после %d тура голосования: ", Fr: "#1|one=après %d tour de scrutin : |other=après %d tours de scrutin : ", Es: "#1|one=tras %d vuelta: |other=tras %d vueltas: "},
	{Key: "minutes.arith.for", En: "%s for", De: "%s dafür", Ru: "за – %s", Fr: "%s pour", Es: "%s a favor"},
	{Key: "minutes.arith.against", En: "%s against", De: "%s dagegen", Ru: "против – %s", Fr: "%s contre", Es: "%s en contra"},
	{Key: "minutes.arith.abstaining", En: "%s abstaining", De: "%s Enthaltungen", Ru: "воздержались – %s", Fr: "%s abstentions", Es: "%s abstenciones"},
	{Key: "minutes.arith.cast", En: "%s cast", De: "%s abgegeben", Ru: "подано голосов – %s", Fr: "%s suffrages exprimés", Es: "%s votos emitidos"},
	{Key: "minutes.arith.present", En: "%s present", De: "%s anwesend", Ru: "присутствуют – %s", Fr: "%s présents", Es: "%s presentes"},
	{Key: "minutes.arith.members", En: "#1|one=%s member|other=%s members", De: "#1|one=%s Mitglied|other=%s Mitglieder", Ru: "членов – %s", Fr: "#1|one=%s membre|other=%s membres", Es: "#1|one=%s miembro|other=%s miembros"},
	{Key: "minutes.arith.needed", En: "%s needed", De: "%s nötig", Ru: "необходимо – %s", Fr: "%s requis", Es: "se necesitan %s"},
	{Key: "minutes.arith.rest", En: "all the others", De: "alle anderen", Ru: "все остальные", Fr: "tous les autres", Es: "todos los demás"},
	{Key: "minutes.arith.majority", En: "the majority", De: "die Mehrheit", Ru: "большинство", Fr: "la majorité", Es: "la mayoría"},
	{Key: "minutes.arith.minority", En: "a minority", De: "eine Minderheit", Ru: "меньшинство", Fr: "une minorité", Es: "una minoría"},
	{Key: "minutes.arith.unstated", En: "not stated", De: "nicht angegeben", Ru: "не указано", Fr: "non indiqué", Es: "no indicado"},
	{Key: "minutes.arith.not_shown", En: "the count does not show whether %s was reached", De: "die Zählung zeigt nicht, ob %s erreicht wurde", Ru: "из подсчёта не видно, получено ли %s", Fr: "le décompte ne montre pas si %s a été atteinte", Es: "el recuento no muestra si se alcanzó %s"},
	{Key: "minutes.arith.undecided", En: "the count does not decide", De: "die Zählung entscheidet nicht", Ru: "подсчёт не решает исхода", Fr: "le décompte ne tranche pas", Es: "el recuento no decide"},
	{Key: "minutes.arith.declared", En: "declared", De: "festgestellt", Ru: "объявлено", Fr: "proclamé", Es: "proclamado"},
	{Key: "minutes.arith.declared_as", En: "declared %s", De: "festgestellt: %s", Ru: "объявлено: %s", Fr: "proclamé : %s", Es: "proclamado: %s"},
	{Key: "minutes.arith.not_recorded", En: "result not recorded", De: "Ergebnis nicht überliefert", Ru: "результат не записан", Fr: "résultat non consigné", Es: "no consta el resultado"},
	{Key: "minutes.arith.no_count", En: "no count recorded", De: "keine Zählung überliefert", Ru: "подсчёт не записан", Fr: "aucun décompte consigné", Es: "no consta recuento"},
	{Key: "minutes.arith.basis", En: "taken as the basis: %s", De: "als Grundlage angenommen: %s", Ru: "за основу принято: %s", Fr: "retenu comme base : %s", Es: "tomado como base: %s"},

	// An election's count (the count sheet's first stage, in one line).
	{Key: "minutes.arith.election", En: "#2|one=%[1]s, %[2]d ballot: %[3]s|other=%[1]s, %[2]d ballots: %[3]s", De: "#2|one=%[1]s, %[2]d Stimmzettel: %[3]s|other=%[1]s, %[2]d Stimmzettel: %[3]s", Ru: "#2|one=%[1]s, %[2]d бюллетень: %[3]s|few=%[1]s, %[2]d бюллетеня: %[3]s|many=%[1]s, %[2]d бюллетеней: %[3]s|other=%[1]s, %[2]d бюллетеня: %[3]s", Fr: "#2|one=%[1]s, %[2]d bulletin : %[3]s|other=%[1]s, %[2]d bulletins : %[3]s", Es: "#2|one=%[1]s, %[2]d papeleta: %[3]s|other=%[1]s, %[2]d papeletas: %[3]s"},
	// A list's count: its name, its votes and its seats, each count
	// in its own plural form.
	{Key: "minutes.arith.list", En: "%s %s, %s", De: "%s %s, %s", Ru: "%s: %s, %s", Fr: "%s %s, %s", Es: "%s %s, %s"},
	{Key: "minutes.arith.list_votes", En: "#1|one=%s vote|other=%s votes", De: "#1|one=%s Stimme|other=%s Stimmen", Ru: "голосов – %s", Fr: "%s voix", Es: "#1|one=%s voto|other=%s votos"},
	{Key: "minutes.arith.list_seats", En: "#1|one=%d seat|other=%d seats", De: "#1|one=%d Sitz|other=%d Sitze", Ru: "мест – %d", Fr: "#1|one=%d siège|other=%d sièges", Es: "#1|one=%d puesto|other=%d puestos"},
	{Key: "minutes.arith.stages", En: "#1|one=%d stage|other=%d stages", De: "#1|one=%d Zählrunde|other=%d Zählrunden", Ru: "#1|one=%d этап подсчёта|few=%d этапа подсчёта|many=%d этапов подсчёта|other=%d этапа подсчёта", Fr: "#1|one=%d étape|other=%d étapes", Es: "#1|one=%d etapa|other=%d etapas"},
	{Key: "minutes.arith.elected", En: "elected: %s", De: "gewählt: %s", Ru: "избраны: %s", Fr: "élus : %s", Es: "elegidos: %s"},
	{Key: "minutes.method.plurality", En: "plurality", De: "relative Mehrheitswahl", Ru: "относительное большинство", Fr: "scrutin majoritaire relatif", Es: "mayoría relativa"},
	{Key: "minutes.method.approval", En: "approval voting", De: "Zustimmungswahl", Ru: "одобрительное голосование", Fr: "vote par approbation", Es: "voto aprobatorio"},
	{Key: "minutes.method.dhondt", En: "D'Hondt", De: "D’Hondt-Verfahren", Ru: "метод Д’Ондта", Fr: "méthode d'Hondt", Es: "método D'Hondt"},
	{Key: "minutes.method.sainte-lague", En: "Sainte-Laguë", De: "Sainte-Laguë-Verfahren", Ru: "метод Сент-Лагю", Fr: "méthode de Sainte-Laguë", Es: "método Sainte-Laguë"},
	{Key: "minutes.method.hare", En: "Hare quota and largest remainders", De: "Hare-Quote und größte Reste", Ru: "квота Хэра и наибольшие остатки", Fr: "quotient de Hare et plus forts restes", Es: "cuota Hare y restos mayores"},
	{Key: "minutes.method.irv", En: "instant runoff", De: "integrierte Stichwahl", Ru: "мгновенный второй тур", Fr: "vote alternatif", Es: "segunda vuelta instantánea"},
	{Key: "minutes.method.stv-scottish", En: "Scottish STV", De: "übertragbare Einzelstimmgebung (schottische Regeln)", Ru: "система единого передаваемого голоса (шотландские правила)", Fr: "vote unique transférable (règles écossaises)", Es: "voto único transferible (reglas escocesas)"},
	{Key: "minutes.method.stv-meek", En: "Meek STV", De: "übertragbare Einzelstimmgebung nach Meek", Ru: "система единого передаваемого голоса по Миику", Fr: "vote unique transférable selon Meek", Es: "voto único transferible según Meek"},
	{Key: "minutes.method.stv-ers97", En: "ERS97 STV", De: "übertragbare Einzelstimmgebung nach ERS97", Ru: "система единого передаваемого голоса по правилам ERS97", Fr: "vote unique transférable selon ERS97", Es: "voto único transferible según ERS97"},
	{Key: "minutes.method.schulze", En: "the Schulze method", De: "Schulze-Methode", Ru: "метод Шульце", Fr: "méthode Schulze", Es: "método Schulze"},

	// A departure from the threshold the rules fix.
	{Key: "minutes.departure.ruling", En: "by the chair's ruling: %s", De: "durch Entscheidung des Vorsitzes: %s", Ru: "по решению председателя: %s", Fr: "par décision de la présidence : %s", Es: "por decisión de la presidencia: %s"},
	{Key: "minutes.departure.suspension", En: "the rules being suspended (%s)", De: "unter Aussetzung der Geschäftsordnung (%s)", Ru: "с приостановкой действия регламента (%s)", Fr: "le règlement étant suspendu (%s)", Es: "con el reglamento en suspenso (%s)"},

	// Entries of procedure whose words the rules write (assembly's
	// RecordEntry.Text), said in the document's language.
	{Key: "minutes.rule.list_closed", En: "The list of speakers is closed.", De: "Die Redeliste ist geschlossen.", Ru: "Список ораторов закрыт.", Fr: "La liste des orateurs est close.", Es: "Se cierra la lista de oradores."},
	{Key: "minutes.rule.discussion_closed", En: "Discussion closed.", De: "Die Aussprache ist geschlossen.", Ru: "Прения прекращены.", Fr: "La discussion est close.", Es: "Se cierra el debate."},
	{Key: "minutes.rule.deprived", En: "The chair deprives %s of the floor", De: "Der Vorsitz entzieht %s das Wort", Ru: "%s лишается слова по решению председателя", Fr: "La présidence retire la parole à %s", Es: "La presidencia retira la palabra a %s"},
	{Key: "minutes.rule.left_hall", En: "#1|one=%d left the hall|other=%d left the hall", De: "#1|one=%d Person verließ den Saal|other=%d Personen verließen den Saal", Ru: "#1|one=%d человек покинул зал|few=%d человека покинули зал|many=%d человек покинули зал|other=%d человека покинули зал", Fr: "#1|one=%d personne a quitté la salle|other=%d personnes ont quitté la salle", Es: "#1|one=%d persona abandonó la sala|other=%d personas abandonaron la sala"},
	{Key: "minutes.rule.walked_out", En: "#1|one=%d walked out|other=%d walked out", De: "#1|one=%d Person verließ aus Protest den Saal|other=%d Personen verließen aus Protest den Saal", Ru: "#1|one=%d человек покинул зал в знак протеста|few=%d человека покинули зал в знак протеста|many=%d человек покинули зал в знак протеста|other=%d человека покинули зал в знак протеста", Fr: "#1|one=%d personne a quitté la salle en signe de protestation|other=%d personnes ont quitté la salle en signe de protestation", Es: "#1|one=%d persona abandonó la sala en señal de protesta|other=%d personas abandonaron la sala en señal de protesta"},
	{Key: "minutes.rule.returned", En: "#1|one=%d returned to the hall|other=%d returned to the hall", De: "#1|one=%d Person kehrte in den Saal zurück|other=%d Personen kehrten in den Saal zurück", Ru: "#1|one=%d человек вернулся в зал|few=%d человека вернулись в зал|many=%d человек вернулись в зал|other=%d человека вернулись в зал", Fr: "#1|one=%d personne est revenue dans la salle|other=%d personnes sont revenues dans la salle", Es: "#1|one=%d persona volvió a la sala|other=%d personas volvieron a la sala"},
	{Key: "minutes.rule.allotted", En: "Speaking time allotted: %s.", De: "Zugeteilte Redezeit: %s.", Ru: "Отведено время для выступлений: %s.", Fr: "Temps de parole attribué : %s.", Es: "Tiempo de intervención asignado: %s."},
	{Key: "minutes.rule.minutes", En: "#1|one=%d minute|other=%d minutes", De: "#1|one=%d Minute|other=%d Minuten", Ru: "#1|one=%d минута|few=%d минуты|many=%d минут|other=%d минуты", Fr: "#1|one=%d minute|other=%d minutes", Es: "#1|one=%d minuto|other=%d minutos"},
	{Key: "minutes.rule.seconds", En: "#1|one=%d second|other=%d seconds", De: "#1|one=%d Sekunde|other=%d Sekunden", Ru: "#1|one=%d секунда|few=%d секунды|many=%d секунд|other=%d секунды", Fr: "#1|one=%d seconde|other=%d secondes", Es: "#1|one=%d segundo|other=%d segundos"},
	{Key: "minutes.rule.vote_withdrawn", En: "The vote on %s is withdrawn: %s.", De: "Die Abstimmung über %s wird zurückgezogen: %s.", Ru: "Голосование по вопросу %s отменено: %s.", Fr: "Le vote sur %s est retiré : %s.", Es: "Se retira la votación sobre %s: %s."},
	{Key: "minutes.rule.election_withdrawn", En: "The election %s is withdrawn: %s.", De: "Die Wahl %s wird zurückgezogen: %s.", Ru: "Выборы %s отменены: %s.", Fr: "L'élection %s est retirée : %s.", Es: "Se retira la elección %s: %s."},
	{Key: "minutes.rule.consent_void", En: "#2|one=With the assembly's consent (%[1]s), the ballot cast is void.|other=With the assembly's consent (%[1]s), the %[2]d ballots cast are void.", De: "#2|one=Mit Zustimmung der Versammlung (%[1]s) ist der abgegebene Stimmzettel ungültig.|other=Mit Zustimmung der Versammlung (%[1]s) sind die %[2]d abgegebenen Stimmzettel ungültig.", Ru: "#2|one=С согласия собрания (%[1]s) %[2]d поданный бюллетень недействителен.|few=С согласия собрания (%[1]s) %[2]d поданных бюллетеня недействительны.|many=С согласия собрания (%[1]s) %[2]d поданных бюллетеней недействительны.|other=С согласия собрания (%[1]s) поданные бюллетени (%[2]d) недействительны.", Fr: "#2|one=Avec l'accord de l'assemblée (%[1]s), le bulletin déposé est nul.|other=Avec l'accord de l'assemblée (%[1]s), les %[2]d bulletins déposés sont nuls.", Es: "#2|one=Con el consentimiento de la asamblea (%[1]s), la papeleta emitida queda anulada.|other=Con el consentimiento de la asamblea (%[1]s), las %[2]d papeletas emitidas quedan anuladas."},
	{Key: "minutes.rule.consent", En: "With the assembly's consent (%s).", De: "Mit Zustimmung der Versammlung (%s).", Ru: "С согласия собрания (%s).", Fr: "Avec l'accord de l'assemblée (%s).", Es: "Con el consentimiento de la asamblea (%s)."},
	{Key: "minutes.rule.no_ballot", En: "No ballot had been cast.", De: "Es war noch keine Stimme abgegeben worden.", Ru: "Ни одного бюллетеня подано не было.", Fr: "Aucun bulletin n'avait été déposé.", Es: "No se había emitido ninguna papeleta."},
}
