package assembly

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"plenum/tally"
)

func TestSpeakersOrder(t *testing.T) {
	cases := []struct {
		order string
		want  string
	}{
		{OrderFirstCome, "m3 m1 m2 m4 m5"},
		{OrderFirstTimeFirst, "m3 m2 m4 m5 m1"},
		{OrderAlternate, "m3 m4 m2 m5 m1"},
	}
	for _, c := range cases {
		t.Run(c.order, func(t *testing.T) {
			h := fixture(t, "congress", `{"speakers_order":"`+c.order+`","speaking_time_seconds":300}`)
			h.must("m1", "request_floor", `{"item":"i1","person":"m1","side":"for"}`)
			h.must("ann", "give_floor", `{"item":"i1"}`)
			h.must("ann", "end_speech", `{"item":"i1"}`)
			h.must("m1", "request_floor", `{"item":"i1","person":"m1","side":"for"}`)
			h.must("m2", "request_floor", `{"item":"i1","person":"m2","side":"for"}`)
			h.must("m4", "request_floor", `{"item":"i1","person":"m4","side":"against"}`)
			h.must("m5", "request_floor", `{"item":"i1","person":"m5","side":"against"}`)
			h.must("m3", "request_floor", `{"item":"i1","person":"m3","kind":"point_of_order"}`)
			var got []string
			for _, r := range h.s.SpeakersList("i1") {
				got = append(got, r.Person)
			}
			if strings.Join(got, " ") != c.want {
				t.Fatalf("list %v, want %s", got, c.want)
			}
			// Serving the list in its order records who spoke, in order.
			for range got {
				h.must("ann", "give_floor", `{"item":"i1"}`)
				h.must("ann", "end_speech", `{"item":"i1"}`)
			}
			var spoke []string
			for _, tu := range h.s.Items["i1"].Floor.Turns[1:] {
				spoke = append(spoke, tu.Person)
			}
			if strings.Join(spoke, " ") != c.want {
				t.Fatalf("spoke %v", spoke)
			}
		})
	}
}

func TestSpeakingTimeAndDeprivation(t *testing.T) {
	h := fixture(t, "congress", `{"speaking_time_seconds":120}`)
	h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.clock = h.clock.Add(5 * time.Minute)
	h.must("ann", "deprive_floor", `{"item":"i1","reason":"the dictatorship of the proletariat is not under discussion"}`)
	tu := h.s.Items["i1"].Floor.Turns[0]
	if !tu.Deprived || !tu.Overtime || tu.Seconds != 360 || tu.Reason == "" {
		t.Fatalf("turn %+v", tu)
	}
	last := h.s.Record[len(h.s.Record)-1]
	if last.Kind != "floor_deprived" || last.Text != "The chair deprives m1 of the floor: the dictatorship of the proletariat is not under discussion" {
		t.Fatalf("record %+v", last)
	}
	// The reporter sums up after the discussion closes.
	h.must("ann", "close_discussion", `{"item":"i1"}`)
	h.must("ann", "give_floor", `{"item":"i1","person":"rep","summary":true}`)
	if k := h.s.Items["i1"].Floor.Turns[1].Kind; k != "summary" {
		t.Fatalf("kind %s", k)
	}
}

// TestCounts1917 enters the counts as the 1917 minutes give them.
func TestCounts1917(t *testing.T) {
	cases := []struct {
		name, count, declare, outcome, arith string
	}{
		{"three ballots", `"for":74,"against":66,"ballots":3`, ``, "carried", "after 3 ballots: 74 for, 66 against, 140 cast; 71 needed; carried"},
		{"plain", `"for":38,"against":26`, ``, "carried", "38 for, 26 against, 64 cast; 33 needed; carried"},
		{"tie", `"for":30,"against":30`, ``, "defeated", "30 for, 30 against, 60 cast; 31 needed; defeated"},
		{"ranges declared", `"for":"62-68","against":"66-70"`, `carried`, "carried", "62–68 for, 66–70 against; the count does not decide; declared; carried"},
		{"ranges that decide", `"for":"80-85","against":"60-62"`, ``, "carried", "80–85 for, 60–62 against; carried"},
		{"all against 29", `"for":29,"against":"rest"`, ``, "defeated", "29 for, all the others against; defeated"},
		{"all against four", `"for":"rest","against":4`, ``, "carried", "all the others for, 4 against; carried"},
		{"majority against", `"for":"minority","against":"majority"`, ``, "defeated", "a minority for, the majority against; defeated"},
		{"unanimously", `"unanimous":true`, ``, "carried", "unanimous; carried"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := restored(t, "congress", "")
			h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"show_of_hands"}`)
			h.must("ann", "close_vote", `{"vote":"v"}`)
			h.must("kim", "enter_count", `{"vote":"v",`+c.count+`}`)
			args := `{"vote":"v"}`
			if c.declare != "" {
				args = `{"vote":"v","outcome":"` + c.declare + `"}`
			}
			h.must("ann", "declare_result", args)
			r := h.s.Votes["v"].Result
			if r.Outcome != c.outcome || r.Arithmetic != c.arith {
				t.Fatalf("got %s %q", r.Outcome, r.Arithmetic)
			}
		})
	}
	// "The majority in favor": no count, the outcome declared.
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v","question":"Invite back those who walked out","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("ann", "declare_result", `{"vote":"v","outcome":"carried","note":"The majority in favor."}`)
	if r := h.s.Votes["v"].Result; r.Arithmetic != "no count recorded; declared carried" || r.Note != "The majority in favor." {
		t.Fatalf("%+v", r)
	}
	// Under a two-thirds threshold "rest" does not show the threshold reached.
	h = fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"show_of_hands","threshold":"two_thirds_cast","ruling":"the question changes the statutes"}`)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("kim", "enter_count", `{"vote":"v","for":"rest","against":4}`)
	h.refuse("ann", "declare_result", `{"vote":"v"}`, ErrInvalid, "the count (all the others for, 4 against; the count does not show whether two thirds of the votes cast was reached) does not decide the vote; declare the outcome")
}

