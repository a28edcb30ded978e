// Package named turns the ids in a text the rules wrote (a refusal, a
// line of the domain) into what a person reads, for the pages (package
// web) and the JSON API (package httpapi) alike: a person's name, a
// motion's or item's title in quotes, a vote's question, an election's
// title, a mandate by its holder, a sitting by its title or date.
//
// A person's id that an argument of a refusal set is marked by package
// personarg and named wherever it stands; every other word that is an id
// of the assembly is named unless the text means it as a word ("only the
// chair …", "the m1" after an article).
package named

import (
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/personarg"
)

// Namer names the ids of S in a text. With a locale L other than English
// it names in words every language's sentence can take: a title in the
// language's quotes, a mandate by its holder, a sitting by its date; nil
// L is English.
type Namer struct {
	S *assembly.State
	L *i18n.Locale
	// Typed, if set, marks each text a person typed in a name (a
	// person's name, a title), for the pages to isolate it.
	Typed func(string) string
	// Person, if set, is a person's name as the caller writes it (the
	// pages: with what tells namesakes apart); else the person's name.
	Person func(id string) string
	// Seen, if set, is told each id the text names, as it names it.
	Seen func(id string)
}

func (n Namer) typed(t string) string {
	if n.Typed == nil {
		return t
	}
	return n.Typed(t)
}

func (n Namer) person(id string) string {
	if n.Person != nil {
		return n.Person(id)
	}
	return n.S.Persons[id].Name
}

