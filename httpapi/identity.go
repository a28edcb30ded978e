package httpapi

import (
	"plenum/assembly"
	"plenum/auth"
)

// The roles Identify reports, besides the assembly's own
// (administrator, chair, secretary, mandate_commission, teller).
const (
	RoleDelegate = assembly.OfficeDelegate // a verified decisive or consultative mandate
	RoleGuest    = assembly.OfficeGuest    // a guest or ex officio mandate, or a guest of the open sitting
	RolePublic   = "public"                // not logged in to this assembly
)

// Identity is who a session is in one assembly, for pages and for GET
// …/me: the person, the roles held now, and the mandate they act with.
// It says what to show; the rules decide every command anyway.
type Identity struct {
	Assembly string `json:"assembly"`
	// Person is the person id ("" for the public).
	Person string `json:"person,omitempty"`
	Name   string `json:"name,omitempty"`
	// ServerAdmin marks a server administrator's session.
	ServerAdmin bool `json:"server_admin,omitempty"`
	// Roles are the roles held now: administrator, chair, secretary,
	// mandate_commission, teller, delegate, guest (an administrator holds
	// every office of the assembly, as the rules let them act in each);
	// or only public.
	Roles []string `json:"roles"`
	// Vote is the kind of vote a delegate holds: decisive or
	// consultative ("" for others).
	Vote string `json:"vote,omitempty"`
	// Mandate is the verified mandate the person votes with, if any.
	Mandate *assembly.Mandate `json:"mandate,omitempty"`
	// Mandates are all the person's mandates, verified or not.
	Mandates []*assembly.Mandate `json:"mandates,omitempty"`
}

// Has reports whether the identity holds role.
func (id Identity) Has(role string) bool {
	for _, r := range id.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Identify says who sess is in the assembly s: call it inside
// (*engine.Assembly).Read with auth.FromContext(r.Context()). The offices
// are the domain's answer (assembly.State.Offices), the same the pages
// use.
func Identify(s *assembly.State, sess *auth.Session) Identity {
	id := Identity{Assembly: s.Assembly.ID}
	if sess == nil || !sess.In(s.Assembly.ID) {
		id.Roles = []string{RolePublic}
		return id
	}
	p := sess.Person
	if sess.Admin {
		p = auth.AdminPerson
		id.ServerAdmin = true
	}
	o := s.Offices(p)
	id.Person, id.Roles, id.Vote, id.Mandate, id.Mandates = p, o.Roles, o.Vote, o.Mandate, o.Mandates
	if person := s.Persons[p]; person != nil {
		id.Name = person.Name
	}
	return id
}
