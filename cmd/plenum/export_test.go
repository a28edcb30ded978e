package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"plenum/demo"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// exportCLI runs one plenum invocation in-process.
func exportCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &e}, args)
	return code, o.String(), e.String()
}

var (
	demoDBOnce sync.Once
	demoDBDir  string
	demoDBErr  string
)

// demoDB returns a fresh copy of a database (with its signing key) holding
// the March 1917 demo, replayed once per test binary.
func demoDB(t *testing.T) string {
	t.Helper()
	demoDBOnce.Do(func() {
		dir, err := os.MkdirTemp("", "plenum-export-test")
		if err != nil {
			demoDBErr = err.Error()
			return
		}
		demoDBDir = dir
		script := filepath.Join(dir, "march-1917.jsonl")
		if err := os.WriteFile(script, demo.Script, 0o644); err != nil {
			demoDBErr = err.Error()
			return
		}
		if code, _, stderr := exportCLI(t, "replay", "--db", filepath.Join(dir, "plenum.db"), script); code != 0 {
			demoDBErr = "replaying the demo: " + stderr
		}
	})
	if demoDBErr != "" {
		t.Fatal(demoDBErr)
	}
	dir := t.TempDir()
	for _, name := range []string{"plenum.db", "plenum.db-wal", "plenum.db-shm", ledger.SigningKeyFile} {
		data, err := os.ReadFile(filepath.Join(demoDBDir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "plenum.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDBDir != "" {
		os.RemoveAll(demoDBDir)
	}
	if builtPlenumDir != "" {
		os.RemoveAll(builtPlenumDir)
	}
	os.Exit(code)
}

func exportTo(t *testing.T, db, format string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "minutes."+format)
	args := append([]string{"export", "--db", db, "--assembly", demo.AssemblyID, "--format", format, "-o", out}, extra...)
	if code, _, stderr := exportCLI(t, args...); code != 0 {
		t.Fatalf("export %s: exit %d: %s", format, code, stderr)
	}
	return out
}

func verifyDoc(t *testing.T, db, file string) (string, error) {
	t.Helper()
	var o bytes.Buffer
	err := runVerifyDocument(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &o}, db, "", "", file)
	return o.String(), err
}

func TestExportAndVerifyDocument(t *testing.T) {
	db := demoDB(t)
	for _, format := range []string{"md", "html", "akn"} {
		file := exportTo(t, db, format)
		out, err := verifyDoc(t, db, file)
		if err != nil {
			t.Errorf("%s: the exported document does not verify: %v", format, err)
			continue
		}
		if !strings.Contains(out, "exactly as the log recorded them") {
			t.Errorf("%s: verify said %q", format, out)
		}
		// Exporting again gives the same bytes: nothing depends on the clock.
		again := exportTo(t, db, format)
		a, _ := os.ReadFile(file)
		b, _ := os.ReadFile(again)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports of the same checkpoint differ", format)
		}
	}
	data, err := os.ReadFile(exportTo(t, db, "popolo"))
	if err != nil {
		t.Fatal(err)
	}
	var popolo map[string]any
	if err := json.Unmarshal(data, &popolo); err != nil || popolo["vote_events"] == nil {
		t.Errorf("the popolo export is not Popolo JSON: %v", err)
	}
	if pdf, _ := os.ReadFile(exportTo(t, db, "pdf")); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the pdf export is not a PDF: %.20q", pdf)
	}
	// A PDF or Popolo document cannot be checked line by line: verify says so.
	if _, err := verifyDoc(t, db, exportTo(t, db, "popolo")); err == nil || !strings.Contains(err.Error(), "cannot be checked") {
		t.Errorf("checking a popolo document: %v", err)
	}
	// Standard output when no -o is given.
	code, stdout, _ := exportCLI(t, "export", "--db", db, "--assembly", demo.AssemblyID)
	if code != 0 || !strings.HasPrefix(stdout, "# ") || !strings.Contains(stdout, "(For – 38; against – 26.)") {
		t.Errorf("export to standard output: exit %d, %.200q", code, stdout)
	}
}

