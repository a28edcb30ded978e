package web_test

import (
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// events is how many events the assembly's record holds.
func events(h *hall) int { return read(h, func(s *assembly.State) int { return s.Events }) }

// offers reports whether the page holds a form that posts cmd.
func offers(page, cmd string) bool {
	return strings.Contains(page, `<input type="hidden" name="cmd" value="`+cmd+`">`)
}

// refusedNothingChanged sends a form as b, wants it refused with a
// message holding want, and nothing recorded.
func refusedNothingChanged(t *testing.T, h *hall, b *browser, page, cmd string, form url.Values, want string) {
	t.Helper()
	n := events(h)
	b.act(page, cmd, form)
	_, body, _ := b.get("/a/" + asm + "/" + page)
	if msg := html.UnescapeString(flashOf(body)); !strings.Contains(body, `class="msg error"`) || !strings.Contains(msg, want) {
		t.Errorf("%s %v: the page says %q, want a refusal with %q", cmd, form, msg, want)
	}
	if m := events(h); m != n {
		t.Errorf("%s %v: refused, yet the record grew from %d to %d events", cmd, form, n, m)
	}
}

// done sends a form as b and wants the page to say flash.
func doneSays(t *testing.T, b *browser, page, cmd string, form url.Values, flash string) {
	t.Helper()
	b.act(page, cmd, form)
	_, body, _ := b.get("/a/" + asm + "/" + page)
	if msg := html.UnescapeString(flashOf(body)); !strings.Contains(msg, flash) {
		t.Errorf("%s %v: the page says %q, want %q", cmd, form, msg, flash)
	}
}

var itemsListRe = regexp.MustCompile(`name="a:items:list" value="([^"]*)"`)

// TestAgendaReorderAndTable: the agenda tab offers the chair Up and Down
// for each item not closed and Table… for each open or current one; a
// delegate gets neither. Up and Down record the order they name, tabling
// tables the item until what was typed, and a refused form records
// nothing and names the item.
func TestAgendaReorderAndTable(t *testing.T) {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The accounts"})
	h.must("chair", "add_item", obj{"id": "i3", "title": "Any other business", "number": "x"})
	chair, anna := h.browser("chair"), h.browser("anna")

	_, page, _ := chair.get("/a/coop/chair/agenda")
	if !offers(page, "reorder_items") || !offers(page, "table_item") {
		t.Fatalf("the chair's agenda tab offers no reorder or no table form:\n%s", page)
	}
	// Up for all but the first, Down for all but the last.
	var got []string
	for _, m := range itemsListRe.FindAllStringSubmatch(page, -1) {
		got = append(got, m[1])
	}
	if want := []string{"i2 i1 i3", "i2 i1 i3", "i1 i3 i2", "i1 i3 i2"}; !slices.Equal(got, want) {
		t.Errorf("the orders the Up and Down forms send: %q, want %q", got, want)
	}
	_, page, _ = anna.get("/a/coop/chair/agenda")
	if offers(page, "reorder_items") || offers(page, "table_item") {
		t.Errorf("a delegate is offered to reorder or table items")
	}

	doneSays(t, chair, "chair/agenda", "reorder_items", url.Values{"a:items:list": {"i1 i3 i2"}}, "The order of the day was changed")
	if order := read(h, func(s *assembly.State) []string { return slices.Clone(s.ItemOrder) }); !slices.Equal(order, []string{"i1", "i3", "i2"}) {
		t.Errorf("the order after Down: %v", order)
	}
	doneSays(t, chair, "chair/agenda", "table_item", url.Values{"a:item": {"i3"}, "a:until": {"the next sitting"}}, "The item is tabled")
	if it := read(h, func(s *assembly.State) assembly.Item { return *s.Items["i3"] }); it.Status != assembly.ItemStatusTabled || it.TabledUntil != "the next sitting" {
		t.Errorf("the item after tabling: %s until %q", it.Status, it.TabledUntil)
	}
	_, page, _ = chair.get("/a/coop/chair/agenda")
	if strings.Contains(page, `id="until-i3"`) {
		t.Errorf("a tabled item is offered to be tabled again")
	}

	// The agenda tab offers a delegate no form, so none of its tokens: the
	// hall tab's, which offers them the hall's forms, sends the refused ones.
	refusedNothingChanged(t, h, anna, "chair/hall", "reorder_items", url.Values{"a:items:list": {"i3 i1 i2"}}, "Only the chair")
	refusedNothingChanged(t, h, anna, "chair/hall", "table_item", url.Values{"a:item": {"i1"}}, "Only the chair")
	refusedNothingChanged(t, h, chair, "chair/agenda", "table_item", url.Values{"a:item": {"i3"}}, "Any other business")
	refusedNothingChanged(t, h, chair, "chair/agenda", "reorder_items", url.Values{"a:items:list": {"i1 i2"}}, "Any other business")
}

// TestPresidiumForm: the sitting tab offers the change of the presidium
// to the sitting's chair and an administrator, not to a secretary, a
// delegate or a member of the presidium who is not its chair; the change
// is recorded, and a refused one records nothing and names the persons.
func TestPresidiumForm(t *testing.T) {
	h := newHall(t)
	chair, sec, anna, admin := h.browser("chair"), h.browser("sec"), h.browser("anna"), h.adminBrowser()
	for who, b := range map[string]*browser{"the chair": chair, "an administrator": admin} {
		if _, page, _ := b.get("/a/coop/chair/sitting"); !offers(page, "change_presidium") {
			t.Errorf("%s is not offered to change the presidium", who)
		}
	}
	for who, b := range map[string]*browser{"a secretary": sec, "a delegate": anna} {
		if _, page, _ := b.get("/a/coop/chair/sitting"); offers(page, "change_presidium") {
			t.Errorf("%s is offered to change the presidium", who)
		}
	}

	doneSays(t, chair, "chair/sitting", "change_presidium", url.Values{"a:sitting": {"s1"}, "a:add:list": {"anna", "boris"}}, "The presidium was changed")
	if p := read(h, func(s *assembly.State) []string { return slices.Clone(s.Sittings["s1"].Presidium) }); !slices.Contains(p, "anna") || !slices.Contains(p, "boris") {
		t.Errorf("the presidium: %v", p)
	}
	_, page, _ := chair.get("/a/coop/chair/sitting")
	if !strings.Contains(page, `name="a:remove:list" value="anna"`) {
		t.Errorf("a member of the presidium is not offered for removal")
	}
	if _, page, _ := anna.get("/a/coop/chair/sitting"); offers(page, "change_presidium") {
		t.Errorf("a member of the presidium who is not its chair is offered to change it")
	}

	refusedNothingChanged(t, h, anna, "chair/sitting", "change_presidium", url.Values{"a:sitting": {"s1"}, "a:remove:list": {"boris"}}, "Only the chair of the sitting")
	refusedNothingChanged(t, h, chair, "chair/sitting", "change_presidium", url.Values{"a:sitting": {"s1"}, "a:chair": {"clara"}}, "Clara Zetkin")

	doneSays(t, chair, "chair/sitting", "change_presidium", url.Values{"a:sitting": {"s1"}, "a:remove:list": {"boris"}, "a:chair": {"anna"}}, "The presidium was changed")
	if st := read(h, func(s *assembly.State) assembly.Sitting { return *s.Sittings["s1"] }); st.Chair != "anna" || slices.Contains(st.Presidium, "boris") {
		t.Errorf("after the change: chair %s, presidium %v", st.Chair, st.Presidium)
	}
	if _, page, _ := anna.get("/a/coop/chair/sitting"); !offers(page, "change_presidium") {
		t.Errorf("the new chair of the sitting is not offered to change the presidium")
	}
}

// TestApproveMinutesForm: the sitting tab offers the chair to declare a
// sitting's minutes approved, with the vote that approved them or
// without; a secretary and a delegate are not offered it. It is
// recorded, the sitting is no longer offered, and a refused declaration
// records nothing.
func TestApproveMinutesForm(t *testing.T) {
	h := newHall(t)
	chair, sec, anna := h.browser("chair"), h.browser("sec"), h.browser("anna")
	_, page, _ := chair.get("/a/coop/chair/sitting")
	if !offers(page, "approve_minutes") || !strings.Contains(page, `<option value="s1">First sitting`) {
		t.Fatalf("the chair is not offered to approve the minutes of the first sitting:\n%s", page)
	}
	for who, b := range map[string]*browser{"a secretary": sec, "a delegate": anna} {
		if _, page, _ := b.get("/a/coop/chair/sitting"); offers(page, "approve_minutes") {
			t.Errorf("%s is offered to approve the minutes", who)
		}
	}
	// The sitting tab offers a secretary no form (TestChairTabsOfferOnlyWhatTheRulesAllow):
	// the hall tab's token sends the refused one.
	refusedNothingChanged(t, h, sec, "chair/hall", "approve_minutes", url.Values{"a:sitting": {"s1"}}, "Only the chair")
	refusedNothingChanged(t, h, chair, "chair/sitting", "approve_minutes", url.Values{"a:sitting": {"s1"}, "a:vote": {"v9"}}, "v9")

	doneSays(t, chair, "chair/sitting", "approve_minutes", url.Values{"a:sitting": {"s1"}}, "The minutes are declared approved")
	if !read(h, func(s *assembly.State) bool { return s.Sittings["s1"].Approved }) {
		t.Errorf("the minutes of s1 are not approved")
	}
	_, page, _ = chair.get("/a/coop/chair/sitting")
	if offers(page, "approve_minutes") || !strings.Contains(html.UnescapeString(page), "Minutes approved: ") {
		t.Errorf("once approved, the minutes are offered again, or not said to be approved")
	}
	refusedNothingChanged(t, h, chair, "chair/sitting", "approve_minutes", url.Values{"a:sitting": {"s1"}}, "already approved")
}
