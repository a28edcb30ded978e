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
