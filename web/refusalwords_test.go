package web_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/httpapi"
	"plenum/i18n"
)

// TestPageRefusalSaysTheFormsWords: a motion submitted from the motions
// page without its title is refused in the page's words, in each
// language: the form's action as its heading says it and the field by its
// label, never the command's name (submit_motion, as a sentence
// "Submit_motion") nor the field's name in JSON ("title"). The same
// command sent to the API is refused with those names, in the detail and
// the problem's field, for the program that sends it.
func TestPageRefusalSaysTheFormsWords(t *testing.T) {
	h := newCongressHall(t)
	bruno := h.browser("bruno")
	srv, _ := url.Parse(h.srv.URL)
	form := url.Values{"new:id": {"m"}, "a:title": {"  "}, "a:delegation": {"berlin"}, "a:text": {"Typed at length"}}
	for _, lang := range i18n.Languages {
		l := i18n.For(lang.Tag)
		bruno.c.Jar.SetCookies(srv, []*http.Cookie{{Name: i18n.Cookie, Value: lang.Tag, Path: "/"}})
		resp, body := bruno.postPage("motions", "/a/coop/act", withCmd(form, "submit_motion", "/a/coop/motions"))
		msg := html.UnescapeString(flashText(string(body)))
		if resp.StatusCode != http.StatusConflict || msg == "" {
			t.Fatalf("%s: the motion without a title: %s, %q", lang.Tag, resp.Status, msg)
		}
		action, label := l.T("web.mo.submit_h"), l.T("web.c.title")
		if !strings.Contains(msg, action+":") && !strings.Contains(msg, action+" :") || !strings.Contains(msg, label) {
			t.Errorf("%s: the page says %q, want the form's action %q and the field's label %q", lang.Tag, msg, action, label)
		}
		for _, name := range []string{"submit_motion", "Submit_motion", `"title"`} {
			if strings.Contains(msg, name) {
				t.Errorf("%s: the page says %q, with the API's name %s", lang.Tag, msg, name)
			}
		}
	}
	bruno.c.Jar.SetCookies(srv, []*http.Cookie{{Name: i18n.Cookie, Value: "en", Path: "/"}})
	if resp, body := bruno.postPage("motions", "/a/coop/act", withCmd(form, "submit_motion", "/a/coop/motions")); resp.StatusCode != http.StatusConflict ||
		html.UnescapeString(flashText(string(body))) != "Refused: Submit a motion: the field “Title” is required." {
		t.Errorf("the English page says %q", html.UnescapeString(flashText(string(body))))
	}

	// The API: the command's and the field's names, as a program needs them.
	req, _ := http.NewRequest("POST", h.srv.URL+"/api/assemblies/coop/commands", strings.NewReader(`{"cmd":"submit_motion","args":{"id":"m9","title":"","delegation":"berlin","text":"Typed at length"}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Plenum", "1")
	req.Header.Set("Idempotency-Key", "refusal-words")
	r, err := bruno.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(r.Body)
	r.Body.Close()
	var p httpapi.Problem
	if err := json.Unmarshal(data, &p); err != nil || r.StatusCode != http.StatusUnprocessableEntity ||
		p.Code != "invalid" || p.Field != "title" || p.Detail != `submit_motion: the field "title" is required` {
		t.Errorf("the API's refusal: %s %s, want the command's and the field's names", r.Status, data)
	}
}

// withCmd is form with the command cmd and the page back to go to.
func withCmd(form url.Values, cmd, back string) url.Values {
	out := url.Values{"cmd": {cmd}, "back": {back}}
	for k, v := range form {
		out[k] = v
	}
	return out
}

// TestPageRefusalNamesNoArgument: a refusal that names the arguments at
// fault for the API ("say who left the hall: persons, or how many
// (unnamed)") says it on the chair's hall tab in words, without the
// arguments' names.
func TestPageRefusalNamesNoArgument(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	_, _, flash := chair.form("/a/coop/chair/hall", "/a/coop/act", url.Values{"cmd": {"leave_hall"}, "back": {"/a/coop/chair/hall"}, "a:note": {"a break"}})
	if msg := html.UnescapeString(flash); msg != "Refused: Say who left the hall: the persons, or how many." {
		t.Errorf("leaving the hall recorded without whom: the page says %q", msg)
	}
}

// TestPageCountRefusalSaysTheLabel: a count entered on the chair's
// console with one side alone is refused with the console's words, the
// form's button and the side's label, not enter_count and "against".
func TestPageCountRefusalSaysTheLabel(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	_, _, flash := h.browser("chair").form("/a/coop/chair", "/a/coop/act", url.Values{"cmd": {"enter_count"}, "back": {"/a/coop/chair"}, "a:vote": {"v1"}, "a:for:count": {"38"}})
	if msg := html.UnescapeString(flash); msg != "Refused: Enter the count: the field “Against” is required; only a side stated as majority, minority or rest may stand alone." {
		t.Errorf("a count of one side: the page says %q", msg)
	}
}
