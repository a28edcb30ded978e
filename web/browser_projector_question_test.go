package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// projectorScreens are the projector's screens: a 720p and a full HD
// projector.
var projectorScreens = []struct {
	name string
	w, h int64
}{{"hd", 1280, 720}, {"fullhd", 1920, 1080}}

// TestBrowserProjectorShowsWhatIsVotedOn: at 1280×720 and 1920×1080,
// during a show of hands on an amendment the projector shows its change
// (struck out and inserted marked), also a long one (its first lines and
// how many more); during an open election by lists the lists with their
// candidates, during one of names the candidates; every screen fits,
// every word whole.
func TestBrowserProjectorShowsWhatIsVotedOn(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range projectorScreens {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
			h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
				"change": obj{"paragraph": 3, "text": "2. The conference rejects every support of the war by the party and " + warNew + "."}, "item": "i1"})
			// A resolution with a long point 2, and an amendment that
			// changes a word near its end: the change's lines are those of
			// the whole point, more than a screen holds.
			var long []string
			for i := 1; i <= 12; i++ {
				long = append(long, fmt.Sprintf("In the %d. place the delegates report to their organizations on the work of the conference.", i))
			}
			h.must("chair", "move_motion", obj{"id": "r", "kind": "substantive", "title": "Resolution on the reports", "text": warText,
				"points": []obj{{"number": "1", "text": "The delegates report."}, {"number": "2", "text": strings.Join(long, " ")}}, "item": "i1"})
			changed := strings.Replace(strings.Join(long, " "), "In the 11. place the delegates", "In the 11. place the elected delegates", 1)
			h.must("boris", "move_motion", obj{"id": "r-a", "kind": "amendment", "amends": "r", "title": "Amendment of the Moscow delegation (point 2)",
				"change": obj{"paragraph": 3, "text": "2. " + changed}, "item": "i1"})
			s := newSession(t, h)
			check := func(p *person, what, shot string) {
				t.Helper()
				s.fits(p, what)
				if broken := eval[[]string](s, p, brokenWords); len(broken) > 0 {
					t.Errorf("%s: words broken on the projector: %q", what, broken)
				}
				s.shotView(p, sz.name+"-"+shot)
			}

			h.must("chair", "open_vote", obj{"id": "va", "motion": "w-a", "method": "show_of_hands"})
			proj := s.open("", sz.w, sz.h, "/a/"+asm+"/projector")
			s.until(proj, "the amendment's change", contains("#proj .proj-change del", "calls for a")+" && "+contains("#proj .proj-change", "or indemnities"))
			check(proj, "the vote on an amendment", "projector-amendment-change")
			if sz.name == "fullhd" {
				px := eval[float64](s, proj, `parseFloat(getComputedStyle(document.querySelector("#proj .proj-change .ln")).fontSize)`)
				if px < 40 {
					t.Errorf("at 1920×1080 the change is in %.0f px: too small for the back of a hall", px)
				}
			}
			h.must("chair", "close_vote", obj{"vote": "va"})
			h.must("chair", "enter_count", obj{"vote": "va", "for": 1, "against": 2})
			h.must("chair", "declare_result", obj{"vote": "va"})

			h.must("chair", "open_vote", obj{"id": "vb", "motion": "r-a", "method": "show_of_hands"})
			s.until(proj, "the long change", contains("#proj .proj-change ins", "elected")+" && "+contains("#proj .proj-more", "more lines"))
			check(proj, "the vote on a long amendment", "projector-amendment-long")
			h.must("chair", "withdraw_vote", obj{"vote": "vb", "reason": "Put again later", "consent": "No objection"})

			var names []string
			for i := 0; i < 30; i++ {
				id := fmt.Sprintf("p%02d", i)
				h.must("admin", "add_person", obj{"id": id, "name": fmt.Sprintf("%s %s", []string{"Aleksandra", "Konstantin", "Yekaterina", "Vladimir", "Nadezhda"}[i%5], []string{"Vasilyeva-Dobrovolskaya", "Tsereteli", "Kollontai", "Shlyapnikov", "Spiridonova", "Martov"}[i%6])})
				names = append(names, id)
			}
			h.must("chair", "open_election", obj{"id": "e1", "title": "The executive committee of the conference", "seats": 9, "method": "dhondt",
				"lists": []obj{{"id": "l1", "name": "Revolutionary defensists", "candidates": names[0:8]}, {"id": "l2", "name": "Internationalists", "candidates": names[8:12]},
					{"id": "l3", "name": "Bolsheviks", "candidates": names[12:18]}, {"id": "l4", "name": "Socialist Revolutionaries of the left", "candidates": names[18:21]}}})
			s.until(proj, "the lists", contains("#proj .proj-lists", "Internationalists")+" && "+contains("#proj .proj-lists", "Socialist Revolutionaries of the left"))
			for _, l := range []string{"Revolutionary defensists", "Internationalists", "Bolsheviks"} {
				if !eval[bool](s, proj, contains("#proj .proj-lists", l)) {
					t.Errorf("the projector does not name the list %s", l)
				}
			}
			check(proj, "an election by lists", "projector-election-lists")
			h.must("chair", "withdraw_election", obj{"election": "e1", "reason": "Put again later", "consent": "No objection"})

			// 18 candidates: the projector shows 15 (projectorNames) and
			// says how many more.
			h.must("chair", "open_election", obj{"id": "e2", "title": "The presidium", "seats": 5, "method": "stv-scottish", "candidates": names[:18]})
			s.until(proj, "the candidates", `document.querySelectorAll("#proj .proj-cands li").length === 15 && `+contains("#proj .proj-more", "and 3 more"))
			if got := eval[string](s, proj, `document.querySelector("#proj .proj-cands").innerText`); !strings.Contains(got, "Konstantin Tsereteli") {
				t.Errorf("the projector does not name the candidates: %q", got)
			}
			check(proj, "an election of names", "projector-election-names")
		})
	}
}
