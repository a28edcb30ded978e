package minutes

import (
	"bytes"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plenum/internal/pdftext"
)

// coopSilentScript is the cooperative's meeting with what its
// secretary did not write up: Dev Patel asks to speak on the solar panels
// and is still on the list when the previous question closes the
// discussion; Gus Brandt takes the floor on the bylaw, and Jon Abara on a
// point of order, of which Ben wrote no notes; Ivy Chen's point of order
// Ben wrote as an interjection.
func coopSilentScript(t *testing.T) []byte {
	script := string(mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl")))
	insert := func(after, line string) { script = insertAfter(t, script, after, line) }
	insert(`"text": "We have been talking for an hour!"}}`,
		`{"cmd": "request_floor", "actor": "dev", "at": "2026-05-09T10:39:30+02:00", "args": {"item": "i-solar", "person": "dev", "side": "for"}}`)
	insert(`{"cmd": "end_speech", "actor": "ann", "at": "2026-05-09T11:05:00+02:00", "args": {"item": "i-bylaw"}}`,
		`{"cmd": "give_floor", "actor": "ann", "at": "2026-05-09T11:05:00+02:00", "args": {"item": "i-bylaw", "person": "gus"}}
{"cmd": "end_speech", "actor": "ann", "at": "2026-05-09T11:06:00+02:00", "args": {"item": "i-bylaw"}}
{"cmd": "request_floor", "actor": "ivy", "at": "2026-05-09T11:06:00+02:00", "args": {"item": "i-bylaw", "person": "ivy", "kind": "point_of_order"}}
{"cmd": "give_floor", "actor": "ann", "at": "2026-05-09T11:06:00+02:00", "args": {"item": "i-bylaw", "person": "ivy"}}
{"cmd": "record_interjection", "actor": "ben", "at": "2026-05-09T11:06:00+02:00", "args": {"kind": "interruption", "by": "ivy", "text": "The proxy form is not before the meeting"}}
{"cmd": "end_speech", "actor": "ann", "at": "2026-05-09T11:07:00+02:00", "args": {"item": "i-bylaw"}}
{"cmd": "request_floor", "actor": "jon", "at": "2026-05-09T11:07:00+02:00", "args": {"item": "i-bylaw", "person": "jon", "kind": "point_of_order"}}
{"cmd": "give_floor", "actor": "ann", "at": "2026-05-09T11:07:00+02:00", "args": {"item": "i-bylaw", "person": "jon"}}
{"cmd": "end_speech", "actor": "ann", "at": "2026-05-09T11:08:00+02:00", "args": {"item": "i-bylaw"}}`)
	return []byte(script)
}

// insertAfter is the coop's script with lines inserted after the line
// that holds after.
func insertAfter(t *testing.T, script, after, lines string) string {
	t.Helper()
	i := strings.Index(script, after)
	if i < 0 {
		t.Fatalf("the coop's script has no %q", after)
	}
	i += strings.Index(script[i:], "\n") + 1
	return script[:i] + lines + "\n" + script[i:]
}

// TestTurnsWithoutNotesAndTheDroppedList: md/7, html/8 and akn/7 name a
// speaker whose turn the secretary wrote no notes of ("Gus Brandt spoke."),
// and those still on the list of speakers when the discussion was closed
// ("The discussion was closed; still on the list: Dev Patel."), in the
// document's language; a turn with notes is not named twice. The
// renderers before (md/6, html/7, akn/6) render as they did.
func TestTurnsWithoutNotesAndTheDroppedList(t *testing.T) {
	f := replayScript(t, "coop-2026.jsonl with a turn without notes and one left on the list", coopSilentScript(t))
	want := map[string][]string{
		"en": {"Gus Brandt spoke.", "The discussion was closed; still on the list: Dev Patel.", "Jon Abara spoke on a point of order."},
		"de": {"Gus Brandt sprach.", "Die Aussprache ist geschlossen; noch auf der Rednerliste: Dev Patel.", "Jon Abara sprach zur Geschäftsordnung."},
		"ru": {"Выступление: Gus Brandt.", "Прения прекращены; в списке ораторов оставались: Dev Patel.", "К порядку ведения: Jon Abara."},
		"fr": {"Gus Brandt a pris la parole.", "La discussion est close ; restaient inscrits : Dev Patel.", "Jon Abara a pris la parole pour un rappel au règlement."},
		"es": {"Gus Brandt hizo uso de la palabra.", "Se cierra el debate; quedaban en la lista de oradores: Dev Patel.", "Jon Abara hizo uso de la palabra por una cuestión de orden."},
	}
	for lang, w := range want {
		readingFormats(t, BuildIn(f.state, f.cp, lang), func(format, got string) {
			for _, s := range w {
				if strings.Count(got, s) != 1 {
					t.Errorf("%s %s: want %q once, got it %d times", lang, format, s, strings.Count(got, s))
				}
			}
			for _, s := range []string{"Hal Ostrowski spoke.", "Eli Navarro spoke.", "Dev Patel spoke.", "Ivy Chen spoke"} {
				if lang == "en" && strings.Contains(got, s) {
					t.Errorf("%s %s: %q, whose turn has notes", lang, format, s)
				}
			}
		})
	}
	d := Build(f.state, f.cp)
	earlierVersions(t, d, func(stamp string, got []byte) {
		for _, s := range []string{"spoke.", "still on the list"} {
			if bytes.Contains(got, []byte(s)) {
				t.Errorf("%s gives %q, which only the versions after give", stamp, s)
			}
		}
		if !bytes.Contains(got, []byte("Discussion closed.")) {
			t.Errorf("%s no longer says the discussion closed as it did", stamp)
		}
	})
}

// TestMandateCommissionNamed: md/7, html/8 and akn/7 name the mandate
// commission with the mandates, as the set-up gives it (the coop's: Cara
// Mendes); an administrator who holds the role too (the editor of the
// restored 1917 record holds every role) is not named as on it.
func TestMandateCommissionNamed(t *testing.T) {
	d := coop(t)
	readingFormats(t, d, func(format, got string) {
		if strings.Count(got, "Mandate commission: Cara Mendes.") != 1 {
			t.Errorf("%s: the coop's minutes do not name the mandate commission once", format)
		}
		org := strings.Index(got, "Organizations and delegates")
		if i := strings.Index(got, "Mandate commission"); i < org {
			t.Errorf("%s: the mandate commission is not named under the mandates", format)
		}
	})
	readingFormats(t, march(t), func(format, got string) {
		if strings.Contains(got, "Mandate commission") {
			t.Errorf("%s: the 1917 minutes name the editor of the record as the mandate commission", format)
		}
	})
	earlierVersions(t, d, func(stamp string, got []byte) {
		if bytes.Contains(got, []byte("Mandate commission")) {
			t.Errorf("%s names the mandate commission, which only the versions after do", stamp)
		}
	})
}

// TestOvertakenReasonInTheDocumentsLanguage: why an amendment was
// overtaken is recorded in English, in plenum's words; md/7, html/8 and
// akn/7 give those words in the document's language (the congress's
// "These demands", overtaken by the carried "Packaging, and a vote of the
// members"), and a reason plenum does not write (typed by the chair)
// as it was typed. The renderers before give the English.
func TestOvertakenReasonInTheDocumentsLanguage(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	english := "The carried amendment “Packaging, and a vote of the members” changed lines 3–4 of “Wages and working time”, which this one would change too."
	for lang, want := range map[string]string{
		"en": english,
		"de": "Der angenommene Änderungsantrag „Packaging, and a vote of the members“ änderte „Wages and working time“ (Zeilen 3–4), was auch dieser ändern würde.",
		"ru": "Принятая поправка «Packaging, and a vote of the members» изменила текст «Wages and working time» (строки 3–4), который изменила бы и эта поправка.",
		"fr": "L'amendement adopté « Packaging, and a vote of the members » a modifié « Wages and working time » (lignes 3 à 4), que celui-ci modifierait aussi.",
		"es": "La enmienda aprobada «Packaging, and a vote of the members» modificó «Wages and working time» (líneas 3 a 4), que esta también modificaría.",
	} {
		d := BuildIn(f.state, f.cp, lang)
		readingFormats(t, d, func(format, got string) {
			if strings.Count(got, want) != 1 {
				t.Errorf("%s %s: want %q once", lang, format, want)
			}
			if lang != "en" && strings.Contains(got, "The carried amendment") {
				t.Errorf("%s %s: the reason is in English", lang, format)
			}
		})
		if lang == "en" {
			continue
		}
		earlierVersions(t, d, func(stamp string, got []byte) {
			if !bytes.Contains(got, []byte("The carried amendment")) {
				t.Errorf("%s %s no longer gives the reason as it did, in English", lang, stamp)
			}
		})
	}
	b := &builder{s: f.state, l: BuildIn(f.state, f.cp, "de").locale()}
	for _, typed := range []string{
		"Covered by the resolution on dues",
		"The carried amendment “A” changed line 4 of “B”, which this one would change too, says the chair",
		"the carried amendment “A” changed line 4 of “B”, which this one would change too",
	} {
		if got, ok := b.overtakenReason(typed); ok {
			t.Errorf("the typed reason %q is read as plenum's and given as %q", typed, got)
		}
	}
	for note, want := range map[string]string{
		"The carried amendment “A” changed line 4 of “B”, which this one would change too":                   "Der angenommene Änderungsantrag „A“ änderte „B“ (Zeile 4), was auch dieser ändern würde",
		"The carried amendment “A” changed the place at paragraph 2 of “B”, which this one would change too": "Der angenommene Änderungsantrag „A“ änderte „B“ (die Stelle in Absatz 2), was auch dieser ändern würde",
	} {
		if got, ok := b.overtakenReason(note); !ok || got != want {
			t.Errorf("overtakenReason(%q) = %q, %v; want %q", note, got, ok, want)
		}
	}
}

// TestFrenchCheckpointLabels: the French minutes set a space before the
// colon of the checkpoint's labels since md/7 and akn/7 ("Origine :"),
// md/6 and akn/6 did not ("Origine:"); the checkpoint of a French
// Markdown document is read in either form.
func TestFrenchCheckpointLabels(t *testing.T) {
	f := replayScript(t, "coop-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl")))
	d := BuildIn(f.state, f.cp, "fr")
	labels := []string{"Taille de l'arbre", "Hachage racine", "Origine", "Clé de vérification"}
	for _, c := range []struct {
		stamp, colon string
	}{{"md/7", " :"}, {"md/6", ":"}, {"akn/7", " :"}, {"akn/6", ":"}} {
		format, _, _ := strings.Cut(c.stamp, "/")
		var got []byte
		var err error
		if c.stamp == "md/7" || c.stamp == "akn/7" {
			got, err = Render(d, format)
		} else {
			got, err = RerenderEarlier(d, Stated{Format: format, Stamp: c.stamp, Stamped: true})
		}
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(got), "&#39;", "'")
		for _, l := range labels {
			if !strings.Contains(text, l+c.colon+" ") {
				t.Errorf("%s: no %q", c.stamp, l+c.colon+" ")
			}
		}
		st, err := ReadStated(got)
		if err != nil || st.VerifierKey != d.Checkpoint.VerifierKey || st.Lang != "fr" {
			t.Errorf("%s: ReadStated = %+v, %v; want the key %q", c.stamp, st, err, d.Checkpoint.VerifierKey)
		}
		if format == FormatMarkdown {
			// A line in the other form before the checkpoint's (a
			// speech may quote one) is not the key's.
			other := map[string]string{" :": ":", ":": " :"}[c.colon]
			quoted := strings.Replace(string(got), "\n", "\n\n- Clé de vérification"+other+" `plenum.example+00000000+AAAA`\n", 1)
			if st, err := ReadStated([]byte(quoted)); err != nil || st.VerifierKey != d.Checkpoint.VerifierKey {
				t.Errorf("%s with a quoted key line before the checkpoint: ReadStated = %q, %v; want the key %q", c.stamp, st.VerifierKey, err, d.Checkpoint.VerifierKey)
			}
		}
	}
	readingFormats(t, d, func(format, got string) {
		if format == FormatPDF && !strings.Contains(got, "Origine : ") {
			t.Errorf("the French PDF has no %q", "Origine : ")
		}
	})
}

