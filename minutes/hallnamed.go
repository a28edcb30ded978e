package minutes

import (
	"strconv"
	"strings"

	"plenum/assembly"
)

// hallNamedKeys are the catalog's words for a departure from the hall or a
// return whose record names everyone (hallNamed).
var hallNamedKeys = map[string]string{"left the hall": "minutes.hall.named.left_hall", "walked out": "minutes.hall.named.walked_out", "returned to the hall": "minutes.hall.named.returned"}

// hallNamed is a departure from the hall or a return whose record names
// everyone it counts, as md/11, html/12 and akn/11 give it: who they are,
// not also how many ("Returned to the hall: Voitinsky. Voitinsky on his
// return is informed …"), where the versions before counted them and
// named them in brackets ("1 returned to the hall (Voitinsky): …").
// Where the record counts some it does not name, or names nobody, the
// count stays (hallText): it is all the record says of them. False for
// such an entry and for words the rules do not write.
func (b *builder) hallNamed(r assembly.RecordEntry) (string, bool) {
	m := hallRE.FindStringSubmatch(r.Text)
	if m == nil || r.Unnamed > 0 || len(r.Persons) == 0 {
		return "", false
	}
	if n, err := strconv.Atoi(m[1]); err != nil || n != len(r.Persons) {
		return "", false
	}
	b.told = b.hasNamesakes()
	defer func() { b.told = false }()
	t := b.l.T(hallNamedKeys[m[2]], len(r.Persons), b.joinTold(b.persons(r.Persons)))
	if !strings.HasSuffix(t, ".") {
		t += "." // the last name may end in a bracket: "(No. M00413)."
	}
	if m[3] != "" {
		t += " " + sentence(capitalize(m[3]))
	}
	return t, true
}
