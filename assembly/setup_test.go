package assembly

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestRecordAccess(t *testing.T) {
	h := fixture(t, "congress", "")
	if got := h.s.RecordAccess(); got != RecordPublic || h.s.Assembly.RecordAccess != "" {
		t.Fatalf("a new assembly's record is %q (stored %q), want public (stored empty)", got, h.s.Assembly.RecordAccess)
	}
	// Who may read under each setting: a visitor, a delegate, a guest
	// without office, the officers, the server administrator.
	readers := []struct {
		person                         string
		public, participants, officers bool
	}{
		{"", true, false, false},
		{"m1", true, true, false},
		{"outsider", true, true, false},
		{"zed", true, false, false}, // not a person of this assembly
		{"ann", true, true, true},   // administrator, chair of the sitting
		{"ben", true, true, true},   // secretary
		{"cara", true, true, true},  // mandate commission
		{"kim", true, true, true},   // teller
		{ServerAdministrator, true, true, true},
	}
	for _, setting := range []string{RecordParticipants, RecordOfficers, RecordPublic} {
		h.must("ann", "set_record_access", `{"access":"`+setting+`"}`)
		if got := h.s.RecordAccess(); got != setting {
			t.Fatalf("after set_record_access %s the record is %s", setting, got)
		}
		for _, r := range readers {
			want := map[string]bool{RecordPublic: r.public, RecordParticipants: r.participants, RecordOfficers: r.officers}[setting]
			if got := h.s.MayReadRecord(r.person); got != want {
				t.Errorf("%s: MayReadRecord(%q) = %v, want %v", setting, r.person, got, want)
			}
		}
	}
	// The chair of the sitting holds an office while the sitting is open.
	h.must("ann", "set_record_access", `{"access":"officers"}`)
	h.must("ann", "change_presidium", `{"sitting":"s1","add":["m3"]}`)
	if !h.s.MayReadRecord("m3") {
		t.Error("a member of the presidium of the open sitting may not read an officers-only record")
	}
	// Chosen at creation.
	h2 := newHarness(t)
	h2.must("ann", "create_assembly", `{"id":"a2","name":"Closed","starts":"2026-05-09","rules":"ronr","record_access":"participants","language":"de-AT"}`)
	if h2.s.RecordAccess() != RecordParticipants || h2.s.Assembly.Language != "de-AT" {
		t.Fatalf("created with %+v", h2.s.Assembly)
	}
	h3 := newHarness(t)
	h3.must("ann", "create_assembly", `{"id":"a3","name":"Open","starts":"2026-05-09","rules":"ronr","record_access":"public"}`)
	if h3.s.Assembly.RecordAccess != "" {
		t.Fatalf("an explicitly public record is stored as %q, want empty (as before the setting)", h3.s.Assembly.RecordAccess)
	}
}

