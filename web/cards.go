package web

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cards"
	"plenum/httpapi"
)

// mandateCards serves POST /a/{id}/mandate-cards.pdf, the page's form
// "Issue access codes and print mandate cards": through package cards it
// records the issue, makes new access codes for the persons chosen (fields
// "persons"; or, with all=1 or a delegation and no one chosen, everyone
// with a verified mandate the viewer may issue for; "organization" keeps
// one delegation) and answers with the
// cards as PDF. New codes void the persons' earlier codes and end their
// sessions. A refusal of the rules goes back to the page as an alert.
func (s *server) mandateCards(w http.ResponseWriter, r *http.Request) { s.issueCards(w, r, "pdf") }

// mandateCardsHTML serves POST /a/{id}/mandate-cards.html, the same
// form's second button: it issues the codes as mandateCards does (the
// same rules, recorded first, once per request) and answers with the
// same cards as an HTML page for the browser to print (cards.HTMLIn, on
// the paper of the field "paper": a4 or letter), which sets names in
// any script with the device's fonts. The page holds the codes: it is
// never stored (no-store) and fetches nothing.
func (s *server) mandateCardsHTML(w http.ResponseWriter, r *http.Request) { s.issueCards(w, r, "html") }

// issueCards issues the codes the form asks for and answers with the
// cards in format, "pdf" or "html".
func (s *server) issueCards(w http.ResponseWriter, r *http.Request, format string) {
	a, sess, fail, ok := s.pageForm(w, r, "mandates", 256<<10)
	if !ok {
		return
	}
	persons := formPersons(r)
	if r.PostFormValue("all") != "" || len(persons) == 0 && r.PostFormValue("organization") != "" {
		persons = nil // everyone with a verified mandate (of the delegation)
	} else if len(persons) == 0 {
		fail(localeOf(r, a).T("web.err.cards_choose"))
		return
	}
	issued, err := cards.Issue(r.Context(), a, s.auth, actorOf(sess), s.opts.Now().UTC(), s.baseURL(r),
		cards.Selection{Persons: persons, Organization: r.PostFormValue("organization")})
	if s.forwardForm(w, r, a.ID(), nil, err, notWriterFlash(fail, localeOf(r, a).T("web.err.not_writer"))) {
		return
	}
	// A form another node forwarded: it answers once it has read the
	// issue, or the state a refusal was decided on (httpapi.ForwardTo).
	httpapi.SetDecidedOn(w, r, a)
	var pdf []byte
	var page *cards.HTMLDoc
	if err == nil {
		if format == "html" {
			paper := cards.A4
			if r.PostFormValue("paper") == string(cards.Letter) {
				paper = cards.Letter
			}
			page, err = cards.HTMLIn(issued.Assembly, issued.Cards, issued.Language, paper)
		} else {
			pdf, err = cards.PDFIn(issued.Assembly, issued.Cards, issued.Language)
		}
	}
	if err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			fail(refusal(r, a, ae))
			return
		}
		s.opts.Logger.Error("web: mandate cards failed", "assembly", a.ID(), "err", err)
		fail(localeOf(r, a).T("web.err.cards_failed"))
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if page != nil {
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", page.Policy)
		h.Set("Referrer-Policy", "no-referrer")
		w.Write(page.Body)
		return
	}
	name := "mandate-cards.pdf"
	if org := r.PostFormValue("organization"); org != "" {
		name = "mandate-cards-" + fileSafe(org) + ".pdf"
	}
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(pdf)
}

// revokeCodes serves POST /a/{id}/revoke-codes: the persons' access codes
// stop working and their sessions end (recorded first, package cards).
func (s *server) revokeCodes(w http.ResponseWriter, r *http.Request) {
	a, sess, fail, ok := s.pageForm(w, r, "mandates", 64<<10)
	if !ok {
		return
	}
	persons := formPersons(r)
	if len(persons) == 0 {
		fail(localeOf(r, a).T("web.err.revoke_choose"))
		return
	}
	err := cards.Revoke(r.Context(), a, s.auth, actorOf(sess), s.opts.Now().UTC(), persons, r.PostFormValue("reason"))
	if s.forwardForm(w, r, a.ID(), nil, err, notWriterFlash(fail, localeOf(r, a).T("web.err.not_writer"))) {
		return
	}
	httpapi.SetDecidedOn(w, r, a) // as mandateCards
	if err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			fail(refusal(r, a, ae))
			return
		}
		s.opts.Logger.Error("web: revoking codes failed", "assembly", a.ID(), "err", err)
		fail(localeOf(r, a).T("web.err.revoke_failed"))
		return
	}
	setFlash(w, a.ID(), flash{Text: localeOf(r, a).T("web.done.revoked")})
	http.Redirect(w, r, "/a/"+a.ID()+"/mandates", http.StatusSeeOther)
}

// formPersons reads the form's "persons" fields, repeated or separated
// by commas or spaces.
func formPersons(r *http.Request) []string {
	var persons []string
	for _, v := range r.PostForm["persons"] {
		persons = append(persons, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })...)
	}
	return persons
}

