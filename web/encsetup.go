package web

import (
	"maps"
	"net/url"
	"strconv"
	"strings"
)

// encryptedDefaults fills what the console's forms of an encrypted vote
// or election leave to the server (templates/parts-encrypted.html): the
// number of trustees needed to decrypt, left empty, is a majority of the
// trustees chosen (2 of 3, 3 of 5). Only for a vote of the method
// encrypted or an election ticked encrypted: trustees sent with another
// method are left for open_vote to refuse, so that the chair learns the
// vote would not be encrypted.
// The form given is not changed (it is kept as sent for a refused form's
// page): a copy is returned with the default.
func encryptedDefaults(cmd string, form url.Values) url.Values {
	const quorum = argPrefix + "trustee_quorum:int"
	switch {
	case cmd == "open_vote" && strings.TrimSpace(form.Get(argPrefix+"method")) == "encrypted":
	case cmd == "open_election" && boolField(form.Get(argPrefix+"encrypted:bool")):
	default:
		return form
	}
	if strings.TrimSpace(form.Get(quorum)) != "" {
		return form
	}
	n := 0
	for _, v := range form[argPrefix+"trustees:list"] {
		n += len(strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }))
	}
	if n == 0 {
		return form
	}
	out := maps.Clone(form)
	out[quorum] = []string{strconv.Itoa(n/2 + 1)}
	return out
}

// boolField is a form's tick box as setArg reads it.
func boolField(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && v != "0" && v != "false"
}

// DraftsSetup is the id prefix of the encrypted fields (the template
// encrypted-setup) of the next form of a vote between competing drafts on
// the console: "og1", "og2", … in the order the console lists the groups
// (OpenGroups). The fields are a hole of the kept console (their picker
// reads the viewer's search), which is rendered with the view alone, not
// the group; each form's fields have ids of their own.
func (v *view) DraftsSetup() string {
	v.draftsSetups++
	return "og" + strconv.Itoa(v.draftsSetups)
}
