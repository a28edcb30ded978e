package assembly

import (
	"crypto/rand"
	"fmt"
	"reflect"
	"testing"
	"time"

	"plenum/ballot"
	"plenum/internal/enctest"
)

// countedTypes are the event types correct_record refuses to correct:
// written out here, apart from countedEvent, so that a type dropped from
// it, or added to it, is seen.
var countedTypes = []string{
	"ballot_cast", "election_ballot_cast", "encrypted_ballot_cast", "sealed_ballots",
	"vote_opened", "election_opened", "vote_closed", "election_closed", "count_entered",
	"result_declared", "election_declared",
	"encrypted_shuffled", "encrypted_tallied", "partial_decryption_posted", "encrypted_result_derived",
	"vote_withdrawn", "election_withdrawn",
}

// countRefusal is the refusal of a correction of entry n, a count.
func countRefusal(n int) string {
	return fmt.Sprintf("entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes: a correction beside it would read as a second outcome. Say what needs saying with record_narrative; only the assembly changes a count, by voting again (before the result is declared, withdraw_vote or withdraw_election with its consent; after, a motion to reconsider: move_motion with procedure reconsider)", n)
}

// countsRecorded runs, on the fixture, a vote of every method plenum
// counts by hand or from ballots (a show of hands counted and declared, a
// roll call, a secret vote, a vote withdrawn after a ballot), an election
// declared and one withdrawn, and the texts a secretary writes.
func countsRecorded(t *testing.T) *harness {
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt the agenda?","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("kim", "enter_count", `{"vote":"v1","for":7,"against":2,"tellers":["kim"]}`)
	h.must("ann", "declare_result", `{"vote":"v1"}`)
	h.must("ann", "open_vote", `{"id":"v2","question":"Adopt the budget?","method":"roll_call"}`)
	h.must("m1", "cast_ballot", `{"vote":"v2","voter":"m1","choice":"for"}`)
	h.must("m2", "cast_ballot", `{"vote":"v2","voter":"m2","choice":"against"}`)
	h.must("ann", "close_vote", `{"vote":"v2"}`)
	h.must("ann", "declare_result", `{"vote":"v2"}`)
	h.must("ann", "open_vote", `{"id":"v3","question":"Elect by secret ballot?","method":"secret"}`)
	h.must("m1", "cast_ballot", `{"vote":"v3","voter":"m1","choice":"for","token":"TOKEN-OF-m1-0123456"}`)
	h.must("ann", "close_vote", `{"vote":"v3","sealed":[{"token":"SEALED-TOKEN-0000","choice":"for"}]}`)
	h.must("ann", "open_vote", `{"id":"v4","question":"The wrong question?","method":"roll_call"}`)
	h.must("m1", "cast_ballot", `{"vote":"v4","voter":"m1","choice":"for"}`)
	h.must("ann", "withdraw_vote", `{"vote":"v4","reason":"the wrong motion was put","consent":"no objection"}`)
	h.must("ann", "open_election", `{"id":"e1","title":"Presidium","seats":1,"method":"irv","candidates":["m7","m8"]}`)
	h.must("m1", "cast_election_ballot", `{"election":"e1","voter":"m1","ranking":["m7","m8"]}`)
	h.must("ann", "close_election", `{"election":"e1","seed":3}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	h.must("ann", "open_election", `{"id":"e2","title":"Auditors","seats":1,"method":"irv","candidates":["m7","m8"]}`)
	h.must("m2", "cast_election_ballot", `{"election":"e2","voter":"m2","ranking":["m8"]}`)
	h.must("ann", "withdraw_election", `{"election":"e2","reason":"the wrong seats","consent":"no objection"}`)
	h.must("ben", "record_speech", `{"id":"sp1","speaker":"m1","notes":"Speaks for the budget."}`)
	h.must("ben", "record_narrative", `{"text":"Discussion closed."}`)
	h.must("ben", "read_document", `{"id":"d1","title":"Resolution","text":"The budget is adopted."}`)
	h.must("m1", "move_motion", `{"id":"mo1","kind":"substantive","title":"Adopt the budget"}`)
	return h
}

// encryptedCounts runs an encrypted vote to its result and an encrypted
// ranked election to its shuffle and decryption.
func encryptedCounts(t *testing.T) []*harness {
	h, c := encryptedVote(t, false)
	for i, voter := range []string{"m1", "m2", "m3"} {
		h.must(voter, "cast_encrypted_ballot", args("vote", "v", "voter", voter, "ballot", enctest.Ballot(t, c.Key, 3, i, "md-"+voter)))
	}
	h.must("ann", "close_vote", `{"vote":"v"}`)
	totals := h.s.Votes["v"].Encrypted.Tally.Totals
	h.must("kim", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 1, totals)))
	h.must("ben", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 3, totals)))

	e, ec := encryptedElection(t, `{"id":"e","title":"Chair of the council","seats":1,"method":"irv","candidates":["m7","m8"],`+encTrusteesArgs+`}`)
	q := e.s.Elections["e"].Encrypted.Question()
	for i, voter := range []string{"m1", "m2"} {
		b, err := ballot.Encrypt(ec.Key, q, "md-"+voter, []int{i}, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		e.must(voter, "cast_encrypted_ballot", args("election", "e", "voter", voter, "ballot", enctest.Encode(t, b)))
	}
	e.must("ann", "close_election", `{"election":"e","seed":5}`)
	decryptElection(t, e, ec)
	return []*harness{h, e}
}

// TestCorrectRecordRefusesCounts: a correction of an entry of a count —
// every ballot, opening, closing, count, result and withdrawal of a vote
// or an election, plain or encrypted — is refused, by the secretary and
// by the chair, with a refusal that says what to do instead, and changes
// nothing (the harness also compares the state with its replay); the
// texts the secretaries wrote are still corrected.
func TestCorrectRecordRefusesCounts(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range append([]*harness{countsRecorded(t)}, encryptedCounts(t)...) {
		if len(h.events) != h.s.Events {
			t.Fatalf("the harness holds %d events of %d", len(h.events), h.s.Events)
		}
		counted := map[string]bool{}
		for _, typ := range countedTypes {
			counted[typ] = true
		}
		var texts []int
		for n, e := range h.events {
			if !counted[e.EventType()] {
				if _, ok := h.s.RecordIndex[n]; ok && h.s.Counted(n) {
					t.Errorf("entry %d (%s) is marked counted", n, e.EventType())
				}
				switch e.EventType() {
				case "speech_recorded", "narrative_recorded", "document_read", "motion_moved":
					texts = append(texts, n)
				}
				continue
			}
			seen[e.EventType()] = true
			if !h.s.Counted(n) {
				t.Errorf("entry %d (%s) is not marked counted", n, e.EventType())
			}
			events, record := h.s.Events, len(h.s.Record)
			for _, actor := range []string{"ben", "ann"} {
				h.refuse(actor, "correct_record", fmt.Sprintf(`{"entry":%d,"text":"It was carried.","reason":"the count was wrong"}`, n), ErrConflict, countRefusal(n))
				h.refuse(actor, "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"the count was wrong"}`, n), ErrConflict, fmt.Sprintf("entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes; it cannot be struck out. Say what needs saying with record_narrative; only the assembly changes a count, by voting again", n))
			}
			if h.s.Events != events || len(h.s.Record) != record {
				t.Fatalf("the refused correction of entry %d (%s) changed the record", n, e.EventType())
			}
			if pos, ok := h.s.RecordIndex[n]; ok && len(h.s.Record[pos].Corrected) != 0 {
				t.Fatalf("entry %d (%s) is marked corrected", n, e.EventType())
			}
		}
		// A delegate is refused as before, for want of the office.
		if len(texts) > 0 {
			h.refuse("m1", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"x","reason":"y"}`, texts[0]), ErrForbidden, "only a secretary or the chair corrects the minutes")
		}
		for _, n := range texts {
			h.must("ben", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"Corrected text.","reason":"a slip of the pen"}`, n))
			if last := h.events[len(h.events)-1].(RecordCorrected); last.Entry != n {
				t.Fatalf("the correction of entry %d records entry %d", n, last.Entry)
			}
			if got := len(h.s.Record[h.s.RecordIndex[n]].Corrected); got != 1 {
				t.Fatalf("entry %d has %d corrections", n, got)
			}
		}
	}
	for _, typ := range countedTypes {
		if !seen[typ] {
			t.Errorf("no %s entry was tried", typ)
		}
	}
	if len(seen) != len(countedTypes) {
		t.Errorf("tried %d counted types of %d", len(seen), len(countedTypes))
	}
}

