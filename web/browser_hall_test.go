package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
)

// The screens the pages are tried on: a small phone, a laptop, and a hall's
// projector or a chair's large screen.
var screenSizes = []struct {
	name string
	w, h int64
}{{"phone", 360, 740}, {"laptop", 1280, 900}, {"fullhd", 1920, 1080}}

// TestBrowserBallotComesToThePhone: on each screen, when the chair opens a
// vote the ballot comes to a delegate's page without a reload, its buttons
// inside the first screen without scrolling; choosing and confirming happen
// in place, the receipt is shown in place, and the next vote comes to the
// same page. It logs the taps and the seconds from "vote opened" to the
// receipt (the test taps at once: the seconds are the pages' and the
// server's, not a person's reading time).
func TestBrowserBallotComesToThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			s := newSession(t, h)
			anna := s.open("anna", sz.w, sz.h, "/a/coop/delegate")
			boris := s.open("boris", sz.w, sz.h, "/a/coop/delegate")
			h.must("sec", "leave_hall", obj{"persons": []string{"boris"}})

			start := time.Now()
			h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
			s.until(anna, "the ballot comes", `document.querySelector("#ballot button.choice-for") !== null`)
			onScreen := time.Since(start)
			s.notReloaded(anna)
			if out := s.outside(anna, "#ballot button.choice"); len(out) > 0 {
				t.Errorf("the ballot's buttons are not all in the first screen: %v", out)
			}
			if y := eval[float64](s, anna, `window.scrollY`); y != 0 {
				t.Errorf("the page scrolled to %v to show the ballot", y)
			}
			if f := eval[string](s, anna, `document.activeElement.id`); f != "h-ballot" {
				t.Errorf("the focus is on %q, not the ballot", f)
			}
			// The live region says what changed, not the whole page.
			s.until(anna, "the news read out", `document.getElementById("announcer").textContent.trim() === "A vote is open: Adopt the budget."`)
			s.shotView(anna, sz.name+"-delegate-1-vote-open")

			taps := 0
			s.tap(anna, "#ballot button.choice-against", &taps)
			s.until(anna, "the confirmation in place", contains("#ballot", "Cast your ballot: AGAINST"))
			if out := s.outside(anna, "#ballot .confirm-btn"); len(out) > 0 {
				t.Errorf("Confirm is not in the screen: %v", out)
			}
			if loc := eval[string](s, anna, `location.href`); strings.Contains(loc, "against") || strings.Contains(loc, "choice") {
				t.Errorf("the choice is in the page's address: %s", loc)
			}
			s.shotView(anna, sz.name+"-delegate-2-confirm")
			s.tap(anna, "#ballot .confirm-btn", &taps)
			s.until(anna, "the receipt in place", contains("#receipt-slot", "Save the receipt")+" && "+contains("#ballot", "You have voted"))
			receipt := time.Since(start)
			s.notReloaded(anna)
			if got := read(h, func(st *assembly.State) string { return st.Votes["v1"].Ballots[0].Choice }); got != "against" {
				t.Errorf("the ballot counted %q", got)
			}
			s.shotView(anna, sz.name+"-delegate-3-receipt")
			t.Logf("MEASURE delegate %dx%d: %d taps; vote opened → ballot on the screen %.2fs → receipt shown %.2fs", sz.w, sz.h, taps, onScreen.Seconds(), receipt.Seconds())
			if taps != 2 {
				t.Errorf("%d taps from the open vote to the receipt, want 2", taps)
			}

			// A delegate out of the hall is asked to say they are in it
			// before any button is offered.
			s.until(boris, "the absent delegate's page", contains("#ballot", "You are not registered present"))
			if n := eval[int](s, boris, `document.querySelectorAll("#ballot button.choice").length`); n != 0 {
				t.Errorf("a delegate out of the hall is offered %d ballot buttons", n)
			}
			s.shotView(boris, sz.name+"-delegate-absent")
			s.click(boris, `#ballot form:has(input[value="return_to_hall"]) button`)
			s.until(boris, "the ballot after checking in", `document.querySelector("#ballot button.choice-for") !== null`)
			s.notReloaded(boris)

			// The page stays live: the next vote comes to it, and the
			// receipt folds away beneath the new ballot.
			h.must("chair", "close_vote", obj{"vote": "v1"})
			h.must("chair", "declare_result", obj{"vote": "v1"})
			h.must("anna", "move_motion", obj{"id": "m2", "kind": "procedural", "procedure": "close_discussion", "title": "Close the discussion", "item": "i1"})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m2", "method": "roll_call"})
			s.until(anna, "the next ballot", `document.getElementById("ballot").getAttribute("data-ballot") === "vote:v2" && document.querySelector("#ballot button.choice-for") !== null`)
			s.notReloaded(anna)
			if out := s.outside(anna, "#ballot button.choice"); len(out) > 0 {
				t.Errorf("the next ballot's buttons are not in the screen: %v", out)
			}
			if !eval[bool](s, anna, `document.querySelector("#receipt-slot > details") !== null`) {
				t.Error("the earlier receipt is not folded away")
			}
		})
	}
}

