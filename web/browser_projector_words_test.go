package web_test

import (
	"testing"
)

// brokenWords lists the words on the projector's page (what stands
// between spaces and hyphens, where a line may break) that the page
// shows split over two lines or running out of the window, as the
// browser laid them out: each word's own boxes (Range.getClientRects),
// one per line it is on.
const brokenWords = `(function () {
	var out = [], w = document.createTreeWalker(document.querySelector("#proj"), NodeFilter.SHOW_TEXT);
	for (var n = w.nextNode(); n; n = w.nextNode()) {
		var re = /[^\s\-\u2010]+/g, m;
		while ((m = re.exec(n.data))) {
			var r = document.createRange();
			r.setStart(n, m.index);
			r.setEnd(n, m.index + m[0].length);
			var rects = Array.from(r.getClientRects()).filter(function (x) { return x.width > 0; });
			if (!rects.length) continue;
			var tops = new Set(rects.map(function (x) { return Math.round(x.top); }));
			var b = r.getBoundingClientRect();
			if (tops.size > 1) out.push(m[0] + " split over " + tops.size + " lines");
			else if (b.left < -0.5 || b.right > window.innerWidth + 0.5) out.push(m[0] + " runs out of the window (" + Math.round(b.left) + "–" + Math.round(b.right) + " of " + window.innerWidth + ")");
		}
	}
	return out;
})()`

// TestBrowserProjectorKeepsWordsWhole: on a phone (360 px), a laptop
// and a projector, the projector's page shows an item and a motion whose
// titles hold long German compounds with every word whole on one line —
// the type made smaller until it fits, not the word broken mid-word or cut
// off — while the vote is open and once its result is declared, and the
// page still fits its window. The titles stay readable: no smaller than
// 12 px. Their screenshots are saved ($PLENUM_SCREENSHOTS).
func TestBrowserProjectorKeepsWordsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			h.must("chair", "add_item", obj{"id": "i2", "number": "2", "title": "Geschäftsordnungsänderungen der Mitgliederversammlung"})
			h.must("chair", "take_up_item", obj{"item": "i2"})
			h.must("anna", "move_motion", obj{"id": "m2", "kind": "substantive", "item": "i2",
				"title": "Beitragsordnungsänderungsantrag des Landesverbandes", "text": "Die Beitragsordnung wird geändert."})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m2", "method": "show_of_hands"})
			s := newSession(t, h)
			proj := s.open("", sz.w, sz.h, "/a/coop/projector")
			check := func(what, shot string) {
				t.Helper()
				s.fits(proj, what)
				if broken := eval[[]string](s, proj, brokenWords); len(broken) > 0 {
					t.Errorf("%s at %dx%d: words broken on the projector: %q", what, sz.w, sz.h, broken)
				}
				sizes := eval[[]float64](s, proj, `["#proj h1", "#proj .proj-question, #proj figcaption"].map(function (sel) { return parseFloat(getComputedStyle(document.querySelector(sel)).fontSize); })`)
				t.Logf("%s at %dx%d: the item's title in %.1f px, the motion's in %.1f px (scale %s)", what, sz.w, sz.h, sizes[0], sizes[1],
					eval[string](s, proj, `document.body.getAttribute("data-fit-scale")`))
				for i, px := range sizes {
					if px < 12 {
						t.Errorf("%s at %dx%d: title %d in %.1f px, too small to read", what, sz.w, sz.h, i, px)
					}
				}
				s.shotView(proj, sz.name+"-projector-"+shot)
			}
			s.until(proj, "the vote on the motion", contains("#proj .proj-question", "Beitragsordnungsänderungsantrag"))
			check("the open vote", "long-words-vote")

			h.must("chair", "close_vote", obj{"vote": "v2"})
			h.must("chair", "enter_count", obj{"vote": "v2", "for": 3, "against": 0})
			h.must("chair", "declare_result", obj{"vote": "v2"})
			s.until(proj, "the result", contains("#proj figcaption", "Beitragsordnungsänderungsantrag"))
			check("the result", "long-words-result")
		})
	}
}
