package minutes

import (
	"fmt"
	"strconv"
	"strings"

	"plenum/assembly"
)

// countsText writes a vote's counts as minutes do: "(For – 38; against –
// 26.)", "(For – 62 – 68; against – 66 – 70.)", "(After three ballots: for
// – 74; against – 66.)", "(For – 3; against – all other votes.)",
// "(Unanimously.)". Counted more than once, every count is given in the
// order entered, the one the result was declared on marked: "(First count:
// for – 70; against – 70. Second count, deciding: for – 74; against –
// 66.)". It is "" when no count was recorded.
func countsText(v *Vote, counted bool, last *assembly.Round) string {
	if !counted && !v.Unanimous {
		return ""
	}
	if len(v.Rounds) > 1 && len(v.Ballots) == 0 {
		var parts []string
		for i, r := range v.Rounds {
			label := capitalize(ordinal(i+1)) + " count"
			if r.Ballots > 1 {
				label += ", after " + numberWord(r.Ballots) + " ballots"
			}
			if r.Deciding {
				label += ", deciding"
			}
			sides := countParts(r.For, r.Against, r.Abstain, r.Options)
			if r.Unanimous && (r.For.Word != "" || r.For.Max == 0) {
				sides = []string{"unanimous"}
			}
			parts = append(parts, label+": "+strings.Join(sides, "; "))
		}
		return "(" + strings.Join(parts, ". ") + ".)"
	}
	var parts []string
	if v.Unanimous && len(v.Options) == 0 {
		if v.For.Word != "" || v.For.Max == 0 {
			return "" // the outcome says "Carried unanimously."
		}
		parts = append(parts, "for – "+v.For.String())
	} else {
		parts = countParts(v.For, v.Against, v.Abstain, v.Options)
	}
	text := strings.Join(parts, "; ")
	if last != nil && last.Ballots > 1 {
		text = "after " + numberWord(last.Ballots) + " ballots: " + text
	}
	return "(" + capitalize(text) + ".)"
}

// countParts are the sides of one count: "for – 38", "against – 26",
// "abstaining – 1", or each draft's count; only the side the minutes
// state when the other is not stated.
func countParts(f, a, ab Count, options []Option) []string {
	var parts []string
	if len(options) > 0 {
		for _, o := range options {
			parts = append(parts, o.Title+" – "+o.Count.String())
		}
		return parts
	}
	switch {
	case f.Word == "unstated":
		// Only what the minutes state: "(The majority against.)"
		parts = append(parts, a.String()+" against")
	case a.Word == "unstated":
		parts = append(parts, f.String()+" in favor")
	default:
		parts = append(parts, "for – "+f.String(), "against – "+a.String())
	}
	if ab != (Count{}) {
		parts = append(parts, "abstaining – "+ab.String())
	}
	return parts
}

