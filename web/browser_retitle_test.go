package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/assembly"
)

// TestBrowserRetitleItem: the chair corrects the title of the item under
// discussion with the agenda tab's form and the page's script; the
// agenda tab and the projector, open meanwhile, show the corrected title
// without a reload. The form, opened, keeps a phone's page within its
// screen and passes axe-core. The screenshots are saved to look at.
func TestBrowserRetitleItem(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	h := tourHall(t)
	s := newSession(t, h)

	proj := s.open("", 1920, 1080, "/a/coop/projector")
	agenda := s.open("chair", 1280, 900, "/a/coop/chair/agenda")
	s.click(agenda, `#agenda details.retitle-item summary`)
	s.run(agenda, "type the corrected title", chromedp.SetValue(chromedp.CSS(`#retitle-i1`), "The budget for 2027"), chromedp.SetValue(chromedp.CSS(`#retitle-why-i1`), "the year was left out"))
	s.shotView(agenda, "retitle-laptop-agenda-form")
	s.click(agenda, `#agenda form:has(input[value="retitle_item"]) button`)
	s.until(agenda, "the agenda shows the corrected title", contains("#agenda ol.agenda > li:first-child strong", "The budget for 2027"))
	s.until(proj, "the projector shows the corrected title", contains("main", "The budget for 2027"))
	s.notReloaded(proj)
	s.shot(agenda, "retitle-laptop-agenda")
	s.shot(proj, "retitle-projector")
	if title := read(h, func(st *assembly.State) string { return st.Items["i1"].Title }); title != "The budget for 2027" {
		t.Errorf("the title recorded: %q", title)
	}

	phone := s.open("chair", 360, 740, "/a/coop/chair/agenda")
	eval[bool](s, phone, `document.querySelectorAll("#agenda details.retitle-item").forEach(d => d.open = true); true`)
	if wide := eval[int](s, phone, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the agenda tab with its title forms open is %d px wide on a 360 px screen", wide)
	}
	s.axe(phone, "chair-agenda-retitle", axeSrc)
	s.shot(phone, "retitle-phone-agenda-full")
}
