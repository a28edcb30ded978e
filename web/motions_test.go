package web_test

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
	"plenum/minutes"
	"plenum/web"
)

// newCongressHall is a server with an assembly whose delegations submit
// motions: Berlin (bruno), Hamburg (hanna, hans), Leipzig (lena), a
// motions committee (kai), the chair (eva), two supporters needed, the
// deadline tomorrow; a sitting is open with an item under discussion.
func newCongressHall(t *testing.T) *hall {
	return newCongressHallWith(t, web.Options{BaseURL: hallBaseURL}, time.Time{})
}

// newCongressHallWith is newCongressHall with the pages' options and, if
// now is not zero, a clock: its entries recorded from two hours before
// now, the deadline a day after it, and no login codes issued (as
// TestPagesRenderTheSame's halls).
func newCongressHallWith(t *testing.T, opts web.Options, now time.Time) *hall {
	h := newEmptyHallWith(t, opts, nil)
	deadline := time.Now().Add(24 * time.Hour)
	if !now.IsZero() {
		h.at, deadline = now.Add(-2*time.Hour), now.Add(24*time.Hour)
	}
	h.must("admin", "create_assembly", obj{"id": asm, "name": "Congress of the Printers", "starts": "2026-05-09", "rules": "congress",
		"overrides": obj{"motions": obj{"supporters": 2}}})
	for _, o := range [][2]string{{"berlin", "Berlin district"}, {"hamburg", "Hamburg district"}, {"leipzig", "Leipzig district"}} {
		h.must("admin", "add_organization", obj{"id": o[0], "name": o[1], "kind": "delegating"})
	}
	h.must("admin", "add_person", obj{"id": "eva", "name": "Eva Vorsitz"})
	h.must("admin", "grant_role", obj{"person": "eva", "role": "chair"})
	for _, p := range [][3]string{{"bruno", "Bruno Berliner", "berlin"}, {"hanna", "Hanna Hamburg", "hamburg"}, {"hans", "Hans Hamburg", "hamburg"},
		{"lena", "Lena Leipzig", "leipzig"}, {"kai", "Kai Kommission", "berlin"}, {"dora", "Dora Delegate", "leipzig"}} {
		h.must("admin", "add_person", obj{"id": p[0], "name": p[1]})
		h.must("admin", "submit_mandate", obj{"id": "md-" + p[0], "person": p[0], "organization": p[2], "kind": "decisive"})
		h.must("admin", "verify_mandate", obj{"mandate": "md-" + p[0]})
		h.must("admin", "check_in", obj{"person": p[0]})
	}
	h.must("admin", "add_person", obj{"id": "guest", "name": "Gustav Guest"})
	h.must("eva", "form_body", obj{"id": "mc", "name": "Motions Committee", "kind": "committee", "members": []string{"kai"}})
	h.must("eva", "appoint_motions_committee", obj{"body": "mc"})
	h.must("eva", "set_submission_deadline", obj{"deadline": deadline.UTC().Format(time.RFC3339)})
	h.must("eva", "open_sitting", obj{"id": "s1", "title": "First sitting", "date": "2026-05-09", "chair": "eva"})
	h.must("eva", "add_item", obj{"id": "i1", "title": "The bargaining round"})
	h.must("eva", "take_up_item", obj{"item": "i1"})
	if !now.IsZero() {
		return h // no login codes: their issue is logged, at random
	}
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"eva", "bruno", "hanna", "hans", "lena", "kai", "dora", "guest"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes = map[string]string{}
	for _, c := range codes {
		h.codes[c.Person] = c.Code
	}
	return h
}

