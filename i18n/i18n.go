// Package i18n owns plenum's message catalogs and the choice of language:
// every sentence a person reads is looked up here by key, in English,
// German, Russian, French or Spanish, with the CLDR plural rules of each
// (Russian has three forms: 1 голос, 2 голоса, 5 голосов), and dates and
// numbers are written as the locale writes them.
//
// The catalogs are golang.org/x/text/message catalogs: the module already
// depends on golang.org/x/text (collation, normalization), its plural rules
// are generated from CLDR, and its printer formats numbers for the locale,
// so no new dependency is needed. The messages are kept in Go tables (one
// entry a key, every language beside the English), which is what the
// completeness test reads.
package i18n

import (
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Language is a language plenum speaks: its BCP 47 tag and its name in
// itself, as the language switch shows it.
type Language struct {
	Tag  string
	Name string
}

// Languages are the languages plenum speaks, English first.
var Languages = []Language{
	{"en", "English"},
	{"de", "Deutsch"},
	{"ru", "Русский"},
	{"fr", "Français"},
	{"es", "Español"},
}

// Default is the language used when nothing else chooses one.
const Default = "en"

// Pseudo is the pseudo-locale of the tests: every message is its English
// text wrapped in ⟦ ⟧, so that a rendered page shows at a glance which
// words came from no catalog.
const Pseudo = "en-XA"

// Cookie is the name of the cookie that holds a person's choice of language.
const Cookie = "plenum_lang"

// Msg is one message of the catalog: its key and its text in each
// language. A text is a format string of package fmt (as
// golang.org/x/text/message reads it); a text that starts with "#N|"
// selects on the plural category of argument N, its cases written
// "one=…|few=…|many=…|other=…" ("other" is required); a case "=1=…"
// is the count 1 exactly, before its category (Russian says 1 otherwise
// than 21, both of the form one).
type Msg struct {
	Key                string
	En, De, Ru, Fr, Es string
}

// text is the message in lang ("" if it has none).
func (m Msg) text(lang string) string {
	switch lang {
	case "en":
		return m.En
	case "de":
		return m.De
	case "ru":
		return m.Ru
	case "fr":
		return m.Fr
	case "es":
		return m.Es
	}
	return ""
}

// catalogs are the tables of every package's messages; each file of this
// package that holds a table adds it in an init function.
var catalogs [][]Msg

func register(ms []Msg) { catalogs = append(catalogs, ms) }

// Messages returns every message of the catalog, sorted by key.
func Messages() []Msg {
	var out []Msg
	for _, ms := range catalogs {
		out = append(out, ms...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

var (
	buildOnce sync.Once
	cat       *catalog.Builder
	buildErr  error
	locales   = map[string]*Locale{}
	keys      = map[string]bool{}
	// english is the English text of every key: Refusal renders the
	// English from it when it selects a plural form, or when a part of
	// the refusal does.
	english = map[string]string{}
	// selects are the keys whose text selects a plural form in some
	// language: T reads a count given as digits among their arguments.
	selects = map[string]bool{}
)

func build() {
	cat = catalog.NewBuilder(catalog.Fallback(language.English))
	seen := map[string]bool{}
	for _, m := range Messages() {
		if seen[m.Key] {
			buildErr = fmt.Errorf("i18n: the key %q is defined twice", m.Key)
			return
		}
		seen[m.Key] = true
		keys[m.Key] = true
		english[m.Key] = m.En
		for _, l := range Languages {
			t := m.text(l.Tag)
			if t == "" {
				t = m.En // the completeness test fails on this; a page still reads
			}
			selects[m.Key] = selects[m.Key] || strings.HasPrefix(t, "#")
			if err := set(language.Make(l.Tag), m.Key, t, nil); err != nil {
				buildErr = fmt.Errorf("i18n: %s in %s: %v", m.Key, l.Tag, err)
				return
			}
		}
		if err := set(language.Make(Pseudo), m.Key, m.En, wrap); err != nil {
			buildErr = fmt.Errorf("i18n: %s in %s: %v", m.Key, Pseudo, err)
			return
		}
	}
	for _, l := range append(Languages, Language{Tag: Pseudo}) {
		locales[l.Tag] = &Locale{lang: l.Tag, p: message.NewPrinter(language.Make(l.Tag), message.Catalog(cat))}
	}
}

func wrap(s string) string { return "⟦" + s + "⟧" }

// Unwrapped is the text of s outside every ⟦ ⟧ of the pseudo-locale:
// what a rendering in Pseudo says without the catalog, for the tests
// that look for it.
func Unwrapped(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '⟦':
			depth++
		case r == '⟧':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// set adds one message to the catalog, parsing a plural selection.
func set(tag language.Tag, key, text string, f func(string) string) error {
	if f == nil {
		f = func(s string) string { return s }
	}
	if !strings.HasPrefix(text, "#") {
		return cat.SetString(tag, key, f(text))
	}
	arg, forms, err := parsePlural(text)
	if err != nil {
		return err
	}
	var cases []any
	for _, c := range forms {
		cases = append(cases, c.form, f(c.text))
	}
	return cat.Set(tag, key, plural.Selectf(arg, "%d", cases...))
}

// pluralCase is one case of a plural message: a CLDR form and its text.
type pluralCase struct{ form, text string }

// parsePlural reads a plural message, "#N|one=…|other=…": the argument
// it selects on (from 1) and its cases.
func parsePlural(text string) (int, []pluralCase, error) {
	head, rest, ok := strings.Cut(strings.TrimPrefix(text, "#"), "|")
	arg, err := strconv.Atoi(head)
	if !ok || err != nil || arg < 1 {
		return 0, nil, fmt.Errorf("a plural message starts with #N| (N the argument): %q", text)
	}
	var cases []pluralCase
	hasOther, hasForm := false, false
	for _, c := range strings.Split(rest, "|") {
		exact := strings.HasPrefix(c, "=")
		if exact && hasForm { // the catalog takes the first case that matches
			return 0, nil, fmt.Errorf("a case =N= comes before the plural forms: %q", text)
		}
		hasForm = hasForm || !exact
		form, msg, ok := strings.Cut(strings.TrimPrefix(c, "="), "=")
		if !ok {
			return 0, nil, fmt.Errorf("a plural case is form=text: %q", c)
		}
		switch {
		case exact:
			if !allDigits(form) || len(form) > 9 {
				return 0, nil, fmt.Errorf("%q is not a count to match exactly (=N=text)", c)
			}
			form = "=" + form
		case form == "zero", form == "one", form == "two", form == "few", form == "many", form == "other":
		default:
			return 0, nil, fmt.Errorf("%q is not a CLDR plural form", form)
		}
		hasOther = hasOther || form == "other"
		cases = append(cases, pluralCase{form, msg})
	}
	if !hasOther {
		return 0, nil, fmt.Errorf("a plural message needs the form other: %q", text)
	}
	return arg, cases, nil
}

// englishPlural is the English of a plural message with its arguments:
// the case of the English plural form of its count ("fills 1 seat",
// "fills 2 seats"), formatted as package fmt formats it, as the rules
// format the English of a refusal (no grouping of digits). A count that
// is not a whole number takes the form other.
func englishPlural(text string, args []any) string {
	arg, cases, err := parsePlural(text)
	if err != nil { // build refused the catalog already
		return fmt.Sprintf(text, args...)
	}
	form, exact := "other", ""
	if arg <= len(args) {
		if n, ok := wholeNumber(args[arg-1]); ok {
			exact = "=" + strconv.FormatInt(n, 10)
			if n == 1 { // CLDR English: one is 1, without a visible fraction
				form = "one"
			}
		}
	}
	for _, f := range []string{exact, form} {
		for _, c := range cases {
			if c.form == f {
				return fmt.Sprintf(c.text, args...)
			}
		}
	}
	for _, c := range cases {
		if c.form == "other" {
			return fmt.Sprintf(c.text, args...)
		}
	}
	return fmt.Sprintf(text, args...)
}

// wholeNumber is an argument that is an integer (of any integer type,
// as a count of the rules may be), or a count given as its digits, as an
// int64.
func wholeNumber(a any) (int64, bool) {
	if d, ok := a.(numeral); ok {
		return d.value()
	}
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(v.Uint()), true
	}
	return 0, false
}

// numeral is a count a caller gives as its digits (strconv.Itoa(n), so
// that it is printed as given, without the locale's grouping): printed as
// it stands, its number selects the plural form of a message, which a
// string does not (golang.org/x/text reads no number from a string).
type numeral string

func (d numeral) String() string { return string(d) }

// value is the count, if the digits are one that fits.
func (d numeral) value() (int64, bool) {
	n, err := strconv.ParseInt(string(d), 10, 64)
	return n, err == nil && n >= 0
}

// PluralForm is the plural form of the count in the language of t
// (plural.Interface, which the catalog's selection asks).
func (d numeral) PluralForm(t language.Tag, scale int) (plural.Form, int) {
	n, _ := d.value()
	n %= 10_000_000 // the forms look at the last digits only
	return plural.Cardinal.MatchPlural(t, int(n), 0, 0, 0, 0), int(n)
}

// numerals are the arguments of a plural message with each string of
// digits made a numeral, so that it selects as a number would.
func numerals(args []any) []any {
	var out []any
	for i, a := range args {
		s, ok := a.(string)
		if !ok || !allDigits(s) {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...) // never write into the caller's slice
		}
		out[i] = numeral(s)
	}
	if out == nil {
		return args
	}
	return out
}

func allDigits(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Locale prints messages, dates and numbers in one language. A nil
// *Locale is English.
type Locale struct {
	lang string
	p    *message.Printer
	// plain are the messages of the catalog said without arguments, kept
	// once printed (T): a page says a hundred such words ("Close the
	// vote") on every render, each a context of the catalog and a
	// formatting through golang.org/x/text's printer, and they do not
	// change while the binary runs.
	plain sync.Map // key → string
}

// For returns the locale of a language tag: the best of the languages
// plenum speaks for it ("de-AT" is German, "pt" is English), or the
// pseudo-locale for Pseudo.
func For(tag string) *Locale {
	buildOnce.Do(build)
	if buildErr != nil {
		panic(buildErr) // a defect in a table of this package; TestCatalog names it
	}
	if tag == Pseudo {
		return locales[Pseudo]
	}
	if l := Match(tag); l != "" {
		return locales[l]
	}
	return locales[Default]
}

// Supported reports whether plenum speaks the language of tag exactly as
// named (a base language of Languages).
func Supported(tag string) bool {
	for _, l := range Languages {
		if l.Tag == tag {
			return true
		}
	}
	return false
}

var matcher = func() language.Matcher {
	var tags []language.Tag
	for _, l := range Languages {
		tags = append(tags, language.Make(l.Tag))
	}
	return language.NewMatcher(tags)
}()

// Match returns the language plenum speaks that best fits an
// Accept-Language value or a tag, or "" if none fits.
func Match(accept string) string {
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil || len(tags) == 0 {
		return ""
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return ""
	}
	return Languages[i].Tag
}

// Choose picks the language of a page: the person's choice (the cookie),
// then the browser's Accept-Language, then the assembly's language, then
// English.
func Choose(r *http.Request, assemblyLang string) *Locale {
	if c, err := r.Cookie(Cookie); err == nil && (Supported(c.Value) || c.Value == Pseudo) {
		return For(c.Value) // the pseudo-locale only by hand: the switch does not offer it
	}
	if l := Match(r.Header.Get("Accept-Language")); l != "" {
		return For(l)
	}
	return For(assemblyLang)
}

func (l *Locale) get() *Locale {
	if l == nil {
		return For(Default)
	}
	return l
}

// Has reports whether the catalog has a message of key: for words of a
// closed set (a kind, a state) that the catalog may not list every one of.
func (l *Locale) Has(key string) bool {
	l.get()
	return keys[key]
}

// Refusal renders a refusal of the rules (an assembly.Error) in the
// locale: the catalog's message keyed by its English template, with its
// arguments. A refusal made without a template, and a template the
// catalog does not yet translate, give the English as it stands.
//
// In English the catalog's text is the template itself, and the English
// as the rules wrote it stands, unless the catalog's English selects a
// plural form of a count ("%d are named elected but %s fills %d seats"
// says "fills 1 seat") or a part of it is said otherwise: then it is the
// catalog's English with the arguments, formatted as the rules format
// them.
//
// An argument that is itself made from a template (an assembly.Reason: why
// an id or a text is not valid) is rendered the same way first.
func (l *Locale) Refusal(format string, args []any, english string) string {
	return l.refusal("", format, args, english)
}

// RefusalFor renders a refusal as Refusal does, for an audience whose
// words of some templates differ: where the catalog has the key variant +
// template, its words stand instead of the template's, for the refusal
// and for each part of it. The arguments are the same; the words around
// them differ. A page's reader (variant "web.refusal.") reads the form's
// field by its label where an API client reads the field's name in JSON
// (package web puts the label among the arguments; see i18n/refusalwords.go).
func (l *Locale) RefusalFor(variant, format string, args []any, english string) string {
	return l.refusal(variant, format, args, english)
}

func (l *Locale) refusal(variant, format string, args []any, english string) string {
	l = l.get()
	if format == "" {
		return english
	}
	key := format
	if variant != "" && keys[variant+format] {
		key = variant + format
	}
	if !keys[key] {
		return english
	}
	copied := key != format // the English is the variant's, not the rules'
	for i, a := range args {
		switch a.(type) {
		case reason, list:
			p := l.partFor(variant, a)
			if l.lang == Default && p == fmt.Sprint(a) {
				continue // the English stands
			}
			if !copied { // never write into the caller's slice
				args, copied = append([]any(nil), args...), true
			}
			args[i] = p
		}
	}
	if l.lang != Default {
		return l.T(key, args...)
	}
	return englishText(key, numerals(args), english, copied)
}

// englishText is a refusal in English: the rules' English as it stands,
// or, when its catalog English selects a plural form or a part of it was
// said otherwise (changed), the catalog's English with the arguments.
func englishText(format string, args []any, rules string, changed bool) string {
	text := english[format]
	switch {
	case strings.HasPrefix(text, "#"):
		return englishPlural(text, args)
	case changed:
		return fmt.Sprintf(text, args...)
	}
	return rules
}

// Part renders one phrase made from its own template (an assembly.Reason,
// a roster.Phrase) in the locale, as Refusal renders a refusal.
func (l *Locale) Part(p reason) string { return l.part(p) }

// part renders an argument of a refusal: a phrase from its template, a
// list item by item, anything else as it stands.
func (l *Locale) part(a any) string { return l.partFor("", a) }

// partFor is part for the audience of variant (RefusalFor).
func (l *Locale) partFor(variant string, a any) string {
	switch a := a.(type) {
	case reason:
		f, ra := a.RefusalParts()
		return l.refusal(variant, f, ra, fmt.Sprint(a))
	case list:
		items := a.RefusalItems()
		s := make([]string, len(items))
		for i, x := range items {
			s[i] = l.partFor(variant, x)
		}
		return strings.Join(s, ", ")
	}
	return fmt.Sprint(a)
}

// reason is a part of a refusal made from its own template
// (assembly.Reason), without this package importing the rules.
type reason interface {
	RefusalParts() (string, []any)
}

// list is a part of a refusal that is several items in a row (roster.List).
type list interface {
	RefusalItems() []any
}

// Lang is the locale's BCP 47 tag, for a lang attribute.
func (l *Locale) Lang() string { return l.get().lang }

// T is the message of key with its arguments, in the locale's language.
func (l *Locale) T(key string, args ...any) string {
	l = l.get()
	if len(args) > 0 && selects[key] {
		args = numerals(args)
	}
	if len(args) > 0 || !keys[key] {
		return l.p.Sprintf(key, args...)
	}
	if s, ok := l.plain.Load(key); ok {
		return s.(string)
	}
	s := l.p.Sprintf(key)
	l.plain.Store(key, s)
	return s
}

// Number writes an integer as the locale writes it (1,234 · 1.234 · 1 234).
func (l *Locale) Number(n int) string { return l.get().p.Sprint(n) }

// Date writes a day as the locale writes it: "1917-03-27" (English keeps
// ISO 8601, so that documents exported before the catalogs still verify),
// "27. März 1917", "27 марта 1917 г.", "27 mars 1917", "27 de marzo de 1917".
func (l *Locale) Date(t time.Time) string {
	l = l.get()
	d, m, y := t.Day(), int(t.Month()), t.Year()
	switch l.lang {
	case "de":
		return fmt.Sprintf("%d. %s %d", d, monthsDe[m-1], y)
	case "ru":
		return fmt.Sprintf("%d %s %d г.", d, monthsRu[m-1], y)
	case "fr":
		day := strconv.Itoa(d)
		if d == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, monthsFr[m-1], y)
	case "es":
		return fmt.Sprintf("%d de %s de %d", d, monthsEs[m-1], y)
	case Pseudo:
		return wrap(t.Format("2006-01-02"))
	}
	return t.Format("2006-01-02") // English keeps ISO 8601, as the minutes always had it
}

// DateTime writes a moment in UTC as the locale writes it, with the time
// on the 24-hour clock: "1917-03-27 15:04:05 UTC", "27. März 1917,
// 15:04:05 UTC".
func (l *Locale) DateTime(t time.Time) string {
	t = t.UTC()
	if l.get().lang == Default {
		return t.Format("2006-01-02 15:04:05 UTC")
	}
	return l.Date(t) + ", " + t.Format("15:04:05") + " UTC"
}

// DateText writes a date the record gives as text: an ISO date
// ("1917-03-27") as the locale writes it, anything else as it stands.
func (l *Locale) DateText(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return l.Date(t)
}

var (
	monthsDe = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthsRu = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	monthsFr = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsEs = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
)
