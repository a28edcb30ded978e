package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// scaleHall is bigHall of n delegates, each with a code issued by the
// server administrator (so that the mandates page offers to revoke
// every one), and a person of member number M-77 whose mandate awaits
// the commission; it answers with the administrator's session.
func scaleHall(t *testing.T, n int) (*hall, string) {
	t.Helper()
	h, _ := bigHall(t, n, 0)
	ctx := context.Background()
	tok := adminSession(t, h)
	persons := make([]string, n)
	for i := range persons {
		persons[i] = "p" + strconv.Itoa(i+1)
	}
	for _, c := range []struct {
		cmd  string
		args any
	}{
		{"issue_access_codes", obj{"persons": persons}},
		{"add_person", obj{"id": "numbered", "name": "Delegate 1", "ref": "M-77"}},
		{"submit_mandate", obj{"id": "m-numbered", "person": "numbered", "organization": "org", "kind": "decisive"}},
	} {
		h.at = h.at.Add(time.Second)
		if _, err := h.eng.Submit(ctx, assembly.Envelope{Cmd: c.cmd, Assembly: asm, Actor: auth.AdminPerson, At: h.at, Args: mustJSON(t, c.args)}); err != nil {
			t.Fatalf("%s: %v", c.cmd, err)
		}
	}
	return h, tok
}

// adminSession is a session of the server administrator in h.
func adminSession(tb testing.TB, h *hall) string {
	tb.Helper()
	ctx := context.Background()
	link, err := h.auth.NewAdminToken(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	_, tok, err := h.auth.LoginAdmin(ctx, link)
	if err != nil {
		tb.Fatal(err)
	}
	return tok
}

// serve gets path as the session tok, and the time it took.
func serve(t *testing.T, h *hall, tok, path string) (string, time.Duration) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: tok})
	w := httptest.NewRecorder()
	start := time.Now()
	h.srv.Config.Handler.ServeHTTP(w, req)
	took := time.Since(start)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", path, w.Code, w.Body)
	}
	return w.Body.String(), took
}

// TestMandatesPageAtScale (REVIEW-scale F2): with more persons than a
// picker lists whole, the mandates page lists a bounded page of each of
// its lists with a search on the server, the cards' and the revocation's
// pickers are searched on the server, and each row shows the member
// number: a page of kilobytes, not the megabytes of every person three
// times over with a form each.
func TestMandatesPageAtScale(t *testing.T) {
	h, tok := scaleHall(t, 2000)
	path := "/a/" + asm + "/mandates"
	body, took := serve(t, h, tok, path)
	t.Logf("mandates page of 2,000 delegates: %d bytes, %v", len(body), took)
	if len(body) > 300_000 {
		t.Errorf("the mandates page is %d bytes", len(body))
	}
	if n := strings.Count(body, "<form"); n > 250 {
		t.Errorf("the mandates page has %d forms", n)
	}
	if n := strings.Count(body, "<option"); n > 100 {
		t.Errorf("the mandates page has %d options", n)
	}
	if n := strings.Count(body, `name="persons"`); n > 120 {
		t.Errorf("the mandates page has %d persons' checkboxes", n)
	}
	for _, want := range []string{
		`/a/` + asm + `/choices/persons`, // the pickers are searched on the server
		`id="find-rev-person"`,           // the revocation's, without a script too
		`id="find-cards-persons"`,
		`name="q"`, // the lists' search
		`M-77`,     // the member number of the mandate to check
		// its holder, who bears the name of p1 too: the number goes
		// with the name (Name), not again beside it
		`Delegate 1 (No. M-77)<`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the mandates page lacks %s", want)
		}
	}
	// A search finds a delegate the first page does not list, in the
	// verified table, with their revocation picker's choice.
	if strings.Contains(body, ">Delegate 999<") {
		t.Fatal("Delegate 999 is on the first page: the test's search proves nothing")
	}
	found, _ := serve(t, h, tok, path+"?q=Delegate+999")
	if !strings.Contains(found, ">Delegate 999<") {
		t.Error("the search of the verified delegates does not find Delegate 999")
	}
	// The verified list goes on page by page; a place that is no
	// number, or past the end, shows the first page.
	if !strings.Contains(body, "Showing 1–100 of 2,000, by name") {
		t.Error("the verified list does not say which of them it shows")
	}
	next, _ := serve(t, h, tok, path+"?at-verified=100")
	if !strings.Contains(next, "Showing 101–200 of 2,000, by name") || !strings.Contains(next, `href="/a/coop/mandates#h-verified">Previous 100</a>`) {
		t.Error("the verified list's second page does not show the next hundred")
	}
	if !strings.Contains(body, `href="/a/coop/mandates?at-verified=100#h-verified">Next 100</a>`) {
		t.Error("the verified list's first page has no link to the next")
	}
	for _, bad := range []string{"x", "-5", "2000", "99999999999999999999"} {
		if page, _ := serve(t, h, tok, path+"?at-verified="+bad); !strings.Contains(page, "Showing 1–100 of 2,000, by name") {
			t.Errorf("at-verified=%s does not show the first page", bad)
		}
	}
	found, _ = serve(t, h, tok, path+"?find-rev-person=Delegate+1999")
	if !strings.Contains(found, `value="p1999"`) {
		t.Error("the revocation picker's search does not find Delegate 1999")
	}
}

// TestMandatesShowTheMemberNumber (REVIEW-scale F2): the mandates page's
// lists name each holder's member number beside the name where the
// record has one, so that namesakes are told apart.
func TestMandatesShowTheMemberNumber(t *testing.T) {
	h := newHall(t)
	h.must("admin", "amend_person", obj{"person": "anna", "ref": "R-1"})
	_, page, _ := h.browser("mc").get("/a/coop/mandates")
	i := strings.Index(page, `id="verified"`)
	if i < 0 {
		t.Fatal("no verified table")
	}
	table := page[i:]
	table = table[:strings.Index(table, "</table>")]
	if !strings.Contains(table, `Anna Arkadyevna <span class="meta">(No. R-1)</span>`) {
		t.Errorf("the verified table does not give Anna's member number:\n%s", table)
	}
}
