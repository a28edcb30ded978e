package web_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
	"plenum/web"
)

// TestBrowserChairOpensEncrypted: the chair opens an encrypted vote from
// the console, choosing "secret, encrypted", ticking three trustees and
// leaving the number needed to a majority (2 of 3); the console waits for
// the key; the trustees make it on their pages, the delegates vote in
// their browsers, two of the three decrypt and the result is the count.
// Then an encrypted approval election opened from the elections tab the
// same way, with 2 of 3 typed: the key, two ballots, two of the three
// decrypt and the elected are declared. The pages pass axe, and are shot at 1280
// and 1920 wide (and 360).
func TestBrowserChairOpensEncrypted(t *testing.T) {
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: ballotModule(t)}, nil)
	h.setup()
	s := newSession(t, h)
	axe := axeSource(t)
	trustees := []string{"sec", "mc", "chair"}

	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	choose(s, chair, "#ov-method", "encrypted")
	s.until(chair, "the fields open with the method", `document.querySelector("#ov-enc").open`)
	for _, tr := range trustees {
		s.click(chair, `#ov-enc input[name="a:trustees:list"][value="`+tr+`"]`)
	}
	s.shot(chair, "encsetup-vote-1280")
	s.axe(chair, "the console's encrypted vote", axe)
	for _, w := range []int64{360, 1920} {
		p := s.open("chair", w, 900, "/a/coop/chair")
		choose(s, p, "#ov-method", "encrypted")
		s.until(p, "the fields open with the method", `document.querySelector("#ov-enc").open`)
		s.shot(p, "encsetup-vote-"+strconv.FormatInt(w, 10))
		if wide := eval[[]string](s, p, `Array.from(document.querySelectorAll("#question *")).filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + "#" + e.id + "." + e.className + " " + Math.round(e.getBoundingClientRect().width))`); len(wide) > 0 {
			t.Errorf("at %d wide, the question's card is wider than the window: %v", w, wide)
		}
	}
	s.click(chair, `button[data-key="v"]`)
	s.until(chair, "the console waits for the key", contains(".next", "waiting for the trustees to make the election key (keys 0 of 3"))
	s.shot(chair, "encsetup-vote-opened-1280")
	setup := read(h, func(st *assembly.State) assembly.EncryptedSetup { return st.Votes["v1"].Encrypted.EncryptedSetup })
	if setup.Quorum != 2 || len(setup.Trustees) != 3 {
		t.Fatalf("the vote opened with %v, %d needed", setup.Trustees, setup.Quorum)
	}

	step := browserCeremony(t, s, "task-v1", trustees, []string{"mc", "chair"})
	step("deal")
	step("confirm")
	s.until(chair, "the console offers to close the vote", `!!document.querySelector('.next input[name="cmd"][value="close_vote"]')`)
	index := map[string]int{"for": 0, "against": 1}
	for d, c := range map[string]string{"anna": "for", "boris": "against", "clara": "for"} {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the encrypted ballot", `!!document.querySelector("form.encrypted-ballot")`)
		s.click(p, `form.encrypted-ballot button.choice[value="`+strconv.Itoa(index[c])+`"]`)
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	step("decrypt")
	if res := read(h, func(st *assembly.State) *assembly.Result { return st.Votes["v1"].Result }); res == nil || res.Arithmetic != "2 for, 1 against, 3 cast; 2 needed; carried" {
		t.Fatalf("result %+v", res)
	}

	el := s.open("chair", 1280, 900, "/a/coop/chair/elections")
	choose(s, el, "#el-title", "Auditor")
	choose(s, el, "#el-method", "approval")
	for _, c := range []string{"anna", "boris", "clara"} {
		s.click(el, `#el-cands input[value="`+c+`"]`)
	}
	s.click(el, "#el-enc > summary")
	s.click(el, "#el-encrypted")
	for _, tr := range trustees {
		s.click(el, `#el-enc input[name="a:trustees:list"][value="`+tr+`"]`)
	}
	choose(s, el, "#el-k", "2")
	s.shot(el, "encsetup-election-1280")
	s.axe(el, "the encrypted election's form", axe)
	s.click(el, `#open-election button[type=submit]`)
	s.until(el, "the election opened", `!!document.querySelector("#election-e1")`)
	eset := read(h, func(st *assembly.State) assembly.EncryptedSetup { return st.Elections["e1"].Encrypted.EncryptedSetup })
	if eset.Quorum != 2 || len(eset.Trustees) != 3 || len(eset.Options) != 3 {
		t.Fatalf("the election opened with %v, %d needed, options %v", eset.Trustees, eset.Quorum, eset.Options)
	}
	estep := browserCeremony(t, s, "task-election-e1", trustees, []string{"sec", "chair"})
	estep("deal")
	estep("confirm")
	for d, ticks := range map[string][]int{"anna": {1}, "boris": {1, 2}} {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the encrypted election ballot", `!!document.querySelector("form.encrypted-ballot[data-field=election]")`)
		for _, i := range ticks {
			s.click(p, fmt.Sprintf(`form.encrypted-ballot input[value="%d"]`, i))
		}
		s.click(p, `form.encrypted-ballot button[type=submit]`)
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	}
	h.must("chair", "close_election", obj{"election": "e1"})
	estep("decrypt")
	if e := read(h, func(st *assembly.State) assembly.Election { return *st.Elections["e1"] }); e.Status != assembly.ElectionStatusDeclared || strings.Join(e.Elected, ",") != "boris" {
		t.Fatalf("election %s, elected %v", e.Status, e.Elected)
	}
}

