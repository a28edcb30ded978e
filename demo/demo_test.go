package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// scriptLine is one command line of the script with its line number.
type scriptLine struct {
	n    int
	text []byte
}

// commandLines returns the script's command lines: every line that is not
// blank and not a comment.
func commandLines(t *testing.T) []scriptLine {
	t.Helper()
	var out []scriptLine
	sc := bufio.NewScanner(bytes.NewReader(Script))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		out = append(out, scriptLine{n, append([]byte(nil), line...)})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading the script: %v", err)
	}
	return out
}

// replay runs every command line through assembly.Decide and applies the
// events, as plenum replay does. It stops at the first refusal unless
// keepGoing is set, and returns the state and the refusals, each naming
// its line.
func replay(t *testing.T, keepGoing bool) (*assembly.State, []string) {
	t.Helper()
	s, _, errs := replayEvents(t, keepGoing)
	return s, errs
}

// replayEvents is replay that also returns every event, in order.
func replayEvents(t *testing.T, keepGoing bool) (*assembly.State, []assembly.Event, []string) {
	t.Helper()
	s := assembly.NewState()
	var all []assembly.Event
	var errs []string
	current := ""
	for _, l := range commandLines(t) {
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Sprintf("march-1917.jsonl:%d: ", l.n)+fmt.Sprintf(format, args...))
		}
		env, err := assembly.ParseEnvelope(l.text)
		if err != nil {
			fail("%v", err)
			if !keepGoing {
				break
			}
			continue
		}
		if env.Assembly == "" {
			env.Assembly = current
		}
		current = env.Assembly
		cmd, err := assembly.ParseCommand(env)
		if err != nil {
			fail("%s: %v", env.Cmd, err)
			if !keepGoing {
				break
			}
			continue
		}
		events, err := assembly.Decide(s, env.Meta(), cmd)
		if err != nil {
			fail("%s: %v", env.Cmd, err)
			if !keepGoing {
				break
			}
			continue
		}
		for _, e := range events {
			if err := s.Apply(e); err != nil {
				fail("%s: applying %T: %v", env.Cmd, e, err)
				break
			}
			all = append(all, e)
		}
	}
	return s, all, errs
}

// state replays the whole script and fails the test at the first refused line.
func state(t *testing.T) *assembly.State {
	t.Helper()
	s, errs := replay(t, false)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	return s
}

func TestScriptReplays(t *testing.T) {
	s := state(t)
	if s.Assembly.ID != AssemblyID {
		t.Errorf("assembly id = %q, want %q", s.Assembly.ID, AssemblyID)
	}
}

func TestScriptTimesDoNotGoBack(t *testing.T) {
	var last string
	for _, l := range commandLines(t) {
		var env struct {
			At string `json:"at"`
		}
		if err := json.Unmarshal(l.text, &env); err != nil {
			t.Fatalf("march-1917.jsonl:%d: %v", l.n, err)
		}
		// All times carry the same offset, so the strings order as the times do.
		if env.At < last {
			t.Errorf("march-1917.jsonl:%d: at %s is before %s", l.n, env.At, last)
		}
		last = env.At
	}
}

func TestOrganizations(t *testing.T) {
	s := state(t)
	numbered, present := 0, 0
	numbers := map[string]int{}
	for _, o := range s.Organizations {
		if o.Kind != "delegating" {
			continue
		}
		if o.Number != "" {
			numbered++
			numbers[o.Number]++
		}
		if o.PresentNoted {
			present++
		}
	}
	if numbered != 57 {
		t.Errorf("numbered organizations = %d, want 57 (the lines of the published list)", numbered)
	}
	if present != 7 {
		t.Errorf("organizations present without registered delegates = %d, want 7", present)
	}
	if numbers["33"] != 0 {
		t.Errorf("the list has no number 33, the record has %d", numbers["33"])
	}
	if numbers["58"] != 2 {
		t.Errorf("number 58 is printed twice (Seherbinovka, 180th Regiment); the record has it %d times", numbers["58"])
	}
}

