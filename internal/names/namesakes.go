package names

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"golang.org/x/text/collate"

	"plenum/assembly"
	"plenum/i18n"
)

// Namesakes returns the persons of s (by id) whose name another person
// of the assembly bears too (the mandate cards, the mandates page and the
// minutes tell them apart by Tell): the same name as the lists sort it, without
// regard to case, accents or spacing ("Ayşe Zürn" and "Ayse  Zurn" are
// called alike in a roll call). The map is the caller's.
//
// Finding them anew took a sort key of every name: 30–100 ms for 10,000
// persons, on every view of the mandates page and every card issue. Each
// state keeps an index of its names instead (namesakeIndex), brought up to
// date when the state has changed since it was last asked: the persons
// added since keyed, and those renamed keyed again. s must not change
// while Namesakes runs (call it inside engine.Assembly.Read, as the pages
// and Issue do); any number of readers may call it at once.
func Namesakes(s *assembly.State) map[string]bool {
	return indexOf(s).of(s)
}

// namesakeIndexes holds each state's index, by a weak pointer to the
// state: an index lives as long as its state, and goes with it.
var namesakeIndexes sync.Map // weak.Pointer[assembly.State] → *namesakeIndex

func indexOf(s *assembly.State) *namesakeIndex {
	w := weak.Make(s)
	if x, ok := namesakeIndexes.Load(w); ok {
		return x.(*namesakeIndex)
	}
	x, loaded := namesakeIndexes.LoadOrStore(w, &namesakeIndex{events: -1})
	if !loaded {
		runtime.AddCleanup(s, func(w weak.Pointer[assembly.State]) { namesakeIndexes.Delete(w) }, w)
	}
	return x.(*namesakeIndex)
}

// namesakeIndex is a state's persons by their names' sort keys, as it
// stood when the state had applied events events.
type namesakeIndex struct {
	mu     sync.Mutex
	events int // the state's Events when last brought up to date; -1 before
	// indexed: s.PersonOrder[i] for each i < len(indexed), the person it
	// was then, the name and key it was indexed under.
	indexed []indexedPerson
	bearers map[string][]string // a name's key → the persons bearing it
	same    map[string]bool     // the persons whose name another bears
	order   *collate.Collator
	buf     collate.Buffer
	keyed   int // names keyed, for the tests
}

type indexedPerson struct {
	id     string
	person *assembly.Person // nil: the id named no person
	name   string
	key    string
}

// of returns the namesakes of s, the state the index is of.
func (x *namesakeIndex) of(s *assembly.State) map[string]bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.events != s.Events {
		x.update(s)
		x.events = s.Events
	}
	return maps.Clone(x.same)
}

// update brings the index up to date with s: persons are only added, at
// the end of PersonOrder, and renamed in place (person_amended changes
// the Name of the Person a state holds, which stays that person's for the
// state's life; TestNamesakesFollowTheRoster). Should the order be other
// than it was, the index is made anew.
func (x *namesakeIndex) update(s *assembly.State) {
	if len(s.PersonOrder) < len(x.indexed) || x.bearers == nil {
		x.reset()
	}
	for i := range x.indexed {
		ip := &x.indexed[i]
		if s.PersonOrder[i] != ip.id {
			x.reset()
			break
		}
		if ip.person == nil || ip.person.Name != ip.name {
			p := s.Persons[ip.id]
			x.remove(ip)
			x.add(ip, p)
		}
	}
	for _, id := range s.PersonOrder[len(x.indexed):] {
		x.indexed = append(x.indexed, indexedPerson{id: id})
		x.add(&x.indexed[len(x.indexed)-1], s.Persons[id])
	}
}

func (x *namesakeIndex) reset() {
	x.indexed = x.indexed[:0]
	x.bearers = map[string][]string{}
	x.same = map[string]bool{}
	if x.order == nil {
		x.order = Collator()
	}
}

// add indexes ip as the person p (nil: none).
func (x *namesakeIndex) add(ip *indexedPerson, p *assembly.Person) {
	ip.person, ip.name, ip.key = p, "", ""
	if p == nil {
		return
	}
	ip.name = p.Name
	ip.key = string(x.order.KeyFromString(&x.buf, strings.Join(strings.Fields(p.Name), " ")))
	x.buf.Reset()
	x.keyed++
	b := append(x.bearers[ip.key], ip.id)
	x.bearers[ip.key] = b
	if len(b) > 1 {
		for _, id := range b {
			x.same[id] = true
		}
	}
}

// remove takes ip's name out of the index.
func (x *namesakeIndex) remove(ip *indexedPerson) {
	if ip.person == nil {
		return
	}
	b := slices.DeleteFunc(x.bearers[ip.key], func(id string) bool { return id == ip.id })
	delete(x.same, ip.id)
	switch len(b) {
	case 0:
		delete(x.bearers, ip.key)
	case 1:
		delete(x.same, b[0])
		fallthrough
	default:
		x.bearers[ip.key] = b
	}
}

// Tell is what tells a person apart from another of the same name
// (Namesakes), as the mandate cards print it beside the name and the
// minutes give it: the member number (ref, the person's reference in the
// organiser's list), "No. 0200"; else the organization's name (org, ""
// for none) and the person's id; else the id.
func Tell(l *i18n.Locale, ref, org, id string) string {
	switch {
	case ref != "":
		return l.T("cards.ref", ref)
	case org != "":
		return org + ", " + id
	}
	return id
}
