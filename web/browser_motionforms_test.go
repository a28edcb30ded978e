package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
)

// TestBrowserMotionsFormsKeptAndDeadlinePicked: in Chromium, at 360 and
// 1280 px, the chair picks the deadline for motions as a day and a time
// (the script sends it), recorded as that time in the zone the form
// names; a delegate whose motion, sent without the script, is refused
// (its title left out) gets the page back with the text, the reasons and
// the delegation they gave.
func TestBrowserMotionsFormsKeptAndDeadlinePicked(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newCongressHall(t)
	s := newSession(t, h)
	for i, size := range [][2]int64{{360, 740}, {1280, 900}} {
		w := size[0]
		eva := s.openWith("eva", w, size[1], "/a/coop/motions", false)
		s.click(eva, `#motions-setup summary`)
		picked := fmt.Sprintf("2027-01-%02dT18:00", 15+i)
		s.run(eva, "pick the deadline", chromedp.SetValue(chromedp.CSS(`#md-deadline`), picked))
		s.shot(eva, fmt.Sprintf("motionforms-1-deadline-%d", w))
		s.click(eva, `form.set-deadline button[type=submit]`)
		s.until(eva, "the deadline is set", contains("#flash", "The deadline for motions was set"))
		want, _ := time.ParseInLocation("2006-01-02T15:04", picked, time.Local)
		if got := read(h, func(st *assembly.State) time.Time { return st.Submission.Deadline }); !got.Equal(want) {
			t.Errorf("%d px: %s picked, the deadline is %s", w, picked, got)
		}

		bruno := s.openWith("bruno", w, size[1], "/a/coop/motions", false)
		s.run(bruno, "write a motion without its title", chromedp.SetValue(chromedp.CSS(`#sm-for`), "berlin"),
			chromedp.SetValue(chromedp.CSS(`#sm-text`), "The congress asks for a shorter week."), chromedp.SetValue(chromedp.CSS(`#sm-reason`), "Typed at length"))
		// Sent as a browser without the script sends it (submit() fires
		// no submit event, and skips the check of required fields).
		s.run(bruno, "send it without the script", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.querySelector("#submit form").submit(), true`)(ctx, t)
			return err
		}))
		s.until(bruno, "the page comes back with the motion typed", `document.querySelector("#sm-text") && document.querySelector("#sm-text").value === "The congress asks for a shorter week." && document.querySelector("#sm-for").value === "berlin" && document.querySelector("#sm-reason").value === "Typed at length"`)
		s.until(bruno, "the refusal is shown", contains("#flash", "Refused"))
		s.shot(bruno, fmt.Sprintf("motionforms-2-kept-%d", w))
	}
}
