package minutes

import (
	"encoding/xml"
	"html"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"plenum/i18n"
)

// in renders a fixture's minutes in a language.
func in(t *testing.T, f fixture, lang string) *Document {
	t.Helper()
	return BuildIn(f.state, f.cp, lang)
}

func marchFixture(t *testing.T) fixture {
	march(t)
	return march1917.f
}

// TestMinutesInRussian: the demo's minutes in Russian, in every format
// that states a language: the words the minutes add are Russian, the
// record's names stand as recorded, the language is stated and read back.
func TestMinutesInRussian(t *testing.T) {
	d := in(t, marchFixture(t), "ru")
	if d.Lang != "ru" {
		t.Fatalf("Lang = %q", d.Lang)
	}
	md := string(Markdown(d))
	for _, want := range []string{
		"## Организации и делегаты", "## Контрольная точка", "Председатель: Victor P. Nogin.", "Секретари: Boki, Drabkina.",
		"Дата: 29 марта 1917 г.", "Порядок дня: 4. The attitude towards the Provisional Government.",
		"Докладчик: Stalin. Содокладчик: Voitinsky.", "**Stalin (докладчик):**", "Поставлено на голосование",
		"Принято.", "Заседание закрывается.", "(совещательный голос",
		"Этот документ построен по первым ", "<!-- plenum-lang: ru -->", "- Ключ проверки: `",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Russian minutes lack %q", want)
		}
	}
	for _, english := range []string{"## Organizations and delegates", "Chair: ", "Carried.", "The sitting is closed.", "Present and entitled to vote"} {
		if strings.Contains(md, english) {
			t.Errorf("the Russian minutes still say %q", english)
		}
	}
	h := string(HTML(d))
	if !strings.Contains(h, `<html lang="ru">`) || !strings.Contains(h, "<title>Протокол: ") {
		t.Error("the Russian HTML does not state its language or title")
	}
	akn := string(AKN(d))
	if !strings.Contains(akn, `<FRBRlanguage language="rus"/>`) || !strings.Contains(akn, "/rus@") {
		t.Error("the Russian Akoma Ntoso does not state its language")
	}
	for format, doc := range map[string]string{"md": md, "html": h, "akn": akn} {
		st, err := ReadStated([]byte(doc))
		if err != nil || st.Lang != "ru" || st.VerifierKey != testVerifierKey {
			t.Errorf("%s: stated %+v, %v; want the language ru and the key", format, st, err)
		}
	}
	// English states no language, as every document before the catalogs.
	st, err := ReadStated(Markdown(march(t)))
	if err != nil || st.Lang != "" || st.VerifierKey != testVerifierKey {
		t.Errorf("English md: stated %+v, %v", st, err)
	}
	if _, err := PDF(d); err != nil {
		t.Errorf("the Russian PDF: %v", err)
	}
}

// TestCountsInEveryLanguage: a vote's counts and outcome, a ballot's
// weight in the plural its language needs, attendance, in each language.
func TestCountsInEveryLanguage(t *testing.T) {
	f := replayScript(t, "counts", []byte(countsScript))
	want := map[string][]string{
		"ru": {"Первый подсчёт", "Третий подсчёт, решающий: за – ", "против – ", "Присутствовали с правом голоса: ", "(3 голоса)", "(по доверенности за Di)", "2 покинули заседание", "Принято."},
		"de": {"Erste Zählung", "Dritte Zählung, maßgeblich: dafür – ", "dagegen – ", "Anwesend und stimmberechtigt: ", "(3 Stimmen)", "Angenommen."},
		"fr": {"Premier décompte", "Troisième décompte, déterminant : pour – ", "contre – ", "Présents et ayant droit de vote : ", "(3 voix)", "Adopté."},
		"es": {"Primer recuento", "Tercer recuento, decisivo: a favor – ", "en contra – ", "Presentes con derecho a voto: ", "(3 votos)", "Aprobada."},
		"en": {"First count", "Third count, deciding: for – ", "against – ", "Present and entitled to vote: ", "(3 votes)", "Carried."},
	}
	for lang, phrases := range want {
		md := string(Markdown(in(t, f, lang)))
		for _, p := range phrases {
			if !strings.Contains(md, p) {
				t.Errorf("%s: the counts lack %q", lang, p)
			}
		}
	}
}

