package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
)

// checkboxesOf returns the values of the checkboxes of the picker of
// several id on page, sorted.
func checkboxesOf(t *testing.T, page, id string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<ul class="plain picker-list" id="` + regexp.QuoteMeta(id) + `"[^>]*>(.*?)</ul>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no list %s on the page:\n%s", id, page)
	}
	var out []string
	for _, o := range regexp.MustCompile(`<input type="checkbox" name="a:persons:list" value="([^"]*)"`).FindAllStringSubmatch(m[1], -1) {
		out = append(out, o[1])
	}
	sort.Strings(out)
	return out
}

// checkInMany adds n persons "Delegate 1" … (ids d1 …) and checks them
// in, so that the hall has more persons than a picker lists whole.
func checkInMany(h *hall, n int) {
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("d%d", i)
		h.must("admin", "add_person", obj{"id": id, "name": fmt.Sprintf("Delegate %d", i)})
		h.must("admin", "check_in", obj{"person": id})
	}
}

// TestHallPickersOfALargeAssembly: the hall tab's pickers (who left the
// hall: those in it; who came back: those registered and out of it) list
// every person of their side up to Options.PickerLimit, as before; above
// it they list none until a search (?find-ID=words, or the script's
// GET …/choices/in-hall, …/out-of-hall) finds them, among that side only.
func TestHallPickersOfALargeAssembly(t *testing.T) {
	small := newHall(t)
	chair := small.browser("chair")
	_, page, _ := chair.get("/a/coop/chair/hall")
	if got := checkboxesOf(t, page, "l-persons"); fmt.Sprint(got) != "[anna boris clara]" || strings.Contains(page, `id="find-l-persons"`) || strings.Contains(page, "data-source") {
		t.Errorf("three in the hall, under the limit: the departure picker lists %v (or is searched on the server)", got)
	}
	if !strings.Contains(page, "Nobody registered present is out of the hall.") {
		t.Errorf("nobody out of the hall, and the page does not say so")
	}
	small.must("chair", "leave_hall", obj{"persons": []string{"boris"}})
	_, page, _ = chair.get("/a/coop/chair/hall")
	if got := checkboxesOf(t, page, "r-persons"); fmt.Sprint(got) != "[boris]" {
		t.Errorf("boris left: the return picker lists %v", got)
	}

	h := newLargeHall(t, 20)
	checkInMany(h, 30)
	chair = h.browser("chair")
	_, page, _ = chair.get("/a/coop/chair/hall")
	if strings.Contains(page, "Delegate ") || strings.Contains(page, `name="a:persons:list" value=`) {
		t.Errorf("33 in the hall, over the limit of 20: the page lists persons before a search:\n%s", page)
	}
	for _, want := range []string{
		`data-source="/a/coop/choices/in-hall"`,
		`<form id="find-l-persons" method="get" action="#l-persons-q"></form>`,
		`Nobody registered present is out of the hall.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the hall tab over the limit lacks %s", want)
		}
	}
	if got := statusOf(t, page, "l-persons"); got != "33 persons: search by name." {
		t.Errorf("the departure picker says %q", got)
	}
	for _, c := range []struct{ query, want, status string }{
		{"zetk", "[clara]", "Found: 1."},
		{"delegate 2", "[d12 d2 d20 d21 d22 d23 d24 d25 d26 d27 d28 d29]", "Found: 12."}, // every word, anywhere
		{"dmitri", "[]", "Nobody found: try a part of the name."},                        // registered? no: not in the hall
		{"vera", "[]", "Nobody found: try a part of the name."},                          // the chair, not checked in
	} {
		_, page, _ := chair.get("/a/coop/chair/hall?find-l-persons=" + url.QueryEscape(c.query))
		if got := checkboxesOf(t, page, "l-persons"); fmt.Sprint(got) != c.want {
			t.Errorf("search %q among those in the hall lists %v, want %s", c.query, got, c.want)
		}
		if got := statusOf(t, page, "l-persons"); got != c.status {
			t.Errorf("search %q says %q, want %q", c.query, got, c.status)
		}
	}
	// 21 leave: both sides are over the limit; the one who came back is
	// in the hall again.
	var left []string
	for i := 1; i <= 21; i++ {
		left = append(left, fmt.Sprintf("d%d", i))
	}
	h.must("chair", "leave_hall", obj{"persons": left})
	_, page, _ = chair.get("/a/coop/chair/hall?find-r-persons=delegate+1")
	if got := checkboxesOf(t, page, "r-persons"); fmt.Sprint(got) != "[d1 d10 d11 d12 d13 d14 d15 d16 d17 d18 d19 d21]" || !strings.Contains(page, `data-source="/a/coop/choices/out-of-hall"`) {
		t.Errorf("search for delegate 1 among the 21 out of the hall lists %v", got)
	}
	if got := checkboxesOf(t, page, "l-persons"); fmt.Sprint(got) != "[anna boris clara d22 d23 d24 d25 d26 d27 d28 d29 d30]" || strings.Contains(page, `id="find-l-persons"`) {
		t.Errorf("12 in the hall, under the limit: the departure picker lists %v (or is searched)", got)
	}
	// What a search found is recorded as any other: d1 comes back.
	if resp := chair.act("chair/hall", "return_to_hall", url.Values{"a:persons:list": {"d1"}}); resp.StatusCode != 303 {
		t.Fatalf("return_to_hall: %s", resp.Status)
	}
	if !read(h, func(s *assembly.State) bool { return s.InHall("d1") }) {
		t.Errorf("d1 is not back in the hall")
	}
	// Every word of the searched hall pickers is the catalog's.
	pseudo := h.browser("chair")
	u, _ := url.Parse(h.srv.URL)
	pseudo.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	for _, path := range []string{"/a/coop/chair/hall", "/a/coop/chair/hall?find-l-persons=zetk", "/a/coop/chair/hall?find-r-persons=nobody"} {
		_, page, _ := pseudo.get(path)
		checkBody(t, h, "the hall's searched pickers", page, map[string]bool{}, path)
	}
}

// TestChoicesOfTheHall: GET /a/{id}/choices/in-hall and …/out-of-hall
// find, by name or id as …/choices/persons does, only the persons of
// their side of the hall (in it; registered and out of it), the first 50
// by name; they answer the chair and a secretary, and refuse a visitor, a
// delegate and the mandate commission, an unknown assembly and a query
// that cannot be read.
func TestChoicesOfTheHall(t *testing.T) {
	h := newLargeHall(t, 3)
	checkInMany(h, 60)
	h.must("admin", "add_person", obj{"id": "x-417", "name": "Yuri Gagarin"})
	h.must("admin", "check_in", obj{"person": "x-417"})
	h.must("chair", "leave_hall", obj{"persons": []string{"boris", "d7"}})
	// Attending online: never in the hall, so neither leaving it nor
	// coming back (the rules refuse return_to_hall for them).
	h.must("admin", "add_person", obj{"id": "x-418", "name": "Valentina Tereshkova"})
	h.must("admin", "set_rules", obj{"overrides": obj{"speaking_time_seconds": 300, "online": "full"}})
	h.must("admin", "check_in", obj{"person": "x-418", "where": "online"})
	get := func(b *browser, set, rawQuery string) (int, string, choicesAnswer) {
		t.Helper()
		code, body, hdr := b.get("/a/coop/choices/" + set + "?" + rawQuery)
		var a choicesAnswer
		if code == 200 {
			if hdr.Get("Content-Type") != "application/json" || hdr.Get("Cache-Control") != "no-store" {
				t.Errorf("%s?%s: %s, %s", set, rawQuery, hdr.Get("Content-Type"), hdr.Get("Cache-Control"))
			}
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
		}
		return code, body, a
	}
	values := func(a choicesAnswer) string {
		var vs []string
		for _, c := range a.Choices {
			vs = append(vs, c.Value)
		}
		return fmt.Sprint(vs)
	}
	chair, sec := h.browser("chair"), h.browser("sec")
	for _, c := range []struct {
		set, q string
		total  int
		want   string
		status string
	}{
		{"in-hall", "zetk", 62, "[clara]", "Found: 1."},
		{"in-hall", "GAGARIN", 62, "[x-417]", "Found: 1."},
		{"in-hall", "x-417", 62, "[x-417]", "Found: 1."}, // by id
		{"in-hall", "bor", 62, "[]", "Nobody found: try a part of the name."},
		{"in-hall", "d7", 62, "[]", "Nobody found: try a part of the name."},
		{"in-hall", "dmitri", 62, "[]", "Nobody found: try a part of the name."}, // never registered
		{"in-hall", "", 62, "[]", "62 persons: search by name."},
		{"out-of-hall", "bor", 2, "[boris]", "Found: 1."},
		{"out-of-hall", "boris", 2, "[boris]", "Found: 1."},
		{"out-of-hall", "d7", 2, "[d7]", "Found: 1."},
		{"out-of-hall", "delegate", 2, "[d7]", "Found: 1."},
		{"out-of-hall", "zetk", 2, "[]", "Nobody found: try a part of the name."},
		{"out-of-hall", "dmitri", 2, "[]", "Nobody found: try a part of the name."}, // not registered
		{"out-of-hall", "  ", 2, "[]", "2 persons: search by name."},
		{"out-of-hall", "teresh", 2, "[]", "Nobody found: try a part of the name."}, // online
		{"in-hall", "teresh", 62, "[]", "Nobody found: try a part of the name."},
	} {
		for _, b := range []*browser{chair, sec} {
			code, body, a := get(b, c.set, "q="+url.QueryEscape(c.q))
			if code != 200 || a.Total != c.total || values(a) != c.want || a.Status != c.status || a.Found != len(a.Choices) {
				t.Errorf("%s?q=%q: %d %s", c.set, c.q, code, body)
			}
		}
	}
	// The first 50 by name, numbers by their value.
	_, _, a := get(chair, "in-hall", "q=delegate")
	if a.Found != 59 || len(a.Choices) != 50 || a.Choices[0].Label != "Delegate 1" || a.Choices[6].Label != "Delegate 8" || a.Choices[49].Label != "Delegate 51" || a.Status != "Found: 59; the first 50 are listed. Type more of the name." {
		t.Errorf("delegate: %+v", a)
	}
	// The persons' route finds by id too, and everyone.
	if code, body, a := get(chair, "persons", "q=x-417"); code != 200 || values(a) != "[x-417]" {
		t.Errorf("persons?q=x-417: %d %s", code, body)
	}

	for _, c := range []struct {
		who, set, path string
		code           int
		says           string
	}{
		{"", "in-hall", "/a/coop/choices/in-hall?q=bor", 401, "log in"},
		{"anna", "in-hall", "/a/coop/choices/in-hall?q=bor", 403, "only the persons themselves, a secretary or the chair may record leaving the hall"},
		{"anna", "out-of-hall", "/a/coop/choices/out-of-hall?q=bor", 403, "only the persons themselves, a secretary or the chair may record a return to the hall"},
		{"mc", "in-hall", "/a/coop/choices/in-hall?q=bor", 403, "may record leaving the hall"},
		{"chair", "in-hall", "/a/nowhere/choices/in-hall?q=bor", 404, `there is no assembly "nowhere"`},
		{"chair", "in-hall", "/a/coop/choices/in-hall?q=%zz", 400, "the form could not be read"},
		{"chair", "out-of-hall", "/a/coop/choices/out-of-hall?q=%ff%fe", 400, "the form could not be read"},
		{"chair", "in-hall", "/a/coop/choices/in-hall?q=bor&q=zetk", 400, "the form could not be read"},
		{"chair", "in-hall", "/a/coop/choices/in-hall?q=" + strings.Repeat("a", 201), 400, "the form could not be read"},
		{"chair", "persons", "/a/coop/choices/persons?q=%zz", 400, "the form could not be read"},
		{"chair", "", "/a/coop/choices/everyone?q=bor", 404, ""},
	} {
		code, body, _ := h.browser(c.who).get(c.path)
		if code != c.code || !strings.Contains(body, c.says) || strings.Contains(body, "Boris") {
			t.Errorf("%s for %q: %d %q, want %d %q", c.path, c.who, code, body, c.code, c.says)
		}
	}
	if code, _, _ := get(chair, "in-hall", "q="+strings.Repeat("a", 200)); code != 200 {
		t.Errorf("a search of 200 letters: %d", code)
	}
	// Where only the officers read the record, a delegate is refused as
	// on any other page, and the chair still searches.
	h.must("admin", "set_record_access", obj{"access": "officers"})
	if code, _, _ := get(h.browser("anna"), "out-of-hall", "q=bor"); code != 403 {
		t.Errorf("a delegate where the officers alone read the record: %d, want 403", code)
	}
	if code, _, a := get(chair, "out-of-hall", "q=bor"); code != 200 || values(a) != "[boris]" {
		t.Errorf("the chair where the officers alone read the record: %d %+v", code, a)
	}
	// The refusal and the statuses are the catalog's.
	de := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	de.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "de"}})
	h.must("admin", "set_record_access", obj{"access": "participants"})
	if code, body, _ := de.get("/a/coop/choices/in-hall?q=bor"); code != 403 || !strings.Contains(body, "Schriftführung") {
		t.Errorf("a delegate, in German: %d %q", code, body)
	}
}

// TestHallPickersAreLive: the hall tab's live regions (?fragment=live,
// which the page's script fetches after each event and each command)
// carry its pickers, searched with the search in the page's address
// (?find-ID=words): after a departure the departure picker no longer
// lists the person and the return picker does, and back again.
func TestHallPickersAreLive(t *testing.T) {
	h := newLargeHall(t, 20)
	checkInMany(h, 30)
	chair := h.browser("chair")
	frag := func() string {
		t.Helper()
		code, page, _ := chair.get("/a/coop/chair/hall?find-l-persons=zetk&fragment=live")
		if code != 200 {
			t.Fatalf("the live regions: %d %s", code, page)
		}
		return page
	}
	page := frag()
	if got := checkboxesOf(t, page, "l-persons"); fmt.Sprint(got) != "[clara]" || !strings.Contains(page, `id="hall-pick-out"`) || !strings.Contains(page, "Nobody registered present is out of the hall.") {
		t.Fatalf("the live regions of the hall tab, searched for zetk: the departure picker lists %v; want [clara], and the return region saying nobody is out:\n%s", got, page)
	}
	h.must("chair", "leave_hall", obj{"persons": []string{"clara"}})
	page = frag()
	if got, out := checkboxesOf(t, page, "l-persons"), checkboxesOf(t, page, "r-persons"); len(got) != 0 || fmt.Sprint(out) != "[clara]" || !strings.Contains(page, "Nobody found") {
		t.Errorf("clara left: the departure picker lists %v, the return picker %v; want [] and [clara]", got, out)
	}
	h.must("chair", "return_to_hall", obj{"persons": []string{"clara"}})
	page = frag()
	// A ballot changes none of the regions: the page does not fetch
	// them again for one.
	if _, whole, _ := chair.get("/a/coop/chair/hall"); !strings.Contains(whole, `data-live-ignore="ballot_cast election_ballot_cast encrypted_ballot_cast"`) {
		t.Errorf("the hall tab fetches its live regions again on every ballot")
	}
	if got := checkboxesOf(t, page, "l-persons"); fmt.Sprint(got) != "[clara]" || !strings.Contains(page, "Nobody registered present is out of the hall.") {
		t.Errorf("clara back: the departure picker lists %v; want [clara], and nobody out", got)
	}
}

// TestBrowserHallPicker: on a phone and a laptop the chair of an
// assembly with more persons in the hall than the pickers' limit finds
// one in the departure picker by typing part of the name (the script
// asks GET …/choices/in-hall as one types), ticks them from the keyboard
// and records their departure; right after it, without a reload, the
// departure picker (its search kept) no longer offers her and the return
// picker does, and recording her return brings her back to the first;
// another's recording does not take away what the chair has ticked. The
// hall tab passes axe-core before and after the search and each
// recording.
func TestBrowserHallPicker(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	for _, sz := range screenSizes[:2] {
		t.Run(sz.name, func(t *testing.T) {
			h := newLargeHall(t, 20)
			checkInMany(h, 30)
			h.must("chair", "leave_hall", obj{"persons": []string{"d5"}})
			s := newSession(t, h)
			chair := s.open("chair", sz.w, sz.h, "/a/coop/chair/hall")
			if !eval[bool](s, chair, `document.querySelectorAll("#l-persons li").length === 0 && document.querySelector("#l-persons-q").form.id === "find-l-persons" && !document.querySelector("#r-persons").closest("[data-source]")`) {
				t.Fatalf("the departure picker lists persons before a search, or its search has no form of its own, or the return picker (one out) is searched")
			}
			if !eval[bool](s, chair, `document.querySelectorAll("#r-persons input").length === 1 && document.querySelectorAll("#r-persons input[value=d5]").length === 1`) {
				t.Errorf("the one out of the hall is not listed whole in the return picker")
			}
			s.axe(chair, "chair-hall-searched-picker", axeSrc)
			s.shot(chair, sz.name+"-chair-hall-searched-picker")
			s.run(chair, "type a name", chromedp.SendKeys(`#l-persons-q`, "zetk"))
			s.until(chair, "clara found", `(function () { var c = document.querySelectorAll("#l-persons input[type=checkbox]"); return c.length === 1 && c[0].value === "clara"; })()`)
			s.until(chair, "the count", contains("#l-persons-status", "Found: 1."))
			s.shot(chair, sz.name+"-chair-hall-searched-picker-found")
			s.axe(chair, "chair-hall-searched-picker-found", axeSrc)
			// The keyboard's way: Tab from the search to the one found,
			// Space ticks it.
			s.run(chair, "tab to clara", chromedp.KeyEvent("\t"))
			s.until(chair, "clara focused", `document.activeElement.value === "clara"`)
			s.run(chair, "tick her", chromedp.KeyEvent(" "))
			s.until(chair, "clara ticked", `document.querySelector("#l-persons input[value=clara]").checked`)
			s.click(chair, `#attendance-forms form:has(input[value=leave_hall]) button[type=submit]:not([form])`)
			s.until(chair, "the hall counts her out", contains("#hall", "In the hall: 31."))
			s.notReloaded(chair)
			if !read(h, func(st *assembly.State) bool { return st.Attendance.OutOfHall["clara"] && !st.InHall("clara") }) {
				t.Errorf("clara's departure is not recorded")
			}
			if n := read(h, func(st *assembly.State) int { return len(st.Attendance.OutOfHall) }); n != 2 {
				t.Errorf("%d persons out of the hall, want 2 (d5 and clara)", n)
			}
			// Right after the recording, without a reload, the pickers
			// list the sides as they are now: the search, kept, finds
			// nobody in the hall, and the return picker offers clara.
			s.until(chair, "the departure picker no longer offers clara", `document.querySelectorAll("#l-persons input").length === 0`)
			s.until(chair, "the search says so", contains("#l-persons-status", "Nobody found"))
			s.until(chair, "the return picker offers her", `Array.prototype.map.call(document.querySelectorAll("#r-persons input"), function (c) { return c.value; }).sort().join() === "clara,d5"`)
			if q := eval[string](s, chair, `document.querySelector("#l-persons-q").value + "|" + new URL(location.href).searchParams.get("find-l-persons")`); q != "zetk|zetk" {
				t.Errorf("the search field and the page's address hold %q, want the search kept (zetk|zetk)", q)
			}
			s.notReloaded(chair)
			s.shot(chair, sz.name+"-chair-hall-searched-picker-left")
			s.axe(chair, "chair-hall-searched-picker-left", axeSrc)

			// She comes back: the return picker no longer offers her, the
			// departure picker's search finds her again.
			s.click(chair, `#r-persons input[value=clara]`)
			s.click(chair, `#attendance-forms form:has(input[value=return_to_hall]) button[type=submit]:not([form])`)
			s.until(chair, "the hall counts her in", contains("#hall", "In the hall: 32."))
			s.until(chair, "the return picker offers d5 alone", `Array.prototype.map.call(document.querySelectorAll("#r-persons input"), function (c) { return c.value; }).join() === "d5"`)
			s.until(chair, "the search finds her in the hall", `(function () { var c = document.querySelectorAll("#l-persons input[type=checkbox]"); return c.length === 1 && c[0].value === "clara" && !c[0].checked; })()`)
			s.until(chair, "the count", contains("#l-persons-status", "Found: 1."))
			s.notReloaded(chair)
			if !read(h, func(st *assembly.State) bool { return st.InHall("clara") }) {
				t.Errorf("clara's return is not recorded")
			}
			s.shot(chair, sz.name+"-chair-hall-searched-picker-back")
			s.axe(chair, "chair-hall-searched-picker-back", axeSrc)

			// Another's recording while the chair has ticked someone
			// leaves the picker as the chair left it; after the chair
			// records, it is brought up to date.
			s.click(chair, `#l-persons input[value=clara]`)
			eval[bool](s, chair, `(document.activeElement.blur(), true)`) // the tick alone keeps it
			h.must("sec", "leave_hall", obj{"persons": []string{"clara"}})
			s.until(chair, "the hall counts her out", contains("#hall", "In the hall: 31."))
			if !eval[bool](s, chair, `(function () { var c = document.querySelector("#l-persons input[value=clara]"); return !!c && c.checked; })()`) {
				t.Errorf("another's recording took away the chair's tick (the picker was swapped while its form was being filled in)")
			}
		})
	}
}
