package roster

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"plenum/assembly"
)

// Field is what a column of a roster gives.
type Field string

// The fields of a roster. Presence is written by Export and ignored when a
// roster is read.
const (
	FieldRef          Field = "ref"
	FieldName         Field = "name"
	FieldOrganization Field = "organization"
	FieldKind         Field = "kind"
	FieldWeight       Field = "weight"
	FieldProxy        Field = "proxy"
	FieldStatus       Field = "status"
	FieldPresence     Field = "presence"
)

// Column is one field with the header Export writes for it and the other
// headers a file may use for it: Aliases in English, Local in the other
// languages plenum speaks, by their tag (the first of a language is the
// one the import page names). Headers match without regard to case,
// accents, spaces, '_', '-' and '.'.
type Column struct {
	Field   Field
	Header  string
	Aliases []string
	Local   map[string][]string
}

// Columns lists every field a roster may have, in the order Export writes
// them. docs/import.md is written from it, and the import page's hint
// names its headers (TestEveryHintNamesWhatIsRead).
var Columns = []Column{
	{FieldRef, "Ref", []string{"reference", "external reference", "external id", "id", "member number", "membership number", "member no", "member id"}, map[string][]string{
		"de": {"Mitgliedsnummer", "Mitgliedsnr.", "Mitglieds-Nr.", "Mitglieds-ID", "Referenz", "Kennung"},
		"ru": {"Членский номер", "Номер члена", "Номер членского билета", "Членский билет", "Идентификатор"},
		"fr": {"Numéro de membre", "N° de membre", "N° membre", "Numéro d'adhérent", "N° d'adhérent", "Matricule", "Référence", "Identifiant"},
		"es": {"Número de afiliado", "Nº de afiliado", "N° de afiliado", "Número de socio", "Nº de socio", "Número de miembro", "Referencia", "Identificador"},
	}},
	{FieldName, "Name", []string{"full name", "delegate", "delegate name", "person", "participant"}, map[string][]string{
		"de": {"Name", "Vollständiger Name", "Vor- und Nachname", "Delegierte", "Delegierter", "Teilnehmer", "Teilnehmerin"},
		"ru": {"ФИО", "Ф. И. О.", "Фамилия, имя, отчество", "Фамилия имя отчество", "Имя", "Делегат", "Участник"},
		"fr": {"Nom", "Nom complet", "Nom et prénom", "Prénom et nom", "Délégué", "Déléguée", "Participant"},
		"es": {"Nombre", "Nombre completo", "Nombre y apellidos", "Apellidos y nombre", "Delegado", "Delegada", "Participante"},
	}},
	{FieldOrganization, "Organization", []string{"organisation", "org", "delegation", "delegating organization", "delegating organisation", "union", "branch"}, map[string][]string{
		"de": {"Organisation", "Delegation", "Entsendende Organisation", "Gewerkschaft", "Verband", "Bezirk", "Gliederung"},
		"ru": {"Организация", "Делегация", "Делегирующая организация", "Профсоюз", "Отделение", "Первичная организация"},
		"fr": {"Organisation", "Délégation", "Organisation mandante", "Syndicat", "Section", "Fédération"},
		"es": {"Organización", "Delegación", "Organización que delega", "Sindicato", "Sección", "Federación"},
	}},
	{FieldKind, "Kind", []string{"mandate", "mandate kind", "mandate type", "type", "vote"}, map[string][]string{
		"de": {"Mandat", "Mandatsart", "Art des Mandats", "Stimmrecht"},
		"ru": {"Мандат", "Вид мандата", "Тип мандата", "Голос"},
		"fr": {"Mandat", "Type de mandat", "Nature du mandat", "Type de voix"},
		"es": {"Credencial", "Tipo de credencial", "Mandato", "Tipo de mandato", "Tipo de voto"},
	}},
	{FieldWeight, "Weight", []string{"votes", "vote weight", "number of votes"}, map[string][]string{
		"de": {"Stimmen", "Stimmenzahl", "Anzahl Stimmen", "Anzahl der Stimmen", "Stimmgewicht", "Gewicht"},
		"ru": {"Голоса", "Число голосов", "Количество голосов", "Вес", "Вес голоса"},
		"fr": {"Voix", "Nombre de voix", "Poids", "Poids du vote"},
		"es": {"Votos", "Número de votos", "Peso", "Peso del voto"},
	}},
	{FieldProxy, "Proxy", []string{"proxy holder", "proxy to", "carried by"}, map[string][]string{
		"de": {"Vollmacht", "Vollmacht an", "Bevollmächtigte", "Bevollmächtigter", "Vertreten durch"},
		"ru": {"Доверенность", "По доверенности", "Доверенное лицо"},
		"fr": {"Procuration", "Procuration à", "Mandataire", "Porteur de procuration"},
		"es": {"Poder", "Apoderado", "Apoderada", "Representado por"},
	}},
	{FieldStatus, "Status", []string{"mandate status"}, map[string][]string{
		"de": {"Status", "Mandatsstatus", "Stand des Mandats", "Mandatsprüfung"},
		"ru": {"Статус", "Статус мандата"},
		"fr": {"Statut", "Statut du mandat", "État", "État du mandat"},
		"es": {"Estado", "Estado de la credencial", "Situación"},
	}},
	{FieldPresence, "Presence", []string{"present", "in hall"}, map[string][]string{
		"de": {"Anwesenheit", "Anwesend", "Im Saal"},
		"ru": {"Присутствие", "Присутствует", "В зале"},
		"fr": {"Présence", "Présent", "Dans la salle"},
		"es": {"Presencia", "Presente", "En la sala"},
	}},
}

