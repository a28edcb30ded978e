package minutes

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/figures"
	"plenum/internal/names"
)

// Build makes the document of the minutes from an assembly's state and the
// checkpoint the state was folded up to, in the language of its record
// (the assembly's language; English if it has none). It reads the state
// only; the result shares nothing with it.
func Build(s *assembly.State, cp Checkpoint) *Document {
	return BuildIn(s, cp, s.Assembly.Language)
}

// BuildIn makes the document of the minutes in another language: the
// words the minutes add (headings, leads, counts, outcomes) are in lang,
// the record's own text (names, speeches, motions) as it stands. A
// language plenum does not speak is English.
func BuildIn(s *assembly.State, cp Checkpoint, lang string) *Document {
	l := i18n.For(lang)
	b := &builder{s: s, l: l, doc: &Document{Lang: l.Lang(), Checkpoint: cp}}
	b.header()
	b.record()
	b.notTakenUp()
	recordedOn(b.doc)
	b.notedOn()
	isolateAll(b.doc)
	return b.doc
}

// recordedOn dates the corrections and strikes of a sitting recorded on
// another day than the sitting's date (Paragraph.Recorded), so that the
// minutes do not give what was recorded later as of the sitting.
func recordedOn(d *Document) {
	for i := range d.Sittings {
		st := &d.Sittings[i]
		if st.Date == "" {
			continue
		}
		for j := range st.Parts {
			for k := range st.Parts[j].Paragraphs {
				p := &st.Parts[j].Paragraphs[k]
				if (p.Kind == KindCorrection || p.Kind == KindStrike) && !p.At.IsZero() && p.At.Format("2006-01-02") != st.Date {
					p.Recorded = p.At
				}
			}
		}
	}
}

// notedOn dates the corrections and strikes the minutes give under
// "Notes on the record" (recorded while no sitting was open:
// Paragraph.Noted), and says of those of an entry of a sitting that they
// were recorded after it was closed (AfterClose), so that the minutes do
// not give a later correction, set apart from its sitting, undated.
func (b *builder) notedOn() {
	for i := range b.doc.Preface {
		p := &b.doc.Preface[i]
		if (p.Kind != KindCorrection && p.Kind != KindStrike) || p.At.IsZero() {
			continue
		}
		p.Noted = p.At
		if pos, ok := b.s.RecordIndex[p.Corrects]; ok && b.s.Record[pos].Sitting != "" {
			p.AfterClose = true
		}
	}
}

type builder struct {
	s   *assembly.State
	l   *i18n.Locale
	doc *Document

	changed   map[string]bool // the motions an amendment changes the text of; made by numbered
	noted     map[int]bool    // the floor turns with notes; made by turnText
	namesakes map[string]bool // the persons another bears the name of (names.Namesakes); made by person
	// told: the texts made now name a person whose name another bears
	// too as md/8, html/9 and akn/8 do, with what tells them apart
	// (named, joinTold); set while told8 makes a narrative's text again.
	told bool
	// now9: the texts made now say what md/9, html/10 and akn/9 say
	// where md/8's words differ (said9): a motion overtaken by another
	// decision ("minutes.disposed.overtaken8.*" before).
	now9 bool
	// byCount: the arithmetic made now lists the first count by votes,
	// as md/11, html/12 and akn/11 do (bycount.go).
	byCount bool
}

// threshold says what a vote needs in the document's language ("two
// thirds of the votes cast"); a threshold the catalog does not name is
// the rules' own words.
func (b *builder) threshold(t assembly.Threshold) string {
	switch t {
	case assembly.MajorityCast, assembly.MajorityPresent, assembly.MajorityMembers, assembly.TwoThirdsCast, assembly.ThreeQuartersCast:
		return b.l.T("minutes.threshold." + string(t))
	}
	return t.Describe()
}

// locale is the locale of the document's language.
func (d *Document) locale() *i18n.Locale { return i18n.For(d.Lang) }

// person returns a reference to a person id, or to a label.
func (b *builder) person(id, label string) Ref {
	if id == "" {
		return Ref{Name: label}
	}
	if p := b.s.Persons[id]; p != nil {
		return Ref{ID: id, Name: p.Name, Tell: b.tell(p)}
	}
	return Ref{ID: id, Name: id}
}

// tell is what tells p apart from another person of the same name, as
// the mandate cards print it (names.Tell: the member number, else the
// organization of p's mandate and p's id), or "" if nobody else bears
// p's name.
func (b *builder) tell(p *assembly.Person) string {
	if !b.hasNamesakes() || !b.namesakes[p.ID] {
		return ""
	}
	org := ""
	for _, mid := range p.Mandates {
		if m := b.s.Mandates[mid]; m != nil && m.Status != assembly.MandateStatusRejected && m.Organization != "" {
			org = b.orgName(m.Organization)
		}
	}
	return names.Tell(b.l, p.Ref, org, p.ID)
}

// hasNamesakes reports whether two persons of the assembly bear one name.
func (b *builder) hasNamesakes() bool {
	if b.namesakes == nil {
		b.namesakes = names.Namesakes(b.s)
	}
	return len(b.namesakes) > 0
}

// named is how a text the builder makes names r: by the name alone, or,
// while told, with what tells a name another bears too apart (Ref.Named).
func (b *builder) named(r Ref) string { return r.Named(!b.told) }

// joinTold is joinNames as named names each.
func (b *builder) joinTold(rs []Ref) string { return joinNamed(rs, !b.told) }

// told8 is the narrative text of r as md/8, html/9 and akn/8 give it
// where it names a person whose name another bears too (two "Григорий
// Лебедева" who spoke, left the hall, were deprived of the floor, were
// still on the list when the discussion was closed): the texts made
// again, told, and the one md/8 gives among them (narrativeAs); "" where
// it is the text p gives already, and for an assembly without two
// persons of one name.
func (b *builder) told8(r assembly.RecordEntry, p Paragraph, text func() string) string {
	if !b.hasNamesakes() {
		return ""
	}
	b.told = true
	defer func() { b.told = false }()
	t := text()
	q := Paragraph{Text: t, TextNow: b.narrativeNow(r, t), Text7: b.narrative7(r, t), Text8: b.narrative8(r, t)}
	if p.Only7 || p.Only8 {
		q = Paragraph{Text: t}
	}
	if now := q.narrativeAs(false, false, false, true, true); now != p.narrativeAs(false, false, false, true, true) {
		return now
	}
	return ""
}

