package web

import (
	"html/template"
	"strconv"
	"strings"

	"plenum/assembly"
)

// The delegate's ballot: when a vote or an election opens it comes to the
// top of the page (the script brings it to the screen and gives it the
// focus); a choice is posted to the delegate's page, which shows it back
// for confirmation, and only the confirming form gives the command; the
// receipt follows in place. The choice is never in a URL.

// Drafted is the choice the delegate posted for confirmation in vt with
// their own ballot, or "".
func (v *view) Drafted(vt *assembly.Vote) string { return v.drafted(vt, "") }

// drafted is the choice posted for confirmation in vt with the ballot
// for the mandate carried forMandate ("": the viewer's own), or "".
func (v *view) drafted(vt *assembly.Vote, forMandate string) string {
	if v.Form.Get("step") != "check" || v.Form.Get("vote") != vt.ID || v.Form.Get("for") != forMandate {
		return ""
	}
	c := strings.TrimRight(v.Form.Get("choice"), " ") // a secret vote's padding
	for _, ch := range v.Choices(vt) {
		if ch.Value == c {
			return c
		}
	}
	return ""
}

// Why says whether the viewer may cast a ballot now, in the order the
// rules ask: "voted" (already), "entitled" (not entitled: the reason is
// the vote's own note), "absent" (entitled but not registered present in
// the hall), or "" (the ballot is offered). The rules decide anyway; the
// page only spares a delegate a refusal after they confirm.
func (v *view) Why(vt *assembly.Vote) string {
	switch {
	case v.ownVoted(vt):
		return "voted"
	case !v.MayVote(vt):
		return "entitled"
	case !v.S.InHall(v.Me.Person):
		return "absent"
	}
	return ""
}

// WhyNot is Why for an election.
func (v *view) WhyNot(el *assembly.Election) string {
	switch {
	case v.ownElectionVoted(el):
		return "voted"
	case methodKind(el.Method) == "none":
		return "none"
	case !v.MayVoteIn(el):
		return "entitled"
	case !v.S.InHall(v.Me.Person):
		return "absent"
	}
	return ""
}

// BallotOffered names the ballot the viewer has to fill in now ("vote:ID"
// or "election:ID"; "absent:…" when they must first say they are in the
// hall), or "": the script brings a new one to the screen.
func (v *view) BallotOffered() string {
	if vt := v.OpenVote(); vt != nil && vt.Method != "show_of_hands" {
		switch v.Why(vt) {
		case "":
			return "vote:" + vt.ID
		case "absent":
			return "absent:" + vt.ID
		}
		for _, b := range v.VoteBallots(vt) {
			if b.Why == "" {
				return "vote:" + vt.ID
			}
		}
	}
	if el := v.OpenElection(); el != nil {
		switch v.WhyNot(el) {
		case "":
			return "election:" + el.ID
		case "absent":
			return "absent:" + el.ID
		}
		for _, b := range v.ElectionBallots(el) {
			if b.Why == "" {
				return "election:" + el.ID
			}
		}
	}
	return ""
}

// AnnounceBallot is what the script announces when the ballot region
// changes: the vote and the election open, each followed by a space (the
// region's data-announce, escaped there).
func (v *view) AnnounceBallot() string {
	var b strings.Builder
	if vt := v.OpenVote(); vt != nil {
		b.WriteString(v.L.T("web.d.announce_vote", balanced(v.Question(vt))))
		b.WriteByte(' ')
	}
	if el := v.OpenElection(); el != nil {
		b.WriteString(v.L.T("web.d.announce_election", balanced(el.Title)))
		b.WriteByte(' ')
	}
	return b.String()
}

// OfferedVote is the open vote whose ballot the viewer is offered, when
// the page shows it as it first comes (plainBallot), or nil. Then the
// ballot region is the same for every delegate offered it but for the
// form's token, and is kept for the state (stateKept) rather than
// rendered for each.
func (v *view) OfferedVote() *assembly.Vote {
	if vt, why := v.plainBallot(); vt != nil && why == "" {
		return vt
	}
	return nil
}

// VotedVote is the open vote in which the viewer has cast their ballot,
// when the page shows it plainly (plainBallot), or nil: the ballot
// region is then the same for every delegate who has voted, and is kept
// for the state.
func (v *view) VotedVote() *assembly.Vote {
	if vt, why := v.plainBallot(); vt != nil && why == "voted" {
		return vt
	}
	return nil
}

