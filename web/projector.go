package web

import (
	"html/template"
	"sort"
	"strings"
	"time"

	"plenum/assembly"
)

// The projector fits its screen: the server sends no more than a screen
// holds (lists end with "and N more") and the script scales the type down
// until the page fits; a result stays on screen only while its item is
// under discussion.

// outcome is the latest declared result, elected or withdrawal of the
// item under discussion: exactly one of its fields is set.
type outcome struct {
	Vote      *assembly.Vote
	Election  *assembly.Election
	Withdrawn *assembly.RecordEntry
}

// LastOutcome is the latest outcome since the current item was taken up
// (or the sitting opened), or nil: a new item clears the screen.
func (v *view) LastOutcome() *outcome {
	rec := v.S.Record
	for i := len(rec) - 1; i >= 0; i-- {
		switch e := &rec[i]; e.Kind {
		case "item_taken_up", "sitting_opened", "sitting_closed", "item_closed":
			return nil
		case "result_declared":
			if vt := v.S.Votes[e.Ref]; vt != nil && vt.Result != nil {
				return &outcome{Vote: vt}
			}
		case "election_declared":
			if el := v.S.Elections[e.Ref]; el != nil {
				return &outcome{Election: el}
			}
		case "vote_withdrawn", "election_withdrawn":
			return &outcome{Withdrawn: e}
		}
	}
	return nil
}

// projectorNames is the most names (candidates, those elected, the rows
// of a count) the projector shows of an election before it folds the
// rest into "and N more": at 1920×1080 fifteen stand in three columns of
// five in type the back of a hall reads, and the page's script makes the
// type smaller on a smaller screen (live.js, fit). An election of up to
// fifteen candidates shows every one of them.
const projectorNames = 15

// firstPrefs are an election's first-stage totals as the projector shows
// them: the largest first, at most projectorNames, with how many more,
// under the heading its method gives them (Heading, a message key).
type firstPrefs struct {
	Quota   string
	Method  string
	Heading string
	Ballots int
	Lists   bool
	Top     []assembly.Votes
	More    int
}

// FirstPrefs is the count of a declared election for the projector, or
// nil when it has no ballots to count (a result as stated).
func (v *view) FirstPrefs(el *assembly.Election) *firstPrefs {
	c, err := v.S.ElectionCount(el.ID)
	if err != nil {
		return nil
	}
	fp := &firstPrefs{Quota: c.Quota, Method: c.Method, Heading: countHeading(el.Method, c.Lists), Ballots: c.Ballots, Lists: c.Lists, Top: append([]assembly.Votes(nil), c.First...)}
	sort.SliceStable(fp.Top, func(i, j int) bool { return decimalLess(fp.Top[j].Votes, fp.Top[i].Votes) })
	if n := projectorNames; len(fp.Top) > n {
		fp.More, fp.Top = len(fp.Top)-n, fp.Top[:n]
	}
	return fp
}

// countHeading is the message key of the heading of an election's
// first-stage totals by its method: a ranked ballot's first preferences,
// a list's votes, an approval ballot's approvals, a plurality ballot's
// votes (neither of the last two has preferences).
func countHeading(method string, lists bool) string {
	switch {
	case lists || methodKind(method) == "lists":
		return "web.p.list_votes"
	case methodKind(method) == "ranked":
		return "web.p.first_prefs"
	case method == "approval":
		return "web.p.approvals"
	}
	return "web.p.votes"
}

// BallotMarks says what a ballot in the open election el may mark, in the
// page's language: how many names (approval, plurality), a ranking, or
// one list; "" for a result as stated.
func (v *view) BallotMarks(el *assembly.Election) string {
	switch kind := methodKind(el.Method); {
	case kind == "ranked":
		return v.L.T("web.p.mark_ranked")
	case kind == "lists":
		return v.L.T("web.p.mark_list")
	case kind == "none":
		return ""
	case el.Method == "approval" && el.Approvals > 0:
		return v.L.T("web.p.mark_up_to", el.Approvals)
	case el.Method == "approval":
		return v.L.T("web.p.mark_any")
	}
	return v.L.T("web.p.mark_up_to", max(el.Seats, 1))
}

// decimalLess compares two non-negative decimals as tally writes them
// ("12", "7.5").
func decimalLess(a, b string) bool {
	ai, af := splitDecimal(a)
	bi, bf := splitDecimal(b)
	if len(ai) != len(bi) {
		return len(ai) < len(bi)
	}
	if ai != bi {
		return ai < bi
	}
	for len(af) < len(bf) {
		af += "0"
	}
	for len(bf) < len(af) {
		bf += "0"
	}
	return af < bf
}