func TestSecretBallot(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"secret"}`)
	h.refuse("m1", "cast_ballot", `{"vote":"v","voter":"m1","choice":"against"}`, ErrInvalid, "a secret ballot needs its token (at least 16 characters), which plenum makes")
	h.refuse("m1", "cast_ballot", `{"vote":"v","voter":"m1","choice":"against","token":"short"}`, ErrInvalid, "a secret ballot needs its token (at least 16 characters), which plenum makes")
	for _, p := range []string{"m1", "m2", "m3"} {
		h.must(p, "cast_ballot", `{"vote":"v","voter":"`+p+`","choice":"against","token":"TOKEN-OF-`+p+`-0123456"}`)
	}
	for _, e := range h.events {
		if bc, ok := e.(BallotCast); ok {
			if b, _ := EncodeEvent(bc); strings.Contains(string(b), "TOKEN-OF") {
				t.Fatalf("a ballot_cast event carries the ballot's token: %s", b)
			}
		}
	}
	for _, b := range h.s.Votes["v"].Ballots {
		if b.Choice != "" {
			t.Fatalf("a secret ballot recorded its choice: %+v", b)
		}
	}
	for _, e := range h.events {
		if bc, ok := e.(BallotCast); ok && bc.Choice != "" {
			t.Fatalf("a secret ballot event carries its choice: %+v", bc)
		}
	}
	sealed := func(choices ...string) string {
		var parts []string
		for i, c := range choices {
			parts = append(parts, fmt.Sprintf(`{"token":"SEALED-TOKEN-%04d","choice":%q}`, i, c))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	h.refuse("ann", "close_vote", `{"vote":"v","sealed":`+sealed("for", "maybe", "for")+`}`, ErrInvalid, `a sealed ballot holds "maybe", which is not a choice in v`)
	h.refuse("ann", "close_vote", `{"vote":"v","sealed":["for","against","for"]}`, ErrInvalid, "a sealed ballot's token has 16 to 128 characters")
	h.refuse("ann", "close_vote", `{"vote":"v","sealed":[{"token":"SEALED-TOKEN-0000","choice":"for"},{"token":"SEALED-TOKEN-0000","choice":"for"},{"token":"SEALED-TOKEN-0002","choice":"for"}]}`, ErrInvalid, "the token SEALED-TOKEN-0000 is on two sealed ballots")
	h.must("ann", "close_vote", `{"vote":"v","sealed":`+sealed("for", "against", "for")+`}`)
	if vc, ok := h.events[len(h.events)-2].(VoteClosed); !ok || len(vc.Sealed) != 0 {
		t.Fatalf("%+v, want vote_closed without ballots", h.events[len(h.events)-2])
	}
	if sb, ok := h.events[len(h.events)-1].(SealedBallots); !ok || len(sb.Sealed) != 3 || sb.Sealed[1] != (SealedChoice{Token: "SEALED-TOKEN-0001", Choice: "against"}) {
		t.Fatalf("sealed_ballots: %+v, want the sealed ballots in the order given", h.events[len(h.events)-1])
	}
	if v := h.s.Votes["v"]; len(v.SealedEntries) != 1 || v.SealedEntries[0] != int64(h.s.Events-1) {
		t.Fatalf("SealedEntries %v, want [%d]", v.SealedEntries, h.s.Events-1)
	}
	h.must("ann", "declare_result", `{"vote":"v"}`)
	if r := h.s.Votes["v"].Result; r.Arithmetic != "2 for, 1 against, 3 cast; 2 needed; carried" {
		t.Fatalf("%+v", r)
	}
}

func TestProxyAndWalkout(t *testing.T) {
	h := fixture(t, "congress", `{"proxies_allowed":true}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3","note":"m1 left for the front"}`)
	h.refuse("m3", "cast_ballot", `{"vote":"v","voter":"m3","choice":"for"}`, ErrNotFound, `there is no vote "v"`)
	h.must("ben", "leave_hall", `{"persons":["m1"]}`)
	h.must("ben", "leave_hall", `{"persons":["m5","m6"],"unnamed":5,"walkout":true,"note":"Seven men leave the hall"}`)
	h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"roll_call"}`)
	att := h.s.Votes["v"].Attendance
	// m1 is away but carried by m3; m5 and m6 walked out, and five more
	// whom the minutes do not name: they are taken from those present.
	want := AttendanceSnapshot{Eligible: 10, Present: 3, Absent: 0, WalkedOut: 7, ByKind: map[string]int{"decisive": 8}, UnnamedOut: 5}
	if !reflect.DeepEqual(att, want) {
		t.Fatalf("attendance %+v", att)
	}
	h.must("m3", "cast_ballot", `{"vote":"v","voter":"m3","choice":"for"}`)
	h.must("m3", "cast_ballot", `{"vote":"v","voter":"m3","choice":"against","for_mandate":"md-m1"}`)
	h.refuse("m4", "cast_ballot", `{"vote":"v","voter":"m4","choice":"for","for_mandate":"md-m2"}`, ErrForbidden, "m4 does not carry the mandate md-m2")
	b := h.s.Votes["v"].Ballots
	if len(b) != 2 || b[1].Right != "md-m1" || b[1].Voter != "m3" {
		t.Fatalf("ballots %+v", b)
	}
	h.must("ben", "return_to_hall", `{"persons":["m1"]}`)
	h.refuse("m3", "cast_ballot", `{"vote":"v","voter":"m1","choice":"for"}`, ErrForbidden, "m3 cannot cast a ballot for m1; each voter casts their own")
	h.refuse("m1", "cast_ballot", `{"vote":"v","voter":"m1","choice":"for"}`, ErrConflict, "the mandate md-m1 has already voted in v; there is no second ballot")
}

func TestJointSittingGuestsVote(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "close_sitting", `{"sitting":"s1","time":"3:30 a.m."}`)
	h.must("ann", "add_organization", `{"id":"mensheviks","name":"Mensheviks","kind":"faction"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","joint_with":["mensheviks"],"guests":["guest"],"guests_may_vote":true}`)
	h.must("ann", "change_presidium", `{"sitting":"s2","add":["guest"],"chair":"guest","note":"added to the presidium; takes the chair"}`)
	h.must("guest", "open_vote", `{"id":"v","question":"Q","method":"roll_call"}`)
	h.refuse("guest", "cast_ballot", `{"vote":"v","voter":"guest","choice":"for"}`, ErrForbidden, "guest is not present in the hall; only those present vote")
	h.must("guest", "check_in", `{"person":"guest"}`)
	h.must("guest", "cast_ballot", `{"vote":"v","voter":"guest","choice":"for"}`)
	// Under congress rules a guest of the sitting may speak.
	h.must("ann", "take_up_item", `{"item":"i1"}`)
	h.must("guest", "request_floor", `{"item":"i1","person":"guest"}`)
	if b := h.s.Votes["v"].Ballots[0]; b.Right != "p:guest" {
		t.Fatalf("ballot %+v", b)
	}
	// Only those named may vote: "those will vote who voted at the faction conference".
	h.must("guest", "open_vote", `{"id":"v2","question":"Q","method":"roll_call","eligible":{"persons":["m1","m2"],"note":"those who voted at the faction conference"}}`)
	h.refuse("m3", "cast_ballot", `{"vote":"v2","voter":"m3","choice":"for"}`, ErrForbidden, "the mandate md-m3 is not entitled to vote in v2 (those who voted at the faction conference)")
}