// plainBallot is the open vote and Why of it, when it is a plain vote
// (not by a show of hands, not encrypted), no ballot is posted for
// confirmation, no election is open beside it and the viewer casts no
// ballot for a mandate they carry (proxyVote); else nil.
func (v *view) plainBallot() (*assembly.Vote, string) {
	vt := v.OpenVote()
	if vt == nil || v.Form != nil || vt.Method == "show_of_hands" || vt.Method == "encrypted" || v.OpenElection() != nil || v.proxyVote(vt) {
		return nil, ""
	}
	return vt, v.Why(vt)
}

// MandateLine is the viewer's mandate as their name is followed by it
// on their page (" — decisive vote for The Federation", the
// organization's name isolated: bidi.go), or "".
func (v *view) MandateLine() template.HTML {
	m := v.Me.Mandate
	if m == nil {
		return ""
	}
	return template.HTML(attrEscaper.Replace(" — ")) + v.mandateText(m)
}

// mandateText is a mandate as the delegate's page names it: its kind,
// the organization it is for ("decisive vote for The Federation", the
// name isolated: bidi.go) and, where the rules weigh mandates and it
// carries more than one vote, how many (" · 5 votes").
func (v *view) mandateText(m *assembly.Mandate) template.HTML {
	s := template.HTML(attrEscaper.Replace(v.L.T("web.mandate." + m.Kind)))
	if m.Organization != "" {
		s += tr(v.L, "web.d.for_org", bdi(v.OrgName(m.Organization)))
	}
	if v.S.Assembly.Rules.WeightedVotes && m.Votes() > 1 {
		s += template.HTML(attrEscaper.Replace(" · " + v.L.T("web.d.weight", m.Votes())))
	}
	return s
}

// CarriedMandates are the lines of the delegate's page that say whose
// mandates the viewer carries as proxy (transfer_proxy), one for each
// mandate not rejected, in the order the mandates were submitted: the
// holder's name, the mandate (mandateText) and, unless it is verified,
// its status.
func (v *view) CarriedMandates() []template.HTML {
	if v.Me.Person == "" {
		return nil
	}
	var out []template.HTML
	for _, id := range v.carriedBy(v.Me.Person) {
		m := v.S.Mandates[id]
		if m == nil || m.Proxy != v.Me.Person || m.Status == assembly.MandateStatusRejected {
			continue
		}
		line := tr(v.L, "web.d.carries", bdi(v.Name(m.Person)), v.mandateText(m))
		if m.Status != assembly.MandateStatusVerified {
			line += template.HTML(attrEscaper.Replace(" · " + v.Word(m.Status)))
		}
		out = append(out, line)
	}
	return out
}

// AnnounceMyFloor is what the script announces when the floor region of
// a delegate's page changes: who has the floor, and the viewer's place on
// the speakers' list.
func (v *view) AnnounceMyFloor() string {
	s := ""
	if t := v.Turn(); t != nil {
		s = v.L.T("web.has_floor_announce", balanced(v.Name(t.Person)))
	}
	if n := v.MyRequest(); n != 0 {
		s += " " + v.L.T("web.d.number_on_list", n)
	}
	return s
}

// The ballots of a proxy: a delegate who carries another's mandate as
// proxy (transfer_proxy) casts, beside their own ballot, one for each
// mandate they carry, as the rules let them (assembly's ballotRight, the
// command's for_mandate): where the rules allow proxies, the mandate is
// entitled in the vote and its holder is not there to vote themselves.
// The page shows each ballot under whose mandate it is, with its own
// confirmation (in an encrypted vote or election, its own encrypted
// ballot, bound to the mandate in the browser), "voted" state and
// receipt. A delegate who carries none sees the one ballot as always.

