package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// namesakeHall is the hall with two delegates "Вера Иванов" (vera1, No.
// M00105, and vera2, No. M00121) and one "Unique Person" (No. M00200),
// all of the members with verified mandates and present, the three on
// the speakers' list of i1 after anna, who has the floor.
func namesakeHall(t *testing.T) *hall {
	h := newHall(t)
	for _, p := range []struct{ id, name, ref string }{{"vera1", "Вера Иванов", "M00105"}, {"vera2", "Вера  иванов", "M00121"}, {"uniq", "Unique Person", "M00200"}} {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name, "ref": p.ref})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p.id, "person": p.id, "organization": "members", "kind": "decisive"})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + p.id})
		h.must("mc", "check_in", obj{"person": p.id})
	}
	for _, p := range []string{"anna", "vera1", "uniq", "vera2"} {
		h.must(p, "request_floor", obj{"item": "i1", "person": p})
	}
	h.must("chair", "give_floor", obj{"item": "i1"})
	return h
}

// TestNamesakesToldApartOnThePages: two delegates of one name ("Вера
// Иванов" and "Вера  иванов", alike as the lists sort names) read alike
// on the chair's console, the projector, the ballot of an election with
// both as candidates and a picker's search; each is now named with what
// tells them apart, as the mandate cards print it (names.Tell: the
// member number), in the page's language. A name nobody else bears
// stands alone.
func TestNamesakesToldApartOnThePages(t *testing.T) {
	h := namesakeHall(t)
	one, two := "Вера Иванов (No. M00105)", "Вера  иванов (No. M00121)"
	noSuffix := func(where, page string) {
		t.Helper()
		if strings.Contains(page, "Unique Person (") || strings.Contains(page, "Anna Arkadyevna (") {
			t.Errorf("%s: a name nobody else bears is followed by what tells it apart", where)
		}
	}

	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	for _, want := range []string{one, two, "Next: " + one + ", Unique Person, " + two} {
		if !strings.Contains(page, want) {
			t.Errorf("the chair's console does not name %q", want)
		}
	}
	noSuffix("the chair's console", page)

	_, page, _ = chair.get("/a/coop/projector")
	if !strings.Contains(page, "<li>"+one+"</li>") || !strings.Contains(page, "<li>"+two+"</li>") {
		t.Errorf("the projector's speakers' list does not tell the two apart:\n%s", page)
	}
	noSuffix("the projector", page)

	chair.act("chair", "open_election", url.Values{"new:id": {"e"}, "a:title": {"The auditing committee"}, "a:seats:int": {"1"},
		"a:method": {"stv-scottish"}, "a:candidates:list": {"vera1", "vera2", "uniq"}})
	_, page, _ = h.browser("anna").get("/a/coop/delegate")
	for _, want := range []string{`-vera1">` + one + `</label>`, `-vera2">` + two + `</label>`, `-uniq">Unique Person</label>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the ranked ballot lacks %s", want)
		}
	}

	for _, c := range []struct{ lang, one, two string }{{"en", one, two}, {"de", "Вера Иванов (Nr. M00105)", "Вера  иванов (Nr. M00121)"}} {
		resp, body := chair.getWith("/a/coop/choices/persons?q=вера", http.Header{"Accept-Language": {c.lang}})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("choices: %s", resp.Status)
		}
		var got struct {
			Choices []struct{ Value, Label, Hint string }
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		labels := map[string]string{}
		for _, ch := range got.Choices {
			labels[ch.Value] = ch.Label + " — " + ch.Hint
		}
		// The number is in the name; the hint does not say it again.
		if labels["vera1"] != c.one+" — The members" || labels["vera2"] != c.two+" — The members" {
			t.Errorf("%s: the picker's search finds %v", c.lang, labels)
		}
	}
	_, body := chair.getWith("/a/coop/choices/persons?q=unique", nil)
	if !strings.Contains(body, `"label":"Unique Person","hint":"The members, M00200"`) {
		t.Errorf("a name nobody else bears: %s", body)
	}
}

// TestNamesakesToldApartInTheTopBar: the top bar names the person logged
// in, and their own page heads with the name: two delegates of one name
// each read which of the two the browser is logged in as, told apart as
// every page tells them (the member number, in the page's language); a
// name nobody else bears stands alone.
func TestNamesakesToldApartInTheTopBar(t *testing.T) {
	h := namesakeHall(t)
	issued, err := h.auth.IssueCodes(context.Background(), asm, []string{"vera1", "vera2", "uniq"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range issued {
		h.codes[c.Person] = c.Code
	}
	for who, want := range map[string]string{"vera1": "Вера Иванов (No. M00105)", "vera2": "Вера  иванов (No. M00121)", "uniq": "Unique Person"} {
		_, page, _ := h.browser(who).get("/a/coop/delegate")
		_, bar, ok := strings.Cut(page, `class="me"`)
		bar, _, _ = strings.Cut(bar, "</a>")
		if !ok || !strings.Contains(bar, want) || who == "uniq" && strings.Contains(bar, "(") {
			t.Errorf("%s's top bar reads %q, want %q", who, bar, want)
		}
		if !strings.Contains(page, "<strong><bdi>"+want+"</bdi></strong>") && !strings.Contains(page, "<strong>"+want+"</strong>") {
			t.Errorf("%s's page does not head with %q", who, want)
		}
	}
}