func TestAlternatives(t *testing.T) {
	h := restored(t, "congress", "")
	h.must("ben", "move_motion", `{"id":"ec","kind":"substantive","title":"Adhere to the resolution of the Executive Committee","label":"KROKHMAL"}`)
	h.must("m1", "move_motion", `{"id":"kam","kind":"substantive","title":"Kamenev's resolution"}`)
	h.must("ann", "group_alternatives", `{"id":"basis","title":"Which resolution is taken as the basis","motions":["ec","kam"]}`)
	h.refuse("ann", "open_vote", `{"id":"v0","motion":"kam","method":"show_of_hands"}`, ErrConflict, "kam competes in basis; first vote which draft is taken as the basis")
	h.must("ann", "open_vote", `{"id":"v","alternatives":"basis","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("kim", "enter_count", `{"vote":"v","alternatives":{"ec":29,"kam":74}}`)
	h.refuse("ann", "declare_result", `{"vote":"v","outcome":"ec"}`, ErrConflict, "the counts (ec 29, kam 74) take kam as the basis, not ec")
	h.must("ann", "declare_result", `{"vote":"v"}`)
	s := h.s
	if s.Alternatives["basis"].Chosen != "kam" || !s.Motions["kam"].Basis || s.Motions["ec"].Status != MotionStatusSetAside {
		t.Fatalf("basis %+v", s.Alternatives["basis"])
	}
	if r := s.Votes["v"].Result; r.Arithmetic != "ec 29, kam 74; taken as the basis: kam" {
		t.Fatalf("%q", r.Arithmetic)
	}
	// Now the chosen draft is voted on.
	h.must("ann", "open_vote", `{"id":"v2","motion":"kam","method":"show_of_hands"}`)
}

func TestProceduralEffects(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ben", "move_motion", `{"id":"close","kind":"procedural","procedure":"close_discussion","title":"Close the discussion, elect a committee, give the floor to the reporters","mover":"m1"}`)
	h.must("ann", "open_vote", `{"id":"v1","motion":"close","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	h.must("ann", "declare_result", `{"vote":"v1","outcome":"carried"}`)
	if !h.s.Items["i1"].Floor.DiscussionClosed {
		t.Fatal("the discussion was not closed")
	}
	h.must("ann", "add_item", `{"id":"i2","title":"Admitting the defensists who split"}`)
	h.must("ann", "take_up_item", `{"item":"i2"}`)
	h.must("m2", "move_motion", `{"id":"tab","kind":"procedural","procedure":"table","title":"Table until fuller attendance","text":"until there is a fuller attendance of the faction"}`)
	h.must("ann", "open_vote", `{"id":"v2","motion":"tab","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v2"}`)
	h.must("kim", "enter_count", `{"vote":"v2","for":"majority","against":"minority"}`)
	h.must("ann", "declare_result", `{"vote":"v2"}`)
	if it := h.s.Items["i2"]; it.Status != ItemStatusTabled || it.TabledUntil != "until there is a fuller attendance of the faction" {
		t.Fatalf("item %+v", it)
	}
	// Reconsideration reopens a decided motion.
	h.must("m3", "move_motion", `{"id":"rec","kind":"procedural","procedure":"reconsider","title":"Reconsider","target":"close","item":"i1"}`)
	h.must("ann", "open_vote", `{"id":"v3","motion":"rec","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v3"}`)
	h.must("kim", "enter_count", `{"vote":"v3","for":6,"against":2}`)
	h.must("ann", "declare_result", `{"vote":"v3"}`)
	if st := h.s.Motions["close"].Status; st != MotionStatusPending {
		t.Fatalf("reconsidered motion is %s", st)
	}
}

func TestElections(t *testing.T) {
	h := fixture(t, "congress", "")
	// A count fills at most tally.MaxSeats: more would run seat by seat
	// for minutes at the close.
	h.refuse("ann", "open_election", `{"id":"e0","title":"Everyone","seats":100001,"method":"dhondt","lists":[{"id":"l","name":"L","candidates":["m1"]}]}`,
		ErrInvalid, "100001 seats are more than an election fills (at most 100000)")
	h.must("ann", "open_election", `{"id":"e1","title":"Committee to draft the resolution","body":"draft","seats":2,"method":"plurality","candidates":["m1","m2","m3"],"instruction":"draft the resolution"}`)
	h.must("ann", "nominate", `{"election":"e1","person":"m4"}`)
	for p, a := range map[string]string{"m5": `["m1","m4"]`, "m6": `["m1","m3"]`, "m7": `["m4"]`, "m8": `["m2","m1"]`} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","approve":`+a+`}`)
	}
	h.must("ann", "close_election", `{"election":"e1","seed":7}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	el := h.s.Elections["e1"]
	if !reflect.DeepEqual(el.Elected, []string{"m1", "m4"}) {
		t.Fatalf("elected %v (%s)", el.Elected, el.Arithmetic)
	}
	b := h.s.Bodies["draft"]
	if !reflect.DeepEqual(b.Members, []string{"m1", "m4"}) || !reflect.DeepEqual(b.Instructions, []string{"draft the resolution"}) {
		t.Fatalf("body %+v", b)
	}
	// According to tendencies: seats among the tendencies' lists.
	h.must("ann", "add_organization", `{"id":"def","name":"Defensists","kind":"tendency"}`)
	h.must("ann", "open_election", `{"id":"e2","title":"Conciliation committee","body":"conc","seats":4,"method":"by_tendency","lists":[{"id":"l-left","name":"Internationalists","tendency":"left","candidates":["m1","m2","m3"]},{"id":"l-def","name":"Defensists","tendency":"def","candidates":["m9","m10"]}]}`)
	for i, p := range []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"} {
		list := "l-left"
		if i >= 6 {
			list = "l-def"
		}
		h.must(p, "cast_election_ballot", `{"election":"e2","voter":"`+p+`","list":"`+list+`"}`)
	}
	h.must("ann", "close_election", `{"election":"e2"}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	if got := h.s.Elections["e2"].Elected; !reflect.DeepEqual(got, []string{"m1", "m2", "m9", "m10"}) {
		t.Fatalf("by tendency: %v (%s)", got, h.s.Elections["e2"].Arithmetic)
	}
	// A restored record: "The following elected: …".
	h.must("ann", "open_election", `{"id":"e3","title":"Committee on the agrarian question","body":"agr","seats":5,"method":"plurality"}`)
	h.must("ann", "close_election", `{"election":"e3"}`)
	h.must("ann", "declare_election", `{"election":"e3","elected":["m1","m2","m3","m4","m5"]}`)
	if got := h.s.Bodies["agr"].Members; len(got) != 5 {
		t.Fatalf("agr members %v", got)
	}
}

func TestApplyRefusesCorruptEvents(t *testing.T) {
	h := fixture(t, "congress", "")
	m := Meta{Assembly: "a1", Actor: "ann", At: h.clock}
	cases := []struct {
		name string
		e    Event
		msg  string
	}{
		{"unknown vote", BallotCast{Meta: m, Vote: "nope", Voter: "m1", Right: "md-m1", Choice: "for"}, `the ballot of m1 in "nope" does not fit the vote`},
		{"other assembly", CheckedIn{Meta: Meta{Assembly: "b", Actor: "ann"}, Person: "guest"}, `the checked_in event belongs to the assembly "b", not "a1"`},
		{"second creation", AssemblyCreated{Meta: m, Assembly: Assembly{ID: "a1"}}, `the assembly "a1" was already created`},
		{"unknown person in hall", LeftHall{Meta: m, Persons: []string{"zed"}}, "zed cannot leave the hall"},
		{"declare open vote", ResultDeclared{Meta: m, Vote: "v"}, `the result of "v" cannot be declared`},
	}
	for _, c := range cases {
		before := h.s.Events
		err := h.s.Apply(c.e)
		if err == nil || CodeOf(err) != ErrCorrupt || err.Error() != c.msg {
			t.Errorf("%s: got %v, want %q", c.name, err, c.msg)
		}
		if h.s.Events != before || !reflect.DeepEqual(h.s, h.replay) {
			t.Errorf("%s: a refused event changed the state", c.name)
		}
	}
	if err := NewState().Apply(CheckedIn{Meta: m, Person: "m1"}); err == nil || err.Error() != "the checked_in event comes before the assembly was created" {
		t.Errorf("event before creation: %v", err)
	}
	if _, err := DecodeEvent("ballot_cast", []byte(`{"vote":"v","extra":1}`)); err == nil || err.Error() != `the ballot_cast event cannot be read: unknown field "extra"` {
		t.Errorf("strict decode: %v", err)
	}
	if _, err := DecodeEvent("ballot_spoiled", []byte(`{}`)); err == nil || err.Error() != `unknown event type "ballot_spoiled"` {
		t.Errorf("unknown type: %v", err)
	}
}

func TestIdempotencyKeys(t *testing.T) {
	h := fixture(t, "congress", "")
	m := Meta{Actor: "ben", At: h.clock, Key: "k-1"}
	if err := h.run(m, RecordNarrative{Text: "Time: 3:30 a.m."}); err != nil {
		t.Fatal(err)
	}
	i, ok := h.s.KeySeen("k-1")
	if !ok || i != h.s.Events-1 {
		t.Fatalf("key seen at %d %v", i, ok)
	}
	err := h.run(m, RecordNarrative{Text: "Time: 3:30 a.m."})
	if CodeOf(err) != ErrDuplicate || err.Error() != `a command with the key "k-1" was already accepted` {
		t.Fatalf("duplicate: %v", err)
	}
}

// TestEveryCommandDocumented keeps docs/script.md and the code in step.
func TestEveryCommandDocumented(t *testing.T) {
	doc, err := osReadFile("../docs/script.md")
	if err != nil {
		t.Skip("docs/script.md not found")
	}
	for _, name := range CommandNames() {
		if !strings.Contains(string(doc), "| `"+name+"` |") {
			t.Errorf("the command %s is not in docs/script.md", name)
		}
	}
	for _, name := range EventTypes() {
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("the event %s is not in docs/script.md", name)
		}
	}
}

func TestWeightsAndEligible(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuse("cara", "submit_mandate", `{"id":"md-big","person":"guest","organization":"org","kind":"decisive","weight":3}`, ErrInvalid, "the rules of procedure give every mandate one vote; a weight of 3 needs the rule that a mandate may carry several votes")
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`)
	h.must("cara", "submit_mandate", `{"id":"md-big","person":"guest","organization":"org","kind":"decisive","weight":3,"note":"a local of 300 members"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-big"}`)
	h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"roll_call"}`)
	if err := h.s.Eligible("v", "guest"); err == nil || err.Error() != "guest is not present in the hall; only those present vote" {
		t.Fatalf("Eligible before check-in: %v", err)
	}
	h.must("guest", "check_in", `{"person":"guest"}`)
	if err := h.s.Eligible("v", "guest"); err != nil {
		t.Fatal(err)
	}
	h.must("guest", "cast_ballot", `{"vote":"v","voter":"guest","choice":"for"}`)
	if err := h.s.Eligible("v", "guest"); CodeOf(err) != ErrConflict {
		t.Fatalf("Eligible after voting: %v", err)
	}
	if err := h.s.Eligible("v", "rep"); err == nil || err.Error() != "the mandate md-rep is not entitled to vote in v: a consultative mandate gives a voice but no vote, unless the rules of procedure say that consultative votes vote too" {
		t.Fatalf("Eligible of a consultative mandate: %v", err)
	}
	h.must("m1", "cast_ballot", `{"vote":"v","voter":"m1","choice":"against"}`)
	h.must("m2", "cast_ballot", `{"vote":"v","voter":"m2","choice":"against"}`)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	h.must("ann", "declare_result", `{"vote":"v"}`)
	if r := h.s.Votes["v"].Result; r.Arithmetic != "3 for, 2 against, 5 cast; 3 needed; carried" {
		t.Fatalf("weighted: %q", r.Arithmetic)
	}
	// In a secret vote the sealed ballots number the votes, weights counted.
	h.must("ann", "open_vote", `{"id":"s","question":"Q","method":"secret"}`)
	h.must("guest", "cast_ballot", `{"vote":"s","voter":"guest","choice":"against","token":"GUEST-TOKEN-0123456"}`)
	h.refuse("ann", "close_vote", `{"vote":"s","sealed":[{"token":"GUEST-TOKEN-0123456","choice":"against"}]}`, ErrInvalid, "the sealed ballots (1) must number the votes cast (3)")
	units := UnitTokens("GUEST-TOKEN-0123456", 3)
	h.must("ann", "close_vote", fmt.Sprintf(`{"vote":"s","sealed":[{"token":%q,"choice":"against"},{"token":%q,"choice":"against"},{"token":%q,"choice":"against"}]}`, units[1], units[0], units[2]))
	h.must("ann", "declare_result", `{"vote":"s"}`)
	if r := h.s.Votes["s"].Result; r.Arithmetic != "0 for, 3 against, 3 cast; 2 needed; defeated" {
		t.Fatalf("weighted secret: %q", r.Arithmetic)
	}
}

// TestEventJSON pins the shape of an event in the ledger.
func TestEventJSON(t *testing.T) {
	e := BallotCast{Meta: Meta{Assembly: "coop-2026", Actor: "ivy", At: time.Date(2026, 5, 9, 8, 48, 0, 0, time.UTC), Key: "k7"}, Vote: "v-survey", Voter: "ivy", Right: "m-ivy", Choice: "for", Weight: 1}
	b, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"meta":{"assembly":"coop-2026","actor":"ivy","at":"2026-05-09T08:48:00Z","key":"k7"},"vote":"v-survey","voter":"ivy","right":"m-ivy","choice":"for","weight":1}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	d, err := DecodeEvent("ballot_cast", b)
	if err != nil || !reflect.DeepEqual(d, Event(e)) {
		t.Fatalf("decoded %#v, %v", d, err)
	}
}

// TestGoBuiltCommandsValidated: commands built as Go structs (not parsed)
// get the same checks of ids, enums and required fields.
func TestGoBuiltCommandsValidated(t *testing.T) {
	h := fixture(t, "congress", "")
	m := Meta{Actor: "ann", At: h.clock}
	cases := []struct {
		c   Command
		msg string
	}{
		{OpenVote{ID: "Vote 1", Question: "Q", Method: "roll_call"}, `open_vote: "Vote 1" in the field "id" is not a valid id: 'V' is not allowed; use lower case letters, digits, '-' and '_'`},
		{OpenVote{ID: "v1", Question: "Q", Method: "acclaim"}, `open_vote: the field "method" must be one of show_of_hands, roll_call, secret, encrypted, not "acclaim"`},
		{AddPerson{ID: "p"}, `add_person: the field "name" is required`},
		{OpenElection{ID: "e", Title: "E", Seats: 1, Method: "plurality", Lists: []List{{ID: "l"}}}, `open_election: the field "name" is required`},
	}
	for _, c := range cases {
		err := h.run(m, c.c)
		if err == nil || err.Error() != c.msg || CodeOf(err) != ErrInvalid {
			t.Errorf("%T: got %v, want %q", c.c, err, c.msg)
		}
	}
}

func TestCheckInReturnsToHall(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ben", "leave_hall", `{"persons":["m1"],"walkout":true}`)
	h.must("ben", "check_out", `{"person":"m1"}`)
	h.must("m1", "check_in", `{"person":"m1"}`)
	if !h.s.InHall("m1") || h.s.Attendance.WalkedOut["m1"] {
		t.Fatal("checking in again does not bring a delegate back into the hall")
	}
	// A speech cut off by tabling the item ends with it.
	h.must("m2", "request_floor", `{"item":"i1","person":"m2"}`)
	h.must("ann", "give_floor", `{"item":"i1"}`)
	h.must("ann", "table_item", `{"item":"i1","until":"until fuller attendance"}`)
	if tu := h.s.Items["i1"].Floor.Turns[0]; tu.To.IsZero() || h.s.Items["i1"].Floor.Speaker != "" {
		t.Fatalf("turn %+v", tu)
	}
}

// TestThresholdsAgainstTally: the thresholds of the rules carry the motion
// exactly when "needed" is reached, at the edges.
func TestThresholdsAgainstTally(t *testing.T) {
	cases := []struct {
		th             Threshold
		f, a, ab, p, m int
		abst           bool
		ok             bool
		base, needed   int
	}{
		{MajorityCast, 74, 66, 0, 0, 0, false, true, 140, 71},
		{MajorityCast, 70, 70, 0, 0, 0, false, false, 140, 71},
		{MajorityCast, 6, 4, 3, 0, 0, true, false, 13, 7},
		{TwoThirdsCast, 8, 4, 0, 0, 0, false, true, 12, 8},
		{TwoThirdsCast, 7, 4, 0, 0, 0, false, false, 11, 8},
		{ThreeQuartersCast, 9, 3, 0, 0, 0, false, true, 12, 9},
		{MajorityPresent, 20, 5, 0, 50, 80, false, false, 50, 26},
		{MajorityMembers, 41, 0, 0, 50, 80, false, true, 80, 41},
	}
	for _, c := range cases {
		ok, base, needed, err := c.th.passes(tally.Rules1, c.f, c.a, c.ab, c.abst, c.p, c.m)
		if err != nil || ok != c.ok || base != c.base || needed != c.needed {
			t.Errorf("%s %d/%d/%d: got %v %d %d %v", c.th, c.f, c.a, c.ab, ok, base, needed, err)
		}
	}
}

func TestRankedElections(t *testing.T) {
	for _, method := range []string{"irv", "stv-scottish", "stv-meek"} {
		t.Run(method, func(t *testing.T) {
			h := fixture(t, "congress", "")
			seats := 1
			if method != "irv" {
				seats = 2
			}
			h.must("ann", "open_election", fmt.Sprintf(`{"id":"e","title":"Presidium","seats":%d,"method":%q,"candidates":["m1","m2","m3"]}`, seats, method))
			h.refuse("m4", "cast_election_ballot", `{"election":"e","voter":"m4","approve":["m1"]}`, ErrInvalid, "a ballot in e ranks the candidates (ranking)")
			ballots := map[string]string{"m4": `["m1","m2"]`, "m5": `["m1","m3"]`, "m6": `["m1","m2"]`, "m7": `["m2","m1"]`, "m8": `["m3","m2"]`, "m9": `["m2","m3"]`, "m10": `["m1","m3"]`}
			for _, p := range []string{"m4", "m5", "m6", "m7", "m8", "m9", "m10"} {
				h.must(p, "cast_election_ballot", `{"election":"e","voter":"`+p+`","ranking":`+ballots[p]+`}`)
			}
			h.must("ann", "close_election", `{"election":"e","seed":1}`)
			h.must("ann", "declare_election", `{"election":"e"}`)
			el := h.s.Elections["e"]
			want := []string{"m1"}
			if seats == 2 {
				want = []string{"m1", "m2"}
			}
			t.Log(el.Arithmetic)
			if !reflect.DeepEqual(el.Elected, want) || !strings.HasPrefix(el.Arithmetic, method+", 7 ballots: m1 4") {
				t.Fatalf("elected %v: %s", el.Elected, el.Arithmetic)
			}
		})
	}
}

// TestApplyDoesNotAliasEvents: one event applied to two states leaves them
// independent (the state copies the slices it later appends to).
func TestApplyDoesNotAliasEvents(t *testing.T) {
	m := Meta{Assembly: "a1", Actor: "ann", At: time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)}
	guests := make([]string, 1, 4) // spare capacity, as a decoded slice may have
	guests[0] = "g0"
	evs := []Event{
		AssemblyCreated{Meta: m, Admin: "ann", Assembly: Assembly{ID: "a1", Name: "A"}},
		SittingOpened{Meta: m, ID: "s1", Chair: "ann", Presidium: []string{"ann"}, Guests: guests},
	}
	a, b := NewState(), NewState()
	for _, e := range evs {
		if err := a.Apply(e); err != nil {
			t.Fatal(err)
		}
		if err := b.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Apply(SittingGuestsAdded{Meta: m, Sitting: "s1", Guests: []string{"guest"}}); err != nil {
		t.Fatal(err)
	}
	if err := b.Apply(SittingGuestsAdded{Meta: m, Sitting: "s1", Guests: []string{"outsider"}}); err != nil {
		t.Fatal(err)
	}
	if g := a.Sittings["s1"].Guests; len(g) != 2 || g[1] != "guest" {
		t.Fatalf("the guests of one state were overwritten by the other's: %v", g)
	}
}

// TestSealedLegacy reads a vote_closed event written before sealed ballots
// had tokens: its sealed ballots were bare choices.
func TestSealedLegacy(t *testing.T) {
	e, err := DecodeEvent("vote_closed", []byte(`{"meta":{"assembly":"a","actor":"ann","at":"2026-05-09T10:00:00Z","key":""},"vote":"v","sealed":["for","against"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if vc := e.(VoteClosed); len(vc.Sealed) != 2 || vc.Sealed[1] != (SealedChoice{Choice: "against"}) {
		t.Fatalf("%+v", vc)
	}
}

// TestSealedChunks: a secret vote of more votes than one entry holds
// enters the log in several sealed_ballots events, all in one command.
func TestSealedChunks(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`)
	h.must("cara", "submit_mandate", `{"id":"md-big","person":"guest","organization":"org","kind":"decisive","weight":450}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-big"}`)
	h.must("guest", "check_in", `{"person":"guest"}`)
	h.must("ann", "open_vote", `{"id":"s","question":"Q","method":"secret"}`)
	h.must("guest", "cast_ballot", `{"vote":"s","voter":"guest","choice":"for","token":"GUEST-TOKEN-0123456"}`)
	h.must("m1", "cast_ballot", `{"vote":"s","voter":"m1","choice":"against","token":"M1-TOKEN-0123456789"}`)
	var sealed []SealedChoice
	for _, tok := range UnitTokens("GUEST-TOKEN-0123456", 450) {
		sealed = append(sealed, SealedChoice{Token: tok, Choice: "for"})
	}
	sealed = append(sealed, SealedChoice{Token: "M1-TOKEN-0123456789", Choice: "against"})
	args, _ := json.Marshal(CloseVote{Vote: "s", Sealed: sealed})
	before := len(h.events)
	h.must("ann", "close_vote", string(args))
	var sizes []int
	for _, e := range h.events[before+1:] {
		sizes = append(sizes, len(e.(SealedBallots).Sealed))
	}
	if fmt.Sprint(sizes) != "[200 200 51]" {
		t.Fatalf("sealed_ballots sizes %v", sizes)
	}
	if v := h.s.Votes["s"]; len(v.SealedEntries) != 3 || len(v.Sealed) != 451 {
		t.Fatalf("SealedEntries %v, %d sealed", v.SealedEntries, len(v.Sealed))
	}
	for _, e := range h.events[before+1:] {
		if b, _ := EncodeEvent(e); len(b) > 60000 {
			t.Fatalf("a sealed_ballots event of %d bytes", len(b))
		}
	}
	h.must("ann", "declare_result", `{"vote":"s"}`)
	if r := h.s.Votes["s"].Result; r.Arithmetic != "450 for, 1 against, 451 cast; 226 needed; carried" {
		t.Fatalf("%q", r.Arithmetic)
	}
}
