package assembly

// RemoveOrganization removes an organization entered by mistake (a
// duplicate, a delegation that is not coming) while nothing refers to it.
// The record keeps that it was added and removed.
type RemoveOrganization struct {
	Organization string `json:"organization" plenum:"required,id"`
	Note         string `json:"note"`
}

func (RemoveOrganization) CommandName() string { return "remove_organization" }

// OrganizationRemoved: an organization was removed from the lists.
type OrganizationRemoved struct {
	Meta         `json:"meta"`
	Organization string `json:"organization"`
	Name         string `json:"name"` // its name when removed, for the record's readers
	Note         string `json:"note,omitempty"`
}

func (OrganizationRemoved) EventType() string { return "organization_removed" }

// OrgReferredBy says what refers to the organization id (a mandate of any
// status, a membership, an organization whose parent it is, a sitting held
// jointly with it, speaking time allotted to it, an election's list of its
// tendency, a motion submitted or supported in its name), or nil when
// nothing does and it may be removed.
func (s *State) OrgReferredBy(id string) *Reason {
	o := s.Organizations[id]
	if o == nil {
		return nil
	}
	for _, mid := range s.MandateOrder {
		if s.Mandates[mid].Organization == id {
			return reason("the mandate %s", mid)
		}
	}
	if len(o.Members) > 0 {
		return reason("the membership of %s", o.Members[0].Person)
	}
	if o.PresentNoted {
		// The minutes list it among those present: its part in the
		// assembly is record, not a mistake to remove.
		return reason("the note that it took part")
	}
	for _, cid := range s.OrgOrder {
		if s.Organizations[cid].Parent == id {
			return reason("the organization %s, of which it is the parent", s.Organizations[cid].Name)
		}
	}
	for _, sid := range s.SittingOrder {
		if contains(s.Sittings[sid].JointWith, id) {
			return reason("the sitting %s, held jointly with it", sid)
		}
	}
	for _, iid := range s.ItemOrder {
		f := &s.Items[iid].Floor
		_, allotted := f.Allotted[id]
		_, used := f.Used[id]
		drawn := false
		for _, t := range f.Turns {
			drawn = drawn || t.Allowance == id
		}
		if allotted || used || drawn {
			return reason("the speaking time allotted on the item %s", iid)
		}
	}
	for _, eid := range s.ElectionOrder {
		for _, l := range s.Elections[eid].Lists {
			if l.Tendency == id {
				return reason("the list %s of the election %s", l.ID, eid)
			}
		}
	}
	for _, mid := range s.MotionOrder {
		mo := s.Motions[mid]
		if mo.Delegation == id {
			return reason("the motion %s, submitted in its name", mid)
		}
		for _, sp := range mo.Supporters {
			if sp.Delegation == id {
				return reason("the motion %s, supported in its name", mid)
			}
		}
	}
	return nil
}

func (c RemoveOrganization) decide(s *State, m Meta) ([]Event, error) {
	if !s.MayRegister(m.Actor) {
		return nil, forbidden("only %s may remove organizations", registrars)
	}
	o := s.Organizations[c.Organization]
	if o == nil {
		return nil, notFound("there is no organization %q", c.Organization)
	}
	if by := s.OrgReferredBy(o.ID); by != nil {
		return nil, conflict("%s cannot be removed: %s refers to it", o.Name, by)
	}
	return one(OrganizationRemoved{Meta: m, Organization: o.ID, Name: o.Name, Note: c.Note})
}

func (e OrganizationRemoved) apply(s *State) error {
	if s.Organizations[e.Organization] == nil {
		return corrupt("there is no organization %q to remove", e.Organization)
	}
	if s.OrgReferredBy(e.Organization) != nil {
		return corrupt("the organization %q is referred to and cannot be removed", e.Organization)
	}
	delete(s.Organizations, e.Organization)
	for i, id := range s.OrgOrder {
		if id == e.Organization {
			s.OrgOrder = append(s.OrgOrder[:i:i], s.OrgOrder[i+1:]...)
			break
		}
	}
	return nil
}

func init() {
	registerCommands(RemoveOrganization{})
	registerEvents(OrganizationRemoved{})
}
