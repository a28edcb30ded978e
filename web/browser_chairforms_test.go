package web_test

import (
	"slices"
	"testing"

	"plenum/assembly"
)

// TestBrowserChairFormsOnAPhone: on a phone (360×740) the agenda tab's
// Up, Down and Table… and the sitting tab's change of the presidium and
// approval of the minutes, opened, keep the pages within the screen and
// pass axe-core; Down, pressed with the page's script, moves the item.
// The screenshots are saved to look at.
func TestBrowserChairFormsOnAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	h := tourHall(t)
	s := newSession(t, h)
	const openAll = `document.querySelectorAll("main details").forEach(d => d.open = true); true`

	agenda := s.open("chair", 360, 740, "/a/coop/chair/agenda")
	eval[bool](s, agenda, openAll)
	if wide := eval[int](s, agenda, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the agenda tab with its forms open is %d px wide on a 360 px screen", wide)
	}
	if n := eval[int](s, agenda, `document.querySelectorAll('#agenda input[value="reorder_items"]').length`); n != 4 {
		t.Errorf("the agenda tab has %d Up and Down forms for three items, want 4", n)
	}
	s.axe(agenda, "chair-agenda-forms", axeSrc)
	s.shotView(agenda, "chairforms-phone-agenda")
	s.shot(agenda, "chairforms-phone-agenda-full")
	s.click(agenda, `#agenda ol.agenda > li:first-child form:has(input[value="reorder_items"]) button`)
	s.until(agenda, "the item moved down", contains("#agenda ol.agenda > li:first-child", "Elections to the auditing committee"))
	if order := read(h, func(st *assembly.State) []string { return slices.Clone(st.ItemOrder) }); !slices.Equal(order, []string{"i2", "i1", "i3"}) {
		t.Errorf("the order after Down: %v", order)
	}

	sitting := s.open("chair", 360, 740, "/a/coop/chair/sitting")
	eval[bool](s, sitting, openAll)
	if wide := eval[int](s, sitting, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the sitting tab with its forms open is %d px wide on a 360 px screen", wide)
	}
	s.axe(sitting, "chair-sitting-forms", axeSrc)
	s.shot(sitting, "chairforms-phone-sitting-full")
}