func TestSetUpRefusals(t *testing.T) {
	runRefusals(t, "congress", "", []refusal{
		{"record access by a secretary", nil, step{"ben", "set_record_access", `{"access":"officers"}`}, ErrForbidden, "only an administrator may say who reads the record"},
		{"record access unchanged", nil, step{"ann", "set_record_access", `{"access":"public"}`}, ErrConflict, "the record is already open to anyone"},
		{"record access unchanged again", []step{{"ann", "set_record_access", `{"access":"officers"}`}}, step{"ann", "set_record_access", `{"access":"officers"}`}, ErrConflict, "the record is already open to the officers only"},
		{"record access unknown", nil, step{"ann", "set_record_access", `{"access":"members"}`}, ErrInvalid, `set_record_access: the field "access" must be one of public, participants, officers, not "members"`},
		{"record access missing", nil, step{"ann", "set_record_access", `{}`}, ErrInvalid, `set_record_access: the field "access" is required`},
		{"create with a bad setting", nil, step{"ann", "create_assembly", `{"id":"a2","name":"X","starts":"2026-01-01","rules":"ronr","record_access":"secret"}`}, ErrInvalid, `create_assembly: the field "record_access" must be one of public, participants, officers, not "secret"`},
		{"amend by a secretary", nil, step{"ben", "amend_assembly", `{"name":"X"}`}, ErrForbidden, "only an administrator may correct the assembly's particulars"},
		{"amend nothing", nil, step{"ann", "amend_assembly", `{"name":"Test assembly","starts":"2026-05-09"}`}, ErrInvalid, "the correction changes nothing: the assembly already says so"},
		{"amend to end before it starts", nil, step{"ann", "amend_assembly", `{"ends":"2026-05-01"}`}, ErrInvalid, "the assembly cannot end (2026-05-01) before it starts (2026-05-09)"},
		{"amend a blank name", nil, step{"ann", "amend_assembly", `{"name":"  "}`}, ErrInvalid, "the assembly's name is blank"},
		{"amend a blank venue", nil, step{"ann", "amend_assembly", `{"venues":["Hall A",""]}`}, ErrInvalid, "a venue is blank; leave it out"},
		{"amend a bad language", nil, step{"ann", "amend_assembly", `{"language":"English"}`}, ErrInvalid, `"English" is not a language tag: give one such as en, de, fr-CA or pt-BR`},
		{"amend a bad date", nil, step{"ann", "amend_assembly", `{"starts":"9 May"}`}, ErrInvalid, `amend_assembly: the field "starts" must be a date YYYY-MM-DD, not "9 May"`},
		{"organization by a delegate", nil, step{"m1", "amend_organization", `{"organization":"org","name":"X"}`}, ErrForbidden, "only an administrator, a secretary or the mandate commission may correct organizations"},
		{"organization unknown", nil, step{"ann", "amend_organization", `{"organization":"zed","name":"X"}`}, ErrNotFound, `there is no organization "zed"`},
		{"organization unchanged", nil, step{"ann", "amend_organization", `{"organization":"org","name":"The Organization","kind":"delegating"}`}, ErrInvalid, "the correction changes nothing: The Organization already says so"},
		{"organization blank", nil, step{"ann", "amend_organization", `{"organization":"org","name":" "}`}, ErrInvalid, "the organization's name is blank"},
		{"organization bad kind", nil, step{"ann", "amend_organization", `{"organization":"org","kind":"club"}`}, ErrInvalid, `amend_organization: the field "kind" must be one of delegating, leading_body, faction, tendency, group, other, not "club"`},
	})
}

func TestCreateWithBadLanguage(t *testing.T) {
	for _, tag := range []string{"e", "english", "en-", "en_GB", "1a", "en-toolongsubtag"} {
		h := newHarness(t)
		h.refuse("ann", "create_assembly", `{"id":"a2","name":"X","starts":"2026-01-01","rules":"ronr","language":"`+tag+`"}`, ErrInvalid,
			`"`+tag+`" is not a language tag: give one such as en, de, fr-CA or pt-BR`)
		if h.s.Created {
			t.Fatalf("%s: the assembly was created", tag)
		}
	}
	for _, tag := range []string{"en", "de-AT", "sr-Latn-RS", "pt-BR", "gsw"} {
		h := newHarness(t)
		h.must("ann", "create_assembly", `{"id":"a2","name":"X","starts":"2026-01-01","rules":"ronr","language":"`+tag+`"}`)
	}
}

func TestAmendAssemblyAndOrganization(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "amend_assembly", `{"name":"The 14th Congress","ends":"2026-05-11","venues":["Hall A","Hall B"],"language":"fr","description":"Annual."}`)
	a := h.s.Assembly
	if a.Name != "The 14th Congress" || a.Starts != "2026-05-09" || a.Ends != "2026-05-11" || !reflect.DeepEqual(a.Venues, []string{"Hall A", "Hall B"}) || a.Language != "fr" || a.Description != "Annual." {
		t.Fatalf("amended: %+v", a)
	}
	h.must("cara", "amend_organization", `{"organization":"org","name":"The Organisation","number":"7"}`)
	if o := h.s.Organizations["org"]; o.Name != "The Organisation" || o.Number != "7" || o.Kind != "delegating" {
		t.Fatalf("amended: %+v", o)
	}
}