// TestVerifyDocumentOneWordChanged: one changed word in an exported
// document fails the check, which names its line.
func TestVerifyDocumentOneWordChanged(t *testing.T) {
	db := demoDB(t)
	for _, c := range []struct{ format, from, to string }{
		{"md", "(For – 38; against – 26.)", "(For – 39; against – 26.)"},
		{"html", "Discussion closed.", "Discussion opened."},
		{"akn", "Krasnoyarsk", "Krasnodar"},
	} {
		file := exportTo(t, db, c.format)
		data, _ := os.ReadFile(file)
		i := bytes.Index(data, []byte(c.from))
		if i < 0 {
			t.Fatalf("%s: the export has no %q", c.format, c.from)
		}
		line := 1 + bytes.Count(data[:i], []byte("\n"))
		changed := append(append(append([]byte(nil), data[:i]...), c.to...), data[i+len(c.from):]...)
		if err := os.WriteFile(file, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := verifyDoc(t, db, file)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 1 {
			t.Errorf("%s: a changed word passed the check: %v", c.format, err)
			continue
		}
		if want := "line " + strconv.Itoa(line) + ":"; !strings.Contains(ee.msg, want) || !strings.Contains(ee.msg, strings.Fields(c.to)[len(strings.Fields(c.to))-1]) {
			t.Errorf("%s: %q does not name %s and the changed text", c.format, ee.msg, want)
		}
	}
}

// TestVerifyDocumentCheckpointTampered: a document whose checkpoint was
// edited fails on the signature.
func TestVerifyDocumentCheckpointTampered(t *testing.T) {
	db := demoDB(t)
	file := exportTo(t, db, "md")
	data, _ := os.ReadFile(file)
	// The size line of the signed checkpoint inside the fenced block.
	i := bytes.Index(data, []byte("```plenum-checkpoint\n"))
	rest := data[i:]
	lines := bytes.SplitN(rest, []byte("\n"), 4)
	size := string(lines[2])
	bad := bytes.Replace(data, []byte("```plenum-checkpoint\n"+string(lines[1])+"\n"+size+"\n"), []byte("```plenum-checkpoint\n"+string(lines[1])+"\n"+size+"0\n"), 1)
	os.WriteFile(file, bad, 0o644)
	_, err := verifyDoc(t, db, file)
	var ee *exitError
	if !errors.As(err, &ee) || !strings.Contains(ee.msg, "signature does not verify") {
		t.Errorf("an edited checkpoint: %v", err)
	}
	// A document with no checkpoint at all.
	os.WriteFile(file, []byte("# Minutes\n\nNothing to see.\n"), 0o644)
	if _, err := verifyDoc(t, db, file); err == nil || !strings.Contains(err.Error(), "states no checkpoint") {
		t.Errorf("a document without a checkpoint: %v", err)
	}
}

// TestVerifyEarlierCheckpoint renders at an earlier stored checkpoint and
// checks that document against the same, longer log.
func TestVerifyEarlierCheckpoint(t *testing.T) {
	db := demoDB(t)
	st, err := sqlite.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	origin, _ := ledger.Origin(ledger.DefaultServerName, demo.AssemblyID)
	cps, err := st.Checkpoints(context.Background(), origin, 0, 2)
	head, _ := st.Head(context.Background(), origin)
	st.Close()
	if err != nil || len(cps) == 0 {
		t.Fatalf("no checkpoints: %v", err)
	}
	early := cps[0].Size
	if early == head.Size {
		t.Skip("the log has one checkpoint only")
	}
	file := exportTo(t, db, "md", "--size", strconv.FormatInt(early, 10))
	data, _ := os.ReadFile(file)
	if !bytes.Contains(data, []byte("- Tree size: "+strconv.FormatInt(early, 10)+"\n")) || bytes.Contains(data, []byte("For – 38")) {
		t.Errorf("the document of size %d does not state that size, or has later entries", early)
	}
	if _, err := verifyDoc(t, db, file); err != nil {
		t.Errorf("the earlier document does not verify: %v", err)
	}
	if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", demo.AssemblyID, "--size", strconv.FormatInt(head.Size+5, 10)); code != 1 || !strings.Contains(stderr, "no checkpoint of size") {
		t.Errorf("a size past the log: exit %d %s", code, stderr)
	}
}