// said9 is the narrative text of r as md/9, html/10 and akn/9 give it
// where its words differ from md/8's (now9: a motion overtaken by another
// decision, in Russian): the texts made again with the words of md/9, and
// the one md/9 gives among them; "" where it is the text p gives already.
// Only the Russian words changed, so a document in another language is
// not made again.
func (b *builder) said9(r assembly.RecordEntry, p Paragraph, text func() string) string {
	if b.l.Lang() != "ru" {
		return ""
	}
	b.now9, b.told = true, b.hasNamesakes()
	defer func() { b.now9, b.told = false, false }()
	t := text()
	q := Paragraph{Text: t, TextNow: b.narrativeNow(r, t), Text7: b.narrative7(r, t), Text8: b.narrative8(r, t)}
	if p.Only7 || p.Only8 {
		q = Paragraph{Text: t}
	}
	if now := q.narrativeAs(false, false, false, true, true); now != p.narrativeAs(false, false, false, true, true) {
		return now
	}
	return ""
}

// emended is what the record says of a person's name (Delegate.Emended):
// the person's note, and the other spellings of the name it does not give
// already. A spelling counts as given where the note holds it or each of
// its words that the name does not ("Serebnakov" of "Leonid P.
// Serebnakov" beside "Leonid P. Serebriakov").
func (b *builder) emended(id string) string {
	p := b.s.Persons[id]
	if p == nil {
		return ""
	}
	note := strings.TrimSuffix(strings.TrimSpace(p.Note), ".")
	var others []string
	for _, n := range p.OtherNames {
		if n = strings.TrimSpace(n); n != "" && n != p.Name && !noteGives(note, p.Name, n) {
			others = append(others, n)
		}
	}
	var parts []string
	if note != "" {
		parts = append(parts, note)
	}
	if len(others) > 0 {
		parts = append(parts, b.l.T("minutes.person.other_names", strings.Join(others, ", ")))
	}
	return strings.Join(parts, "; ")
}

// noteGives reports whether a person's note gives another spelling of the
// name: the spelling, or each of its words the name has not.
func noteGives(note, name, other string) bool {
	if note == "" {
		return false
	}
	if strings.Contains(note, other) {
		return true
	}
	own := map[string]bool{}
	for _, w := range strings.Fields(name) {
		own[w] = true
	}
	differ := false
	for _, w := range strings.Fields(other) {
		if own[w] {
			continue
		}
		if !strings.Contains(note, w) {
			return false
		}
		differ = true
	}
	return differ
}

func (b *builder) persons(ids []string) []Ref {
	var out []Ref
	for _, id := range ids {
		out = append(out, b.person(id, ""))
	}
	return out
}

func (b *builder) orgName(id string) string {
	if o := b.s.Organizations[id]; o != nil {
		return o.Name
	}
	return id
}

func (b *builder) motionTitle(id string) string {
	if m := b.s.Motions[id]; m != nil {
		return m.Title
	}
	return id
}

func points(ps []assembly.Point) []Point {
	var out []Point
	for _, p := range ps {
		out = append(out, Point{Number: p.Number, Text: p.Text})
	}
	return out
}

func count(c assembly.Count) Count { return Count{Min: c.Min, Max: c.Max, Word: c.Word} }

func (b *builder) header() {
	s, d := b.s, b.doc
	a := s.Assembly
	d.ID, d.Title, d.Starts, d.Ends, d.Description = a.ID, a.Name, a.Starts, a.Ends, a.Description
	d.Venues = append([]string(nil), a.Venues...)
	marks := make([]string, 0, len(s.Marks))
	for m := range s.Marks {
		marks = append(marks, m)
	}
	sort.Strings(marks)
	for _, m := range marks {
		d.Marks = append(d.Marks, Mark{Symbol: m, Meaning: s.Marks[m]})
	}
	for _, id := range s.PersonOrder {
		p := s.Persons[id]
		pr := Person{ID: p.ID, Name: p.Name, OtherNames: append([]string(nil), p.OtherNames...), Note: p.Note}
		if b.hasNamesakes() && b.namesakes[id] {
			pr.Number = p.Ref
		}
		d.Persons = append(d.Persons, pr)
		// An administrator acts as the mandate commission whether or not
		// he holds its role (the editor of a restored record holds them
		// all): the role granted to one does not say he was on it.
		if s.HasRole(id, assembly.RoleMandateCommission) && !s.HasRole(id, assembly.RoleAdministrator) {
			d.Commission = append(d.Commission, b.person(id, ""))
		}
	}
	delegates := map[string][]Delegate{}
	for _, id := range s.MandateOrder {
		m := s.Mandates[id]
		delegates[m.Organization] = append(delegates[m.Organization], Delegate{
			Mandate: m.ID, Person: b.person(m.Person, ""), Kind: m.Kind, Marks: append([]string(nil), m.Marks...),
			Status: m.Status, Reason: m.Reason, Note: m.Note, Emended: b.emended(m.Person),
		})
	}
	d.Personal = delegates[""]
	for _, id := range s.OrgOrder {
		o := s.Organizations[id]
		org := Organization{ID: o.ID, Name: o.Name, Kind: o.Kind, Number: o.Number, Parent: o.Parent, Note: o.Note,
			PresentNoted: o.PresentNoted, PresenceNote: o.PresenceNote, Delegates: delegates[o.ID]}
		for _, m := range o.Members {
			org.Members = append(org.Members, Member{Person: b.person(m.Person, ""), Role: m.Role, Note: m.Note})
		}
		if o.Kind == "delegating" {
			d.Organizations = append(d.Organizations, org)
		} else {
			d.Others = append(d.Others, org)
		}
	}
	for _, id := range s.BodyOrder {
		bd := s.Bodies[id]
		d.Bodies = append(d.Bodies, Body{ID: bd.ID, Name: bd.Name, Kind: bd.Kind, Members: b.persons(bd.Members),
			Instructions: append([]string(nil), bd.Instructions...), Note: bd.Note})
	}
	moved := map[string]assembly.RecordEntry{}
	for _, r := range s.Record {
		if r.Kind == "motion_moved" {
			moved[r.Ref] = r
		}
	}
	for _, id := range s.MotionOrder {
		m := b.motion(id)
		if r, ok := moved[id]; ok {
			m.At, m.Entry = r.At, r.Entry
			if b.recorderOnly(r) {
				m.Mover = Ref{}
			}
		}
		d.Motions = append(d.Motions, *m)
	}
	for _, id := range s.VoteOrder {
		d.Votes = append(d.Votes, *b.vote(id))
	}
	for _, id := range s.ElectionOrder {
		d.Elections = append(d.Elections, *b.election(id))
	}
}

