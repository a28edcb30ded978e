package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestFormKeysAreThePersons: the idempotency key of a page's form belongs
// to the person who sends it, whatever it says. Anna's form with the key
// "boris/k", as the API records Boris's key "k", must not answer Boris's
// API ballot under "k" (issue 10, item 6: it did, and his ballot was then
// never cast).
func TestFormKeysAreThePersons(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	anna := h.browser("anna")
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}, "key": {"boris/shared-key"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("anna's form: %s", resp.Status)
	}
	boris := h.browser("boris")
	req, _ := http.NewRequest("POST", h.srv.URL+"/api/assemblies/coop/commands", strings.NewReader(`{"cmd":"cast_ballot","args":{"vote":"v1","voter":"boris","choice":"against"}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Plenum", "1")
	req.Header.Set("Idempotency-Key", "shared-key")
	r, err := boris.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	var out struct {
		Replayed bool `json:"replayed"`
	}
	json.Unmarshal(body, &out)
	if r.StatusCode != http.StatusCreated || out.Replayed {
		t.Fatalf("boris's ballot with anna's form key: %s %s; want it recorded", r.Status, body)
	}
	ballots := read(h, func(s *assembly.State) map[string]string {
		m := map[string]string{}
		for _, b := range s.Votes["v1"].Ballots {
			m[b.Voter] = b.Choice
		}
		return m
	})
	if ballots["anna"] != "for" || ballots["boris"] != "against" {
		t.Fatalf("ballots %v; want anna for, boris against", ballots)
	}
}