// TestTemplate: a new assembly set up from the template of one that has
// met holds its rules, organizations, persons, mandates (submitted
// afresh), offices and bodies, and none of its proceedings.
func TestTemplate(t *testing.T) {
	h := fixture(t, "ronr", `{"weighted_votes":true,"proxies_allowed":true,"quorum":12,"reconsider_rules":false}`)
	h.must("ann", "define_mark", `{"mark":"*","meaning":"also on the executive"}`)
	h.must("ann", "add_organization", `{"id":"branch","name":"A Branch","kind":"delegating","parent":"org","number":"3"}`)
	h.must("ann", "add_person", `{"id":"eva","name":"Eva Lind","ref":"M-17","other_names":["E. Lind"]}`)
	h.must("cara", "submit_mandate", `{"id":"md-eva","person":"eva","organization":"branch","kind":"decisive","weight":3,"marks":["*"]}`)
	h.must("cara", "submit_mandate", `{"id":"md-out","person":"outsider","organization":"org","kind":"decisive"}`)
	h.must("cara", "reject_mandate", `{"mandate":"md-out","reason":"no credentials"}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m4","to":"m5"}`)
	h.must("ann", "form_body", `{"id":"drafting","name":"Drafting committee","kind":"committee","members":["m1","m2"],"item":"i1","instruction":"Draft it."}`)
	h.must("ann", "set_record_access", `{"access":"participants"}`)
	h.must("ann", "move_motion", `{"id":"mo1","kind":"substantive","title":"Adopt","item":"i1"}`)
	old := h.s

	next := newHarness(t)
	r := old.Assembly.Rules
	next.run(Meta{Actor: "ann", At: time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)}, CreateAssembly{ID: "a2", Name: "Next year", Starts: "2027-05-09", Rules: r.Preset, Overrides: r.Overrides(), RecordAccess: old.RecordAccess()})
	for _, c := range old.Template("ann") {
		if err := next.run(Meta{Assembly: "a2", Actor: "ann", At: time.Date(2027, 1, 10, 9, 1, 0, 0, time.UTC)}, c); err != nil {
			t.Fatalf("%s %+v: %v", c.CommandName(), c, err)
		}
	}
	s := next.s
	if !reflect.DeepEqual(s.Assembly.Rules, old.Assembly.Rules) {
		t.Errorf("rules:\n got %+v\nwant %+v", s.Assembly.Rules, old.Assembly.Rules)
	}
	if s.RecordAccess() != RecordParticipants {
		t.Errorf("record access %s", s.RecordAccess())
	}
	if !reflect.DeepEqual(s.Marks, old.Marks) || !reflect.DeepEqual(s.OrgOrder, old.OrgOrder) || !reflect.DeepEqual(s.PersonOrder, old.PersonOrder) {
		t.Errorf("marks, organizations or persons differ")
	}
	for _, id := range old.OrgOrder {
		if !reflect.DeepEqual(s.Organizations[id], old.Organizations[id]) {
			t.Errorf("organization %s:\n got %+v\nwant %+v", id, s.Organizations[id], old.Organizations[id])
		}
	}
	if p := s.Persons["eva"]; p.Ref != "M-17" || !reflect.DeepEqual(p.OtherNames, []string{"E. Lind"}) {
		t.Errorf("eva: %+v", p)
	}
	if _, ok := s.Mandates["md-out"]; ok {
		t.Error("a rejected mandate was copied")
	}
	if len(s.MandateOrder) != len(old.MandateOrder)-1 {
		t.Errorf("%d mandates copied of %d", len(s.MandateOrder), len(old.MandateOrder))
	}
	for _, id := range s.MandateOrder {
		m, o := s.Mandates[id], old.Mandates[id]
		if m.Status != MandateStatusSubmitted || m.Proxy != "" || m.Person != o.Person || m.Organization != o.Organization || m.Kind != o.Kind || m.Weight != o.Weight || !reflect.DeepEqual(m.Marks, o.Marks) {
			t.Errorf("mandate %s: got %+v from %+v", id, m, o)
		}
	}
	if !reflect.DeepEqual(s.Roles, old.Roles) {
		t.Errorf("roles:\n got %v\nwant %v", s.Roles, old.Roles)
	}
	if b := s.Bodies["drafting"]; b == nil || b.Item != "" || len(b.Instructions) != 0 || !reflect.DeepEqual(b.Members, []string{"m1", "m2"}) {
		t.Errorf("body: %+v", b)
	}
	if len(s.Sittings)+len(s.Items)+len(s.Motions)+len(s.Votes)+len(s.Elections)+len(s.Access) != 0 || len(s.Attendance.CheckedIn) != 0 {
		t.Errorf("proceedings were copied: %d sittings, %d items, %d motions, %d checked in",
			len(s.Sittings), len(s.Items), len(s.Motions), len(s.Attendance.CheckedIn))
	}
	for _, e := range s.Record {
		if e.Kind != "body_formed" {
			t.Errorf("the minutes of the new assembly hold %s", e.Kind)
		}
	}
}

