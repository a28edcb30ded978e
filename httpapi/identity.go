package httpapi

import (
	"plenum/assembly"
	"plenum/auth"
)

// The roles Identify reports, besides the assembly's own
// (administrator, chair, secretary, mandate_commission, teller).
const (
	RoleDelegate = "delegate" // a verified decisive or consultative mandate
	RoleGuest    = "guest"    // a guest or ex officio mandate, or a guest of the open sitting
	RolePublic   = "public"   // not logged in to this assembly
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
	// mandate_commission, teller, delegate, guest; or only public.
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
// (*engine.Assembly).Read with auth.FromContext(r.Context()).
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
	id.Person = p
	if person := s.Persons[p]; person != nil {
		id.Name = person.Name
		for _, mid := range person.Mandates {
			if m := s.Mandates[mid]; m != nil {
				id.Mandates = append(id.Mandates, m)
			}
		}
	}
	add := func(r string) {
		if !id.Has(r) {
			id.Roles = append(id.Roles, r)
		}
	}
	for _, r := range []assembly.Role{assembly.RoleAdministrator, assembly.RoleChair, assembly.RoleSecretary, assembly.RoleMandateCommission, assembly.RoleTeller} {
		if s.HasRole(p, r) {
			add(string(r))
		}
	}
	if st := s.Sitting(); st != nil {
		if st.Chair == p || contains(st.Presidium, p) {
			add(string(assembly.RoleChair))
		}
		if contains(st.Secretaries, p) {
			add(string(assembly.RoleSecretary))
		}
		if contains(st.Guests, p) {
			add(RoleGuest)
		}
	}
	if m, ok := s.VotingMandate(p); ok && m != nil {
		id.Mandate = m
	}
	for _, m := range id.Mandates {
		if m.Status != assembly.MandateStatusVerified {
			continue
		}
		switch m.Kind {
		case assembly.KindDecisive:
			add(RoleDelegate)
			id.Vote = assembly.KindDecisive
		case assembly.KindConsultative:
			add(RoleDelegate)
			if id.Vote == "" {
				id.Vote = assembly.KindConsultative
			}
		default:
			add(RoleGuest)
		}
	}
	if id.Roles == nil {
		id.Roles = []string{}
	}
	return id
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