// baseURL is the address the login links on the cards point to: the
// configured one (plenum serve --base-url), else this server as the
// request reached it.
func (s *server) baseURL(r *http.Request) string {
	return cards.BaseURL(s.opts.BaseURL, r, s.auth.Secure(r))
}

// localCardsURL is the address the cards' links would start with
// (baseURL) when it is one no delegate's phone can open: no base URL is
// configured and the browser reached this server as localhost (or a name
// under .localhost), a loopback address or an unspecified one (0.0.0.0,
// ::). Else "". The mandates page warns of it before the cards are
// printed.
func (s *server) localCardsURL(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return ""
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	ip := net.ParseIP(host)
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		return s.baseURL(r)
	}
	return ""
}

// cardHolder is a person whose code the viewer issues, with what the
// record says of their code, and whether the viewer may issue it now.
type cardHolder struct {
	*assembly.Person
	Organization string
	// Namesake: another person of the assembly bears the same name
	// (cards.Namesakes); the page names the member number (Ref), else the
	// id, beside the name, as the card prints it.
	Namesake bool
	Access   *assembly.Access
	// Issue: the viewer may issue the person's code now. Else the person
	// holds a valid code (the page offers to revoke it, for another
	// officer to issue the new one), or the viewer revoked it (another
	// officer issues the new one): one officer alone may not replace a
	// code (assembly.IssueAccessCodes).
	Issue bool
}

// CardHolders are the persons whose access codes the viewer issues (the
// mandate commission: mandate holders without an office; the server
// administrator: everyone), sorted by name, each marked whether the viewer
// may issue their code now (MayIssueAccessCode).
func (v *view) CardHolders() []cardHolder {
	actor := v.Me.Person
	if v.Me.Admin {
		actor = auth.AdminPerson
	}
	var out []cardHolder
	namesakes := cards.Namesakes(v.S)
	for _, id := range v.S.PersonOrder {
		if v.S.MayIssueFirstAccessCode(actor, id) != nil {
			continue
		}
		h := cardHolder{Person: v.S.Persons[id], Namesake: namesakes[id], Access: v.S.Access[id], Issue: v.S.MayIssueAccessCode(actor, id) == nil}
		for _, mid := range h.Mandates {
			if m := v.S.Mandates[mid]; m != nil && m.Status != assembly.MandateStatusRejected {
				h.Organization = v.OrgName(m.Organization)
			}
		}
		out = append(out, h)
	}
	byName(out, func(h cardHolder) string { return h.Name })
	return out
}

// unprintableName is a name the cards cannot print in full, with the
// characters they lack: each by its code point, and as itself where it
// stands alone in a line of the page's direction — not a control
// character, a combining mark (with nothing to sit on), nor a letter
// written right to left (the name, isolated before them, shows those).
type unprintableName struct {
	Name  string
	Chars []unprintableChar
}

type unprintableChar struct{ Char, Code string }

// UnprintableNames are the names of holders (CardHolders) that the cards'
// font cannot print in full (cards.Unprintable), in their order: the page
// warns of them before the cards are printed.
func (v *view) UnprintableNames(holders []cardHolder) []unprintableName {
	var out []unprintableName
	for _, h := range holders {
		missing := cards.Unprintable(h.Name)
		if len(missing) == 0 {
			continue
		}
		u := unprintableName{Name: h.Name}
		for _, r := range missing {
			c := unprintableChar{Code: fmt.Sprintf("U+%04X", r)}
			switch p, _ := bidi.LookupRune(r); {
			case !unicode.IsGraphic(r), unicode.Is(unicode.M, r), p.Class() == bidi.R, p.Class() == bidi.AL, p.Class() == bidi.AN:
			default:
				c.Char = string(r)
			}
			u.Chars = append(u.Chars, c)
		}
		out = append(out, u)
	}
	return out
}

// Delegations are the organizations with verified mandates, by name, for
// printing one delegation's cards.
func (v *view) Delegations() []*assembly.Organization {
	var out []*assembly.Organization
	for _, id := range v.S.OrgOrder {
		for _, mid := range v.S.MandateOrder {
			if m := v.S.Mandates[mid]; m.Organization == id && m.Status == assembly.MandateStatusVerified {
				out = append(out, v.S.Organizations[id])
				break
			}
		}
	}
	byName(out, func(o *assembly.Organization) string { return o.Name })
	return out
}

// OtherIssuers are the officers besides the viewer who may issue access
// codes (the mandate commission's other members and the assembly's
// administrators, assembly.State.MayIssueAccessCodes), by name: after
// the viewer revoked a code to replace it, one of them issues the new
// one (the two-person rule), and the page names them, so the desk knows
// whom to call. The server administrator, who always may, is named by
// the page's words.
func (v *view) OtherIssuers() []string {
	var out []string
	for id := range v.S.Roles {
		if id != v.Me.Person && id != assembly.ServerAdministrator && v.S.MayIssueAccessCodes(id) == nil {
			out = append(out, id)
		}
	}
	byName(out, v.Name)
	return out
}
