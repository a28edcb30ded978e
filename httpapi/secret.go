package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"plenum/assembly"
	"plenum/engine"
)

// secretReceiptRequest is the body of POST …/votes/{vote}/receipt and
// POST …/elections/{election}/receipt.
type secretReceiptRequest struct {
	Token string `json:"token"`
}

// secretReceipt serves POST /api/assemblies/{id}/votes/{vote}/receipt: the
// receipt of a ballot in a closed secret vote, found by the ballot's token
// (sent in the body, so that it stays out of access logs), as a C2SP
// tlog-proof file (application/tlog-proof) that names no voter.
func (api *API) secretReceipt(w http.ResponseWriter, r *http.Request) {
	api.sealedReceipt(w, r, r.PathValue("vote"), engine.SecretBallotReceipt)
}

// secretElectionReceipt serves POST
// /api/assemblies/{id}/elections/{election}/receipt: the receipt of a
// ballot in a closed secret election, as secretReceipt gives it for a
// secret vote (the sealed_election_ballots entry that carries the ballot).
func (api *API) secretElectionReceipt(w http.ResponseWriter, r *http.Request) {
	api.sealedReceipt(w, r, r.PathValue("election"), engine.SecretElectionBallotReceipt)
}

// sealedReceipt answers with receipt's tlog-proof for the ballot of the
// vote or election of that id whose token the body brings; only a
// participant asks, and only the token finds the ballot.
func (api *API) sealedReceipt(w http.ResponseWriter, r *http.Request, of string, receipt func(context.Context, *engine.Assembly, string, string) ([]byte, error)) {
	id := r.PathValue("id")
	if _, ok := participant(w, r, id); !ok || !mutating(w, r) {
		return
	}
	a, ok := api.assemblyOf(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4096))
	if err != nil {
		problem(w, r, http.StatusRequestEntityTooLarge, "malformed", "", "api.token_too_large")
		return
	}
	var req secretReceiptRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		problem(w, r, http.StatusBadRequest, "malformed", "", "api.token_body", strings.TrimPrefix(err.Error(), "json: "))
		return
	}
	req.Token = strings.TrimSpace(req.Token)
	if !wellFormedToken(req.Token) {
		problem(w, r, http.StatusUnprocessableEntity, "invalid", "token", "api.token_form")
		return
	}
	proof, err := receipt(r.Context(), a, of, req.Token)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/tlog-proof")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="receipt-`+safeName(of)+`-secret.tlog-proof"`)
	w.Write(proof)
}

// wellFormedToken says whether s can be a ballot token: plenum makes them
// in base32, and takes 16 to 128 printable characters without spaces.
func wellFormedToken(s string) bool {
	if len(s) < assembly.MinBallotToken || len(s) > assembly.MaxBallotToken {
		return false
	}
	return !strings.ContainsFunc(s, func(c rune) bool { return c <= ' ' || c > '~' || c == '"' || c == '\\' })
}

// safeName keeps a file name to letters, digits, '-', '_' and '.'.
func safeName(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, s)
}
