package web_test

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestConsoleSetsSpeakingTime: the chair sets the speaking time on the
// item from the console, in minutes; the flash says it holds from the
// next speaker, and the next speech counts down from it; no time (0) is
// refused, saying so (REVIEW-CHAIR
// #11: the chair could not change the speaking time in the sitting).
func TestConsoleSetsSpeakingTime(t *testing.T) {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"speaking_time_seconds": 600}})
	chair := h.browser("chair")
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(page, `value="set_speaking_time"`) {
		t.Fatalf("the console does not offer to set the speaking time:\n%s", page)
	}
	chair.act("chair", "set_speaking_time", url.Values{"a:item": {"i1"}, "a:seconds:minutes": {"5"}})
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(flashOf(page), "next speaker") {
		t.Errorf("after setting the speaking time: %s", flashOf(page))
	}
	h.must("boris", "request_floor", obj{"item": "i1", "person": "boris"})
	h.must("chair", "give_floor", obj{"item": "i1"})
	_, page, _ := chair.get("/a/coop/chair?fragment=live")
	m := regexp.MustCompile(`data-from="(\d+)" data-ends="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no countdown on the console")
	}
	from, _ := strconv.ParseInt(m[1], 10, 64)
	ends, _ := strconv.ParseInt(m[2], 10, 64)
	if ends-from != 300_000 {
		t.Errorf("the next speech counts down %d ms, want the 5 minutes set", ends-from)
	}
	chair.act("chair", "set_speaking_time", url.Values{"a:item": {"i1"}, "a:seconds:minutes": {"0"}})
	if _, page, _ := chair.get("/a/coop/chair"); !strings.Contains(flashOf(page), "Refused: The speaking time is a number of seconds greater than 0") {
		t.Errorf("setting no time: %s", flashOf(page))
	}
}
