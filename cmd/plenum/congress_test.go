package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestCongressScript replays the printers' congress (motions submitted,
// amended by lines and carried), exports its minutes, checks the log, and
// reopens the database: the resolution the log replays to is the one
// recorded when it was carried, byte for byte, and the one computed again
// from the replayed state.
func TestCongressScript(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	script := "../../testdata/congress-2026.jsonl"
	if code, out, errs := runForTest(t, "", "replay", "--db", db, script); code != 0 || !strings.Contains(out, "recorded "+itoa(countCommands(t, script))+" commands") {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	code, md, errs := runForTest(t, "", "export", "--db", db, "--assembly", "congress-2026", "--format", "md")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"**The resolution as carried, with the amendments W1/3, W1/3/1, W1/2, W1/1 applied:**",
		"> `3` association on a new wage agreement for the printing and packaging trades.\\",
		"> `5` the delegates, are:\\",
		"> `9` steps over three years;\\",
		"> `4` The executive may grant a member in need a remission of dues for up to twelve\\",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the exported minutes lack %q", want)
		}
	}
	if code, out, errs := runForTest(t, "", "verify", "--db", db); code != 0 {
		t.Fatalf("verify: exit %d: %s %s", code, out, errs)
	}
	checkResolutions(t, db)

	// The certified excerpt of W1 holds its submission, its amendments at
	// both degrees, the votes and the resolution as carried, and checks
	// offline.
	srv := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	resp, err := http.Get(srv.match + "/api/assemblies/congress-2026/motions/w1/excerpt")
	if err != nil {
		t.Fatal(err)
	}
	excerpt, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("excerpt: %s %s", resp.Status, excerpt)
	}
	vkey := regexp.MustCompile(`verifier key (\S+)`).FindStringSubmatch(srv.stdout.String() + srv.stderr.String())
	if vkey == nil {
		t.Fatalf("no verifier key printed: %s", srv.stdout.String())
	}
	if code := srv.stop(); code != 0 {
		t.Fatalf("serve exited %d: %s", code, srv.stderr.String())
	}
	file := filepath.Join(t.TempDir(), "excerpt.json")
	if err := os.WriteFile(file, excerpt, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey[1], "--json")
	if code != 0 {
		t.Fatalf("verify --excerpt: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{`"motion_submitted"`, `"change_recommended"`, `"id":"w1-hans-mia"`, `"resolution_consolidated"`,
		`"text":"# Wages and working time\nThe congress instructs the executive to open negotiations with the employers' association on a new wage agreement for the printing and packaging trades.`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the excerpt lacks %s", want)
		}
	}
}

// checkResolutions reopens the database: each resolution the log replays
// to is the one computed again from the replayed state.
func checkResolutions(t *testing.T, db string) {
	t.Helper()
	eng, closeAll, err := openEngine(context.Background(), db, "", "plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	a, _ := eng.Assembly("congress-2026")
	a.Read(func(s *assembly.State) {
		for _, id := range []string{"w1", "dues-exec"} {
			mo := s.Motions[id]
			text, _, _, err := s.AmendedText(id)
			if err != nil || mo.Resolution == "" || text.Markdown() != mo.Resolution {
				t.Errorf("%s: recorded %q, computed again %q (%v)", id, mo.Resolution, text.Markdown(), err)
			}
		}
	})
}
