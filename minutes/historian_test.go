package minutes

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plenum/i18n"
)

// The fixes md/6, html/7 and akn/6 carry, found by a historian reading the
// minutes (docs/minutes.md, "Renderer versions").

// TestClauseAfterResult: the arithmetic after "Result:" is a clause, which
// starts as the minutes' words write it — in lower case in every language,
// a German noun with its capital — not capitalised as a sentence; the
// chair's note after it is a sentence of its own.
func TestClauseAfterResult(t *testing.T) {
	want := map[string][]string{
		"en": {"Result: the majority against [worked out by plenum: defeated]. The majority is against discussion.",
			"Result: unanimous [worked out by plenum: carried]. Unanimously adopted.",
			"Result: after 3 ballots: 74 for, 66 against [worked out by plenum: 140 cast; 71 needed; carried]. After three ballots."},
		"de": {"Ergebnis: die Mehrheit dagegen [von plenum ermittelt: abgelehnt].", "Ergebnis: einstimmig [von plenum ermittelt: angenommen].",
			"Ergebnis: nach 3 Wahlgängen: 74 dafür"},
		"ru": {"Результат: против – большинство [выведено программой plenum: отклонено].", "Результат: за – 38, против – 26 ["},
		"fr": {"Résultat : la majorité contre [établi par plenum : rejetée].", "Résultat : à l'unanimité [établi par plenum : adoptée]."},
		"es": {"Resultado: la mayoría en contra [deducido por plenum: rechazada].", "Resultado: por unanimidad [deducido por plenum: aprobada]."},
	}
	unwanted := []string{"Result: The majority", "Result: Unanimous", "Result: After", "Ergebnis: Die Mehrheit", "Ergebnis: Einstimmig",
		"Результат: Против", "Результат: За", "Résultat : La majorité", "Résultat : À l'unanimité", "Resultado: La mayoría", "Resultado: Por unanimidad"}
	for lang, wants := range want {
		docWants(t, in(t, marchFixture(t), lang), lang, wants, unwanted)
	}
}

// TestReasonAsTyped: the reason of a correction or a strike reads as the
// secretary typed it — a clause in lower case stays so, a name or a German
// noun keeps its capital — and is closed with a full stop.
func TestReasonAsTyped(t *testing.T) {
	for _, c := range []struct{ lang, reason, want string }{
		{"en", "typo", "Reason: typo."},
		{"en", "Dev Patel says he meant to vote for", "Reason: Dev Patel says he meant to vote for."},
		{"de", "Tippfehler im Namen", "Begründung: Tippfehler im Namen."},
		{"de", "falsch notiert", "Begründung: falsch notiert."},
		{"ru", "опечатка", "Причина: опечатка."},
		{"fr", "faute de frappe", "Motif : faute de frappe."},
		{"es", "errata", "Motivo: errata."},
	} {
		f := replayScript(t, "coop-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl")))
		d := in(t, f, c.lang)
		n := 0
		for i := range d.Sittings {
			for j := range d.Sittings[i].Parts {
				for k := range d.Sittings[i].Parts[j].Paragraphs {
					if p := &d.Sittings[i].Parts[j].Paragraphs[k]; p.Kind == KindCorrection {
						p.Reason = c.reason
						n++
					}
				}
			}
		}
		if n == 0 {
			t.Fatal("the cooperative's minutes hold no correction")
		}
		readingFormats(t, d, func(format, text string) {
			if !strings.Contains(text, c.want) {
				t.Errorf("%s %s: the reason %q does not read %q", c.lang, format, c.reason, c.want)
			}
		})
	}
}

