package minutes

import (
	"strings"
	"testing"

	"plenum/i18n"
)

// oneScript is an assembly of one member: a vote by a majority of the
// members, whose recorded arithmetic counts "1 member", speaking time of
// one second, and an election from lists in which one list has 1 vote
// and 1 seat, the other none.
const oneScript = `
{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"one","name":"One","starts":"2026-05-09","rules":"congress","overrides":{"voting_threshold":"majority_members"}}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"org","name":"The Union","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ada","name":"Ada"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-ada","person":"ada","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-ada"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"ada"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"item":"i1"}}
{"cmd":"allot_speaking_time","actor":"ann","at":"2026-05-09T10:01:00Z","args":{"item":"i1","allowances":{"org":1}}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"id":"v1","question":"Raise the dues","method":"roll_call"}}
{"cmd":"cast_ballot","actor":"ada","at":"2026-05-09T10:02:00Z","args":{"vote":"v1","voter":"ada","choice":"for"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:03:00Z","args":{"vote":"v1"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:03:00Z","args":{"vote":"v1"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T10:04:00Z","args":{"id":"e1","title":"Delegation","seats":1,"method":"dhondt","lists":[{"id":"la","name":"Left","candidates":["ada"]},{"id":"lb","name":"Right","candidates":["ann"]}]}}
{"cmd":"cast_election_ballot","actor":"ada","at":"2026-05-09T10:04:00Z","args":{"election":"e1","voter":"ada","list":"la"}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T10:05:00Z","args":{"election":"e1"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T10:05:00Z","args":{"election":"e1"}}
`

// TestRecordedSingularReadInEveryLanguage: the minutes in another language
// read the rules' English of a count of 1 as a new record writes it ("1
// member", "1 second") and as a record written before says it ("1
// members", "1 seconds"), and say both alike, the count agreeing with its
// number; the English minutes keep each record's words as they stand.
func TestRecordedSingularReadInEveryLanguage(t *testing.T) {
	const arith, allotted = "1 for, 0 against; 1 member; 1 needed (a majority of the members); carried", "Speaking time allotted: The Union 1 second."
	fresh := replayScript(t, "one", []byte(oneScript))
	if got := fresh.state.Votes["v1"].Result.Arithmetic; got != arith {
		t.Fatalf("the recorded arithmetic: %q, want %q", got, arith)
	}
	// The same record as a log written before replays it.
	old := replayScript(t, "one", []byte(oneScript))
	r := *old.state.Votes["v1"].Result
	r.Arithmetic = strings.Replace(r.Arithmetic, "1 member;", "1 members;", 1)
	old.state.Votes["v1"].Result = &r
	seen := 0
	for i, e := range old.state.Record {
		switch e.Text {
		case arith:
			old.state.Record[i].Text = r.Arithmetic
			seen++
		case allotted:
			old.state.Record[i].Text = "Speaking time allotted: The Union 1 seconds."
			seen++
		}
	}
	if seen != 2 {
		t.Fatalf("found %d of the two entries in the record", seen)
	}
	want := map[string][]string{
		"de": {"1 Mitglied;", "The Union 1 Sekunde."},
		"fr": {"1 membre ;", "The Union 1 seconde."},
		"es": {"1 miembro;", "The Union 1 segundo."},
		"ru": {"членов – 1;", "The Union 1 секунда."},
	}
	for lang, parts := range want {
		md := string(Markdown(in(t, fresh, lang)))
		if was := string(Markdown(in(t, old, lang))); was != md {
			t.Errorf("%s: the record written before is said otherwise than the new one:\n%s", lang, firstDiff(was, md))
		}
		for _, p := range parts {
			if !strings.Contains(md, p) {
				t.Errorf("%s: the minutes lack %q", lang, p)
			}
		}
	}
	en, was := string(Markdown(in(t, fresh, i18n.Default))), string(Markdown(in(t, old, i18n.Default)))
	for _, c := range []struct{ md, part string }{{en, "1 member;"}, {en, "The Union 1 second."}, {was, "1 members;"}, {was, "The Union 1 seconds."}} {
		if !strings.Contains(c.md, c.part) {
			t.Errorf("the English minutes lack the record's %q", c.part)
		}
	}
}

// TestListCountAgreesInEveryLanguage: the minutes say each count of a
// list in an election by its own number, the votes as the seats: "1
// Stimme, 1 Sitz", "0 Stimmen, 0 Sitze".
func TestListCountAgreesInEveryLanguage(t *testing.T) {
	f := replayScript(t, "one", []byte(oneScript))
	if got, want := f.state.Elections["e1"].Arithmetic, "dhondt: la 1 vote, 1 seat; lb 0 votes, 0 seats; elected: ada"; got != want {
		t.Fatalf("the recorded arithmetic: %q, want %q", got, want)
	}
	for lang, want := range map[string]string{
		"de": "Left 1 Stimme, 1 Sitz; Right 0 Stimmen, 0 Sitze;",
		"fr": "Left 1 voix, 1 siège ; Right 0 voix, 0 siège ;",
		"es": "Left 1 voto, 1 puesto; Right 0 votos, 0 puestos;",
		"ru": "Left: голосов – 1, мест – 1; Right: голосов – 0, мест – 0;",
	} {
		if md := string(Markdown(in(t, f, lang))); !strings.Contains(md, want) {
			t.Errorf("%s: the minutes lack %q:\n%s", lang, want, near(md, "Left"))
		}
	}
}

// firstDiff is the first line in which a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return al[i] + "\n" + bl[i]
		}
	}
	return "(one is longer)"
}
