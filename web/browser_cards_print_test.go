package web_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"plenum/internal/pdftext"
)

// fontsFor reports whether this machine has a font for a language
// (fc-list :lang=…), which the browser needs to print its letters.
func fontsFor(lang string) bool {
	out, err := exec.Command("fc-list", ":lang="+lang, "family").Output()
	return err == nil && strings.TrimSpace(string(out)) != ""
}

// TestBrowserPrintsTheCards: the mandate commission ticks Amal al-Husseini
// (Arabic) and Li Xiaolong (Chinese) and presses *Issue codes and print
// the cards from the browser*; the browser shows the cards, and printed
// to PDF (Page.printToPDF, the page's own @page size) they make one A4
// sheet whose text pdftotext reads: both codes, and the Arabic name's
// words as letters, not boxes — where this machine has fonts for Arabic
// (fc-list :lang=ar; DejaVu Sans has them), and the Chinese name where it
// has a Chinese font (here often none: then only the layout is checked,
// and the test says so). The screenshot at A4 is cards-print-a4.png.
func TestBrowserPrintsTheCards(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	addForeignDelegates(h)
	s := newSession(t, h)
	mc := s.open("mc", 1000, 900, "/a/coop/mandates")
	eval[bool](s, mc, `document.querySelector('#cards input[name=persons][value=amal]').checked = true`)
	eval[bool](s, mc, `document.querySelector('#cards input[name=persons][value=li]').checked = true`)
	eval[bool](s, mc, `document.querySelector("#cards-unprintable").scrollIntoView(), true`)
	s.shotView(mc, "cards-form")
	eval[bool](s, mc, `document.querySelector("#cards-paper").scrollIntoView(), true`)
	s.shotView(mc, "cards-buttons")
	s.click(mc, "#cards-html")
	s.until(mc, "the cards' page", `document.querySelectorAll("article.card").length === 2`)
	// A4 at 96 px to the inch: 794 × 1123 px.
	s.run(mc, "an A4 window", chromedp.EmulateViewport(794, 1123))
	s.shot(mc, "cards-print-a4")
	if got := eval[[]string](s, mc, `[...document.querySelectorAll("p.name")].map(p => p.dir + " " + getComputedStyle(p).direction + " " + p.innerText)`); len(got) != 2 ||
		got[0] != "auto ltr 李小龙 (li)" || !strings.HasPrefix(got[1], "auto rtl أمل الحسيني") {
		t.Errorf("the names as the browser sets them: %q, want the Chinese left to right, the Arabic right to left", got)
	}
	// Each card stays on its sheet, within its 90 × 65 mm.
	if got := eval[[]float64](s, mc, `(c => { const r = c.getBoundingClientRect(); return [r.width, r.height] })(document.querySelector("article.card"))`); len(got) != 2 || got[0] < 339 || got[0] > 341 || got[1] < 245 || got[1] > 247 {
		t.Errorf("a card is %v px, want 90 × 65 mm (340 × 246 px)", got)
	}
	pdf, err := chromedp.Call(mc.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pdfPage.FindAll(pdf.Data, -1)); n != 1 {
		t.Errorf("two cards printed on %d pages, want one sheet", n)
	}
	if !regexp.MustCompile(`/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]`).Match(pdf.Data) {
		t.Errorf("the sheet is not A4: %s", regexp.MustCompile(`/MediaBox \[[^\]]*\]`).Find(pdf.Data))
	}
	text := pdftext.Text(t, pdf.Data)
	// pdftotext marks the runs written right to left (U+202B … U+202C).
	text = strings.Map(func(r rune) rune {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return -1
		}
		return r
	}, text)
	if n := len(cardCode.FindAllString(text, -1)); n != 2 {
		t.Errorf("%d codes in the printed text, want 2:\n%s", n, text)
	}
	if strings.Contains(text, "Mandate cards with new access codes") {
		t.Errorf("the note for the screen is printed")
	}
	if fontsFor("ar") {
		for _, w := range []string{"أمل", "الحسيني", "اتحاد", "العمال"} {
			if !strings.Contains(text, w) {
				t.Errorf("the printed cards do not have the Arabic word %q as text:\n%s", w, text)
			}
		}
	} else {
		t.Log("no Arabic font on this machine (fc-list :lang=ar): the Arabic name's text is not checked")
	}
	if fontsFor("zh") {
		if !strings.Contains(text, "李小龙") {
			t.Errorf("the printed cards do not have the Chinese name as text:\n%s", text)
		}
	} else {
		t.Log("no Chinese font on this machine (fc-list :lang=zh): the Chinese name's text is not checked, only the layout")
	}
}