// Languages are the languages whose headers and words a roster may use,
// English first: the tags of Column.Local.
var Languages = []string{"en", "de", "ru", "fr", "es"}

// Names returns the headers read for the column in the language lang,
// the one the import page names first: in English its Header and Aliases.
func (c Column) Names(lang string) []string {
	if lang == "en" || c.Local[lang] == nil {
		return append([]string{c.Header}, c.Aliases...)
	}
	return c.Local[lang]
}

// Named returns the headers of the column that the import's warning of a
// file without it names, in the language lang (Names): with the export's
// English Header after them when lang is not English, and the English
// ones when lang is not one of Languages.
func (c Column) Named(lang string) []string {
	if !slices.Contains(Languages, lang) {
		lang = "en"
	}
	names := c.Names(lang)
	if lang != "en" && !slices.Contains(names, c.Header) {
		names = append(slices.Clone(names), c.Header)
	}
	return names
}

// ColumnOf returns the column of Columns that gives f.
func ColumnOf(f Field) Column {
	for _, c := range Columns {
		if c.Field == f {
			return c
		}
	}
	panic("roster: no column gives " + string(f))
}

// headerKey is the form headers and values are compared in: lower case,
// without accents (é as e, ü as u, ё as е), '_', '-' and '.' as spaces,
// runs of space as one, trimmed.
func headerKey(s string) string {
	s = norm.NFD.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '_' || r == '-' || r == '.':
			return ' '
		case unicode.Is(unicode.Mn, r):
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// headerFields maps every header read, in headerKey's form, to its
// field. Two columns may not share a header (TestEveryHeaderGivesOneField).
var headerFields = func() map[string]Field {
	m := map[string]Field{}
	for _, c := range Columns {
		for _, l := range Languages {
			for _, h := range c.Names(l) {
				m[headerKey(h)] = c.Field
			}
		}
	}
	return m
}()

// HeaderField returns the field a file's header gives, if any: what the
// import reads a column headed so as (Presence, though known, is not read).
func HeaderField(header string) (Field, bool) { return fieldOf(header) }

// fieldOf returns the field a header names, if any.
func fieldOf(header string) (Field, bool) {
	f, ok := headerFields[headerKey(header)]
	return f, ok
}

// Words are the words a cell may hold for one Value, by language.
type Words struct {
	Value string
	Words map[string][]string
}

// wordMap adds to m every word of ws, in headerKey's form, as its value.
func wordMap(ws []Words, m map[string]string) map[string]string {
	for _, w := range ws {
		for _, l := range Languages {
			for _, word := range w.Words[l] {
				m[headerKey(word)] = w.Value
			}
		}
	}
	return m
}

// KindWords are the words a roster may use for each kind of mandate, by
// language (the first of each is the one the import page names; English
// first of all is the word Export writes).
var KindWords = []Words{
	{assembly.KindDecisive, map[string][]string{
		"en": {"decisive", "decisive vote", "voting", "full"},
		"de": {"stimmberechtigt", "beschließend", "beschließende Stimme", "mit Stimmrecht", "ordentlich"},
		"ru": {"решающий", "решающий голос", "с решающим голосом"},
		"fr": {"délibératif", "voix délibérative", "délibérative", "titulaire"},
		"es": {"deliberativo", "con voz y voto", "voto deliberativo", "titular"},
	}},
	{assembly.KindConsultative, map[string][]string{
		"en": {"consultative", "consultative vote", "advisory", "non voting", "nonvoting"},
		"de": {"beratend", "beratende Stimme", "ohne Stimmrecht"},
		"ru": {"совещательный", "совещательный голос", "с совещательным голосом"},
		"fr": {"consultatif", "voix consultative", "consultative"},
		"es": {"consultivo", "con voz", "con voz sin voto", "voz sin voto", "consultiva"},
	}},
	{assembly.KindGuest, map[string][]string{
		"en": {"guest", "observer"},
		"de": {"Gast", "Beobachter", "Beobachterin"},
		"ru": {"гость", "наблюдатель"},
		"fr": {"invité", "invitée", "observateur", "observatrice"},
		"es": {"invitado", "invitada", "observador", "observadora"},
	}},
	{assembly.KindExOfficio, map[string][]string{
		"en": {"ex officio", "exofficio"},
		"de": {"kraft Amtes", "von Amts wegen"},
		"ru": {"по должности", "по статусу"},
		"fr": {"de droit", "ès qualités"},
		"es": {"de oficio", "nato", "nata", "por su cargo"},
	}},
}

// Kinds maps the words a roster may use for a mandate's kind, in
// headerKey's form, to the kind.
var Kinds = wordMap(KindWords, map[string]string{})

// KindWord is how Export writes a mandate's kind.
func KindWord(kind string) string {
	if kind == assembly.KindExOfficio {
		return "ex officio"
	}
	return kind
}

// parseKind reads a kind cell; empty is decisive.
func parseKind(s string) (string, bool) {
	if s == "" {
		return assembly.KindDecisive, true
	}
	k, ok := Kinds[headerKey(s)]
	return k, ok
}

// maxWeight is the largest weight a row may give.
const maxWeight = 1_000_000

// parseWeight reads a weight cell: a whole number from 1 to maxWeight
// (spreadsheets may write "2.0"); empty is 1.
func parseWeight(s string) (int, bool) {
	if s == "" {
		return 1, true
	}
	whole, frac, _ := strings.Cut(s, ".")
	if w, f, comma := strings.Cut(s, ","); comma && len(f) <= 2 {
		// A decimal comma, as French, German or Spanish spreadsheets
		// write "2,0"; three digits after a comma ("1,000") could be a
		// thousands separator, and are refused as ambiguous.
		whole, frac = w, f
	}
	if strings.Trim(frac, "0") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(whole)
	if err != nil || n < 1 || n > maxWeight {
		return 0, false
	}
	return n, true
}

// StatusWords are the words a roster may use for a mandate's status, by
// language (the first of each is the one the import page names; English
// first of all is assembly's word, which Export writes). Empty is "".
var StatusWords = []Words{
	{assembly.MandateStatusVerified, map[string][]string{
		"en": {"verified"},
		"de": {"geprüft", "bestätigt"},
		"ru": {"проверен", "подтверждён", "проверено", "подтверждено"},
		"fr": {"vérifié", "validé", "vérifiée", "validée"},
		"es": {"verificada", "validada", "verificado", "validado"},
	}},
	{assembly.MandateStatusSubmitted, map[string][]string{
		"en": {"submitted", "pending"},
		"de": {"eingereicht", "offen"},
		"ru": {"подан", "представлен", "на проверке"},
		"fr": {"soumis", "déposé", "en attente"},
		"es": {"presentada", "pendiente", "presentado"},
	}},
	{assembly.MandateStatusRejected, map[string][]string{
		"en": {"rejected"},
		"de": {"abgelehnt"},
		"ru": {"отклонён", "отклонено"},
		"fr": {"rejeté", "rejetée"},
		"es": {"rechazada", "rechazado"},
	}},
}

// statuses maps the words of StatusWords, in headerKey's form, to the
// status.
var statuses = wordMap(StatusWords, map[string]string{"": ""})

// ReadKind returns the kind of mandate a cell's word gives, as the import
// reads it (empty is decisive).
func ReadKind(s string) (string, bool) { return parseKind(s) }

// ReadStatus returns the status of a mandate a cell's word gives, as the
// import reads it ("" for empty).
func ReadStatus(s string) (string, bool) {
	st, ok := statuses[headerKey(s)]
	return st, ok
}