// TestPseudoLocale renders every document in the pseudo-locale, where
// every message of the catalog is wrapped in ⟦ ⟧, and fails on any word
// outside the wrappers that is not the record's own: a sentence the
// minutes add without the catalog.
func TestPseudoLocale(t *testing.T) {
	fixtures := map[string]fixture{"march-1917": marchFixture(t)}
	for name, file := range map[string]string{"coop-2026": "coop-2026.jsonl", "congress-2026": "congress-2026.jsonl"} {
		fixtures[name] = replayScript(t, file, mustRead(t, "../testdata/"+file))
	}
	fixtures["counts"] = replayScript(t, "counts", []byte(countsScript))
	fixtures["ties"] = replayScript(t, "ties", []byte(tiesScript))
	for name, f := range fixtures {
		d := in(t, f, i18n.Pseudo)
		record := recordWords(d)
		for format, text := range map[string]string{
			"md":     string(Markdown(d)),
			"html":   htmlText(string(HTML(d))),
			"akn":    xmlText(t, AKN(d)),
			"book":   htmlText(string(BookHTML(d, ""))),
			"popolo": string(mustPopolo(t, d)),
		} {
			outside := unwrapped(text)
			seen := map[string]bool{}
			for _, w := range words(outside) {
				if record[w] || formatWords[w] || seen[w] {
					continue
				}
				seen[w] = true
				t.Errorf("%s %s: %q is outside the catalog's messages and not the record's (…%s…)", name, format, w, near(outside, w))
			}
		}
	}
}

// formatWords are the words of the formats themselves: markup, the
// names of JSON fields, the machine-readable values of Popolo.
var formatWords = map[string]bool{"plenum": true, "lang": true, "en": true, "xa": true, "checkpoint": true,
	"renderer": true, "md": true, "html": true, "akn": true} // the stamp: "plenum-renderer: md/1"

func mustPopolo(t *testing.T, d *Document) []byte {
	b, err := Popolo(d)
	if err != nil {
		t.Fatal(err)
	}
	// Only the human labels: the field names and the classifications
	// are machine-readable and never translated.
	var out strings.Builder
	for _, m := range regexp.MustCompile(`"(label|note|name|attribution_text|counts_as_recorded)": "((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(string(b), -1) {
		out.WriteString(m[2] + "\n")
	}
	return []byte(out.String())
}

// unwrapped is the text outside every ⟦ ⟧.
func unwrapped(s string) string { return i18n.Unwrapped(s) }

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

func near(s, w string) string {
	i := strings.Index(strings.ToLower(s), w)
	lo, hi := max(0, i-40), min(len(s), i+len(w)+40)
	return strings.ToValidUTF8(s[lo:hi], "")
}

var (
	styleRE = regexp.MustCompile(`(?s)<style>.*?</style>|<head>.*?<title>|</title>.*?</head>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

// htmlText is the text of an HTML document a reader sees.
func htmlText(s string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(styleRE.ReplaceAllString(s, " "), " "))
}

// xmlText is the character data of an XML document and its showAs labels.
func xmlText(t *testing.T, doc []byte) string {
	dec := xml.NewDecoder(strings.NewReader(string(doc)))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			return b.String()
		}
		switch x := tok.(type) {
		case xml.CharData:
			b.Write(x)
			b.WriteByte('\n')
		case xml.StartElement:
			for _, a := range x.Attr {
				if a.Name.Local == "showAs" {
					b.WriteString(a.Value + "\n")
				}
			}
		}
	}
}