// consoleHall is a hall in the middle of business: an amendment being
// voted on, the main motion pending, a speaker with the floor and three
// waiting.
func consoleHall(t *testing.T) *hall {
	h := newHall(t)
	h.must("anna", "move_motion", obj{"id": "m2", "kind": "amendment", "amends": "m1", "title": "Keep a reserve of a tenth", "item": "i1"})
	for _, p := range []string{"boris", "clara", "anna"} {
		h.must(p, "request_floor", obj{"item": "i1", "person": p})
	}
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("chair", "plan_item", obj{"item": "i1", "minutes": 45})
	h.must("chair", "add_item", obj{"id": "i2", "title": "Elections to the board"})
	h.must("chair", "plan_item", obj{"item": "i2", "minutes": 30})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m2", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	return h
}

// TestBrowserChairConsole: on each screen the chair's first screen shows
// the floor, the question and the open vote with its live count; the
// keyboard gives the frequent acts.
func TestBrowserChairConsole(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := consoleHall(t)
			s := newSession(t, h)
			chair := s.open("chair", sz.w, sz.h, "/a/coop/chair")
			for _, sel := range []string{"#floor .card-summary", "#question .card-summary", "#vote .vote-box .card-summary", "#vote .count-line", "#now .next-btn"} {
				if out := s.outside(chair, sel); len(out) > 0 {
					t.Errorf("%s is not in the chair's first screen: %v", sel, out)
				}
			}
			for sel, want := range map[string]string{
				"#floor":    "Next: Clara Zetkin, Anna Arkadyevna",
				"#question": "Keep a reserve of a tenth",
				"#vote":     "1 of 3 voted · 3 of 3 present now",
				"#now":      "Close the vote",
			} {
				if !eval[bool](s, chair, contains(sel, want)) {
					t.Errorf("%s does not say %q", sel, want)
				}
			}
			s.shotView(chair, sz.name+"-chair-console")
			s.shot(chair, sz.name+"-chair-console-full")
			if sz.name != "laptop" {
				return
			}
			// The keyboard: C closes the vote, D declares it, E ends the
			// speech, N gives the floor to the next speaker.
			key := func(k, what, cond string) {
				s.run(chair, "press "+k, chromedp.KeyEvent(k))
				s.until(chair, what, cond)
			}
			key("c", "C closes the vote", contains("#vote", "closed"))
			key("d", "D declares the result", contains("#vote", "No vote in progress"))
			key("e", "E ends the speech", contains("#floor", "Nobody has the floor"))
			key("n", "N gives the floor", contains("#floor .floor-line", "Clara Zetkin"))
			s.notReloaded(chair)
			if got := read(h, func(st *assembly.State) string { return st.Votes["v1"].Status }); got != "declared" {
				t.Errorf("after C and D the vote is %s", got)
			}
			// Deprive of the floor asks for a reason, and says it in the
			// record.
			s.click(chair, "#floor details.confirm-danger summary")
			s.run(chair, "give the reason", chromedp.SendKeys(`#dep-reason`, "Speaks off the question"))
			s.click(chair, "#floor details.confirm-danger button.danger")
			s.until(chair, "deprived", contains("#floor", "Nobody has the floor"))
			if got := read(h, func(st *assembly.State) string {
				it := st.Items["i1"]
				return it.Floor.Turns[len(it.Floor.Turns)-1].Reason
			}); got != "Speaks off the question" {
				t.Errorf("the deprivation's reason is %q", got)
			}
		})
	}
}

