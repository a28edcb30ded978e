package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReplayInTheOfficersLanguage: plenum replay --lang reports what it
// recorded and refuses its options and the script's lines in that
// language, into a database and through a server (--url); no English
// word of its messages is left (the engine's own refusal and the
// script's names stand as they are), and the English is as it was.
func TestReplayInTheOfficersLanguage(t *testing.T) {
	dir := t.TempDir()
	coop := "../../testdata/coop-2026.jsonl"
	org := `{"cmd": "add_organization", "actor": "ann", "assembly": "%s", "at": "2026-05-09T08:31:00+02:00", "args": {"id": "riverside", "name": "Riverside", "kind": "delegating"}}` + "\n"
	unknown := writeFile(t, "unknown.jsonl", strings.Replace(org, "%s", "nobody", 1))
	orphan := writeFile(t, "orphan.jsonl", strings.Replace(org, `"assembly": "%s", `, "", 1))
	bad := writeFile(t, "bad.jsonl", "{not json\n")
	create := writeFile(t, "create.jsonl", `{"cmd": "create_assembly", "actor": "ann", "at": "2026-05-09T08:30:00+02:00", "args": {"id": "x", "name": "X", "starts": "2026-05-09", "rules": "ronr"}}`+"\n")
	byAdmin := writeFile(t, "admin.jsonl", strings.Replace(strings.Replace(org, "%s", "x", 1), `"actor": "ann"`, `"actor": "admin"`, 1))
	byAnn := writeFile(t, "ann.jsonl", strings.Replace(org, "%s", "x", 1))
	u := "http://127.0.0.1:1"
	cases := []refusal{
		{nil, 2, "name one script file (or - for standard input)", 0},
		{[]string{"--admin", "t", coop}, 2, "--admin and --code log in to a server: give its --url too", 0},
		{[]string{"--url", u, "--db", "d.db", coop}, 2, "--url sends the script to a running server, which has its own database, key and name: leave out --db, --data and --name", 0},
		{[]string{"--url", "ftp://x", coop}, 2, `--url "ftp://x": give the server's address, such as http://127.0.0.1:8080`, 0},
		{[]string{"--db", filepath.Join(dir, "u.db"), unknown}, 1, `line 1: there is no assembly "nobody"`, 0},
		{[]string{"--db", filepath.Join(dir, "b.db"), bad}, 1, "line 1: ", 1},
		{[]string{"--url", u, orphan}, 1, "line 1 (add_organization): the line names no assembly, and no create_assembly comes before it", 0},
		{[]string{"--url", u, create}, 1, "line 1 (create_assembly): through the API an assembly is created by a server administrator, recorded as admin, but the line names ann; change its actor to admin, or create the assembly first", 0},
		{[]string{"--url", u, byAdmin}, 1, "line 1 (add_organization): the line is given by admin; log in as a server administrator with --admin", 0},
		{[]string{"--url", u, byAnn}, 1, "line 1 (add_organization): no login for ann in x; give --code with ann's access code", 0},
	}
	english := englishWords([]string{"plenum", "replay", "admin", "code", "data", "name", "script", "create", "assembly", "actor", "organization", "http", "help", "login", "server"}, "cli.replay.")
	checkRefusals(t, "replay", cases, english, true)
	// What it recorded.
	n := itoa(countCommands(t, coop))
	for lang, want := range map[string]string{"": "recorded " + n + " commands\n", "de": "aufgezeichnete Befehle: " + n + "\n", "ru": "записано команд: " + n + "\n"} {
		args := []string{"replay", "--db", filepath.Join(dir, "coop"+lang+".db")}
		if lang != "" {
			args = append(args, "--lang", lang)
		}
		args = append(args, coop)
		code, out, errs := runForTest(t, "", args...)
		if code != 0 || out != want {
			t.Errorf("%s: exit %d: %q, want %q (%s)", lang, code, out, want, errs)
		}
	}
	// In the environment's language, without --lang.
	code, _, errs := runIn(t, "ru", "replay", "--url", u, byAnn)
	if code != 1 || !regexp.MustCompile(`строка 1 \(add_organization\): нет входа для ann в x`).MatchString(errs) {
		t.Errorf("ru (environment): exit %d: %q", code, errs)
	}
}