// TestBookConflictsInTheDocumentsLanguage: the motion book says which
// open amendments change the same lines in the document's language
// ("Kollidiert mit W1/4 (Zeile 4)"), not in the English the
// record says the lines in ("(line 4)"). The congress before its votes:
// Hans's amendment to lines 3–4 (W1/3) and Lena's to line 4 (W1/4) are
// both open. An amendment without a number is named by its title in the
// language's quotation marks (conflict.textIn).
func TestBookConflictsInTheDocumentsLanguage(t *testing.T) {
	script := mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl"))
	i := bytes.Index(script, []byte("# The votes: amendments to amendments first"))
	f := replayScript(t, "congress-2026.jsonl before its votes", script[:i])
	for lang, want := range map[string][]string{
		"en": {"Conflicts with W1/4 (line 4):", "Conflicts with W1/3 (lines 3–4):"},
		"de": {"Kollidiert mit W1/4 (Zeile 4):", "Kollidiert mit W1/3 (Zeilen 3–4):"},
		"ru": {"Противоречит поправкам W1/4 (строка 4):", "Противоречит поправкам W1/3 (строки 3–4):"},
		"fr": {"En conflit avec W1/4 (ligne 4) :", "En conflit avec W1/3 (lignes 3 à 4) :"},
		"es": {"En conflicto con W1/4 (línea 4):", "En conflicto con W1/3 (líneas 3 a 4):"},
	} {
		d := BuildIn(f.state, f.cp, lang)
		page := html.UnescapeString(string(BookHTML(d, "")))
		pdf, err := BookPDF(d, "")
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(pdftext.Text(t, pdf)), " ")
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the motion book (HTML) has no %q", lang, w)
			}
			if !strings.Contains(text, w) {
				t.Errorf("%s: the motion book (PDF) has no %q", lang, w)
			}
		}
		if lang != "en" && (strings.Contains(page, "(line 4)") || strings.Contains(page, "(lines 3–4)")) {
			t.Errorf("%s: the motion book names the lines in English", lang)
		}
	}
}

