package minutes

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"plenum/assembly"
	"plenum/i18n"
)

// countsText writes a vote's counts as minutes do: "(For – 38; against –
// 26.)", "(For – 62 – 68; against – 66 – 70.)", "(After three ballots: for
// – 74; against – 66.)", "(For – 3; against – all other votes.)",
// "(Unanimously.)"; grouped (md/8, html/9, akn/8), the figures in
// thousands as the language groups them ("For – 2,411"). Counted more than once, every count is given in the
// order entered, the one the result was declared on marked: "(First count:
// for – 70; against – 70. Second count, deciding: for – 74; against –
// 66.)". It is "" when no count was recorded.
func countsText(l *i18n.Locale, v *Vote, counted bool, last *assembly.Round, grouped bool) string {
	if !counted && !v.Unanimous {
		return ""
	}
	if len(v.Rounds) > 1 && len(v.Ballots) == 0 {
		var parts []string
		for i, r := range v.Rounds {
			label := countLabel(l, i+1)
			if r.Ballots > 1 {
				label += l.T("minutes.count.after_ballots_clause", numberWord(l, r.Ballots), r.Ballots)
			}
			if r.Deciding {
				label += l.T("minutes.count.deciding_clause")
			}
			sides := countParts(l, r.For, r.Against, r.Abstain, r.Options, grouped)
			if r.Unanimous && (r.For.Word != "" || r.For.Max == 0) {
				sides = []string{l.T("minutes.count.unanimous")}
			}
			parts = append(parts, l.T("minutes.count.labelled", label, strings.Join(sides, l.T("minutes.sep"))))
		}
		return "(" + strings.Join(parts, ". ") + ".)"
	}
	var parts []string
	if v.Unanimous && len(v.Options) == 0 {
		if v.For.Word != "" || v.For.Max == 0 {
			return "" // the outcome says "Carried unanimously."
		}
		parts = append(parts, l.T("minutes.count.for", v.For.textAs(l, grouped)))
	} else {
		parts = countParts(l, v.For, v.Against, v.Abstain, v.Options, grouped)
	}
	text := strings.Join(parts, l.T("minutes.sep"))
	if last != nil && last.Ballots > 1 {
		text = l.T("minutes.count.after_ballots", numberWord(l, last.Ballots), last.Ballots, text)
	}
	return "(" + capitalize(text) + ".)"
}

// countParts are the sides of one count: "for – 38", "against – 26",
// "abstaining – 1", or each draft's count; only the side the minutes
// state when the other is not stated.
func countParts(l *i18n.Locale, f, a, ab Count, options []Option, grouped bool) []string {
	var parts []string
	if len(options) > 0 {
		for _, o := range options {
			parts = append(parts, isolate(o.Title)+" – "+o.Count.textAs(l, grouped))
		}
		return parts
	}
	switch {
	case f.Word == "unstated":
		// Only what the minutes state: "(The majority against.)"
		parts = append(parts, l.T("minutes.count.only_against", a.textAs(l, grouped)))
	case a.Word == "unstated":
		parts = append(parts, l.T("minutes.count.only_for", f.textAs(l, grouped)))
	default:
		parts = append(parts, l.T("minutes.count.for", f.textAs(l, grouped)), l.T("minutes.count.against", a.textAs(l, grouped)))
	}
	if ab != (Count{}) {
		parts = append(parts, l.T("minutes.count.abstaining", ab.textAs(l, grouped)))
	}
	return parts
}

// countLabel is "First count", "Second count", … "Tenth count", then
// "11th count" and so on, in the locale's words.
func countLabel(l *i18n.Locale, n int) string {
	words := strings.Split(l.T("minutes.count.ordinals"), "|")
	if n > 0 && n <= len(words) {
		return words[n-1]
	}
	if l.Lang() == "en" {
		return capitalize(ordinal(n)) + " count"
	}
	return l.T("minutes.count.nth", n)
}

