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

// TestAgendaCoReporters: the chair's agenda tab adds an item with its
// reporter and co-reporters (as the 1917 conference's items had), lists
// them with the item, and offers Reporters… for each item not closed,
// with those it has ticked, which sets them (set_reporters); a delegate is
// offered neither, a refused setting records nothing, and a closed item is
// offered none.
func TestAgendaCoReporters(t *testing.T) {
	h := newHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")

	_, page, _ := chair.get("/a/coop/chair/agenda")
	add := page[strings.Index(page, `value="add_item"`):]
	add = add[:strings.Index(add, "</form>")]
	if !strings.Contains(add, `name="a:co_reporters:list" value="clara"`) {
		t.Fatalf("the form that adds an item has no co-reporters:\n%s", add)
	}
	if !offers(page, "set_reporters") || !strings.Contains(page, `<ul class="plain picker-list" id="corep-i1">`) {
		t.Fatalf("the chair's agenda tab offers no change of the reporters of i1:\n%s", page)
	}
	if _, page, _ := anna.get("/a/coop/chair/agenda"); offers(page, "set_reporters") {
		t.Errorf("a delegate is offered to change an item's reporters")
	}

	chair.act("chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"The war"}, "a:reporters:list": {"anna"}, "a:co_reporters:list": {"boris", "clara"}})
	id := read(h, func(s *assembly.State) string { return s.ItemOrder[len(s.ItemOrder)-1] })
	it := read(h, func(s *assembly.State) assembly.Item { return *s.Items[id] })
	if it.Title != "The war" || !slices.Equal(it.Reporters, []string{"anna"}) || !slices.Equal(it.CoReporters, []string{"boris", "clara"}) {
		t.Fatalf("the item added: %+v", it)
	}
	_, page, _ = chair.get("/a/coop/chair/agenda")
	if text := html.UnescapeString(page); !strings.Contains(text, "reporter: Anna Arkadyevna") || !strings.Contains(text, "co-reporters: Boris Borisov, Clara Zetkin") {
		t.Errorf("the agenda does not list the item's reporter and co-reporters:\n%s", page)
	}
	for _, want := range []string{`name="a:reporters:list" value="anna" checked`, `name="a:co_reporters:list" value="boris" checked`, `name="a:co_reporters:list" value="clara" checked`} {
		if !strings.Contains(page, want) {
			t.Errorf("the form of the reporters of %s does not tick what the item has: no %s", id, want)
		}
	}
	if n := len(regexp.MustCompile(`value="[a-z]+" checked`).FindAllString(page, -1)); n != 3 {
		t.Errorf("%d persons ticked on the agenda tab, want the 3 of %s", n, id)
	}

	// The current item gets a co-reporter; the same person in both
	// lists is refused, and nothing recorded.
	refusedNothingChanged(t, h, chair, "chair/agenda", "set_reporters", url.Values{"a:item": {"i1"}, "a:reporters:list": {"boris"}, "a:co_reporters:list": {"boris"}},
		"is named both as a reporter and as a co-reporter")
	doneSays(t, chair, "chair/agenda", "set_reporters", url.Values{"a:item": {"i1"}, "a:reporters:list": {"boris"}, "a:co_reporters:list": {"clara"}}, "The item's reporters are set")
	if it := read(h, func(s *assembly.State) assembly.Item { return *s.Items["i1"] }); !slices.Equal(it.Reporters, []string{"boris"}) || !slices.Equal(it.CoReporters, []string{"clara"}) {
		t.Errorf("i1 after set_reporters: reporters %v, co-reporters %v", it.Reporters, it.CoReporters)
	}
	// Nothing ticked takes them all away.
	doneSays(t, chair, "chair/agenda", "set_reporters", url.Values{"a:item": {id}}, "The item's reporters are set")
	if it := read(h, func(s *assembly.State) assembly.Item { return *s.Items[id] }); len(it.Reporters)+len(it.CoReporters) != 0 {
		t.Errorf("%s after set_reporters with nobody: reporters %v, co-reporters %v", id, it.Reporters, it.CoReporters)
	}

	h.must("chair", "close_item", obj{"item": "i1"})
	if _, page, _ := chair.get("/a/coop/chair/agenda"); strings.Contains(page, `id="corep-i1"`) || !strings.Contains(page, `id="corep-`+id+`"`) {
		t.Errorf("a closed item is offered a change of its reporters, or an open one not")
	}
	refusedNothingChanged(t, h, anna, "chair/hall", "set_reporters", url.Values{"a:item": {id}, "a:reporters:list": {"anna"}}, "Only the chair or an administrator may change the reporters")
}
