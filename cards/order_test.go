package cards_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"plenum/cards"
	"plenum/internal/pdftext"
)

// TestDelegationsByNameEachOnItsOwnPages: the mandate cards come with the
// delegations in the order of their names (not the order the record
// added them: Bezirk Küste was typed first), the persons of each by name,
// the personal mandates last, and no delegation that fits on a page is
// cut across two: one that does not fit in what is left of a page starts
// the next (Bezirk Küste, whose two cards would have left one on page 2),
// so that a cut sheet holds whole districts' envelopes, named in its
// head. The browser's cards (HTML) are laid out on the same sheets.
func TestDelegationsByNameWholeOnTheirPages(t *testing.T) {
	c := newCongress(t)
	c.must("admin", "amend_assembly", `{"language":"de"}`)
	districts := []struct {
		id, name string
		persons  []string
	}{
		{"kueste", "Bezirk Küste", []string{"Zoë Wulf", "Anna Öztürk"}},
		{"bayern", "Bezirk Bayern", []string{"Max Koch", "Jürgen Dießner", "Käthe Fuß", "Grete Adler", "Ulrich Wolf"}},
		{"bw", "Bezirk Baden-Württemberg", []string{"Delegierte 9", "Delegierte 10", "Delegierte 1", "Delegierte 2", "Delegierte 3", "Delegierte 4", "Delegierte 5", "Delegierte 6", "Delegierte 7"}},
		{"bbs", "Bezirk Berlin-Brandenburg-Sachsen", []string{"Björn Öst"}},
	}
	var persons []string
	n := 0
	add := func(name, org string) {
		n++
		id := fmt.Sprintf("p%d", n)
		c.must("admin", "add_person", fmt.Sprintf(`{"id":%q,"name":%q}`, id, name))
		if org == "" {
			c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-%s","person":%q,"kind":"decisive"}`, id, id))
		} else {
			c.must("admin", "submit_mandate", fmt.Sprintf(`{"id":"m-%s","person":%q,"organization":%q,"kind":"decisive"}`, id, id, org))
		}
		c.must("admin", "verify_mandate", fmt.Sprintf(`{"mandate":"m-%s"}`, id))
		persons = append(persons, id)
	}
	add("Ute Ernst", "") // a personal mandate, added first
	for _, d := range districts {
		c.must("admin", "add_organization", fmt.Sprintf(`{"id":%q,"name":%q,"kind":"delegating"}`, d.id, d.name))
		for _, p := range d.persons {
			add(p, d.id)
		}
	}
	issued, err := cards.Issue(context.Background(), c.a, c.codes, "misha", c.at, "https://congress.example.org", cards.Selection{Persons: persons})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := cards.PDFIn(issued.Assembly, issued.Cards, issued.Language)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		head  string
		names []string
	}{
		{"Bezirk Baden-Württemberg", []string{"Delegierte 1", "Delegierte 2", "Delegierte 3", "Delegierte 4", "Delegierte 5", "Delegierte 6", "Delegierte 7", "Delegierte 9"}},
		{"Bezirk Baden-Württemberg, Bezirk Bayern, Bezirk Berlin-Brandenburg-Sachsen", []string{"Delegierte 10", "Grete Adler", "Jürgen Dießner", "Käthe Fuß", "Max Koch", "Ulrich Wolf", "Björn Öst"}},
		{"Bezirk Küste, Persönliche Mandate", []string{"Anna Öztürk", "Zoë Wulf", "Ute Ernst"}},
	}
	pages := strings.Split(strings.TrimRight(pdftext.Text(t, pdf), "\f"), "\f")
	if len(pages) != len(want) {
		t.Fatalf("%d pages, want %d:\n%s", len(pages), len(want), strings.Join(pages, "\n\f\n"))
	}
	nameRe := func(name string) string { return "\n" + name + "\n" } // a card's name is a line of its own
	for i, w := range want {
		page := "\n" + pages[i]
		head, _, _ := strings.Cut(strings.TrimSpace(pages[i]), "\n")
		if head != w.head+" · Congress 2026" {
			t.Errorf("page %d is headed %q, want %q", i+1, head, w.head+" · Congress 2026")
		}
		at := -1
		for _, name := range w.names {
			k := strings.Index(page, nameRe(name))
			if k < 0 {
				t.Errorf("page %d (%s) lacks %s:\n%s", i+1, w.head, name, pages[i])
				continue
			}
			if k < at {
				t.Errorf("page %d (%s): %s is before the name above it in the order", i+1, w.head, name)
			}
			at = k
		}
		if got := strings.Count(pages[i], "https://congress.example.org/login?code="); got != len(w.names) {
			t.Errorf("page %d (%s) holds %d cards, want %d", i+1, w.head, got, len(w.names))
		}
	}
	// The browser's cards: the same sheets, headed alike.
	doc, err := cards.HTMLIn(issued.Assembly, issued.Cards, issued.Language, cards.A4)
	if err != nil {
		t.Fatal(err)
	}
	html := string(doc.Body)
	var heads []string
	for _, s := range strings.Split(html, `<p class="head"><bdi dir="auto">`)[1:] {
		h, _, _ := strings.Cut(s, "</bdi>")
		heads = append(heads, h)
	}
	var wantHeads []string
	for _, w := range want {
		wantHeads = append(wantHeads, w.head)
	}
	if !slices.Equal(heads, wantHeads) {
		t.Errorf("the HTML sheets are headed\n%q\nwant\n%q", heads, wantHeads)
	}
}
