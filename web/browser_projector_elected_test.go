package web_test

import (
	"testing"
)

// electedLayout is how the projector lays out an election's result: for
// each name elected, the lines it takes; whether two names' boxes
// overlap; and the font sizes of the rows of the lists' votes.
const electedLayout = `(function () {
	var names = Array.from(document.querySelectorAll("#proj .proj-names li"));
	var lines = names.map(function (li) {
		var r = document.createRange();
		r.selectNodeContents(li);
		return new Set(Array.from(r.getClientRects()).filter(function (x) { return x.width > 0; }).map(function (x) { return Math.round(x.top); })).size;
	});
	var boxes = names.map(function (li) {
		var r = document.createRange();
		r.selectNodeContents(li);
		return r.getBoundingClientRect();
	});
	var overlaps = [];
	for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
		var a = boxes[i], b = boxes[j];
		if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(names[i].textContent + " / " + names[j].textContent);
	}
	var rows = Array.from(document.querySelectorAll("#proj .proj-prefs li")).map(function (li) { return getComputedStyle(li).fontSize; });
	return {lines: lines, overlaps: overlaps, rows: rows, names: names.map(function (li) { return li.textContent; })};
})()`

// TestBrowserProjectorElectedEvenly: the projector's result of an
// election by lists on a laptop and a projector (chair review #16): each
// name elected stands whole on one line ("L. B. Kamenev", not "L. B." over
// "Kamenev"), no name runs into the next one's number, and the lists'
// rows of votes are in one size ("Internationalists 14" not made smaller
// than "Revolutionary defensists 7" on its own). Screenshots are saved
// ($PLENUM_SCREENSHOTS).
func TestBrowserProjectorElectedEvenly(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes[1:] {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			h.must("chair", "add_item", obj{"id": "i2", "number": "5a", "title": "Election of the conciliation committee"})
			h.must("chair", "take_up_item", obj{"item": "i2"})
			for id, name := range map[string]string{"kamenev": "L. B. Kamenev", "miliutin": "V. P. Miliutin", "stalin": "J. V. Stalin", "voitinsky": "V. S. Voitinsky", "sevruk": "K. A. Sevruk"} {
				h.must("admin", "add_person", obj{"id": id, "name": name})
			}
			h.must("chair", "open_election", obj{"id": "e2", "title": "Conciliation committee (second election)", "seats": 4, "method": "hare",
				"lists": []obj{{"id": "l1", "name": "Internationalists", "candidates": []string{"kamenev", "miliutin", "stalin"}},
					{"id": "l2", "name": "Revolutionary defensists", "candidates": []string{"voitinsky", "sevruk"}}}})
			h.must("anna", "cast_election_ballot", obj{"election": "e2", "voter": "anna", "list": "l1"})
			h.must("boris", "cast_election_ballot", obj{"election": "e2", "voter": "boris", "list": "l1"})
			h.must("clara", "cast_election_ballot", obj{"election": "e2", "voter": "clara", "list": "l2"})
			h.must("chair", "close_election", obj{"election": "e2"})
			h.must("chair", "declare_election", obj{"election": "e2"})
			s := newSession(t, h)
			proj := s.open("", sz.w, sz.h, "/a/coop/projector")
			s.until(proj, "the names elected", contains("#proj .proj-names", "Kamenev"))
			s.fits(proj, "the election's result")
			got := eval[struct {
				Lines    []int
				Overlaps []string
				Rows     []string
				Names    []string
			}](s, proj, electedLayout)
			t.Logf("%dx%d: names %q on %v lines, rows in %v (scale %s)", sz.w, sz.h, got.Names, got.Lines, got.Rows,
				eval[string](s, proj, `document.body.getAttribute("data-fit-scale")`))
			for i, n := range got.Lines {
				if n != 1 {
					t.Errorf("%dx%d: %q is on %d lines", sz.w, sz.h, got.Names[i], n)
				}
			}
			if len(got.Overlaps) > 0 {
				t.Errorf("%dx%d: names run into each other: %q", sz.w, sz.h, got.Overlaps)
			}
			for _, r := range got.Rows {
				if r != got.Rows[0] {
					t.Errorf("%dx%d: the lists' rows in sizes %v", sz.w, sz.h, got.Rows)
					break
				}
			}
			s.shotView(proj, sz.name+"-projector-elected")
		})
	}
}

// brokenIn lists the words in the elements the selector finds that the
// page shows split over two lines, as brokenWords does for the projector.
const brokenIn = `(function (sel) {
	var out = [];
	document.querySelectorAll(sel).forEach(function (el) {
		var w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (var n = w.nextNode(); n; n = w.nextNode()) {
			var re = /[^\s\-\u2010]+/g, m;
			while ((m = re.exec(n.data))) {
				var r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				var tops = new Set(Array.from(r.getClientRects()).filter(function (x) { return x.width > 0; }).map(function (x) { return Math.round(x.top); }));
				if (tops.size > 1) out.push(m[0]);
			}
		}
	});
	return out;
})`

