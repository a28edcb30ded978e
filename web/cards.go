package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"plenum/assembly"
	"plenum/auth"
	"plenum/httpapi"
)

// mandateCards serves POST /a/{id}/mandate-cards.pdf, the page's form
// "Issue access codes and print mandate cards": it issues new access codes
// for the persons chosen (fields "persons"; or, with all=1, everyone with
// a verified mandate) and answers with the cards as PDF, as the API's
// POST /api/assemblies/{id}/mandate-cards.pdf does. New codes void the
// persons' earlier codes. Only a server administrator, the assembly's
// administrator or the mandate commission may issue them; a refusal goes
// back to the page as an alert.
func (s *server) mandateCards(w http.ResponseWriter, r *http.Request) {
	a, sess, fail, ok := s.pageForm(w, r, "mandates", 256<<10)
	if !ok {
		return
	}
	id := a.ID()
	var persons []string
	for _, v := range r.PostForm["persons"] {
		for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			persons = append(persons, p)
		}
	}
	all := r.PostFormValue("all") != ""
	var codes []httpapi.IssuedCode
	var name string
	var refused error
	a.Read(func(st *assembly.State) {
		name = st.Assembly.Name
		who := httpapi.Identify(st, sess)
		if !who.ServerAdmin && !who.Has(string(assembly.RoleAdministrator)) && !who.Has(string(assembly.RoleMandateCommission)) {
			refused = &assembly.Error{Code: assembly.ErrForbidden, Msg: "only the administrator or the mandate commission may issue access codes"}
			return
		}
		if all {
			persons = persons[:0]
			for _, mid := range st.MandateOrder {
				if m := st.Mandates[mid]; m.Status == assembly.MandateStatusVerified && !contains(persons, m.Person) {
					persons = append(persons, m.Person)
				}
			}
		}
		if len(persons) == 0 {
			refused = &assembly.Error{Code: assembly.ErrInvalid, Field: "persons", Msg: "choose the persons whose cards to print, or all with verified mandates"}
			return
		}
		seen := map[string]bool{}
		for _, p := range persons {
			person := st.Persons[p]
			if person == nil {
				refused = &assembly.Error{Code: assembly.ErrNotFound, Field: "persons", Msg: fmt.Sprintf("there is no person %q in this assembly", p)}
				return
			}
			if seen[p] {
				continue
			}
			seen[p] = true
			c := httpapi.IssuedCode{Person: p, Name: person.Name}
			// As the API: the card shows the verified mandate, else the
			// latest submitted one.
			for _, mid := range person.Mandates {
				m := st.Mandates[mid]
				if m == nil || m.Status == assembly.MandateStatusRejected {
					continue
				}
				if c.Mandate == "" || m.Status == assembly.MandateStatusVerified {
					c.Mandate = m.Kind
					if org := st.Organizations[m.Organization]; org != nil {
						c.Organization = org.Name
					}
				}
			}
			codes = append(codes, c)
		}
	})
	if refused != nil {
		var ae *assembly.Error
		errors.As(refused, &ae)
		fail(refusal(ae))
		return
	}
	ids := make([]string, len(codes))
	for i := range codes {
		ids[i] = codes[i].Person
	}
	issued, err := s.auth.IssueCodes(r.Context(), id, ids)
	if err == nil && len(issued) != len(codes) {
		err = fmt.Errorf("%d codes issued for %d persons", len(issued), len(codes))
	}
	var pdf []byte
	if err == nil {
		base := baseURL(r)
		for i, c := range issued {
			codes[i].Code, codes[i].Expires = c.Code, c.Expires
			codes[i].Link = auth.LoginLink(base, c.Code)
		}
		if name == "" {
			name = id
		}
		pdf, err = httpapi.MandateCards(name, codes)
	}
	if err != nil {
		s.opts.Logger.Error("web: mandate cards failed", "assembly", id, "err", err)
		fail("The server could not print the cards; try again in a moment.")
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="mandate-cards.pdf"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(pdf)
}

// baseURL is the address the login links on the cards point to: this
// server as the request reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
