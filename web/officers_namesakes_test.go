package web_test

import (
	"strings"
	"testing"
)

// TestNamesakesToldApartOnTheOfficesPage: the offices page lists who
// holds each office; of two delegates of one name, the one given an
// office is named there as every other page names them, with what tells
// the two apart (review 41, M6: "Max Koch" alone, not "Max Koch (Nr.
// M10001)"), in the offices' list and in a body's members alike.
func TestNamesakesToldApartOnTheOfficesPage(t *testing.T) {
	h := namesakeHall(t)
	h.must("admin", "grant_role", obj{"person": "vera2", "role": "teller"})
	h.must("admin", "form_body", obj{"id": "b1", "name": "Tellers' bench", "kind": "commission", "members": []string{"vera1"}})
	_, page, _ := h.browser("sec").get("/a/coop/setup-offices")
	for _, want := range []string{`setup-person?p=vera2">Вера  иванов (No. M00121)</a>`, `<span>Вера Иванов (No. M00105)</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the offices page lacks %s", want)
		}
	}
}