func TestDelegatesAndMarks(t *testing.T) {
	s := state(t)
	kinds := map[string]int{}
	starred := 0
	for _, m := range s.Mandates {
		if m.Status != "verified" {
			t.Errorf("mandate %s is %s, want verified", m.ID, m.Status)
		}
		kinds[m.Kind]++
		if slices.Contains(m.Marks, "*") {
			starred++
		}
	}
	// 81 names in the numbered list; 5 of the Central Committee and 11 of
	// the Petrograd Committee; 6 participating personally.
	want := map[string]int{"decisive": 81, "ex_officio": 16, "consultative": 6}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%s mandates = %d, want %d", k, kinds[k], n)
		}
	}
	if starred != 44 {
		t.Errorf("mandates marked * = %d, want 44", starred)
	}
	for _, id := range []string{"m-smilga", "m-stuchka", "m-fedorov", "m-olminsky", "m-elizarova", "m-kollontai"} {
		if m := s.Mandates[id]; m == nil || m.Organization != "" {
			t.Errorf("mandate %s: those participating personally hold no organization's mandate", id)
		}
	}
	if s.Marks["*"] == "" {
		t.Error("the mark * is not defined")
	}
	for _, id := range []string{"sevruk", "yakhontov", "khinchuk", "ermansky", "kopelinsky", "eltsin", "serebriakov", "goloschekin", "ter-gabryelan"} {
		p := s.Persons[id]
		if p == nil {
			t.Errorf("person %s missing", id)
			continue
		}
		if len(p.OtherNames) == 0 {
			t.Errorf("person %s has no other spellings recorded", id)
		}
	}
}

func TestBodies(t *testing.T) {
	s := state(t)
	want := map[string][]string{
		"com-mandate":      {"sevruk", "skrypnik"},
		"sec-agrarian":     {"romanovich", "miliutin", "lebed"},
		"com-pg-nine":      {"voitinsky", "miliutin", "stalin", "sammer", "sevruk", "krestinsky", "kamenev", "eliava", "teodorovich"},
		"com-conciliation": {"kamenev", "voitinsky", "lieber", "ermansky"},
		"com-pg-drafting":  {"miliutin", "kamenev", "stalin", "teodorovich"},
		"com-agrarian":     {"stuchka", "pozern", "teodorovich", "miliutin", "skrypnik"},
	}
	for id, members := range want {
		b := s.Bodies[id]
		if b == nil {
			t.Errorf("body %s missing", id)
			continue
		}
		got := slices.Clone(b.Members)
		slices.Sort(got)
		w := slices.Clone(members)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("body %s members = %v, want %v", id, got, w)
		}
	}
	if b := s.Bodies["com-conciliation"]; b != nil && len(b.Instructions) == 0 {
		t.Error("the conciliationist committee has no instruction to negotiate with the Executive Committee")
	}
	if b := s.Bodies["com-pg-drafting"]; b != nil && len(b.Instructions) == 0 {
		t.Error("the drafting committee has no instruction to change the point on support")
	}
}

func TestSittings(t *testing.T) {
	s := state(t)
	if got := len(s.SittingOrder); got != 5 {
		t.Errorf("sittings = %d, want 5", got)
	}
	for _, id := range s.SittingOrder {
		sit := s.Sittings[id]
		if id != "s-3" && sit.Chair != "nogin" {
			t.Errorf("sitting %s chair = %q, want nogin", id, sit.Chair)
		}
	}
	joint := s.Sittings["s-3"]
	if joint == nil {
		t.Fatal("the joint sitting s-3 is missing")
	}
	if joint.Time != "3:30 a.m." {
		t.Errorf("joint sitting time = %q, want 3:30 a.m.", joint.Time)
	}
	if joint.Chair != "khinchuk" || !slices.Contains(joint.Presidium, "khinchuk") {
		t.Errorf("joint sitting chair = %q, presidium %v: Khinchuk is added to the presidium and takes the chair", joint.Chair, joint.Presidium)
	}
	if !slices.Contains(joint.JointWith, "org-mensheviks") || len(joint.Guests) != 7 {
		t.Errorf("joint sitting: joint with %v, guests %v; want the Menshevik faction and 7 guests", joint.JointWith, joint.Guests)
	}
	if got := s.Items["it-splitters"]; got == nil || got.TabledUntil == "" {
		t.Error("the question of admitting the splitters is not tabled until fuller attendance")
	}
	if s.Gaps < 3 {
		t.Errorf("gaps = %d, want at least 3 (the lost sittings of March 27 and 28; the missing reply to Voitinsky; the end of the published minutes)", s.Gaps)
	}
	for _, id := range s.SittingOrder {
		sit := s.Sittings[id]
		if !sit.AttendanceNotRecorded {
			t.Errorf("sitting %s counts attendance the minutes do not record", id)
		}
		if strings.Contains(sit.Title, "inferred") || !strings.HasPrefix(sit.Note, "Date inferred") {
			t.Errorf("sitting %s: title %q, note %q; the inferred date belongs in the note", id, sit.Title, sit.Note)
		}
	}
	// The minutes end without saying that the last sitting closed.
	if last := s.Sittings["s-5"]; last == nil || !last.Open {
		t.Error("the last sitting is closed, but the minutes do not record its close")
	}
}

