package assembly

import (
	"time"
)

// ServerAdministrator is the actor a server administrator acts as in every
// assembly (package auth logs them in as this person). No add_person may
// take the id, so that nobody can be made to act as the server
// administrator from inside an assembly.
const ServerAdministrator = "admin"

// SystemActor is the actor plenum itself gives commands as; no person may
// take the id.
const SystemActor = "system"

// reservedIDs are the person ids add_person refuses: the actors that
// packages auth and httpapi give a meaning of their own.
var reservedIDs = map[string]*Reason{
	ServerAdministrator: reason("the server administrator"),
	SystemActor:         reason("plenum itself"),
}

// Reserved reports whether id is a person id that add_person refuses, and
// who it stands for.
func Reserved(id string) (string, bool) {
	who, ok := reservedIDs[id]
	if !ok {
		return "", false
	}
	return who.Error(), true
}

// IssueAccessCodes records that new access codes are made for persons, each
// replacing the person's earlier code and ending their sessions. The codes
// themselves are made outside the domain (package cards, with package
// auth), after this command is durable, and never enter the record: the
// event says who issued codes for whom and when, and nothing else.
//
// The mandate commission (and an assembly's administrator) issues codes only
// for persons who hold a mandate (submitted or verified, as holder or
// proxy) and no office; codes for officers (administrator, chair,
// secretary, mandate commission, teller, and the presidium and secretaries
// of the open sitting) and for persons without a mandate are issued only by
// the server administrator. So no officer can obtain a way to act as
// another officer, and every code that exists has an entry naming who
// issued it.
//
// Replacing a code takes two officers: a person's first code (or the next
// after someone else revoked theirs) is issued by one, but for a person
// who holds a valid code only the server administrator issues a new one;
// any other officer revokes the code (RevokeAccessCodes, with the reason)
// and another officer issues the new one. Nor may an officer issue a code
// for a person whose latest revocation they recorded. So no officer alone
// can replace a delegate's code, log in as them and vote as them. A
// command for several persons that would replace anyone's code alone is
// refused as a whole, naming them.
type IssueAccessCodes struct {
	Persons []string `json:"persons" plenum:"required,id"`
}

// RevokeAccessCodes records that persons' access codes stop working and
// their sessions end. The mandate commission may revoke the codes of
// anyone who holds no office; the server administrator those of anyone.
type RevokeAccessCodes struct {
	Persons []string `json:"persons" plenum:"required,id"`
	Reason  string   `json:"reason"`
}

func (IssueAccessCodes) CommandName() string  { return "issue_access_codes" }
func (RevokeAccessCodes) CommandName() string { return "revoke_access_codes" }

// AccessCodesIssued: new access codes were made for persons (never the
// codes themselves).
type AccessCodesIssued struct {
	Meta    `json:"meta"`
	Persons []string `json:"persons"`
}

// AccessCodesRevoked: persons' access codes were revoked and their
// sessions ended.
type AccessCodesRevoked struct {
	Meta    `json:"meta"`
	Persons []string `json:"persons"`
	Reason  string   `json:"reason"`
}

func (AccessCodesIssued) EventType() string  { return "access_codes_issued" }
func (AccessCodesRevoked) EventType() string { return "access_codes_revoked" }

// Access is what the record says about one person's access code.
type Access struct {
	Issued    time.Time `json:"issued"`     // when the latest code was issued
	IssuedBy  string    `json:"issued_by"`  // who issued it
	Revoked   time.Time `json:"revoked"`    // when it was revoked; zero while it is valid
	RevokedBy string    `json:"revoked_by"` // who revoked it
	// RevokedFor is the reason the revocation gives ("" if none): the
	// ended sessions' notes tell it when a server carries out at its
	// start a revocation the record holds but the codes did not
	// (cards.Reconcile).
	RevokedFor string `json:"revoked_for,omitempty"`
}

