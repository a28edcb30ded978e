package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"plenum/assembly"
)

// TestSetupFormsSentAtOnce: the set-up forms make their ids from the
// names typed, from the readers' state, so forms sent at once by
// organisers (namesakes: the roster tells persons apart by id, not by
// name) clash over the id; each is made again with the next free id, and every
// form sent is recorded, none refused. Before, the second of two was
// refused ("there is already …").
func TestSetupFormsSentAtOnce(t *testing.T) {
	h := newHall(t)
	admin := h.adminBrowser()
	tok := admin.token("/a/coop/setup-people")
	before := read(h, func(s *assembly.State) int { return len(s.Persons) })
	const n = 8
	var wg sync.WaitGroup
	statuses := make([]string, n)
	start := make(chan struct{})
	for i := range n {
		form := url.Values{"csrf": {tok}, "key": {fmt.Sprintf("k-person-%d", i)}, "cmd": {"add_person"}, "name": {"Ivan Petrov"}, "back": {"/a/coop/setup-people"}}
		wg.Go(func() {
			<-start
			resp := admin.post("/a/coop/setup", form, nil)
			if f := flashCookie(resp); resp.StatusCode != http.StatusSeeOther || f == "" || f[:3] != "ok:" {
				statuses[i] = resp.Status + " " + f
			}
		})
	}
	close(start)
	wg.Wait()
	for i, s := range statuses {
		if s != "" {
			t.Errorf("form %d: %s", i+1, s)
		}
	}
	if got := read(h, func(s *assembly.State) int { return len(s.Persons) }); got != before+n {
		t.Errorf("%d persons recorded of %d forms sent at once", got-before, n)
	}
}