// TestEarlierVersionKeepsItsCapitals: a document of md/5 (html/6, akn/5)
// renders again as it was published, the clause after "Result:"
// capitalised.
func TestEarlierVersionKeepsItsCapitals(t *testing.T) {
	d := march(t)
	for format, stamp := range map[string]string{FormatMarkdown: "md/5", FormatHTML: "html/6", FormatAKN: "akn/5"} {
		old, err := RerenderEarlier(d, Stated{Format: format, Stamp: stamp, Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(old), "Result: The majority against") || strings.Contains(string(old), "Result: the majority against") {
			t.Errorf("%s no longer renders the clause after “Result:” as it published it", stamp)
		}
	}
}

// outsideScript is the cooperative's meeting with a committee formed and
// a gap noted after its sitting closed.
func outsideScript(t *testing.T) []byte {
	script := mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl"))
	return append(append([]byte(nil), script...), `{"cmd": "form_body", "actor": "ann", "at": "2026-05-09T12:00:00+02:00", "args": {"id": "audit", "name": "Audit Committee", "kind": "committee", "members": ["ann", "ben"]}}
{"cmd": "record_gap", "actor": "ben", "at": "2026-05-09T12:01:00+02:00", "args": {"from": "2026-05-09", "to": "2026-05-09", "reason": "the sheet of the tellers' notes was lost"}}
`...)
}

// TestOutsideTheSittings: what was recorded at set-up, before the first
// sitting, has a heading of its own ("Before the first sitting"); "Notes
// on the record" holds the notes on the record (a gap); what was recorded
// after a sitting closed is given after it ("After the last sitting"). A
// document of md/5 gave them all under "Notes on the record".
func TestOutsideTheSittings(t *testing.T) {
	md := string(Markdown(congress(t)))
	if !strings.Contains(md, "## Before the first sitting\n\nMotions Committee: Kai Kommission, Kim Kommission.") || strings.Contains(md, "## Notes on the record") {
		t.Error("the congress's set-up is not under “Before the first sitting”, or “Notes on the record” holds it")
	}
	for lang, h := range map[string]string{"de": "Vor der ersten Sitzung", "ru": "До первого заседания", "fr": "Avant la première séance", "es": "Antes de la primera sesión"} {
		f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
		readingFormats(t, in(t, f, lang), func(format, text string) {
			if !strings.Contains(text, h) {
				t.Errorf("%s %s: no heading %q", lang, format, h)
			}
		})
	}
	march := string(Markdown(march(t)))
	if !strings.Contains(march, "## Notes on the record\n\n*\\[Gap in the record, 1917-03-27") || strings.Contains(march, "## Before the first sitting") {
		t.Error("the demo's gap is no longer a note on the record")
	}

	f := replayScript(t, "coop-2026.jsonl and what followed its sitting", outsideScript(t))
	d := Build(f.state, f.cp)
	md = string(Markdown(d))
	sitting, notes := strings.Index(md, "## Annual general meeting"), strings.Index(md, "## Notes on the record")
	after, cp := strings.Index(md, "## After the last sitting"), strings.Index(md, "## Checkpoint")
	if notes < 0 || sitting < notes || after < sitting || cp < after {
		t.Fatalf("the notes (at %d), the sitting (%d), what followed it (%d), the checkpoint (%d) are not in order", notes, sitting, after, cp)
	}
	if !strings.Contains(md[notes:sitting], "Gap in the record") || strings.Contains(md[notes:sitting], "Audit Committee") {
		t.Errorf("“Notes on the record” does not hold the gap alone: %q", md[notes:sitting])
	}
	if !strings.Contains(md[after:cp], "Audit Committee") {
		t.Errorf("the committee formed after the sitting is not given after it: %q", md[after:cp])
	}
	for _, format := range []string{FormatHTML, FormatAKN} {
		doc, _ := Render(d, format)
		for _, w := range []string{"After the last sitting", "Notes on the record"} {
			if !strings.Contains(string(doc), w) {
				t.Errorf("%s lacks %q", format, w)
			}
		}
	}
	// md/5 gave both under "Notes on the record", before the sitting.
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	o := string(old)
	notes, sitting = strings.Index(o, "## Notes on the record"), strings.Index(o, "## Annual general meeting")
	if notes < 0 || sitting < notes || !strings.Contains(o[notes:sitting], "Audit Committee") || strings.Contains(o, "## After the last sitting") {
		t.Error("md/5 no longer renders the record outside the sittings as it did")
	}
}

// TestLinesInTheDocumentsLanguage: the lines an amendment changes are
// said in the document's language ("Zeilen 9–10 von …"), in its lead and
// in the Akoma Ntoso modification; a document of md/5 (html/6, akn/5)
// keeps the English it was published with.
func TestLinesInTheDocumentsLanguage(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"Lines 9–10 of “Wages and working time”, changed as shown", "In lines 9–10 of “Wages and working time”, for "},
		"de": {"Zeilen 9–10 von „Wages and working time“, geändert wie gezeigt", "„Wages and working time“, Zeilen 9–10: statt "},
		"ru": {"Строки 9–10 текста «Wages and working time» с изменениями", "«Wages and working time», строки 9–10: вместо "},
		"fr": {"Lignes 9 à 10 de « Wages and working time », modifiées", "« Wages and working time », lignes 9 à 10 : au lieu de "},
		"es": {"Líneas 9 a 10 de «Wages and working time», modificadas", "«Wages and working time», líneas 9 a 10: donde dice "},
	} {
		f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
		d := in(t, f, lang)
		readingFormats(t, d, func(format, text string) {
			if format != FormatAKN && !strings.Contains(text, want[0]) { // Akoma Ntoso says it in the modification
				t.Errorf("%s %s lacks %q", lang, format, want[0])
			}
			if lang != "en" && (strings.Contains(text, "Lines 9–10") || strings.Contains(text, "lines 9–10 ")) {
				t.Errorf("%s %s says the lines in English", lang, format)
			}
		})
		akn, _ := Render(d, FormatAKN)
		if !strings.Contains(string(akn), want[1]) {
			t.Errorf("%s akn: the modification does not read %q", lang, want[1])
		}
		if lang == "en" {
			continue
		}
		old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(old), "Lines 9–10 ") {
			t.Errorf("%s md/5 no longer renders the lines as it published them", lang)
		}
	}
}