// TestPDFWrapsLongLines: a numbered line wider than the column — a
// change's line holds the words struck out beside those inserted — wraps
// onto rows of its own in the PDF at the size of the rest, every word
// drawn within the margins and in order, where it was set smaller until
// it fitted (a long change came out unreadably small). A word wider than
// the column is broken.
func TestPDFWrapsLongLines(t *testing.T) {
	f := replayScript(t, "congress-2026.jsonl", mustRead(t, filepath.Join("..", "testdata", "congress-2026.jsonl")))
	d := Build(f.state, f.cp)
	deleted := strings.TrimSpace(strings.Repeat("struck ", 40))
	inserted := strings.TrimSpace(strings.Repeat("inserted ", 40))
	long := strings.Repeat("Überlänge", 20)
	// The first change the minutes show, and the motion book's first.
	lengthen := func(m *Motion) bool {
		if p := m.Paper; p != nil && len(p.Diff) > 0 {
			p.Diff[0].Parts = []TextPart{{Text: "The union demands "}, {Text: deleted, Op: OpDelete}, {Text: " "}, {Text: inserted, Op: OpInsert}, {Text: " and " + long + " end."}}
			return true
		}
		return false
	}
	inMinutes, inBook := false, false
	for i := range d.Sittings {
		for j := range d.Sittings[i].Parts {
			for _, p := range d.Sittings[i].Parts[j].Paragraphs {
				if p.Kind == KindMotion && !inMinutes {
					inMinutes = lengthen(p.Motion)
				}
			}
		}
	}
	for i := range d.Motions {
		if !inBook {
			inBook = lengthen(&d.Motions[i])
		}
	}
	if !inMinutes || !inBook {
		t.Fatal("the congress has no change to lengthen")
	}
	out, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[string]bool{"7.50": true, "8.50": true, "10.00": true, "10.50": true, "12.00": true, "14.00": true, "17.00": true}
	for _, m := range regexp.MustCompile(`([0-9.]+) Tf`).FindAllSubmatch(out, -1) {
		if !sizes[string(m[1])] {
			t.Errorf("text set at %s pt: a line set smaller to fit", m[1])
		}
	}
	text := strings.Join(strings.Fields(pdftext.Text(t, out)), " ")
	if !strings.Contains(text, "The union demands "+deleted+" "+inserted+" and ") {
		t.Errorf("the lengthened line does not read whole and in order in the PDF")
	}
	if !strings.Contains(strings.ReplaceAll(text, " ", ""), long+"end.") {
		t.Errorf("the long word is not drawn whole")
	}
	if bad := outsideMargins(t, out, 20); len(bad) > 0 {
		t.Errorf("%d words outside the margins, such as %s", len(bad), bad[0])
	}
	book, err := BookPDF(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if bad := outsideMargins(t, book, 20); len(bad) > 0 {
		t.Errorf("the motion book: %d words outside the margins, such as %s", len(bad), bad[0])
	}
	if text := strings.Join(strings.Fields(pdftext.Text(t, book)), " "); !strings.Contains(text, "The union demands "+deleted+" "+inserted+" and ") {
		t.Errorf("the lengthened line does not read whole and in order in the motion book")
	}
}

// earlierVersions renders d again as md/6, html/7 and akn/6, the versions
// before md/7, and gives each to check.
func earlierVersions(t *testing.T, d *Document, check func(stamp string, got []byte)) {
	t.Helper()
	renderAs(t, d, []string{"md/6", "html/7", "akn/6"}, check)
}

// earlierVersions8 renders d again as md/7, html/8 and akn/7, the versions
// before md/8, and gives each to check.
func earlierVersions8(t *testing.T, d *Document, check func(stamp string, got []byte)) {
	t.Helper()
	renderAs(t, d, []string{"md/7", "html/8", "akn/7"}, check)
}

// renderAs renders d again as each of the earlier versions stamps and
// gives each to check.
func renderAs(t *testing.T, d *Document, stamps []string, check func(stamp string, got []byte)) {
	t.Helper()
	for _, stamp := range stamps {
		format, _, _ := strings.Cut(stamp, "/")
		got, err := RerenderEarlier(d, Stated{Format: format, Stamp: stamp, Stamped: true})
		if err != nil {
			t.Fatal(err)
		}
		check(stamp, got)
	}
}