func (b *builder) item(id string) *Item {
	it := b.s.Items[id]
	if it == nil {
		return &Item{ID: id, Title: id}
	}
	return &Item{ID: it.ID, Number: it.Number, Title: it.Title, Reporters: b.persons(it.Reporters),
		CoReporters: b.persons(it.CoReporters), Note: it.Note, Status: it.Status}
}

func (b *builder) motion(id string) *Motion {
	m := b.s.Motions[id]
	if m == nil {
		return &Motion{ID: id, Title: id}
	}
	mo := &Motion{ID: m.ID, Kind: m.Kind, Procedure: m.Procedure, Title: m.Title, Text: m.Text, Points: points(m.Points),
		Amends: m.Amends, Mover: b.person(m.Mover, m.Label), Seconds: b.persons(m.Seconds), Status: m.Status,
		Sitting: m.Sitting, Item: m.Item, Votes: append([]string(nil), m.Votes...)}
	if m.Amends != "" {
		mo.AmendsTitle = b.motionTitle(m.Amends)
	}
	b.paper(m, mo)
	return mo
}

func (b *builder) vote(id string) *Vote {
	v := b.s.Votes[id]
	if v == nil {
		return &Vote{ID: id}
	}
	out := &Vote{ID: v.ID, Motion: v.Motion, Question: v.Question, Method: v.Method, Sitting: v.Sitting, Item: v.Item, OpenedAt: v.OpenedAt, ClosedAt: v.ClosedAt,
		EligibleNote: v.EligibleNote, Present: v.Attendance.Present, Eligible: v.Attendance.Eligible}
	if v.Motion != "" {
		out.MotionTitle = b.motionTitle(v.Motion)
	}
	if out.Question == "" {
		switch {
		case v.Motion != "":
			out.Question = out.MotionTitle
		case v.Alternatives != "":
			if a := b.s.Alternatives[v.Alternatives]; a != nil {
				out.Question = a.Title
			}
		}
	}
	a := v.Attendance
	out.Attendance = Attendance{NotRecorded: a.NotRecorded, Eligible: a.Eligible, Present: a.Present, Absent: a.Absent,
		WalkedOut: a.WalkedOut, Online: a.Online, Unnamed: a.UnnamedOut}
	out.Threshold, out.ThresholdID = b.threshold(v.Threshold), string(v.Threshold)
	if v.Departure != nil {
		out.RuleThreshold, out.Departure = b.threshold(v.RuleThreshold), b.departure(v.Departure)
	}
	out.ItemRule = b.itemRule(v)
	for i, r := range v.Rounds {
		rd := Round{Ballots: r.Ballots, Tellers: b.persons(r.Tellers), Note: r.Note, For: count(r.For), Against: count(r.Against),
			Abstain: count(r.Abstain), Unanimous: r.Unanimous, Present: r.Present,
			Deciding: i == len(v.Rounds)-1 && v.Result != nil && len(v.Ballots) == 0 && len(v.Sealed) == 0}
		if al := b.s.Alternatives[v.Alternatives]; al != nil {
			for _, mid := range al.Motions {
				rd.Options = append(rd.Options, Option{Motion: mid, Title: b.motionTitle(mid), Count: count(r.Alternatives[mid])})
			}
		}
		out.Rounds = append(out.Rounds, rd)
	}
	if v.Method != "secret" {
		for _, bl := range v.Ballots {
			choice := bl.Choice
			if m := b.s.Motions[choice]; m != nil && v.Alternatives != "" {
				choice = m.Title
			}
			ballot := Ballot{Voter: b.person(bl.Voter, ""), Choice: choice, Weight: max(bl.Weight, 1), Right: bl.Right}
			if md := b.s.Mandates[bl.Right]; md != nil && md.Person != bl.Voter {
				ballot.ProxyFor = b.person(md.Person, "")
			}
			out.Ballots = append(out.Ballots, ballot)
		}
		out.NotVoted = b.notVoted(v)
	}
	var last *assembly.Round
	if len(v.Rounds) > 0 {
		last = &v.Rounds[len(v.Rounds)-1]
	}
	if a := b.s.Alternatives[v.Alternatives]; a != nil {
		for _, mid := range a.Motions {
			o := Option{Motion: mid, Title: b.motionTitle(mid)}
			switch {
			case v.Result != nil && v.Result.ByChoice != nil:
				o.Count = Count{Min: v.Result.ByChoice[mid], Max: v.Result.ByChoice[mid]}
			case last != nil:
				o.Count = count(last.Alternatives[mid])
			}
			out.Options = append(out.Options, o)
		}
	}
	if r := v.Result; r != nil {
		out.Declared = true
		out.For, out.Against, out.Abstain, out.Unanimous = count(r.For), count(r.Against), count(r.Abstain), r.Unanimous
		out.Note, out.OutcomeID = r.Note, r.Outcome
		var empty bool
		out.Arithmetic, empty = b.voteArithmetic(v, last, false)
		now, _ := b.voteArithmetic(v, last, true)
		if now != out.Arithmetic {
			out.ArithmeticNow = now
		}
		if g := figures.Group(b.l, now); g != now {
			out.Arithmetic8 = g
		}
		out.Outcome = r.Outcome
		if v.Alternatives != "" {
			out.Outcome = b.motionTitle(r.Outcome)
		}
		counted := len(v.Ballots) > 0 || len(v.Sealed) > 0 || last != nil || empty && r.Outcome != assembly.MotionStatusNotRecorded
		out.Counts = countsText(b.l, out, counted, last, false)
		if g := countsText(b.l, out, counted, last, true); g != out.Counts {
			out.Counts8 = g
		}
		out.Resolution = b.resolution(v)
		out.Unapplied = b.unapplied(v)
	}
	return out
}

// VoteArithmetic is a declared vote's arithmetic in l's language, as the
// minutes give it ("2 for, 1 against, 3 cast; 2 needed; carried"), "" if
// the vote is not declared: the pages show a result in the page's
// language, not the English the record states it in. A French outcome
// is in the invariable form md/8 gives it ("; adopté", neutralOutcome),
// which agrees with the pages' "ADOPTÉ" beside it.
func VoteArithmetic(s *assembly.State, id string, l *i18n.Locale) string {
	v := s.Votes[id]
	if v == nil || v.Result == nil {
		return ""
	}
	var last *assembly.Round
	if len(v.Rounds) > 0 {
		last = &v.Rounds[len(v.Rounds)-1]
	}
	arith, _ := (&builder{s: s, l: l}).voteArithmetic(v, last, true)
	return neutralOutcome(l, arith, false)
}

