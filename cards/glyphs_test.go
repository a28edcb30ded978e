package cards_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"plenum/cards"
	"plenum/internal/pdftext"
)

// TestCardsPrintNames: names in Vietnamese (ễ), Serbo-Croatian (Đ, đ),
// Turkish (ğ, ş), Hungarian (ő), Polish (ł), Russian and Greek print on
// the cards whole: pdftotext reads each from the PDF composed (NFC), with
// no box and no id beside it (the Go fonts had no "ễ": the card said
// "Đorđe Nguy□n (dorde-nguyen)"), a decomposed name as its composed form.
// A name in a script the font lacks (Thai), or with an emoji, is listed by
// Unprintable with those characters, and its card prints them as boxes,
// the id beside the name; without panicking on the emoji, which lies
// beyond the font tables' 16 bits.
func TestCardsPrintNames(t *testing.T) {
	c := newCongress(t)
	printable := map[string]string{
		"omer":  "Ömer Nguyễn",
		"dorde": "Đorđe Nguye\u0302\u0303n", // decomposed, as a keyboard may give it
		"ayse":  "Ayşe Doğan",
		"pal":   "Erdős Pál",
		"lech":  "Lech Wałęsa",
		"fedor": "Фёдор Шаляпин",
		"eleft": "Ελευθέριος Βενιζέλος",
	}
	unprintable := map[string]struct {
		name  string
		chars []rune
	}{
		"somchai": {"Somchai ใจดี", []rune("ใจดี")},
		"smiley":  {"Ana 😀 Lima", []rune{'😀'}},
	}
	var ids []string
	add := func(id, name string) {
		c.must("admin", "add_person", fmt.Sprintf(`{"id":%q,"name":%q}`, id, name))
		c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-%s","person":%q,"organization":"river","kind":"decisive"}`, id, id))
		c.must("admin", "verify_mandate", fmt.Sprintf(`{"mandate":"m-%s"}`, id))
		ids = append(ids, id)
	}
	for id, name := range printable {
		add(id, name)
		if got := cards.Unprintable(name); len(got) > 0 {
			t.Errorf("Unprintable(%q) = %q, want none", name, string(got))
		}
	}
	for id, u := range unprintable {
		add(id, u.name)
		if got := cards.Unprintable(u.name); !slices.Equal(got, u.chars) {
			t.Errorf("Unprintable(%q) = %q, want %q", u.name, string(got), string(u.chars))
		}
	}
	issued, err := cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "https://congress.example.org/", cards.Selection{Persons: ids})
	if err != nil {
		t.Fatal(err)
	}
	// Each name followed by its organization (a long name wraps).
	text := pdftext.Text(t, mustPDF(t, issued, "en"))
	flat := strings.Join(strings.Fields(text), " ")
	for id, name := range printable {
		if want := norm.NFC.String(name) + " Riverside"; !strings.Contains(flat, want) {
			t.Errorf("the cards do not print %q, as %s's card should:\n%s", want, id, text)
		}
	}
	if strings.Count(text, "□") != len([]rune("ใจดี"))+1 {
		t.Errorf("the cards print %d boxes, want one for each character of the Thai name and the emoji:\n%s", strings.Count(text, "□"), text)
	}
	for _, want := range []string{"Somchai □□□□ (somchai) Riverside", "Ana □ Lima (smiley) Riverside"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the cards do not print %q:\n%s", want, text)
		}
	}
}

// TestNamesakesTellApart: two delegates named Ayşe Zürn of one district,
// member numbers M1005 and M1100, got cards alike but for the code, and a
// roll-call vote could be recorded under the wrong member. Now each card
// prints the member number beside the name; namesakes without a member
// number (the same name but for case and accents) print their
// organization and id; a name nobody else bears prints alone. Each card's
// code logs in the person its number names.
func TestNamesakesTellApart(t *testing.T) {
	ctx := context.Background()
	c := newCongress(t)
	add := func(id, name, ref string) {
		c.must("admin", "add_person", fmt.Sprintf(`{"id":%q,"name":%q,"ref":%q}`, id, name, ref))
		c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-%s","person":%q,"organization":"river","kind":"decisive"}`, id, id))
		c.must("admin", "verify_mandate", fmt.Sprintf(`{"mandate":"m-%s"}`, id))
	}
	add("zuern-a", "Ayşe Zürn", "M1005")
	add("zuern-b", "Ayşe Zürn", "M1100")
	add("lima-1", "Ana Lima", "")
	add("lima-2", "ANA  LÍMA", "")
	add("solo", "Bea Solo", "M2000")
	issued, err := cards.Issue(ctx, c.a, c.codes, "misha", c.at, "https://congress.example.org/", cards.Selection{Persons: []string{"zuern-a", "zuern-b", "lima-1", "lima-2", "solo", "nogin"}})
	if err != nil {
		t.Fatal(err)
	}
	namesake := map[string]bool{}
	for _, card := range issued.Cards {
		namesake[card.Person] = card.Namesake
	}
	if !namesake["zuern-a"] || !namesake["zuern-b"] || !namesake["lima-1"] || !namesake["lima-2"] || namesake["solo"] || namesake["nogin"] {
		t.Errorf("namesakes: %v", namesake)
	}
	// Each name followed by what tells it apart, then its organization
	// (a long name wraps).
	text := pdftext.Text(t, mustPDF(t, issued, "en"))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Ayşe Zürn (No. M1005) Riverside", "Ayşe Zürn (No. M1100) Riverside", "Ana Lima (Riverside, lima-1) Riverside", "ANA LÍMA (Riverside, lima-2) Riverside", "Bea Solo Riverside", "Виктор Павлович Ногин Москва"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the cards do not print %q:\n%s", want, text)
		}
	}
	// The code printed after each number logs in its holder.
	for ref, person := range map[string]string{"M1005": "zuern-a", "M1100": "zuern-b"} {
		at := strings.Index(text, "(No. "+ref+")")
		if at < 0 {
			continue // said above
		}
		code := codeRe.FindString(text[at:])
		sess, _, err := c.codes.Login(ctx, code)
		if err != nil || sess.Person != person {
			t.Errorf("the code on the card of %s logs in %v (%v), want %s", ref, sess, err, person)
		}
	}
	de := pdftext.Text(t, mustPDF(t, issued, "de"))
	if !strings.Contains(de, "Ayşe Zürn (Nr. M1005)") {
		t.Errorf("the German card does not say the member number in German:\n%s", de)
	}
}
