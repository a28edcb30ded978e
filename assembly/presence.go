package assembly

// This file answers who is present, from where, and what their presence
// counts for: in the hall, or online as the rules allow (Rules.Online),
// less those who left the hall without being named (leave_hall unnamed).

// Online reports whether a person attends online: checked in from
// elsewhere than the hall.
func (s *State) Online(person string) bool {
	return s.Attendance.CheckedIn[person] && s.Attendance.Online[person]
}

// VotesFromWhere reports whether a person may vote from where they are:
// in the hall, or online where the rules let those online vote.
func (s *State) VotesFromWhere(person string) bool {
	return s.InHall(person) || s.Online(person) && s.Assembly.Rules.onlineVotes()
}

// countsForQuorum reports whether a person's presence counts towards the
// quorum: in the hall, or online where the rules count those online.
func (s *State) countsForQuorum(person string) bool {
	return s.InHall(person) || s.Online(person) && s.Assembly.Rules.Online == OnlineFull
}

// members returns the voting mandates (verified decisive ones, and
// consultative ones where they vote) and how many of them are held by
// someone whose presence counts for the quorum, named, before those who
// left unnamed are taken off.
func (s *State) members() (members, named int) {
	for _, id := range s.MandateOrder {
		m := s.Mandates[id]
		if m.Status != MandateStatusVerified || !s.kindVotes(m.Kind) {
			continue
		}
		members++
		if s.countsForQuorum(s.holder(m)) {
			named++
		}
	}
	return members, named
}

// QuorumCounted reports whether open_vote counts the quorum: unless the
// open sitting does not record who is present (opened so, as a restored
// record's sittings are, or before the registration is under way), where
// nobody is present by name and a count of them would refuse every vote;
// the chair answers for the quorum there, and from record_attendance on
// it is counted.
func (s *State) QuorumCounted() bool {
	st := s.Sitting()
	return st == nil || !st.AttendanceNotRecorded
}

// PresentMembers is how many voting members are present for the quorum:
// those present by name, less the unnamed who left the hall (never below
// zero; leave_hall and check_out refuse what would take it there).
func (s *State) PresentMembers() int {
	_, named := s.members()
	return s.present(named)
}

// present is PresentMembers given members' count of those named.
func (s *State) present(named int) int { return max(named-s.Attendance.UnnamedOut, 0) }

// startRegistration ends the departures without names where the
// registration of those present starts afresh: at the opening of a
// sitting that records who is present, and when one opened without it
// starts to (record_attendance). Those who left the hall unnamed are
// counted off those present by name in the sitting they left, and nobody
// can say which of a new registration's they were: so a sitting starts
// from the registrations (check_in, online) and the departures by name
// as they stand, which its secretary corrects by name, and from no
// unnamed departure. A sitting that does not record who is present (a
// restored record) counts nobody present, and an unnamed walkout stays
// among the walked out of its votes and of the next such sitting's
// until the record says they returned (docs/script.md, "Attendance").
func (s *State) startRegistration(afresh bool) {
	if afresh {
		s.Attendance.UnnamedOut, s.Attendance.UnnamedWalkedOut = 0, 0
	}
	s.PresenceEvents++
}

// Presence is who is present now, as the quorum, the attendance a vote
// records and every page count it (State.Presence).
type Presence struct {
	Named     int // persons in the hall by name: checked in there, not out of it
	InHall    int // those less the unnamed who left the hall
	Online    int // persons checked in online
	OutOfHall int // persons who left the hall, by name and unnamed
	WalkedOut int // of them in a walkout, by name and unnamed
	// Unnamed left the hall without being named (startRegistration),
	// UnnamedWalkedOut of them in a walkout.
	Unnamed, UnnamedWalkedOut int
	Members                   int // voting members (VotingMembers)
	Present                   int // of them present for the quorum (PresentMembers, Quorum)
}