// recordWords are the words of the record's own text in a document: every
// string of it except the machine-readable kinds and states.
func recordWords(d *Document) map[string]bool {
	out := map[string]bool{}
	skip := map[string]bool{"Kind": true, "Status": true, "Method": true, "Sub": true, "OutcomeID": true, "Capacity": true,
		"Choice": true, "Word": true, "Lang": true, "Procedure": true, "Op": true, "Threshold": true, "RuleThreshold": true, "ThresholdID": true,
		// The rules' words, which the minutes say in their language.
		"Arithmetic": true, "Departure": true}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			for _, w := range words(v.String()) {
				out[w] = true
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(k)
				walk(v.MapIndex(k))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() && !skip[f.Name] {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(d))
	return out
}

// TestArithmeticInTheDocumentsLanguage: the arithmetic the rules record
// in English with a result, a departure from the rules' threshold and an
// election's count are said in the document's language: in the
// pseudo-locale nothing of them is outside the catalog's messages but the
// titles of the drafts a choice is between; in Russian the demo's counts
// read as a Russian chair would write them. The English minutes keep the
// recorded line (what plenum computed from a count a restored record's
// source gives marked as such: sourcecounts.go).
func TestArithmeticInTheDocumentsLanguage(t *testing.T) {
	fixtures := map[string]fixture{"march-1917": marchFixture(t), "counts": replayScript(t, "counts", []byte(countsScript)),
		"withdrawn": replayScript(t, "withdrawn.jsonl", []byte(withdrawnScript)), "ties": replayScript(t, "ties.jsonl", []byte(tiesScript))}
	for _, file := range []string{"coop-2026.jsonl", "congress-2026.jsonl"} {
		fixtures[file] = replayScript(t, file, mustRead(t, "../testdata/"+file))
	}
	arith, departures, elections := 0, 0, 0
	for name, f := range fixtures {
		d := in(t, f, i18n.Pseudo)
		for _, v := range d.Votes {
			titles := map[string]bool{}
			for _, o := range v.Options {
				for _, w := range words(o.Title) {
					titles[w] = true
				}
			}
			if v.Arithmetic != "" {
				arith++
			}
			for _, w := range words(unwrapped(v.Arithmetic)) {
				if !titles[w] {
					t.Errorf("%s, vote %s: %q of the arithmetic %q is not from the catalog", name, v.ID, w, v.Arithmetic)
				}
			}
			if v.Departure != "" {
				departures++
			}
			if w := words(unwrapped(v.Departure)); len(w) > 0 {
				t.Errorf("%s, vote %s: the departure %q is not from the catalog", name, v.ID, v.Departure)
			}
		}
		for _, e := range d.Elections {
			if e.Arithmetic == "" || strings.HasPrefix(e.Arithmetic, "elected as stated") {
				continue
			}
			elections++
			if w := words(unwrapped(e.Arithmetic)); len(w) > 0 {
				t.Errorf("%s, election %s: %q of the count %q is not from the catalog", name, e.ID, w, e.Arithmetic)
			}
		}
	}
	if arith < 20 || departures == 0 || elections < 2 {
		t.Errorf("the fixtures have %d arithmetic lines, %d departures, %d counted elections; the test reads too few", arith, departures, elections)
	}

	ru := Markdown(in(t, marchFixture(t), "ru"))
	for _, want := range []string{
		`Результат: после 3 туров голосования: за – 74, против – 66 \[выведено программой plenum: подано голосов – 140; необходимо – 71; принято\].`,
		`Результат: за – 3, против – все остальные \[выведено программой plenum: отклонено\].`,
	} {
		if !strings.Contains(string(ru), want) {
			t.Errorf("the Russian minutes lack %q", want)
		}
	}
	en := Markdown(march(t))
	if !strings.Contains(string(en), `Result: after 3 ballots: 74 for, 66 against \[worked out by plenum: 140 cast; 71 needed; carried\].`) {
		t.Error("the English minutes no longer give the recorded arithmetic")
	}
	w := in(t, fixtures["withdrawn"], "de")
	for _, e := range w.Elections {
		if e.ID == "e1" && !strings.HasPrefix(e.Arithmetic, "übertragbare Einzelstimmgebung (schottische Regeln), 2 Stimmzettel: Starostin ") {
			t.Errorf("the German count of e1: %q", e.Arithmetic)
		}
	}
}

// TestRuleWordsInTheDocumentsLanguage: the entries of procedure the rules
// word in English (the list closed, the discussion closed, the floor
// taken away, leaving and returning to the hall, speaking time allotted,
// a vote or an election withdrawn) are said from the catalog in another
// language: in the pseudo-locale none of the rules' phrases is left
// outside the catalog's messages, and the fixtures hold every such entry.
func TestRuleWordsInTheDocumentsLanguage(t *testing.T) {
	floor := withdrawnScript + `{"cmd":"allot_speaking_time","actor":"ann","at":"2026-05-09T09:13:00Z","args":{"item":"i1","allowances":{"org":600},"note":"by agreement"}}
{"cmd":"close_list","actor":"ann","at":"2026-05-09T09:14:00Z","args":{"item":"i1"}}
`
	fixtures := []fixture{marchFixture(t), replayScript(t, "counts", []byte(countsScript)), replayScript(t, "floor.jsonl", []byte(floor))}
	for _, file := range []string{"coop-2026.jsonl", "congress-2026.jsonl"} {
		fixtures = append(fixtures, replayScript(t, file, mustRead(t, "../testdata/"+file)))
	}
	phrases := regexp.MustCompile(`The list of speakers is closed|Discussion closed|deprives .* of the floor|\d+ (left the hall|walked out|returned to the hall)|Speaking time allotted|is withdrawn|assembly's consent|No ballot had been cast|\d+ (minutes?|seconds?)`)
	kinds := map[string]int{}
	for _, f := range fixtures {
		for _, r := range f.state.Record {
			kinds[r.Kind]++
		}
		md := unwrapped(string(Markdown(in(t, f, i18n.Pseudo))))
		for _, p := range phrases.FindAllString(md, -1) {
			t.Errorf("%s: %q is not from the catalog (…%s…)", f.state.Assembly.ID, p, near(md, strings.ToLower(p)))
		}
	}
	for _, k := range []string{"list_closed", "discussion_closed", "floor_deprived", "left_hall", "returned_to_hall", "speaking_time_allotted", "vote_withdrawn", "election_withdrawn"} {
		if kinds[k] == 0 {
			t.Errorf("no fixture records %s; the test does not read it", k)
		}
	}
	ru := string(Markdown(in(t, marchFixture(t), "ru")))
	for _, want := range []string{"Прения прекращены.", "7 человек покинули зал в знак протеста (Voitinsky, P. N. Sevruk, Shalva Zurab Eliava, Yakhontov и ещё 3 человека, не названных по имени): Seven men leave the hall", "Вернулись в зал: Voitinsky. Voitinsky"} {
		if !strings.Contains(ru, want) {
			t.Errorf("the Russian minutes lack %q", want)
		}
	}
}
