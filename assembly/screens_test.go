package assembly

import (
	"strings"
	"testing"
	"time"
)

func TestScreenRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{name: "by a delegate", do: step{"m1", "set_screen", `{"screen":"hall","show":"message","message":"Vote for me"}`}, code: ErrForbidden, msg: "only the chair or a secretary says what the screens show"},
		{name: "bad show", do: step{"ann", "set_screen", `{"screen":"hall","show":"everything"}`}, code: ErrInvalid, msg: `set_screen: the field "show" must be one of business, agenda, message, not "everything"`},
		{name: "bad id", do: step{"ann", "set_screen", `{"screen":"Press Room","show":"business"}`}, code: ErrInvalid, msg: `set_screen: "Press Room" in the field "screen" is not a valid id: 'P' is not allowed; use lower case letters, digits, '-' and '_'`},
		{name: "message only without one", do: step{"ann", "set_screen", `{"screen":"hall","show":"message"}`}, code: ErrInvalid, msg: "a screen that shows only the message needs a message"},
		{name: "long message", do: step{"ann", "set_screen", `{"screen":"hall","show":"business","message":"` + strings.Repeat("x", 501) + `"}`}, code: ErrInvalid, msg: "the message is longer than 500 characters; a screen is read from the back of the hall"},
		{name: "countdown by a delegate", do: step{"m1", "set_countdown", `{"screen":"hall","seconds":60}`}, code: ErrForbidden, msg: "only the chair or a secretary starts a countdown on the screens"},
		{name: "countdown too long", do: step{"ann", "set_countdown", `{"screen":"hall","seconds":86401}`}, code: ErrInvalid, msg: "a countdown runs at most a day (86400 seconds), not 86401"},
		{name: "stop none", do: step{"ann", "set_countdown", `{"screen":"hall","seconds":0}`}, code: ErrConflict, msg: "no countdown runs on this screen; give the seconds to start one"},
		{name: "negative", do: step{"ann", "set_countdown", `{"screen":"hall","seconds":-1}`}, code: ErrInvalid, msg: `set_countdown: the field "seconds" must not be negative`},
	})
}

func TestScreens(t *testing.T) {
	h := fixture(t, "congress", "")
	if sc := h.s.ScreenOf("hall"); sc.Show != ShowBusiness || sc.Message != "" {
		t.Fatalf("a screen nobody set: %+v", sc)
	}
	records := len(h.s.Record)
	h.must("ben", "set_screen", `{"screen":"press","name":"Press room","show":"message","message":"The sitting resumes at 14:00."}`)
	h.must("ann", "set_countdown", `{"screen":"hall","label":"Break","seconds":900}`)
	at := h.clock
	press, hall := h.s.ScreenOf("press"), h.s.ScreenOf("hall")
	if press.Name != "Press room" || press.Show != ShowMessage || press.Message != "The sitting resumes at 14:00." {
		t.Errorf("press: %+v", press)
	}
	if hall.Show != ShowBusiness || hall.CountdownLabel != "Break" || !hall.CountdownFrom.Equal(at) || !hall.CountdownEnds.Equal(at.Add(15*time.Minute)) {
		t.Errorf("hall: %+v", hall)
	}
	// The name stays when not given again; the countdown stops.
	h.must("ann", "set_screen", `{"screen":"press","show":"agenda"}`)
	h.must("ann", "set_countdown", `{"screen":"hall","seconds":0}`)
	if press := h.s.ScreenOf("press"); press.Name != "Press room" || press.Show != ShowAgenda || press.Message != "" {
		t.Errorf("press after: %+v", press)
	}
	if hall := h.s.ScreenOf("hall"); !hall.CountdownEnds.IsZero() || hall.CountdownLabel != "" {
		t.Errorf("hall after: %+v", hall)
	}
	if got := h.s.ScreenOrder; len(got) != 2 || got[0] != "press" || got[1] != "hall" {
		t.Errorf("screen order %v", got)
	}
	if len(h.s.Record) != records {
		t.Errorf("the screens wrote %d entries into the minutes", len(h.s.Record)-records)
	}
}
