package minutes

import (
	"regexp"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// The rules record the arithmetic of a result in English, in one line of a
// closed grammar (assembly's count: "after 3 ballots: 74 for, 66 against,
// 140 cast; 71 needed; carried"); it is part of the signed record and
// stays as it is there. The minutes in another language say it piece by
// piece from the catalog; the English minutes keep the recorded line, so
// that a document exported before the catalogs still verifies — but for
// what plenum computed from a count a restored record's source gives,
// which the minutes in every language mark (sourcecounts.go).

var (
	afterBallotsRE = regexp.MustCompile(`^after (\d+) ballots: `)
	sideRE         = regexp.MustCompile(`^(\d+|\d+–\d+|all the others|the majority|a minority|not stated) (for|against|abstaining)$`)
	baseRE         = regexp.MustCompile(`^(\d+) (present|members|member|cast|needed)(?: \((.+)\))?$`)
	notShownRE     = regexp.MustCompile(`^the count does not show whether (.+) was reached$`)
)

// basisSep separates the counts of a choice between drafts from the one
// taken as the basis.
const basisSep = "; taken as the basis: "

// arithmeticIn says the recorded arithmetic of a vote in l's language, or
// reports false if a piece of it is not one the rules write (then the
// recorded English stands); mended, as md/6, html/7 and akn/6 say it
// (arithPiece, arithSep).
func arithmeticIn(l *i18n.Locale, s string, mended bool) (string, bool) {
	if l.Lang() == i18n.Default {
		return s, true
	}
	prefix := ""
	if m := afterBallotsRE.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		prefix, s = l.T("minutes.arith.after_ballots", n), s[len(m[0]):]
	}
	if counts, basis, ok := strings.Cut(s, basisSep); ok {
		// A choice between drafts: the drafts' titles and their counts,
		// which are the record's, and the one taken as the basis.
		if counts == "no count recorded" {
			counts = l.T("minutes.arith.no_count")
		}
		return prefix + counts + arithSep(l, mended) + l.T("minutes.arith.basis", basis), true
	}
	var segs []string
	for _, seg := range strings.Split(s, "; ") {
		var parts []string
		for _, p := range strings.Split(seg, ", ") {
			t, ok := arithPiece(l, p, mended)
			if !ok {
				return "", false
			}
			parts = append(parts, t)
		}
		segs = append(segs, strings.Join(parts, ", "))
	}
	return prefix + strings.Join(segs, arithSep(l, mended)), true
}

// arithSep separates the parts of the arithmetic: "; ", or, as md/6,
// html/7 and akn/6 write it, in l's typography (French " ; ").
func arithSep(l *i18n.Locale, mended bool) string {
	if mended {
		return l.T("minutes.arith.sep")
	}
	return "; "
}

// arithPiece is one piece of the arithmetic between commas; mended, a
// count of one of those abstaining, cast or present in the singular
// ("1 Enthaltung", "1 suffrage exprimé"), as md/6, html/7 and akn/6 say
// it.
func arithPiece(l *i18n.Locale, p string, mended bool) (string, bool) {
	switch p {
	case "unanimous":
		return l.T("minutes.count.unanimous"), true
	case assembly.MotionStatusCarried, assembly.MotionStatusDefeated:
		return l.T("minutes.status." + p), true
	case "declared":
		return l.T("minutes.arith.declared"), true
	case "declared " + assembly.MotionStatusCarried, "declared " + assembly.MotionStatusDefeated:
		return l.T("minutes.arith.declared_as", l.T("minutes.status."+strings.TrimPrefix(p, "declared "))), true
	case "no count recorded":
		return l.T("minutes.arith.no_count"), true
	case "result not recorded":
		return l.T("minutes.arith.not_recorded"), true
	case "the count does not decide":
		return l.T("minutes.arith.undecided"), true
	}
	if m := sideRE.FindStringSubmatch(p); m != nil {
		if _, err := strconv.Atoi(m[1]); err == nil && mended && m[2] == "abstaining" {
			return l.T("minutes.arith.abstaining_n", m[1]), true
		}
		return l.T("minutes.arith."+m[2], countWord(l, m[1])), true
	}
	if m := baseRE.FindStringSubmatch(p); m != nil {
		key := m[2]
		if key == "member" { // a new record's "1 member"; one written before says "1 members"
			key = "members"
		}
		if mended && (key == "cast" || key == "present") {
			key += "_n"
		}
		t := l.T("minutes.arith."+key, m[1])
		if m[3] != "" {
			th, ok := thresholdIn(l, m[3])
			if !ok {
				return "", false
			}
			t += " (" + th + ")"
		}
		return t, true
	}
	if m := notShownRE.FindStringSubmatch(p); m != nil {
		if th, ok := thresholdIn(l, m[1]); ok {
			return l.T("minutes.arith.not_shown", th), true
		}
	}
	return "", false
}