// TestBrowserChairFromMotionToResult measures the chair's work from a
// motion moved to its result declared: the next act is always the big
// button at the top of the console.
func TestBrowserChairFromMotionToResult(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "withdraw_motion", obj{"motion": "m1"})
	s := newSession(t, h)
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	start := time.Now()
	h.must("anna", "move_motion", obj{"id": "m2", "kind": "procedural", "procedure": "close_discussion", "title": "Close the discussion", "item": "i1"})
	taps := 0
	s.until(chair, "the motion is in order", contains("#now .next-btn", "Put to the vote: Close the discussion"))
	s.tap(chair, "#now .next-btn", &taps)
	s.until(chair, "the vote is open", contains("#now .next-btn", "Close the vote"))
	chairTime := time.Since(start)
	for _, d := range delegates {
		h.must(d, "cast_ballot", obj{"vote": "v1", "voter": d, "choice": "for"})
	}
	voting := time.Now()
	s.until(chair, "the count", contains("#vote", "3 of 3 voted"))
	s.tap(chair, "#now .next-btn", &taps)
	s.until(chair, "the vote is closed", contains("#now .next-btn", "Declare the result"))
	s.tap(chair, "#now .next-btn", &taps)
	s.until(chair, "the result", contains("#vote", "No vote in progress")+" && "+contains("#vote", "carried"))
	chairTime += time.Since(voting)
	s.notReloaded(chair)
	t.Logf("MEASURE chair 1280x900: %d taps from the motion moved to the result declared; %.2fs of the chair's (the ballots cast in between not counted)", taps, chairTime.Seconds())
	if taps != 3 {
		t.Errorf("%d taps, want 3", taps)
	}
	if got := read(h, func(st *assembly.State) string { return st.Motions["m2"].Status }); got != "carried" {
		t.Errorf("the motion is %s", got)
	}
}

