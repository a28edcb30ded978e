// Package cards issues access codes and prints them on mandate cards, for
// the JSON API and the pages alike.
//
// Issuing is two writes in two databases, ordered so that no code ever
// exists that the record does not show: first the issue_access_codes
// command is decided by the assembly's rules (only mandate holders without
// an office, unless the server administrator issues; a valid code is
// replaced only by two officers, one revoking and another issuing, or by
// the server administrator) and made durable in
// the assembly's log; then package auth makes the codes, voiding each
// person's earlier code and ending their sessions in one transaction. The
// record names who issued codes for whom and when; the codes themselves
// are seen once, in the answer, on the cards.
//
// A crash between the two writes leaves an entry for codes that were never
// made: the persons' earlier codes and sessions still work, nobody holds a
// code the record does not show, and issuing again makes the codes (the
// officer never received an answer; the record shows the codes valid, so
// the server administrator issues again, or one officer revokes them and
// another issues: assembly.IssueAccessCodes). A crash after
// the codes are made but before the answer is sent leaves codes nobody has
// seen (only their hashes are stored); issuing again replaces them.
// Revoking is recorded first too; a crash before the codes are deleted is
// repaired by Reconcile, which a server runs at start.
package cards

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
)

// Card is one mandate card: whose it is, what they sit for, and the access
// code with its login link.
type Card struct {
	Person string `json:"person"`
	Name   string `json:"name"`
	// Ref is the person's member number (assembly.Person.Ref), if the
	// record has one; Namesake says that another person of the assembly
	// bears the same name (Namesakes), and then the card prints the
	// member number beside the name, else the organization and the id:
	// two cards alike but for the code let a roll-call vote be recorded
	// under the wrong member.
	Ref            string    `json:"ref,omitempty"`
	Namesake       bool      `json:"namesake,omitempty"`
	Organization   string    `json:"organization,omitempty"` // the organization's name
	OrganizationID string    `json:"organization_id,omitempty"`
	Mandate        string    `json:"mandate,omitempty"` // the mandate's kind
	Code           string    `json:"code"`
	Link           string    `json:"link"`
	Expires        time.Time `json:"expires"`
}

// Selection says whose cards to issue: the persons named, or (with none
// named) everyone with a verified mandate for whom the actor may issue a
// code; in both cases only those with a mandate from Organization, if it
// is set.
type Selection struct {
	Persons      []string
	Organization string
}

// Skipped is a person left out of "everyone", and why.
type Skipped struct {
	Person string `json:"person"`
	Reason string `json:"reason"`
}

// Issued is the outcome of Issue: the assembly's name for the cards' head,
// the cards in print order (Order: delegations by name, persons by name
// within each, in the assembly's language), and the
// persons that "everyone" left out.
type Issued struct {
	Assembly string
	Language string // the assembly's language, which the cards are printed in
	Cards    []Card
	Skipped  []Skipped
}

// Issue issues new access codes for the persons sel selects, on actor's
// authority (a person id, or assembly.ServerAdministrator), at now, with
// login links under base (e.g. "https://congress.example.org"). A refusal
// of the rules is an *assembly.Error, and then nothing is recorded and no
// code is made; see the package comment for the order of the writes.
func Issue(ctx context.Context, a *engine.Assembly, codes *auth.Store, actor string, now time.Time, base string, sel Selection) (*Issued, error) {
	out := &Issued{}
	var refusal error
	a.Read(func(s *assembly.State) {
		out.Assembly, out.Language = s.Assembly.Name, s.Assembly.Language
		if out.Assembly == "" {
			out.Assembly = s.Assembly.ID
		}
		if sel.Organization != "" && s.Organizations[sel.Organization] == nil {
			refusal = refuse(assembly.ErrNotFound, "organization", "there is no organization %q in this assembly", sel.Organization)
			return
		}
		if err := s.MayIssueAccessCodes(actor); err != nil {
			refusal = err
			return
		}
		persons := sel.Persons
		if len(persons) == 0 {
			for _, id := range s.MandateOrder {
				m := s.Mandates[id]
				if m.Status != assembly.MandateStatusVerified || slices.Contains(persons, m.Person) ||
					slices.ContainsFunc(out.Skipped, func(k Skipped) bool { return k.Person == m.Person }) {
					continue
				}
				if sel.Organization != "" && m.Organization != sel.Organization {
					continue
				}
				if err := s.MayIssueAccessCode(actor, m.Person); err != nil {
					out.Skipped = append(out.Skipped, Skipped{Person: m.Person, Reason: err.Error()})
					continue
				}
				persons = append(persons, m.Person)
			}
		}
		namesakes := Namesakes(s)
		seen := map[string]bool{}
		for _, p := range persons {
			if seen[p] {
				continue
			}
			seen[p] = true
			person := s.Persons[p]
			if person == nil {
				refusal = refuse(assembly.ErrNotFound, "persons", "there is no person %q in this assembly; add them with add_person first", p)
				return
			}
			c := Card{Person: p, Name: person.Name, Ref: person.Ref, Namesake: namesakes[p]}
			// The card shows the mandate the person acts with: the
			// verified one, else the latest submitted.
			for _, mid := range person.Mandates {
				m := s.Mandates[mid]
				if m == nil || m.Status == assembly.MandateStatusRejected {
					continue
				}
				if sel.Organization != "" && m.Organization != sel.Organization {
					continue
				}
				if c.Mandate == "" || m.Status == assembly.MandateStatusVerified {
					c.Mandate, c.OrganizationID, c.Organization = m.Kind, m.Organization, ""
					if org := s.Organizations[m.Organization]; org != nil {
						c.Organization = org.Name
					}
				}
			}
			if sel.Organization != "" && c.OrganizationID != sel.Organization {
				refusal = refuse(assembly.ErrInvalid, "persons", "%s holds no mandate from %s", p, s.Organizations[sel.Organization].Name)
				return
			}
			out.Cards = append(out.Cards, c)
		}
		Order(out.Cards, s.Assembly.Language)
	})
	if refusal != nil {
		return nil, refusal
	}
	if len(out.Cards) == 0 {
		if len(out.Skipped) > 0 {
			return nil, refuse(assembly.ErrInvalid, "persons", "there is no one you may issue cards for: %s", out.Skipped[0].Reason)
		}
		return nil, refuse(assembly.ErrInvalid, "persons", "there is no one to issue cards for: name the persons, or verify their mandates first")
	}
	ids := make([]string, len(out.Cards))
	for i := range out.Cards {
		ids[i] = out.Cards[i].Person
	}
	// First the record: durable before any code exists.
	if _, err := a.Submit(ctx, assembly.Meta{Assembly: a.ID(), Actor: actor, At: now}, assembly.IssueAccessCodes{Persons: ids}); err != nil {
		return nil, err
	}
	made, err := codes.IssueRecordedCodesBy(ctx, a.ID(), ids, now, actor)
	if err != nil {
		return nil, fmt.Errorf("cards: the issue is recorded but the codes could not be made (issue them again: the record shows them issued, so the server administrator does, or one officer revokes them and another issues): %w", err)
	}
	if len(made) != len(ids) {
		return nil, fmt.Errorf("cards: %d codes made for %d persons", len(made), len(ids))
	}
	for i, c := range made {
		out.Cards[i].Code, out.Cards[i].Expires = c.Code, c.Expires
		out.Cards[i].Link = auth.LoginLink(base, c.Code)
	}
	return out, nil
}

