package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/ledger"
	"plenum/remote/tlogtest"
	"plenum/witness"
)

// TestWitnessInTheOfficersLanguage: plenum witness --lang says its
// refusals, the problems of its key and what it started in that
// language; no English word of its messages is left, and the English is
// as it was.
func TestWitnessInTheOfficersLanguage(t *testing.T) {
	dir := t.TempDir()
	l := tlogtest.New("plenum.test/assembly/march-1917")
	open := filepath.Join(dir, "open.key")
	os.WriteFile(open, []byte("x\n"), 0o644)
	named := filepath.Join(dir, "k2.key")
	skey, _, err := witness.GenerateKey("union.test/witness")
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.WriteKeyFile(named, skey); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "w", "witness.db")
	cases := []refusal{
		{[]string{"extra"}, 2, "takes no arguments; see plenum witness --help", 0},
		{nil, 2, "give at least one --log ORIGIN=VKEY: the witness cosigns only the logs it knows", 0},
		{[]string{"--log", "nokey"}, 2, `--log "nokey": want ORIGIN=VKEY`, 0},
		{[]string{"--log", "o=nothing"}, 2, `--log o: "nothing" is neither a key (name+hash+key) nor a file`, 0},
		{[]string{"--log", "o=a+b+c"}, 2, "--log o: verifier key: ", 2},
		{[]string{"--db", "postgres://w@127.0.0.1:1/nowhere", "--log", "o=" + l.VKey}, 2, "with a PostgreSQL database, give --key FILE: the witness's signing key", 0},
		{[]string{"--db", db, "--key", open, "--log", "o=" + l.VKey}, 1, open + ": witness key is readable by others (mode -rw-r--r--); run chmod 600 " + open, 0},
		{[]string{"--db", db, "--key", named, "--name", "other.test/w", "--log", "o=" + l.VKey}, 1, named + `: the witness key is named "union.test/witness", not "other.test/w"`, 0},
	}
	english := englishWords([]string{"witness", "origin", "vkey", "help", "plenum", "postgresql", "hash", "chmod", "name", "logs"}, "cli.witness.", "cli.no_args", "cli.key_arg")
	checkRefusals(t, "witness", cases, english, true)
	// What it started, and that it stopped.
	for lang, listening := range map[string]string{"de": `Verbindungen unter (http://\S+)`, "ru": `соединений на (http://\S+)`, "": `listening on (http://\S+)`} {
		dbl := filepath.Join(dir, "w"+lang, "witness.db")
		args := []string{"witness", "--addr", "127.0.0.1:0", "--db", dbl, "--name", "union.test/witness", "--log", l.Origin + "=" + l.VKey}
		if lang != "" {
			args = append(args, "--lang", lang)
		}
		w := startCLI(t, listening, args...)
		if code := w.stop(); code != 0 {
			t.Errorf("%s: exit %d", lang, code)
		}
		errs := w.stderr.String()
		if lang == "" {
			for _, p := range []string{"created the witness key " + filepath.Join(filepath.Dir(dbl), "witness.key") + "\nwitness key: union.test/witness+", "\nwitnessing " + l.Origin + "\nlistening on http://127.0.0.1:", "\nwitness stopped\n"} {
				if !strings.Contains(errs, p) {
					t.Errorf("English: %q lacks %q", errs, p)
				}
			}
			continue
		}
		if !strings.Contains(errs, l.Origin) || !strings.Contains(errs, "union.test/witness+") {
			t.Errorf("%s: %q", lang, errs)
		}
		noEnglish(t, lang, errs, english)
	}
}
