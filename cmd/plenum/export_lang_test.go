package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/demo"
	"plenum/ledger"
)

// TestExportInTheOfficersLanguage: plenum export --lang says its refusals
// (of the options, of a database, an assembly or a checkpoint it cannot
// render the minutes at) in that language; no English word of them is
// left, and the English is as it was.
func TestExportInTheOfficersLanguage(t *testing.T) {
	db := demoDB(t)
	nokey := demoDB(t)
	os.Remove(filepath.Join(filepath.Dir(nokey), ledger.SigningKeyFile))
	changed := demoDB(t)
	tamperCount(t, changed)
	a := demo.AssemblyID
	cases := []refusal{
		{[]string{"--db", db, "--assembly", a, "extra"}, 2, `unexpected argument "extra"; options come before nothing else`, 0},
		{[]string{"--db", db}, 2, "name the assembly with --assembly ID", 0},
		{[]string{"--db", db, "--assembly", a, "--format", "docx"}, 2, `unknown format "docx"; use one of `, 0},
		{[]string{"--db", db, "--assembly", a, "--data", "d", "--key", "k"}, 2, "give --data or --key, not both", 0},
		{[]string{"--db", db, "--assembly", a, "--size", "-1"}, 2, "--size must be a tree size, 1 or more", 0},
		{[]string{"--db", db, "--assembly", "nobody"}, 1, db + ` has no assembly "nobody"; its assemblies are ` + a, 0},
		{[]string{"--db", filepath.Join(t.TempDir(), "none.db"), "--assembly", a}, 1, "cannot open the database: ", 1},
		{[]string{"--db", db, "--assembly", a, "--key", "a+b+c"}, 2, "--key: ", 1},
		{[]string{"--db", db, "--assembly", a, "--size", "99999"}, 1, " entries; there is no checkpoint of size 99999", 0},
		{[]string{"--db", db, "--assembly", a, "--size", "2"}, 1, "no checkpoint was signed at tree size 2 (the next one is at ", 0},
		{[]string{"--db", nokey, "--assembly", a}, 1, "there is no signing key at " + filepath.Join(filepath.Dir(nokey), ledger.SigningKeyFile) + ", so the log's checkpoints cannot be checked; export where the database's data directory has its key, or give --key", 0},
		{[]string{"--db", changed, "--assembly", a}, 1, "the log was changed after the checkpoint was signed (run plenum verify --db for the first bad entry)", 0},
	}
	english := englishWords([]string{"plenum", "assembly", "data", "size", "format", "verify", "serve", "postgresql", "hash", "lang", "argument"}, "cli.export.")
	checkRefusals(t, "export", cases, english, true)
	// A language no minutes are written in: said in the environment's.
	if code, _, errs := runForTest(t, "", "export", "--db", db, "--assembly", a, "--lang", "pt"); code != 2 || errs != "plenum export: plenum does not write minutes in \"pt\"; use one of en, de, ru, fr, es\n" {
		t.Errorf("--lang pt: exit %d: %q", code, errs)
	}
	if code, _, errs := runIn(t, "ru", "export", "--db", db, "--assembly", a, "--lang", "pt"); code != 2 || !strings.Contains(errs, "«pt»") {
		t.Errorf("ru, --lang pt: exit %d: %q", code, errs)
	}
}