// voteArithmetic is the declared vote v's arithmetic in the document's
// language (last its last round of counts, or nil), and whether it is a
// roll call nobody voted in. mended: as md/6, html/7 and akn/6 give it
// (Vote.ArithmeticNow), else as the renderers before.
func (b *builder) voteArithmetic(v *assembly.Vote, last *assembly.Round, mended bool) (arith string, empty bool) {
	r := v.Result
	arith = r.Arithmetic
	if v.Alternatives != "" {
		arith = withNames(r.Arithmetic, func(id string) (string, bool) {
			if m := b.s.Motions[id]; m != nil && mended {
				return b.quote(m.Title), true
			} else if m != nil {
				return quote(m.Title), true
			}
			return "", false
		})
	}
	// A roll call in which nobody voted was counted: none cast. A
	// record made before plenum counted it so says "no count recorded"
	// and the chair's outcome, which stands (assembly's count).
	empty = v.Method == "roll_call" && len(v.Ballots) == 0 && last == nil && v.Alternatives == ""
	// A count entered from a source: a restored record's, in a
	// sitting whose attendance is not recorded (sourcecounts.go).
	source := v.Attendance.NotRecorded && len(v.Ballots) == 0 && len(v.Sealed) == 0 && v.Encrypted == nil && last != nil
	return b.arithmetic(arith, r.Outcome, empty, source, mended), empty
}

// arithmetic is a result's arithmetic in the document's language. The
// chair's declaration where the count does not decide is said as a
// sentence ("…; the count does not decide, and the chair declares it
// carried", not "…; the count does not decide; declared; carried"); an
// empty roll call declared before the rules counted it as none cast says
// so ("0 cast; declared carried", not "no count recorded"); in a count
// entered from a source what plenum worked out from it is marked as such
// (workedOutMarked).
func (b *builder) arithmetic(recorded, outcome string, empty, source, mended bool) string {
	if source {
		if t, ok := workedOutMarked(b.l, recorded, mended); ok {
			return t
		}
	}
	if empty && recorded == "no count recorded; declared "+outcome {
		return b.l.T("minutes.arith.none_cast_declared", b.l.T("minutes.status."+outcome))
	}
	if head, ok := strings.CutSuffix(recorded, "; declared; "+outcome); ok && (outcome == assembly.MotionStatusCarried || outcome == assembly.MotionStatusDefeated) {
		if t, ok := arithmeticIn(b.l, head, mended); ok {
			return t + b.l.T("minutes.arith.chair_declares", b.l.T("minutes.status."+outcome))
		}
	}
	if t, ok := arithmeticIn(b.l, recorded, mended); ok {
		return t
	}
	return recorded
}

func (b *builder) election(id string) *Election {
	e := b.s.Elections[id]
	if e == nil {
		return &Election{ID: id, Title: id}
	}
	name := func(id string) (string, bool) {
		if p := b.s.Persons[id]; p != nil {
			return b.named(b.person(id, "")), true
		}
		for _, l := range e.Lists {
			if l.ID == id {
				return l.Name, true
			}
		}
		if b.l.Has("minutes.method." + id) {
			return b.l.T("minutes.method." + id), true
		}
		return "", false
	}
	arith := withNames(b.tiesNamed(e), name)
	out := &Election{ID: e.ID, Title: e.Title, Body: e.Body, Seats: e.Seats, Method: e.Method, Candidates: b.persons(e.Candidates),
		Elected: b.persons(e.Elected), Arithmetic: b.electionArithmetic(e, arith, true), Note: e.Note, Instruction: e.Instruction, Sitting: e.Sitting,
		Declared: e.Status == assembly.ElectionStatusDeclared}
	// md/8, html/9 and akn/8 tell two candidates of one name apart in
	// the count ("Вера Иванов (No. M00105) 226 … Вера Иванов (No.
	// M00121) 24"), the renderers before named them alike.
	b.told = b.hasNamesakes()
	// They group the number of ballots in thousands ("plurality, 3,003
	// ballots: …"), which the English count gave in plain figures.
	if a := groupBallots(b.l, b.electionArithmetic(e, withNames(b.tiesNamed(e), name), false)); a != out.Arithmetic {
		out.Arithmetic8 = a
	}
	// md/11, html/12 and akn/11 list the count by votes (bycount.go).
	b.byCount = true
	before := out.Arithmetic
	if out.Arithmetic8 != "" {
		before = out.Arithmetic8
	}
	if a := groupBallots(b.l, b.electionArithmetic(e, withNames(b.recordedByVotes(e, b.tiesNamed(e)), name), false)); a != before {
		out.Arithmetic11 = a
	}
	b.told, b.byCount = false, false
	lists := map[string]string{}
	for _, l := range e.Lists {
		lists[l.ID] = l.Name
		out.Lists = append(out.Lists, ElectionList{Name: l.Name, Candidates: b.persons(l.Candidates)})
	}
	if out.Declared {
		out.Elected11 = electedByList(out.Lists, out.Elected)
	}
	out.Secret = e.Secret
	for _, bl := range e.Ballots {
		if e.Secret {
			break // who voted is in the record; how, only in the sealed ballots, counted
		}
		ballot := Ballot{Voter: b.person(bl.Voter, ""), Weight: max(bl.Weight, 1), Right: bl.Right, Choice: b.l.T("minutes.election.blank")}
		if md := b.s.Mandates[bl.Right]; md != nil && md.Person != bl.Voter {
			ballot.ProxyFor = b.person(md.Person, "")
		}
		switch {
		case bl.List != "":
			n, ok := lists[bl.List]
			if !ok {
				n = bl.List
			}
			ballot.Choice = b.l.T("minutes.election.for", n)
		case len(bl.Ranking) > 1:
			ballot.Choice = b.l.T("minutes.election.ranked", joinNames(b.persons(bl.Ranking)))
			ballot.Choice8 = b.l.T("minutes.election.ranked", joinNamed(b.persons(bl.Ranking), false))
		case len(bl.Ranking) == 1:
			ballot.Choice = b.l.T("minutes.election.for", joinNames(b.persons(bl.Ranking)))
			ballot.Choice8 = b.l.T("minutes.election.for", joinNamed(b.persons(bl.Ranking), false))
		case len(bl.Approve) > 0:
			ballot.Choice = b.l.T("minutes.election.for", joinNames(b.persons(bl.Approve)))
			ballot.Choice8 = b.l.T("minutes.election.for", joinNamed(b.persons(bl.Approve), false))
		}
		if ballot.Choice8 == ballot.Choice {
			ballot.Choice8 = ""
		}
		out.Ballots = append(out.Ballots, ballot)
	}
	return out
}

