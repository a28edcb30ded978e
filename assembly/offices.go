package assembly

// Who holds which office is answered here once, by the same tests the
// rules apply to every command (isChair, isSecretary, …), so that what the
// pages and the API offer a person never disagrees with what the rules
// then allow them.

// The capacities a person may hold besides the roles of grant_role.
const (
	// OfficeDelegate: a verified decisive or consultative mandate.
	OfficeDelegate = "delegate"
	// OfficeGuest: a verified guest or ex officio mandate, or a guest of
	// the open sitting.
	OfficeGuest = "guest"
)

// officeOrder is the order Offices lists the offices in.
var officeOrder = []string{string(RoleAdministrator), string(RoleChair), string(RoleSecretary), string(RoleMandateCommission), string(RoleTeller), OfficeDelegate, OfficeGuest}

// Offices is what one person holds at the assembly now.
type Offices struct {
	// Person is the person's id.
	Person string
	// Roles are the offices held now, in the order administrator, chair,
	// secretary, mandate_commission, teller, delegate, guest. An
	// administrator holds every office of the assembly (the rules let
	// them act in each), but is a delegate or guest only by a mandate.
	// The chair, the presidium and the secretaries of the open sitting
	// hold the chair and the secretary's office while it is open.
	Roles []string
	// Granted are the roles given with grant_role, in the same order;
	// Sitting the posts of the open sitting held besides them ("chair of
	// the sitting", "secretary of the sitting").
	Granted []string
	Sitting []string
	// Vote is the vote a delegate holds: decisive, or consultative when
	// they hold no decisive mandate ("" for others).
	Vote string
	// Mandate is the verified mandate the person votes with, if any.
	Mandate *Mandate
	// Mandates are all the person's mandates, verified or not, in the
	// order they were submitted.
	Mandates []*Mandate
}

// Offices says which offices person holds now.
func (s *State) Offices(person string) Offices {
	o := Offices{Person: person}
	held := map[string]bool{
		string(RoleAdministrator):     s.isAdmin(person),
		string(RoleChair):             s.isChair(person),
		string(RoleSecretary):         s.isSecretary(person),
		string(RoleMandateCommission): s.isCommission(person),
		string(RoleTeller):            s.isTeller(person),
	}
	for _, r := range officeOrder[:5] {
		if s.Roles[person][Role(r)] {
			o.Granted = append(o.Granted, r)
		}
	}
	if st := s.Sitting(); st != nil {
		if contains(st.Guests, person) {
			held[OfficeGuest] = true
		}
		if (st.Chair == person || contains(st.Presidium, person)) && !s.Roles[person][RoleChair] {
			o.Sitting = append(o.Sitting, "chair of the sitting")
		}
		if contains(st.Secretaries, person) && !s.Roles[person][RoleSecretary] {
			o.Sitting = append(o.Sitting, "secretary of the sitting")
		}
	}
	if p := s.Persons[person]; p != nil {
		for _, id := range p.Mandates {
			m := s.Mandates[id]
			if m == nil {
				continue
			}
			o.Mandates = append(o.Mandates, m)
			if m.Status != MandateStatusVerified {
				continue
			}
			switch m.Kind {
			case KindDecisive:
				held[OfficeDelegate] = true
				o.Vote = KindDecisive
			case KindConsultative:
				held[OfficeDelegate] = true
				if o.Vote == "" {
					o.Vote = KindConsultative
				}
			default:
				held[OfficeGuest] = true
			}
		}
	}
	if m, ok := s.VotingMandate(person); ok && m != nil {
		o.Mandate = m
	}
	o.Roles = []string{}
	for _, r := range officeOrder {
		if held[r] {
			o.Roles = append(o.Roles, r)
		}
	}
	return o
}

// Titles are the offices an officer holds, as a refusal names them: the
// roles granted, then the posts of the open sitting ("administrator,
// chair of the sitting"); none for a person who holds no office.
func (o Offices) Titles() []string {
	return append(append([]string(nil), o.Granted...), o.Sitting...)
}

// Holds reports whether the offices include role (a Role's name, or
// OfficeDelegate, OfficeGuest).
func (o Offices) Holds(role string) bool {
	for _, r := range o.Roles {
		if r == role {
			return true
		}
	}
	return false
}