// mandateBallot is one of the ballots the viewer casts in a vote or an
// election: with
// their own right (For "") or for a mandate they carry.
type mandateBallot struct {
	// Vote or Election is what the ballot is cast in.
	Vote     *assembly.Vote
	Election *assembly.Election
	// For is the carried mandate's id, "" for the viewer's own ballot;
	// Pre tells its form's element ids apart ("" for the own ballot).
	For, Pre string
	// Label says whose mandate it is (the ballot's heading); Holder is
	// the name of a carried mandate's holder.
	Label  template.HTML
	Holder string
	// Why is Why of the ballot: "voted", "entitled", "absent", "" (the
	// ballot is offered), or "present" (the mandate's holder is there
	// and votes themselves); Here whether its "absent" shows the form
	// saying the viewer is in the hall (once on the page).
	Why  string
	Here bool
	// Again is set where the ballot is cast and the viewer may cast it
	// anew: an encrypted box that allows re-voting, and the ballot the
	// viewer's own (assembly's MayCastAgain).
	Again bool
	// Done says who cast the ballot, when Why is "voted" (a carried
	// mandate's: the viewer, or its holder themselves).
	Done template.HTML
}

// carried are the mandates the viewer carries as proxy and may cast a
// ballot for where eligible are entitled, as the rules decide it
// (assembly's MayCastAsProxy); in the order the mandates were submitted.
func (v *view) carried(eligible map[string]bool) []*assembly.Mandate {
	if v.Me.Person == "" || !v.S.Assembly.Rules.ProxiesAllowed { // spares carriedBy's map where nobody carries a ballot
		return nil
	}
	var out []*assembly.Mandate
	for _, id := range v.carriedBy(v.Me.Person) {
		if m := v.S.Mandates[id]; v.S.MayCastAsProxy(v.Me.Person, m, eligible) {
			out = append(out, m)
		}
	}
	return out
}

// ownRight is the viewer's own voting right entitled in eligible (their
// voting mandate, or "p:" and their id), as the rules pick it, or "".
func (v *view) ownRight(eligible map[string]bool) string {
	if v.Me.Mandate != nil && eligible[v.Me.Mandate.ID] {
		return v.Me.Mandate.ID
	}
	if r := "p:" + v.Me.Person; v.Me.Person != "" && eligible[r] {
		return r
	}
	return ""
}

// proxyVote reports whether the viewer casts ballots for mandates they
// carry in vt: a vote with ballots (not by a show of hands; an encrypted
// one too, each ballot bound in the browser to the mandate it is cast
// for) in which they carry a mandate entitled.
func (v *view) proxyVote(vt *assembly.Vote) bool {
	return vt.Method != "show_of_hands" && len(v.carried(vt.Eligible)) > 0
}

// ownVoted reports whether the viewer has cast their own ballot in vt:
// by their own right when they cast ballots for mandates they carry
// too, else whether they cast any (Voted).
func (v *view) ownVoted(vt *assembly.Vote) bool {
	if !v.proxyVote(vt) {
		return v.Voted(vt)
	}
	return v.ownRightVoted(vt.Eligible, vt.Voted)
}

// ownRightVoted reports whether the viewer's own right where eligible
// are entitled (ownRight) is among those voted.
func (v *view) ownRightVoted(eligible, voted map[string]bool) bool {
	r := v.ownRight(eligible)
	return r != "" && voted[r]
}

// VoteBallots are the viewer's ballots in vt, their own first and then
// one for each mandate they carry, when they carry one entitled in vt
// (proxyVote); else nil (the page shows the one ballot).
func (v *view) VoteBallots(vt *assembly.Vote) []mandateBallot {
	if !v.proxyVote(vt) {
		return nil
	}
	castBy := castByOf(v, vt.Ballots, func(b *assembly.Ballot) (string, string) { return b.Right, b.Voter })
	if ev := vt.Encrypted; ev != nil {
		castBy = castByOf(v, ev.Cast, encryptedRightVoter)
	}
	return v.againIn(vt.Encrypted, vt.Eligible, v.proxyBallots(mandateBallot{Vote: vt, Why: v.Why(vt)}, vt.Eligible, vt.Voted, castBy))
}

