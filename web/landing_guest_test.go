package web_test

import (
	"context"
	"strings"
	"testing"
)

// TestGuestLandsOnAPageWithTheNavigation: a guest of a joint sitting,
// logged in while they hold no office (the sitting they were admitted to
// is closed, or not yet open), lands on their own page, which has the
// navigation and the logout, not on the projector, which has neither; a
// guest of the open sitting lands there too.
func TestGuestLandsOnAPageWithTheNavigation(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "gus", "name": "Gustav Guest"})
	h.must("chair", "add_sitting_guests", obj{"sitting": "s1", "guests": []string{"gus"}})
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"gus"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["gus"] = codes[0].Code
	gus := h.browser("gus")
	for _, when := range []string{"the sitting open", "the sitting closed"} {
		if when == "the sitting closed" {
			h.must("chair", "close_sitting", obj{"sitting": "s1"})
		}
		resp, err := gus.c.Get(h.srv.URL + "/a/coop/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); loc != "/a/coop/delegate" {
			t.Errorf("with %s the guest lands on %q, want /a/coop/delegate", when, loc)
			continue
		}
		_, body, _ := gus.get("/a/coop/delegate")
		if !strings.Contains(body, `<form class="logout"`) || !strings.Contains(body, `<header class="top">`) {
			t.Errorf("with %s the guest's page has no navigation or no logout:\n%s", when, body)
		}
	}
}