// countWord is a count of the arithmetic: a number or range as it stands,
// a word of the record's count (assembly.Count) in l's words.
func countWord(l *i18n.Locale, c string) string {
	if k, ok := countWords[c]; ok {
		return l.T("minutes.arith." + k)
	}
	return c
}

// countWords are the words of assembly.Count.String, by their keys.
var countWords = map[string]string{"all the others": "rest", "the majority": "majority", "a minority": "minority", "not stated": "unstated"}

// thresholdIn is a threshold the arithmetic names in the rules' words
// (assembly.Threshold.Describe), in l's.
func thresholdIn(l *i18n.Locale, words string) (string, bool) {
	for _, t := range []assembly.Threshold{assembly.MajorityCast, assembly.MajorityPresent, assembly.MajorityMembers, assembly.TwoThirdsCast, assembly.ThreeQuartersCast} {
		if t.Describe() == words {
			return l.T("minutes.threshold." + string(t)), true
		}
	}
	return "", false
}

// tiesNamed is an election's recorded arithmetic with each tie, which
// the record words with the ids of the tied (package tally's line: "tie
// between stalin and kamenev for order of election broken by lot, seed
// 0: stalin"), said with their names and in the words of the document's
// English, a lot drawn with no seed given saying so ("…, drawn with no
// seed given (seed 0), so the draw could be foreseen: Stalin"). The
// minutes in another language say the whole count from the catalog
// (electionArithmetic).
func (b *builder) tiesNamed(e *assembly.Election) string {
	recorded := e.Arithmetic
	if b.l.Lang() != i18n.Default || e.Method == "as_stated" || !strings.Contains(recorded, "; tie between ") && !strings.Contains(recorded, " by their strongest paths") {
		return recorded
	}
	c, err := b.s.ElectionCount(e.ID)
	if err != nil || c == nil {
		return recorded
	}
	name := b.countName(e)
	for _, tie := range c.Ties {
		if tie.Text != "" {
			recorded = strings.Replace(recorded, "; "+tie.Text, "; "+b.tieText(tie, name), 1)
		}
	}
	return recorded
}

// unseeded are the ties broken by a lot drawn with no seed given (seed
// 0, what close_election takes when it is given none), which anyone could
// have drawn beforehand: for each of package tally's templates
// (assembly.TieBreak.Reason), the minutes' words without "seed 0" and
// which of its arguments is the seed, left out.
var unseeded = map[string]struct {
	format string
	seed   int
}{
	"tie between %s %s broken by lot, seed %s: %s":                                             {"tie between %s %s broken by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s", 2},
	"tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, seed %s: %s": {"tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s", 4},
	"tie between %s %s; the votes leave %s tied; broken by lot among %s, seed %s: %s":          {"tie between %s %s; the votes leave %s tied; broken by lot among %s, drawn with no seed given (seed 0), so the draw could be foreseen: %s", 4},
	"%s are level by their strongest paths; seat %d goes by lot, seed %s: %s":                  {"%s are level by their strongest paths; seat %d goes by lot, drawn with no seed given (seed 0), so the draw could be foreseen: %s", 2},
}

// tieText says a tie and how it was broken in the document's language,
// the tied named; a lot drawn with no seed given says so, rather than
// "seed 0" as if a seed had been drawn.
func (b *builder) tieText(tie assembly.TieBreak, name func(string) string) string {
	r := tie.Reason(name)
	if u, ok := unseeded[r.Format]; ok && tie.Seed == 0 && u.seed < len(r.Args) {
		args := append(append([]any(nil), r.Args[:u.seed]...), r.Args[u.seed+1:]...)
		r = &assembly.Reason{Format: u.format, Args: args}
	}
	return b.l.Part(r)
}

// countName names a candidate or list of an election's count.
func (b *builder) countName(e *assembly.Election) func(id string) string {
	return func(id string) string {
		if p := b.s.Persons[id]; p != nil {
			return b.named(b.person(id, ""))
		}
		for _, l := range e.Lists {
			if l.ID == id {
				return l.Name
			}
		}
		return id
	}
}

