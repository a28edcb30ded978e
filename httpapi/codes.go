package httpapi

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"plenum/cards"
)

// IssuedCode is an access code as the API hands it out, once: a mandate
// card's contents.
type IssuedCode = cards.Card

// codesRequest is the body of the access-code endpoints.
type codesRequest struct {
	Persons      []string `json:"persons"`
	Organization string   `json:"organization"`
	Reason       string   `json:"reason"`
}

// readCodesRequest reads a JSON body {"persons": […], "organization": …,
// "reason": …}, or form fields "persons" (repeated or comma-separated),
// "organization" and "reason".
func readCodesRequest(w http.ResponseWriter, r *http.Request) (codesRequest, bool) {
	var body codesRequest
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/json" {
		dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil && err != io.EOF {
			problem(w, r, http.StatusBadRequest, "malformed", "", "api.codes_body", strings.TrimPrefix(err.Error(), "json: "))
			return body, false
		}
		return body, true
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		problem(w, r, http.StatusBadRequest, "malformed", "", "api.form_unreadable")
		return body, false
	}
	for _, v := range r.Form["persons"] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				body.Persons = append(body.Persons, p)
			}
		}
	}
	body.Organization, body.Reason = r.Form.Get("organization"), r.Form.Get("reason")
	return body, true
}

// issue issues new codes for the persons a request selects (none named:
// everyone with a verified mandate the session may issue for), through
// package cards: recorded in the log first, then made.
func (api *API) issue(w http.ResponseWriter, r *http.Request) (*cards.Issued, bool) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return nil, false
	}
	sess, ok := participant(w, r, a.ID())
	if !ok || !mutating(w, r) {
		return nil, false
	}
	raw, ok := keepBody(w, r)
	if !ok {
		return nil, false
	}
	body, ok := readCodesRequest(w, r)
	if !ok {
		return nil, false
	}
	issued, err := cards.Issue(r.Context(), a, api.auth, actor(sess), api.opts.Now().UTC(), api.baseURL(r), cards.Selection{Persons: body.Persons, Organization: body.Organization})
	if err != nil {
		if !api.notWriter(w, r, a.ID(), raw, err) {
			api.markRefusal(w, r, a.ID(), err)
			api.fail(w, r, err)
		}
		return nil, false
	}
	// The node that forwarded the request answers once it has read the
	// issue (ForwardTo): its mandates page then shows the codes issued.
	SetDecidedOn(w, r, a)
	return issued, true
}

// accessCodes serves POST /api/assemblies/{id}/access-codes: new codes,
// shown in this answer only, and the persons "everyone" left out.
func (api *API) accessCodes(w http.ResponseWriter, r *http.Request) {
	issued, ok := api.issue(w, r)
	if !ok {
		return
	}
	body, _ := json.Marshal(struct {
		Codes   []IssuedCode    `json:"codes"`
		Skipped []cards.Skipped `json:"skipped,omitempty"`
	}{issued.Cards, issued.Skipped})
	writeJSON(w, http.StatusCreated, body)
}

// revokeCodes serves POST /api/assemblies/{id}/access-codes/revoke: the
// persons' codes stop working and their sessions end; recorded first.
func (api *API) revokeCodes(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	sess, ok := participant(w, r, a.ID())
	if !ok || !mutating(w, r) {
		return
	}
	raw, ok := keepBody(w, r)
	if !ok {
		return
	}
	body, ok := readCodesRequest(w, r)
	if !ok {
		return
	}
	if err := cards.Revoke(r.Context(), a, api.auth, actor(sess), api.opts.Now().UTC(), body.Persons, body.Reason); err != nil {
		if !api.notWriter(w, r, a.ID(), raw, err) {
			api.markRefusal(w, r, a.ID(), err)
			api.fail(w, r, err)
		}
		return
	}
	SetDecidedOn(w, r, a)
	w.WriteHeader(http.StatusNoContent)
}

// mandateCards serves POST /api/assemblies/{id}/mandate-cards.pdf: it
// issues new codes and returns them printed on mandate cards (package
// cards: eight to an A4 page with cut marks, each organization from a new
// page), each with the login link as a QR code.
func (api *API) mandateCards(w http.ResponseWriter, r *http.Request) {
	issued, ok := api.issue(w, r)
	if !ok {
		return
	}
	pdf, err := cards.PDFIn(issued.Assembly, issued.Cards, issued.Language)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="mandate-cards.pdf"`)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusCreated)
	w.Write(pdf)
}
