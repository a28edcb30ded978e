package web_test

import (
	"testing"
)

// TestBrowserChairAmendsTheMotionJustEntered: the chair enters a motion
// with the console's motion form, in place (no reload); the form's
// "Amends" then offers that motion at once, so an amendment to it can be
// entered next; and the confirmation is where the chair is, beside the
// form far down the page, not only in the flash area out of sight at the
// top.
func TestBrowserChairAmendsTheMotionJustEntered(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	s := newSession(t, h)
	chair := s.open("chair", 360, 740, "/a/coop/chair")
	eval[bool](s, chair, `(function () {
		var f = document.querySelector("#motion-forms form");
		f.querySelector("#m-title").value = "Shorten the working day";
		f.querySelector("#m-text").value = "The working day is eight hours.";
		f.querySelector("#m-title").dispatchEvent(new Event("input", { bubbles: true }));
		f.scrollIntoView({ block: "end" });
		return true;
	})()`)
	s.click(chair, `#motion-forms button[type=submit]`)
	s.until(chair, "the motion just entered offered to amend", contains("#m-amends", "Shorten the working day"))
	s.until(chair, "the confirmation", contains("main", "The motion was entered"))
	inSight := `(function () {
		var els = document.querySelectorAll(".msg.ok");
		for (var i = 0; i < els.length; i++) {
			var r = els[i].getBoundingClientRect();
			if (els[i].textContent.includes("The motion was entered") && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight) return true;
		}
		return false;
	})()`
	if !eval[bool](s, chair, inSight) {
		t.Error("the confirmation of the motion entered is out of sight of the form")
	}
	s.shotView(chair, "chair-motion-entered-in-place")

	// The amendment to it, chosen from the form as it now is.
	eval[bool](s, chair, `(function () {
		var f = document.querySelector("#motion-forms form");
		f.querySelector("#m-title").value = "Seven hours for the young";
		f.querySelector("#m-kind").value = "amendment";
		var sel = f.querySelector("#m-amends");
		sel.value = Array.from(sel.options).find(function (o) { return o.text.includes("Shorten the working day"); }).value;
		f.querySelector("#m-title").dispatchEvent(new Event("input", { bubbles: true }));
		return true;
	})()`)
	s.click(chair, `#motion-forms button[type=submit]`)
	s.until(chair, "the amendment entered", contains("#m-amends", "Seven hours for the young"))
	s.notReloaded(chair)
}