// proxyBallots are the viewer's ballots where eligible are entitled and
// voted have voted: their own (own, with its Why) and one for each
// mandate they carry (carried), whose ballot cast says castBy.
func (v *view) proxyBallots(own mandateBallot, eligible, voted map[string]bool, castBy func(*assembly.Mandate) template.HTML) []mandateBallot {
	b := own
	b.Here = true
	if m := v.Me.Mandate; m != nil {
		b.Label = tr(v.L, "web.pb.own", v.mandateText(m))
	} else {
		b.Label = template.HTML(attrEscaper.Replace(v.L.T("web.pb.own_ballot")))
	}
	out := []mandateBallot{b}
	here := own.Why != "absent"
	for i, m := range v.carried(eligible) {
		b := mandateBallot{Vote: own.Vote, Election: own.Election, For: m.ID, Pre: "p" + strconv.Itoa(i+1) + "-", Holder: v.Name(m.Person),
			Label: tr(v.L, "web.pb.carried", bdi(v.Name(m.Person)), v.mandateText(m))}
		switch {
		case voted[m.ID]:
			b.Why, b.Done = "voted", castBy(m)
		case v.S.VotesFromWhere(m.Person):
			b.Why, b.Done = "present", tr(v.L, "web.pb.holder_votes", bdi(v.Name(m.Person)))
		case !v.S.InHall(v.Me.Person):
			b.Why, b.Here, here = "absent", here, false
		}
		out = append(out, b)
	}
	return out
}

// castByOf is castBy of the ballot cast for a mandate among ballots, whose
// right and voter rv reads: the last, the one that counts where an
// encrypted box lets a ballot be replaced.
func castByOf[B any](v *view, ballots []B, rv func(*B) (right, voter string)) func(*assembly.Mandate) template.HTML {
	return func(m *assembly.Mandate) template.HTML {
		for i := len(ballots) - 1; i >= 0; i-- {
			if right, voter := rv(&ballots[i]); right == m.ID {
				return v.castBy(voter)
			}
		}
		return v.castBy(v.Me.Person)
	}
}

// castBy says who cast the ballot of a carried mandate: the viewer, or
// another (its holder themselves).
func (v *view) castBy(voter string) template.HTML {
	if voter != v.Me.Person {
		return tr(v.L, "web.pb.voted_by", bdi(v.Name(voter)))
	}
	return template.HTML(attrEscaper.Replace(v.L.T("web.pb.voted")))
}

// DraftedIn is Drafted of the ballot b: the choice posted for its
// confirmation (the form's "for" its mandate), or "".
func (v *view) DraftedIn(b mandateBallot) string { return v.drafted(b.Vote, b.For) }

// proxyElection reports whether the viewer casts ballots for mandates
// they carry in el: an election with ballots (not as stated; an encrypted
// one too) in which they carry a mandate entitled.
func (v *view) proxyElection(el *assembly.Election) bool {
	return methodKind(el.Method) != "none" && len(v.carried(el.Eligible)) > 0
}

// ownElectionVoted is ownVoted of an election.
func (v *view) ownElectionVoted(el *assembly.Election) bool {
	if !v.proxyElection(el) {
		return v.ElectionVoted(el)
	}
	return v.ownRightVoted(el.Eligible, el.Voted)
}

// ElectionBallots are VoteBallots of an election.
func (v *view) ElectionBallots(el *assembly.Election) []mandateBallot {
	if !v.proxyElection(el) {
		return nil
	}
	castBy := castByOf(v, el.Ballots, func(b *assembly.ElectionBallot) (string, string) { return b.Right, b.Voter })
	if ev := el.Encrypted; ev != nil {
		castBy = castByOf(v, ev.Cast, encryptedRightVoter)
	}
	return v.againIn(el.Encrypted, el.Eligible, v.proxyBallots(mandateBallot{Election: el, Why: v.WhyNot(el)}, el.Eligible, el.Voted, castBy))
}

// OwnElectionBallot is the viewer's one ballot in el, when they cast none
// for a mandate they carry.
func (v *view) OwnElectionBallot(el *assembly.Election) mandateBallot {
	return mandateBallot{Election: el, Why: v.WhyNot(el), Here: true, Again: v.ElectionRevote(el)}
}

// DraftForBallot reports whether the page is the confirmation step of the
// ballot b in an election (the form's "for" its mandate).
func (v *view) DraftForBallot(b mandateBallot) bool {
	return v.DraftFor(b.Election) && v.Form.Get("for") == b.For
}

// FilledIn is Filled of the ballot b in an election: the ballot shown
// again as filled in is b's (the form's "for" its mandate).
func (v *view) FilledIn(b mandateBallot, name, value string) bool {
	return v.Form.Get("for") == b.For && v.Filled(b.Election, name, value)
}
