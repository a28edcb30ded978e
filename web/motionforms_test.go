package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
)

// sendForm sends a form of page as b (the token taken from the page) and
// returns what the page says after it (its flash): the page it goes back
// to, or the page sent back with the form kept after a refusal.
func sendForm(b *browser, page, cmd string, args url.Values) string {
	b.h.t.Helper()
	var token string
	for _, p := range []string{page, "delegate", "chair"} {
		_, body, _ := b.get("/a/" + asm + "/" + p)
		if m := csrfRe.FindStringSubmatch(body); m != nil {
			token = m[1]
			break
		}
	}
	if token == "" {
		b.h.t.Fatalf("no form token for %s", page)
	}
	form := url.Values{"csrf": {token}, "cmd": {cmd}, "back": {"/a/" + asm + "/" + page}}
	for k, v := range args {
		form[k] = v
	}
	if resp, body := b.postHeader("/a/"+asm+"/act", form, nil); resp.StatusCode != http.StatusSeeOther {
		return flashText(body)
	}
	_, body, _ := b.get("/a/" + asm + "/" + page)
	return flashText(body)
}

// pageOffers reports whether the page shows person a form posting cmd
// (with the marker, a class or a field of that form).
func pageOffers(t *testing.T, b *browser, page, marker string) bool {
	t.Helper()
	status, body, _ := b.get("/a/" + asm + "/" + page)
	if status != 200 {
		t.Fatalf("%s: %d", page, status)
	}
	return strings.Contains(body, marker)
}

