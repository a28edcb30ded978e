package web_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"plenum/assembly"
)

// TestCountdownIsTheRecordsSpeakingTime: the pages count a turn down from
// the speaking time the record judges its overtime by
// (assembly.State.TurnLimit), not from the rules' speaking time for every
// turn: a report has no limit (elapsed time), an interposed question the
// rules' intervention time, and a speech resumed after a question runs
// on by the time the question took.
func TestCountdownIsTheRecordsSpeakingTime(t *testing.T) {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"speaking_time_seconds": 300, "intervention_seconds": 60}})
	h.must("chair", "add_item", obj{"id": "i2", "title": "The accounts", "reporters": []string{"anna"}})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	chair := h.browser("chair")
	countdown := regexp.MustCompile(`<span class="countdown" data-countdown data-from="(\d+)" data-ends="(\d+)"`)
	clock := func(step string) (from, ends int64) {
		t.Helper()
		_, page, _ := chair.get("/a/coop/chair?fragment=live")
		m := countdown.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no countdown on the console", step)
		}
		from, _ = strconv.ParseInt(m[1], 10, 64)
		ends, _ = strconv.ParseInt(m[2], 10, 64)
		return from, ends
	}
	turn := func(person string) assembly.Turn {
		return read(h, func(s *assembly.State) assembly.Turn {
			ts := s.Items["i2"].Floor.Turns
			for i := len(ts) - 1; i >= 0; i-- {
				if ts[i].Person == person {
					return ts[i]
				}
			}
			t.Fatalf("no turn of %s", person)
			return assembly.Turn{}
		})
	}

	h.must("chair", "give_floor", obj{"item": "i2", "person": "anna"})
	if _, ends := clock("the report"); ends != 0 {
		t.Errorf("the report counts down to %d; the record gives a report no limit", ends)
	}
	h.must("chair", "end_speech", obj{"item": "i2"})

	h.must("boris", "request_floor", obj{"item": "i2", "person": "boris"})
	h.must("chair", "give_floor", obj{"item": "i2"})
	if from, ends := clock("the speech"); ends-from != 300_000 {
		t.Errorf("the speech counts down %d ms, want the rules' 300 s", ends-from)
	}
	h.must("clara", "request_floor", obj{"item": "i2", "person": "clara", "kind": "question"})
	h.must("chair", "give_floor", obj{"item": "i2"})
	if from, ends := clock("the question"); ends-from != 60_000 {
		t.Errorf("the interposed question counts down %d ms, want the rules' intervention time of 60 s", ends-from)
	}
	h.at = h.at.Add(20 * time.Second)
	h.must("chair", "end_speech", obj{"item": "i2"})
	b := turn("boris")
	if b.Paused < 20 {
		t.Fatalf("the question paused boris's speech %d s", b.Paused)
	}
	from, ends := clock("the speech resumed")
	if want := b.From.Add(time.Duration(b.Paused) * time.Second).UnixMilli(); from != want || ends-from != 300_000 {
		t.Errorf("boris resumed after a question of %d s: the countdown runs from %d to %d, want from %d for 300 s", b.Paused, from, ends, want)
	}
}