// TestCountedEventsListed: countedEvent marks exactly the types the test
// lists, of every event type there is.
func TestCountedEventsListed(t *testing.T) {
	want := map[string]bool{}
	for _, typ := range countedTypes {
		want[typ] = true
	}
	for _, typ := range EventTypes() {
		e, ok := eventTypes[typ]
		if !ok {
			t.Fatalf("no type for %s", typ)
		}
		if got := countedEvent(reflect.New(e).Elem().Interface().(Event)); got != want[typ] {
			t.Errorf("%s: counted %v, want %v", typ, got, want[typ])
		}
		delete(want, typ)
	}
	for typ := range want {
		t.Errorf("%s is listed as counted but is no event type", typ)
	}
}

// TestOldCorrectionOfACountReplays: a log written before correct_record
// refused counts may hold a correction of one; it replays as it was
// recorded, and the record marks it a note on a count (OnCount), for the
// pages and the API to show as one, leaving Sub, the kind of an entry,
// empty; a correction of a text is not marked.
func TestOldCorrectionOfACountReplays(t *testing.T) {
	h := countsRecorded(t)
	result, speech := -1, -1
	for _, r := range h.s.Record {
		switch r.Kind {
		case "result_declared":
			result = r.Entry
		case "speech_recorded":
			speech = r.Entry
		}
	}
	ballot := -1
	for n, e := range h.events {
		if e.EventType() == "ballot_cast" {
			ballot = n
		}
	}
	for _, n := range []int{result, ballot, speech} {
		m := Meta{Assembly: "a1", Actor: "ben", At: h.clock.Add(time.Minute)}
		e := RecordCorrected{Meta: m, Entry: n, Text: "It was carried.", Reason: "an older plenum allowed it"}
		for _, s := range []*State{h.s, h.replay} {
			if err := s.Apply(e); err != nil {
				t.Fatalf("an old correction of entry %d does not replay: %v", n, err)
			}
		}
		r := h.s.Record[len(h.s.Record)-1]
		if want := n != speech; r.OnCount != want || r.Sub != "" {
			t.Errorf("the old correction of entry %d is marked on a count %v (sub %q), want %v", n, r.OnCount, r.Sub, want)
		}
		if pos, ok := h.s.RecordIndex[n]; ok && len(h.s.Record[pos].Corrected) != 1 {
			t.Errorf("entry %d does not point at its correction", n)
		}
	}
	if !reflect.DeepEqual(h.s, h.replay) {
		t.Fatal("the replayed state differs")
	}
}
