package httpapi

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestRefusalNamesPersons: a refusal of a command names the persons it is
// about by their names in its detail, in the client's language, as the
// pages do (package personarg), a person whose id is a word of the rules
// ("chair") too, while the word itself stays where the rules use it (the
// role, which the API names by its name in JSON); the problem's code is
// as before, and its persons give the ids the detail names.
func TestRefusalNamesPersons(t *testing.T) {
	w := newWorld(t, 1)
	admin := adminDoes(t, w)
	admin("add_person", `{"id":"nogin","name":"V. P. Nogin"}`)
	admin("add_person", `{"id":"chair","name":"Vera Chair"}`)
	admin("add_person", `{"id":"olga","name":"Olga Ivanova"}`)
	admin("grant_role", `{"person":"nogin","role":"secretary"}`)
	admin("grant_role", `{"person":"chair","role":"chair"}`)
	for _, c := range []struct {
		accept, cmd, args string
		detail            string
		persons           []string
	}{
		{"en", "grant_role", `{"person":"nogin","role":"secretary"}`, "V. P. Nogin already holds the role secretary", []string{"nogin"}},
		{"de", "grant_role", `{"person":"nogin","role":"secretary"}`, "V. P. Nogin hat die Rolle secretary bereits", []string{"nogin"}},
		{"en", "grant_role", `{"person":"chair","role":"chair"}`, "Vera Chair already holds the role chair", []string{"chair"}},
		{"ru", "grant_role", `{"person":"chair","role":"chair"}`, "у Vera Chair уже есть роль chair", []string{"chair"}},
		{"en", "revoke_role", `{"person":"olga","role":"chair"}`, "Olga Ivanova does not hold the role chair", []string{"olga"}},
		{"fr", "revoke_role", `{"person":"olga","role":"chair"}`, "Olga Ivanova n'a pas le rôle chair", []string{"olga"}},
	} {
		body, _ := json.Marshal(map[string]any{"cmd": c.cmd, "args": json.RawMessage(c.args)})
		r := w.admin.do("POST", "/api/assemblies/coop/commands", string(body), "Idempotency-Key", w.key(), "Accept-Language", c.accept)
		p := r.problem()
		if r.status != 409 || p.Code != "conflict" || p.Detail != c.detail || !slices.Equal(p.Persons, c.persons) {
			t.Errorf("%s %s in %s: %d %s\nwant detail %q, persons %q", c.cmd, c.args, c.accept, r.status, r.body, c.detail, c.persons)
		}
	}
}

// TestAccessCodeRefusalNamesPersons: a refusal of the access codes' route
// names the persons too, each of several in the order the detail names
// them, in French elided before a name ("d'Olga"), as the pages elide
// it; the refused issue issues nothing.
func TestAccessCodeRefusalNamesPersons(t *testing.T) {
	w := newWorld(t, 1)
	admin := adminDoes(t, w)
	admin("add_person", `{"id":"olga","name":"Olga Ivanova"}`)
	admin("submit_mandate", `{"id":"md-olga","person":"olga","organization":"org","kind":"decisive"}`)
	admin("grant_role", `{"person":"nob","role":"mandate_commission"}`)
	cara, nob := w.as("cara"), w.as("nob")
	const base = "/api/assemblies/coop"
	cara.mustStatus(201, "POST", base+"/access-codes", `{"persons":["olga"]}`)
	r := nob.do("POST", base+"/access-codes", `{"persons":["olga"]}`, "Accept-Language", "de")
	if p := r.problem(); r.status != 403 || p.Code != "forbidden" || !strings.HasPrefix(p.Detail, "Olga Ivanova hat einen gültigen Zugangscode, ausgegeben von Cara Person am ") || !slices.Equal(p.Persons, []string{"olga", "cara"}) {
		t.Errorf("a second officer replaces olga's code, in German: %d %s", r.status, r.body)
	}
	cara.mustStatus(204, "POST", base+"/access-codes/revoke", `{"persons":["olga"],"reason":"card lost"}`)
	r = cara.do("POST", base+"/access-codes", `{"persons":["olga"]}`, "Accept-Language", "fr")
	if p := r.problem(); r.status != 403 || !strings.HasPrefix(p.Detail, "vous avez révoqué le code d'accès d'Olga Ivanova le ") || !slices.Equal(p.Persons, []string{"olga"}) {
		t.Errorf("the revoker issues olga's new code, in French: %d %s", r.status, r.body)
	}
	w.state(func(st *assembly.State) {
		if st.HoldsAccessCode("olga") {
			t.Error("olga holds a code after the refused issue")
		}
	})
}

// adminDoes is a function that gives a command in coop as the server
// administrator, and fails t unless it is accepted.
func adminDoes(t *testing.T, w *world) func(cmd, args string) {
	return func(cmd, args string) {
		t.Helper()
		if r := w.admin.cmd(cmd, args); r.status/100 != 2 {
			t.Fatalf("%s %s: %d %s", cmd, args, r.status, r.body)
		}
	}
}

// TestRefusalNamesVotesAndMotions: a refusal names the vote and the motion
// it is about as the pages do (package named), in the client's language:
// a vote by its question, a motion by its title, in the language's
// quotes; "the vote v1" reads "the vote on “…”", not "the vote the vote
// on “…”". The problem names no person; its named gives the ids of the
// vote and the motion.
func TestRefusalNamesVotesAndMotions(t *testing.T) {
	w := newWorld(t, 1)
	ann := w.as("ann")
	for _, c := range [][2]string{
		{"move_motion", `{"id":"mo2","kind":"substantive","title":"Cut the budget","item":"i1","mover":"ann"}`},
		{"withdraw_motion", `{"motion":"mo2"}`},
	} {
		if r := ann.cmd(c[0], c[1]); r.status/100 != 2 {
			t.Fatalf("%s %s: %d %s", c[0], c[1], r.status, r.body)
		}
	}
	for _, c := range []struct {
		who, accept, cmd, args string
		detail                 string
		named                  []string
	}{
		{"admin", "en", "set_rules", `{"overrides":{"weighted_votes":true}}`, "the rules cannot change while the vote on “Adopt the budget” is open", []string{"v1"}},
		{"admin", "de", "set_rules", `{"overrides":{"weighted_votes":true}}`, "die Geschäftsordnung kann nicht geändert werden, solange die Abstimmung „Adopt the budget“ offen ist", []string{"v1"}},
		{"ann", "en", "open_vote", `{"id":"v2","motion":"mo2","method":"roll_call"}`, "the motion “Cut the budget” is withdrawn and cannot be put to the vote", []string{"mo2"}},
		{"ann", "de", "open_vote", `{"id":"v2","motion":"mo2","method":"roll_call"}`, "der Antrag „Cut the budget“ hat den Status „zurückgezogen“ und kann nicht zur Abstimmung gestellt werden", []string{"mo2"}},
	} {
		cl := w.admin
		if c.who != "admin" {
			cl = w.as(c.who)
		}
		body, _ := json.Marshal(map[string]any{"cmd": c.cmd, "args": json.RawMessage(c.args)})
		r := cl.do("POST", "/api/assemblies/coop/commands", string(body), "Idempotency-Key", w.key(), "Accept-Language", c.accept)
		p := r.problem()
		if r.status != 409 || p.Detail != c.detail || p.Persons != nil || !slices.Equal(p.Named, c.named) {
			t.Errorf("%s %s in %s: %d %s\nwant detail %q, named %q", c.cmd, c.args, c.accept, r.status, r.body, c.detail, c.named)
		}
	}
}