// submittedAndPending submits two motions of Berlin's in
// newCongressHall: w1, submitted in writing (amended in writing), and
// w2, supported by Hamburg and Leipzig, admitted and put before the
// congress (amended by a motion in the sitting).
func submittedAndPending(h *hall) {
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin"})
	h.must("bruno", "submit_motion", obj{"id": "w2", "title": "Hours", "text": wagesText, "delegation": "berlin"})
	h.must("hanna", "support_motion", obj{"motion": "w2", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w2", "delegation": "leipzig"})
	h.must("eva", "set_motion_state", obj{"motion": "w2", "state": "admitted"})
	h.must("eva", "set_motion_state", obj{"motion": "w2", "state": "pending"})
}

// motionPaperSteps submits w1 in the category "wages" (named so, its
// motions numbered with prefix) and the block "b1" (titled so),
// supported by Hamburg and Leipzig, recommended on by the committee with
// a note and changed by it (w1-c), and puts it before the congress,
// where two amendments change the same lines (w1-a titled amendment,
// w1-b); carried, the change, w1-a and then w1 are carried, and w1's
// resolution applies them.
func motionPaperSteps(h *hall, category, prefix, block, note, amendment string, carried bool) {
	h.must("eva", "add_motion_category", obj{"id": "wages", "name": category, "prefix": prefix})
	h.must("eva", "add_motion_block", obj{"id": "b1", "title": block})
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin", "category": "wages", "block": "b1"})
	h.must("hanna", "support_motion", obj{"motion": "w1", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w1", "delegation": "leipzig"})
	h.must("kai", "recommend", obj{"motion": "w1", "recommendation": "adopt_amended", "note": note})
	h.must("kai", "recommend_change", obj{"id": "w1-c", "motion": "w1", "change": obj{"from_line": 7, "to_line": 8, "text": "in three steps"}})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "admitted"})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "pending"})
	h.must("hans", "move_motion", obj{"id": "w1-a", "kind": "amendment", "amends": "w1", "title": amendment, "change": obj{"from_line": 3, "to_line": 4, "text": "x"}})
	h.must("dora", "move_motion", obj{"id": "w1-b", "kind": "amendment", "amends": "w1", "title": "B", "change": obj{"from_line": 4, "text": "y"}})
	if !carried {
		return
	}
	for i, mid := range []string{"w1-c", "w1-a", "w1"} {
		v := "vm" + strconv.Itoa(i+1)
		h.must("eva", "open_vote", obj{"id": v, "motion": mid, "method": "show_of_hands"})
		h.must("eva", "close_vote", obj{"vote": v})
		h.must("eva", "enter_count", obj{"vote": v, "for": 5, "against": 1})
		h.must("eva", "declare_result", obj{"vote": v})
	}
	if read(h, func(s *assembly.State) *assembly.Motion { return s.Motions["w1"] }).Resolution == "" {
		h.t.Fatal("no resolution consolidated")
	}
}

// motionPages are the pages of motionPaperSteps's motions, asked by
// who ("" for nobody).
func motionPages(who string) []pageToRender {
	base := "/a/" + asm + "/"
	pages := []pageToRender{{"motions", who, base + "motions", nil}, {"motion", who, base + "motions/w1", nil},
		{"amendment", who, base + "motions/w1-a", nil}, {"change", who, base + "motions/w1-c", nil}}
	for i := range pages {
		if who != "" {
			pages[i].name += "-" + who
		}
	}
	return pages
}

const wagesText = `# Wages and working time
The congress instructs the executive to open negotiations with the employers' association on a new wage agreement for the printing trades.
The demands of the union are:
1. a rise of all wages and salaries by six per cent from the first of January, and of the apprentices' pay by ten per cent;
2. the *shorter working week* of thirty-five hours without loss of pay, in two steps over two years;
3. a collective agreement for the workers of the digital presses, who today work without one.`

// client is a logged-in person's HTTP client.
func (h *hall) client(t *testing.T, who string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(h.srv.URL + "/login?code=" + h.codes[who])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return c
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s %.300s", u, resp.Status, b)
	}
	return string(b)
}

// pageLines are the numbered lines a page shows, as "N text".
func pageLines(page string) []string {
	var out []string
	tags := regexp.MustCompile(`<[^>]+>`)
	for _, m := range regexp.MustCompile(`<p class="ln[^"]*" data-line="(\d+)"><span class="n">\d+</span>(.*)</p>`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+" "+html.UnescapeString(tags.ReplaceAllString(m[2], "")))
	}
	return out
}

