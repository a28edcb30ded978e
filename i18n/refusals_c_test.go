package i18n_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

// refusal runs a command script line by line against a new assembly, as
// plenum replay does, and returns the refusal of the last line: the rules
// themselves make it, so the test fails if a key of refusals_c.go drifts
// from the template package assembly writes.
func refusal(t *testing.T, lines ...string) *assembly.Error {
	t.Helper()
	s := assembly.NewState()
	for i, line := range lines {
		env, err := assembly.ParseEnvelope([]byte(line))
		if err == nil {
			var c assembly.Command
			if c, err = assembly.ParseCommand(env); err == nil {
				var evs []assembly.Event
				if evs, err = assembly.Decide(s, env.Meta(), c); err == nil {
					for _, e := range evs {
						if err := s.Apply(e); err != nil {
							t.Fatalf("line %d: %v", i+1, err)
						}
					}
				}
			}
		}
		last := i == len(lines)-1
		if err != nil && !last {
			t.Fatalf("line %d is refused: %v", i+1, err)
		}
		if last {
			var ae *assembly.Error
			if !errors.As(err, &ae) {
				t.Fatalf("the last line is not refused by the rules: %v", err)
			}
			return ae
		}
	}
	t.Fatal("no lines")
	return nil
}

// TestRefusalsC renders refusals of the third group in Russian and
// German as a person reads them: two from a command line, and a screen's
// message that is too long, whose limit selects the plural.
func TestRefusalsC(t *testing.T) {
	at := time.Date(1917, 3, 27, 10, 0, 0, 0, time.UTC).Format(time.RFC3339)
	env := func(cmd, actor, args string) string {
		return `{"cmd":"` + cmd + `","assembly":"conf","actor":"` + actor + `","at":"` + at + `","args":` + args + `}`
	}
	setup := []string{
		env("create_assembly", "ann", `{"id":"conf","name":"All-Russian Conference","starts":"1917-03-27","rules":"congress"}`),
		env("add_person", "ann", `{"id":"bob","name":"Bob"}`),
		env("grant_role", "ann", `{"person":"bob","role":"secretary"}`),
	}
	long := strings.Repeat("ж", 501)
	cases := []struct {
		name   string
		lines  []string
		ru, de string
	}{
		{"unknown command", []string{env("frobnicate", "ann", `{}`)},
			`неизвестная команда "frobnicate"`,
			`unbekannter Befehl "frobnicate"`},
		{"no actor", []string{`{"cmd":"open_sitting","at":"` + at + `"}`},
			"у команды open_sitting нет действующего лица (actor): укажите, от чьего имени она подаётся",
			"der Befehl open_sitting nennt keinen Handelnden (actor): Geben Sie an, in wessen Namen er erteilt wird"},
		{"message too long", append(setup, env("set_screen", "bob", `{"screen":"hall","show":"message","message":"`+long+`"}`)),
			"сообщение длиннее 500 символов; экран читают из глубины зала",
			"die Mitteilung ist länger als 500 Zeichen; eine Anzeige wird vom Ende des Saals aus gelesen"},
	}
	for _, c := range cases {
		e := refusal(t, c.lines...)
		for lang, want := range map[string]string{"ru": c.ru, "de": c.de} {
			if got := i18n.For(lang).Refusal(e.Format, e.Args, e.Msg); got != want {
				t.Errorf("%s in %s: %q, want %q", c.name, lang, got, want)
			}
		}
		if got := i18n.For("en").Refusal(e.Format, e.Args, e.Msg); got != e.Msg {
			t.Errorf("%s in English: %q, want the message as it stands, %q", c.name, got, e.Msg)
		}
	}

	// The Russian plural of a limit in its three forms (21 takes the form
	// of 1), and the German singular of the proxies.
	const screenName = "the screen's name is longer than %d characters"
	for n, want := range map[int]string{1: "название экрана длиннее 1 символа", 3: "название экрана длиннее 3 символов", 80: "название экрана длиннее 80 символов", 21: "название экрана длиннее 21 символа"} {
		if got := i18n.For("ru").Refusal(screenName, []any{n}, "English"); got != want {
			t.Errorf("ru, %d: %q, want %q", n, got, want)
		}
	}
	const proxies = "%s already carries %d proxies, the most the rules allow"
	if got, want := i18n.For("de").Refusal(proxies, []any{"bob", 1}, "English"), "bob hält bereits 1 Stimmrechtsvollmacht; mehr lässt die Geschäftsordnung nicht zu"; got != want {
		t.Errorf("de proxies: %q, want %q", got, want)
	}
	// English says one proxy in the singular, with its own template
	// (assembly chooses it for 1); the other languages read it too.
	const proxy = "%s already carries %d proxy, the most the rules allow"
	for lang, want := range map[string]string{"de": "bob hält bereits 1 Stimmrechtsvollmacht; mehr lässt die Geschäftsordnung nicht zu", "fr": "bob porte déjà 1 procuration, le maximum que permet le règlement"} {
		if got := i18n.For(lang).Refusal(proxy, []any{"bob", 1}, "English"); got != want {
			t.Errorf("%s proxy: %q, want %q", lang, got, want)
		}
	}
	// The registrars are a reason of their own, translated inside.
	e := refusal(t, `{"cmd":"create_assembly","actor":"admin","at":"2026-05-09T10:00:00Z","args":{"id":"c","name":"C","starts":"2026-05-09","rules":"congress"}}`,
		`{"cmd":"add_person","actor":"nobody","assembly":"c","at":"2026-05-09T10:00:00Z","args":{"id":"x","name":"X"}}`)
	got := i18n.For("ru").Refusal(e.Format, e.Args, e.Msg)
	if want := "добавлять лиц может только администратор, секретарь или мандатная комиссия"; got != want {
		t.Errorf("ru registrars: %q, want %q", got, want)
	}
}
