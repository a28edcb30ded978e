package web

import (
	"html/template"
	"strings"

	"plenum/assembly"
)

// The delegate's ballot: when a vote or an election opens it comes to the
// top of the page (the script brings it to the screen and gives it the
// focus); a choice is posted to the delegate's page, which shows it back
// for confirmation, and only the confirming form gives the command; the
// receipt follows in place. The choice is never in a URL.

// Drafted is the choice the delegate posted for confirmation in vt, or "".
func (v *view) Drafted(vt *assembly.Vote) string {
	if v.Form.Get("step") != "check" || v.Form.Get("vote") != vt.ID {
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
	case v.Voted(vt):
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
	case v.ElectionVoted(el):
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
	}
	if el := v.OpenElection(); el != nil {
		switch v.WhyNot(el) {
		case "":
			return "election:" + el.ID
		case "absent":
			return "absent:" + el.ID
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
// confirmation and no election is open beside it; else nil.
func (v *view) plainBallot() (*assembly.Vote, string) {
	vt := v.OpenVote()
	if vt == nil || v.Form != nil || vt.Method == "show_of_hands" || vt.Method == "encrypted" || v.OpenElection() != nil {
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
	if v.S.Assembly.Rules.WeightedVotes && m.Weight > 1 {
		s += template.HTML(attrEscaper.Replace(" · " + v.L.T("web.d.weight", m.Weight)))
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
