package minutes

import (
	"html"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/internal/pdftext"
)

// readingScript holds what a reader of the minutes misread before: two
// votes declared after both were put, a departure from the hall and a
// return with the persons named (and some not), a roll call in which
// nobody voted, a speaker deprived of the floor for a reason with a colon
// of its own, a guest who takes the chair with a note that says so, and a
// count that does not decide.
const readingScript = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"r","name":"R","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"org","name":"Org","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"starostin","name":"Starostin"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:03Z","args":{"id":"bubnov","name":"Bubnov"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:04Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:04Z","args":{"id":"kim","name":"Kim Lee"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:04Z","args":{"id":"ola","name":"Ola"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-s","person":"starostin","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:06Z","args":{"id":"md-b","person":"bubnov","organization":"org","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:06Z","args":{"id":"md-o","person":"ola","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-s"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:08Z","args":{"mandate":"md-b"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:08Z","args":{"mandate":"md-o"}}
{"cmd":"check_in","actor":"starostin","at":"2026-05-09T09:00:09Z","args":{"person":"starostin"}}
{"cmd":"check_in","actor":"bubnov","at":"2026-05-09T09:00:10Z","args":{"person":"bubnov"}}
{"cmd":"check_in","actor":"ola","at":"2026-05-09T09:00:10Z","args":{"person":"ola"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","time":"3:30 a.m.","chair":"ann","guests":["kim"]}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"mo-a","kind":"substantive","title":"Raise the dues","mover":"starostin"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:05:00Z","args":{"id":"v-a","motion":"mo-a","method":"roll_call"}}
{"cmd":"cast_ballot","actor":"starostin","at":"2026-05-09T09:05:10Z","args":{"vote":"v-a","voter":"starostin","choice":"against"}}
{"cmd":"cast_ballot","actor":"bubnov","at":"2026-05-09T09:05:20Z","args":{"vote":"v-a","voter":"bubnov","choice":"against"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"vote":"v-a"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:07:00Z","args":{"id":"mo-b","kind":"substantive","title":"Lower the dues","mover":"bubnov"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:08:00Z","args":{"id":"v-b","motion":"mo-b","method":"roll_call"}}
{"cmd":"cast_ballot","actor":"starostin","at":"2026-05-09T09:08:10Z","args":{"vote":"v-b","voter":"starostin","choice":"for"}}
{"cmd":"cast_ballot","actor":"bubnov","at":"2026-05-09T09:08:20Z","args":{"vote":"v-b","voter":"bubnov","choice":"for"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"vote":"v-b"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"vote":"v-a"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:11:00Z","args":{"vote":"v-b"}}
{"cmd":"leave_hall","actor":"ann","at":"2026-05-09T09:12:00Z","args":{"persons":["starostin","bubnov"],"unnamed":1,"walkout":true,"note":"They leave in protest."}}
{"cmd":"return_to_hall","actor":"ann","at":"2026-05-09T09:13:00Z","args":{"persons":["bubnov"]}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:14:00Z","args":{"id":"mo-c","kind":"substantive","title":"Adjourn","mover":"ola"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:15:00Z","args":{"id":"v-c","motion":"mo-c","method":"roll_call"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:16:00Z","args":{"vote":"v-c"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:17:00Z","args":{"vote":"v-c"}}
{"cmd":"give_floor","actor":"ann","at":"2026-05-09T09:18:00Z","args":{"item":"i1","person":"kim"}}
{"cmd":"deprive_floor","actor":"ann","at":"2026-05-09T09:19:00Z","args":{"item":"i1","reason":"Ruled out of order: not on the agenda."}}
{"cmd":"change_presidium","actor":"ann","at":"2026-05-09T09:20:00Z","args":{"sitting":"s1","add":["kim"],"chair":"kim","note":"Comrade Kim Lee is added to the presidium and takes the chair."}}
{"cmd":"move_motion","actor":"kim","at":"2026-05-09T09:21:00Z","args":{"id":"mo-d","kind":"substantive","title":"Close the list","mover":"ola"}}
{"cmd":"open_vote","actor":"kim","at":"2026-05-09T09:22:00Z","args":{"id":"v-d","motion":"mo-d","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"kim","at":"2026-05-09T09:23:00Z","args":{"vote":"v-d"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T09:24:00Z","args":{"vote":"v-d","for":"0-1","against":"0-1"}}
{"cmd":"declare_result","actor":"kim","at":"2026-05-09T09:25:00Z","args":{"vote":"v-d","outcome":"carried"}}
`

// readingFormats renders d in every format as a reader sees its text:
// Markdown without its escapes, HTML and Akoma Ntoso unescaped, the PDF
// as pdftotext reads it, every run of white space one space. The PDF comes
// last, checked after the others (check), since without pdftotext the
// test is skipped there.
func readingFormats(t *testing.T, d *Document, check func(format, text string)) {
	t.Helper()
	for _, f := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		b, err := Render(d, f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == FormatMarkdown {
			s = strings.ReplaceAll(s, `\`, "")
		} else {
			s = html.UnescapeString(s)
		}
		check(f, strings.Join(strings.Fields(s), " "))
	}
	b, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	check(FormatPDF, strings.Join(strings.Fields(pdftext.Text(t, b)), " "))
}

// readingWants checks that every format of the minutes of readingScript
// in lang says each of want, and none of unwanted.
func readingWants(t *testing.T, lang string, want, unwanted []string) {
	t.Helper()
	f := replayScript(t, "reading", []byte(readingScript))
	docWants(t, in(t, f, lang), lang, want, unwanted)
}

// docWants checks that every format of d (in lang) says each of want, and
// none of unwanted.
func docWants(t *testing.T, d *Document, lang string, want, unwanted []string) {
	t.Helper()
	readingFormats(t, d, func(format, text string) {
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s %s lacks %q", lang, format, w)
			}
		}
		for _, w := range unwanted {
			if strings.Contains(text, w) {
				t.Errorf("%s %s says %q", lang, format, w)
			}
		}
	})
}

// TestResultApartNamesItsVote: two votes put, then both declared: each
// result names the question it belongs to, since neither follows its own;
// a result that follows its question does not.
func TestResultApartNamesItsVote(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"Result of the vote on “Raise the dues”: (For – 0; against – 2.) Defeated.", "Result of the vote on “Lower the dues”: (For – 2; against – 0.) Carried."},
		"de": {"Ergebnis der Abstimmung über „Raise the dues“: (Dafür – 0; dagegen – 2.) Abgelehnt."},
		"ru": {"Результат голосования по вопросу «Raise the dues»:"},
		"fr": {"Résultat du vote sur « Raise the dues » :"},
		"es": {"Resultado de la votación sobre «Lower the dues»:"},
	} {
		readingWants(t, lang, want, nil)
	}
	readingWants(t, "en", nil, []string{"Result of the vote on “Adjourn”", "Result of the vote on “Close the list”"})
}

// TestHallNamesWhoLeft: a departure from the hall and a return name the
// persons the record names, and count those it does not; where it names
// everyone, md/11, html/12 and akn/11 name them without counting them
// (hallNamed), as the renderers before did not ("1 returned to the hall
// (Bubnov).").
func TestHallNamesWhoLeft(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"3 walked out (Starostin, Bubnov and 1 other not named): They leave in protest.", "Returned to the hall: Bubnov."},
		"de": {"(Starostin, Bubnov und 1 weitere Person ohne Namen)", "Es kehrte in den Saal zurück: Bubnov."},
		"ru": {"(Starostin, Bubnov и ещё 1 человек, не названный по имени)", "Вернулись в зал: Bubnov."},
		"fr": {"(Starostin, Bubnov et 1 autre personne non nommée)", "Retour dans la salle : Bubnov."},
		"es": {"(Starostin, Bubnov y 1 persona más sin nombrar)", "Volvió a la sala: Bubnov."},
	} {
		readingWants(t, lang, want, []string{"(Bubnov).", "1 returned", "1 Person kehrte", "1 человек вернулся", "1 personne est revenue", "1 persona volvió"})
	}
	f := replayScript(t, "reading", []byte(readingScript))
	earlierVersions10(t, in(t, f, "en"), func(stamp string, got []byte) {
		if !strings.Contains(string(got), "1 returned to the hall (Bubnov).") {
			t.Errorf("%s no longer counts and names who returned as it did", stamp)
		}
	})
}

// TestEmptyRollCallIsCounted: a roll call closed with no ballot cast is a
// count of none, which the rules decide (no majority of none: defeated);
// the minutes say 0 cast, not that no count was recorded.
func TestEmptyRollCallIsCounted(t *testing.T) {
	f := replayScript(t, "reading", []byte(readingScript))
	if r := f.state.Votes["v-c"].Result; r == nil || r.Outcome != "defeated" || r.Arithmetic != "0 for, 0 against, 0 cast; 1 needed; defeated" {
		t.Fatalf("the empty roll call's result: %+v", r)
	}
	for lang, want := range map[string][]string{
		"en": {"(For – 0; against – 0.) Defeated.", "0 for, 0 against, 0 cast; 1 needed; defeated."},
		"de": {"(Dafür – 0; dagegen – 0.) Abgelehnt.", "0 abgegeben"},
		"ru": {"(За – 0; против – 0.)"},
		"fr": {"(Pour – 0 ; contre – 0.)"},
		"es": {"(A favor – 0; en contra – 0.)"},
	} {
		readingWants(t, lang, want, []string{"No count recorded", "Keine Zählung"})
	}
}

// TestEmptyRollCallDeclaredBefore: a record made when an empty roll call
// was uncounted holds the chair's outcome, which replay keeps; its
// minutes say that none was cast, in French since md/8 with the outcome
// in the form of the result's line ("Adopté." … "proclamé adopté"), which
// md/7 gave agreeing with the motion ("proclamé adoptée").
func TestEmptyRollCallDeclaredBefore(t *testing.T) {
	f := replayScript(t, "reading", []byte(readingScript))
	v := f.state.Votes["v-c"]
	v.Result.Outcome, v.Result.Arithmetic = "carried", "no count recorded; declared carried"
	v.Result.For, v.Result.Against = assembly.Exact(0), assembly.Exact(0)
	for lang, want := range map[string]string{"en": "0 cast; declared carried", "de": "0 abgegeben; festgestellt: angenommen", "ru": "подано 0 голосов; объявлено: принято", "fr": "0 exprimé ; proclamé adopté.", "es": "0 emitidos; proclamado aprobada"} {
		md := strings.ReplaceAll(string(Markdown(in(t, f, lang))), `\`, "")
		if !strings.Contains(md, want) {
			t.Errorf("%s: the minutes lack %q", lang, want)
		}
	}
	earlierVersions8(t, in(t, f, "fr"), func(stamp string, got []byte) {
		if !strings.Contains(string(got), "0 exprimé ; proclamé adoptée") {
			t.Errorf("%s no longer gives the outcome as it did", stamp)
		}
	})
}

// TestReadsAsSentences: a reason with a colon of its own follows the
// deprival as its own sentence; a change of the presidium says who was
// added and takes the chair, and then its note in the record's words;
// a count that does not decide ends in a sentence; the sitting's heading
// names every chair it had, in order.
func TestReadsAsSentences(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"The chair deprives Kim Lee of the floor. Ruled out of order: not on the agenda.", "Added to the presidium: Kim Lee; Kim Lee takes the chair. Comrade Kim Lee is added to the presidium and takes the chair.", "the count does not decide, and the chair declares it carried.", "Chair: Ann, then Kim Lee."},
		"de": {"Der Vorsitz entzieht Kim Lee das Wort. Ruled out of order:", "die Zählung entscheidet nicht, und der Vorsitz erklärt den Antrag für angenommen.", "Vorsitz: Ann, dann Kim Lee."},
		"ru": {"и председатель объявляет: принято", "Председатель: Ann, затем Kim Lee."},
		"fr": {"et la présidence la déclare adoptée", "Présidence : Ann, puis Kim Lee."},
		"es": {"y la presidencia la declara aprobada", "Preside: Ann, luego Kim Lee."},
	} {
		readingWants(t, lang, want, []string{"of the floor: Ruled", "; declared; "})
	}
}
