package web

import (
	"testing"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

func TestNamerAndFreshIDs(t *testing.T) {
	s := assembly.NewState()
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	apply := func(e assembly.Event) {
		t.Helper()
		if err := s.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	m := func() assembly.Meta {
		at = at.Add(time.Second)
		return assembly.Meta{Assembly: "a", Actor: "ann", At: at}
	}
	apply(assembly.AssemblyCreated{Meta: m(), Assembly: assembly.Assembly{ID: "a", Name: "A"}, Admin: "ann"})
	apply(assembly.PersonAdded{Meta: m(), ID: "chair", Name: "Vera Chair"})
	apply(assembly.PersonAdded{Meta: m(), ID: "stalin", Name: "Iosif V. Stalin"})
	apply(assembly.PersonAdded{Meta: m(), ID: "m1", Name: "Member One"})
	apply(assembly.OrganizationAdded{Meta: m(), ID: "org", Name: "Org", Kind: "delegating"})
	apply(assembly.MandateSubmitted{Meta: m(), ID: "md-1", Person: "m1", Organization: "org", Kind: "decisive"})
	cases := []struct{ in, want string }{
		{"only the chair puts a question to the vote", "only the chair puts a question to the vote"},
		{"the chair deprives stalin of the floor", "the chair deprives Iosif V. Stalin of the floor"},
		{`there is no vote "v9"`, `there is no vote "v9"`},
		{"both stalin and m1 are numbered 1", "both Iosif V. Stalin and Member One are numbered 1"},
		{"Stalin speaks", "Stalin speaks"},
		{"an idea m1 had", "an idea Member One had"},
		{"the mandate md-1 is not entitled to vote", "the mandate of Member One is not entitled to vote"},
		{"md-1 has already voted", "Member One's mandate has already voted"},
	}
	for _, c := range cases {
		if got := (namer{s: s}).text(c.in); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	// A text that already says "the vote" or "the election" before the
	// id does not say it twice (F10: "while the vote the vote on …").
	s.Votes["v1"] = &assembly.Vote{ID: "v1", Question: "Adopt the report"}
	s.Elections["e1"] = &assembly.Election{ID: "e1", Title: "Board"}
	for in, want := range map[string]string{
		"the rules cannot change while the vote v1 is open": "the rules cannot change while the vote on “Adopt the report” is open",
		"The vote v1 is closed":                             "The vote on “Adopt the report” is closed",
		"v1 is closed":                                      "the vote on “Adopt the report” is closed",
		"the election e1 is open":                           "the election “Board” is open",
	} {
		if got := (namer{s: s}).text(in); got != want {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	}
	de := namer{s: s, l: i18n.For("de")}
	if got, want := de.text("solange die Abstimmung v1 offen ist"), "solange die Abstimmung „Adopt the report“ offen ist"; got != want {
		t.Errorf("de:\n got %q\nwant %q", got, want)
	}
	// In another language the ids are named in words any sentence takes:
	// a mandate by its holder, a sitting by its date as the language
	// writes it, a title in the language's quotes.
	apply(assembly.SittingOpened{Meta: m(), ID: "s1", Date: "2026-05-09", Chair: "chair"})
	apply(assembly.ItemAdded{Meta: m(), ID: "i1", Title: "Бюджет"})
	ru := namer{s: s, l: i18n.For("ru")}
	for in, want := range map[string]string{
		"Мандат md-1 не даёт права голоса": "Мандат Member One не даёт права голоса",
		"Заседание s1 уже открыто":         "Заседание 9 мая 2026 г. уже открыто",
		"Пункт i1 закрыт":                  "Пункт «Бюджет» закрыт",
	} {
		if got := ru.text(in); got != want {
			t.Errorf("ru %q:\n got %q\nwant %q", in, got, want)
		}
	}
	// m1 is a person here: a motion gets m2.
	if id := freshID(s, "m"); id != "m2" {
		t.Errorf("fresh motion id %q", id)
	}
	if id := freshID(s, "m", "m2"); id != "m3" {
		t.Errorf("fresh motion id beside m2: %q", id)
	}
}

// TestMotionPrefixes: a form asks for an amendment's or a change
// recommendation's id by its motion's prefix (new:id=m1-a), which names
// a motion by an id's characters; nothing else passes for one.
func TestMotionPrefixes(t *testing.T) {
	for p, want := range map[string]bool{
		"m1-a": true, "m1-c": true, "w1-a": true, "motion_7-c": true, "m": true, "cat": true,
		"m1-b": false, "-a": false, "M1-a": false, "../x-a": false, "m1 -a": false, "m1-a1": false, "": false,
	} {
		if got := validPrefix(p); got != want {
			t.Errorf("validPrefix(%q) = %v, want %v", p, got, want)
		}
	}
}
