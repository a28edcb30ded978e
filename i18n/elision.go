package i18n

import "regexp"

// French elides "de", "le" and "que" before a word that begins with a
// vowel: "la présence d'Aïcha", "une interruption d'Ivy Chen", not "de
// Aïcha", "de Ivy". The catalog's own words are elided as written; a name
// or a title put in after them (%s) is not known until then, and Elide
// elides before it. Before an "h" it does not: whether an h is mute
// ("d'Hélène") or aspirated ("de Hollande") is a matter of the word,
// which plenum cannot tell of a name.
var elidable = regexp.MustCompile(`(^|[\s(«“\x{2068}\x{2066}\x{2067}])(de|De|le|Le|que|Que|jusque|Jusque) ([\x{2068}\x{2066}\x{2067}\x{E000}-\x{E0FF}]*)([AEIOUYaeiouyÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜàâäæéèêëîïôöœùûü])`)

// elided is what each elidable word becomes.
var elided = map[string]string{"de": "d'", "De": "D'", "le": "l'", "Le": "L'", "que": "qu'", "Que": "Qu'", "jusque": "jusqu'", "Jusque": "Jusqu'"}

// Elide is s, a text in language lang, with "de", "le" and "que" elided
// before a vowel where the language elides them (French); s unchanged in
// any other language.
func Elide(lang, s string) string {
	if lang != "fr" {
		return s
	}
	return elidable.ReplaceAllStringFunc(s, func(m string) string {
		g := elidable.FindStringSubmatch(m)
		return g[1] + elided[g[2]] + g[3] + g[4]
	})
}

// Elide is s with the elisions of l's language (Elide).
func (l *Locale) Elide(s string) string { return Elide(l.Lang(), s) }
