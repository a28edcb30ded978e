package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserSpeakingTimeForm: the console's form to set the speaking
// time on the item (REVIEW-CHAIR #11), opened with the speakers' list,
// keeps the console within a phone's screen, a laptop's and a wide one's,
// and passes axe-core. The screenshots are saved to look at.
func TestBrowserSpeakingTimeForm(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	h := tourHall(t)
	s := newSession(t, h)
	for _, w := range []int64{360, 1280, 1920} {
		p := s.open("chair", w, 800, "/a/coop/chair")
		eval[bool](s, p, `document.querySelectorAll("main details").forEach(d => d.open = true); true`)
		if n := eval[int](s, p, `document.querySelectorAll('input[value="set_speaking_time"]').length`); n != 1 {
			t.Errorf("%d px: %d forms to set the speaking time, want 1", w, n)
		}
		if wide := eval[int64](s, p, `document.documentElement.scrollWidth`); wide > w {
			t.Errorf("the console with the speaking time's form is %d px wide on a %d px screen", wide, w)
		}
		if w == 360 {
			s.axe(p, "chair-speaking-time", axeSrc)
		}
		eval[bool](s, p, `document.querySelector('input[value="set_speaking_time"]').form.scrollIntoView(); true`)
		s.shotView(p, fmt.Sprintf("speakingtime-%d", w))
	}
}
