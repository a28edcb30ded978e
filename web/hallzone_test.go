package web_test

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Madrid on any machine

	"plenum/web"
)

// TestHallDateAndClockInItsZone: the pages show the time of day, and
// the form that opens a sitting its date, in the hall's time zone
// (Options.Location: plenum serve --time-zone), not the server's: at
// 23:30 UTC on 6 December it is 00:30 on the 7th in Madrid, and the
// projector's clock, and the offset its script runs on, say so.
func TestHallDateAndClockInItsZone(t *testing.T) {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC)
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Location: madrid, Now: func() time.Time { return now }}, nil)
	h.setup()
	_, proj, _ := h.browser("").get("/a/coop/projector")
	if !strings.Contains(proj, `data-zone="60"`) || !strings.Contains(proj, ">00:30</time>") {
		t.Errorf("the projector's clock is not Madrid's (00:30, UTC+1):\n%s", proj[strings.Index(proj, "proj-clock"):][:200])
	}
	h.must("chair", "close_sitting", obj{"sitting": "s1"})
	_, page, _ := h.browser("chair").get("/a/coop/chair/sitting")
	if !strings.Contains(page, `name="a:date" type="date" value="2026-12-07"`) {
		t.Errorf("the new sitting's date is not the hall's (2026-12-07):\n%s", page[strings.Index(page, `id="s-date"`):][:120])
	}
}
