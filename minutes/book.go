package minutes

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"plenum/i18n"
	"plenum/internal/pdffont"
)

// BookEntry is one motion of the motion book with its amendments (and
// theirs), in the order submitted or moved.
type BookEntry struct {
	Motion     *Motion
	Amendments []*Motion
	Resolution *Resolution
}

// BookSection is the motions of one category ("" for those without).
type BookSection struct {
	Category string
	Entries  []BookEntry
}

// Book is the motion book of a document: every motion with numbered lines
// (submitted, or amended by changes), grouped by category, each with its
// amendments, the committee's recommendations and, once carried, the
// resolution as carried. only, if not empty, keeps that motion alone.
func Book(d *Document, only string) []BookSection {
	byID := map[string]*Motion{}
	for i := range d.Motions {
		byID[d.Motions[i].ID] = &d.Motions[i]
	}
	root := func(m *Motion) *Motion {
		for i := 0; m.Amends != "" && byID[m.Amends] != nil && i < 8; i++ {
			m = byID[m.Amends]
		}
		return m
	}
	var sections []BookSection
	index := map[string]int{}
	for i := range d.Motions {
		m := &d.Motions[i]
		if m.Amends != "" || m.Paper == nil || only != "" && m.ID != only {
			continue
		}
		e := BookEntry{Motion: m}
		for j := range d.Motions {
			if a := &d.Motions[j]; a.Amends != "" && root(a) == m {
				e.Amendments = append(e.Amendments, a)
			}
		}
		for j := range d.Votes {
			if v := &d.Votes[j]; v.Motion == m.ID && v.Resolution != nil {
				e.Resolution = v.Resolution
			}
		}
		k, ok := index[m.Paper.Category]
		if !ok {
			k = len(sections)
			index[m.Paper.Category] = k
			sections = append(sections, BookSection{Category: m.Paper.Category})
		}
		sections[k].Entries = append(sections[k].Entries, e)
	}
	// Motions without a category come last.
	if k, ok := index[""]; ok && k != len(sections)-1 {
		s := sections[k]
		sections = append(append(sections[:k:k], sections[k+1:]...), s)
	}
	return sections
}

// StatusText says where a motion stands: "submitted", "before the
// assembly", "carried", …
func StatusText(l *i18n.Locale, status string) string {
	switch status {
	case "submitted", "admitted", "not_admitted", "pending", "withdrawn", "carried", "defeated", "set_aside",
		"lapsed", "referred", "overtaken", "not_recorded":
		return l.T("minutes.status." + status)
	}
	return strings.ReplaceAll(status, "_", " ")
}

// heading is a motion's heading in the book: "D1 On the dues".
func bookHeading(m *Motion) string {
	if m.Paper != nil && m.Paper.Number != "" {
		return m.Paper.Number + " " + m.Title
	}
	return m.Title
}

// BookTitle is the motion book's title, or the title of one motion's paper.
func BookTitle(d *Document, only string) string {
	if only != "" {
		for _, m := range d.Motions {
			if m.ID == only {
				return bookHeading(&m) + " — " + d.Title
			}
		}
	}
	return d.locale().T("minutes.book.title", d.Title)
}