func splitDecimal(s string) (string, string) {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// upTo is the first part of a list that fits a screen, and how many more
// there are ("and 12 more").
type upTo[T any] struct {
	List []T
	More int
}

func cut[T any](xs []T, n int) upTo[T] {
	if len(xs) <= n {
		return upTo[T]{List: xs}
	}
	return upTo[T]{List: xs[:n], More: len(xs) - n}
}

// ElectedUpTo are an election's elected, at most projectorNames.
func (v *view) ElectedUpTo(el *assembly.Election) upTo[string] {
	return cut(el.Elected, projectorNames)
}

// AgendaUpTo is the order of the day still to be discussed (the current
// item first), at most n items.
func (v *view) AgendaUpTo(n int) upTo[*assembly.Item] {
	var out []*assembly.Item
	for _, it := range v.Items() {
		if it.Status == assembly.ItemStatusCurrent || it.Status == assembly.ItemStatusOpen {
			out = append(out, it)
		}
	}
	return cut(out, n)
}

// VoteMethod is how the hall votes in vt, in words the back of the hall
// reads: whether names go into the minutes (a roll call) or not.
func (v *view) VoteMethod(vt *assembly.Vote) string {
	if k := "web.p.method." + vt.Method; v.L.Has(k) {
		return v.L.T(k)
	}
	return v.L.T("web.p.voting")
}

// VoteText is the text of the motion voted on in vt, its points one a
// line, or "" (a vote on alternatives, or a question of its own): the
// text as amended once a carried amendment changes it (VoteAmended), the
// text the hall votes on. The projector shows its first lines, as many as
// the screen holds.
func (v *view) VoteText(vt *assembly.Vote) string {
	m := v.S.Motions[vt.Motion]
	if m == nil {
		return ""
	}
	if a := v.AsAmended(m); a != nil {
		return a.Plain()
	}
	lines := []string{}
	if t := strings.TrimSpace(m.Text); t != "" {
		lines = append(lines, t)
	}
	for _, p := range m.Points {
		if p.Number != "" {
			lines = append(lines, p.Number+" "+p.Text)
		} else {
			lines = append(lines, p.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// VoteAmended is the text as amended of the motion voted on in vt
// (AsAmended), or nil while no carried amendment changes it. Its By names
// the amendments applied only: those carried but not worked in have a
// note of their own on the projector (VoteUnapplied).
func (v *view) VoteAmended(vt *assembly.Vote) *asAmended {
	m := v.S.Motions[vt.Motion]
	a := v.AsAmended(m)
	if a == nil {
		return nil
	}
	if _, applied, notApplied, err := v.S.AmendedText(m.ID); err == nil && len(notApplied) > 0 {
		b := *a
		b.By = v.AmendedBy(applied, nil)
		return &b
	}
	return a
}

// VoteUnapplied says, while the hall votes on a motion with carried
// amendments that change no lines (stated in words only), that the text
// the projector shows does not include them, as the delegate's phone and
// the motion's page say (Unapplied), whether or not other carried
// amendments are worked in; "" when there are none. The hall reads the
// projector: it must not take the text as moved for the text amended
// (review 41, H1).
func (v *view) VoteUnapplied(vt *assembly.Vote) template.HTML {
	m := v.S.Motions[vt.Motion]
	if m == nil || len(m.Adopted) == 0 {
		return ""
	}
	_, _, notApplied, err := v.S.AmendedText(m.ID)
	if err != nil || len(notApplied) == 0 {
		return ""
	}
	return marked(v.L.T("web.am.unapplied", len(notApplied), v.amendmentNames(notApplied)))
}

// VoteAmends is the title of the motion that the motion voted on in vt
// amends, or "".
func (v *view) VoteAmends(vt *assembly.Vote) string {
	if m := v.S.Motions[vt.Motion]; m != nil && m.Amends != "" {
		return v.MotionTitle(m.Amends)
	}
	return ""
}

// HandCounted reports whether vt is counted by hand: the hall sees the
// count the chair enters, not how many have voted on phones (none do).
func (v *view) HandCounted(vt *assembly.Vote) bool { return handCounted(vt) }

// HandCount is the count of hands the chair entered in vt, in the page's
// language, or "" before one is.
func (v *view) HandCount(vt *assembly.Vote) string {
	if n := len(vt.Rounds); n > 0 && handCounted(vt) {
		return v.L.T("web.c.count_entered", v.RoundWords(vt, vt.Rounds[n-1]))
	}
	return ""
}

// ShownVote is the vote the projector shows: the latest one open, or
// closed and not yet declared in this sitting (the hall sees the count of
// hands the chair enters before the result is declared); nil when none.
func (v *view) ShownVote() *assembly.Vote {
	if vt := v.OpenVote(); vt != nil {
		return vt
	}
	s := v.S.Sitting()
	if s == nil {
		return nil
	}
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		if vt := v.S.Votes[v.S.VoteOrder[i]]; vt.Status == assembly.VoteStatusClosed && vt.Sitting == s.ID {
			return vt
		}
	}
	return nil
}

// ZoneMinutes is how far the hall's clock (Clock's zone) is ahead of UTC
// now, in minutes: the projector's clock runs on in the page from the
// server's time, in the hall's zone, whatever zone the screen's computer
// is set to.
func (v *view) ZoneMinutes() int {
	loc := v.Loc
	if loc == nil {
		loc = time.Local
	}
	_, off := v.Now.In(loc).Zone()
	return off / 60
}
