package web

import (
	"fmt"
	"html/template"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/names"
	"plenum/named"
)

// The pages never ask a person for an id: whatever a form creates gets a
// fresh one from the server when the form is sent (freshID), everything a
// form names it names by a choice among names, and whatever a page shows
// names persons, motions, votes and items by name, never by id (named).

// A form asks for a fresh id with a field "new:ARG" whose value is the
// id's prefix: new:id=m gives the argument id the first of m1, m2, … that
// names nothing yet.
const newPrefix = "new:"

// freshID is the first id prefix+N (N from the number of things of that
// kind on) that names nothing in s and is not one of skip.
func freshID(s *assembly.State, prefix string, skip ...string) string {
	for n := kindCount(s, prefix) + 1; ; n++ {
		id := fmt.Sprintf("%s%d", prefix, n)
		if !taken(s, id) && !contains(skip, id) {
			return id
		}
	}
}

// prefixes are the kinds of things the pages create, by the prefix of
// their ids, each with how many there are: the first guess at a free
// number.
var prefixes = map[string]func(s *assembly.State) int{
	"s":      func(s *assembly.State) int { return len(s.SittingOrder) },
	"i":      func(s *assembly.State) int { return len(s.ItemOrder) },
	"m":      func(s *assembly.State) int { return len(s.MotionOrder) },
	"v":      func(s *assembly.State) int { return len(s.VoteOrder) },
	"e":      func(s *assembly.State) int { return len(s.ElectionOrder) },
	"sp":     func(s *assembly.State) int { return len(s.Speeches) },
	"doc":    func(s *assembly.State) int { return len(s.Documents) },
	"b":      func(s *assembly.State) int { return len(s.BodyOrder) },
	"screen": func(s *assembly.State) int { return len(s.ScreenOrder) },
	"cat":    func(s *assembly.State) int { return len(s.Submission.CategoryOrder) },
	"block":  func(s *assembly.State) int { return len(s.Submission.BlockOrder) },
}

// kindCount is how many things there are of the kind a prefix stands for
// (none counted for a motion's amendments: their numbers start at 1).
func kindCount(s *assembly.State, prefix string) int {
	if n := prefixes[prefix]; n != nil {
		return n(s)
	}
	return 0
}

// taken reports whether id names anything in s.
func taken(s *assembly.State, id string) bool {
	return s.Votes[id] != nil || s.Items[id] != nil || s.Motions[id] != nil || s.Sittings[id] != nil || s.Speeches[id] != nil ||
		s.Documents[id] != nil || s.Elections[id] != nil || s.Bodies[id] != nil || s.Persons[id] != nil || s.Organizations[id] != nil ||
		s.Mandates[id] != nil || s.Alternatives[id] != nil || s.Screens[id] != nil ||
		s.Submission.Categories[id] != nil || s.Submission.Blocks[id] != nil
}

// validPrefix reports whether a form's id prefix is one the pages use: a
// kind of prefixes, or a motion's amendments' or change recommendations'
// (motionPrefix).
func validPrefix(p string) bool { return prefixes[p] != nil || motionPrefix(p) }

// motionPrefix reports whether p is the prefix of the ids of a motion's
// amendments ("m1-a": m1-a1, m1-a2, …) or of the changes the committee
// recommends to it ("m1-c"): the motion's id, then "-a" or "-c". Whether
// the motion exists is the command's to decide (it names the motion
// again, as amends or motion); a form sent to a node whose state lags
// the page's is not refused for that.
func motionPrefix(p string) bool {
	motion, ok := strings.CutSuffix(p, "-a")
	if !ok {
		motion, ok = strings.CutSuffix(p, "-c")
	}
	if !ok || motion == "" || len(motion) > 60 {
		return false
	}
	for i := 0; i < len(motion); i++ {
		c := motion[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// namer turns ids into what a person reads: a person's name, a motion's
// or item's title in quotes, a vote's question. With a locale l other
// than English it names in words every language's sentence can take: a
// title in the language's quotes, a mandate by its holder, a sitting by
// its date; nil l is English.
type namer struct {
	s *assembly.State
	l *i18n.Locale
	// mark, if set, marks each text a person typed in a name (a
	// person's name, a title) for isolation (html, isolated).
	mark func(string) string
	// page, if set, is the page whose text n names: a person as the
	// page names them (view.Name, in the page's language), the rest in
	// n's.
	page *view
}

// html is text (a text the domain wrote) with every id of s replaced by
// its name, as HTML: escaped as html/template escapes a text, each text
// a person typed in a name isolated in <bdi> (bidi.go).
func (n namer) html(t string) template.HTML {
	n.mark = mark
	return marked(n.text(dropMarks.Replace(t)))
}

// isolated is text with every id of s replaced by its name, each text a
// person typed in a name isolated by the characters first strong
// isolate (U+2068) and pop directional isolate (U+2069): for a text
// that is no HTML, a refusal carried to the page in a cookie or as JSON
// for the script to show.
func (n namer) isolated(t string) string {
	n.mark = option
	return n.text(t)
}

// person is person id's name, with what tells them apart from another of
// the same name (personName) in n's language, or as n's page names them.
func (n namer) person(id string) string {
	if n.page != nil {
		return n.page.Name(id)
	}
	return personName(n.s, n.l, names.NamesakeOf(n.s), id)
}

// text replaces every id of s in a text (a refusal of the rules, a line
// the domain wrote) by its name (named.Namer.Text), in n's language, a
// person as n names them (person), each text a person typed marked if n
// marks them.
func (n namer) text(t string) string {
	return named.Namer{S: n.s, L: n.l, Typed: n.mark, Person: n.person}.Text(t)
}
