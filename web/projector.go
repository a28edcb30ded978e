package web

import (
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

// firstPrefs are an election's first-stage totals as the projector shows
// them: the largest first, at most n, with how many more.
type firstPrefs struct {
	Quota   string
	Method  string
	Ballots int
	Lists   bool
	Top     []assembly.Votes
	More    int
}

// FirstPrefs is the count of a declared election for the projector, or
// nil when it has no ballots to count (a result as stated).
func (v *view) FirstPrefs(el *assembly.Election, n int) *firstPrefs {
	c, err := v.S.ElectionCount(el.ID)
	if err != nil {
		return nil
	}
	fp := &firstPrefs{Quota: c.Quota, Method: c.Method, Ballots: c.Ballots, Lists: c.Lists, Top: append([]assembly.Votes(nil), c.First...)}
	sort.SliceStable(fp.Top, func(i, j int) bool { return decimalLess(fp.Top[j].Votes, fp.Top[i].Votes) })
	if len(fp.Top) > n {
		fp.More, fp.Top = len(fp.Top)-n, fp.Top[:n]
	}
	return fp
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

// ElectedUpTo is the first n of an election's elected.
func (v *view) ElectedUpTo(el *assembly.Election, n int) upTo[string] { return cut(el.Elected, n) }

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
// (AsAmended), or nil while no carried amendment changes it.
func (v *view) VoteAmended(vt *assembly.Vote) *asAmended { return v.AsAmended(v.S.Motions[vt.Motion]) }

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