// TestMotionPageLinesAreTheDocuments': the motion's page numbers the lines
// of a long text with a list as the minutes (and so every document) do,
// and the page refuses in the rules' words: support from a person without
// a mandate records nothing.
func TestMotionPageLines(t *testing.T) {
	h := newCongressHall(t)
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin"})
	page := get(t, http.DefaultClient, h.srv.URL+"/a/coop/motions/w1")
	got := pageLines(page)
	want := read(h, func(s *assembly.State) []string {
		var out []string
		for _, l := range minutes.BuildMotion(s, "w1").Paper.Lines {
			out = append(out, fmt.Sprintf("%d %s", l.Number, l.Plain()))
		}
		return out
	})
	if len(want) < 10 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the page's lines:\n%s\nthe documents':\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Picking lines 7–8 gives their wording to change, with its markup.
	c := h.client(t, "hans")
	picked := get(t, c, h.srv.URL+"/a/coop/motions/w1?from=7&to=8")
	if !strings.Contains(picked, "2. the *shorter working week* of thirty-five hours without loss of pay, in two steps over two years;</textarea>") {
		t.Errorf("lines 7–8 are not offered to change as they read:\n%s", picked)
	}
	if p := get(t, c, h.srv.URL+"/a/coop/motions/w1?from=7&to=40"); !strings.Contains(p, "The motion has 10 lines; there is no line 40.") {
		t.Errorf("no refusal of a line that does not exist")
	}
	// A guest without a mandate supports: refused, nothing recorded.
	size := read(h, func(s *assembly.State) int { return s.Events })
	g := h.browser("guest")
	g.act("delegate", "support_motion", url.Values{"a:motion": {"w1"}})
	if _, body, _ := g.get("/a/coop/motions/w1"); !strings.Contains(body, "Refused: Gustav Guest holds no delegate&#39;s mandate and may not support motions.") {
		t.Errorf("the refusal is not shown: %.3000s", body)
	}
	if after := read(h, func(s *assembly.State) int { return s.Events }); after != size {
		t.Errorf("a refused support recorded %d entries", after-size)
	}
	// Two amendments on overlapping lines are shown as in conflict.
	h.must("hanna", "support_motion", obj{"motion": "w1", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w1", "delegation": "leipzig"})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "admitted"})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "pending"})
	h.must("hans", "move_motion", obj{"id": "w1-a", "kind": "amendment", "amends": "w1", "title": "A", "change": obj{"from_line": 3, "to_line": 4, "text": "x"}})
	h.must("dora", "move_motion", obj{"id": "w1-b", "kind": "amendment", "amends": "w1", "title": "B", "change": obj{"from_line": 4, "text": "y"}})
	if p := get(t, http.DefaultClient, h.srv.URL+"/a/coop/motions/w1"); !strings.Contains(p, "Conflicts with 1/1 (lines 3–4): whichever is carried first overtakes the others.") {
		t.Errorf("the conflict of w1-b with w1-a is not shown: %s", regexp.MustCompile(`Conflicts[^<]*`).FindAllString(p, -1))
	}
	// The motion book and one motion's paper.
	if b := get(t, http.DefaultClient, h.srv.URL+"/a/coop/motions/book.html"); !strings.Contains(b, "<h3>1 Wages and working time</h3>") {
		t.Errorf("the motion book lacks the motion: %.500s", b)
	}
	if b := get(t, http.DefaultClient, h.srv.URL+"/a/coop/motions/book.pdf?motion=w1"); !strings.HasPrefix(b, "%PDF-") {
		t.Errorf("one motion as a PDF is no PDF")
	}
}

// TestBrowserMotionFromSubmissionToResolution: a delegation submits a
// motion on its page, two others support it, the committee recommends a
// change, the chair admits it and puts it before the congress, a delegate
// picks lines 3–4 and moves an amendment, the hall votes, and the record
// page and the exported minutes show the resolution as carried.
func TestBrowserMotionFromSubmissionToResolution(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newCongressHall(t)
	s := newSession(t, h)

	bruno := s.open("bruno", 390, 844, "/a/coop/motions")
	s.run(bruno, "write the motion", chromedp.SetValue(chromedp.CSS(`#sm-title`), "Wages and working time"),
		chromedp.SetValue(chromedp.CSS(`#sm-for`), "berlin"), chromedp.SetValue(chromedp.CSS(`#sm-text`), wagesText))
	s.shot(bruno, "motions-1-submit-360")
	s.click(bruno, `#submit button[type=submit]`)
	s.until(bruno, "the motion is listed", contains("#motion-list", "Wages and working time"))
	id := read(h, func(st *assembly.State) string { return st.MotionOrder[len(st.MotionOrder)-1] })
	page := "/a/coop/motions/" + id

	for _, who := range []struct{ person, org string }{{"hanna", "hamburg"}, {"lena", "leipzig"}} {
		p := s.open(who.person, 390, 844, page)
		s.click(p, fmt.Sprintf(`form:has(input[name="a:delegation"][value=%q]) button.support-for`, who.org))
		s.until(p, "the support is recorded", contains("#flash", "The support was recorded"))
	}
	if n := read(h, func(st *assembly.State) int { return len(st.Motions[id].Supporters) }); n != 2 {
		t.Fatalf("%d supporters", n)
	}

	// The committee picks lines 7–8 by their numbers and recommends.
	kai := s.open("kai", 1280, 900, page)
	s.click(kai, `.pickable p[data-line="7"] .n`)
	s.click(kai, `.pickable p[data-line="8"] .n`)
	s.until(kai, "the lines are picked", `document.querySelector("#rc-text") !== null`)
	s.run(kai, "change the wording", chromedp.SetValue(chromedp.CSS(`#rc-text`), "2. the *shorter working week* of thirty-five hours without loss of pay, in three steps over three years;"),
		chromedp.SetValue(chromedp.CSS(`#rc-note`), "Two years are too short."))
	s.click(kai, `form.recommend-change button[type=submit]`)
	s.until(kai, "the recommendation is recorded", contains("#amendments", "Change recommended by the Motions Committee to lines 7–8"))

	// The chair admits the motion and puts it before the congress.
	eva := s.open("eva", 1280, 900, page)
	s.click(eva, `button.state-admitted`)
	s.until(eva, "admitted", contains("#motion-text h2", "admitted"))
	s.click(eva, `button.state-pending`)
	s.until(eva, "before the assembly", contains("#motion-text h2", "before the assembly"))

	// A delegate picks lines 3–4 and moves an amendment to them.
	hans := s.open("hans", 390, 844, page)
	s.run(hans, "pick lines 3–4", chromedp.SetValue(chromedp.CSS(`#pick-from`), "3"), chromedp.SetValue(chromedp.CSS(`#pick-to`), "4"))
	s.click(hans, `form.pick button[type=submit]`)
	s.until(hans, "the wording of lines 3–4", `document.querySelector("#am-text") !== null && document.querySelector("#am-text").value.startsWith("association on a new wage agreement")`)
	s.run(hans, "type the new wording", chromedp.SetValue(chromedp.CSS(`#am-text`), "association on a new wage agreement for the printing and packaging trades.\nThe demands of the union, which the executive may not lower, are:"))
	s.shot(hans, "motions-2-amend-360")
	s.click(hans, `form.amend-form button[type=submit]`)
	s.until(hans, "the amendment is listed", contains("#amendments", "packaging"))

	// The hall votes: the change, the amendment, the motion.
	amendments := read(h, func(st *assembly.State) []string {
		var out []string
		for _, mid := range st.MotionOrder {
			if st.Motions[mid].Amends == id {
				out = append(out, mid)
			}
		}
		return out
	})
	if len(amendments) != 2 {
		t.Fatalf("amendments %v", amendments)
	}
	for i, mid := range append(amendments, id) {
		v := fmt.Sprintf("v%d", i+1)
		h.must("eva", "open_vote", obj{"id": v, "motion": mid, "method": "show_of_hands"})
		h.must("eva", "close_vote", obj{"vote": v})
		h.must("eva", "enter_count", obj{"vote": v, "for": 5, "against": 1})
		h.must("eva", "declare_result", obj{"vote": v})
	}
	want := "association on a new wage agreement for the printing and packaging trades."
	s.until(eva, "the resolution heads the motion's page", contains("#motion-text", want))
	for _, size := range [][2]int64{{360, 740}, {1280, 900}, {1920, 1080}} {
		p := s.open("", size[0], size[1], page)
		s.shot(p, fmt.Sprintf("motions-3-motion-%d", size[0]))
		r := s.open("", size[0], size[1], "/a/coop/record")
		s.until(r, "the record shows the resolution", contains("#resolutions", want)+" && "+contains("#resolutions", "three years"))
		s.shot(r, fmt.Sprintf("motions-4-record-%d", size[0]))
		if size[0] == 360 {
			ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			cancel()
			if err != nil || wide > 360 {
				t.Errorf("the record page is %d px wide on a 360 px screen (%v)", wide, err)
			}
		}
	}
	md := get(t, http.DefaultClient, h.srv.URL+"/a/coop/minutes/md")
	for _, w := range []string{"**The resolution as carried, with the amendments", "> `3` " + want + "\\", "in three"} {
		if !strings.Contains(md, w) {
			t.Errorf("the exported minutes lack %q", w)
		}
	}
}
