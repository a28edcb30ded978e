package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"rsc.io/qr"

	"plenum/assembly"
	"plenum/auth"
)

// IssuedCode is an access code as the API hands it out, once.
type IssuedCode struct {
	Person       string    `json:"person"`
	Name         string    `json:"name"`
	Organization string    `json:"organization,omitempty"`
	Mandate      string    `json:"mandate,omitempty"` // the mandate's kind
	Code         string    `json:"code"`
	Link         string    `json:"link"`
	Expires      time.Time `json:"expires"`
}

// issue reads the persons of a request (JSON {"persons": [...]}, or form
// fields "persons", repeated or comma-separated; none means everyone),
// checks that the session may issue codes (server administrator, the
// assembly's administrator or mandate commission), and issues new codes.
func (api *API) issue(w http.ResponseWriter, r *http.Request) ([]IssuedCode, string, bool) {
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return nil, "", false
	}
	sess, ok := participant(w, r, a.ID())
	if !ok || !mutating(w, r) {
		return nil, "", false
	}
	var persons []string
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/json" {
		var body struct {
			Persons []string `json:"persons"`
		}
		dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil && err != io.EOF {
			problem(w, http.StatusBadRequest, "malformed", "", "the body must be {\"persons\": [\"id\", …]}: "+strings.TrimPrefix(err.Error(), "json: "))
			return nil, "", false
		}
		persons = body.Persons
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if err := r.ParseForm(); err != nil {
			problem(w, http.StatusBadRequest, "malformed", "", "the form could not be read")
			return nil, "", false
		}
		for _, v := range r.Form["persons"] {
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					persons = append(persons, p)
				}
			}
		}
	}
	var out []IssuedCode
	var name string
	var refusal error
	a.Read(func(s *assembly.State) {
		name = s.Assembly.Name
		who := Identify(s, sess)
		if !who.ServerAdmin && !who.Has(string(assembly.RoleAdministrator)) && !who.Has(string(assembly.RoleMandateCommission)) {
			refusal = &assembly.Error{Code: assembly.ErrForbidden, Msg: "only the administrator or the mandate commission may issue access codes"}
			return
		}
		if len(persons) == 0 {
			persons = append(persons, s.PersonOrder...)
		}
		seen := map[string]bool{}
		for _, p := range persons {
			person := s.Persons[p]
			if person == nil {
				refusal = &assembly.Error{Code: assembly.ErrNotFound, Field: "persons", Msg: fmt.Sprintf("there is no person %q in this assembly; add them with add_person first", p)}
				return
			}
			if seen[p] {
				continue
			}
			seen[p] = true
			c := IssuedCode{Person: p, Name: person.Name}
			// The card shows the mandate the person acts with: the
			// verified one, else the latest submitted.
			for _, mid := range person.Mandates {
				m := s.Mandates[mid]
				if m == nil || m.Status == assembly.MandateStatusRejected {
					continue
				}
				if c.Mandate == "" || m.Status == assembly.MandateStatusVerified {
					c.Mandate = m.Kind
					if org := s.Organizations[m.Organization]; org != nil {
						c.Organization = org.Name
					}
				}
			}
			out = append(out, c)
		}
	})
	if refusal != nil {
		api.fail(w, r, refusal)
		return nil, "", false
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].Person
	}
	codes, err := api.auth.IssueCodes(r.Context(), a.ID(), ids)
	if err != nil {
		api.fail(w, r, err)
		return nil, "", false
	}
	base := api.baseURL(r)
	for i, c := range codes {
		out[i].Code, out[i].Expires = c.Code, c.Expires
		out[i].Link = auth.LoginLink(base, c.Code)
	}
	if name == "" {
		name = a.ID()
	}
	return out, name, true
}

// accessCodes serves POST /api/assemblies/{id}/access-codes: new codes,
// shown in this answer only.
func (api *API) accessCodes(w http.ResponseWriter, r *http.Request) {
	codes, _, ok := api.issue(w, r)
	if !ok {
		return
	}
	body, _ := json.Marshal(struct {
		Codes []IssuedCode `json:"codes"`
	}{codes})
	writeJSON(w, http.StatusCreated, body)
}

