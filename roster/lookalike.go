package roster

import (
	"strings"

	"github.com/mtibben/confusables"

	"plenum/assembly"
)

// Names that look alike. A name written wholly in letters of another
// script that look like the letters of a name already given (Cyrillic
// "Рере Ѕоѕа" beside Latin "Pepe Sosa", Greek "ΑΝΝΑ" beside "ANNA") is not
// the same name (assembly.NameKey), so it would pass as a new person, and two
// delegates would look the same on every page and ballot. Unicode's
// confusable detection (UTS #39, section 4) says when two texts look
// alike: when their skeletons are equal, the skeleton mapping each
// character to the one it is confusable with ("Р" and "р" to "P" and "p").
//
// The skeleton is of a text as written, and the import matches names
// without regard to case, so a name is compared in three forms: as
// written, in small letters and in capitals. Capitals catch "ТОМ КЕМР"
// beside "Tom Kemp" (which the import would take for "TOM KEMP"); small
// letters catch Greek "ινο" beside "Ivo", whose capitals "ΙΝΟ" and "IVO"
// differ. A transliteration does not look like the original: Cyrillic "Анна
// Петрова" has the skeletons "Aʜʜa Πeᴛpoʙa", "aʜʜa πeᴛpoʙa" and "AHHA
// ΠETPOBA", none of them Anna Petrova's.

// The forms a name is compared in.
const (
	lookWritten = iota
	lookSmall
	lookCapitals
	lookForms
)

// lookKey is the skeleton of a name in one of the forms.
type lookKey struct {
	form     int8
	skeleton string
}

// lookKeys returns the skeletons of a name in the three forms.
func lookKeys(name string) [lookForms]lookKey {
	s := assembly.PlainName(name)
	small, capitals := strings.ToLower(s), strings.ToUpper(s)
	written := confusables.Skeleton(s)
	skeleton := func(form string) string {
		if form == s {
			return written
		}
		return confusables.Skeleton(form)
	}
	return [lookForms]lookKey{{lookWritten, written}, {lookSmall, skeleton(small)}, {lookCapitals, skeleton(capitals)}}
}

// lookMember is a name in a lookIndex: a row's, or the name of a person
// or organization of the assembly (row -1).
type lookMember struct {
	name, key, ref string // key is assembly.NameKey(name); ref the reference, if any
	row            int
	looks          [lookForms]lookKey
}

// lookPair is the first member of one look and the first after it with
// another name key, as their indexes plus one (0 for none): enough to
// find, for any name of that look, a member of it with another name, in
// constant time however many share the look.
type lookPair [2]int

// lookIndex finds the names that look like a name, by skeleton.
type lookIndex struct {
	members []lookMember
	all     map[lookKey]lookPair
	noRef   map[lookKey]lookPair // of the members without a reference
}

// newLookIndex returns an empty index with room for n members.
func newLookIndex(n int) *lookIndex {
	return &lookIndex{members: make([]lookMember, 0, n), all: make(map[lookKey]lookPair, lookForms*n), noRef: map[lookKey]lookPair{}}
}

// add puts a member in the index and returns its index.
func (x *lookIndex) add(m lookMember) int {
	m.key, m.looks = assembly.NameKey(m.name), lookKeys(m.name)
	x.members = append(x.members, m)
	n := len(x.members)
	for _, k := range m.looks {
		x.all[k] = x.pairWith(x.all[k], n)
		if m.ref == "" {
			x.noRef[k] = x.pairWith(x.noRef[k], n)
		}
	}
	return n - 1
}

func (x *lookIndex) pairWith(p lookPair, n int) lookPair {
	switch {
	case p[0] == 0:
		p[0] = n
	case p[1] == 0 && x.members[p[0]-1].key != x.members[n-1].key:
		p[1] = n
	}
	return p
}

// other returns the index of a member of pair p whose name key is not
// key, or -1.
func (x *lookIndex) other(p lookPair, key string) int {
	for _, n := range p {
		if n > 0 && x.members[n-1].key != key {
			return n - 1
		}
	}
	return -1
}

// like returns a member whose name looks like the one with the name key
// key and the skeletons looks but is another name, and whether the two
// are told apart, as two persons of one name are, by their references
// (ref and the member's both given; they differ, or the row would be
// that person). A member not told apart is returned before one that is.
// It returns -1 if no name looks like it.
func (x *lookIndex) like(looks [lookForms]lookKey, key, ref string) (int, bool) {
	apart := -1
	for _, k := range looks {
		if m := x.other(x.noRef[k], key); m >= 0 {
			return m, false
		}
		if m := x.other(x.all[k], key); m >= 0 {
			if ref == "" {
				return m, false
			}
			if apart < 0 {
				apart = m
			}
		}
	}
	return apart, apart >= 0
}