// electionArithmetic says a counted election's count in the document's
// language from the count itself (assembly.State.ElectionCount, which
// counts the ballots again as declare_election did): the method, the
// ballots, the first stage, the stages, the ties and how each was broken
// (by lot, from which seed), and the elected. The
// English minutes, and an election declared as stated, keep the recorded
// line (recorded), the English its ties named (tiesNamed). Its parts are
// parted by "; " and the method by ": " as the renderers before md/8,
// html/9 and akn/8 wrote them (before8), since then as the language sets
// them (French " ; ", " : ").
func (b *builder) electionArithmetic(e *assembly.Election, recorded string, before8 bool) string {
	if b.l.Lang() == i18n.Default || strings.HasPrefix(recorded, "elected as stated: ") {
		return recorded
	}
	c, err := b.s.ElectionCount(e.ID)
	if err != nil || c == nil {
		return recorded
	}
	if b.byCount {
		c = countByVotes(c)
	}
	name := b.countName(e)
	method := c.Method
	if b.l.Has("minutes.method." + method) {
		method = b.l.T("minutes.method." + method)
	}
	elected := make([]string, len(c.Elected))
	for i, id := range c.Elected {
		elected[i] = name(id)
	}
	semi, colon := semicolon7(b.l, before8), speakerColon(b.l, before8)+" "
	lots := ""
	for _, tie := range c.Ties {
		lots += semi + b.tieText(tie, name)
	}
	var parts []string
	if c.Lists {
		for _, v := range c.First {
			parts = append(parts, b.l.T("minutes.arith.list", name(v.ID), b.l.T("minutes.arith.list_votes", v.Votes), b.l.T("minutes.arith.list_seats", v.Seats)))
		}
		for _, sh := range c.Short {
			parts = append(parts, b.l.T("minutes.arith.short", name(sh.List), b.l.T("minutes.arith.list_seats", sh.Won), b.l.T("web.ce.names", sh.Candidates), b.l.T("minutes.arith.list_seats", sh.Given())))
		}
		if c.Unfilled > 0 {
			parts = append(parts, b.l.T("minutes.arith.unfilled", c.Unfilled))
		}
		return method + colon + strings.Join(parts, semi) + lots + semi + b.l.T("minutes.arith.elected", strings.Join(elected, ", "))
	}
	for _, v := range c.First {
		parts = append(parts, name(v.ID)+" "+v.Votes)
	}
	t := b.l.T("minutes.arith.election", method, c.Ballots, strings.Join(parts, ", "))
	if c.Stages > 1 {
		t += semi + b.l.T("minutes.arith.stages", c.Stages)
	}
	return t + lots + semi + b.l.T("minutes.arith.elected", strings.Join(elected, ", "))
}

// departure says how a vote departs from the rules' threshold: by the
// chair's ruling (in the record's words) or with the rules suspended by a
// motion.
func (b *builder) departure(d *assembly.Departure) string {
	if d.Kind == "suspension" {
		return b.l.T("minutes.departure.suspension", d.Motion)
	}
	return b.l.T("minutes.departure.ruling", d.Text)
}

// The rules word some entries of procedure themselves, in English, in
// the record's state (assembly.RecordEntry.Text: "7 left the hall: …",
// "Discussion closed."). The minutes in another language say them from
// the catalog, keeping what the record adds in its own words (a reason, a
// note, a name); the English minutes keep the rules' words as they stand.

var (
	hallRE      = regexp.MustCompile(`(?s)^(\d+) (left the hall|walked out|returned to the hall)(?:: (.*))?$`)
	allotRE     = regexp.MustCompile(`^(.+) (\d+) (minute|minutes|second|seconds)$`)
	allotListRE = regexp.MustCompile(`(.+?) (\d+) (minute|minutes|second|seconds)(?:, |$)`)
	withdrawnRE = regexp.MustCompile(`(?s)^The (vote on|election) “(.*)” is withdrawn: (.*)\.(?: With the assembly's consent \((.*)\), the ballot cast is void\.| With the assembly's consent \((.*)\), the (\d+) ballots cast are void\.| With the assembly's consent \((.*)\)\.| No ballot had been cast\.)$`)
	hallKeys    = map[string]string{"left the hall": "left_hall", "walked out": "walked_out", "returned to the hall": "returned"}
)

// hallText is a departure from the hall or a return, in the document's
// language, naming those the record names: "7 left the hall (Khinchuk,
// Rozanov, …): The Mensheviks leave …", "7 walked out (Voitinsky,
// Sevruk and 3 others not named): …"; false for words the rules do not
// write (then the entry's text stands).
func (b *builder) hallText(r assembly.RecordEntry) (string, bool) {
	m := hallRE.FindStringSubmatch(r.Text)
	if m == nil {
		return "", false
	}
	n, _ := strconv.Atoi(m[1])
	t := b.l.T("minutes.rule."+hallKeys[m[2]], n)
	if len(r.Persons) > 0 {
		names := b.joinTold(b.persons(r.Persons))
		if r.Unnamed > 0 {
			names = b.l.T("minutes.hall.and_unnamed", names, r.Unnamed)
		}
		t += " (" + names + ")"
	}
	if m[3] == "" {
		return capitalize(t) + ".", true // "(Bubnov)." ends no sentence of its own
	}
	return sentence(capitalize(t + ": " + m[3])), true
}

