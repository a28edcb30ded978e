package i18n

func init() {
	register(entryFactMessages)
	register(entryFactWebMessages)
}

// entryFactWebMessages: beside an entry of attendance, a role, a mandate
// or another fact the state counts on the secretary's page, instead of
// the link to correct it (package web, view.Fact).
var entryFactWebMessages = []Msg{
	{Key: "web.s.fact_not_corrected",
		En: "counted by the state: changed by its own command, not corrected here",
		De: "zählt für den Stand der Versammlung: wird mit dem eigenen Befehl geändert, nicht hier berichtigt",
		Ru: "учитывается в состоянии собрания: меняется своей командой, здесь не исправляется",
		Fr: "compté par l'état de l'assemblée : se change par sa propre commande, ne se rectifie pas ici",
		Es: "cuenta en el estado de la asamblea: se cambia con su propia orden, no se corrige aquí"},
}

// entryFactMessages are correct_record's and strike_record's refusals of
// an entry that records a fact the state counts other than a count
// (package assembly, factRefusal): attendance, roles, mandates, access,
// the rules, a motion's support. The entry's number, then the commands
// that change the fact and record_narrative, which notes the mistake:
// a page names them by its forms' actions.
var entryFactMessages = []Msg{
	{Key: "entry %d records who is present (an arrival or a departure, leaving or returning to the hall, a registration), which presence and the quorum count, not text of the minutes: it is neither corrected nor struck out. If it is wrong, record what is so with %s or %s, and note the mistake with %s",
		En: "entry %d records who is present (an arrival or a departure, leaving or returning to the hall, a registration), which presence and the quorum count, not text of the minutes: it is neither corrected nor struck out. If it is wrong, record what is so with %s or %s, and note the mistake with %s",
		De: "Eintrag %d hält fest, wer anwesend ist (eine Ankunft oder ein Weggang, das Verlassen oder Wiederbetreten des Saals, eine Registrierung); das zählen Anwesenheit und Beschlussfähigkeit, es ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, halten Sie fest, was zutrifft, mit %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d фиксирует, кто присутствует (прибытие или уход, выход из зала или возвращение, регистрация): это учитывается при подсчёте присутствующих и кворума, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, зафиксируйте, как есть на самом деле, через %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d consigne qui est présent (une arrivée ou un départ, une sortie de la salle ou un retour, un enregistrement), ce que comptent la présence et le quorum, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, consignez ce qui est avec %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d consigna quién está presente (una llegada o una salida, salir de la sala o volver a ella, un registro), lo que cuentan la asistencia y el quórum, no un texto del acta: no se corrige ni se suprime. Si es errónea, consigne lo que es con %s o %s, y anote el error con %s"},
	{Key: "entry %d grants or revokes a role or changes the presidium, which decides who may do what, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		En: "entry %d grants or revokes a role or changes the presidium, which decides who may do what, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		De: "Eintrag %d vergibt oder entzieht eine Rolle oder ändert das Präsidium; das entscheidet, wer was tun darf, es ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, ändern Sie es mit %s, %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d назначает или снимает роль либо меняет президиум: это определяет, кто что может делать, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, измените это через %s, %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d attribue ou retire un rôle ou change le bureau, ce qui décide qui peut faire quoi, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, changez-le avec %s, %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d otorga o retira un cargo o cambia la mesa, lo que decide quién puede hacer qué, no un texto del acta: no se corrige ni se suprime. Si es errónea, cámbielo con %s, %s o %s, y anote el error con %s"},
	{Key: "entry %d records a mandate (its submission, verification, rejection, mark or amendment, or a proxy), which decides who votes and with what weight, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		En: "entry %d records a mandate (its submission, verification, rejection, mark or amendment, or a proxy), which decides who votes and with what weight, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		De: "Eintrag %d hält ein Mandat fest (seine Einreichung, Prüfung, Zurückweisung, Markierung oder Änderung, oder eine Vollmacht); das entscheidet, wer mit welchem Gewicht abstimmt, es ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, ändern Sie es mit %s, %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d фиксирует мандат (его подачу, проверку, отклонение, отметку или изменение либо доверенность): это определяет, кто голосует и с каким весом, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, измените это через %s, %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d consigne un mandat (son dépôt, sa vérification, son rejet, sa marque ou sa modification, ou une procuration), ce qui décide qui vote et avec quel poids, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, changez-le avec %s, %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d consigna un mandato (su presentación, verificación, rechazo, marca o modificación, o un poder), lo que decide quién vota y con qué peso, no un texto del acta: no se corrige ni se suprime. Si es errónea, cámbielo con %s, %s o %s, y anote el error con %s"},
	{Key: "entry %d records access codes issued or revoked or who may read the record, which decides who may log in and read, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		En: "entry %d records access codes issued or revoked or who may read the record, which decides who may log in and read, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s",
		De: "Eintrag %d hält ausgegebene oder widerrufene Zugangscodes fest oder wer das Protokoll lesen darf; das entscheidet, wer sich anmelden und lesen darf, es ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, ändern Sie es mit %s, %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d фиксирует выданные или отозванные коды доступа либо то, кто может читать запись заседания: это определяет, кто может войти и читать, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, измените это через %s, %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d consigne des codes d'accès délivrés ou révoqués ou qui peut lire le registre, ce qui décide qui peut se connecter et lire, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, changez-le avec %s, %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d consigna códigos de acceso emitidos o revocados o quién puede leer el registro, lo que decide quién puede entrar y leer, no un texto del acta: no se corrige ni se suprime. Si es errónea, cámbielo con %s, %s o %s, y anote el error con %s"},
	{Key: "entry %d sets the rules (the assembly's creation, its rules, an item's threshold), by which the votes are counted, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s",
		En: "entry %d sets the rules (the assembly's creation, its rules, an item's threshold), by which the votes are counted, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s",
		De: "Eintrag %d legt die Regeln fest (die Gründung der Versammlung, ihre Geschäftsordnung, die Mehrheit eines Punktes), nach denen die Stimmen gezählt werden, er ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, ändern Sie es mit %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d устанавливает правила (создание собрания, его регламент, порог по пункту), по которым считаются голоса, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, измените это через %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d fixe les règles (la création de l'assemblée, son règlement, le seuil d'un point), selon lesquelles les voix sont comptées, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, changez-le avec %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d fija las reglas (la creación de la asamblea, su reglamento, el umbral de un punto), por las que se cuentan los votos, no un texto del acta: no se corrige ni se suprime. Si es errónea, cámbielo con %s o %s, y anote el error con %s"},
	{Key: "entry %d records support for a motion or its withdrawal, which the motion's support counts, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s",
		En: "entry %d records support for a motion or its withdrawal, which the motion's support counts, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s",
		De: "Eintrag %d hält die Unterstützung eines Antrags oder ihre Rücknahme fest, die die Unterstützung des Antrags zählt, er ist kein Text des Protokolls: Er wird weder berichtigt noch gestrichen. Ist er falsch, ändern Sie es mit %s oder %s, und vermerken Sie den Fehler mit %s",
		Ru: "запись %d фиксирует поддержку предложения или её отзыв, которые учитываются в поддержке предложения, а не текст протокола, и её нельзя ни исправить, ни вычеркнуть. Если она неверна, измените это через %s или %s и отметьте ошибку через %s",
		Fr: "l'entrée %d consigne le soutien à une motion ou son retrait, que compte le soutien de la motion, non un texte du procès-verbal : elle n'est ni corrigée ni retirée. Si elle est fausse, changez-le avec %s ou %s, et notez l'erreur avec %s",
		Es: "la entrada %d consigna el apoyo a una moción o su retirada, que cuenta el apoyo de la moción, no un texto del acta: no se corrige ni se suprime. Si es errónea, cámbielo con %s o %s, y anote el error con %s"},
}