// itemRule reports whether the majority v needed is the one the rules
// fix for its item rather than voting_threshold: no departure (so v
// needed what the rules fixed), a question or a substantive motion on the
// item (which take the item's threshold, assembly.State.RuleThreshold),
// and a majority other than voting_threshold.
func (b *builder) itemRule(v *assembly.Vote) bool {
	if v.Departure != nil || v.Alternatives != "" || v.Threshold == b.s.Assembly.Rules.VotingThreshold {
		return false
	}
	if v.Motion != "" {
		mo := b.s.Motions[v.Motion]
		return mo != nil && mo.Kind == "substantive"
	}
	return true
}

// notVoted are those who were present and entitled when a vote by name
// was opened and cast no ballot, by name; none where the record does not
// show who was present, where some left the hall unnamed (who they were
// is not known), or before the vote is closed.
func (b *builder) notVoted(v *assembly.Vote) []Ref {
	if v.PresentAtOpening == nil || v.Attendance.UnnamedOut > 0 || v.Status == assembly.VoteStatusOpen ||
		v.Method == assembly.MethodEncrypted || v.Method != "roll_call" && len(v.Ballots) == 0 {
		return nil
	}
	var out []Ref
	for r := range v.PresentAtOpening {
		if v.Voted[r] {
			continue
		}
		person := strings.TrimPrefix(r, "p:")
		if md := b.s.Mandates[r]; md != nil {
			person = md.Person
		}
		out = append(out, b.person(person, ""))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// record walks the minutes in order and sorts them into sittings and parts.
func (b *builder) record() {
	s, d := b.s, b.doc
	var sitting *Sitting
	var chair Ref // who is in the chair now
	// lastPut is the vote of the last question or result of the sitting
	// (or of a motion or election, ""): a result that does not follow
	// its own question says which it is.
	lastPut := ""
	add := func(p Paragraph) {
		switch p.Kind {
		case KindQuestion, KindVote:
			if p.Kind == KindVote && p.Vote.ID != lastPut {
				p.Vote.Apart = true
			}
			lastPut = p.Vote.ID
		case KindMotion, KindElection:
			lastPut = ""
		}
		if sitting == nil {
			p.After = len(d.Sittings)
			d.Preface = append(d.Preface, p)
			return
		}
		part := &sitting.Parts[len(sitting.Parts)-1]
		part.Paragraphs = append(part.Paragraphs, p)
	}
	narrative := func(r assembly.RecordEntry, text string) {
		p := Paragraph{Kind: KindNarrative, Entry: r.Entry, Text: text, TextNow: b.narrativeNow(r, text), Text7: b.narrative7(r, text), Text8: b.narrative8(r, text), Time: r.Time}
		if t := b.told8(r, p, func() string { return b.narrativeText(r) }); t != "" {
			p.Text8 = t
		}
		p.Text9 = b.said9(r, p, func() string { return b.narrativeText(r) })
		if r.Kind == "left_hall" || r.Kind == "returned_to_hall" {
			p.Text11, _ = b.hallNamed(r) // md/11, html/12 and akn/11
		}
		add(p)
	}
	added := map[string]map[string]bool{} // sitting → guests admitted after the opening
	for _, r := range s.Record {
		if r.Kind == "sitting_guests_added" {
			list, _, _ := strings.Cut(strings.TrimPrefix(r.Text, "Present besides: "), " (")
			if added[r.Ref] == nil {
				added[r.Ref] = map[string]bool{}
			}
			for _, g := range strings.Split(list, ", ") {
				added[r.Ref][g] = true
			}
		}
	}
	// changes are who checked in or out during the open sitting, not yet
	// given; flush gives those recorded before entry.
	var changes []assembly.PresenceChange
	flush := func(entry int) {
		n := 0
		for n < len(changes) && changes[n].Entry < entry {
			n++
		}
		for _, p := range b.presenceTexts(changes[:n]) {
			add(p)
		}
		changes = changes[n:]
	}
	for _, r := range inOrder(s) {
		if sitting != nil && len(changes) > 0 {
			flush(r.Entry)
		}
		switch r.Kind {
		case "sitting_opened":
			st := s.Sittings[r.Ref]
			if st == nil {
				continue
			}
			d.Sittings = append(d.Sittings, Sitting{ID: st.ID, Title: st.Title, Date: st.Date, Time: st.Time, Venue: st.Venue,
				Note: st.Note, Chair: b.person(r.Person, ""), Secretaries: b.persons(st.Secretaries),
				Approved: st.Approved, Entry: r.Entry, Parts: []Part{{}}})
			sitting = &d.Sittings[len(d.Sittings)-1]
			chair, lastPut = sitting.Chair, ""
			sitting.Attendance, changes = b.attendance(st)
			d.Roll = d.Roll || sitting.Attendance != nil
			if chairs := Chairs(s, st.ID); len(chairs) > 1 {
				sitting.ChairsAfter = b.persons(chairs[1:])
			}

			for _, g := range st.Guests {
				if !added[st.ID][g] {
					sitting.Guests = append(sitting.Guests, b.person(g, ""))
				}
			}
			for _, o := range st.JointWith {
				sitting.JointWith = append(sitting.JointWith, b.orgName(o))
			}
			continue
		case "sitting_closed":
			if sitting != nil {
				sitting.ClosingTime, sitting.Closed = r.Time, true
			}
			sitting, lastPut = nil, ""

			continue
		case "item_taken_up":
			if sitting == nil {
				continue
			}
			it := b.item(r.Ref)
			sitting.OrderOfDay = append(sitting.OrderOfDay, *it)
			last := &sitting.Parts[len(sitting.Parts)-1]
			if last.Item == nil && onlySince8(last.Paragraphs) {
				// What md/8, html/9 and akn/8 alone give before the
				// first item (the speaking time set as the sitting
				// opened) keeps the parts as the renderers before made
				// them, and is given before the item's heading.
				for i := range last.Paragraphs {
					last.Paragraphs[i].BeforeItem = true
				}
				last.Item = it
			} else {
				sitting.Parts = append(sitting.Parts, Part{Item: it})
			}
			continue
		}
		if r.Kind == "presidium_changed" && r.Person != "" {
			chair = b.person(r.Person, "")
		}
		if t := b.turnText(r); t != "" && sitting != nil {
			// A turn the secretary wrote no notes of: md/7, html/8
			// and akn/7 name the speaker.
			p := Paragraph{Kind: KindNarrative, Entry: r.Entry, Text: t, Only7: true}
			p.Text8 = b.told8(r, p, func() string { return b.turnText(r) })
			add(p)
			continue
		}
		if t, ok := b.speakingTimeText(r); ok {
			// The speaking time set in the sitting: md/8, html/9 and
			// akn/8 give it.
			add(Paragraph{Kind: KindNarrative, Entry: r.Entry, Text: t, Only8: true})
			continue
		}
		p := b.paragraph(r)
		if p != nil && p.Kind == KindQuestion && sitting != nil {
			p.Speaker = chair
		}
		if p == nil {
			if text := b.narrativeText(r); text != "" {
				narrative(r, text)
			}
			continue
		}
		add(*p)
	}
	if sitting != nil {
		flush(s.Events)
	}
	// Mark the paragraphs that were corrected later.
	mark := func(ps []Paragraph) {
		for i := range ps {
			if pos, ok := s.RecordIndex[ps[i].Entry]; ok {
				for _, c := range s.Record[pos].Corrected {
					if s.Record[c].Kind == "record_struck" {
						ps[i].StruckBy = s.Record[c].Entry
						continue
					}
					ps[i].CorrectedBy = append(ps[i].CorrectedBy, s.Record[c].Entry)
				}
				ps[i].CountNoted = len(ps[i].CorrectedBy) > 0 && s.Counted(ps[i].Entry)
			}
		}
	}
	mark(d.Preface)
	for i := range d.Sittings {
		for j := range d.Sittings[i].Parts {
			mark(d.Sittings[i].Parts[j].Paragraphs)
		}
	}
}

// onlySince8 reports whether ps holds no paragraph but those md/8, html/9
// and akn/8 alone give (Only8), if any.
func onlySince8(ps []Paragraph) bool {
	for _, p := range ps {
		if !p.Only8 {
			return false
		}
	}
	return true
}

// Chairs are the persons who chaired a sitting, in the order they took
// the chair: who opened it, then each who took the chair when the
// presidium changed (a guest added to it who takes the chair). The
// minutes' heading of a sitting and the record page name them all.
func Chairs(s *assembly.State, sitting string) []string {
	var out []string
	for _, r := range s.Record {
		if r.Ref != sitting || r.Person == "" || r.Kind != "sitting_opened" && r.Kind != "presidium_changed" {
			continue
		}
		if len(out) == 0 || out[len(out)-1] != r.Person {
			out = append(out, r.Person)
		}
	}
	return out
}

// paragraph turns a record entry into a paragraph of its own kind, or
// returns nil for entries that read as narrative.
func (b *builder) paragraph(r assembly.RecordEntry) *Paragraph {
	s := b.s
	p := &Paragraph{Entry: r.Entry, Time: r.Time, At: r.At}
	switch r.Kind {
	case "speech_recorded":
		sp := s.Speeches[r.Ref]
		if sp == nil {
			return nil
		}
		p.Kind, p.Speaker, p.Capacity, p.Text = KindSpeech, b.person(sp.Speaker, sp.Label), sp.Capacity, sp.Notes
	case "body_reported":
		p.Kind, p.Speaker, p.Text = KindSpeech, b.person(r.Person, ""), r.Text
		if bd := s.Bodies[r.Ref]; bd != nil {
			p.Capacity = b.l.T("minutes.capacity.for_body", bd.Name)
		}
	case "interjection_recorded":
		p.Kind, p.Sub, p.Text = KindInterjection, r.Sub, r.Text
		if r.Person != "" || r.Label != "" {
			p.Speaker = b.person(r.Person, r.Label)
		}
	case "narrative_recorded":
		p.Kind, p.Text = KindNarrative, r.Text
	case "document_read":
		doc := s.Documents[r.Ref]
		if doc == nil {
			return nil
		}
		p.Kind, p.Title, p.Text, p.Points, p.Origin, p.Provenance = KindDocument, doc.Title, doc.Text, points(doc.Points), doc.Origin, doc.Provenance
		if doc.ReadBy != "" {
			p.Speaker = b.person(doc.ReadBy, "")
		}
	case "motion_moved":
		p.Kind, p.Motion = KindMotion, b.motion(r.Ref)
		p.Motion.Entry, p.Motion.At = r.Entry, r.At
		if b.recorderOnly(r) {
			// The domain makes whoever enters a motion its mover when none
			// is named; a secretary or editor without a mandate did not
			// move it: the minutes do not name the mover.
			p.Motion.Mover = Ref{}
		}
		p.Speaker, p.Text = p.Motion.Mover, p.Motion.Title
	case "vote_opened":
		p.Kind, p.Vote = KindQuestion, b.vote(r.Ref)
		p.Text = p.Vote.Question
	case "result_declared":
		p.Kind, p.Vote = KindVote, b.vote(r.Ref)
		p.Vote.Entry = r.Entry
		p.Text = p.Vote.Counts
	case "election_declared":
		p.Kind, p.Election = KindElection, b.election(r.Ref)
		p.Election.Entry = r.Entry
		p.Text = p.Election.Title
	case "gap_recorded":
		p.Kind, p.Text = KindGap, r.Text
	case "record_corrected":
		n, _ := strconv.Atoi(r.Ref)
		p.Kind, p.Corrects, p.Text, p.Reason = KindCorrection, n, r.Text, r.Label
		p.Original, p.Original8, p.OriginalIsEntry = b.describe(n)
		p.OnCount = b.s.Counted(n)
		if b.s.Persons[r.Actor] != nil {
			p.By = b.person(r.Actor, "")
		}
	case "record_struck":
		n, _ := strconv.Atoi(r.Ref)
		p.Kind, p.Corrects, p.Reason = KindStrike, n, r.Label
		p.Original, p.Original8, p.OriginalIsEntry = b.describe(n)
		if b.s.Persons[r.Actor] != nil {
			p.By = b.person(r.Actor, "")
		}
	default:
		return b.paperParagraph(r, p)
	}
	return p
}

// recorderOnly reports whether a motion's mover is only the person who
// entered it into the record: the actor of the entry, holding no mandate.
func (b *builder) recorderOnly(r assembly.RecordEntry) bool {
	if r.Person == "" || r.Person != r.Actor {
		return false
	}
	p := b.s.Persons[r.Person]
	return p == nil || len(p.Mandates) == 0
}

// withNames replaces the ids in a text of the domain ("Elected as stated:
// a, b") by names; ids are words separated by ", ", ": " or "; ".
func withNames(text string, name func(id string) (string, bool)) string {
	var out strings.Builder
	word := func(w string) {
		if n, ok := name(w); ok {
			out.WriteString(n)
		} else if i := strings.IndexByte(w, ' '); i > 0 {
			// "starostin 4", "l-left 6 votes": an id and its count.
			if n, ok := name(w[:i]); ok {
				out.WriteString(n + w[i:])
			} else {
				out.WriteString(w)
			}
		} else {
			out.WriteString(w)
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == ',' || text[i] == ':' || text[i] == ';') && i+1 < len(text) && text[i+1] == ' ' || i == len(text)-1 && text[i] == '.' {
			word(text[start:i])
			out.WriteByte(text[i])
			start = i + 1
		} else if text[i] == ' ' && start == i {
			out.WriteByte(' ')
			start = i + 1
		}
	}
	word(text[start:])
	return out.String()
}

// describe says in a few words what the entry n of the log was, and
// whether it says no more than the entry's number (and kind); text8 is
// the words as md/8, html/9 and akn/8 gave them where they differ (a
// speaker whose name another bears too, not told apart), else "".
func (b *builder) describe(n int) (text, text8 string, isEntry bool) {
	pos, ok := b.s.RecordIndex[n]
	if !ok {
		return b.l.T("minutes.describe.entry", strconv.Itoa(n)), "", true
	}
	r := b.s.Record[pos]
	switch r.Kind {
	case "speech_recorded":
		if sp := b.s.Speeches[r.Ref]; sp != nil {
			who := b.person(sp.Speaker, sp.Label)
			if who.Tell != "" {
				return b.l.T("minutes.describe.speech", who.Named(false)), b.l.T("minutes.describe.speech", who.Name), false
			}
			return b.l.T("minutes.describe.speech", who.Name), "", false
		}
	case "result_declared":
		return b.l.T("minutes.describe.result", b.vote(r.Ref).Question), "", false
	case "motion_moved":
		return b.l.T("minutes.describe.motion", b.motionTitle(r.Ref)), "", false
	case "document_read":
		if doc := b.s.Documents[r.Ref]; doc != nil {
			return b.l.T("minutes.describe.document", doc.Title), "", false
		}
	case "narrative_recorded", "gap_recorded":
		return b.quote(r.Text), "", false
	}
	return b.l.T("minutes.describe.entry_kind", strconv.Itoa(n), strings.ReplaceAll(r.Kind, "_", " ")), "", true
}

func quote(s string) string { return "“" + isolate(s) + "”" }

// quote puts a title in the quotation marks of the document's language.
func (b *builder) quote(s string) string { return b.l.T("minutes.quote", isolate(s)) }

// narrativeText is the line of narrative that the minutes give for an
// entry of procedure, or "" for entries the minutes do not show.
func (b *builder) narrativeText(r assembly.RecordEntry) string {
	s := b.s
	names := func(ids []string) string { return b.joinTold(b.persons(ids)) }
	if t, ok := b.ruleText(r); ok {
		return t
	}
	switch r.Kind {
	case "presidium_changed":
		return b.presidiumText(r, "; ")
	case "sitting_guests_added":
		list, note, _ := strings.Cut(strings.TrimPrefix(r.Text, "Present besides: "), " (")
		t := b.l.T("minutes.guests_lead", names(strings.Split(list, ", ")))
		if note != "" {
			t += " (" + note
		}
		return sentence(t)
	case "body_formed":
		bd := s.Bodies[r.Ref]
		if bd == nil {
			return ""
		}
		members := formedMembers(r.Text)
		if len(members) == 0 {
			return "" // formed empty, to be filled by an election that the minutes show
		}
		return bd.Name + ": " + names(members) + "."
	case "body_instructed":
		return sentence(b.l.T("minutes.body.instructed", b.bodyName(r.Ref), r.Text))
	case "item_tabled":
		t := b.l.T("minutes.item.tabled", b.item(r.Ref).Title)
		if r.Text != "" {
			t += " " + r.Text
		}
		return sentence(t)
	case "item_retitled":
		// The question is shown under its corrected title; the record
		// says what it was called before, and by whom it was corrected.
		t := b.l.T("minutes.item.retitled", r.Label, r.Text)
		if b.s.Persons[r.Actor] != nil {
			t = b.l.T("minutes.item.retitled_by", r.Label, r.Text, b.named(b.person(r.Actor, "")))
		}
		if r.Reason != "" {
			t += " (" + strings.TrimSuffix(r.Reason, ".") + ")"
		}
		return sentence(t + ".")
	case "item_closed":
		return ""
	case "floor_deprived":
		if t, ok := b.deprivedText(r); ok {
			return t
		}
		return sentence(strings.Replace(r.Text, r.Person, b.named(b.person(r.Person, "")), 1))
	case "list_closed", "list_reopened", "discussion_closed", "speaking_time_allotted":
		t := sentence(r.Text)
		if r.Kind == "speaking_time_allotted" && r.Label != "" {
			t += " " + sentence(r.Label)
		}
		return t
	case "left_hall", "returned_to_hall":
		if t, ok := b.hallText(r); ok {
			return t
		}
		return sentence(capitalize(r.Text))
	case "motion_withdrawn":
		return sentence(b.l.T("minutes.motion.withdrawn", r.Text))
	case "motion_disposed":
		return b.disposedText(b.nounKey(r.Ref), r.Text, r.Sub, r.Label)
	case "motion_reopened":
		return sentence(b.l.T("minutes.motion.reopened", r.Text))
	case "vote_withdrawn", "election_withdrawn":
		return r.Text // names the question, never an id
	case "election_opened":
		if e := s.Elections[r.Ref]; e != nil && e.Status == assembly.ElectionStatusDeclared {
			return "" // the declared result says it
		}
		return sentence(b.l.T("minutes.election.opened", r.Text))
	case "minutes_approved":
		if st := s.Sittings[r.Ref]; st != nil {
			return b.l.T("minutes.sitting.minutes_approved", b.l.DateText(st.Date))
		}
		return sentence(r.Text)
	}
	return b.paperNarrative(r)
}

// narrative8 is a narrative's text as md/8, html/9 and akn/8 give it,
// where it differs from text, as the renderers before gave it: speaking
// time allotted to a delegation or tendency whose name holds a comma,
// which they left in the record's English (allottedText); a change of
// the presidium with the French space before its semicolon ("Entrent au
// bureau : Khinchuk ; Khinchuk prend la présidence."); or "".
func (b *builder) narrative8(r assembly.RecordEntry, text string) string {
	t, ok := "", false
	switch {
	case b.l.Lang() == i18n.Default:
	case r.Kind == "speaking_time_allotted":
		t, ok = b.allottedText(r, true)
	case r.Kind == "presidium_changed":
		t, ok = b.presidiumText(r, semicolon7(b.l, false)), true
	}
	if ok && t != text {
		return t
	}
	return ""
}

// presidiumText says a change of the presidium: what the record holds of
// it — who was added, who left, who takes the chair — always, in the
// minutes' words ("Added to the presidium: Khinchuk; Khinchuk takes the
// chair."), then the chair's note as recorded, unless the note is that
// very sentence. The note is the secretaries' words (in a restored record,
// the source's), which may say more or less than the change, or something
// else: the minutes give both, and leave out neither. sep parts what the
// record holds: "; ", as the renderers before md/8, html/9 and akn/8
// wrote it, since then as the language sets it (French " ; ",
// narrative8).
func (b *builder) presidiumText(r assembly.RecordEntry, sep string) string {
	names := func(list string) string { return b.joinTold(b.persons(strings.Split(list, ", "))) }
	var parts []string
	note := ""
	rest := r.Text
	for rest != "" {
		part, after, _ := strings.Cut(rest, "; ")
		switch {
		case strings.HasPrefix(part, "added to the presidium: "):
			parts = append(parts, b.l.T("minutes.presidium.added", names(strings.TrimPrefix(part, "added to the presidium: "))))
		case strings.HasPrefix(part, "left the presidium: "):
			parts = append(parts, b.l.T("minutes.presidium.left", names(strings.TrimPrefix(part, "left the presidium: "))))
		case r.Person != "" && part == r.Person+" takes the chair":
			parts = append(parts, b.l.T("minutes.presidium.takes_chair", b.named(b.person(r.Person, ""))))
		default:
			// The note is the last part, and may itself hold "; ".
			note, after = rest, ""
		}
		rest = after
	}
	if len(parts) == 0 {
		return sentence(note)
	}
	t := sentence(strings.Join(parts, sep))
	if note != "" && sentence(note) != t {
		t += " " + sentence(note)
	}
	return t
}

// nounKey is "amendment" or "motion": which of the catalog's sentences
// about a motion fits it (the nouns differ in gender in most languages).
func (b *builder) nounKey(id string) string {
	if m := b.s.Motions[id]; m != nil && m.Kind == "amendment" {
		return "amendment"
	}
	return "motion"
}

// disposedText says what became of a motion that left the floor without a
// vote, as an editorial note in parentheses: "(The minutes do not record
// what became of the motion “…”. No vote on it is recorded.)".
func (b *builder) disposedText(noun, title, fate, note string) string {
	var t string
	switch fate {
	case "overtaken":
		key := "minutes.disposed.overtaken8." // as md/8 said it (said9)
		if b.now9 {
			key = "minutes.disposed.overtaken."
		}
		t = b.l.T(key+noun, title)
	case assembly.MotionStatusNotRecorded, "lapsed", "referred":
		t = b.l.T("minutes.disposed."+fate+"."+noun, title)
	default:
		t = b.l.T("minutes.disposed.other."+noun, title, strings.ReplaceAll(fate, "_", " "))
	}
	t += "."
	if n := sentence(note); n != "" {
		t += " " + n // as written: its first word may be a name
	}
	return "(" + t + ")"
}

func (b *builder) bodyName(id string) string {
	if bd := b.s.Bodies[id]; bd != nil {
		return bd.Name
	}
	return id
}

// formedMembers reads the member ids back from a body_formed record text
// ("Name: a, b, c"): the members at forming, before later additions.
func formedMembers(text string) []string {
	_, list, ok := strings.Cut(text, ": ")
	if !ok {
		return nil
	}
	return strings.Split(list, ", ")
}

func joinNames(rs []Ref) string { return joinNamed(rs, true) }

// joinNamed is joinNames with what tells a name another person bears too
// apart since md/8, html/9 and akn/8 ("Вера Иванов (No. M00105)",
// Ref.Named), or the names alone as the renderers before wrote them
// (before8).
func joinNamed(rs []Ref, before8 bool) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Named(before8)
	}
	return strings.Join(names, ", ")
}

