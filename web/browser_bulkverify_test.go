package web_test

import (
	"strings"
	"testing"
)

// TestBrowserBulkVerifyOnThePhone: on a 360 × 800 phone the mandates
// page with its boxes to tick and the two buttons of the form that
// verifies many is no wider than the screen, nor is anything in the list
// of mandates to check; a box ticked in Chromium and the first button
// verify the ticked mandate only (the boxes belong to the form by its
// form attribute, outside it), and the second button all the others
// listed (review 41 M5).
func TestBrowserBulkVerifyOnThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	addPending(h, "e1", "e2", "e3")
	s := newSession(t, h)
	p := s.open("mc", 360, 800, "/a/coop/mandates")
	if got := eval[[]int](s, p, `[document.documentElement.scrollWidth, innerWidth]`); got[0] > got[1] {
		t.Errorf("the mandates page is %d px wide in a window of %d px", got[0], got[1])
	}
	wide := eval[[]string](s, p, `[...document.querySelectorAll("#to-check *")].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.outerHTML.slice(0, 120))`)
	if len(wide) > 0 {
		t.Errorf("in the list of mandates to check, wider than the screen: %q", wide)
	}
	s.shotView(p, "mandates-phone-bulk")
	s.click(p, `label[for="bv-m-e2"]`)
	s.click(p, `#bulk-verify button:not([name])`)
	s.until(p, "the answer", `document.body.innerText.includes("1 mandate verified.")`)
	if got := mandateStatus(h, "m-e2"); got != "verified" {
		t.Fatalf("m-e2 ticked and verified is %s", got)
	}
	if got := mandateStatus(h, "m-e1"); got != "submitted" {
		t.Fatalf("m-e1, not ticked, is %s", got)
	}
	s.click(p, `#bulk-verify button[name="all"]`)
	s.until(p, "the answer", `document.body.innerText.includes("3 mandates verified.")`)
	for _, id := range []string{"m-dmitri", "m-e1", "m-e3"} {
		if got := mandateStatus(h, id); got != "verified" {
			t.Errorf("%s is %s after verify all", id, got)
		}
	}
	if txt := eval[string](s, p, `document.querySelector("#to-check").innerText`); !strings.Contains(txt, "Every mandate submitted has been checked.") {
		t.Errorf("the list of mandates to check after verify all: %q", txt)
	}
}

// TestBrowserBulkVerifyFromTheTop: the form that verifies many has its
// two buttons above the list of mandates to check as well as below it
// (a page lists up to 100: its foot is far), the top ones outside the
// form by their form attribute; in Chromium the top "verify ticked"
// verifies the box ticked only, and the top "verify all" all the others
// listed, as the buttons below do.
func TestBrowserBulkVerifyFromTheTop(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	addPending(h, "e1", "e2", "e3")
	s := newSession(t, h)
	p := s.open("mc", 360, 800, "/a/coop/mandates")
	if above := eval[bool](s, p, `document.querySelector("#bulk-verify-top").getBoundingClientRect().bottom <= document.querySelector("#to-check ul.mandates").getBoundingClientRect().top`); !above {
		t.Error("the top buttons are not above the list of mandates to check")
	}
	if got := eval[[]string](s, p, `[...document.querySelectorAll("#bulk-verify-top button")].map(b => b.form && b.form.id)`); len(got) != 2 || got[0] != "bulk-verify" || got[1] != "bulk-verify" {
		t.Fatalf("the top buttons belong to the forms %q, want bulk-verify twice", got)
	}
	if got := eval[[]int](s, p, `[document.documentElement.scrollWidth, innerWidth]`); got[0] > got[1] {
		t.Errorf("the mandates page is %d px wide in a window of %d px", got[0], got[1])
	}
	s.shotView(p, "mandates-phone-bulk-top")
	s.click(p, `label[for="bv-m-e3"]`)
	s.click(p, `#bulk-verify-top button:not([name])`)
	s.until(p, "the answer", `document.body.innerText.includes("1 mandate verified.")`)
	if got := mandateStatus(h, "m-e3"); got != "verified" {
		t.Fatalf("m-e3 ticked and verified from the top is %s", got)
	}
	if got := mandateStatus(h, "m-e1"); got != "submitted" {
		t.Fatalf("m-e1, not ticked, is %s", got)
	}
	s.click(p, `#bulk-verify-top button[name="all"]`)
	s.until(p, "the answer", `document.body.innerText.includes("3 mandates verified.")`)
	for _, id := range []string{"m-dmitri", "m-e1", "m-e2"} {
		if got := mandateStatus(h, id); got != "verified" {
			t.Errorf("%s is %s after verify all from the top", id, got)
		}
	}
}
