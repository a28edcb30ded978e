package minutes

import (
	"regexp"
	"strings"
	"testing"
)

// earlierVersions10 renders d again as md/10, html/11 and akn/10, the
// versions before agendaSince, and gives each to check.
func earlierVersions10(t *testing.T, d *Document, check func(stamp string, got []byte)) {
	t.Helper()
	renderAs(t, d, []string{"md/10", "html/11", "akn/10"}, check)
}

// TestOrderOfDayAsTheAgendaGivesIt: since md/11, html/12 and akn/11 the
// order of the day of a sitting gives each item's number as the agenda
// does, and the items of the agenda no sitting took up are listed as
// such after the sittings: the 1917 agenda has nine items, of which the
// restored sittings take up 4, 5 and 8. The versions before gave the
// titles alone and left the others out.
func TestOrderOfDayAsTheAgendaGivesIt(t *testing.T) {
	d := march(t)
	docWants(t, d, "en", []string{
		"The order of the day: 4. The attitude towards the Provisional Government.",
		"The order of the day: 5. The attitude to the war.",
		"The order of the day: Whether the defensists who split off may be present; 4. The attitude towards the Provisional Government; 8. The agrarian question.",
		"Items of the order of the day not taken up",
		"1. Local reports", "3. The SDLPR and the Soviet of Workers' and Soldiers' Deputies", "9. The eight-hour day",
	}, []string{"The order of the day: The attitude"})
	md := string(Markdown(d))
	_, list, ok := strings.Cut(md, "## Items of the order of the day not taken up\n\n")
	list, _, _ = strings.Cut(list, "\n\n")
	if want := "- 1\\. Local reports\n- 2\\. Report of the Bureau of the Central Committee\n- 3\\. The SDLPR and the Soviet of Workers' and Soldiers' Deputies\n- 6\\. The organization of the counter-revolutionary forces and the struggle against the counter-revolution\n- 7\\. Preparation for the Constituent Assembly\n- 9\\. The eight-hour day"; !ok || list != want {
		t.Errorf("the items not taken up:\n%s\nwant\n%s", list, want)
	}
	for lang, heading := range map[string]string{"de": "Nicht behandelte Punkte der Tagesordnung", "ru": "Нерассмотренные пункты порядка дня", "fr": "Points de l'ordre du jour non abordés", "es": "Puntos del orden del día no tratados"} {
		docWants(t, in(t, marchFixture(t), lang), lang, []string{heading, "6. The organization of the counter-revolutionary forces"}, nil)
	}
	earlierVersions10(t, d, func(stamp string, got []byte) {
		s := string(got)
		if strings.Contains(s, "not taken up") || strings.Contains(s, "Local reports") || !strings.Contains(s, "The order of the day: The attitude towards the Provisional Government.") {
			t.Errorf("%s does not give the order of the day as it did", stamp)
		}
	})
}

