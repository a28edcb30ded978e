package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const tennesseeBLT = `4 1
42 1 2 3 4 0
26 2 3 4 1 0
15 3 4 2 1 0
17 4 3 2 1 0
0
"Memphis"
"Nashville"
"Chattanooga"
"Knoxville"
"Tennessee capital"
`

// runTallyCLI runs "plenum tally args..." in process and returns the exit
// code and what was printed.
func runTallyCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := runCLI(context.Background(), env, append([]string{"tally"}, args...))
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTallyElected(t *testing.T) {
	f := writeFile(t, "tn.blt", tennesseeBLT)
	for _, m := range []string{"irv", "stv-scottish", "stv-meek"} {
		code, out, errOut := runTallyCLI(t, "", "--method", m, f)
		if code != 0 || out != "Knoxville\n" {
			t.Errorf("%s: exit %d, out %q, err %q; want Knoxville", m, code, out, errOut)
		}
	}
	// Plurality with one seat: Memphis has the most first preferences.
	if code, out, _ := runTallyCLI(t, "", "--method", "plurality", f); code != 0 || out != "Memphis\n" {
		t.Errorf("plurality: exit %d, out %q", code, out)
	}
	// Options may follow the file name.
	if code, out, _ := runTallyCLI(t, "", f, "--method", "irv"); code != 0 || out != "Knoxville\n" {
		t.Errorf("options after the file: exit %d, out %q", code, out)
	}
	// D'Hondt on first preferences, 4 seats: Memphis 42, 21; Nashville 26;
	// Knoxville 17 (Memphis's third quotient is 14, Chattanooga has 15).
	code, out, _ := runTallyCLI(t, "", "--method", "dhondt", "--seats", "4", f)
	if code != 0 || out != "Memphis\nNashville\nMemphis\nKnoxville\n" {
		t.Errorf("dhondt: exit %d, out %q", code, out)
	}
}

