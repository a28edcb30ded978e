package web

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"

	"plenum/assembly"
)

// A search for a picker (searchPersons: the hall's search box, and
// GET /a/{id}/choices/… behind it, on every keystroke) matched every
// person by building and folding their name, hint and id afresh: in an
// assembly of ten thousand, 4.5 ms and 36,000 allocations a search. The
// persons' texts are folded once for each state of an assembly's readers
// instead (personIndex), all in one buffer, and a search leaps through
// the buffer from one text that may hold all its words to the next
// (match). A state is its pointer and its Events (as stateKept
// keeps parts): the texts read the persons, their mandates and the
// organizations, which no count of the state follows more narrowly.

// personIndex is what a search reads of every person of one state: the
// text a search matches (fold of name, hint and id, as searchPersons
// has always matched them), each followed by a newline, in the order of
// the state's PersonOrder, and their hints as shown.
type personIndex struct {
	state  *assembly.State
	events int
	ids    []string
	// text holds the persons' folded texts, each ended by '\n' (which
	// no word of a search holds: strings.Fields splits at it), at
	// ends[i].
	text []byte
	ends []int32
	// hints holds the persons' hints one after another, person i's
	// ending at hintEnds[i].
	hints    string
	hintEnds []int32
	// names sorts what a search finds by name; the indexes of one
	// assembly share it.
	names *nameKeys
}

// The persons a search finds are sorted by name (byName), each name's
// collation key made anew: for the hundred persons "delegate 12" finds,
// two thirds of a search once the texts were indexed. The keys depend
// on the name alone, so they are kept for the names asked of, across
// the searches and the states of an assembly (nameKeys).

// nameKeys are the collation keys (byName's) of the names asked of, at
// most maxNameKeys of them (then they are made again). mu guards the
// rest: a collator is not for two sorts at once.
type nameKeys struct {
	mu   sync.Mutex
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string][]byte
}

// maxNameKeys bounds the names whose keys are kept.
const maxNameKeys = 1 << 16

// sort sorts cs by their labels as byName does.
func (k *nameKeys) sort(cs []Choice) {
	if len(cs) < 2 {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.c == nil {
		k.c = newNameCollator()
	}
	if k.keys == nil || len(k.keys) >= maxNameKeys {
		k.keys = map[string][]byte{}
	}
	byKey(cs, func(c Choice) []byte {
		key, ok := k.keys[c.Label]
		if !ok {
			key = bytes.Clone(k.c.KeyFromString(&k.buf, c.Label))
			k.buf.Reset()
			k.keys[c.Label] = key
		}
		return key
	})
}

// personIndexOf returns the index of v's state: the one kept in v's slot
// when it is of this state, else a new one, kept there for the next
// search (v without a slot: not kept).
func (v *view) personIndexOf() *personIndex {
	var prev *personIndex
	if v.index != nil {
		if prev = v.index.Load(); prev != nil && prev.state == v.S && prev.events == v.S.Events {
			return prev
		}
	}
	x := newPersonIndex(v, prev)
	if v.index != nil {
		// Another search of the same state may have stored its own
		// meanwhile; this one replaces it, and both are right.
		v.index.Store(x)
	}
	return x
}

// newPersonIndex folds the texts of every person of v's state; prev (or
// nil) is the index of the assembly's state before, whose collation keys
// it takes over and whose size it makes room for.
func newPersonIndex(v *view, prev *personIndex) *personIndex {
	s := v.S
	x := &personIndex{state: s, events: s.Events, ids: s.PersonOrder,
		ends: make([]int32, 0, len(s.PersonOrder)), hintEnds: make([]int32, 0, len(s.PersonOrder))}
	var raw, hints []byte
	if prev == nil {
		x.names = &nameKeys{}
	} else {
		x.names = prev.names
		x.text = make([]byte, 0, len(prev.text)+len(prev.text)/8)
		hints = make([]byte, 0, len(prev.hints)+len(prev.hints)/8)
	}
	for _, id := range s.PersonOrder {
		p := s.Persons[id]
		from := len(hints)
		hints = v.appendPersonHint(hints, p)
		raw = append(raw[:0], p.Name...)
		raw = append(raw, ' ')
		raw = append(raw, hints[from:]...)
		raw = append(raw, ' ')
		raw = append(raw, id...)
		x.text = appendFolded(x.text, raw)
		x.ends = append(x.ends, int32(len(x.text)))
		x.text = append(x.text, '\n')
		x.hintEnds = append(x.hintEnds, int32(len(hints)))
	}
	x.hints = string(hints)
	return x
}

// appendFolded appends fold(raw) to dst, without a string of its own
// when raw is ASCII.
func appendFolded(dst, raw []byte) []byte {
	for _, c := range raw {
		if c >= 0x80 {
			return append(dst, fold(string(raw))...)
		}
	}
	for _, c := range raw {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// hint is person i's hint.
func (x *personIndex) hint(i int) string {
	from := 0
	if i > 0 {
		from = int(x.hintEnds[i-1])
	}
	return x.hints[from:x.hintEnds[i]]
}

// match calls found with each person (by position) whose text holds
// every one of words (folded, at least one) and who is of the set has
// (nil: everyone), in the order of the state's persons. It leaps from
// person to person: each word is looked for from the text of the person
// that may hold them all, and when one is found only in a later person's
// text, that person is the next that may; so a word few persons hold
// (a number) leads, and one that every person holds ("delegate") is
// found at once where it leads to.
func (x *personIndex) match(words []string, s *assembly.State, has func(*assembly.State, string) bool, found func(i int)) {
	keys := make([][]byte, len(words))
	for i, w := range words {
		keys[i] = []byte(w)
	}
	for person := 0; person < len(x.ends); {
		start := x.start(person)
		all := true
		for _, key := range keys {
			at := bytes.Index(x.text[start:], key)
			if at < 0 {
				return
			}
			// The person whose text holds it: the first whose end is
			// past it (a word never holds the '\n' that ends a text).
			k, _ := slices.BinarySearch(x.ends[person:], int32(start+at))
			if k > 0 {
				person += k
				all = false
				break
			}
		}
		if all {
			if has == nil || has(s, x.ids[person]) {
				found(person)
			}
			person++
		}
	}
}

// start is where person i's text begins.
func (x *personIndex) start(i int) int {
	if i == 0 {
		return 0
	}
	return int(x.ends[i-1]) + 1
}

// appendPersonHint appends person p's hint (personHint) to dst.
func (v *view) appendPersonHint(dst []byte, p *assembly.Person) []byte {
	parts := 0
	for _, mid := range p.Mandates {
		if m := v.S.Mandates[mid]; m != nil && m.Status != assembly.MandateStatusRejected && m.Organization != "" {
			if parts > 0 {
				dst = append(dst, ", "...)
			}
			dst = append(dst, v.OrgName(m.Organization)...)
			parts++
		}
	}
	if p.Ref != "" {
		if parts > 0 {
			dst = append(dst, ", "...)
		}
		dst = append(dst, p.Ref...)
	}
	return dst
}