// mandateCards serves POST /api/assemblies/{id}/mandate-cards.pdf: it
// issues new codes and returns them printed on mandate cards, eight to an
// A4 page, each with the login link as a QR code.
func (api *API) mandateCards(w http.ResponseWriter, r *http.Request) {
	codes, name, ok := api.issue(w, r)
	if !ok {
		return
	}
	pdf, err := MandateCards(name, codes)
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

// MandateCards lays out one card per code: the assembly's name, the
// person's name, organization and mandate, the access code, and a QR code
// of the login link.
func MandateCards(assemblyName string, codes []IssuedCode) ([]byte, error) {
	const (
		cardW, cardH = 95.0, 68.0
		marginX      = 10.0
		marginY      = 12.0
		qrSize       = 32.0
	)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("Mandate cards: "+assemblyName, true)
	pdf.SetCreator("plenum", true)
	pdf.SetAutoPageBreak(false, 0)
	// The Go fonts cover Latin, Greek and Cyrillic (WGL4): names print as
	// written, not as the "?" of the PDF core fonts' Latin-1.
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes("gomono", "B", gomonobold.TTF)
	for i, c := range codes {
		if i%8 == 0 {
			pdf.AddPage()
		}
		col, row := i%2, (i%8)/2
		x, y := marginX+float64(col)*cardW, marginY+float64(row)*cardH
		pdf.SetDrawColor(160, 160, 160)
		pdf.SetLineWidth(0.2)
		pdf.Rect(x, y, cardW, cardH, "D")

		pdf.SetTextColor(90, 90, 90)
		pdf.SetFont("go", "", 8)
		pdf.SetXY(x+4, y+4)
		pdf.CellFormat(cardW-8, 4, assemblyName, "", 1, "L", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
		pdf.SetFont("go", "B", 13)
		pdf.SetXY(x+4, y+10)
		pdf.MultiCell(cardW-qrSize-10, 6, c.Name, "", "L", false)
		pdf.SetFont("go", "", 9)
		pdf.SetX(x + 4)
		pdf.MultiCell(cardW-qrSize-10, 4.5, c.Organization, "", "L", false)
		if c.Mandate != "" {
			pdf.SetX(x + 4)
			pdf.CellFormat(cardW-qrSize-10, 5, mandateWords(c.Mandate), "", 1, "L", false, 0, "")
		}

		pdf.SetFont("go", "", 7)
		pdf.SetXY(x+4, y+cardH-26)
		pdf.CellFormat(cardW-8, 4, "Personal access code – keep it to yourself", "", 1, "L", false, 0, "")
		pdf.SetFont("gomono", "B", 15)
		pdf.SetXY(x+4, y+cardH-21)
		pdf.CellFormat(cardW-8, 7, c.Code, "", 1, "L", false, 0, "")
		pdf.SetFont("go", "", 6.5)
		pdf.SetXY(x+4, y+cardH-12)
		pdf.MultiCell(cardW-8, 3, "Scan the code or open: "+c.Link, "", "L", false)

		q, err := qr.Encode(c.Link, qr.M)
		if err != nil {
			return nil, fmt.Errorf("QR code for %s: %w", c.Person, err)
		}
		img := "qr-" + c.Person
		pdf.RegisterImageOptionsReader(img, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(q.PNG()))
		pdf.ImageOptions(img, x+cardW-qrSize-4, y+8, qrSize, qrSize, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	if len(codes) == 0 {
		pdf.AddPage()
		pdf.SetFont("go", "", 12)
		pdf.Text(20, 30, "No persons: no mandate cards.")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func mandateWords(kind string) string {
	switch kind {
	case assembly.KindDecisive:
		return "Delegate, decisive vote"
	case assembly.KindConsultative:
		return "Delegate, consultative vote"
	case assembly.KindGuest:
		return "Guest"
	case assembly.KindExOfficio:
		return "Ex officio"
	}
	return kind
}
