package httpapi

import (
	"slices"
	"testing"

	"plenum/ledger"
	"plenum/tlogproof"
)

// excerptTypes downloads the certified excerpt at path, checks it
// against the world's key and returns its entries' event types.
func (w *world) excerptTypes(c *client, path string) []string {
	w.t.Helper()
	r := c.mustStatus(200, "GET", path, "")
	x, err := tlogproof.VerifyExcerpt(r.body, w.verifiers, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	var types []string
	for _, e := range x.Entries {
		d, _, err := ledger.DecodeEntry(e.Data)
		if err != nil {
			w.t.Fatal(err)
		}
		types = append(types, d.Type)
	}
	return types
}

// TestMotionExcerptHoldsWhatItsFateRestsOn: a motion's certified excerpt
// holds every entry its fate rests on, as the state knows them, not only
// those the minutes show: its seconding, and for each vote on it the
// opening, every ballot of a roll call, the close, every count entered
// (a vote taken in repeated ballots) and the declaration.
func TestMotionExcerptHoldsWhatItsFateRestsOn(t *testing.T) {
	w := newWorld(t, 3)
	ann := w.as("ann")
	must := func(c *client, cmd, args string) {
		t.Helper()
		if r := c.cmd(cmd, args); r.status != 201 {
			t.Fatalf("%s %s: %d %s", cmd, args, r.status, r.body)
		}
	}
	for _, d := range []string{"d1", "d2", "d3"} {
		must(w.as(d), "cast_ballot", `{"vote":"v1","voter":"`+d+`","choice":"for"}`)
	}
	must(ann, "close_vote", `{"vote":"v1"}`)
	must(ann, "declare_result", `{"vote":"v1"}`)
	must(ann, "move_motion", `{"id":"mo2","kind":"substantive","title":"Adopt the accounts","item":"i1","mover":"d1"}`)
	must(ann, "second_motion", `{"motion":"mo2","by":"d2"}`)
	must(ann, "open_vote", `{"id":"v2","motion":"mo2","method":"show_of_hands"}`)
	must(ann, "close_vote", `{"vote":"v2"}`)
	must(ann, "enter_count", `{"vote":"v2","for":1,"against":1}`)
	must(ann, "enter_count", `{"vote":"v2","ballots":2,"for":2,"against":1,"note":"After two ballots."}`)
	must(ann, "declare_result", `{"vote":"v2"}`)

	const base = "/api/assemblies/coop/motions/"
	if got, want := w.excerptTypes(ann, base+"mo1/excerpt"), []string{"motion_moved", "vote_opened", "ballot_cast", "ballot_cast", "ballot_cast", "vote_closed", "result_declared"}; !slices.Equal(got, want) {
		t.Errorf("the excerpt of mo1 (a roll call) holds %v, want %v", got, want)
	}
	if got, want := w.excerptTypes(ann, base+"mo2/excerpt"), []string{"motion_moved", "motion_seconded", "vote_opened", "vote_closed", "count_entered", "count_entered", "result_declared"}; !slices.Equal(got, want) {
		t.Errorf("the excerpt of mo2 (a show of hands in two ballots) holds %v, want %v", got, want)
	}
}