// ordinal is "11th", "12th", "21st" and so on, in English.
func ordinal(n int) string {
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

// String writes a count for the English minutes: "38", "62 – 68", "all
// other votes", "the majority", "a minority".
func (c Count) String() string { return c.Text(nil) }

// Text writes a count for the minutes in a locale.
func (c Count) Text(l *i18n.Locale) string { return c.textAs(l, false) }

// textAs is Text, the figures grouped in thousands as l writes numbers
// (i18n.Locale.Number: "2,411", "2.411", "2 411") where grouped (md/8,
// html/9 and akn/8), in plain figures as the renderers before wrote them.
func (c Count) textAs(l *i18n.Locale, grouped bool) string {
	switch c.Word {
	case "rest":
		return l.T("minutes.count.rest")
	case "majority":
		return l.T("minutes.count.majority")
	case "minority":
		return l.T("minutes.count.minority")
	case "unstated":
		return l.T("minutes.count.unstated") // a side the minutes do not give
	case "":
	default:
		return c.Word
	}
	n := strconv.Itoa
	if grouped {
		n = l.Number
	}
	if c.Min == c.Max {
		return n(c.Min)
	}
	return n(c.Min) + " – " + n(c.Max)
}

// IsZero reports whether no count is given.
func (c Count) IsZero() bool { return c == Count{} }

// numberWord is a small number in words ("three"), as the locale's
// catalog lists them, else in figures.
func numberWord(l *i18n.Locale, n int) string {
	words := strings.Split(l.T("minutes.count.ballot_numbers"), "|")
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// OutcomeText is the result as the minutes state it: "Carried.",
// "Defeated.", "Taken as the basis: …", "The result is not recorded.", or
// "" while undeclared.
func (v *Vote) OutcomeText(l *i18n.Locale) string { return v.outcomeText(l, false) }

// outcomeText is OutcomeText, in the form that agrees with the outcome
// the arithmetic ends in (minutes.outcome8.*: Spanish "Aprobada." beside
// "…; aprobada"), or as md/7, html/8 and akn/7 stated it (before8:
// "Aprobado.").
func (v *Vote) outcomeText(l *i18n.Locale, before8 bool) string {
	key := func(old, now string) string {
		if before8 {
			return l.T(old)
		}
		return l.T(now)
	}
	switch {
	case !v.Declared:
		return ""
	case len(v.Options) > 0:
		return l.T("minutes.outcome.basis", v.Outcome)
	case v.OutcomeID == assembly.MotionStatusCarried && v.Unanimous:
		return key("minutes.outcome.carried_unanimously", "minutes.outcome8.carried_unanimously")
	case v.OutcomeID == assembly.MotionStatusCarried:
		return key("minutes.outcome.carried", "minutes.outcome8.carried")
	case v.OutcomeID == assembly.MotionStatusDefeated:
		return key("minutes.outcome.defeated", "minutes.outcome8.defeated")
	case v.OutcomeID == assembly.MotionStatusNotRecorded:
		return l.T("minutes.outcome.not_recorded")
	}
	return sentence(v.Outcome)
}

// BallotsText lists named ballots by choice: "For: A, B. Against: C." A
// ballot cast by proxy says for whom ("C (by proxy for D)"), and one of a
// weighted mandate how many votes it carries ("E (3 votes)").
// Those present and entitled who cast none follow: "Did not vote: E."
func (v *Vote) BallotsText(l *i18n.Locale) string { return v.ballotsText(l, false, false) }

// ballotsText is BallotsText, or as the renderers before md/6, html/7
// and akn/6 wrote it, without those who did not vote, or as those before
// md/8, html/9 and akn/8 (before8) did: each group's names in the order
// the ballots were cast, and a name another person bears too without
// what tells them apart (Ref.Named).
func (v *Vote) ballotsText(l *i18n.Locale, asBefore, before8 bool) string {
	t := v.castText(l, before8)
	if len(v.NotVoted) > 0 && !asBefore {
		notVoted := make([]string, len(v.NotVoted))
		for i, r := range v.NotVoted {
			notVoted[i] = r.Named(before8)
		}
		if !before8 {
			sortNames(l, notVoted)
		}
		t = strings.TrimSpace(t + " " + l.T("minutes.ballot.not_voted", strings.Join(notVoted, ", ")))
	}
	return t
}

func (v *Vote) castText(l *i18n.Locale, before8 bool) string {
	return strings.Join(v.castParts(l, before8), " ")
}

// castParts are the groups of named ballots, one for each choice: "For:
// A, B.", "Against: C."
func (v *Vote) castParts(l *i18n.Locale, before8 bool) []string {
	if len(v.Ballots) == 0 {
		return nil
	}
	order, by := byChoice(l, v.Ballots, before8)
	var parts []string
	for _, c := range order {
		parts = append(parts, l.T("minutes.ballot.choice", capitalize(choiceWord(l, c)), strings.Join(by[c], ", ")))
	}
	return parts
}

// BallotsParagraphs is BallotsText a paragraph for each choice, and one
// for those who did not vote: a roll call of thousands reads as a few
// paragraphs, each opening with its choice, not as one line of thousands
// of names ("For: …" / "Against: …" / "Did not vote: …"). md/9, html/10
// and akn/9 give them so.
func (v *Vote) BallotsParagraphs(l *i18n.Locale) []string {
	return v.ballotsParagraphs(l, false, false, false)
}

// ballotsParagraphs is BallotsParagraphs, or as the renderers before md/9,
// html/10 and akn/9 (before9) gave it, one paragraph of all (ballotsText
// with asBefore and before8); none for a vote without named ballots.
func (v *Vote) ballotsParagraphs(l *i18n.Locale, asBefore, before8, before9 bool) []string {
	if before9 {
		if t := v.ballotsText(l, asBefore, before8); t != "" {
			return []string{t}
		}
		return nil
	}
	parts := v.castParts(l, before8)
	if len(v.NotVoted) > 0 {
		notVoted := make([]string, len(v.NotVoted))
		for i, r := range v.NotVoted {
			notVoted[i] = r.Named(false)
		}
		sortNames(l, notVoted)
		parts = append(parts, l.T("minutes.ballot.not_voted", strings.Join(notVoted, ", ")))
	}
	return parts
}

// AttendanceText is a vote's attendance as the minutes give it: "Present
// and entitled to vote: 7 of 10; 3 had walked out; 3 of those away had
// left the hall without being named." Where the record does not show who
// was present it says nothing: the minutes of a restored record do not
// state an attendance their source does not give (the Popolo export
// carries the figures the log holds).
func (v *Vote) AttendanceText(l *i18n.Locale) string {
	a := v.Attendance
	if a.NotRecorded || a.Eligible == 0 {
		return ""
	}
	t := l.T("minutes.attendance.present", a.Present, a.Eligible)
	if a.Online > 0 {
		t += l.T("minutes.attendance.online", a.Online)
	}
	if a.WalkedOut > 0 {
		t += l.T("minutes.attendance.walked_out", a.WalkedOut)
	}
	if a.Unnamed > 0 {
		t += l.T("minutes.attendance.unnamed", a.Unnamed)
	}
	return t + "."
}

func choiceWord(l *i18n.Locale, c string) string {
	switch c {
	case "abstain":
		return l.T("minutes.choice.abstain")
	case "for":
		return l.T("minutes.choice.for")
	case "against":
		return l.T("minutes.choice.against")
	}
	return c
}

// MethodText says how a vote was taken.
func MethodText(l *i18n.Locale, method string) string {
	switch method {
	case "show_of_hands":
		return l.T("minutes.method.show_of_hands")
	case "roll_call":
		return l.T("minutes.method.roll_call")
	case "secret":
		return l.T("minutes.method.secret")
	case "encrypted":
		return l.T("minutes.method.encrypted")
	}
	return strings.ReplaceAll(method, "_", " ")
}

// CapacityText is how the minutes name a speaker's capacity: "co-reporter".
func CapacityText(l *i18n.Locale, c string) string {
	switch c {
	case "", "delegate":
		return ""
	case "co_reporter":
		return l.T("minutes.capacity.co_reporter")
	case "reporter":
		return l.T("minutes.capacity.reporter")
	}
	return strings.ReplaceAll(c, "_", " ")
}

// KindText names a mandate kind for a list of delegates; "" for decisive.
func KindText(l *i18n.Locale, k string) string {
	switch k {
	case assembly.KindDecisive, "":
		return ""
	case assembly.KindExOfficio:
		return l.T("minutes.kind.ex_officio")
	case assembly.KindConsultative:
		return l.T("minutes.kind.consultative")
	case assembly.KindGuest:
		return l.T("minutes.kind.guest")
	}
	return strings.ReplaceAll(k, "_", " ")
}

// DateText is the document's date line: the checkpoint's time in UTC, as
// the locale writes it.
func (c Checkpoint) DateText(l *i18n.Locale) string {
	if c.Time.IsZero() {
		return ""
	}
	return l.DateTime(c.Time)
}

// Dates says when the assembly met: "1917-03-27" or "2026-05-09 – 2026-05-10".
func (d *Document) Dates(l *i18n.Locale) string {
	if d.Ends == "" || d.Ends == d.Starts {
		return l.DateText(d.Starts)
	}
	return l.DateText(d.Starts) + " – " + l.DateText(d.Ends)
}

// SpeakerText is a speaker's name with their capacity: "Voitinsky (co-reporter)".
func (p *Paragraph) SpeakerText(l *i18n.Locale) string { return p.speakerTextAs(l, false) }

// speakerTextAs is SpeakerText, a name another person bears too with
// what tells them apart since md/8, html/9 and akn/8 ("Григорий Лебедева
// (No. M00412) (reporter)"), the name alone before (before8).
func (p *Paragraph) speakerTextAs(l *i18n.Locale, before8 bool) string {
	t := p.Speaker.Named(before8)
	if c := CapacityText(l, p.Capacity); c != "" {
		t += " (" + c + ")"
	}
	return t
}

// byChoice groups named ballots by their choice, in the order each choice
// was first made: who chose it, as voterName names them; since md/8,
// html/9 and akn/8 (unless before8) in the alphabetical order of the
// document's language (sortNames), before in the order cast.
func byChoice(l *i18n.Locale, ballots []Ballot, before8 bool) ([]string, map[string][]string) {
	var order []string
	by := map[string][]string{}
	for _, b := range ballots {
		choice := b.Choice
		if b.Choice8 != "" && !before8 {
			choice = b.Choice8
		}
		if _, ok := by[choice]; !ok {
			order = append(order, choice)
		}
		by[choice] = append(by[choice], voterName(l, b.Voter, b.ProxyFor, b.Weight, before8))
	}
	if !before8 {
		for _, names := range by {
			sortNames(l, names)
		}
	}
	return order, by
}

// sortNames sorts names, as the minutes write them, in the alphabetical
// order of l's language ("Ángela" with the A, "Ñúñez" after "Nuño" in
// Spanish): a reader looks a name up among hundreds. The name is
// collated as written, first name first, as the record gives it: plenum
// does not know which words of a name are the surname.
func sortNames(l *i18n.Locale, names []string) {
	c := collate.New(language.Make(l.Lang()))
	slices.SortStableFunc(names, func(a, b string) int { return c.CompareString(a, b) })
}

// voterName names who cast a ballot: "C (by proxy for D)", "E (3 votes)";
// since md/8, html/9 and akn/8 (unless before8) with what tells a name
// another person bears too apart: "C (n.º 0200, by proxy for D (n.º
// 0801))".
func voterName(l *i18n.Locale, voter, proxyFor Ref, weight int, before8 bool) string {
	name := voter.Name
	var notes []string
	if voter.Tell != "" && !before8 {
		notes = append(notes, voter.Tell)
	}
	if proxyFor.Name != "" {
		notes = append(notes, l.T("minutes.ballot.by_proxy", proxyFor.Named(before8)))
	}
	if weight > 1 {
		notes = append(notes, l.T("minutes.ballot.votes", weight))
	}
	if len(notes) > 0 {
		name += " (" + strings.Join(notes, ", ") + ")"
	}
	return name
}

// ListsText is an election's lists, each with its candidates in the order
// they stood: "Lists: Internationalists: 1. Kamenev, 2. Nogin;
// Revolutionary defensists: 1. Chkheidze." "" for an election without
// lists.
func (e *Election) ListsText(l *i18n.Locale) string { return e.listsTextAs(l, false) }

// listsTextAs is ListsText, a candidate's name another person bears too
// with what tells them apart since md/8, html/9 and akn/8, the name alone
// before (before8).
func (e *Election) listsTextAs(l *i18n.Locale, before8 bool) string {
	if len(e.Lists) == 0 {
		return ""
	}
	parts := make([]string, len(e.Lists))
	for i, li := range e.Lists {
		if len(li.Candidates) == 0 {
			parts[i] = l.T("minutes.election.list_empty", li.Name)
			continue
		}
		names := make([]string, len(li.Candidates))
		for j, c := range li.Candidates {
			names[j] = strconv.Itoa(j+1) + ". " + c.Named(before8)
		}
		parts[i] = l.T("minutes.election.list", li.Name, strings.Join(names, ", "))
	}
	return l.T("minutes.election.lists", strings.Join(parts, l.T("minutes.election.list_sep")))
}

// BallotsText is an election's ballots by name, grouped by what they
// chose, in the order first chosen: "Ballots by name — Internationalists:
// Anna, Boris; Revolutionary defensists: Chen." "" for none (an
// encrypted election keeps no names).
func (e *Election) BallotsText(l *i18n.Locale) string { return e.ballotsText(l, false) }

// ballotsText is BallotsText, or as md/7, html/8 and akn/7 wrote it
// (before8): the names in the order cast, a shared name alone.
func (e *Election) ballotsText(l *i18n.Locale, before8 bool) string {
	if len(e.Ballots) == 0 {
		return ""
	}
	order, by := byChoice(l, e.Ballots, before8)
	parts := make([]string, len(order))
	for i, c := range order {
		parts[i] = l.T("minutes.election.ballot_group", c, strings.Join(by[c], ", "))
	}
	return l.T("minutes.election.ballots", strings.Join(parts, l.T("minutes.election.list_sep")))
}

// ElectedText is "The following elected: A, B, C."
func (e *Election) ElectedText(l *i18n.Locale) string { return e.electedTextAs(l, false, false) }

// electedTextAs is ElectedText, the name of one elected that another
// person bears too with what tells them apart since md/8, html/9 and
// akn/8 ("The following elected: Вера Иванов (No. M00105)"), the name
// alone before (before8).
//
// Since md/11, html/12 and akn/11 (not before11) those elected by lists
// are named by list, in the order the lists were named, and on each in
// the order of the list (Elected11), where the versions before named
// them in the order the declaration gave.
func (e *Election) electedTextAs(l *i18n.Locale, before8, before11 bool) string {
	if !e.Declared {
		return ""
	}
	if len(e.Elected) == 0 {
		return l.T("minutes.election.nobody")
	}
	if e.Elected11 != nil && !before11 {
		return l.T("minutes.election.elected", joinNamed(e.Elected11, before8))
	}
	return l.T("minutes.election.elected", joinNamed(e.Elected, before8))
}

// Lead is the line that introduces a motion: "Sverdlov moves: …".
func (m *Motion) Lead(l *i18n.Locale) string { return m.LeadWith(l, AsIs) }

// LeadWith is Lead with each name and title set by typed.
func (m *Motion) LeadWith(l *i18n.Locale, typed Typed) string { return m.leadAs(l, typed, false) }

// leadAs is LeadWith, the mover's name another person bears too with
// what tells them apart since md/8, html/9 and akn/8, the name alone
// before (before8).
func (m *Motion) leadAs(l *i18n.Locale, typed Typed, before8 bool) string {
	if t := m.paperLead(l, typed, before8); t != "" {
		return t
	}
	if m.Mover.Name == "" {
		if m.Kind == "amendment" {
			return l.T("minutes.motion.amendment_to", typed(m.AmendsTitle), typed(m.Title))
		}
		if strings.HasPrefix(m.Title, "Motion ") {
			return typed(m.Title)
		}
		return l.T("minutes.motion.motion", typed(m.Title))
	}
	if m.Kind == "amendment" {
		return l.T("minutes.motion.moves_amendment", typed(m.Mover.Named(before8)), typed(m.AmendsTitle), typed(m.Title))
	}
	return l.T("minutes.motion.moves", typed(m.Mover.Named(before8)), typed(m.Title))
}
