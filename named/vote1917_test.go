package named

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/demo"
	"plenum/i18n"
)

// march1917 is the state of the demo's record, the March 1917 conference.
func march1917(t *testing.T) *assembly.State {
	t.Helper()
	s := assembly.NewState()
	sc := bufio.NewScanner(bytes.NewReader(demo.Script))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		env, err := assembly.ParseEnvelope(line)
		if err != nil {
			t.Fatalf("march-1917.jsonl:%d: %v", n, err)
		}
		if env.Assembly == "" {
			env.Assembly = demo.AssemblyID
		}
		cmd, err := assembly.ParseCommand(env)
		if err != nil {
			t.Fatalf("march-1917.jsonl:%d: %v", n, err)
		}
		events, err := assembly.Decide(s, env.Meta(), cmd)
		if err != nil {
			t.Fatalf("march-1917.jsonl:%d: %s: %v", n, env.Cmd, err)
		}
		for _, e := range events {
			if err := s.Apply(e); err != nil {
				t.Fatalf("march-1917.jsonl:%d: %v", n, err)
			}
		}
	}
	return s
}

// TestVoteOnItsMotion1917: over the votes of the 1917 record, a refusal
// that names a vote and then the motion it is on ("the vote %s on %s is
// not yet declared") names the motion's title once, in every language:
// not again after a vote named by it ("Close the discussion, …"), and,
// after a vote with a question of its own ("To accept the amendments", on
// Kamenev's four amendments), in brackets as the motion, where it read
// "the vote on “To accept the amendments” on “Kamenev's four amendments
// …”", as if the question were put on the title.
func TestVoteOnItsMotion1917(t *testing.T) {
	s := march1917(t)
	const key = "the vote %s on %s is not yet declared"
	checked, own := 0, 0
	for _, v := range s.Votes {
		if v.Motion == "" || s.Motions[v.Motion] == nil {
			continue
		}
		checked++
		title := s.Motions[v.Motion].Title
		if v.Question != "" && !strings.Contains(v.Question, title) && !strings.Contains(title, v.Question) {
			own++
		}
		for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
			l := i18n.For(lang)
			args := []any{v.ID, v.Motion}
			got := Namer{S: s, L: l}.Text(l.Refusal(key, args, fmt.Sprintf(key, args...)))
			if c := strings.Count(got, title); c != 1 && !(c == 0 && strings.Contains(title, v.Question)) {
				t.Errorf("%s %s names “%s” %d times: %s", lang, v.ID, title, c, got)
			}
			if v.Question != "" && !strings.Contains(got, v.Question) {
				t.Errorf("%s %s does not name its question: %s", lang, v.ID, got)
			}
		}
	}
	if checked < 10 || own == 0 {
		t.Fatalf("%d votes on a motion, %d with a question of their own: the record no longer has them", checked, own)
	}
	args := []any{"v-accept-amendments", "mo-kamenev-amendments"}
	const motion = "Kamenev's four amendments to the Executive Committee's resolution on the war"
	for lang, want := range map[string]string{
		"en": "the vote on “To accept the amendments” (motion “" + motion + "”) is not yet declared",
		"de": "das Ergebnis der Abstimmung „To accept the amendments“ (Antrag „" + motion + "“) ist noch nicht festgestellt",
		"ru": "итог голосования «To accept the amendments» (предложение «" + motion + "») ещё не объявлен",
		"fr": "le résultat du vote « To accept the amendments » (motion « " + motion + " ») n'est pas encore proclamé",
		"es": "el resultado de la votación «To accept the amendments» (moción «" + motion + "») aún no se ha proclamado",
	} {
		l := i18n.For(lang)
		if got := (Namer{S: s, L: l}).Text(l.Refusal(key, args, fmt.Sprintf(key, args...))); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// A question that holds the motion's title, or is held by it, says
	// it once: the motion is not named again.
	s.Votes["v-nested"] = &assembly.Vote{ID: "v-nested", Motion: "mo-stalin-instruct", Question: "Shall we “" + s.Motions["mo-stalin-instruct"].Title + "”?"}
	if got, want := (Namer{S: s}).Text("the vote v-nested on mo-stalin-instruct is open"), "the vote on “Shall we “"+s.Motions["mo-stalin-instruct"].Title+"”?” is open"; got != want {
		t.Errorf("a question holding the title: %q, want %q", got, want)
	}
}
