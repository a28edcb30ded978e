package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestDelegatePageOffersToSecond: under rules that require seconds, a
// delegate's own page, where the motions before the assembly are shown,
// offers "I second this motion" for each motion that waits for a second
// and that the rules let the delegate second — not to its mover, not to a
// delegate without a verified decisive mandate, not once seconded, and
// to nobody when the rules require no seconds; the form records the
// second and the page says so. A second the rules refuse (the mover's
// own, a second twice) is refused in words and records nothing.
func TestDelegatePageOffersToSecond(t *testing.T) {
	h := newHall(t)
	h.must("anna", "move_motion", obj{"id": "m2", "kind": "substantive", "title": "Print the report", "text": "The report is printed.", "item": "i1"})
	form := func(motion string) string {
		return `<input type="hidden" name="cmd" value="second_motion"><input type="hidden" name="a:motion" value="` + motion + `">`
	}
	offers := func(who, motion string) bool {
		t.Helper()
		return pageOffers(t, h.browser(who), "delegate", form(motion))
	}
	// Without seconds_required nobody is offered to second.
	for _, who := range []string{"anna", "boris", "clara", "dmitri", "chair"} {
		for _, mo := range []string{"m1", "m2"} {
			if offers(who, mo) {
				t.Errorf("%s is offered to second %s on the delegate's page though the rules require no second", who, mo)
			}
		}
	}

	h.must("admin", "set_rules", obj{"overrides": obj{"seconds_required": true}})
	for _, c := range []struct {
		who    string
		m1, m2 bool
	}{
		{"anna", true, false}, // m2 is hers
		{"boris", true, true},
		{"clara", true, true},
		{"dmitri", false, false}, // no verified mandate
		{"chair", false, false},  // m1's mover, without a mandate
	} {
		if got := offers(c.who, "m1"); got != c.m1 {
			t.Errorf("%s offered to second m1 on the delegate's page: %v, want %v", c.who, got, c.m1)
		}
		if got := offers(c.who, "m2"); got != c.m2 {
			t.Errorf("%s offered to second m2 on the delegate's page: %v, want %v", c.who, got, c.m2)
		}
	}
	if _, body, _ := h.browser("boris").get("/a/" + asm + "/delegate"); !strings.Contains(body, `The motion “Print the report” waits for a second before it is put to the vote.`) ||
		!strings.Contains(body, `<input type="hidden" name="a:by" value="boris">`) || !strings.Contains(body, `>I second this motion</button>`) {
		t.Errorf("boris's page does not offer to second m2 in his own name, naming it:\n%s", body)
	}

	// Refused: Anna seconding her own motion; nothing is recorded.
	before := events(h)
	if got := sendForm(h.browser("anna"), "delegate", "second_motion", url.Values{"a:motion": {"m2"}, "a:by": {"anna"}}); !strings.Contains(got, "Refused: ") || !strings.Contains(got, "cannot second their own motion") {
		t.Errorf("anna seconding her own motion: the page says %q", got)
	}
	if after := events(h); after != before {
		t.Fatalf("a refused second recorded %d entries", after-before)
	}

	// Boris seconds m2 from his page: recorded, the page says so, and the
	// offer goes for everyone (m2 no longer waits); m1 still waits.
	if got := sendForm(h.browser("boris"), "delegate", "second_motion", url.Values{"a:motion": {"m2"}, "a:by": {"boris"}}); !strings.Contains(got, "The second was recorded") {
		t.Errorf("boris's second from his page: the page says %q", got)
	}
	if s := read(h, func(s *assembly.State) []string { return s.Motions["m2"].Seconds }); !slices.Equal(s, []string{"boris"}) {
		t.Fatalf("m2 seconded by %v", s)
	}
	for _, who := range []string{"boris", "clara"} {
		if offers(who, "m2") {
			t.Errorf("%s is still offered to second m2, seconded", who)
		}
		if !offers(who, "m1") {
			t.Errorf("%s is no longer offered to second m1, which still waits", who)
		}
	}
	// A second twice is refused in words, and records nothing.
	before = events(h)
	if got := sendForm(h.browser("boris"), "delegate", "second_motion", url.Values{"a:motion": {"m2"}, "a:by": {"boris"}}); !strings.Contains(got, "Refused: ") || !strings.Contains(got, "has already seconded") {
		t.Errorf("boris seconding m2 again: the page says %q", got)
	}
	if after := events(h); after != before {
		t.Fatalf("a second twice recorded %d entries", after-before)
	}
}

// TestBrowserDelegateSecondsOnThePhone: on a phone (360×740) and a laptop
// in Chromium, under rules that require seconds, the delegate's page
// offers "I second this motion" for the motion before the assembly; the
// delegate taps it, the page says the second was recorded, the offer
// goes, and the page never scrolls sideways. Their screenshots are saved
// ($PLENUM_SCREENSHOTS).
func TestBrowserDelegateSecondsOnThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			h.must("admin", "set_rules", obj{"overrides": obj{"seconds_required": true}})
			s := newSession(t, h)
			p := s.open("boris", sz.w, sz.h, "/a/"+asm+"/delegate")
			s.until(p, "the offer to second", `document.querySelector("#motions .second-offer button") !== null`)
			s.until(p, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
			s.shot(p, sz.name+"-delegate-second-offer")
			s.click(p, "#motions .second-offer button")
			s.until(p, "the flash", contains("#flash", "The second was recorded"))
			s.until(p, "the offer gone", `document.querySelector("#motions .second-offer") === null`)
			s.shot(p, sz.name+"-delegate-seconded")
			if got := read(h, func(s *assembly.State) []string { return s.Motions["m1"].Seconds }); !slices.Equal(got, []string{"boris"}) {
				t.Errorf("m1 seconded by %v, want boris", got)
			}
		})
	}
}
