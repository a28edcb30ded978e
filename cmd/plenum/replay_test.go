package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenum/assembly"
)

func runForTest(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = runCLI(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestReplayCoopScript(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := runForTest(t, "", "replay", "--db", db, "../../testdata/coop-2026.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := countCommands(t, "../../testdata/coop-2026.jsonl")
	if want := "recorded " + itoa(lines) + " commands"; !strings.Contains(out, want) {
		t.Fatalf("output %q, want %q", out, want)
	}
	// Replaying it again is refused at its first line (the assembly
	// exists) and records nothing more.
	eng, closeAll, err := openEngine(context.Background(), db, "", "plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := eng.Assembly("coop-2026")
	size := a.Log().Size()
	closeAll()
	code, _, errs = runForTest(t, "", "replay", "--db", db, "../../testdata/coop-2026.jsonl")
	if code != 1 || !strings.Contains(errs, "line ") || !strings.Contains(errs, "already exists") {
		t.Fatalf("second replay: exit %d, %q", code, errs)
	}
	eng, closeAll, err = openEngine(context.Background(), db, "", "plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	a, _ = eng.Assembly("coop-2026")
	if a.Log().Size() != size {
		t.Fatalf("a refused replay changed the log from %d to %d entries", size, a.Log().Size())
	}
}

func TestReplayStopsAtTheFirstRefusedLine(t *testing.T) {
	script := `# a comment
{"cmd":"create_assembly","actor":"admin","at":"2026-01-01T10:00:00Z","args":{"id":"a1","name":"A","starts":"2026-01-01","rules":"congress"}}
{"cmd":"add_person","actor":"admin","at":"2026-01-01T10:01:00Z","args":{"id":"p1","name":"One"}}

{"cmd":"add_person","actor":"admin","at":"2026-01-01T10:02:00Z","args":{"id":"p1","name":"One again"}}
{"cmd":"add_person","actor":"admin","at":"2026-01-01T10:03:00Z","args":{"id":"p2","name":"Two"}}
`
	cases := []struct {
		name, script, wantErr string
		wantSize              int64
	}{
		{"duplicate person", script, "line 5 (add_person)", 2},
		{"malformed JSON", strings.Replace(script, `"name":"One again"}}`, `"name":`, 1), "line 5:", 2},
		{"unknown command", strings.Replace(script, `"cmd":"add_person","actor":"admin","at":"2026-01-01T10:02:00Z"`, `"cmd":"add_persn","actor":"admin","at":"2026-01-01T10:02:00Z"`, 1), "unknown command", 2},
		{"a 20 MB line", strings.Replace(script, `"name":"One again"`, `"name":"`+strings.Repeat("x", 20<<20)+`"`, 1), "line 5: the line is longer than 16 MiB", 2},
		{"invalid UTF-8", strings.Replace(script, `"name":"One again"`, "\"name\":\"M\xfcller\"", 1), "line 5: the command line is not valid UTF-8 (at byte", 2},
		{"an ANSI escape", strings.Replace(script, `"name":"One again"`, `"name":"\u001b[31mRed"`, 1), `line 5 (add_person): add_person: the field "name" holds an escape character`, 2},
		{"cmd twice", strings.Replace(script, `"cmd":"add_person","actor":"admin","at":"2026-01-01T10:02:00Z"`, `"cmd":"add_persn","cmd":"add_person","actor":"admin","at":"2026-01-01T10:02:00Z"`, 1), `line 5: the command line gives the key "cmd" twice: give each key once`, 2},
		{"an argument twice", strings.Replace(script, `"args":{"id":"p1","name":"One again"}`, `"args":{"id":"p1","id":"p3","name":"Three"}`, 1), `line 5: the command line gives the key "id" twice, in args: give each key once`, 2},
		{"a right-to-left override", strings.Replace(script, `"name":"One again"`, `"name":"Ann \u202egnp.exe"`, 1), `the field "name" holds the bidirectional control U+202E`, 2},
		{"NUL", strings.Replace(script, `"name":"One again"`, `"name":"A\u0000"`, 1), `the field "name" holds a NUL character`, 2},
		{"a count of 1", strings.Replace(script, `{"cmd":"add_person","actor":"admin","at":"2026-01-01T10:01:00Z","args":{"id":"p1","name":"One"}}`, `{"cmd":"correct_record","actor":"admin","at":"2026-01-01T10:01:00Z","args":{"entry":100,"text":"x","reason":"y"}}`, 1), "line 3 (correct_record): there is no entry 100 yet; the log has 1 entry\n", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "p.db")
			code, _, errs := runForTest(t, c.script, "replay", "--db", db, "-")
			if code != 1 || !strings.Contains(errs, c.wantErr) {
				t.Fatalf("exit %d, stderr %q; want 1 and %q", code, errs, c.wantErr)
			}
			eng, closeAll, err := openEngine(context.Background(), db, "", "plenum.localhost")
			if err != nil {
				t.Fatal(err)
			}
			defer closeAll()
			a, ok := eng.Assembly("a1")
			if !ok {
				t.Fatal("the lines before the refused one were not recorded")
			}
			if a.Log().Size() != c.wantSize {
				t.Fatalf("log has %d entries, want %d", a.Log().Size(), c.wantSize)
			}
			a.Read(func(s *assembly.State) {
				if _, ok := s.Persons["p2"]; ok {
					t.Error("a line after the refused one was recorded")
				}
			})
		})
	}
}

func TestReplayUsage(t *testing.T) {
	if code, _, _ := runForTest(t, "", "replay"); code != 2 {
		t.Fatalf("no script: exit %d, want 2", code)
	}
	if code, _, errs := runForTest(t, "", "replay", "--db", filepath.Join(t.TempDir(), "p.db"), "/nonexistent.jsonl"); code != 1 || !strings.Contains(errs, "no such file") {
		t.Fatalf("missing script: exit %d %q", code, errs)
	}
}

func countCommands(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			n++
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