func TestWalkout(t *testing.T) {
	s := state(t)
	a := s.Attendance
	for _, p := range []string{"sevruk", "eliava", "yakhontov"} {
		if !a.WalkedOut[p] {
			t.Errorf("%s did not walk out", p)
		}
	}
	if a.WalkedOut["voitinsky"] && a.OutOfHall["voitinsky"] {
		t.Error("Voitinsky walked out and did not return")
	}
	if a.UnnamedOut != 3 {
		t.Errorf("unnamed out of the hall = %d, want 3 (seven left, four named)", a.UnnamedOut)
	}
	// The vote to invite them back was taken while they were out: Sevruk,
	// Eliava and Yakhontov hold mandates (Voitinsky holds none in the
	// record), and the three the minutes do not name count as members
	// with a vote who walked out.
	if v := s.Votes["v-invite-back"]; v == nil || v.Attendance.WalkedOut != 6 || v.Attendance.UnnamedOut != 3 {
		t.Errorf("the vote to invite back does not record the walkout in its attendance: %+v", v)
	}
	if !s.Attendance.OutOfHall["lieber"] {
		t.Error("the Mensheviks did not leave for their faction session")
	}
}

func TestVotes(t *testing.T) {
	s := state(t)
	type want struct {
		outcome, forC, against string
		ballots                int
		unanimous              bool
	}
	wants := map[string]want{
		"v-sverdlov-close":      {outcome: "carried"},
		"v-38-26":               {outcome: "carried", forC: "38", against: "26"},
		"v-discuss-bound":       {outcome: "defeated", forC: "3", against: `"rest"`},
		"v-bagdatiev-discuss":   {outcome: "defeated", forC: `"unstated"`, against: `"majority"`},
		"v-amendment-1":         {outcome: "not_recorded"},
		"v-accept-amendments":   {outcome: "carried"},
		"v-motion-5":            {outcome: "defeated", forC: "29", against: `"rest"`},
		"v-motion-1":            {outcome: "carried", forC: "74", against: "66", ballots: 3},
		"v-motion-4":            {outcome: "carried", forC: `"62-68"`, against: `"66-70"`},
		"v-invite-back":         {outcome: "carried", forC: `"majority"`, against: `"unstated"`},
		"v-stalin-instruct":     {outcome: "carried", forC: `"rest"`, against: "4"},
		"v-separate-resolution": {outcome: "carried", unanimous: true},
	}
	if len(s.VoteOrder) != len(wants) {
		t.Errorf("votes = %d, want %d", len(s.VoteOrder), len(wants))
	}
	for id, w := range wants {
		v := s.Votes[id]
		if v == nil {
			t.Errorf("vote %s missing", id)
			continue
		}
		if v.Result == nil {
			t.Errorf("vote %s has no declared result", id)
			continue
		}
		if v.Result.Outcome != w.outcome {
			t.Errorf("vote %s outcome = %q, want %q", id, v.Result.Outcome, w.outcome)
		}
		if w.forC != "" {
			if got := jsonOf(t, v.Result.For); got != w.forC {
				t.Errorf("vote %s for = %s, want %s", id, got, w.forC)
			}
			if got := jsonOf(t, v.Result.Against); got != w.against {
				t.Errorf("vote %s against = %s, want %s", id, got, w.against)
			}
		}
		if w.ballots != 0 {
			if len(v.Rounds) == 0 || v.Rounds[len(v.Rounds)-1].Ballots != w.ballots {
				t.Errorf("vote %s: want %d ballots recorded, rounds %+v", id, w.ballots, v.Rounds)
			}
		}
		if w.unanimous && !v.Result.Unanimous {
			t.Errorf("vote %s is not recorded as unanimous", id)
		}
	}
	if v := s.Votes["v-motion-1"]; v != nil && v.EligibleNote == "" {
		t.Error("the votes at the joint sitting lost their eligibility: those who voted at the faction Conference")
	}
	// The minutes record nobody's attendance: no vote may count anyone
	// present or absent.
	for _, id := range s.VoteOrder {
		a := s.Votes[id].Attendance
		if !a.NotRecorded || a.Present != 0 || a.Absent != 0 {
			t.Errorf("vote %s attendance = %+v, want not recorded", id, a)
		}
	}
}

