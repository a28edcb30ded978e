package web_test

import (
	"strings"
	"testing"
)

// resultLayout measures a declared result on the projector: the font
// sizes of its outcome line, its bars' labels and its arithmetic, and the
// share of the window's width it takes.
const resultLayout = `(function () {
	var px = function (sel) { var el = document.querySelector("#proj " + sel); return el ? parseFloat(getComputedStyle(el).fontSize) : 0; };
	var out = document.querySelector("#proj .proj-outcome");
	return {caption: px(".result figcaption"), label: px(".bar-label"), arithmetic: px(".arithmetic"),
		width: out ? out.getBoundingClientRect().width / window.innerWidth : 0};
})()`

// TestBrowserProjectorResultFromTheBack: with nobody on the floor, a
// declared result takes the projector's width in type the back of a hall
// reads (review 41, L7: the arithmetic was about 22 px at 1920×1080 with
// 40 % of the screen empty), and an approval election's count names all
// seven candidates under "Approvals", the screen still fitting (M2), at
// 1920×1080 and 1280×720. Screenshots are saved ($PLENUM_SCREENSHOTS).
func TestBrowserProjectorResultFromTheBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	for _, sz := range []struct {
		name string
		w, h int64
		min  float64 // the arithmetic's least size in px
	}{{"fullhd", 1920, 1080, 48}, {"hd", 1280, 720, 32}} {
		t.Run(sz.name, func(t *testing.T) {
			h := newHall(t)
			h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
			h.must("chair", "close_vote", obj{"vote": "v1"})
			h.must("chair", "enter_count", obj{"vote": "v1", "for": 2, "against": 1, "abstain": 0})
			h.must("chair", "declare_result", obj{"vote": "v1"})
			s := newSession(t, h)
			proj := s.open("", sz.w, sz.h, "/a/coop/projector")
			s.until(proj, "the result", containsFold("#proj .result", "carried"))
			s.fits(proj, "the result")
			got := eval[struct{ Caption, Label, Arithmetic, Width float64 }](s, proj, resultLayout)
			t.Logf("%dx%d: outcome %.0f px, labels %.0f px, arithmetic %.0f px, %.0f%% of the width", sz.w, sz.h, got.Caption, got.Label, got.Arithmetic, got.Width*100)
			if got.Arithmetic < sz.min || got.Caption < sz.min || got.Label < sz.min {
				t.Errorf("%dx%d: the result in %.0f px (outcome), %.0f px (labels), %.0f px (arithmetic): under %.0f px, too small for the back of a hall", sz.w, sz.h, got.Caption, got.Label, got.Arithmetic, sz.min)
			}
			if got.Width < 0.85 {
				t.Errorf("%dx%d: with nobody on the floor the result takes %.0f%% of the width", sz.w, sz.h, got.Width*100)
			}
			s.shotView(proj, sz.name+"-projector-result-41")

			ids := sevenCandidates(t, h, "approval", nil)
			s.until(proj, "the open election", contains("#proj .proj-seats", "5 seats"))
			s.fits(proj, "the open election")
			s.shotView(proj, sz.name+"-projector-election-open-41")
			for i, d := range delegates {
				h.must(d, "cast_election_ballot", obj{"election": "e1", "voter": d, "approve": ids[i : i+5]})
			}
			h.must("chair", "close_election", obj{"election": "e1"})
			h.must("chair", "declare_election", obj{"election": "e1"})
			s.until(proj, "the count", containsFold("#proj .proj-elected", "Approvals"))
			s.fits(proj, "the approval election's count")
			rows := eval[[]string](s, proj, `Array.from(document.querySelectorAll("#proj .proj-prefs li")).map(function (li) { return li.textContent; })`)
			if len(rows) != 7 || !strings.Contains(strings.Join(rows, "|"), "Gregor Seventh") {
				t.Errorf("%dx%d: the count shows %q, not all seven candidates", sz.w, sz.h, rows)
			}
			s.shotView(proj, sz.name+"-projector-elected-41")
		})
	}
}

// TestBrowserProjectorUnappliedNoteInSight: during the vote on a motion
// whose carried amendment changes no lines, the note that the text shown
// does not include it stands on the projector's screen, above the text,
// in type as large as the text's, the screen fitting (review 41, H1).
func TestBrowserProjectorUnappliedNoteInSight(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := unappliedHall(t)
	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "secret"})
	s := newSession(t, h)
	for _, sz := range []struct {
		name string
		w, h int64
	}{{"fullhd", 1920, 1080}, {"hd", 1280, 720}} {
		proj := s.open("", sz.w, sz.h, "/a/coop/projector")
		s.until(proj, "the note", contains("#proj .proj-unapplied", "does not include it"))
		s.fits(proj, "the vote with the note")
		px := eval[[]float64](s, proj, `[".proj-unapplied", ".proj-text"].map(function (sel) { return parseFloat(getComputedStyle(document.querySelector("#proj " + sel)).fontSize); })`)
		if px[0] < px[1] {
			t.Errorf("%dx%d: the note in %.0f px, smaller than the text's %.0f px", sz.w, sz.h, px[0], px[1])
		}
		if below := eval[bool](s, proj, `document.querySelector("#proj .proj-unapplied").getBoundingClientRect().bottom <= document.querySelector("#proj .proj-text").getBoundingClientRect().top`); !below {
			t.Errorf("%dx%d: the note is not above the text", sz.w, sz.h)
		}
		s.shotView(proj, sz.name+"-projector-unapplied-41")
	}
}
