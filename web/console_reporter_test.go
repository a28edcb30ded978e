package web_test

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestConsoleOffersTheReporter: on taking up an item with a reporter the
// console's next act gives the reporter the floor, before those on the
// list; once the discussion is closed it offers the reporter's summary,
// and its form gives it (give_floor with summary) before the item is
// closed. It offered the first on the list, and after the discussion
// "Close the item".
func TestConsoleOffersTheReporter(t *testing.T) {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The accounts", "reporters": []string{"anna"}})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	h.must("boris", "request_floor", obj{"item": "i2", "person": "boris"})
	chair := h.browser("chair")
	next := regexp.MustCompile(`(?s)<div class="next">(.*?)</div>`)
	nextAct := func() string {
		t.Helper()
		_, body, _ := chair.get("/a/coop/chair")
		m := next.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no next act on the console:\n%s", body)
		}
		return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], ""))
	}
	if got := nextAct(); !strings.Contains(got, "Give the floor to the reporter, Anna Arkadyevna") {
		t.Errorf("the item taken up: the next act is %q, not the reporter's report", got)
	}
	if resp := chair.act("chair", "give_floor", url.Values{"a:item": {"i2"}, "a:person": {"anna"}}); resp.StatusCode != 303 {
		t.Fatalf("give_floor to the reporter: %d", resp.StatusCode)
	}
	h.must("chair", "end_speech", obj{"item": "i2"})
	if got := nextAct(); !strings.Contains(got, "Give the floor to Boris Borisov") {
		t.Errorf("after the report: the next act is %q, not the first on the list", got)
	}
	h.must("chair", "give_floor", obj{"item": "i2"})
	h.must("chair", "end_speech", obj{"item": "i2"})
	h.must("chair", "close_discussion", obj{"item": "i2"})
	if got := nextAct(); !strings.Contains(got, "The reporter sums up: give the floor to Anna Arkadyevna") {
		t.Errorf("the discussion closed: the next act is %q, not the reporter's summary", got)
	}
	if resp := chair.act("chair", "give_floor", url.Values{"a:item": {"i2"}, "a:person": {"anna"}, "a:summary:bool": {"1"}}); resp.StatusCode != 303 {
		t.Fatalf("give_floor with summary: %d", resp.StatusCode)
	}
	kind := read(h, func(s *assembly.State) string { ts := s.Items["i2"].Floor.Turns; return ts[len(ts)-1].Kind })
	if kind != "summary" {
		t.Fatalf("the console's summary gave a turn of kind %q", kind)
	}
	h.must("chair", "end_speech", obj{"item": "i2"})
	if got := nextAct(); strings.Contains(got, "reporter") {
		t.Errorf("after the summary: the next act is %q, the reporter again", got)
	}
}
