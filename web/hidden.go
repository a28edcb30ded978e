package web

import (
	"html/template"
	"strings"
)

// attrEscaper escapes a text for a quoted attribute's value as
// html/template does (its attrEscaper of a plain string: NUL, quotes,
// ampersand, plus and angle brackets as entities), for the fields a page
// writes itself (view.Hidden).
var attrEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// Hidden is the hidden fields of every form of a page (the template
// "hidden"): the session's anti-forgery token, a fresh idempotency key
// and the page to return to. A page of the chair has a dozen forms; the
// fields are written here in one go rather than by the template's five
// actions each, as the template wrote them, byte for byte.
func (v *view) Hidden() template.HTML {
	return template.HTML(hiddenFields(v.CSRF, newKey(), v.ID, backPath(v.Page)))
}

// hiddenFields are the hidden fields of a form: the anti-forgery token
// csrf, the idempotency key, and the page to return to (/a/ID/back),
// each escaped as html/template escapes a quoted attribute's value.
func hiddenFields(csrf, key, id, back string) string {
	var b strings.Builder
	b.Grow(150 + len(csrf) + len(key) + len(id) + len(back))
	b.WriteString(`<input type="hidden" name="csrf" value="`)
	attrEscaper.WriteString(&b, csrf)
	b.WriteString(`"><input type="hidden" name="key" value="`)
	attrEscaper.WriteString(&b, key)
	b.WriteString(`"><input type="hidden" name="back" value="/a/`)
	attrEscaper.WriteString(&b, id)
	b.WriteString(`/`)
	attrEscaper.WriteString(&b, back)
	b.WriteString(`">`)
	return b.String()
}

// Rest is the chair's next act's form after its hidden fields (the
// template "act-button"): the command and its fields as hidden fields,
// and the big button with its key. It is written here in one go rather
// than by the template's dozen actions, as the template wrote it, byte
// for byte: every value escaped as html/template escapes a quoted
// attribute's value or a text (attrEscaper: the same table for both).
func (b actButton) Rest() template.HTML {
	var w strings.Builder
	w.WriteString(`<input type="hidden" name="cmd" value="`)
	attrEscaper.WriteString(&w, b.Cmd)
	w.WriteString(`">`)
	for _, f := range b.Fields {
		w.WriteString(`<input type="hidden" name="`)
		attrEscaper.WriteString(&w, f.Name)
		w.WriteString(`" value="`)
		attrEscaper.WriteString(&w, f.Value)
		w.WriteString(`">`)
	}
	w.WriteString("\n" + `<button type="submit" class="big next-btn"`)
	if b.Key != "" {
		w.WriteString(` data-key="`)
		attrEscaper.WriteString(&w, b.Key)
		w.WriteString(`" aria-keyshortcuts="Enter `)
		attrEscaper.WriteString(&w, strings.ToUpper(b.Key))
		w.WriteString(`"`)
	} else {
		w.WriteString(` aria-keyshortcuts="Enter"`)
	}
	w.WriteString(`>`)
	w.WriteString(string(b.Label))
	w.WriteString(` <kbd>Enter</kbd></button></form>`)
	return template.HTML(w.String())
}