// TestNoTODO checks that every line of the script is accepted as it stands:
// none is left commented out waiting for the domain.
func TestNoTODO(t *testing.T) {
	for i, line := range bytes.Split(Script, []byte("\n")) {
		if bytes.Contains(line, []byte("TODO(domain)")) {
			t.Errorf("march-1917.jsonl:%d: still commented out as TODO(domain)", i+1)
		}
	}
}

// TestMotionFates checks that no motion is left pending: each was voted on,
// or its fate is recorded as the minutes give it.
func TestMotionFates(t *testing.T) {
	s := state(t)
	want := map[string]string{
		"mo-saveliev":               "not_recorded",
		"mo-vassiliev":              "not_recorded",
		"mo-sevruk-order":           "not_recorded",
		"mo-skrypnik-nodebate":      "not_recorded",
		"mo-voitinsky-a1":           "not_recorded",
		"mo-kamenev-amendments":     "carried",
		"mo-delegate-close-list":    "not_recorded",
		"mo-saveliev-unofficial":    "not_recorded",
		"mo-sevruk-two-resolutions": "not_recorded",
		"mo-two-reporters":          "not_recorded",
		"mo-joint-2":                "not_recorded",
		"mo-joint-3":                "not_recorded",
		"mo-krokhmal-order":         "not_recorded",
		"mo-sevruk-elected-vote":    "overtaken",
		"mo-luganovsky-invite":      "not_recorded",
		"mo-miliutin-exclude":       "overtaken",
		"mo-nogin-committee":        "not_recorded",
		"mo-kamenev-reporter":       "not_recorded",
		"mo-agrarian-committee":     "not_recorded",
		"mo-joint-5":                "defeated",
	}
	for _, id := range s.MotionOrder {
		m := s.Motions[id]
		if m.Status == "pending" {
			t.Errorf("motion %s (%s) is left pending", id, m.Title)
		}
		if w, ok := want[id]; ok && m.Status != w {
			t.Errorf("motion %s is %s, want %s", id, m.Status, w)
		}
		if (m.Status == "not_recorded" || m.Status == "overtaken") && m.Fate == "" {
			t.Errorf("motion %s is %s without a note", id, m.Status)
		}
	}
}

