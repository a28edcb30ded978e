package web

import (
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