// Name is the words for one id, and whether it is an id of S.
func (n Namer) Name(id string) (string, bool) {
	s := n.S
	if n.L != nil && n.L.Lang() != i18n.Default {
		return n.nameIn(id)
	}
	switch {
	case s.Persons[id] != nil && s.Persons[id].Name != "":
		return n.typed(n.person(id)), true
	case s.Motions[id] != nil:
		return "“" + n.typed(s.Motions[id].Title) + "”", true
	case s.Votes[id] != nil:
		return "the vote on “" + n.typed(VoteQuestion(s, s.Votes[id])) + "”", true
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

// nameIn is Name in a language other than English.
func (n Namer) nameIn(id string) (string, bool) {
	s, q := n.S, func(t string) string { return n.L.T("web.quote", n.typed(t)) }
	switch {
	case s.Persons[id] != nil && s.Persons[id].Name != "":
		return n.typed(n.person(id)), true
	case s.Votes[id] != nil:
		return q(VoteQuestion(s, s.Votes[id])), true
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
		return n.L.DateText(s.Sittings[id].Date), true
	}
	e := n
	e.L = nil
	return e.Name(id)
}

// VoteQuestion is what a vote asks (State.VoteQuestion), else its id.
func VoteQuestion(st *assembly.State, v *assembly.Vote) string {
	if q := st.VoteQuestion(v); q != "" {
		return q
	}
	return v.ID
}

// Text replaces every id of S in a text (a refusal of the rules, a line
// the domain wrote) by its name. Words are runs of id characters; a
// quoted id ("m1") loses its quotes. A person's id that an argument of a
// refusal set, marked (personarg.Mark), is the person's name wherever it
// stands, a word of the rules ("chair") too.
func (n Namer) Text(t string) string {
	var out strings.Builder
	seen := func(id string) {
		if n.Seen != nil {
			n.Seen(id)
		}
	}
	for i := 0; i < len(t); {
		if name, quoted, next, id, ok := personarg.At(n.S, t, i, n.typed); ok {
			if p := n.S.Persons[id]; p != nil && p.Name != "" {
				name = n.typed(n.person(id))
			}
			if quoted {
				s := out.String()
				out.Reset()
				out.WriteString(s[:len(s)-1])
			}
			out.WriteString(name)
			seen(id)
			i = next
			continue
		}
		j := i
		for j < len(t) && isIDByte(t[j]) {
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
		if name, ok := n.Name(word); ok && !glued && !prose(t[:i], word) {
			seen(word)
			if m := n.S.Mandates[word]; m != nil && (n.L == nil || n.L.Lang() == i18n.Default) && strings.HasSuffix(strings.ToLower(t[:i]), "mandate ") {
				// "the mandate md-egor": the mandate of its holder.
				name = "of " + name[:len(name)-len("'s mandate")]
			}
			name = unrepeated(t[:i], name)
			next := j
			if i > 0 && t[i-1] == '"' && j < len(t) && t[j] == '"' {
				s := out.String()
				out.Reset()
				out.WriteString(s[:len(s)-1])
				next = j + 1
			}
			out.WriteString(name)
			skip, beside, of := n.onItsMotion(word, t[next:])
			if beside != "" {
				out.WriteString(beside)
				seen(of)
			}
			i = next + skip
			continue
		} else {
			out.WriteString(word)
		}
		i = j
	}
	return out.String()
}

// unrepeated is an English name that opens with the words the text
// before it ends with, without them: "while the vote v1 is open" reads
// "while the vote on “…” is open", not "while the vote the vote on “…”";
// "no vote on v1" reads "no vote on “…”", "the encrypted election e1"
// "the encrypted election “…”", and so with the id in quotes ("the vote
// \"v1\" is not open"). A name in another language is the title alone
// and repeats nothing.
func unrepeated(before, name string) string {
	before = strings.ToLower(strings.TrimSuffix(before, `"`))
	for _, lead := range []struct{ name, word string }{{"the vote on ", " vote on "}, {"the vote ", " vote "}, {"the election ", " election "}} {
		if strings.HasPrefix(name, lead.name) && (strings.HasSuffix(" "+before, lead.word)) {
			return name[len(lead.name):]
		}
	}
	return name
}

// onItsMotion is how many bytes of rest, the text after the id of a vote,
// only name the motion (or drafts) the vote is on — " on m1" in "the vote
// v1 on m1 is open", " über m1" in German — and what to say instead.
// A vote named by that motion's title, or by a question of its own that
// repeats it or is part of it ("Adopt “Raise the dues”?" on “Raise the
// dues”), says nothing instead: "the vote on “Raise the dues” on “Raise
// the dues”" said it twice. A vote whose own question is another names
// the motion after it as what it is, in brackets: "the vote on “To
// accept the amendments” (motion “Kamenev's four amendments …”)", where
// "… on “To accept the amendments” on “Kamenev's four …”" read as if the
// question were on the motion's title. 0 and "" for any other id, or
// other words between.
func (n Namer) onItsMotion(id, rest string) (skip int, beside, of string) {
	v := n.S.Votes[id]
	if v == nil || n.S.VoteQuestion(v) == "" {
		return 0, "", ""
	}
	on, after, ok := strings.Cut(strings.TrimPrefix(rest, " "), " ")
	if !ok || !strings.HasPrefix(rest, " ") || !onWords[on] {
		return 0, "", ""
	}
	skipped := len(rest) - len(after)
	for _, of := range []string{v.Motion, v.Alternatives} {
		switch {
		case of == "":
		case strings.HasPrefix(after, `"`+of+`"`):
			return skipped + len(of) + 2, n.besideIts(v, of), of
		case strings.HasPrefix(after, of) && (len(after) == len(of) || !isIDByte(after[len(of)])):
			return skipped + len(of), n.besideIts(v, of), of
		}
	}
	return 0, "", ""
}

// besideIts is what follows a vote's name in place of the motion or
// drafts of it that the text names after it: nothing where the vote's
// name says the title already, else the motion in brackets.
func (n Namer) besideIts(v *assembly.Vote, of string) string {
	var title, key string
	switch {
	case of == v.Motion && n.S.Motions[of] != nil:
		title, key = n.S.Motions[of].Title, "named.vote.on_motion"
		if n.S.Motions[of].Amends != "" {
			key = "named.vote.on_amendment"
		}
	case of == v.Alternatives && n.S.Alternatives[of] != nil:
		title, key = n.S.Alternatives[of].Title, "named.vote.on_drafts"
	default:
		return ""
	}
	if v.Question == "" || repeats(v.Question, title) {
		return ""
	}
	name, _ := n.Name(of)
	l := n.L
	if l == nil {
		l = i18n.For(i18n.Default)
	}
	return " " + l.T(key, name)
}

// repeats reports whether a vote's question and a title say the same,
// or one holds the other, leaving aside case, quotation marks and the
// closing punctuation.
func repeats(question, title string) bool {
	plain := func(t string) string {
		t = strings.ToLower(strings.Map(func(r rune) rune {
			if strings.ContainsRune("\"“”„«»‘’'", r) {
				return -1
			}
			return r
		}, t))
		return strings.Join(strings.Fields(strings.TrimRight(t, " ?.!:;")), " ")
	}
	q, t := plain(question), plain(title)
	return q != "" && t != "" && (strings.Contains(q, t) || strings.Contains(t, q))
}

// onWords are the words the catalog's refusals put between a vote and
// the motion it is on ("the vote %s on %s", "die Abstimmung %s über %s",
// "голосования %s по %s", "du vote %s sur %s", "la votación %s sobre %s").
var onWords = map[string]bool{"on": true, "über": true, "по": true, "sur": true, "sobre": true}

func isIDByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '_'
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