func TestRecordContent(t *testing.T) {
	s := state(t)
	deprived := false
	for _, e := range s.Record {
		if e.Kind == "floor_deprived" {
			deprived = true
		}
	}
	if !deprived {
		t.Error("Krassikov is not deprived of the floor")
	}
	if d := s.Documents["d-moscow-district"]; d == nil || d.Provenance != "not among the documents" {
		t.Error("the Moscow District Committee's resolution is not recorded as not among the documents")
	}
	speakers := map[string]int{}
	labels := 0
	for _, sp := range s.Speeches {
		if sp.Speaker != "" {
			speakers[sp.Speaker]++
		} else if sp.Label != "" {
			labels++
		}
		if sp.Notes == "" {
			t.Errorf("speech %s has no notes", sp.ID)
		}
	}
	if speakers["voitinsky"] != 9 || speakers["stalin"] != 5 || labels != 3 {
		t.Errorf("speeches: Voitinsky %d, Stalin %d, unnamed %d", speakers["voitinsky"], speakers["stalin"], labels)
	}
	if m := s.Motions["mo-kamenev-amendments"]; m == nil || len(m.Points) != 4 {
		t.Error("Kamenev's four amendments are missing")
	}
	if m := s.Motions["mo-voitinsky-a1"]; m == nil || m.Amends != "mo-kamenev-amendments" {
		t.Error("Voitinsky's amendment to the amendment is missing")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTotals(t *testing.T) {
	s := state(t)
	got := map[string]int{
		"persons":       len(s.Persons),
		"organizations": len(s.Organizations),
		"mandates":      len(s.Mandates),
		"sittings":      len(s.Sittings),
		"speeches":      len(s.Speeches),
		"documents":     len(s.Documents),
		"motions":       len(s.Motions),
		"elections":     len(s.Elections),
		"bodies":        len(s.Bodies),
	}
	want := map[string]int{
		// 81 delegates, 5 CC, 6 personal, 11 PC, 14 named only in the
		// minutes, 7 Mensheviks, and the editor of the record.
		"persons": 125,
		// 57 numbered, 7 without registered delegates, 2 leading bodies and
		// the Bureau, 2 factions, 2 tendencies, the Latvian and Finnish CCs
		// (those participating personally name no organization).
		"organizations": 73,
		"mandates":      103,
		"sittings":      5,
		"speeches":      94,
		"documents":     9,
		"motions":       28,
		"elections":     4,
		"bodies":        10,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s = %d, want %d", k, got[k], n)
		}
	}
	e := s.Elections["el-conciliation"]
	if e == nil || e.Method != "by_tendency" || len(e.Lists) != 2 {
		t.Errorf("the conciliationist committee is not elected according to tendencies: %+v", e)
	}
	// The other committees: the minutes give the names of those elected only.
	for _, id := range []string{"el-pg-nine", "el-pg-committee", "el-agrarian"} {
		if e := s.Elections[id]; e == nil || e.Method != "as_stated" {
			t.Errorf("election %s is not recorded as the minutes state it", id)
		}
	}
}

func TestInterjections(t *testing.T) {
	s := state(t)
	got := map[string]int{}
	for _, e := range s.Record {
		if e.Kind == "interjection_recorded" {
			got[e.Sub]++
		}
	}
	// [Comotion in the hall. Shouts: 'Not true.'], [KAMENEV: Against!],
	// [KAMENEV: The question was not discussed.], [Applause],
	// [VOICE: "Remain at your post!"], KAMENEV: We do so stand., [applause],
	// (Commotion in the hall. Shouts.), (Shouts: "They tricked us...")
	want := map[string]int{"commotion": 2, "shouts": 3, "voice": 3, "applause": 2, "interruption": 1}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s interjections = %d, want %d", k, got[k], n)
		}
	}
}

// TestLogReplay checks the promise of the record: the events, encoded as the
// ledger stores them and decoded again, rebuild exactly the same state.
func TestLogReplay(t *testing.T) {
	s, events, errs := replayEvents(t, false)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	r := assembly.NewState()
	for i, e := range events {
		payload, err := assembly.EncodeEvent(e)
		if err != nil {
			t.Fatalf("event %d (%s): encoding: %v", i, e.EventType(), err)
		}
		d, err := assembly.DecodeEvent(e.EventType(), payload)
		if err != nil {
			t.Fatalf("event %d (%s): decoding: %v", i, e.EventType(), err)
		}
		if err := r.Apply(d); err != nil {
			t.Fatalf("event %d (%s): applying the decoded event: %v", i, e.EventType(), err)
		}
	}
	if a, b := jsonOf(t, s), jsonOf(t, r); a != b {
		t.Error("the state rebuilt from the encoded events differs from the state the script built")
	}
}
