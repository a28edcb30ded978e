package web

import (
	"html/template"
	"slices"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/roster"
)

// The import page's words about the columns a roster has are made from
// package roster's tables (roster.Columns, KindWords, StatusWords), so
// that the page cannot name a header or a word the import does not read:
// each is a <code class="h"> (a header) or <code class="w"> (a word of a
// cell) on the page, which TestImportHintsNameWhatIsRead reads back.

// rosterLang is the language of l whose headers the page names first:
// the page's own, or English for a language roster has no words in (the
// tests' pseudo-locale).
func rosterLang(l *i18n.Locale) string {
	if lang := l.Lang(); slices.Contains(roster.Languages, lang) {
		return lang
	}
	return "en"
}

// codes writes each of xs as a <code> of class, joined by ", ".
func codes(class string, xs []string) template.HTML {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<code class="` + class + `">` + string(bdi(x)) + `</code>`)
	}
	return template.HTML(b.String())
}

// firstWords are the first word of each entry of words in lang (the
// kinds' or the statuses').
func firstWords(lang string, words []map[string][]string) []string {
	var out []string
	for _, w := range words {
		out = append(out, w[lang][0])
	}
	return out
}

func kindWords() []map[string][]string {
	var out []map[string][]string
	for _, k := range roster.KindWords {
		out = append(out, k.Words)
	}
	return out
}

// ColumnsHint is the import form's hint, naming in the page's language
// the column of names and the others a roster may have, with the words of
// the kinds and of a verified mandate.
func (v *view) ColumnsHint() template.HTML {
	lang := rosterLang(v.L)
	var b strings.Builder
	for i, f := range []roster.Field{roster.FieldRef, roster.FieldOrganization, roster.FieldKind, roster.FieldWeight, roster.FieldProxy, roster.FieldStatus} {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(codes("h", roster.ColumnOf(f).Names(lang)[:1])))
		switch f {
		case roster.FieldKind:
			b.WriteString(" (" + string(codes("w", firstWords(lang, kindWords()))) + ")")
		case roster.FieldStatus:
			b.WriteString(" (" + string(codes("w", roster.StatusWords[0].Words[lang][:1])) + ")")
		}
	}
	return tr(v.L, "web.im.columns", codes("h", roster.ColumnOf(roster.FieldName).Names(lang)[:1]), template.HTML(b.String()))
}

// inOrder lists a table's words of every language, the page's language
// first, then English, then the others, each word once.
func inOrder(lang string, words func(lang string) []string) []string {
	langs := []string{lang}
	for _, l := range roster.Languages {
		if l != lang {
			langs = append(langs, l)
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, l := range langs {
		for _, w := range words(l) {
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// ColumnNames are the lines of the list of every header read, by column,
// and of the words read for each kind and status, in every language the
// import reads.
func (v *view) ColumnNames() []template.HTML {
	lang := rosterLang(v.L)
	var out []template.HTML
	for _, c := range roster.Columns {
		if c.Field == roster.FieldPresence {
			continue // written by the export, not read
		}
		out = append(out, tr(v.L, "web.im.read_as", v.L.T("web.im.field."+string(c.Field)), codes("h", inOrder(lang, c.Names))))
	}
	for _, k := range roster.KindWords {
		out = append(out, tr(v.L, "web.im.read_as", v.L.T("roster.kind."+k.Value), codes("w", inOrder(lang, func(l string) []string { return k.Words[l] }))))
	}
	for _, st := range roster.StatusWords {
		out = append(out, tr(v.L, "web.im.read_as", v.L.T("web.im.status."+st.Value), codes("w", inOrder(lang, func(l string) []string { return st.Words[l] }))))
	}
	return out
}

// OrganizationHeaders are the headers read as the organization, in the
// page's language and the export's English header, for the warning that
// the file has none (the list below the form has them all).
func (iv *importView) OrganizationHeaders() template.HTML {
	return codes("h", roster.ColumnOf(roster.FieldOrganization).Named(iv.L.Lang()))
}

// newPersons counts the persons the preview's commands add.
func (iv *importView) newPersons() int {
	n := 0
	for _, c := range iv.Preview.Commands {
		if _, ok := c.Command.(assembly.AddPerson); ok {
			n++
		}
	}
	return n
}

// WhatItDoes says in the organiser's words what recording the good rows
// does: "60 new persons with their mandates, changes for 4 persons, 2 new
// organizations".
func (iv *importView) WhatItDoes() string {
	var parts []string
	persons := iv.newPersons()
	if persons > 0 {
		parts = append(parts, iv.L.T("web.im.n_new", persons))
	}
	if changed := iv.Good() - persons; changed > 0 {
		parts = append(parts, iv.L.T("web.im.n_changed", changed))
	}
	if n := len(iv.Preview.NewOrganizations); n > 0 {
		parts = append(parts, iv.L.T("web.im.new_orgs", n))
	}
	return strings.Join(parts, ", ")
}