// TestBrowserListNamesWholeOnPhone: on a phone (360 px) the delegate's
// ballot of an election by lists shows each list's name whole beside its
// candidates ("Internationalists", not "Internatio|nalists", chair review
// #24), and the elections tab names a list once where its tendency has
// its name (#22), its tendency where it is another.
func TestBrowserListNamesWholeOnPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	for id, name := range map[string]string{"kamenev": "L. B. Kamenev", "miliutin": "V. P. Miliutin", "voitinsky": "V. S. Voitinsky", "yakhontov": "Yakhontov"} {
		h.must("admin", "add_person", obj{"id": id, "name": name})
	}
	h.must("admin", "add_organization", obj{"id": "intl", "name": "Internationalists", "kind": "tendency"})
	h.must("admin", "add_organization", obj{"id": "def", "name": "Defensists", "kind": "tendency"})
	h.must("chair", "open_election", obj{"id": "e2", "title": "Conciliation committee", "seats": 4, "method": "hare",
		"lists": []obj{{"id": "l1", "name": "Internationalists", "tendency": "intl", "candidates": []string{"kamenev", "miliutin"}},
			{"id": "l2", "name": "Revolutionary defensists", "tendency": "def", "candidates": []string{"voitinsky", "yakhontov"}}}})
	s := newSession(t, h)
	anna := s.open("anna", 360, 740, "/a/coop/delegate")
	s.until(anna, "the ballot", contains("form.ballot", "Internationalists"))
	if broken := eval[[]string](s, anna, brokenIn+`("form.ballot label")`); len(broken) > 0 {
		t.Errorf("words broken on the phone's ballot: %q", broken)
	}
	s.shotView(anna, "phone-delegate-lists")
	chair := s.open("chair", 360, 740, "/a/coop/chair/elections")
	s.until(chair, "the lists", contains("#elections", "Revolutionary defensists"))
	if broken := eval[[]string](s, chair, brokenIn+`("#elections li")`); len(broken) > 0 {
		t.Errorf("words broken on the phone's elections tab: %q", broken)
	}
	lists := eval[[]string](s, chair, `Array.from(document.querySelectorAll("#election-e2 ul li")).map(function (li) { return li.textContent; })`)
	// Four seats and two names a list: each list is warned of as short.
	want := []string{"Internationalists: L. B. Kamenev, V. P. Miliutin (only 2 names)", "Revolutionary defensists (Defensists): V. S. Voitinsky, Yakhontov (only 2 names)"}
	if len(lists) != 2 || lists[0] != want[0] || lists[1] != want[1] {
		t.Errorf("the lists read %q, want %q", lists, want)
	}
	s.shotView(chair, "phone-chair-elections-lists")
}

// TestBrowserRefusedReceiptKeepsFocus: a delegate who asks for the
// receipt of a secret ballot with a wrong code, while another vote is
// open, finds the focus on the refusal, not on the new ballot's heading
// (review M4).
func TestBrowserRefusedReceiptKeepsFocus(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Adopt the minutes?", "method": "roll_call"})
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.until(p, "the form for a receipt", `!!document.querySelector("form.secret-receipt")`)
	eval[bool](s, p, `(function(){document.getElementById("sr-token").value="AAAAAAAAAAAAAAAAAAAAAAAAAA";document.querySelector("form.secret-receipt").submit();return true})()`)
	s.until(p, "the refusal", `!!document.querySelector("#flash [role=alert]") && document.readyState === "complete"`)
	s.until(p, "the focus on the refusal", `document.activeElement === document.querySelector("#flash [role=alert]")`)
}

// TestBrowserReceiptFocusRingOnScreen: on a phone, the receipt brought
// into the page after a ballot is scrolled to the top of the screen with
// room for its heading's focus ring (review L8: the ring was cut off at
// y=0).
func TestBrowserReceiptFocusRingOnScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.castFor(p)
	s.until(p, "the receipt, focused", `document.activeElement && document.activeElement.id === "h-receipt-top"`)
	s.until(p, "the page scrolled to the receipt", `window.scrollY > 0`)
	if top := eval[float64](s, p, `document.activeElement.getBoundingClientRect().top`); top < 5 {
		t.Errorf("the receipt's heading stands %.1f px from the top of the screen: its focus ring (5 px) is cut off", top)
	}
	s.shotView(p, "phone-receipt-focus")
}