// refuse is a refusal as the rules make one, shown in the reader's
// language.
var refuse = assembly.Refusal

// Revoke revokes the persons' access codes and ends their sessions, on
// actor's authority: recorded first, then the codes are deleted.
func Revoke(ctx context.Context, a *engine.Assembly, codes *auth.Store, actor string, now time.Time, persons []string, reason string) error {
	if _, err := a.Submit(ctx, assembly.Meta{Assembly: a.ID(), Actor: actor, At: now}, assembly.RevokeAccessCodes{Persons: persons, Reason: reason}); err != nil {
		return err
	}
	if err := codes.RevokeCodesBy(ctx, a.ID(), persons, actor, reason); err != nil {
		return fmt.Errorf("cards: the revocation is recorded but the codes could not be deleted (revoke them again, or restart the server): %w", err)
	}
	return nil
}

// Reconcile makes the access codes agree with the record after a crash
// between the two writes of an issue or a revocation (the record first,
// then the codes): the codes and sessions of every person whose latest
// access entry is a revocation are deleted (again), and so are those of
// every person whose latest recorded issue made no code, since the record
// says that issue voided them. Such a person needs a new card. A server
// runs it at start.
func Reconcile(ctx context.Context, e *engine.Engine, codes *auth.Store) error {
	for _, a := range e.Assemblies() {
		// The revoked persons by who revoked their codes and why, so
		// that a session ended only now is told by whom and for what
		// reason, as the record has them (auth.EndedSession).
		type revocation struct{ by, reason string }
		revoked := map[revocation][]string{}
		var revocations []revocation
		issued := map[string]time.Time{}
		a.Read(func(s *assembly.State) {
			for _, p := range s.PersonOrder {
				switch acc := s.Access[p]; {
				case acc == nil:
				case !acc.Revoked.IsZero():
					r := revocation{acc.RevokedBy, acc.RevokedFor}
					if revoked[r] == nil {
						revocations = append(revocations, r)
					}
					revoked[r] = append(revoked[r], p)
				case !acc.Issued.IsZero():
					issued[p] = acc.Issued
				}
			}
		})
		for _, r := range revocations {
			if err := codes.RevokeCodesBy(ctx, a.ID(), revoked[r], r.by, r.reason); err != nil {
				return fmt.Errorf("cards: revoking the recorded revocations of %s: %w", a.ID(), err)
			}
		}
		if _, err := codes.VoidUnissuedCodes(ctx, a.ID(), issued); err != nil {
			return fmt.Errorf("cards: voiding the codes of recorded issues of %s that made no code: %w", a.ID(), err)
		}
	}
	return nil
}

// BaseURL is the address the login links on cards start with: configured
// (plenum serve --base-url) if set, else this server as the request
// reached it, https when secure (TLS, or a trusted proxy that says so).
func BaseURL(configured string, r *http.Request, secure bool) string {
	if configured != "" {
		return strings.TrimRight(configured, "/")
	}
	scheme := "http"
	if secure {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