// TestOneLineAgrees: the lead of a change of one line agrees with it in
// French and Spanish ("Ligne 4 … modifiée", not "modifiées").
func TestOneLineAgrees(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	for lang, c := range map[string][3]string{
		"fr": {"Ligne 4 de « Wages and working time », modifiée comme indiqué", "Lignes 3 à 4 de « Wages and working time », modifiées comme indiqué", "Ligne 4 de « Wages and working time », modifiées"},
		"es": {"Línea 4 de «Wages and working time», modificada como se indica", "Líneas 3 a 4 de «Wages and working time», modificadas como se indica", "Línea 4 de «Wages and working time», modificadas"},
	} {
		readingFormats(t, in(t, f, lang), func(format, text string) {
			if format == FormatAKN {
				return // Akoma Ntoso says the lines in the modification
			}
			if !strings.Contains(text, c[0]) || !strings.Contains(text, c[1]) || strings.Contains(text, c[2]) {
				t.Errorf("%s %s: the lead of a change does not agree with its lines (%q, %q)", lang, format, c[0], c[1])
			}
		})
	}
}

// TestSupporterInTheDocumentsLanguage: a supporter of a motion for a
// delegation is named in the document's language ("Hanna Hamburg für
// Hamburg district"); md/5 kept the English "for".
func TestSupporterInTheDocumentsLanguage(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	for lang, want := range map[string]string{"en": "Hanna Hamburg for Hamburg district", "de": "Hanna Hamburg für Hamburg district",
		"ru": "Hanna Hamburg от имени Hamburg district", "fr": "Hanna Hamburg pour Hamburg district", "es": "Hanna Hamburg por Hamburg district"} {
		d := in(t, f, lang)
		var unwanted []string
		if lang != "en" {
			unwanted = []string{"Hanna Hamburg for Hamburg district"}
		}
		docWants(t, d, lang, []string{want}, unwanted)
		old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(old), "Hanna Hamburg for Hamburg district") {
			t.Errorf("%s md/5 no longer names the supporter as it published it", lang)
		}
	}
}

// TestResultEndsWithAFullStop: a result whose arithmetic ends with the
// title of the draft taken as the basis ends with a full stop after the
// quotation, as every other result does.
func TestResultEndsWithAFullStop(t *testing.T) {
	docWants(t, congress(t), "en", []string{"taken as the basis: “Draft of the executive on the dues”."}, nil)
}

