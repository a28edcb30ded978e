package web

import (
	"fmt"
	"html/template"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/names"
	"plenum/personarg"
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

// typed is a text a person typed, marked if n marks them.
func (n namer) typed(t string) string {
	if n.mark == nil {
		return t
	}
	return n.mark(t)
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

// name is the words for one id, and whether it is an id of s.
func (n namer) name(id string) (string, bool) {
	s := n.s
	if n.l != nil && n.l.Lang() != i18n.Default {
		return n.nameIn(id)
	}
	switch {
	case s.Persons[id] != nil && s.Persons[id].Name != "":
		return n.typed(n.person(id)), true
	case s.Motions[id] != nil:
		return "“" + n.typed(s.Motions[id].Title) + "”", true
	case s.Votes[id] != nil:
		return "the vote on “" + n.typed(voteQuestion(s, s.Votes[id])) + "”", true
	case s.Elections[id] != nil:
		return "the election “" + n.typed(s.Elections[id].Title) + "”", true
	case s.Items[id] != nil:
		return "“" + n.typed(s.Items[id].Title) + "”", true
	case s.Mandates[id] != nil:
		m := s.Mandates[id]
		who := m.Person
		if p := s.Persons[m.Person]; p != nil && p.Name != "" {
			who = n.typed(n.person(m.Person))
		}
		return who + "'s mandate", true
	case s.Organizations[id] != nil:
		return n.typed(s.Organizations[id].Name), true
	case s.Bodies[id] != nil:
		return n.typed(s.Bodies[id].Name), true
	case s.Alternatives[id] != nil:
		return "“" + n.typed(s.Alternatives[id].Title) + "”", true
	case s.Sittings[id] != nil:
		if t := s.Sittings[id].Title; t != "" {
			return n.typed(t), true
		}
		return "the sitting of " + s.Sittings[id].Date, true
	case s.Documents[id] != nil:
		return "“" + n.typed(s.Documents[id].Title) + "”", true
	}
	for _, el := range s.Elections {
		for _, l := range el.Lists {
			if l.ID == id {
				return n.typed(l.Name), true
			}
		}
	}
	return "", false
}

// nameIn is name in a language other than English.
func (n namer) nameIn(id string) (string, bool) {
	s, q := n.s, func(t string) string { return n.l.T("web.quote", n.typed(t)) }
	switch {
	case s.Persons[id] != nil && s.Persons[id].Name != "":
		return n.typed(n.person(id)), true
	case s.Votes[id] != nil:
		return q(voteQuestion(s, s.Votes[id])), true
	case s.Elections[id] != nil:
		return q(s.Elections[id].Title), true
	case s.Motions[id] != nil:
		return q(s.Motions[id].Title), true
	case s.Items[id] != nil:
		return q(s.Items[id].Title), true
	case s.Alternatives[id] != nil:
		return q(s.Alternatives[id].Title), true
	case s.Documents[id] != nil:
		return q(s.Documents[id].Title), true
	case s.Mandates[id] != nil:
		if p := s.Persons[s.Mandates[id].Person]; p != nil && p.Name != "" {
			return n.typed(n.person(p.ID)), true
		}
		return s.Mandates[id].Person, true
	case s.Sittings[id] != nil:
		if t := s.Sittings[id].Title; t != "" {
			return n.typed(t), true
		}
		return n.l.DateText(s.Sittings[id].Date), true
	}
	return namer{s: s, mark: n.mark, page: n.page}.name(id)
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
// the domain wrote) by its name. Words are runs of id characters; a
// quoted id ("m1") loses its quotes. A person's id that an argument of a
// refusal set, marked (personarg.Mark), is the person's name wherever it
// stands, a word of the rules ("chair") too.
func (n namer) text(t string) string {
	var out strings.Builder
	isID := func(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' }
	for i := 0; i < len(t); {
		if name, quoted, next, id, ok := personarg.At(n.s, t, i, n.typed); ok {
			if p := n.s.Persons[id]; p != nil && p.Name != "" {
				name = n.typed(n.person(id))
			}
			if quoted {
				s := out.String()
				out.Reset()
				out.WriteString(s[:len(s)-1])
			}
			out.WriteString(name)
			i = next
			continue
		}
		j := i
		for j < len(t) && isID(rune(t[j])) {
			j++
		}
		if j == i {
			out.WriteByte(t[i])
			i++
			continue
		}
		word := t[i:j]
		// A word glued to letters outside the id alphabet (an upper case
		// letter, an accent) is prose, not an id.
		glued := i > 0 && isLetter(t[i-1]) || j < len(t) && isLetter(t[j])
		if name, ok := n.name(word); ok && !glued && !prose(t[:i], word) {
			if m := n.s.Mandates[word]; m != nil && (n.l == nil || n.l.Lang() == i18n.Default) && strings.HasSuffix(strings.ToLower(t[:i]), "mandate ") {
				// "the mandate md-egor": the mandate of its holder.
				name = "of " + name[:len(name)-len("'s mandate")]
			}
			name = unrepeated(t[:i], name)
			if i > 0 && t[i-1] == '"' && j < len(t) && t[j] == '"' {
				s := out.String()
				out.Reset()
				out.WriteString(s[:len(s)-1])
				out.WriteString(name)
				i = j + 1
				continue
			}
			out.WriteString(name)
		} else {
			out.WriteString(word)
		}
		i = j
	}
	return out.String()
}

// unrepeated is an English name that opens with the words the text
// before it ends with, without them: "while the vote v1 is open" reads
// "while the vote on “…” is open", not "while the vote the vote on “…”",
// and "the election e1" reads "the election “…”". A name in another
// language is the title alone and repeats nothing.
func unrepeated(before, name string) string {
	for _, lead := range []string{"the vote ", "the election "} {
		if strings.HasPrefix(name, lead) && strings.HasSuffix(strings.ToLower(before), lead) {
			return name[len(lead):]
		}
	}
	return name
}

func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 0x80 }

// prose reports whether a word that is also an id is meant as a word
// ("only the chair …"): after an article, or one of the words of the
// rules themselves, which the rules never use for an id.
func prose(before, word string) bool {
	switch word {
	case "chair", "secretary", "teller", "administrator", "delegate", "guest", "public", "system", "for", "against", "abstain":
		return true
	}
	if !strings.HasSuffix(before, " ") {
		return false
	}
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "the", "a", "an":
		return true
	}
	return false
}
