package assembly

// A union holds the same congress every year: the next one starts from
// the last one's rules, organizations, delegates and bodies, without its
// proceedings. Template gives the commands that set a new assembly up so.

// Overrides returns the overrides that make r from its preset: every rule,
// so that Preset(r.Preset) changed by them is r. (TestRulesOverrides lists
// the rules it knows; a rule added to Rules must be added here.)
func (r Rules) Overrides() *Overrides {
	q := QuorumRule(r.Quorum)
	vt, cd := r.VotingThreshold, r.CloseDebateThreshold
	sr, st, so := r.SecondsRequired, r.SpeakingTimeSeconds, r.SpeakersOrder
	cv, gs, pa, mp := r.ConsultativeMayVote, r.GuestsMaySpeak, r.ProxiesAllowed, r.MaxProxiesPerDelegate
	ac, wv, pr := r.AbstentionsCount, r.WeightedVotes, r.Precedence
	ms, is, online := r.MaxSpeeches, r.InterventionSeconds, r.Online
	if online == "" {
		online = OnlineNone
	}
	checkIn := r.CheckIn
	if checkIn == "" {
		checkIn = CheckInSelf
	}
	o := &Overrides{Quorum: &q, VotingThreshold: &vt, CloseDebateThreshold: &cd, SecondsRequired: &sr, SpeakingTimeSeconds: &st,
		SpeakersOrder: &so, ConsultativeMayVote: &cv, GuestsMaySpeak: &gs, ProxiesAllowed: &pa, MaxProxiesPerDelegate: &mp,
		AbstentionsCount: &ac, WeightedVotes: &wv, Precedence: &pr, MaxSpeeches: &ms, InterventionSeconds: &is, Online: &online,
		CheckIn: &checkIn}
	copyBool := func(b *bool) *bool {
		if b == nil {
			return nil
		}
		v := *b
		return &v
	}
	o.ReconsiderRules, o.CompetingDrafts, o.AmendmentsAtOnce = copyBool(r.ReconsiderRules), copyBool(r.CompetingDrafts), copyBool(r.AmendmentsAtOnce)
	if r.Motions != nil {
		m := *r.Motions
		o.Motions = &m
	}
	if len(r.Thresholds) > 0 {
		o.Thresholds = make(map[string]Threshold, len(r.Thresholds))
		for k, v := range r.Thresholds {
			o.Thresholds[k] = v
		}
	}
	if r.AllowanceCounts != nil {
		o.AllowanceCounts = append([]string(nil), r.AllowanceCounts...)
	}
	return o
}

// Template returns the commands that give a new assembly, just created
// with this one's rules (Rules.Overrides), what this one was set up with:
// the marks, the organizations and the memberships of them, the persons,
// their mandates not rejected — submitted afresh, for the new mandate
// commission to verify, with their kind, weight and marks but without a
// proxy — the roles (except the administrator role of creator, who holds
// it by creating the new assembly), and the sections, commissions and
// committees with their members. Nothing of the proceedings is copied:
// no sitting, item, motion, vote, election, attendance, speech, access
// code, verification or proxy; a body keeps no item and no instruction.
// The ids stay as they are, so that a person is the same person in both
// records.
func (s *State) Template(creator string) []Command {
	var out []Command
	for _, mk := range sortedKeys(s.Marks) {
		out = append(out, DefineMark{Mark: mk, Meaning: s.Marks[mk]})
	}
	for _, id := range s.OrgOrder {
		o := s.Organizations[id]
		out = append(out, AddOrganization{ID: o.ID, Name: o.Name, Kind: o.Kind, Number: o.Number, Parent: o.Parent, Note: o.Note})
	}
	for _, id := range s.PersonOrder {
		p := s.Persons[id]
		out = append(out, AddPerson{ID: p.ID, Name: p.Name, OtherNames: p.OtherNames, Note: p.Note, Ref: p.Ref})
	}
	for _, id := range s.OrgOrder {
		for _, mb := range s.Organizations[id].Members {
			out = append(out, AddMembership{Person: mb.Person, Organization: mb.Organization, Role: mb.Role, Note: mb.Note})
		}
	}
	for _, id := range s.MandateOrder {
		m := s.Mandates[id]
		if m.Status == MandateStatusRejected {
			continue
		}
		out = append(out, SubmitMandate{ID: m.ID, Person: m.Person, Organization: m.Organization, Kind: m.Kind, Marks: m.Marks, Note: m.Note, Weight: m.Weight})
	}
	for _, id := range s.PersonOrder {
		for _, r := range []Role{RoleAdministrator, RoleChair, RoleSecretary, RoleMandateCommission, RoleTeller} {
			if s.Roles[id][r] && !(id == creator && r == RoleAdministrator) {
				out = append(out, GrantRole{Person: id, Role: r})
			}
		}
	}
	for _, id := range s.BodyOrder {
		b := s.Bodies[id]
		out = append(out, FormBody{ID: b.ID, Name: b.Name, Kind: b.Kind, Members: b.Members, Note: b.Note})
	}
	return out
}

// With returns r changed by the overrides o, or an error naming a bad
// value: what create_assembly and set_rules do with their overrides.
func (r Rules) With(o *Overrides) (Rules, error) { return o.apply(r) }