// TestSecondMotionForms: under seconds_required a motion nobody seconded
// shows a delegate with a verified decisive mandate "I second this
// motion" on its page, and the chair and a secretary a form to record a
// second by a delegate they name (on the motion's page and, for the
// chair, on the console beside "Put to the vote"); a delegate without
// such a mandate, the mandate commission and a person naming another are
// refused in names, and nothing is recorded; once seconded, the forms go
// and the motion is put to the vote.
func TestSecondMotionForms(t *testing.T) {
	h := newHall(t)
	self, record := `name="cmd" value="second_motion"><input type="hidden" name="a:motion" value="m1"><input type="hidden" name="a:by"`, `class="act grid record-second"`
	page := "motions/m1"
	// Without seconds_required nobody is offered a second.
	for _, who := range []string{"anna", "chair", "sec"} {
		if pageOffers(t, h.browser(who), page, `id="second"`) {
			t.Errorf("%s is offered to second m1 though the rules require no second", who)
		}
	}
	h.must("admin", "set_rules", obj{"overrides": obj{"seconds_required": true}})
	for _, c := range []struct {
		who          string
		self, record bool
	}{{"anna", true, false}, {"boris", true, false}, {"dmitri", false, false}, {"mc", false, false}, {"chair", false, true}, {"sec", false, true}} {
		b := h.browser(c.who)
		if got := pageOffers(t, b, page, self); got != c.self {
			t.Errorf("%s offered to second m1 in their own name: %v, want %v", c.who, got, c.self)
		}
		if got := pageOffers(t, b, page, record); got != c.record {
			t.Errorf("%s offered to record a second of m1: %v, want %v", c.who, got, c.record)
		}
	}
	// The chair's console, where it says "Put to the vote", records a
	// second too; its picker lists those who may second.
	_, body, _ := h.browser("chair").get("/a/" + asm + "/chair")
	picker := regexp.MustCompile(`(?s)<select id="cs-by" name="a:by" required>.*?</select>`).FindString(body)
	if !strings.Contains(body, `<input type="hidden" name="cmd" value="second_motion"><input type="hidden" name="a:motion" value="m1">`) ||
		!strings.Contains(picker, `<option value="anna">Anna Arkadyevna — The members</option>`) || strings.Contains(picker, `"dmitri"`) {
		t.Errorf("the console offers no form to record a second of m1 by those who may second it: %s", picker)
	}
	// Its next act is not "Put to the vote", which the rules would refuse.
	nextAct := regexp.MustCompile(`(?s)<div class="next">.*?</div>`)
	if next := nextAct.FindString(body); strings.Contains(next, `value="open_vote"`) || !strings.Contains(next, "Waits for a second before the vote:") {
		t.Errorf("the console's next act, m1 unseconded: %s", next)
	}

	// Refused: a delegate without a verified mandate, the mandate
	// commission, a delegate naming another; nothing is recorded.
	before := events(h)
	for _, c := range []struct{ who, by, want string }{
		{"dmitri", "dmitri", "Refused: Dmitri Unchecked holds no verified decisive mandate and cannot second a motion."},
		{"mc", "anna", "Refused: A motion is seconded by the delegate themselves (or recorded by the chair or a secretary)."},
		{"anna", "boris", "Refused: A motion is seconded by the delegate themselves (or recorded by the chair or a secretary)."},
		{"chair", "dmitri", "Refused: Dmitri Unchecked holds no verified decisive mandate and cannot second a motion."},
	} {
		if got := sendForm(h.browser(c.who), page, "second_motion", url.Values{"a:motion": {"m1"}, "a:by": {c.by}}); !strings.Contains(got, c.want) {
			t.Errorf("%s seconding for %s: the page says %q, want %q", c.who, c.by, got, c.want)
		}
	}
	if after := events(h); after != before {
		t.Fatalf("refused seconds recorded %d entries", after-before)
	}

	// Anna seconds in her own name: recorded, the forms go, the vote opens.
	if got := sendForm(h.browser("anna"), page, "second_motion", url.Values{"a:motion": {"m1"}, "a:by": {"anna"}}); !strings.Contains(got, "The second was recorded") {
		t.Errorf("anna's second: the page says %q", got)
	}
	if s := read(h, func(s *assembly.State) []string { return s.Motions["m1"].Seconds }); !slices.Equal(s, []string{"anna"}) {
		t.Fatalf("m1 seconded by %v", s)
	}
	for _, who := range []string{"anna", "boris", "chair"} {
		if pageOffers(t, h.browser(who), page, `id="second"`) {
			t.Errorf("%s is still offered to second m1, seconded", who)
		}
	}
	if pageOffers(t, h.browser("chair"), "chair", `value="second_motion"`) {
		t.Errorf("the console still offers to record a second of m1, seconded")
	}
	if _, body, _ := h.browser("chair").get("/a/" + asm + "/chair"); !strings.Contains(nextAct.FindString(body), `value="open_vote"`) {
		t.Errorf("the console's next act, m1 seconded, is not to put it to the vote: %s", nextAct.FindString(body))
	}
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})

	// The chair records Boris seconding another motion, from the console.
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 3, "against": 0})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("anna", "move_motion", obj{"id": "m2", "kind": "substantive", "title": "Print the report", "text": "The report is printed.", "item": "i1"})
	if pageOffers(t, h.browser("anna"), "motions/m2", `id="second"`) && pageOffers(t, h.browser("anna"), "motions/m2", `class="second-self"`) {
		t.Errorf("anna is offered to second her own motion")
	}
	if got := sendForm(h.browser("chair"), "chair", "second_motion", url.Values{"a:motion": {"m2"}, "a:by": {"boris"}}); !strings.Contains(got, "The second was recorded") {
		t.Errorf("the chair recording boris's second: the page says %q", got)
	}
	if s := read(h, func(s *assembly.State) []string { return s.Motions["m2"].Seconds }); !slices.Equal(s, []string{"boris"}) {
		t.Fatalf("m2 seconded by %v", s)
	}
}

