package assembly

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDescribeCommand describes every command: each struct field is an
// argument, and every plenum tag reads without an unknown option.
func TestDescribeCommand(t *testing.T) {
	for _, name := range CommandNames() {
		d, ok := DescribeCommand(name)
		if !ok || d.Name != name {
			t.Fatalf("DescribeCommand(%q) = %v, %v", name, d.Name, ok)
		}
		typ := commandTypes[name]
		var want []string
		for i := 0; i < typ.NumField(); i++ {
			if n, ok := jsonName(typ.Field(i)); ok {
				want = append(want, n)
			}
		}
		var got []string
		for _, a := range d.Args {
			got = append(got, a.Name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: args %v, fields %v", name, got, want)
		}
	}
	if _, ok := DescribeCommand("no_such_command"); ok {
		t.Error("DescribeCommand described an unknown command")
	}
}

func arg(t *testing.T, d CommandDoc, name string) ArgDoc {
	t.Helper()
	for _, a := range d.Args {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("%s has no argument %s", d.Name, name)
	return ArgDoc{}
}

func TestDescribeKnownCommands(t *testing.T) {
	cb, _ := DescribeCommand("cast_ballot")
	want := []ArgDoc{
		{Name: "vote", Type: "string", Required: true, ID: true},
		{Name: "voter", Type: "string", Required: true, ID: true},
		{Name: "choice", Type: "string", Required: true},
		{Name: "for_mandate", Type: "string", ID: true},
		{Name: "token", Type: "string"},
	}
	if !reflect.DeepEqual(cb.Args, want) {
		t.Errorf("cast_ballot:\n got %+v\nwant %+v", cb.Args, want)
	}

	mm, _ := DescribeCommand("move_motion")
	if k := arg(t, mm, "kind"); !k.Required || !reflect.DeepEqual(k.Enum, []string{"substantive", "amendment", "procedural"}) {
		t.Errorf("move_motion kind %+v", k)
	}
	if p := arg(t, mm, "procedure"); p.Required || len(p.Enum) != 11 || p.Enum[0] != "close_discussion" {
		t.Errorf("move_motion procedure %+v", p)
	}
	points := arg(t, mm, "points")
	wantPoints := ArgDoc{Name: "points", Type: "array", Items: &ArgDoc{Type: "object", Fields: []ArgDoc{
		{Name: "number", Type: "string"}, {Name: "text", Type: "string", Required: true}}}}
	if !reflect.DeepEqual(points, wantPoints) {
		t.Errorf("move_motion points %+v", points)
	}

	ov, _ := DescribeCommand("open_vote")
	if m := arg(t, ov, "method"); !m.Required || !reflect.DeepEqual(m.Enum, []string{"show_of_hands", "roll_call", "secret", "encrypted"}) {
		t.Errorf("open_vote method %+v", m)
	}
	el := arg(t, ov, "eligible")
	if el.Type != "object" || len(el.Fields) != 4 {
		t.Fatalf("open_vote eligible %+v", el)
	}
	kinds := el.Fields[0]
	if kinds.Name != "kinds" || kinds.Type != "array" || !reflect.DeepEqual(kinds.Items.Enum, []string{"decisive", "consultative", "guest", "ex_officio"}) {
		t.Errorf("eligible.kinds %+v (items %+v)", kinds, kinds.Items)
	}
	if orgs := el.Fields[1]; !orgs.ID || !orgs.Items.ID || orgs.Items.Type != "string" {
		t.Errorf("eligible.organizations %+v", orgs)
	}
	if th := arg(t, ov, "threshold"); th.Type != "string" || len(th.Enum) != 5 {
		t.Errorf("open_vote threshold %+v", th)
	}

	// Lists of ids, dates, integers, custom types and maps.
	ai, _ := DescribeCommand("add_item")
	if r := arg(t, ai, "reporters"); !r.ID || r.Type != "array" || !r.Items.ID || r.Required {
		t.Errorf("add_item reporters %+v", r)
	}
	ca, _ := DescribeCommand("create_assembly")
	if s := arg(t, ca, "starts"); !s.Date || !s.Required {
		t.Errorf("create_assembly starts %+v", s)
	}
	if q := arg(t, ca, "overrides").Fields[0]; q.Name != "quorum" || q.Type != "quorum" {
		t.Errorf("overrides.quorum %+v", q)
	}
	oe, _ := DescribeCommand("open_election")
	if s := arg(t, oe, "seats"); s.Type != "integer" || !s.Required || !s.NonNegative {
		t.Errorf("open_election seats %+v", s)
	}
	ec, _ := DescribeCommand("enter_count")
	if f := arg(t, ec, "for"); f.Type != "count" {
		t.Errorf("enter_count for %+v", f)
	}
	if a := arg(t, ec, "alternatives"); a.Type != "map" || a.Values.Type != "count" {
		t.Errorf("enter_count alternatives %+v", a)
	}
	ce, _ := DescribeCommand("close_election")
	if s := arg(t, ce, "seed"); s.Type != "integer" || !s.NonNegative {
		t.Errorf("close_election seed %+v", s)
	}
}

// The described rules are the ones ParseCommand enforces.
func TestDescribeMatchesParse(t *testing.T) {
	re := regexp.MustCompile(IDPattern)
	for _, s := range []string{"a", "delegate-7", "x_y", strings.Repeat("a", 64)} {
		if checkID(s) != nil || !re.MatchString(s) {
			t.Errorf("id %q: checkID and IDPattern disagree", s)
		}
	}
	for _, s := range []string{"", "A", "a b", "é", strings.Repeat("a", 65), "a\n"} {
		if checkID(s) == nil || re.MatchString(s) {
			t.Errorf("not an id %q: checkID and IDPattern disagree", s)
		}
	}
	if _, err := parseRules("required,idd"); err == nil {
		t.Error("parseRules accepted an unknown option")
	}
	type bad struct {
		N int `json:"n" plenum:"id"`
	}
	if _, err := describeFields(reflect.TypeFor[bad]()); err == nil {
		t.Error("an id rule on an integer was described")
	}
	type unknown struct {
		At time.Time `json:"at"`
	}
	if _, err := describeFields(reflect.TypeFor[unknown]()); err == nil {
		t.Error("a type that reads itself from JSON was described by its Go struct")
	}
	type self struct {
		S SealedChoice `json:"s"`
		C *Count       `json:"c"`
	}
	if _, err := describeFields(reflect.TypeFor[self]()); err != nil {
		t.Error(err)
	}
}
