package roster

import (
	"fmt"
	"strings"

	"plenum/assembly"
)

// Phrase is a message of the roster kept as its English template and its
// arguments (an assembly.Reason): the pages render it in their language
// from the catalog (package i18n, keyed by the template), the command line
// prints it in English. An argument may be a Phrase or a List itself.
type Phrase = assembly.Reason

func phrase(format string, args ...any) Phrase { return Phrase{Format: format, Args: args} }

// word is a bare word of the roster, keyed in the catalog by key.
func word(key, english string) Phrase { return Phrase{Format: english, Key: key} }

// List is an argument that is several items in a row, "A, B, C": each
// item a name or a Phrase, rendered one by one.
type List []any

// String is the list in English.
func (l List) String() string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// RefusalItems are the items of the list, as i18n.Locale.Refusal reads them.
func (l List) RefusalItems() []any { return l }