// TestSecondOfferedAsOpenVoteRefuses: the pages offer to second exactly
// the motions that open_vote refuses for want of a second — not a
// submitted motion with its supporters, nor the committee's change
// recommendation, nor an objection to consideration under precedence,
// but an amendment moved in the sitting.
func TestSecondOfferedAsOpenVoteRefuses(t *testing.T) {
	h := newCongressHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"seconds_required": true, "precedence": true, "motions": obj{"supporters": 2}}})
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin"})
	h.must("hanna", "support_motion", obj{"motion": "w1", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w1", "delegation": "leipzig"})
	h.must("kai", "recommend_change", obj{"id": "w1-c", "motion": "w1", "change": obj{"from_line": 7, "to_line": 8, "text": "in three steps"}})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "admitted"})
	h.must("eva", "set_motion_state", obj{"motion": "w1", "state": "pending"})
	h.must("dora", "move_motion", obj{"id": "w1-a", "kind": "amendment", "amends": "w1", "title": "Packaging", "change": obj{"from_line": 3, "to_line": 4, "text": "x"}})
	h.must("hans", "move_motion", obj{"id": "obj", "kind": "procedural", "procedure": "discuss_or_not", "title": "Objection to consideration", "target": "w1"})
	eva := h.browser("eva")
	needed := 0
	for _, id := range []string{"w1", "w1-c", "w1-a", "obj"} {
		refused := read(h, func(s *assembly.State) bool {
			_, err := assembly.Decide(s, assembly.Meta{Assembly: asm, Actor: "eva", At: time.Now()}, assembly.OpenVote{ID: "vx", Motion: id, Method: "show_of_hands"})
			return err != nil && strings.Contains(err.Error(), "has not been seconded")
		})
		if refused {
			needed++
		}
		if offered := pageOffers(t, eva, "motions/"+id, `class="act grid record-second"`); offered != refused {
			t.Errorf("%s: a second offered %v, open_vote refused for want of one %v", id, offered, refused)
		}
	}
	if needed != 1 {
		t.Errorf("%d motions need a second, want 1 (w1-a)", needed)
	}
}