// HoldsMandate reports whether person holds a mandate that is not
// rejected, as its holder or as its proxy.
func (s *State) HoldsMandate(person string) bool {
	if p := s.Persons[person]; p != nil {
		for _, id := range p.Mandates {
			if m := s.Mandates[id]; m != nil && m.Status != MandateStatusRejected {
				return true
			}
		}
	}
	for _, id := range s.MandateOrder {
		if m := s.Mandates[id]; m.Proxy == person && m.Status != MandateStatusRejected {
			return true
		}
	}
	return false
}

// MayIssueAccessCodes says why actor may not issue access codes at all, or
// returns nil: the mandate commission, an administrator and the server
// administrator may.
func (s *State) MayIssueAccessCodes(actor string) error {
	if actor != ServerAdministrator && !s.isCommission(actor) {
		return forbidden("only the mandate commission, an administrator or the server administrator may issue access codes")
	}
	return nil
}

// MayIssueAccessCode says why actor may not issue an access code for
// person, or returns nil if they may: the rule of IssueAccessCodes, for
// the pages to choose whom to offer.
func (s *State) MayIssueAccessCode(actor, person string) error {
	if err := s.MayIssueFirstAccessCode(actor, person); err != nil {
		return err
	}
	if err, _ := s.replacementRefusal(actor, person); err != nil {
		return err
	}
	return nil
}

// HoldsAccessCode reports whether the record shows a valid access code
// for person: one issued and not revoked since.
func (s *State) HoldsAccessCode(person string) bool {
	a := s.Access[person]
	return a != nil && !a.Issued.IsZero() && a.Revoked.IsZero()
}

// replacementRefusal is the two-person rule for replacing a code: an
// officer other than the server administrator may not issue a code for a
// person who holds a valid one (one officer revokes it, another issues
// the new one), nor for a person whose latest revocation they recorded
// themselves. It returns the refusal for person alone and the words that
// name person in a refusal of several, or nil and nil.
func (s *State) replacementRefusal(actor, person string) (*Error, any) {
	a := s.Access[person]
	if actor == ServerAdministrator || a == nil {
		return nil, nil
	}
	if s.HoldsAccessCode(person) {
		return forbidden("%s holds a valid access code, issued by %s at %s, and one officer alone may not replace it: one officer revokes the code (%s, with the reason, e.g. “card lost”), and another officer, another member of the mandate commission or an administrator, issues the new one", person, actorWord(a.IssuedBy), accessTime(a.Issued), CommandRef("revoke_access_codes")),
			reason("%s (a valid code, issued by %s at %s)", person, actorWord(a.IssuedBy), accessTime(a.Issued))
	}
	if !a.Revoked.IsZero() && a.RevokedBy == actor {
		return forbidden("you revoked %s's access code at %s; another officer issues the new one, so that no one alone can replace a delegate's code", person, accessTime(a.Revoked)),
			reason("%s (you revoked the code at %s)", person, accessTime(a.Revoked))
	}
	return nil, nil
}

// actorWord names who gave a command in a refusal: a person's id, which
// the pages name, or the server administrator in words.
func actorWord(actor string) any {
	if who, ok := reservedIDs[actor]; ok {
		return who
	}
	return actor
}

// accessTime is the moment of an issue or a revocation in a refusal.
func accessTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// MayIssueFirstAccessCode says why actor may not issue an access code for
// person, or returns nil if they may, apart from the two-person rule for
// a replacement (MayIssueAccessCode): the pages list the persons it
// allows, and offer a code where MayIssueAccessCode allows it too.
func (s *State) MayIssueFirstAccessCode(actor, person string) error {
	if err := s.MayIssueAccessCodes(actor); err != nil {
		return err
	}
	if s.Persons[person] == nil {
		return notFound("there is no person %q in this assembly; add them with %s first", person, CommandRef("add_person"))
	}
	if actor == ServerAdministrator {
		return nil
	}
	if offices := s.Offices(person).Titles(); len(offices) > 0 {
		return forbidden("%s holds the office of %s: only the server administrator issues access codes for officers, so that no officer can act as another", person, officeList(offices))
	}
	if !s.HoldsMandate(person) {
		return forbidden("%s holds no mandate in this assembly: the mandate commission issues access codes only for mandate holders; ask the server administrator for a guest's code", person)
	}
	return nil
}