// electionCountScript holds an election whose count, in the order the
// candidates were put up (Ben, Ava, Cal), is not the order of their
// votes (Cal 3, Ava 1, Ben 1), nor their ids' order.
const electionCountScript = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"c","name":"C","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"b1","name":"Branch 1","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ava","name":"Ava"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ben","name":"Ben"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"cal","name":"Cal"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"dan","name":"Dan"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"eve","name":"Eve"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m-ava","person":"ava","organization":"b1","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m-ben","person":"ben","organization":"b1","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m-cal","person":"cal","organization":"b1","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m-dan","person":"dan","organization":"b1","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m-eve","person":"eve","organization":"b1","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m-ava"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m-ben"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m-cal"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m-dan"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m-eve"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"ava"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"ben"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"cal"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"dan"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"eve"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:08:00Z","args":{"id":"e1","title":"Auditor","seats":1,"method":"plurality","candidates":["ben","ava","cal"]}}
{"cmd":"cast_election_ballot","actor":"ava","at":"2026-05-09T09:08:10Z","args":{"election":"e1","voter":"ava","approve":["cal"]}}
{"cmd":"cast_election_ballot","actor":"ben","at":"2026-05-09T09:08:11Z","args":{"election":"e1","voter":"ben","approve":["cal"]}}
{"cmd":"cast_election_ballot","actor":"cal","at":"2026-05-09T09:08:12Z","args":{"election":"e1","voter":"cal","approve":["cal"]}}
{"cmd":"cast_election_ballot","actor":"dan","at":"2026-05-09T09:08:13Z","args":{"election":"e1","voter":"dan","approve":["ava"]}}
{"cmd":"cast_election_ballot","actor":"eve","at":"2026-05-09T09:08:14Z","args":{"election":"e1","voter":"eve","approve":["ben"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"election":"e1"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"election":"e1"}}
`

// TestElectionCountByVotes: since md/11, html/12 and akn/11 an election's
// count lists the candidates as a teller's sheet does, by their votes,
// most first, those of equal votes in the order they were put up (Ben
// before Ava), in every language; the versions before listed them in the
// order put up, as they still do.
func TestElectionCountByVotes(t *testing.T) {
	f := replayScript(t, "election count", []byte(electionCountScript))
	for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
		docWants(t, in(t, f, lang), lang, []string{"Cal 3, Ben 1, Ava 1"}, []string{"Ben 1, Ava 1, Cal 3"})
	}
	earlierVersions10(t, in(t, f, "en"), func(stamp string, got []byte) {
		if !strings.Contains(string(got), "Ben 1, Ava 1, Cal 3") {
			t.Errorf("%s no longer lists the count in the order put up", stamp)
		}
	})
}

// TestElectedByList: those elected by tendency are named by list, then in
// the order of their list (the 1917 conciliationist committee:
// internationalists Kamenev and Ermansky, then revolutionary defensists
// Voitinsky and Lieber), since md/11, html/12 and akn/11; the versions
// before named them in the order the declaration gave, which is neither.
// Those elected as stated keep the order the record gives.
func TestElectedByList(t *testing.T) {
	d := march(t)
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		// (The PDF may break the line over a page, its footer between.)
		got := string(mustRender(t, d, format))
		for _, want := range []string{
			"The following elected: Kamenev, Ermansky, Voitinsky, Lieber.",
			"The following elected: Voitinsky, V. P. Miliutin, Stalin, Ivan A. Sammer, P. N. Sevruk, Krestinsky, Kamenev, Shalva Zurab Eliava, Teodorovich.",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
	}
	earlierVersions10(t, d, func(stamp string, got []byte) {
		if !strings.Contains(string(got), "Kamenev, Voitinsky, Lieber, Ermansky") {
			t.Errorf("%s no longer names the elected in the order declared", stamp)
		}
	})
	ava, ben, cal := Ref{ID: "ava", Name: "Ava"}, Ref{ID: "ben", Name: "Ben"}, Ref{ID: "cal", Name: "Cal"}
	lists := []ElectionList{{Name: "L1", Candidates: []Ref{cal, ava}}, {Name: "L2", Candidates: []Ref{ben}}}
	if got := electedByList(lists, []Ref{ben, ava, cal}); len(got) != 3 || got[0] != cal || got[1] != ava || got[2] != ben {
		t.Errorf("by list: %v", got)
	}
	if got := electedByList(lists, []Ref{cal, ava, ben}); got != nil {
		t.Errorf("in the lists' order already: %v, want nil", got)
	}
	if got := electedByList(lists, []Ref{{Name: "DELEGATE"}, ben, cal}); len(got) != 3 || got[0] != cal || got[1] != ben || got[2].Name != "DELEGATE" {
		t.Errorf("one on no list: %v", got)
	}
}

// TestHallNamedNotCounted: in the 1917 minutes, those who left the hall
// and the one who returned are all named, and md/11, html/12 and akn/11
// name them without also counting them, in every language; the walkout,
// of whom three are not named, is counted as before.
func TestHallNamedNotCounted(t *testing.T) {
	d := march(t)
	docWants(t, d, "en", []string{
		"Left the hall: Khinchuk, Rozanov, Ehrlich, Lieber, Ermansky, Kopelinsky, N. D. Sokolov. The Mensheviks leave for a faction session",
		"Returned to the hall: Voitinsky. Voitinsky on his return",
		"7 walked out (Voitinsky, P. N. Sevruk, Shalva Zurab Eliava, Yakhontov and 3 others not named): Seven men",
	}, []string{"1 returned to the hall", "7 left the hall"})
	for lang, want := range map[string]string{"de": "Es verließen den Saal: Khinchuk,", "ru": "Покинули зал: Khinchuk,", "fr": "Sortie de la salle : Khinchuk,", "es": "Abandonaron la sala: Khinchuk,"} {
		docWants(t, in(t, marchFixture(t), lang), lang, []string{want}, nil)
	}
	earlierVersions10(t, d, func(stamp string, got []byte) {
		if !strings.Contains(string(got), "1 returned to the hall (Voitinsky): Voitinsky") {
			t.Errorf("%s no longer counts who returned as it did", stamp)
		}
	})
}

// TestDocumentLeadEndsAsTitle: since md/11, html/12 and akn/11 a document
// read into the record is introduced as a heading, without a full stop,
// whether or not who read it or adopted it follows in brackets; the
// versions before closed the lead of one without brackets with a full
// stop.
func TestDocumentLeadEndsAsTitle(t *testing.T) {
	d := march(t)
	md := string(Markdown(d))
	for _, want := range []string{"**Resolution of the Moscow District Committee**\n", "**Resolution of the Krasnoyarsk Soviet of Workers', Soldiers' and Cossacks' Deputies**\n", "**Resolution of the Helsingfors Committee of the SDLPR (read by S. A. Garin)**\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}
	if m := regexp.MustCompile(`(?m)^\*\*[^*\n]*\.\*\*$`).FindString(md); m != "" {
		t.Errorf("a document's lead ends in a full stop: %s", m)
	}
	earlierVersions10(t, d, func(stamp string, got []byte) {
		if !strings.Contains(string(got), "Resolution of the Moscow District Committee.") {
			t.Errorf("%s no longer closes the lead as it did", stamp)
		}
	})
}

// TestHTMLContentsDatedAndWhole: since html/12 the HTML contents date
// each sitting and list the sections outside the sittings ("Notes on the
// record") and the items not taken up, each a link to a heading the
// document holds; html/11 listed the sittings alone, undated.
func TestHTMLContentsDatedAndWhole(t *testing.T) {
	d := march(t)
	h := string(HTML(d))
	nav, _, _ := strings.Cut(h, "</nav>")
	for _, want := range []string{
		`<li><a href="#h-notes">Notes on the record</a></li>`,
		`<li><a href="#sitting-s-1">The attitude toward the Provisional Government</a> (1917-03-29)</li>`,
		`<li><a href="#sitting-s-5">The Provisional Government; the agrarian question</a> (1917-03-31)</li>`,
		`<li><a href="#h-not-taken-up">Items of the order of the day not taken up</a></li>`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("the contents lack %s", want)
		}
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(nav, -1) {
		if !strings.Contains(h, `id="`+m[1]+`"`) {
			t.Errorf("the contents link to #%s, which the document does not hold", m[1])
		}
	}
	fr := string(HTML(in(t, marchFixture(t), "fr")))
	if !strings.Contains(fr, `<li><a href="#h-notes">Notes sur le procès-verbal</a></li>`) || !strings.Contains(fr, "(29 mars 1917)</li>") {
		t.Error("the French contents are not dated in French or lack the notes")
	}
	renderAs(t, d, []string{"html/11"}, func(stamp string, got []byte) {
		nav, _, _ := strings.Cut(string(got), "</nav>")
		if strings.Contains(nav, "#h-notes") || strings.Contains(nav, "(1917-03-29)") {
			t.Errorf("%s gives contents it did not", stamp)
		}
	})
}
