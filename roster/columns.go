package roster

import (
	"strconv"
	"strings"
	"unicode"

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
// headers a file may use for it. Headers match without regard to case,
// spaces, '_', '-' and '.'.
type Column struct {
	Field   Field
	Header  string
	Aliases []string
}

// Columns lists every field a roster may have, in the order Export writes
// them. docs/import.md is written from it.
var Columns = []Column{
	{FieldRef, "Ref", []string{"reference", "external reference", "external id", "id", "member number", "membership number", "member no", "member id"}},
	{FieldName, "Name", []string{"full name", "delegate", "delegate name", "person", "participant"}},
	{FieldOrganization, "Organization", []string{"organisation", "org", "delegation", "delegating organization", "delegating organisation", "union", "branch"}},
	{FieldKind, "Kind", []string{"mandate", "mandate kind", "mandate type", "type", "vote"}},
	{FieldWeight, "Weight", []string{"votes", "vote weight", "number of votes"}},
	{FieldProxy, "Proxy", []string{"proxy holder", "proxy to", "carried by"}},
	{FieldStatus, "Status", []string{"mandate status"}},
	{FieldPresence, "Presence", []string{"present", "in hall"}},
}

// headerKey is the form headers and values are compared in: lower case,
// '_', '-' and '.' as spaces, runs of space as one, trimmed.
func headerKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.':
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var headerFields = func() map[string]Field {
	m := map[string]Field{}
	for _, c := range Columns {
		m[headerKey(c.Header)] = c.Field
		for _, a := range c.Aliases {
			m[headerKey(a)] = c.Field
		}
	}
	return m
}()

// fieldOf returns the field a header names, if any.
func fieldOf(header string) (Field, bool) {
	f, ok := headerFields[headerKey(header)]
	return f, ok
}

// Kinds maps the words a roster may use for a mandate's kind to the kind.
var Kinds = map[string]string{
	"decisive":          assembly.KindDecisive,
	"decisive vote":     assembly.KindDecisive,
	"voting":            assembly.KindDecisive,
	"full":              assembly.KindDecisive,
	"consultative":      assembly.KindConsultative,
	"consultative vote": assembly.KindConsultative,
	"advisory":          assembly.KindConsultative,
	"non voting":        assembly.KindConsultative,
	"nonvoting":         assembly.KindConsultative,
	"guest":             assembly.KindGuest,
	"observer":          assembly.KindGuest,
	"ex officio":        assembly.KindExOfficio,
	"exofficio":         assembly.KindExOfficio,
}

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
	if strings.Trim(frac, "0") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(whole)
	if err != nil || n < 1 || n > maxWeight {
		return 0, false
	}
	return n, true
}

// Mandate statuses as a roster writes them: assembly's words.
var statuses = map[string]string{
	"":          "",
	"submitted": assembly.MandateStatusSubmitted,
	"pending":   assembly.MandateStatusSubmitted,
	"verified":  assembly.MandateStatusVerified,
	"rejected":  assembly.MandateStatusRejected,
}