// BookHTML renders the motion book as one self-contained, printable HTML
// file.
func BookHTML(d *Document, only string) []byte {
	l := d.locale()
	w := &htmlWriter{l: l}
	c := d.Checkpoint
	title := BookTitle(d, only)
	w.line("<!DOCTYPE html>")
	w.line(`<html lang="` + esc(d.Lang) + `">`)
	w.line("<head>")
	w.line(`<meta charset="utf-8">`)
	w.line(`<meta name="viewport" content="width=device-width, initial-scale=1">`)
	w.line("<title>" + esc(title) + "</title>")
	w.line(`<meta name="generator" content="plenum">`)
	w.line(`<meta name="plenum-checkpoint" content="` + esc(fmt.Sprintf("%s %d %s", c.Origin, c.Size, c.RootHash)) + `">`)
	w.line("<style>" + htmlStyle + htmlWrapStyle + linesStyle + ".amendment { margin-left: 1.5rem; }\n</style>")
	w.line("</head>")
	w.line("<body>")
	w.line("<header><h1>" + esc(title) + "</h1>")
	w.line("<p>" + esc(l.T("minutes.book.lead")) + "</p></header>")
	w.line(`<main id="main">`)
	sections := Book(d, only)
	if len(sections) == 0 {
		w.line("<p>" + esc(l.T("minutes.book.empty")) + "</p>")
	}
	for _, s := range sections {
		if s.Category != "" && only == "" {
			w.line("<h2>" + esc(s.Category) + "</h2>")
		}
		for _, e := range s.Entries {
			m := e.Motion
			w.line(`<section class="motion" id="motion-` + esc(m.ID) + `">`)
			w.line("<h3>" + esc(bookHeading(m)) + "</h3>")
			w.line(`<p class="note">` + esc(l.T("minutes.book.status", StatusText(l, m.Status))) + "</p>")
			w.paper(m, true)
			for _, a := range e.Amendments {
				w.line(`<div class="amendment">`)
				w.line("<h4>" + esc(bookHeading(a)) + "</h4>")
				w.line(`<p class="note">` + esc(strings.TrimSpace(amendmentBy(l, a)+" "+l.T("minutes.book.status", StatusText(l, a.Status)))) + "</p>")
				w.paper(a, true)
				w.line("</div>")
			}
			w.resolution(e.Resolution)
			w.line("</section>")
		}
	}
	w.line("</main>")
	w.line("<footer>")
	w.line("<p>" + esc(bookCheckpoint(l, c)) + "</p>")
	w.line(`<pre>` + esc(c.Signed) + "</pre>")
	w.line("</footer>")
	w.line("</body>")
	w.line("</html>")
	return w.buf.Bytes()
}

// amendmentBy says who moved an amendment: "Moved by X." (a name another
// bears too told apart: "Moved by Вера Иванов (No. M00105).") or
// "Recommended by the Motions Committee."
func amendmentBy(l *i18n.Locale, a *Motion) string {
	switch {
	case a.Paper != nil && (a.Paper.Committee != "" || a.Paper.Submitted):
		return "" // its paper says who
	case a.Mover.Name != "":
		return l.T("minutes.book.moved_by", a.Mover.Named(false))
	}
	return ""
}

func bookCheckpoint(l *i18n.Locale, c Checkpoint) string {
	t := l.T("minutes.book.checkpoint", strconv.FormatInt(c.Size, 10), c.Origin, c.RootHash)
	if d := c.DateText(l); d != "" {
		t += " " + l.T("minutes.book.date", d)
	}
	return t
}

// BookPDF renders the motion book as an A4 PDF.
func BookPDF(d *Document, only string) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	when := d.Checkpoint.Time
	if when.IsZero() {
		when = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(when.UTC())
	pdf.SetModificationDate(when.UTC())
	title := BookTitle(d, only)
	pdf.SetTitle(title, true)
	pdf.SetCreator("plenum", true)
	pdf.SetLang(d.Lang)
	addFonts(pdf)
	pdf.SetMargins(20, 18, 20)
	pdf.SetAutoPageBreak(true, 22)
	pdf.AliasNbPages("{nb}")
	l := d.locale()
	footer := bookCheckpoint(l, d.Checkpoint)
	setPDFFooter(pdf, l, pdffont.Family, footer)
	w := &pdfWriter{pdf: pdf, l: l}
	pdf.AddPage()
	w.heading(1, title)
	w.para(l.T("minutes.book.lead"), "I")
	sections := Book(d, only)
	if len(sections) == 0 {
		w.para(l.T("minutes.book.empty"), "")
	}
	for _, s := range sections {
		if s.Category != "" && only == "" {
			w.heading(2, s.Category)
		}
		for _, e := range s.Entries {
			m := e.Motion
			w.heading(3, bookHeading(m))
			w.para(l.T("minutes.book.status", StatusText(l, m.Status)), "I")
			w.paper(m, true)
			for _, a := range e.Amendments {
				w.para(bookHeading(a), "B")
				w.para(strings.TrimSpace(amendmentBy(l, a)+" "+l.T("minutes.book.status", StatusText(l, a.Status))), "I")
				w.paper(a, true)
			}
			w.resolution(e.Resolution)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
