package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestHallCountsAsTheQuorum: the hall tab counts who is in the hall as
// the quorum beside it does (assembly.Presence): those who left unnamed
// are taken from those in the hall and added to those out of it, and to
// the walked out when they walked out. It said "In the hall: 23. Out of
// the hall: 7 (of them 3 unnamed). Walked out: 4." beside "Quorum: 20
// voting members present" after seven walked out.
func TestHallCountsAsTheQuorum(t *testing.T) {
	h := newHall(t)
	h.must("sec", "leave_hall", obj{"persons": []string{"boris"}, "unnamed": 1, "walkout": true})
	_, page, _ := h.browser("chair").get("/a/coop/chair/hall")
	m := regexp.MustCompile(`(?s)<section id="hall".*?</section>`).FindString(page)
	got := strings.Join(strings.Fields(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m, " "))), " ")
	present := read(h, func(s *assembly.State) int { return s.PresentMembers() })
	if present != 1 {
		t.Fatalf("anna, boris and clara present, boris and one unnamed walked out: %d present for the quorum, want 1", present)
	}
	for _, want := range []string{"In the hall: 1 .", "Out of the hall: 2 (of them 1 unnamed).", "Walked out: 2.", "1 voting member present"} {
		if !strings.Contains(got, want) {
			t.Errorf("the hall tab's attendance lacks %q: %s", want, got)
		}
	}
}