// ordinal is "first", "second", … "tenth", then "11th" and so on.
func ordinal(n int) string {
	words := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	suffix := "th"
	switch {
	case n%100/10 == 1:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// String writes a count for the minutes: "38", "62 – 68", "all other
// votes", "the majority", "a minority".
func (c Count) String() string {
	switch c.Word {
	case "rest":
		return "all other votes"
	case "majority":
		return "the majority"
	case "minority":
		return "a minority"
	case "unstated":
		return "not stated" // a side the minutes do not give
	case "":
	default:
		return c.Word
	}
	if c.Min == c.Max {
		return strconv.Itoa(c.Min)
	}
	return fmt.Sprintf("%d – %d", c.Min, c.Max)
}

// IsZero reports whether no count is given.
func (c Count) IsZero() bool { return c == Count{} }

func numberWord(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// OutcomeText is the result as the minutes state it: "Carried.",
// "Defeated.", "Taken as the basis: …", "The result is not recorded.", or
// "" while undeclared.
func (v *Vote) OutcomeText() string {
	switch {
	case !v.Declared:
		return ""
	case len(v.Options) > 0:
		return "Taken as the basis: " + v.Outcome + "."
	case v.OutcomeID == assembly.MotionStatusCarried && v.Unanimous:
		return "Carried unanimously."
	case v.OutcomeID == assembly.MotionStatusCarried:
		return "Carried."
	case v.OutcomeID == assembly.MotionStatusDefeated:
		return "Defeated."
	case v.OutcomeID == assembly.MotionStatusNotRecorded:
		return "The result is not recorded."
	}
	return sentence(v.Outcome)
}

// BallotsText lists named ballots by choice: "For: A, B. Against: C." A
// ballot cast by proxy says for whom ("C (by proxy for D)"), and one of a
// weighted mandate how many votes it carries ("E (3 votes)").
func (v *Vote) BallotsText() string {
	if len(v.Ballots) == 0 {
		return ""
	}
	var order []string
	by := map[string][]string{}
	for _, b := range v.Ballots {
		if _, ok := by[b.Choice]; !ok {
			order = append(order, b.Choice)
		}
		name := b.Voter.Name
		var notes []string
		if b.ProxyFor.Name != "" {
			notes = append(notes, "by proxy for "+b.ProxyFor.Name)
		}
		if b.Weight > 1 {
			notes = append(notes, strconv.Itoa(b.Weight)+" votes")
		}
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		by[b.Choice] = append(by[b.Choice], name)
	}
	var parts []string
	for _, c := range order {
		parts = append(parts, capitalize(choiceWord(c))+": "+strings.Join(by[c], ", ")+".")
	}
	return strings.Join(parts, " ")
}

// AttendanceText is a vote's attendance as the minutes give it: "Present
// and entitled to vote: 7 of 10; 3 had walked out; 3 of those away had
// left the hall without being named." Where the record does not show who
// was present it says nothing: the minutes of a restored record do not
// state an attendance their source does not give (the Popolo export
// carries the figures the log holds).
func (v *Vote) AttendanceText() string {
	a := v.Attendance
	if a.NotRecorded || a.Eligible == 0 {
		return ""
	}
	t := fmt.Sprintf("Present and entitled to vote: %d of %d", a.Present, a.Eligible)
	if a.Online > 0 {
		t += fmt.Sprintf(", %d attending online", a.Online)
	}
	if a.WalkedOut > 0 {
		t += fmt.Sprintf("; %d had walked out", a.WalkedOut)
	}
	if a.Unnamed > 0 {
		t += fmt.Sprintf("; %d of those away had left the hall without being named", a.Unnamed)
	}
	return t + "."
}

func choiceWord(c string) string {
	switch c {
	case "abstain":
		return "abstaining"
	}
	return c
}

// MethodText says how a vote was taken.
func MethodText(method string) string {
	switch method {
	case "show_of_hands":
		return "by show of hands"
	case "roll_call":
		return "by roll call"
	case "secret":
		return "by secret ballot"
	}
	return strings.ReplaceAll(method, "_", " ")
}

// CapacityText is how the minutes name a speaker's capacity: "co-reporter".
func CapacityText(c string) string {
	switch c {
	case "", "delegate":
		return ""
	case "co_reporter":
		return "co-reporter"
	}
	return strings.ReplaceAll(c, "_", " ")
}

// KindText names a mandate kind for a list of delegates; "" for decisive.
func KindText(k string) string {
	switch k {
	case assembly.KindDecisive, "":
		return ""
	case assembly.KindExOfficio:
		return "ex officio"
	case assembly.KindConsultative:
		return "consultative vote"
	}
	return strings.ReplaceAll(k, "_", " ")
}

// DateText is the document's date line: the checkpoint's time in UTC.
func (c Checkpoint) DateText() string {
	if c.Time.IsZero() {
		return ""
	}
	return c.Time.UTC().Format("2006-01-02 15:04:05 UTC")
}

// Dates says when the assembly met: "1917-03-27" or "2026-05-09 – 2026-05-10".
func (d *Document) Dates() string {
	if d.Ends == "" || d.Ends == d.Starts {
		return d.Starts
	}
	return d.Starts + " – " + d.Ends
}

// SpeakerText is a speaker's name with their capacity: "Voitinsky (co-reporter)".
func (p *Paragraph) SpeakerText() string {
	t := p.Speaker.Name
	if c := CapacityText(p.Capacity); c != "" {
		t += " (" + c + ")"
	}
	return t
}

// ElectedText is "The following elected: A, B, C."
func (e *Election) ElectedText() string {
	if !e.Declared {
		return ""
	}
	if len(e.Elected) == 0 {
		return "Nobody was elected."
	}
	return "The following elected: " + joinNames(e.Elected) + "."
}

// Lead is the line that introduces a motion: "Sverdlov moves: …".
func (m *Motion) Lead() string {
	if t := m.paperLead(); t != "" {
		return t
	}
	if m.Mover.Name == "" {
		if m.Kind == "amendment" {
			return "Amendment to “" + m.AmendsTitle + "”: " + m.Title
		}
		if strings.HasPrefix(m.Title, "Motion ") {
			return m.Title
		}
		return "Motion: " + m.Title
	}
	if m.Kind == "amendment" {
		return m.Mover.Name + " moves an amendment to “" + m.AmendsTitle + "”: " + m.Title
	}
	return m.Mover.Name + " moves: " + m.Title
}