// TestMotionsSetupForms: the motions' page of an assembly with no
// deadline offers the chair (and an administrator) to set the deadline
// and appoint the motions committee, and the chair and a secretary to
// add categories and blocks; a delegate sees none of it. A refused form
// records nothing and says why; accepted, each is recorded and the
// submission opens.
func TestMotionsSetupForms(t *testing.T) {
	h := newHall(t)
	h.must("chair", "form_body", obj{"id": "b1", "name": "Resolutions committee", "kind": "committee", "members": []string{"anna"}})
	forms := map[string]string{
		"set_submission_deadline": `value="set_submission_deadline"`, "appoint_motions_committee": `value="appoint_motions_committee"`,
		"add_motion_category": `value="add_motion_category"`, "add_motion_block": `value="add_motion_block"`,
	}
	for who, want := range map[string][]string{
		"chair": {"set_submission_deadline", "appoint_motions_committee", "add_motion_category", "add_motion_block"},
		"sec":   {"add_motion_category", "add_motion_block"},
		"anna":  nil, "mc": nil,
	} {
		var b *browser
		b = h.browser(who)
		for cmd, marker := range forms {
			if got := pageOffers(t, b, "motions", marker); got != slices.Contains(want, cmd) {
				t.Errorf("%s offered %s on the motions' page: %v", who, cmd, got)
			}
		}
	}
	if !pageOffers(t, h.adminBrowser(), "motions", forms["set_submission_deadline"]) {
		t.Errorf("the administrator is not offered the deadline")
	}

	before := events(h)
	for _, c := range []struct{ who, cmd, want string }{
		{"chair", "set_submission_deadline", `Refused: “next Friday” is not a day and a time; give them as in `},
		{"sec", "set_submission_deadline!", "Refused: Only the chair or an administrator sets the deadline for motions."},
		{"sec", "appoint_motions_committee", "Refused: Only the chair or an administrator appoints the motions committee."},
		{"anna", "add_motion_category", "Refused: Only the chair, an administrator or a secretary adds categories of motions."},
		{"anna", "add_motion_block", "Refused: Only the chair, an administrator, a secretary or the motions committee adds blocks of motions."},
	} {
		args := map[string]url.Values{
			"set_submission_deadline":   {"a:deadline:local": {"next Friday"}},
			"set_submission_deadline!":  {"a:deadline:local": {"2027-01-15T18:00"}}, // a day and time, refused for want of authority
			"appoint_motions_committee": {"a:body": {"b1"}},
			"add_motion_category":       {"a:id": {"cat1"}, "a:name": {"Wages"}},
			"add_motion_block":          {"a:id": {"block1"}, "a:title": {"Wages"}},
		}[c.cmd]
		if got := sendForm(h.browser(c.who), "motions", strings.TrimSuffix(c.cmd, "!"), args); !strings.Contains(got, c.want) {
			t.Errorf("%s %s: the page says %q, want %q", c.who, c.cmd, got, c.want)
		}
	}
	if after := events(h); after != before {
		t.Fatalf("refused set-up forms recorded %d entries", after-before)
	}

	chair, sec := h.browser("chair"), h.browser("sec")
	deadline := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
	for _, c := range []struct {
		b         *browser
		cmd, done string
		args      url.Values
	}{
		{chair, "set_submission_deadline", "The deadline for motions was set", url.Values{"a:deadline:local": {deadline.Format(time.RFC3339)}}},
		{chair, "appoint_motions_committee", "The motions committee was appointed", url.Values{"a:body": {"b1"}}},
		{sec, "add_motion_category", "The category was added", url.Values{"new:id": {"cat"}, "a:name": {"Wages and hours"}, "a:prefix": {"W"}}},
		{sec, "add_motion_block", "The block was added", url.Values{"new:id": {"block"}, "a:title": {"The bargaining round"}}},
	} {
		if got := sendForm(c.b, "motions", c.cmd, c.args); !strings.Contains(got, c.done) {
			t.Errorf("%s: the page says %q, want %q", c.cmd, got, c.done)
		}
	}
	sub := read(h, func(s *assembly.State) assembly.Submission { return s.Submission })
	if !sub.Deadline.Equal(deadline) || sub.Committee != "b1" || sub.Categories["cat1"] == nil || sub.Categories["cat1"].Prefix != "W" || sub.Blocks["block1"] == nil {
		t.Fatalf("the submission is %+v", sub)
	}
	// The page's forms ask for a category's and a block's id when they
	// are sent (new:id), the page names the committee, and a delegate may
	// submit.
	_, body, _ := chair.get("/a/" + asm + "/motions")
	if strings.Contains(body, `name="a:id"`) {
		t.Errorf("the motions' page gives an id made when it was rendered")
	}
	for _, want := range []string{`name="new:id" value="cat">`, `name="new:id" value="block">`, `name="new:id" value="m">`, "The motions committee is Resolutions committee.", "Wages and hours", "numbers its motions W1, W2"} {
		if !strings.Contains(body, want) {
			t.Errorf("the motions' page lacks %s", want)
		}
	}
	if !pageOffers(t, h.browser("anna"), "motions", `value="submit_motion"`) {
		t.Errorf("the deadline set, a delegate is not offered to submit a motion")
	}
}