// tamperCount changes the count of the vote 38 to 26 in the database: the
// payload of its count_entered entry, in place, as an operator could.
func tamperCount(t *testing.T, db string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	res, err := raw.Exec(`UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), '"for":38,', '"for":39,') AS BLOB)
		WHERE CAST(data AS TEXT) LIKE '%"type":"count_entered"%' AND CAST(data AS TEXT) LIKE '%"vote":"v-38-26"%'`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("changed %d entries, want the one count of v-38-26", n)
	}
}

// TestTamperedCount: changing one recorded count in the database makes
// the audit fail, the document check fail, and export refuse.
func TestTamperedCount(t *testing.T) {
	db := demoDB(t)
	file := exportTo(t, db, "md")
	if _, ok := subcommands["verify"]; ok {
		if code, stdout, stderr := exportCLI(t, "verify", "--db", db); code != 0 {
			t.Fatalf("the intact demo database fails verify: exit %d\n%s\n%s", code, stdout, stderr)
		}
	}
	tamperCount(t, db)
	if _, ok := subcommands["verify"]; ok {
		code, stdout, stderr := exportCLI(t, "verify", "--db", db)
		if code != 1 || !strings.Contains(stdout+stderr, "first bad entry") {
			t.Errorf("plenum verify --db on a changed count: exit %d\n%s\n%s", code, stdout, stderr)
		}
	} else {
		t.Log("plenum verify is not registered; the audit is not checked here")
	}
	_, err := verifyDoc(t, db, file)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 || !strings.Contains(ee.msg, "hash to") {
		t.Errorf("the document check against a changed count: %v", err)
	}
	if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", demo.AssemblyID); code != 1 || !strings.Contains(stderr, "was changed after the checkpoint was signed") {
		t.Errorf("export from a changed log: exit %d %s", code, stderr)
	}
}

func TestExportUsage(t *testing.T) {
	db := demoDB(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", "--db", db}, 2, "--assembly"},
		{[]string{"export", "--db", db, "--assembly", demo.AssemblyID, "--format", "docx"}, 2, "unknown format"},
		{[]string{"export", "--db", db, "--assembly", "nobody"}, 1, "no assembly \"nobody\""},
		{[]string{"export", "--db", filepath.Join(t.TempDir(), "none.db"), "--assembly", "x"}, 1, "cannot open the database"},
	} {
		code, _, stderr := exportCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d %q, want %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
	if code, stdout, _ := exportCLI(t, "help", "export"); code != 0 || !strings.Contains(stdout, "SYNOPSIS") || !strings.Contains(stdout, "EXIT STATUS") {
		t.Errorf("help export: exit %d %q", code, stdout)
	}
	// Without the signing key beside the database, export says so and
	// creates no key.
	key := filepath.Join(filepath.Dir(db), ledger.SigningKeyFile)
	os.Remove(key)
	code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", demo.AssemblyID)
	if code != 1 || !strings.Contains(stderr, "no signing key") {
		t.Errorf("no key: exit %d %q", code, stderr)
	}
	if _, err := os.Stat(key); err == nil {
		t.Errorf("export created a signing key")
	}
}

// TestVerifyDocumentWithoutKey: with only the database (no signing key),
// the document's own key is used, and the output says so.
func TestVerifyDocumentWithoutKey(t *testing.T) {
	db := demoDB(t)
	file := exportTo(t, db, "md")
	os.Remove(filepath.Join(filepath.Dir(db), ledger.SigningKeyFile))
	out, err := verifyDoc(t, db, file)
	if err != nil || !strings.Contains(out, "the key was taken from the document") {
		t.Errorf("without the key: %v %q", err, out)
	}
}
