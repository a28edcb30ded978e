package assembly

import (
	"bufio"
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// raisesPresence classifies every event type the package defines: true
// where applying it raises State.PresenceEvents (it can change who is
// present or from where, or who holds, votes with or carries which
// mandate), false where it cannot. The harness checks every event a test
// applies against it (checkPresence), and TestPresenceEventsClassified
// that every event type is classified here.
var raisesPresence = map[string]bool{
	"assembly_created":             true,
	"attendance_recording_started": true,
	"checked_in":                   true,
	"checked_out":                  true,
	"left_hall":                    true,
	"mandate_amended":              true,
	"mandate_rejected":             true,
	"mandate_submitted":            true,
	"mandate_verified":             true,
	"proxy_transferred":            true,
	"returned_to_hall":             true,
	"rules_set":                    true,
	"sitting_opened":               true,

	"access_codes_issued":         false,
	"access_codes_revoked":        false,
	"alternatives_grouped":        false,
	"assembly_amended":            false,
	"ballot_cast":                 false,
	"body_formed":                 false,
	"body_instructed":             false,
	"body_members_added":          false,
	"body_members_removed":        false,
	"body_reported":               false,
	"candidate_nominated":         false,
	"change_recommended":          false,
	"confirmation_posted":         false,
	"count_entered":               false,
	"countdown_set":               false,
	"dealing_posted":              false,
	"discussion_closed":           false,
	"document_read":               false,
	"election_ballot_cast":        false,
	"election_closed":             false,
	"election_declared":           false,
	"election_key_derived":        false,
	"election_opened":             false,
	"election_withdrawn":          false,
	"encrypted_ballot_cast":       false,
	"encrypted_result_derived":    false,
	"encrypted_shuffled":          false,
	"encrypted_tallied":           false,
	"floor_deprived":              false,
	"floor_given":                 false,
	"floor_request_withdrawn":     false,
	"floor_requested":             false,
	"gap_recorded":                false,
	"interjection_recorded":       false,
	"item_added":                  false,
	"item_closed":                 false,
	"item_planned":                false,
	"item_resumed":                false,
	"item_retitled":               false,
	"item_tabled":                 false,
	"item_taken_up":               false,
	"items_reordered":             false,
	"list_closed":                 false,
	"list_reopened":               false,
	"mandate_marked":              false,
	"mark_defined":                false,
	"membership_added":            false,
	"minutes_approved":            false,
	"motion_block_added":          false,
	"motion_category_added":       false,
	"motion_classified":           false,
	"motion_disposed":             false,
	"motion_moved":                false,
	"motion_recommended":          false,
	"motion_reopened":             false,
	"motion_seconded":             false,
	"motion_state_set":            false,
	"motion_submitted":            false,
	"motion_support_withdrawn":    false,
	"motion_supported":            false,
	"motion_withdrawn":            false,
	"motions_committee_appointed": false,
	"narrative_recorded":          false,
	"organization_added":          false,
	"organization_amended":        false,
	"organization_removed":        false,
	"organization_noted_present":  false,
	"partial_decryption_posted":   false,
	"person_added":                false,
	"person_amended":              false,
	"presidium_changed":           false,
	"record_access_set":           false,
	"record_corrected":            false,
	"record_struck":               false,
	"reporters_set":               false,
	"item_threshold_set":          false,
	"resolution_consolidated":     false,
	"result_declared":             false,
	"role_granted":                false,
	"role_revoked":                false,
	"screen_set":                  false,
	"sealed_ballots":              false,
	"sealed_election_ballots":     false,
	"sitting_closed":              false,
	"sitting_guests_added":        false,
	"speaking_time_allotted":      false,
	"speaking_time_set":           false,
	"speech_ended":                false,
	"speech_recorded":             false,
	"submission_deadline_set":     false,
	"trustee_key_posted":          false,
	"vote_closed":                 false,
	"vote_opened":                 false,
	"vote_withdrawn":              false,
}

// presence is what State.PresenceEvents stands for: the attendance, each
// mandate's holder, proxy, kind, weight and status, the mandate each
// person votes with, the rules, and what is counted from them alone (who
// is in the hall, who exercises each mandate, the quorum).
type presence struct {
	Attendance Attendance
	Mandates   map[string]mandatePresence
	Voting     map[string]string
	Rules      Rules
	InHall     []string
	Holders    map[string]string
	Quorum     [3]any
}

type mandatePresence struct {
	Person, Proxy, Kind, Status string
	Weight                      int
}

// presenceOf copies s's presence.
func presenceOf(s *State) presence {
	a := s.Attendance
	p := presence{
		Attendance: Attendance{CheckedIn: maps.Clone(a.CheckedIn), OutOfHall: maps.Clone(a.OutOfHall), WalkedOut: maps.Clone(a.WalkedOut),
			Online: maps.Clone(a.Online), UnnamedOut: a.UnnamedOut, UnnamedWalkedOut: a.UnnamedWalkedOut},
		Mandates: map[string]mandatePresence{},
		Voting:   maps.Clone(s.voting),
		Rules:    s.Assembly.Rules,
		Holders:  map[string]string{},
	}
	for id, m := range s.Mandates {
		p.Mandates[id] = mandatePresence{Person: m.Person, Proxy: m.Proxy, Kind: m.Kind, Status: m.Status, Weight: m.Weight}
		p.Holders[id] = s.holder(m)
	}
	for _, id := range s.PersonOrder {
		if s.InHall(id) {
			p.InHall = append(p.InHall, id)
		}
	}
	present, needed, ok := s.Quorum()
	p.Quorum = [3]any{present, needed, ok}
	return p
}

// presenceSeen is what a harness saw of an event type (harness.seen).
type presenceSeen struct {
	applied int
	changed int // applications that changed the presence
}

// checkPresence checks the event e just applied to the harness's state,
// whose presence was before and PresenceEvents n before it: an event
// classified as raising PresenceEvents raises it by one; any other
// leaves it, and the presence, as they were.
func (h *harness) checkPresence(e Event, before presence, n int) {
	h.t.Helper()
	typ := e.EventType()
	raises, ok := raisesPresence[typ]
	if !ok {
		h.t.Fatalf("the event type %s is not classified in raisesPresence: say whether it can change who is present or who exercises a mandate (and raise State.PresenceEvents if so)", typ)
	}
	after := presenceOf(h.s)
	changed := !reflect.DeepEqual(before, after)
	if h.seen != nil {
		sn := h.seen[typ]
		if sn == nil {
			sn = &presenceSeen{}
			h.seen[typ] = sn
		}
		sn.applied++
		if changed {
			sn.changed++
		}
	}
	switch got := h.s.PresenceEvents - n; {
	case raises && got != 1:
		h.t.Fatalf("%s raised PresenceEvents by %d, not 1", typ, got)
	case !raises && got != 0:
		h.t.Fatalf("%s raised PresenceEvents by %d, though classified as not changing the presence", typ, got)
	case !raises && changed:
		h.t.Fatalf("%s changed the presence without raising PresenceEvents:\nbefore %+v\nafter  %+v", typ, before, after)
	}
}

// TestPresenceEventsClassified: every event type the package registers
// is classified in raisesPresence, and nothing else is.
func TestPresenceEventsClassified(t *testing.T) {
	types := EventTypes()
	for _, typ := range types {
		if _, ok := raisesPresence[typ]; !ok {
			t.Errorf("the event type %s is not classified in raisesPresence", typ)
		}
	}
	for typ := range raisesPresence {
		if !slices.Contains(types, typ) {
			t.Errorf("raisesPresence classifies %s, which is no event type", typ)
		}
	}
}

// TestPresenceEvents runs scenarios through the harness, which checks
// after every event that PresenceEvents moved exactly when the presence
// could change (checkPresence) and that the state replayed from the
// events (as the engine's second copy is) holds the same count: the
// cooperative's general meeting, the fixture with every event that raises
// it among ballots, and random command sequences.
// Every event type classified as raising it must be seen changing the
// presence at least once, else it has no reason to raise it.
func TestPresenceEvents(t *testing.T) {
	seen := map[string]*presenceSeen{}

	// The cooperative's general meeting.
	h := newHarness(t)
	h.seen = seen
	data, err := os.ReadFile("../testdata/coop-2026.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			if err := h.line(l); err != nil {
				t.Fatalf("coop line %d: %v", n, err)
			}
		}
	}

	// Every event that raises it, on the fixture, among ballots.
	h = fixture(t, "congress", `{"proxies_allowed":true,"online":"full"}`)
	h.seen = seen
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"roll_call"}`)
	h.must("m1", "cast_ballot", `{"vote":"v1","voter":"m1","choice":"for"}`)
	h.must("ben", "leave_hall", `{"persons":["m2","m3"],"unnamed":1,"walkout":true}`)
	h.must("ben", "return_to_hall", `{"persons":["m2"],"unnamed":1}`)
	h.must("m4", "check_out", `{"person":"m4"}`)
	h.must("m4", "check_in", `{"person":"m4","where":"online"}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m3","to":"m5"}`)
	h.must("m2", "cast_ballot", `{"vote":"v1","voter":"m2","choice":"against"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("ann", "add_person", `{"id":"late","name":"Late"}`)
	h.must("cara", "submit_mandate", `{"id":"md-late","person":"late","organization":"org","kind":"consultative"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-late"}`)
	h.must("cara", "amend_mandate", `{"mandate":"md-late","kind":"decisive"}`)
	h.must("cara", "reject_mandate", `{"mandate":"md-rep","reason":"not a delegate"}`)
	h.must("ann", "set_rules", `{"overrides":{"online":"none"}}`)
	h.must("ann", "open_election", `{"id":"e1","title":"The auditors","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	// Events of the mandates and the persons that do not change the
	// presence, which no other test of the package applies through the
	// harness.
	h.must("ann", "define_mark", `{"mark":"*","meaning":"also a delegate to the Soviet conference"}`)
	h.must("cara", "mark_mandate", `{"mandate":"md-m1","mark":"*"}`)
	h.must("ann", "revoke_role", `{"person":"kim","role":"teller"}`)
	h.must("ann", "form_body", `{"id":"b1","name":"The mandate commission","kind":"commission","members":["m1","m2"]}`)
	h.must("ann", "add_body_members", `{"body":"b1","persons":["m3"]}`)
	h.must("ann", "remove_body_members", `{"body":"b1","persons":["m2"]}`)
	h.must("ann", "instruct_body", `{"body":"b1","instruction":"check the mandates"}`)
	h.must("ann", "record_gap", `{"reason":"the draft is lost"}`)

	// A registration that starts afresh ends the departures without
	// names: a sitting opened recording who is present, and
	// record_attendance in one opened without it (startRegistration).
	h = fixture(t, "congress", "")
	h.seen = seen
	h.must("ben", "leave_hall", `{"unnamed":2,"walkout":true}`)
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","secretaries":["ben"],"attendance_recorded":false}`)
	h.must("ben", "leave_hall", `{"unnamed":2,"walkout":true}`)
	h.must("ann", "record_attendance", `{}`)
	h.must("ben", "leave_hall", `{"unnamed":1}`)
	h.must("ann", "close_sitting", `{"sitting":"s2"}`)
	h.must("ann", "open_sitting", `{"id":"s3","date":"2026-05-11","chair":"ann","secretaries":["ben"]}`)

	// Random sequences.
	for seed := uint64(1); seed <= 2; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		h := fixture(t, []string{"congress", "ronr"}[seed%2], `{"proxies_allowed":true}`)
		h.seen = seen
		for i := 0; i < 600; i++ {
			actor, cmd := randomCommand(r, h.s)
			h.clock = h.clock.Add(7e9)
			h.run(Meta{Actor: actor, At: h.clock}, cmd)
		}
	}

	var never []string
	for _, typ := range EventTypes() {
		sn := seen[typ]
		switch {
		case sn == nil:
			never = append(never, typ)
		case raisesPresence[typ] && sn.changed == 0:
			t.Errorf("%s raises PresenceEvents, but none of its %d applications changed the presence", typ, sn.applied)
		}
	}
	for typ, raises := range raisesPresence {
		if raises && seen[typ] == nil {
			t.Errorf("%s raises PresenceEvents, but no scenario applied it", typ)
		}
	}
	t.Logf("%d event types applied; not applied by these scenarios (checked wherever another test applies them): %s", len(EventTypes())-len(never), strings.Join(never, " "))
}
