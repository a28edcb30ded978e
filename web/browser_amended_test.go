package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserAmendedText: on a phone, a laptop and a projector's screen,
// the motion's page heads the text as amended once an amendment is
// carried; during the vote on the motion the projector, the console and
// the delegate's ballot show it; after the vote the page heads the text
// as carried.
func TestBrowserAmendedText(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := amendedHall(t)
	s := newSession(t, h)
	motion := "/a/" + asm + "/motions/w"
	for _, sz := range screenSizes {
		p := s.open("anna", sz.w, sz.h, motion)
		s.until(p, "the text as amended heads the page", contains("#motion-text h2", "The text as amended")+" && "+contains("#motion-text .lines", warIns))
		s.shot(p, fmt.Sprintf("amended-1-motion-%d", sz.w))
		// The text as moved, with the carried change marked, unfolded.
		eval[bool](s, p, `(document.querySelector(".as-moved").open = true)`)
		s.until(p, "the text as moved shows the change", `document.querySelector(".as-moved del") && document.querySelector(".as-moved ins").offsetHeight > 0`)
		s.shot(p, fmt.Sprintf("amended-1-motion-changes-%d", sz.w))
	}
	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "roll_call"})
	for _, sz := range screenSizes {
		p := s.open("", sz.w, sz.h, "/a/"+asm+"/projector")
		s.until(p, "the projector shows the text as amended", contains(".proj-text", warIns)+" && "+contains(".proj-amended", "Sevruk"))
		s.shot(p, fmt.Sprintf("amended-2-projector-%d", sz.w))
		c := s.open("chair", sz.w, sz.h, "/a/"+asm+"/chair")
		s.until(c, "the console shows the text as amended", contains("#question .amended-now", warIns))
		s.shot(c, fmt.Sprintf("amended-3-console-%d", sz.w))
	}
	d := s.open("anna", 360, 740, "/a/"+asm+"/delegate")
	s.until(d, "the ballot offers the text as amended", contains(".motion-details summary", "The text as amended"))
	s.shot(d, "amended-4-delegate-360")
	for _, who := range delegates {
		h.must(who, "cast_ballot", obj{"vote": "vw", "voter": who, "choice": "for"})
	}
	h.must("chair", "close_vote", obj{"vote": "vw"})
	h.must("chair", "declare_result", obj{"vote": "vw"})
	for _, sz := range screenSizes {
		p := s.open("anna", sz.w, sz.h, motion)
		s.until(p, "the text as carried heads the page", contains("#motion-text h2", "The text as carried")+" && "+contains("#motion-text .lines", warIns))
		s.shot(p, fmt.Sprintf("amended-5-carried-%d", sz.w))
	}
}