// deprivedText is "The chair deprives Krassikov of the floor: speaking
// beyond his time." in the document's language; a reason that has a
// colon of its own ("Ruled out of order: …") follows as a sentence of its
// own, not after a second colon. False for a text the rules did not
// write.
func (b *builder) deprivedText(r assembly.RecordEntry) (string, bool) {
	lead := "The chair deprives " + r.Person + " of the floor"
	rest, ok := strings.CutPrefix(r.Text, lead)
	if !ok {
		return "", false
	}
	t := b.l.T("minutes.rule.deprived", b.named(b.person(r.Person, "")))
	reason, ok := strings.CutPrefix(rest, ": ")
	switch {
	case !ok:
		t += rest
	case strings.Contains(reason, ": "):
		t = sentence(t) + " " + sentence(reason)
	default:
		t += ": " + reason
	}
	return sentence(t), true
}

// ruleText is an entry of procedure the rules word, in the document's
// language; false for the English document, for another entry, or for
// words the rules do not write (then the entry's text stands).
func (b *builder) ruleText(r assembly.RecordEntry) (string, bool) {
	l := b.l
	if l.Lang() == i18n.Default {
		return "", false
	}
	switch r.Kind {
	case "list_closed":
		return l.T("minutes.rule.list_closed"), r.Text == "The list of speakers is closed."
	case "discussion_closed":
		return l.T("minutes.rule.discussion_closed"), r.Text == "Discussion closed."
	case "list_reopened":
		return l.T("minutes.rule.list_reopened"), r.Text == "The list of speakers is reopened."
	case "speaking_time_allotted":
		return b.allottedText(r, false)
	case "vote_withdrawn", "election_withdrawn":
		m := withdrawnRE.FindStringSubmatch(r.Text)
		if m == nil {
			return "", false
		}
		key := "minutes.rule.vote_withdrawn"
		if m[1] == "election" {
			key = "minutes.rule.election_withdrawn"
		}
		t := l.T(key, b.quote(m[2]), m[3]) + " "
		switch {
		case m[4] != "":
			t += l.T("minutes.rule.consent_void", m[4], 1)
		case m[5] != "":
			n, _ := strconv.Atoi(m[6])
			t += l.T("minutes.rule.consent_void", m[5], n)
		case m[7] != "":
			t += l.T("minutes.rule.consent", m[7])
		default:
			t += l.T("minutes.rule.no_ballot")
		}
		return t, true
	}
	return "", false
}

// allottedText is "Speaking time allotted: Org 10 minutes, …." with the
// chair's note, in the document's language. As the renderers before md/8,
// html/9 and akn/8 read the record (before8), a name with a comma in it
// ("Tenants, Block C 1 second") keeps the entry in English; since then it
// is read as a name: what stands before each time.
func (b *builder) allottedText(r assembly.RecordEntry, since8 bool) (string, bool) {
	list, ok := strings.CutPrefix(r.Text, "Speaking time allotted: ")
	if !ok {
		return "", false
	}
	list = strings.TrimSuffix(list, ".")
	var found [][]string
	if since8 {
		end := 0
		for _, ix := range allotListRE.FindAllStringSubmatchIndex(list, -1) {
			if ix[0] != end {
				return "", false
			}
			found, end = append(found, []string{list[ix[0]:ix[1]], list[ix[2]:ix[3]], list[ix[4]:ix[5]], list[ix[6]:ix[7]]}), ix[1]
		}
		if end != len(list) || len(found) == 0 {
			return "", false
		}
	} else {
		for _, p := range strings.Split(list, ", ") {
			m := allotRE.FindStringSubmatch(p)
			if m == nil {
				return "", false
			}
			found = append(found, m)
		}
	}
	var parts []string
	for _, m := range found {
		n, _ := strconv.Atoi(m[2])
		unit := "minutes.rule.minutes"
		if strings.HasPrefix(m[3], "second") { // a new record's "1 second"; one written before says "1 seconds"
			unit = "minutes.rule.seconds"
		}
		parts = append(parts, m[1]+" "+b.l.T(unit, n))
	}
	t := b.l.T("minutes.rule.allotted", strings.Join(parts, ", "))
	if r.Label != "" {
		t += " " + sentence(r.Label)
	}
	return t, true
}
