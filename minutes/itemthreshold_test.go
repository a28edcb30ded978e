package minutes

import (
	"strings"
	"testing"
)

// itemThresholdScript is a cooperative's general meeting: the statutes
// put their own change to two thirds (the item's threshold), the
// accounts to the rules' simple majority.
const itemThresholdScript = `
{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"coop","name":"Asamblea general","starts":"2026-05-09","rules":"congress","language":"es"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"org","name":"La Cooperativa","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ann","name":"Ana"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"kim","name":"Kim"}}
{"cmd":"grant_role","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"person":"kim","role":"teller"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ada","name":"Ada"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-ada","person":"ada","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-ada"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"ada"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"bo","name":"Bo"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-bo","person":"bo","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-bo"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"bo"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"cy","name":"Cy"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"m-cy","person":"cy","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"mandate":"m-cy"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"person":"cy"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"i1","title":"Modificación de los estatutos","threshold":"two_thirds_cast"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"item":"i1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:01:00Z","args":{"id":"v1","question":"Modificar el artículo 30","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"vote":"v1"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:02:00Z","args":{"vote":"v1","for":2,"against":1}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"vote":"v1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:03:00Z","args":{"id":"v2","question":"Modificar el artículo 31","method":"show_of_hands","threshold":"two_thirds_cast"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:04:00Z","args":{"vote":"v2"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:04:00Z","args":{"vote":"v2","for":2,"against":1}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:04:00Z","args":{"vote":"v2"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:05:00Z","args":{"id":"v3","question":"Modificar el artículo 32","method":"show_of_hands","threshold":"majority_cast","ruling":"la asamblea de 2025 lo acordó"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:06:00Z","args":{"vote":"v3"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:06:00Z","args":{"vote":"v3","for":2,"against":1}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:06:00Z","args":{"vote":"v3"}}
`

// TestItemThresholdInMinutes: a vote by the majority the item's rule
// fixes is printed as needing it, not as a departure from the rules, and
// since md/8, html/9 and akn/8 as the rules' majority for the item (not
// the chair's choice); a vote by another majority departs from the
// item's rule.
func TestItemThresholdInMinutes(t *testing.T) {
	f := replayScript(t, "coop", []byte(itemThresholdScript))
	d := BuildIn(f.state, f.cp, "es")
	out, err := Render(d, FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	md := strings.ReplaceAll(string(out), `\`, "")
	for _, q := range []string{"artículo 30", "artículo 31"} {
		i := strings.Index(md, "Modificar el "+q)
		if i < 0 {
			t.Fatalf("the minutes lack the vote on the %s:\n%s", q, md)
		}
		line := md[i:]
		line = line[:strings.Index(line, "\n")]
		if !strings.Contains(line, "Se requiere: dos tercios de los votos emitidos, como fija el reglamento para este punto.") || strings.Contains(line, "apartándose") {
			t.Errorf("the vote on the %s: %q, want two thirds as the rule, no departure", q, line)
		}
	}
	if want := "Se requiere: la mayoría de los votos emitidos, apartándose del reglamento, que fija dos tercios de los votos emitidos, por decisión de la presidencia: la asamblea de 2025 lo acordó."; !strings.Contains(md, want) {
		t.Errorf("the minutes lack %q:\n%s", want, md)
	}
	if n := strings.Count(md, "como fija el reglamento"); n != 2 {
		t.Errorf("the item's rule is named %d times, want twice (not for the departure):\n%s", n, md)
	}
	for _, format := range []string{FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(out), "Se requiere: dos tercios de los votos emitidos, como fija el reglamento para este punto."); n != 2 {
			t.Errorf("%s names the item's rule %d times, want twice", format, n)
		}
	}
	earlierVersions8(t, d, func(stamp string, got []byte) {
		if strings.Contains(string(got), "como fija el reglamento") || strings.Count(string(got), "Se requiere: dos tercios de los votos emitidos.") != 2 {
			t.Errorf("%s does not render the item's majority as before:\n%s", stamp, got)
		}
	})
}