func TestTallyStagesAndJSON(t *testing.T) {
	f := writeFile(t, "tn.blt", tennesseeBLT)
	code, out, _ := runTallyCLI(t, "", "--method", "stv-scottish", "--stages", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"Tennessee capital — stv-scottish, 1 seat, seed 0",
		"Quota: 51",
		"Stage 2: exclusion — Chattanooga",
		"Chattanooga has the fewest votes (15.00000) and is excluded",
		"Stage 3: exclusion — Nashville",
		"1. Knoxville",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("count sheet lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runTallyCLI(t, "", "--method", "stv-scottish", "--json", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Method       string   `json:"method"`
		Seats        int      `json:"seats"`
		Quota        float64  `json:"quota"`
		ElectedNames []string `json:"electedNames"`
		Stages       []struct {
			Kind   string    `json:"kind"`
			Totals []float64 `json:"totals"`
		} `json:"stages"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Method != "stv-scottish" || got.Seats != 1 || got.Quota != 51 || len(got.ElectedNames) != 1 || got.ElectedNames[0] != "Knoxville" {
		t.Errorf("json %+v", got)
	}
	if len(got.Stages) != 3 || got.Stages[1].Kind != "exclusion" || got.Stages[1].Totals[3] != 32 {
		t.Errorf("json stages %+v", got.Stages)
	}
}

func TestTallySeed(t *testing.T) {
	// A and B tie for the one seat under plurality; the lot decides.
	csv := "Ann,Bob,Cy\n1,,\n,1,\n1,2,\n,1,\n,,1\n"
	seen := map[string]bool{}
	for _, seed := range []string{"1", "2", "3", "4", "5", "6", "7", "8"} {
		code, out, errOut := runTallyCLI(t, csv, "--method", "plurality", "--seats", "1", "--format", "csv", "--seed", seed, "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(errOut, "broken by lot, seed "+seed) {
			t.Errorf("seed %s: stderr %q does not name the seed", seed, errOut)
		}
		_, again, _ := runTallyCLI(t, csv, "--method", "plurality", "--seats", "1", "--format", "csv", "--seed", seed, "-")
		if again != out {
			t.Errorf("seed %s: %q then %q", seed, out, again)
		}
		seen[out] = true
	}
	if !seen["Ann\n"] || !seen["Bob\n"] {
		t.Errorf("over 8 seeds the lot gave only %v", seen)
	}
}

func TestTallyErrors(t *testing.T) {
	bad := writeFile(t, "bad.blt", "4 1\n1 2 7 0\n0\n")
	soi := writeFile(t, "v.soi", "# NUMBER ALTERNATIVES: 2\n3: 1,2\n")
	odd := writeFile(t, "v.txt", "")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--method", "irv", bad}, 1, "bad.blt: line 2: preference 7 is not a candidate (there are 4)"},
		{[]string{"--method", "stv-scottish", soi}, 2, "does not say how many seats there are; give --seats N"},
		{[]string{"--method", "borda", bad}, 2, `unknown method "borda"`},
		{[]string{bad}, 2, "give --method"},
		{[]string{"--method", "irv"}, 2, "name the file of ballots"},
		{[]string{"--method", "irv", odd}, 2, "cannot tell the format"},
		{[]string{"--method", "irv", filepath.Join(t.TempDir(), "none.blt")}, 1, "no such file"},
		{[]string{"--method", "irv", "--stages", "--json", bad}, 2, "exclude each other"},
		{[]string{"--nonsense"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, out, errOut := runTallyCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("tally %v: exit %d, stderr %q, stdout %q; want exit %d and %q", tt.args, code, errOut, out, tt.code, tt.want)
		}
	}
	// With --seats the PrefLib file counts.
	if code, out, errOut := runTallyCLI(t, "", "--method", "stv-scottish", "--seats", "1", soi); code != 0 || out != "Alternative 1\n" {
		t.Errorf("soi with --seats: exit %d, out %q, err %q", code, out, errOut)
	}
}

func TestTallyHelp(t *testing.T) {
	code, out, _ := runTallyCLI(t, "", "--help")
	if code != 0 || !strings.Contains(out, "SYNOPSIS") || !strings.Contains(out, "EXIT STATUS") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}

// TestTallyUnfilledSeats: every candidate withdrawn, or more seats than
// candidates, is not a quiet success: the result goes as far as it goes,
// a warning names the unfilled seats, and the exit status is 1.
func TestTallyUnfilledSeats(t *testing.T) {
	dir := t.TempDir()
	withdrawn := filepath.Join(dir, "withdrawn.blt")
	os.WriteFile(withdrawn, []byte("2 1\n-1\n-2\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"Ward\"\n"), 0o644)
	few := filepath.Join(dir, "few.csv")
	os.WriteFile(few, []byte("a,b\n1,2\n2,1\n1,2\n"), 0o644)
	for _, c := range []struct {
		args             []string
		stdout, warnings string
	}{
		{[]string{"--method", "stv-scottish", withdrawn}, "", "1 of 1 seat left unfilled: 0 candidates were elected; 2 candidates, 2 withdrawn, 0 standing"},
		{[]string{"--method", "stv-meek", "--seats", "3", few}, "a\nb\n", "1 of 3 seats left unfilled: 2 candidates were elected; 2 candidates, 0 withdrawn, 2 standing"},
		{[]string{"--method", "plurality", "--seats", "5", few}, "a\nb\n", "3 of 5 seats left unfilled"},
	} {
		code, out, errs := runForTest(t, "", append([]string{"tally"}, c.args...)...)
		if code != 1 || out != c.stdout || !strings.Contains(errs, c.warnings) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errs)
		}
	}
	// Every seat filled: exit 0, no warning.
	if code, out, errs := runForTest(t, "", "tally", "--method", "stv-meek", "--seats", "2", few); code != 0 || out != "a\nb\n" || strings.Contains(errs, "unfilled") {
		t.Errorf("two seats, two candidates: exit %d %q %q", code, out, errs)
	}
}
