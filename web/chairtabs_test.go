package web_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// chairTabs are the tabs of the chair's console, under /a/ID/chair/.
var chairTabs = []string{"agenda", "sitting", "hall", "elections", "screens"}

var formCmdRe = regexp.MustCompile(`name="cmd" value="([^"]*)"`)

// formsOn counts the forms of a page by the command each posts.
func formsOn(page string) map[string]int {
	n := map[string]int{}
	for _, m := range formCmdRe.FindAllStringSubmatch(page, -1) {
		n[m[1]]++
	}
	return n
}

// countsText is a tab's counts of forms, sorted, for a message.
func countsText(n map[string]int) string {
	var out []string
	for _, cmd := range slices.Sorted(maps.Keys(n)) {
		out = append(out, fmt.Sprintf("%s=%d", cmd, n[cmd]))
	}
	return strings.Join(out, " ")
}

// newBusyHall is newHall with the order of the day in every state but
// closed (i1 current, i2 open, i3 tabled), an election open, one closed
// and one declared, and a second screen and a countdown running.
func newBusyHall(t *testing.T) *hall {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The accounts"})
	h.must("chair", "add_item", obj{"id": "i3", "title": "Any other business"})
	h.must("chair", "table_item", obj{"item": "i3", "until": "the next sitting"})
	h.must("chair", "open_election", obj{"id": "e1", "title": "The board", "seats": 1, "method": "as_stated", "candidates": []string{"anna"}})
	h.must("chair", "open_election", obj{"id": "e2", "title": "The auditors", "seats": 1, "method": "as_stated", "candidates": []string{"boris"}})
	h.must("chair", "close_election", obj{"election": "e2"})
	h.must("chair", "open_election", obj{"id": "e3", "title": "The tellers", "seats": 1, "method": "as_stated", "candidates": []string{"clara"}})
	h.must("chair", "close_election", obj{"election": "e3"})
	h.must("chair", "declare_election", obj{"election": "e3", "elected": []string{"clara"}})
	h.must("sec", "set_screen", obj{"screen": "side", "name": "The side hall", "show": "agenda"})
	h.must("chair", "set_countdown", obj{"screen": "hall", "label": "Amendments close in", "seconds": 900})
	return h
}

// TestChairTabsOfferOnlyWhatTheRulesAllow: each tab of the chair's
// console offers every viewer only the forms of the commands the rules
// let them give (assembly.State.MayDo): a delegate, a person whose
// mandate is not verified and the mandate commission none of the chair's,
// the secretary the screens' and the hall's; the chair and an
// administrator every form the chair was offered before the tabs asked
// the rules (the counts below), on a busy hall and with no sitting open.
// Whoever the rules let give a command sees as many of its forms as the
// chair.
func TestChairTabsOfferOnlyWhatTheRulesAllow(t *testing.T) {
	h := newBusyHall(t)
	check := func(when string, want map[string]string) {
		t.Helper()
		chairForms := map[string]map[string]int{}
		for _, tab := range chairTabs {
			_, page, _ := h.browser("chair").get("/a/" + asm + "/chair/" + tab)
			chairForms[tab] = formsOn(page)
			if got := countsText(chairForms[tab]); got != want[tab] {
				t.Errorf("%s, the chair's %s tab offers %s, want %s", when, tab, got, want[tab])
			}
			_, page, _ = h.adminBrowser().get("/a/" + asm + "/chair/" + tab)
			if got := countsText(formsOn(page)); got != want[tab] {
				t.Errorf("%s, an administrator's %s tab offers %s, want %s", when, tab, got, want[tab])
			}
		}
		for _, who := range []string{"sec", "mc", "anna", "dmitri"} {
			b := h.browser(who)
			for _, tab := range chairTabs {
				_, page, _ := b.get("/a/" + asm + "/chair/" + tab)
				got := formsOn(page)
				for _, cmd := range slices.Sorted(maps.Keys(got)) {
					if _, ok := chairForms[tab][cmd]; !ok {
						t.Errorf("%s, %s's %s tab offers %s, which the chair's does not", when, who, tab, cmd)
					}
				}
				for _, cmd := range slices.Sorted(maps.Keys(chairForms[tab])) {
					may := read(h, func(s *assembly.State) bool {
						c, ok := assembly.NewCommand(cmd)
						return ok && s.MayDo(who, c)
					})
					switch {
					case !may && got[cmd] > 0:
						t.Errorf("%s, %s's %s tab offers %d %s forms, which the rules refuse them", when, who, tab, got[cmd], cmd)
					case may && got[cmd] != chairForms[tab][cmd]:
						t.Errorf("%s, %s's %s tab offers %d %s forms, the chair's %d: the rules let them give it", when, who, tab, got[cmd], cmd, chairForms[tab][cmd])
					}
				}
			}
		}
	}
	check("on a busy hall", map[string]string{
		"agenda":    "add_item=1 close_item=1 plan_item=3 reorder_items=4 resume_item=1 retitle_item=3 set_item_threshold=3 set_reporters=3 table_item=2 take_up_item=1",
		"sitting":   "approve_minutes=1 change_presidium=1 close_sitting=1",
		"hall":      "leave_hall=1 return_to_hall=1",
		"elections": "close_election=1 declare_election=1 nominate=1 open_election=1 withdraw_election=2",
		"screens":   "set_countdown=3 set_screen=3",
	})
	// Where a section is left with no form, a line says who may act.
	whoMay := []struct{ who, tab, says string }{
		{"anna", "agenda", "Only the chair or an administrator may add, take up, plan"},
		{"sec", "elections", "Only the chair or an administrator may open, close, declare"},
		{"mc", "screens", "Only the chair, a secretary or an administrator may say what the screens show"},
	}
	for _, w := range whoMay {
		if _, page, _ := h.browser(w.who).get("/a/" + asm + "/chair/" + w.tab); !strings.Contains(page, w.says) {
			t.Errorf("%s's %s tab does not say %q", w.who, w.tab, w.says)
		}
	}
	h.must("chair", "close_sitting", obj{"sitting": "s1"})
	if _, page, _ := h.browser("sec").get("/a/" + asm + "/chair/sitting"); !strings.Contains(page, "Only a holder of the chair&#39;s office or an administrator may open a sitting") {
		t.Errorf("with no sitting open, the secretary's sitting tab does not say who may open one")
	}
	check("with no sitting open", map[string]string{
		"agenda":    "add_item=1 plan_item=3 reorder_items=4 retitle_item=3 set_item_threshold=3 set_reporters=3 table_item=2",
		"sitting":   "approve_minutes=1 open_sitting=1",
		"hall":      "leave_hall=1 return_to_hall=1",
		"elections": "close_election=1 declare_election=1 nominate=1 withdraw_election=2",
		"screens":   "set_countdown=3 set_screen=3",
	})
}
