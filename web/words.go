package web

import (
	"html/template"
	"strings"
	"sync"

	"plenum/i18n"
)

// A page says most of its words without arguments ("Close the vote",
// "The floor"): the chair's console a hundred of them on every render,
// and each, through golang.org/x/text's printer, costs a context of the
// catalog and a formatting of the message. They are the same for each
// language until the binary changes, so a word of the catalog is looked
// up once for each language and kept (words); a message with arguments
// is formatted each time, as before.

// locale is the language of a page: an i18n.Locale whose messages
// without arguments are kept once looked up. The zero locale is English,
// as a nil *i18n.Locale is.
type locale struct{ *i18n.Locale }

// T is the message of key with its arguments, in the locale's language
// (i18n.Locale.T).
func (l locale) T(key string, args ...any) string {
	if len(args) > 0 {
		return l.Locale.T(key, args...)
	}
	return words.of(l.Locale, key)
}

// wordKey is a message of the catalog in a language.
type wordKey struct {
	l   *i18n.Locale
	key string
}

// wordBook keeps the messages without arguments once looked up, of the
// keys the catalog has (so that it holds at most the catalog, whatever
// a page asks).
type wordBook struct {
	mu sync.RWMutex
	m  map[wordKey]string
}

var words = wordBook{m: map[wordKey]string{}}

// of is l.T(key): kept once looked up if the catalog has key.
func (b *wordBook) of(l *i18n.Locale, key string) string {
	if l == nil {
		l = i18n.For(i18n.Default)
	}
	k := wordKey{l, key}
	b.mu.RLock()
	s, ok := b.m[k]
	b.mu.RUnlock()
	if ok {
		return s
	}
	s = l.T(key)
	if l.Has(key) {
		b.mu.Lock()
		b.m[k] = s
		b.mu.Unlock()
	}
	return s
}

// word is a word of a closed set in the locale's language: the catalog's
// "web.word.<value>", else the value with its underscores as spaces
// (view.Word).
func (l locale) word(s string) string {
	if k := "web.word." + s; l.Has(k) {
		return l.T(k)
	}
	return strings.ReplaceAll(s, "_", " ")
}

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
