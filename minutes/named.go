package minutes

import (
	"regexp"
	"strconv"

	"plenum/assembly"
)

// What md/7, html/8 and akn/7 name that the renderers before left out:
// a turn on the floor the secretary wrote no notes of, those still on the
// list of speakers when the discussion was closed, and why an amendment
// was overtaken in the document's language.

// turnText is the line the minutes give for a floor turn (floor_given)
// the secretary wrote no notes of: "Anna Schmidt spoke."; "" for a turn
// with notes. Notes belong to a turn when the speech names it
// (RecordSpeech.Floor), or, naming none, when they are the speaker's on
// the item recorded after the turn and before the speaker's next.
func (b *builder) turnText(r assembly.RecordEntry) string {
	if r.Kind != "floor_given" || r.Person == "" {
		return ""
	}
	if b.noted == nil {
		b.noted = notedTurns(b.s)
	}
	if b.noted[r.Entry] {
		return ""
	}
	key := "minutes.floor.spoke"
	switch r.Sub {
	case "point_of_order":
		key = "minutes.floor.spoke_point_of_order"
	case "question":
		key = "minutes.floor.asked"
	}
	return b.l.T(key, b.named(b.person(r.Person, "")))
}

// notedTurns are the entries of the floor turns that have notes: a
// speech recorded for them, a body's report the speaker gave, or for a
// question or a point of order the speaker's words recorded as an
// interjection.
func notedTurns(s *assembly.State) map[int]bool {
	noted := map[int]bool{}
	last := map[[2]string]int{}  // speaker and item → the entry of the speaker's last turn on it
	short := map[[2]string]int{} // the same, while that turn is a question or a point of order
	for _, r := range s.Record {
		switch r.Kind {
		case "floor_given":
			key := [2]string{r.Person, r.Item}
			last[key] = r.Entry
			delete(short, key)
			if r.Sub == "question" || r.Sub == "point_of_order" {
				short[key] = r.Entry
			}
		case "interjection_recorded":
			if t := short[[2]string{r.Person, r.Item}]; t != 0 && r.Person != "" {
				noted[t] = true
			}
		case "speech_recorded":
			sp := s.Speeches[r.Ref]
			switch {
			case sp == nil:
			case sp.Floor != 0:
				noted[sp.Floor] = true
			default:
				if t := last[[2]string{sp.Speaker, sp.Item}]; t != 0 {
					noted[t] = true
				}
			}
		case "body_reported":
			if t := last[[2]string{r.Person, r.Item}]; t != 0 {
				noted[t] = true
			}
		}
	}
	return noted
}

// narrative7 is the narrative text of r as md/7, html/8 and akn/7 give
// it, where it differs from text (and TextNow): the discussion closed
// with those still on the list of speakers named, the reason an amendment
// was overtaken in the document's language.
func (b *builder) narrative7(r assembly.RecordEntry, text string) string {
	var t string
	switch r.Kind {
	case "discussion_closed":
		if r.Text != "Discussion closed." {
			return "" // not plenum's words
		}
		names := b.stillOnList(r)
		if len(names) == 0 {
			return ""
		}
		t = b.l.T("minutes.rule.discussion_closed_list", b.joinTold(b.persons(names)))
	case "motion_disposed":
		reason, ok := b.overtakenReason(r.Label)
		if r.Sub != assembly.MotionStatusOvertaken || !ok {
			return ""
		}
		t = b.disposedText(b.nounKey(r.Ref), r.Text, r.Sub, reason)
	default:
		return ""
	}
	if t == text {
		return ""
	}
	return t
}

// stillOnList are those on the list of speakers on r's item when the
// discussion was closed (r), whom the closure kept from speaking, in the
// order they asked: their requests to speak, made before, neither served
// nor withdrawn. A point of order or a question is heard after the close
// and is not on the list.
func (b *builder) stillOnList(r assembly.RecordEntry) []string {
	it := b.s.Items[r.Item]
	if it == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, q := range it.Floor.Requests {
		if q.Withdrawn || q.Served || q.Kind == "point_of_order" || q.Kind == "question" || q.At.After(r.At) || seen[q.Person] {
			continue
		}
		seen[q.Person] = true
		out = append(out, q.Person)
	}
	return out
}

// overtakenRE is the reason plenum records, in English, for an amendment
// a carried amendment overtook (assembly's textEffects): the carried
// amendment's title, the lines it changed, the title of the text both
// amend.
var overtakenRE = regexp.MustCompile(`^The carried amendment “(.*)” changed (?:lines (\d+)–(\d+)|line (\d+)|the place at paragraph (\d+)) of “(.*)”, which this one would change too$`)

// overtakenReason is the reason an amendment was overtaken, as plenum
// records it in English, in the document's language; false for a reason
// plenum does not write (one typed by the chair), which stands as typed.
func (b *builder) overtakenReason(note string) (string, bool) {
	m := overtakenRE.FindStringSubmatch(note)
	if m == nil {
		return "", false
	}
	n := func(s string) int { i, _ := strconv.Atoi(s); return i }
	var span LineSpan
	switch {
	case m[2] != "":
		span = LineSpan{First: n(m[2]), Last: n(m[3])}
	case m[4] != "":
		span = LineSpan{First: n(m[4]), Last: n(m[4])}
	default:
		span = LineSpan{Paragraph: n(m[5])}
	}
	return b.l.T("minutes.overtaken.reason", b.quote(m[1]), span.Text(b.l), b.quote(m[6])), true
}