// Presence counts who is present now. Those who left the hall unnamed
// are members with a vote among those in it by name: they are taken
// from those in the hall and from the members present, and added to
// those out of it (and walked out, when they walked out).
func (s *State) Presence() Presence {
	var p Presence
	a := s.Attendance
	for person, in := range a.CheckedIn {
		switch {
		case !in:
		case s.Online(person):
			p.Online++
		case s.InHall(person):
			p.Named++
		}
	}
	for _, out := range a.OutOfHall {
		if out {
			p.OutOfHall++
		}
	}
	for _, w := range a.WalkedOut {
		if w {
			p.WalkedOut++
		}
	}
	p.Unnamed, p.UnnamedWalkedOut = a.UnnamedOut, a.UnnamedWalkedOut
	p.InHall = max(p.Named-p.Unnamed, 0)
	p.OutOfHall += p.Unnamed
	p.WalkedOut += p.UnnamedWalkedOut
	var named int
	p.Members, named = s.members()
	p.Present = s.present(named)
	return p
}

// PresentOf is how many of the voting rights eligible (a vote's or an
// election's) are present now, counted as the attendance a vote records
// when it is opened: held by someone who may vote from where they are,
// less those who left the hall unnamed.
func (s *State) PresentOf(eligible map[string]bool) int {
	rights := make([]string, 0, len(eligible))
	for r, ok := range eligible {
		if ok {
			rights = append(rights, r)
		}
	}
	return s.snapshot(rights, false).Present
}

// snapshot is the attendance, for a vote, of the voting rights given:
// present (entitled and able to vote from where they are), absent, walked
// out, by mandate kind, online; the unnamed who left the hall are taken
// from those present, as walked out when they walked out.
func (s *State) snapshot(rights []string, notRecorded bool) AttendanceSnapshot {
	att := AttendanceSnapshot{Eligible: len(rights), ByKind: map[string]int{}, NotRecorded: notRecorded}
	weighted := s.Assembly.Rules.WeightedVotes
	for _, rt := range rights {
		h := s.rightHolder(rt)
		if s.Online(h) {
			att.Online++
		}
		switch {
		case notRecorded:
			if s.Attendance.WalkedOut[h] {
				att.WalkedOut++
			}
		case s.VotesFromWhere(h):
			att.Present++
			kind := KindGuest
			if md := s.Mandates[rt]; md != nil {
				kind = md.Kind
			}
			att.ByKind[kind]++
			if weighted {
				att.PresentVotes += s.weight(rt)
			}
		case s.Attendance.WalkedOut[h]:
			att.WalkedOut++
		default:
			att.Absent++
		}
	}
	out, walked := s.Attendance.UnnamedOut, s.Attendance.UnnamedWalkedOut
	if notRecorded {
		// Who was present is not recorded, but a walkout is: those who
		// walked out unnamed are counted with those named.
		u := min(walked, att.Eligible-att.WalkedOut)
		att.WalkedOut += u
		att.UnnamedOut = u
		return att
	}
	u := min(out, att.Present)
	uw := min(walked, u)
	att.Present -= u
	att.WalkedOut += uw
	att.Absent += u - uw
	att.UnnamedOut = u
	if weighted {
		// Each of them carried at least one vote.
		att.PresentVotes = max(att.PresentVotes-u, 0)
	}
	return att
}

// votesPresent is how many votes those present carry: PresentVotes under
// weighted votes, else one each.
func (a AttendanceSnapshot) votesPresent() int {
	if a.PresentVotes > 0 {
		return a.PresentVotes
	}
	return a.Present
}

// reconcileUnnamed keeps those who left the hall unnamed among those
// present by name: when a mandate is rejected, a proxy moves, or the rules
// change who votes from where, and fewer members are present by name than
// left unnamed, those who left unnamed can only have been among them, and
// no more of them can be out of the hall than are counted by name.
func (s *State) reconcileUnnamed() {
	if s.Attendance.UnnamedOut == 0 {
		return
	}
	if _, named := s.members(); named < s.Attendance.UnnamedOut {
		s.Attendance.UnnamedOut = named
		s.Attendance.UnnamedWalkedOut = min(s.Attendance.UnnamedWalkedOut, named)
	}
}

// VotingMembers is how many members are entitled to vote, present or not:
// the verified mandates whose kind votes. The quorum is counted of them
// (Quorum), and the mandate commission's desk shows those present of
// them.
func (s *State) VotingMembers() int {
	members, _ := s.members()
	return members
}
