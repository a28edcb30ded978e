package web

import "strings"

// A person who does not hold the chair may open the chair's pages: a
// teller enters the count of a show of hands on the console (enter_count
// is the chair's and the tellers', docs/script.md), a secretary enters a
// motion there or records who leaves the hall. The banner above the
// pages' tabs says which of the page's forms the rules let the viewer
// use (view.May, as the forms themselves are offered), and only where
// none is theirs that the rules will refuse what the page offers
// (review 41, M1: a teller was told their count would be refused).

// chairPageCommands are the commands the forms of each of the chair's
// pages give (TestChairPageCommandsAreTheirForms holds them to the
// templates).
var chairPageCommands = map[string][]string{
	"chair": {"enter_count", "move_motion", "give_floor", "end_speech", "deprive_floor", "withdraw_request", "close_list", "reopen_list",
		"close_discussion", "set_speaking_time", "open_vote", "close_vote", "declare_result", "withdraw_vote", "close_election",
		"declare_election", "take_up_item", "close_item"},
	"chair-agenda":    {"add_item", "close_item", "plan_item", "reorder_items", "resume_item", "retitle_item", "set_item_threshold", "set_reporters", "table_item", "take_up_item"},
	"chair-elections": {"close_election", "declare_election", "nominate", "open_election", "withdraw_election"},
	"chair-hall":      {"leave_hall", "return_to_hall", "record_attendance"},
	"chair-screens":   {"set_countdown", "set_screen"},
	"chair-sitting":   {"approve_minutes", "change_presidium", "close_sitting", "open_sitting"},
}

// ChairFormsYours names, for a viewer who does not hold the chair, the
// forms of this chair's page the rules let them use, each by its button's
// words in the page's quotation marks ("„Zählung erfassen“"); "" if none.
func (v *view) ChairFormsYours() string {
	var out []string
	seen := map[string]bool{}
	for _, cmd := range chairPageCommands[v.Page] {
		w, ok := formWords[cmd]
		if !ok || !v.May(cmd) {
			continue
		}
		if label := v.L.T("web.quote", v.L.T(w.action)); !seen[label] {
			seen[label] = true
			out = append(out, label)
		}
	}
	return strings.Join(out, ", ")
}