// projectorHall is a hall with much on the projector: a speaker, thirty
// waiting with long names, the last result of the item, a message and a
// countdown.
func projectorHall(t *testing.T) *hall {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for i, p := range delegates {
		ch := "for"
		if i == 2 {
			ch = "against"
		}
		h.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": ch})
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	for i := 0; i < 30; i++ {
		id := fmt.Sprintf("p%02d", i)
		h.must("admin", "add_person", obj{"id": id, "name": fmt.Sprintf("Aleksandra Konstantinovna Vasilyeva-Dobrovolskaya %d", i)})
		h.must("admin", "submit_mandate", obj{"id": "md-" + id, "person": id, "organization": "members", "kind": "decisive"})
		h.must("mc", "verify_mandate", obj{"mandate": "md-" + id})
		h.must(id, "check_in", obj{"person": id})
		h.must(id, "request_floor", obj{"item": "i1", "person": id})
	}
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("chair", "set_screen", obj{"screen": "hall", "show": "business", "message": "Delegates of the agrarian section meet in room 4 during the break, with their draft resolutions and the list of their amendments"})
	h.must("chair", "set_countdown", obj{"screen": "hall", "label": "Amendments close in", "seconds": 900})
	return h
}

// fits checks that the projector's page is no larger than its window and
// that nothing on it is cut off.
func (s *session) fits(p *person, what string) {
	s.t.Helper()
	s.until(p, what+": the page fits", `document.body.hasAttribute("data-fit-scale")`)
	size := eval[[]float64](s, p, `[document.documentElement.scrollWidth, document.documentElement.scrollHeight, window.innerWidth, window.innerHeight]`)
	if size[0] > size[2] || size[1] > size[3] {
		s.t.Errorf("%s: the projector's page is %vx%v in a window of %vx%v", what, size[0], size[1], size[2], size[3])
	}
	if out := s.outside(p, "#proj h1, #proj .proj-main p, #proj .proj-main li, #proj .proj-foot p, #proj .bar-row"); len(out) > 0 {
		s.t.Errorf("%s: cut off on the projector: %v", what, out)
	}
}

// TestBrowserProjectorFits: on each screen the projector's page never
// exceeds the window however much there is to show; a new item clears the
// last result; an election shows its quota and first preferences; named
// screens show different things.
func TestBrowserProjectorFits(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range append(screenSizes, struct {
		name string
		w, h int64
	}{"hd", 1280, 720}) {
		t.Run(sz.name, func(t *testing.T) {
			h := projectorHall(t)
			s := newSession(t, h)
			proj := s.open("", sz.w, sz.h, "/a/coop/projector")
			press := s.open("", sz.w, sz.h, "/a/coop/projector?screen=press")
			s.until(proj, "the speaker, the list and the result", `document.querySelector("#proj .proj-name") !== null && `+contains("#proj", "and 24 more")+" && "+contains("#proj", "CARRIED")+` && document.querySelector("#proj .proj-timer") !== null`)
			s.fits(proj, "speaker, list, result, message and countdown")
			s.shotView(proj, sz.name+"-projector-busy")

			// An election with twelve candidates, declared: the elected,
			// the quota and the first preferences.
			var cands []string
			for i := 0; i < 12; i++ {
				cands = append(cands, fmt.Sprintf("p%02d", i))
			}
			h.must("chair", "end_speech", obj{"item": "i1"})
			h.must("chair", "open_election", obj{"id": "e1", "title": "The auditing committee of the cooperative", "seats": 5, "method": "stv-scottish", "candidates": cands})
			for i := 12; i < 30; i++ {
				v := fmt.Sprintf("p%02d", i)
				h.must(v, "cast_election_ballot", obj{"election": "e1", "voter": v, "ranking": []string{cands[i%12], cands[(i+3)%12], cands[(i+5)%12]}})
			}
			h.must("chair", "close_election", obj{"election": "e1", "seed": 3})
			h.must("chair", "declare_election", obj{"election": "e1"})
			s.until(proj, "the elected", containsFold("#proj", "Elected: The auditing committee")+" && "+containsFold("#proj", "quota")+" && "+containsFold("#proj", "First preferences"))
			s.fits(proj, "the elected with the count")
			s.shotView(proj, sz.name+"-projector-elected")

			// A new item clears the screen of the last outcome.
			h.must("chair", "add_item", obj{"id": "i2", "title": "Any other business"})
			h.must("chair", "take_up_item", obj{"item": "i2"})
			s.until(proj, "the new item", contains("#proj h1", "Any other business"))
			if eval[bool](s, proj, `document.querySelector("#proj .proj-outcome") !== null`) {
				t.Error("the last item's result stays on the screen of the new item")
			}
			s.fits(proj, "the new item")

			// The press room shows the message alone.
			h.must("chair", "set_screen", obj{"screen": "press", "name": "Press room", "show": "message", "message": "The conference resumes at 14:00. Statements to the press at the door of the hall."})
			s.until(press, "the press room's message", contains("#proj", "The conference resumes at 14:00"))
			if eval[bool](s, press, contains("#proj", "Any other business")) == false {
				t.Error("the press room does not name the item")
			}
			s.fits(press, "the press room")
			s.notReloaded(proj)
			s.notReloaded(press)
			s.shotView(press, sz.name+"-projector-press")
		})
	}
}

// TestBrowserSecretBallot: the chair opens a secret vote; a delegate votes
// on the phone and is shown the ballot's code once, in place.
func TestBrowserSecretBallot(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	s := newSession(t, h)
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	anna := s.open("anna", 390, 844, "/a/coop/delegate")
	s.run(chair, "choose a secret vote", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](`(document.querySelector('#question select[name="a:method"]').value = "secret") === "secret"`)(ctx, t)
		if err == nil && !ok {
			err = fmt.Errorf("the method select has no secret option")
		}
		return err
	}))
	s.click(chair, `#question form:has(input[name="cmd"][value="open_vote"]) button[type="submit"]`)
	s.until(chair, "the vote shows as open", contains("#now", "Close the vote"))
	if m := read(h, func(st *assembly.State) string { return st.Votes["v1"].Method }); m != "secret" {
		t.Fatalf("the vote's method is %q", m)
	}
	s.until(anna, "the vote reaches the delegate", `document.querySelector("#ballot button.choice-for") !== null`)
	s.castFor(anna)
	s.until(anna, "the ballot's code", contains("#receipt-slot", "Keep this code")+` && /^[A-Z2-7]{26}$/.test(document.getElementById("ballot-token").innerText)`)
	s.notReloaded(anna)
	s.shot(anna, "10-delegate-secret-code")
}