// TestRulesOverrides: every preset, changed every way, is rebuilt from
// its preset and its Overrides. The rules it changes are every field of
// Rules: a rule added to Rules fails it until Rules.Overrides carries it
// (and this test changes it).
func TestRulesOverrides(t *testing.T) {
	changed := []string{"Preset", "Quorum", "VotingThreshold", "CloseDebateThreshold", "SecondsRequired", "SpeakingTimeSeconds", "SpeakersOrder",
		"ConsultativeMayVote", "GuestsMaySpeak", "ProxiesAllowed", "MaxProxiesPerDelegate", "AbstentionsCount", "WeightedVotes", "Precedence",
		"ReconsiderRules", "Motions", "CompetingDrafts", "AmendmentsAtOnce", "Thresholds", "MaxSpeeches", "Online", "AllowanceCounts", "InterventionSeconds", "CheckIn"}
	rt := reflect.TypeOf(Rules{})
	for i := 0; i < rt.NumField(); i++ {
		if !slices.Contains(changed, rt.Field(i).Name) {
			t.Errorf("Rules.%s is new: carry it in Rules.Overrides (template.go) and change it in this test", rt.Field(i).Name)
		}
	}
	yes, no := true, false
	lines, supporters := 60, 25
	for _, preset := range []string{"ronr", "congress"} {
		r, _ := Preset(preset)
		r.Quorum, r.VotingThreshold, r.CloseDebateThreshold = "40", ThreeQuartersCast, MajorityPresent
		r.SecondsRequired, r.SpeakingTimeSeconds, r.SpeakersOrder = !r.SecondsRequired, 120, OrderFirstTimeFirst
		r.ConsultativeMayVote, r.GuestsMaySpeak, r.ProxiesAllowed, r.MaxProxiesPerDelegate = true, !r.GuestsMaySpeak, true, 2
		r.AbstentionsCount, r.WeightedVotes, r.Precedence = true, true, !r.Precedence
		r.ReconsiderRules, r.CompetingDrafts, r.AmendmentsAtOnce = &yes, &no, &yes
		r.Motions = &MotionRules{LineLength: &lines, Supporters: &supporters}
		r.Thresholds = map[string]Threshold{"close_list": MajorityCast, "discuss_or_not": ThreeQuartersCast, "suspend_rules": TwoThirdsCast, "table": TwoThirdsCast}
		r.MaxSpeeches, r.Online, r.AllowanceCounts, r.InterventionSeconds = 0, OnlineVote, []string{"speech"}, 90
		r.CheckIn = CheckInOfficers
		if preset == "congress" {
			r.MaxSpeeches, r.Online = 3, ""
		}
		base, _ := Preset(preset)
		got, err := base.With(r.Overrides())
		if err != nil || !reflect.DeepEqual(got, r) {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", preset, got, err, r)
		}
	}
}
