package roster

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"plenum/assembly"
)

// maxSlug leaves room in an id (64 bytes at most) for a suffix "-99999".
const maxSlug = 56

// letterFolds spells the Latin letters that have no decomposition into a
// base letter and marks.
var letterFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// Slug turns a name into the stem of an id: lower-case ASCII letters and
// digits in words joined by '-', accents dropped ("Łucja Żak-Ørsted" →
// "lucja-zak-orsted"), at most 56 bytes. Letters of other scripts are
// dropped, so the stem may be empty.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped
		case letterFolds[r] != "":
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(letterFolds[r])
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		s = strings.TrimRight(s[:maxSlug], "-")
	}
	return s
}

// NewID makes an id for something named name: its Slug, or prefix when
// the slug is empty, followed by "-2", "-3", … until taken says it is
// free. The same name and the same ids taken give the same id.
func NewID(prefix, name string, taken func(string) bool) string {
	return newID(nil, prefix, name, taken)
}

// idSeq is, for each stem, the number of the last id newID made from it.
type idSeq map[string]int

// newID is NewID for many names in a row while the ids taken only grow
// (as they do while a roster is planned): with seq, it goes on from the
// last id it made from the same stem, as those before it are still
// taken. A stem shared by thousands of names (names in Cyrillic have
// none of their own) then costs a look-up or two an id, not one for each
// id made before it.
func newID(seq idSeq, prefix, name string, taken func(string) bool) string {
	stem := Slug(name)
	if stem == "" {
		stem = prefix
	}
	n := seq[stem]
	if n == 0 {
		if !taken(stem) {
			return stem
		}
		n = 2
	}
	for ; ; n++ {
		if id := stem + "-" + strconv.Itoa(n); !taken(id) {
			if seq != nil {
				seq[stem] = n
			}
			return id
		}
	}
}

// The ids of what a roster adds, made in one place for the import and
// the set-up pages: from the name, free in the assembly s and not among
// the ids more reports taken (those planned in the same batch; nil for
// none).

// PersonID makes the id of a new person named name: never a reserved id
// ("admin", "system").
func PersonID(s *assembly.State, name string, more func(string) bool) string {
	return personID(nil, s, name, more)
}

// OrganizationID makes the id of a new organization named name.
func OrganizationID(s *assembly.State, name string, more func(string) bool) string {
	return organizationID(nil, s, name, more)
}

// MandateID makes the id of a new mandate of the person with id person:
// "m-" and the person's id, numbered from the second.
func MandateID(s *assembly.State, person string, more func(string) bool) string {
	return mandateID(nil, s, person, more)
}

// personID, organizationID and mandateID are PersonID, OrganizationID
// and MandateID going on from seq (newID).
func personID(seq idSeq, s *assembly.State, name string, more func(string) bool) string {
	return newID(seq, "person", name, func(id string) bool {
		_, reserved := assembly.Reserved(id)
		return reserved || s.Persons[id] != nil || more != nil && more(id)
	})
}

func organizationID(seq idSeq, s *assembly.State, name string, more func(string) bool) string {
	return newID(seq, "organization", name, func(id string) bool { return s.Organizations[id] != nil || more != nil && more(id) })
}

func mandateID(seq idSeq, s *assembly.State, person string, more func(string) bool) string {
	return newID(seq, "mandate", "m "+person, func(id string) bool { return s.Mandates[id] != nil || more != nil && more(id) })
}