// choose sets a field's value as one who types or picks it: with the
// input and change events a page's script listens to.
func choose(s *session, p *person, sel, value string) {
	s.t.Helper()
	eval[bool](s, p, fmt.Sprintf(`(function (e, v) { e.value = v; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })(document.querySelector(%q), %q)`, sel, value))
}

// TestBrowserChairOpensEncryptedSearched: in an assembly larger than the
// pickers' limit the trustees are searched, their search a field of the
// vote's own form (it keeps the ticks without the script); with the
// script it searches as one types, keeps the ticked, and Put to the vote
// still sends the form (picker.js stops only a search's form of its own).
func TestBrowserChairOpensEncryptedSearched(t *testing.T) {
	h := newLargeHall(t, 3)
	s := newSession(t, h)
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	choose(s, chair, "#ov-method", "encrypted")
	s.until(chair, "the fields open with the method", `document.querySelector("#ov-enc").open`)
	if !eval[bool](s, chair, `!document.querySelector("#ov-trustees-q").hasAttribute("form") && getComputedStyle(document.querySelector("#ov-enc .picker-find button")).display === "none"`) {
		t.Fatal("the trustees' search is a form of its own, or its Find button is shown with the script")
	}
	for _, p := range []struct{ words, id string }{{"sasha", "sec"}, {"zetk", "clara"}} {
		s.run(chair, "type a name", chromedp.SendKeys(`#ov-trustees-q`, p.words))
		s.until(chair, p.id+" found", `document.querySelectorAll("#ov-trustees input[value=`+p.id+`]").length === 1`)
		s.click(chair, `#ov-trustees input[value=`+p.id+`]`)
		eval[bool](s, chair, `(function (e) { e.value = ""; return true; })(document.querySelector("#ov-trustees-q"))`)
	}
	s.until(chair, "sec kept", `document.querySelector("#ov-trustees input[value=sec]").checked`)
	// Sending the vote's form is no search: the script asks nothing of
	// the trustees' choices then.
	eval[bool](s, chair, `(function () { var f = window.fetch; window.searches = 0; window.fetch = function (u) { if (String(u).indexOf("/choices/") >= 0) window.searches++; return f.apply(this, arguments); }; return true; })()`)
	s.click(chair, `button[data-key="v"]`)
	s.until(chair, "the console waits for the key", contains(".next", "waiting for the trustees to make the election key (keys 0 of 2"))
	if n := eval[int](s, chair, `window.searches`); n != 0 {
		t.Errorf("sending the vote's form searched the trustees %d times", n)
	}
	setup := read(h, func(st *assembly.State) assembly.EncryptedSetup { return st.Votes["v1"].Encrypted.EncryptedSetup })
	if strings.Join(setup.Trustees, ",") != "sec,clara" || setup.Quorum != 2 {
		t.Fatalf("the vote opened with %v, %d needed", setup.Trustees, setup.Quorum)
	}
}

// TestBrowserEncryptedDraftsVote: a vote between competing drafts, opened
// encrypted as the console's drafts form now offers: the delegates'
// encrypted ballots name the drafts, the trustees decrypt, and the draft
// most voted for is the basis.
func TestBrowserEncryptedDraftsVote(t *testing.T) {
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: ballotModule(t)}, nil)
	h.setup()
	h.must("chair", "move_motion", obj{"id": "m2", "kind": "substantive", "title": "The members' draft", "item": "i1"})
	h.must("chair", "group_alternatives", obj{"id": "g1", "title": "The budget drafts", "motions": []string{"m1", "m2"}})
	trustees := []string{"sec", "mc"}
	s := newSession(t, h)
	chair := s.open("chair", 1280, 900, "/a/coop/chair")
	choose(s, chair, "#og-method-g1", "encrypted")
	s.until(chair, "the fields open with the method", `document.querySelector("#og1-enc").open`)
	for _, tr := range trustees {
		s.click(chair, `#og1-enc input[name="a:trustees:list"][value="`+tr+`"]`)
	}
	s.click(chair, `form:has(#og1-enc) button[data-key="v"]`)
	s.until(chair, "the console waits for the key", contains(".next", "waiting for the trustees to make the election key (keys 0 of 2"))

	step := browserCeremony(t, s, "task-v1", trustees, trustees)
	step("deal")
	step("confirm")
	for d, i := range map[string]int{"anna": 1, "boris": 1, "clara": 0} {
		p := s.open(d, 800, 900, "/a/coop/delegate")
		s.until(p, "the encrypted ballot", `!!document.querySelector("form.encrypted-ballot")`)
		if d == "anna" && !eval[bool](s, p, `document.querySelector("form.encrypted-ballot").innerText.includes("The members' draft")`) {
			t.Errorf("the encrypted ballot does not name the drafts:\n%s", eval[string](s, p, `document.querySelector("form.encrypted-ballot").innerText`))
		}
		s.click(p, fmt.Sprintf(`form.encrypted-ballot button.choice[value="%d"]`, i))
		s.confirmEncrypted(p, `form.encrypted-ballot`)
		s.until(p, "the tracker", `!!document.querySelector("#receipt-slot #ballot-tracker")`)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	step("decrypt")
	if chosen := read(h, func(st *assembly.State) string { return st.Alternatives["g1"].Chosen }); chosen != "m2" {
		res := read(h, func(st *assembly.State) *assembly.Result { return st.Votes["v1"].Result })
		t.Fatalf("the basis chosen is %q, want m2; the result %+v", chosen, res)
	}
}