func (c IssueAccessCodes) decide(s *State, m Meta) ([]Event, error) {
	if err := s.MayIssueAccessCodes(m.Actor); err != nil {
		return nil, err
	}
	if len(c.Persons) == 0 {
		return nil, fieldErr("persons", "%s: name the persons whose codes to issue", CommandName(c.CommandName()))
	}
	var replacing []any
	var first *Error
	for _, p := range c.Persons {
		if err := s.MayIssueFirstAccessCode(m.Actor, p); err != nil {
			return nil, err
		}
		if err, who := s.replacementRefusal(m.Actor, p); err != nil {
			if first == nil {
				first = err
			}
			replacing = append(replacing, who)
		}
	}
	switch {
	case len(c.Persons) == 1 && first != nil:
		return nil, first
	case first != nil:
		// A bulk issue is refused as a whole, naming everyone it would
		// replace a code for alone: nothing of it is recorded.
		return nil, forbidden("nothing is issued: one officer alone may not replace a delegate's code, and this issue would for %s. One officer revokes such a code (%s, with the reason) and another officer issues the new one; issue for the others without them", andList(replacing), CommandRef("revoke_access_codes"))
	}
	return one(AccessCodesIssued{Meta: m, Persons: c.Persons})
}

func (c RevokeAccessCodes) decide(s *State, m Meta) ([]Event, error) {
	if m.Actor != ServerAdministrator && !s.isCommission(m.Actor) {
		return nil, forbidden("only the mandate commission, an administrator or the server administrator may revoke access codes")
	}
	if len(c.Persons) == 0 {
		return nil, fieldErr("persons", "%s: name the persons whose codes to revoke", CommandName(c.CommandName()))
	}
	for _, p := range c.Persons {
		if s.Persons[p] == nil {
			return nil, notFound("there is no person %q in this assembly", p)
		}
		if m.Actor == ServerAdministrator {
			continue
		}
		if offices := s.Offices(p).Titles(); len(offices) > 0 {
			return nil, forbidden("%s holds the office of %s: only the server administrator revokes an officer's access code", p, officeList(offices))
		}
	}
	return one(AccessCodesRevoked{Meta: m, Persons: c.Persons, Reason: c.Reason})
}

func (e AccessCodesIssued) apply(s *State) error {
	if err := s.accessPersons(e.Persons); err != nil {
		return err
	}
	for _, p := range e.Persons {
		s.Access[p] = &Access{Issued: e.At, IssuedBy: e.Actor}
	}
	return nil
}

func (e AccessCodesRevoked) apply(s *State) error {
	if err := s.accessPersons(e.Persons); err != nil {
		return err
	}
	for _, p := range e.Persons {
		a := s.Access[p]
		if a == nil {
			a = &Access{}
			s.Access[p] = a
		}
		a.Revoked, a.RevokedBy, a.RevokedFor = e.At, e.Actor, e.Reason
	}
	return nil
}

func (s *State) accessPersons(persons []string) error {
	if len(persons) == 0 {
		return corrupt("an access code event names no person")
	}
	for _, p := range persons {
		if s.Persons[p] == nil {
			return corrupt("an access code event names the unknown person %q", p)
		}
	}
	return nil
}

// refuseReserved refuses a reserved id for a new person.
func refuseReserved(field, id string) error {
	if who, ok := reservedIDs[id]; ok {
		return fieldErr(field, "the id %q is reserved for %s and cannot be a person's; choose another id", id, who)
	}
	return nil
}

func init() {
	registerCommands(IssueAccessCodes{}, RevokeAccessCodes{})
	registerEvents(AccessCodesIssued{}, AccessCodesRevoked{})
}