// TestArithmeticReadsRight: the arithmetic of a result in another
// language says a count of one in the singular ("1 Enthaltung", not "1
// Enthaltungen"), quotes a draft's title with the language's quotation
// marks („…“, «…», « … »), and in French sets a space before the
// semicolon; md/5 (html/6, akn/5) keeps what it published.
func TestArithmeticReadsRight(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	for lang, c := range map[string]struct{ want, unwanted, was []string }{
		"de": {[]string{"1 Enthaltung, 9 abgegeben", "„Draft of the executive on the dues“ 7"}, []string{"1 Enthaltungen", "“Draft of the executive on the dues” 7"}, []string{"1 Enthaltungen", "“Draft of the executive on the dues” 7"}},
		"fr": {[]string{"1 abstention, 9 suffrages exprimés ; 5 requis ; adopté", "« Draft of the executive on the dues » 7"}, []string{"1 abstentions", "exprimés; "}, []string{"1 abstentions, 9 suffrages exprimés; 5 requis; adoptée"}},
		"es": {[]string{"1 abstención, 9 votos emitidos", "«Draft of the executive on the dues» 7"}, []string{"1 abstenciones"}, []string{"1 abstenciones"}},
		"ru": {[]string{"«Draft of the executive on the dues» 7"}, []string{"“Draft of the executive on the dues” 7"}, []string{"“Draft of the executive on the dues” 7"}},
	} {
		d := in(t, f, lang)
		docWants(t, d, lang, c.want, c.unwanted)
		old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.was {
			if !strings.Contains(strings.ReplaceAll(string(old), `\`, ""), w) {
				t.Errorf("%s md/5 no longer says %q as it published it", lang, w)
			}
		}
	}
	for _, c := range []struct {
		lang, piece string
		mended      bool
		want        string
	}{
		{"fr", "1 cast", true, "1 suffrage exprimé"}, {"fr", "2 cast", true, "2 suffrages exprimés"}, {"fr", "1 cast", false, "1 suffrages exprimés"},
		{"es", "1 cast", true, "1 voto emitido"}, {"fr", "1 present", true, "1 présent"}, {"es", "1 present", true, "1 presente"},
		{"de", "1 abstaining", true, "1 Enthaltung"},
	} {
		if got, ok := arithPiece(i18n.For(c.lang), c.piece, c.mended); !ok || got != c.want {
			t.Errorf("%s %q (mended %v): %q, %v; want %q", c.lang, c.piece, c.mended, got, ok, c.want)
		}
	}
}

// TestAmendmentPutWithItsMotion: an amendment put before the assembly
// with the motion it amends names that motion in the document's
// language, not by the id the rules' note gives ("(with w1)"); md/5
// keeps the note.
func TestAmendmentPutWithItsMotion(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	for lang, want := range map[string]string{
		"en": "The amendment W1/1 “The mail rooms too” is before the assembly (with W1 “Wages and working time”).",
		"de": "Der Änderungsantrag W1/1 „The mail rooms too“ liegt der Versammlung vor (mit W1 „Wages and working time“).",
		"ru": "(вместе с W1 «Wages and working time»).", "fr": "(avec W1 « Wages and working time »).", "es": "(junto con W1 «Wages and working time»).",
	} {
		d := in(t, f, lang)
		docWants(t, d, lang, []string{want}, []string{"(with w1)"})
		old, err := RerenderEarlier(d, Stated{Format: FormatHTML, Stamp: "html/6", Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(old), "(with w1)") {
			t.Errorf("%s html/6 no longer says what it published", lang)
		}
	}
}

// TestAppliedAmendmentByItsTitle: the resolution as carried names an
// applied amendment without a number by its title in the document's
// quotation marks, as the motion's page does, not by its id ("with the
// amendments dues-exec-1, dues-exec-2 applied"); md/5 keeps the ids.
func TestAppliedAmendmentByItsTitle(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	for lang, want := range map[string]string{
		"en": "The resolution as carried, with the amendments “Net, not gross”, “Twelve months” applied:",
		"de": "mit den Änderungsanträgen „Net, not gross“, „Twelve months“ eingearbeitet:",
		"fr": "les amendements « Net, not gross », « Twelve months » intégrés",
	} {
		d := in(t, f, lang)
		docWants(t, d, lang, []string{want}, []string{"dues-exec-1, dues-exec-2"})
		old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(old), "dues-exec-1, dues-exec-2") {
			t.Errorf("%s md/5 no longer says what it published", lang)
		}
	}
}

// TestQuestionEndingInABracketIsClosed: a question whose title ends in a
// closing bracket or quotation mark gets its full stop before the next
// sentence ("… Raise the dues (point 2). Present and entitled …"); only
// a stop before the bracket closes it. md/5 keeps what it published.
func TestQuestionEndingInABracketIsClosed(t *testing.T) {
	script := strings.Replace(readingScript, `"title":"Raise the dues"`, `"title":"Raise the dues (point 2)"`, 1)
	script = strings.Replace(script, `"title":"Lower the dues"`, `"title":"Lower the dues (as read.)"`, 1)
	f := replayScript(t, "reading", []byte(script))
	d := in(t, f, "en")
	docWants(t, d, "en", []string{"Put to the vote by roll call: Raise the dues (point 2). ", "Put to the vote by roll call: Lower the dues (as read.) "},
		[]string{"(point 2) Present", "(as read.)."})
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(old), "(point 2) Present") {
		t.Errorf("md/5 no longer says what it published")
	}
}

// TestTimeEndingInAStop: a time that ends in a full stop ("3:30 a.m.")
// gets no second one, where the sitting closes and before a narrative;
// md/5 keeps what it published ("Time: 3:30 a.m..").
func TestTimeEndingInAStop(t *testing.T) {
	script := readingScript + `{"cmd":"record_narrative","actor":"kim","at":"2026-05-09T09:26:00Z","args":{"text":"The hall empties.","time":"3:20 a.m."}}
{"cmd":"close_sitting","actor":"kim","at":"2026-05-09T09:30:00Z","args":{"sitting":"s1","time":"3:30 a.m."}}
`
	f := replayScript(t, "reading", []byte(script))
	d := in(t, f, "en")
	docWants(t, d, "en", []string{"The sitting is closed. Time: 3:30 a.m.", "Time: 3:20 a.m. The hall empties."}, []string{"a.m.."})
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(old), "Time: 3:30 a.m..") {
		t.Errorf("md/5 no longer says what it published")
	}
}

// electionScript adds to tiesScript an election by lists.
const electionScript = tiesScript + `{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:32:00Z","args":{"id":"e6","title":"Executive","seats":2,"method":"dhondt","lists":[{"id":"l-int","name":"Internationalists","candidates":["bubnov","starostin"]},{"id":"l-def","name":"Defensists","candidates":["ann"]}]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:33:00Z","args":{"election":"e6","voter":"starostin","list":"l-int"}}
{"cmd":"cast_election_ballot","actor":"bubnov","at":"2026-05-09T09:33:30Z","args":{"election":"e6","voter":"bubnov","list":"l-int"}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:34:00Z","args":{"election":"e6"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:35:00Z","args":{"election":"e6"}}
`

// TestElectionBallotsByName: the ballots of an election, cast by name
// (the delegate's phone says so), are in the minutes as a roll call's
// are, grouped by what they chose; md/5 did not list them.
func TestElectionBallotsByName(t *testing.T) {
	f := replayScript(t, "election.jsonl", []byte(electionScript))
	d := in(t, f, "en")
	docWants(t, d, "en", []string{"Ballots by name — for Starostin: Starostin; for Bubnov: Bubnov.",
		"Ballots by name — ranking Starostin, Ann: Starostin; ranking Bubnov, Ann: Bubnov.", "Ballots by name — for Internationalists: Bubnov, Starostin."}, nil)
	docWants(t, in(t, f, "de"), "de", []string{"Stimmzettel namentlich — für Internationalists: Bubnov, Starostin."}, nil)
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(old), "Ballots by name") {
		t.Errorf("md/5 no longer says what it published")
	}
}

// TestElectionLists: an election's lists are in the minutes, each with its
// candidates in the order they stood.
func TestElectionLists(t *testing.T) {
	f := replayScript(t, "election.jsonl", []byte(electionScript))
	docWants(t, in(t, f, "en"), "en", []string{"Lists: Internationalists: 1. Bubnov, 2. Starostin; Defensists: 1. Ann."}, nil)
	docWants(t, in(t, f, "fr"), "fr", []string{"Listes : Internationalists : 1. Bubnov, 2. Starostin ; Defensists : 1. Ann."}, nil)
}

// TestHTMLLandmarksNamedApart: every section of the HTML minutes has a
// name of its own (axe landmark-unique), though an item taken up in two
// sittings has the same heading in both; and the contents, which list the
// checkpoint too, are headed "Contents", not "Sittings".
func TestHTMLLandmarksNamedApart(t *testing.T) {
	heading := regexp.MustCompile(`<h[23] id="([^"]+)">([^<]*)</h[23]>`)
	labelled := regexp.MustCompile(`<(?:section|nav)[^>]* aria-labelledby="([^"]+)"`)
	for name, d := range map[string]*Document{"march-1917": march(t), "congress-2026": in(t, replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl"))), "en")} {
		h := string(HTML(d))
		text := map[string]string{}
		for _, m := range heading.FindAllStringSubmatch(h, -1) {
			text[m[1]] = m[2]
		}
		seen := map[string]bool{}
		for _, m := range labelled.FindAllStringSubmatch(h, -1) {
			var parts []string
			for _, id := range strings.Fields(m[1]) {
				parts = append(parts, text[id])
			}
			label := strings.Join(parts, " ")
			if seen[label] {
				t.Errorf("%s: two landmarks are named %q", name, label)
			}
			seen[label] = true
		}
		if !strings.Contains(h, `<h2 id="h-contents">Contents</h2>`) {
			t.Errorf("%s: the contents are not headed Contents", name)
		}
	}
}

// TestRollCallNamesWhoDidNotVote: a roll call names those present and
// entitled at its opening who cast no ballot, where the record shows who
// was present; not where some had left the hall unnamed. md/5 did not.
func TestRollCallNamesWhoDidNotVote(t *testing.T) {
	f := replayScript(t, "reading", []byte(readingScript))
	d := in(t, f, "en")
	// Since md/9, html/10 and akn/9 each group is a paragraph of its own.
	docWants(t, d, "en", []string{"Against: Bubnov, Starostin.", "For: Bubnov, Starostin.", "Did not vote: Ola."}, nil)
	docWants(t, in(t, f, "de"), "de", []string{"Nicht abgestimmt haben: Ola."}, nil)
	md := string(Markdown(d))
	if n := strings.Count(md, "Did not vote"); n != 2 {
		t.Errorf("%d roll calls name who did not vote, want 2 (not the one after a walkout with one unnamed)", n)
	}
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(old), "Did not vote") {
		t.Errorf("md/5 no longer says what it published")
	}
}

// TestOrganizationsInNumberOrder: the delegating organizations are listed
// in the order of their published numbers (1, 2, 10), not of entry; md/5
// keeps the order of entry.
func TestOrganizationsInNumberOrder(t *testing.T) {
	script := strings.Replace(readingScript, `"args":{"id":"org","name":"Org","kind":"delegating"}}`,
		`"args":{"id":"org","name":"Org","kind":"delegating","number":"2"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"org-c","name":"Org Ten","kind":"delegating","number":"10"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"org-b","name":"Org One","kind":"delegating","number":"1"}}`, 1)
	d := in(t, replayScript(t, "reading", []byte(script)), "en")
	readingFormats(t, d, func(format, text string) {
		if _, body, ok := strings.Cut(text, "<debateBody>"); ok {
			text = body // Akoma Ntoso's references list them first, by their ids
		}
		one, ten := strings.Index(text, "Org One"), strings.Index(text, "Org Ten")
		if one < 0 || ten < 0 || one > ten {
			t.Errorf("%s: Org One (1) at %d, Org Ten (10) at %d", format, one, ten)
		}
	})
	old, err := RerenderEarlier(d, Stated{Format: FormatMarkdown, Stamp: "md/5", Stamped: true})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(old); strings.Index(s, "Org One") < strings.Index(s, "Org Ten") {
		t.Errorf("md/5 no longer says what it published")
	}
}
