package assembly

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// parseByReflection is ParseCommand without parseCastBallot: the general
// way every command but a plain ballot takes.
func parseByReflection(env Envelope) (Command, error) {
	t, ok := commandTypes[env.Cmd]
	if !ok {
		return ParseCommand(env)
	}
	p := reflect.New(t)
	args := bytes.TrimSpace(env.Args)
	if len(args) == 0 || bytes.Equal(args, []byte("null")) {
		args = []byte("{}")
	}
	if readPlainArgs(p.Elem(), args) {
		if err := validateStruct(env.Cmd, p.Elem()); err != nil {
			return nil, err
		}
		return p.Elem().Interface().(Command), nil
	}
	return parseArgsJSON(env.Cmd, t, args)
}

var castBallotArgs = []string{
	``, `null`, ` null `, `{}`, ` {} `, `[]`, `"x"`, `{`, `{"vote":"v1"`,
	`{"vote":"v1","voter":"d1","choice":"for"}`,
	`{"vote":"v1","voter":"d1","choice":"for","for_mandate":"m1","token":"t"}`,
	`{"vote":"v1","voter":"d1","choice":"for","for_mandate":"","token":""}`,
	`{"voter":"d1","choice":"for","vote":"v1"}`,
	`{"vote":"","voter":"d1","choice":"for"}`,
	`{"vote":"v1","voter":"","choice":"for"}`,
	`{"vote":"v1","voter":"d1","choice":""}`,
	`{"vote":"v 1","voter":"d1","choice":"for"}`,
	`{"vote":"v1","voter":"D!","choice":"for"}`,
	`{"vote":"v1","voter":"d1","choice":"for","for_mandate":"m 1"}`,
	`{"vote":"` + strings.Repeat("a", 65) + `","voter":"d1","choice":"for"}`,
	`{"vote":"v1","vote":"v2","voter":"d1","choice":"for"}`,
	`{"Vote":"v1","voter":"d1","choice":"for"}`,
	`{"vote":"v1","voter":"d1","choice":"for","other":1}`,
	`{"vote":1,"voter":"d1","choice":"for"}`,
	`{"vote":null,"voter":"d1","choice":"for"}`,
	`{"vote":"v\u0031","voter":"d1","choice":"for"}`,
	`{"vote":"v1","voter":"d1","choice":"for"} x`,
	`{"vote":"v1","voter":"d1","choice":"for"}{}`,
	` { "vote" : "v1" , "voter" : "d1" , "choice" : "for" } `,
	`{"vote":"v1","voter":"d1","choice":"f\"or"}`,
	`{"vote":"v1","voter":"d1","choice":"\xff"}`,
	`{"vote":"v1","voter":"d1","choice":"for",}`,
}

// TestCastBallotParsedAsReflectionDoes: a ballot parsed without
// reflection (parseCastBallot) is the command, or the refusal, the
// general way gives, word for word.
func TestCastBallotParsedAsReflectionDoes(t *testing.T) {
	fast := 0
	for _, a := range castBallotArgs {
		if sameCastBallot(t, a) {
			fast++
		}
	}
	if fast < 15 {
		t.Errorf("only %d of the arguments went the fast way", fast)
	}
}

func FuzzCastBallotParsedAsReflectionDoes(f *testing.F) {
	for _, a := range castBallotArgs {
		f.Add(a)
	}
	f.Fuzz(func(t *testing.T, a string) { sameCastBallot(t, a) })
}

// sameCastBallot fails t if ParseCommand and parseByReflection differ on
// cast_ballot with args a; it reports whether parseCastBallot took them.
func sameCastBallot(t *testing.T, a string) bool {
	t.Helper()
	env := Envelope{Cmd: "cast_ballot", Args: []byte(a)}
	c1, err1 := ParseCommand(env)
	c2, err2 := parseByReflection(env)
	if !reflect.DeepEqual(c1, c2) || !reflect.DeepEqual(err1, err2) {
		t.Errorf("args %q: fast %#v, %v; by reflection %#v, %v", a, c1, err1, c2, err2)
	}
	args := bytes.TrimSpace(env.Args)
	if len(args) == 0 || bytes.Equal(args, []byte("null")) {
		args = []byte("{}")
	}
	_, ok, _ := parseCastBallot(args)
	return ok
}

// TestCastBallotTagsAsChecked holds CastBallot's fields and tags to what
// checkCastBallot and parseCastBallot write out: a tag changed must
// change them too.
func TestCastBallotTagsAsChecked(t *testing.T) {
	want := []string{
		`Vote json:"vote" plenum:"required,id"`,
		`Voter json:"voter" plenum:"required,id"`,
		`Choice json:"choice" plenum:"required"`,
		`ForMandate json:"for_mandate" plenum:"id"`,
		`Token json:"token"`,
	}
	ty := reflect.TypeFor[CastBallot]()
	var got []string
	for i := range ty.NumField() {
		f := ty.Field(i)
		if f.Type != reflect.TypeFor[string]() {
			t.Errorf("CastBallot.%s is a %s, not a string", f.Name, f.Type)
		}
		got = append(got, f.Name+" "+string(f.Tag))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CastBallot's fields are\n%q\nparseCastBallot and checkCastBallot know\n%q", got, want)
	}
}

// BenchmarkParseCastBallot: a plain ballot's arguments parsed without
// reflection (fast) and by the general way (reflect).
func BenchmarkParseCastBallot(b *testing.B) {
	env := Envelope{Cmd: "cast_ballot", Args: []byte(`{"vote":"v1","voter":"d123","choice":"for"}`)}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseCommand(env); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reflect", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseByReflection(env); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestCastBallotParsedInTwoAllocations: a plain ballot's arguments are
// parsed in two allocations, the string its ids and choice are cut from
// and the command boxed; a string a member was one each, and every
// ballot of a burst pays them (BenchmarkBallotBurst10000).
func TestCastBallotParsedInTwoAllocations(t *testing.T) {
	env := Envelope{Cmd: "cast_ballot", Args: []byte(`{"vote":"v1","voter":"d123","choice":"for","for_mandate":"m7"}`)}
	n := testing.AllocsPerRun(100, func() {
		if _, err := ParseCommand(env); err != nil {
			t.Fatal(err)
		}
	})
	if n > 2 {
		t.Errorf("a ballot's arguments took %v allocations to parse, want 2", n)
	}
}