func sentence(s string) string {
	return closed(capitalize(strings.TrimSpace(s)))
}

// clause is s after a colon ("Result: the majority against.", "Reason:
// typo."), closed as sentence closes it but not capitalised: plenum's own
// words after "Result:" are a clause, which starts in lower case in every
// language the minutes render in (a German noun keeps its capital, as the
// catalog writes it), and a reason or an instruction is free text, which
// reads as the secretary typed it — a name, a noun or a sentence with its
// capital, a clause without. Renderers before md/6, html/7 and akn/6
// capitalised it (sentence).
func clause(s string) string {
	return closed(strings.TrimSpace(s))
}

// afterColon is s after a colon of the minutes' words: a clause, or, as
// the renderers before md/6, html/7 and akn/6 wrote it, a sentence.
func afterColon(s string, asBefore bool) string {
	if asBefore {
		return sentence(s)
	}
	return clause(s)
}

// closed ends s with a full stop unless it ends a sentence already (or a
// bracket or a quotation that may).
func closed(s string) string {
	if s == "" {
		return ""
	}
	for _, end := range []string{".", "!", "?", ")", "”", "…", "'", "\""} {
		if strings.HasSuffix(s, end) {
			return s
		}
	}
	return s + "."
}

// sentenceAs is sentence, or, for md/6, html/7 and akn/6, a sentence
// that a closing bracket or quotation mark ends only if a full stop, a
// question or an exclamation mark stands before it: "… Amendment of
// comrade Sevruk (point 2)." gets its full stop, "(… as read.)" none.
func sentenceAs(s string, asBefore bool) string {
	if asBefore {
		return sentence(s)
	}
	s = capitalize(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	inner := strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(")]”»’“\"'", r) })
	for _, end := range []string{".", "!", "?", "…"} {
		if strings.HasSuffix(inner, end) {
			return s
		}
	}
	return s + "."
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentences joins parts as sentences: "1917-03-27. Petrograd." — a part
// that already ends in a full stop ("27 марта 1917 г.") gets no second.
func sentences(parts []string) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		if !strings.HasSuffix(p, ".") {
			p += "."
		}
		out[i] = p
	}
	return strings.Join(out, " ")
}

// CommissionLine names the mandate commission, as the record's set-up
// gives it: "Mandate commission: Cara Diaz.", or "" if it names none.
func (d *Document) CommissionLine(l *i18n.Locale) string {
	if len(d.Commission) == 0 {
		return ""
	}
	return l.T("minutes.commission", joinNames(d.Commission))
}