// TestWithdrawForms: the submitter of a motion is offered to withdraw it
// and a delegate who supported it to take their support back, each in
// the names they gave it; others are not offered them, are refused in
// names, and nothing is recorded; a delegate who moved a motion in the
// sitting withdraws it too.
func TestWithdrawForms(t *testing.T) {
	h := newCongressHall(t)
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin"})
	h.must("hanna", "support_motion", obj{"motion": "w1", "delegation": "hamburg"})
	h.must("lena", "support_motion", obj{"motion": "w1"})
	page := "motions/w1"
	withdraw, backOwn, backHamburg := `class="danger withdraw-motion"`, `class="secondary take-back"`, `<input type="hidden" name="a:delegation" value="hamburg"><button type="submit" class="secondary take-back-for">`
	for _, c := range []struct {
		who                         string
		withdraw, backOwn, backHamb bool
	}{
		{"bruno", true, false, false},
		{"kai", false, false, false}, // of Berlin's delegation, and on the committee: withdraws through the workflow's states
		{"hanna", false, false, true}, {"hans", false, false, false}, {"lena", false, true, false}, {"dora", false, false, false},
		{"eva", false, false, false}, // the chair withdraws through the workflow's states
	} {
		b := h.browser(c.who)
		for _, f := range []struct {
			marker string
			want   bool
		}{{withdraw, c.withdraw}, {backOwn, c.backOwn}, {backHamburg, c.backHamb}} {
			if got := pageOffers(t, b, page, f.marker); got != f.want {
				t.Errorf("%s offered %s: %v, want %v", c.who, f.marker, got, f.want)
			}
		}
	}

	before := events(h)
	for _, c := range []struct {
		who, cmd string
		args     url.Values
		want     string
	}{
		{"hans", "withdraw_support", url.Values{"a:delegation": {"hamburg"}}, "Refused: Hamburg district (through Hans Hamburg) does not support “Wages and working time”."},
		{"dora", "withdraw_support", nil, "Refused: Dora Delegate does not support “Wages and working time”."},
		{"dora", "withdraw_motion", nil, "Refused: Only those who submitted “Wages and working time” or the chair may withdraw it."},
	} {
		args := url.Values{"a:motion": {"w1"}}
		for k, v := range c.args {
			args[k] = v
		}
		if got := sendForm(h.browser(c.who), page, c.cmd, args); !strings.Contains(got, c.want) {
			t.Errorf("%s %s: the page says %q, want %q", c.who, c.cmd, got, c.want)
		}
	}
	if after := events(h); after != before {
		t.Fatalf("refused forms recorded %d entries", after-before)
	}

	if got := sendForm(h.browser("hanna"), page, "withdraw_support", url.Values{"a:motion": {"w1"}, "a:delegation": {"hamburg"}}); !strings.Contains(got, "The support was taken back") {
		t.Errorf("hanna taking back Hamburg's support: the page says %q", got)
	}
	if got := sendForm(h.browser("lena"), page, "withdraw_support", url.Values{"a:motion": {"w1"}}); !strings.Contains(got, "The support was taken back") {
		t.Errorf("lena taking back her support: the page says %q", got)
	}
	if n := read(h, func(s *assembly.State) int { return len(s.Motions["w1"].Supporters) }); n != 0 {
		t.Fatalf("w1 has %d supporters left", n)
	}
	if got := sendForm(h.browser("bruno"), page, "withdraw_motion", url.Values{"a:motion": {"w1"}}); !strings.Contains(got, "The motion was withdrawn") {
		t.Errorf("bruno withdrawing w1: the page says %q", got)
	}
	if st := read(h, func(s *assembly.State) string { return s.Motions["w1"].Status }); st != assembly.MotionStatusWithdrawn {
		t.Fatalf("w1 is %s", st)
	}
	if pageOffers(t, h.browser("bruno"), page, withdraw) {
		t.Errorf("w1 withdrawn, bruno is still offered to withdraw it")
	}

	// A motion moved in the sitting: its mover withdraws it, nobody else.
	h.must("dora", "move_motion", obj{"id": "m9", "kind": "substantive", "title": "Adjourn at six", "text": "The congress adjourns at six.", "item": "i1"})
	if pageOffers(t, h.browser("lena"), "motions/m9", withdraw) || !pageOffers(t, h.browser("dora"), "motions/m9", withdraw) {
		t.Errorf("the withdrawal of m9 is not offered to its mover alone")
	}
	before = events(h)
	if got := sendForm(h.browser("lena"), "motions/m9", "withdraw_motion", url.Values{"a:motion": {"m9"}}); !strings.Contains(got, "Refused: Only the mover (Dora Delegate) or the chair may withdraw “Adjourn at six”.") {
		t.Errorf("lena withdrawing m9: %q", got)
	}
	if events(h) != before {
		t.Fatalf("a refused withdrawal was recorded")
	}
	if got := sendForm(h.browser("dora"), "motions/m9", "withdraw_motion", url.Values{"a:motion": {"m9"}}); !strings.Contains(got, "The motion was withdrawn") {
		t.Errorf("dora withdrawing m9: %q", got)
	}
}
