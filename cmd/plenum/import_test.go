package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/store"
)

var rosters = filepath.Join("..", "..", "testdata", "roster")

// logSize returns how many entries the assembly's log in db holds.
func logSize(t *testing.T, db, id string) int64 {
	t.Helper()
	st, err := store.OpenStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o, _ := ledger.Origin(ledger.DefaultServerName, id)
	h, err := st.Head(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return h.Size
}

func congressDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, stderr := exportCLI(t, "replay", "--db", db, filepath.Join(rosters, "congress-2026.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	return db
}

func TestImport(t *testing.T) {
	db := congressDB(t)
	size := logSize(t, db, "congress-2026")
	imp := func(args ...string) (int, string, string) {
		t.Helper()
		return exportCLI(t, append([]string{"import", "--db", db, "--assembly", "congress-2026"}, args...)...)
	}

	// A file with problems records nothing, and says which rows and why.
	code, stdout, stderr := imp(filepath.Join(rosters, "congress-2026-bad.csv"))
	if code != 1 || !strings.Contains(stderr, "nothing recorded: 11 rows with problems; correct the file and import it again, or record the 3 good rows with --good-rows") ||
		!strings.Contains(stdout, "row 7     Mia Falk — error\n          problem: column E (Weight): the weight \"two\" is not a whole number of votes from 1 to 1000000\n") {
		t.Fatalf("bad file: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if got := logSize(t, db, "congress-2026"); got != size {
		t.Fatalf("a file with problems changed the log from %d to %d entries", size, got)
	}

	// The dry run shows every row and records nothing.
	code, stdout, stderr = imp("--dry-run", filepath.Join(rosters, "congress-2026.xlsx"))
	if code != 1 || !strings.Contains(stdout, `congress-2026.xlsx, worksheet "Delegates": header on row 3, 62 rows`) ||
		!strings.Contains(stdout, "row 4     Amira Haddad — add: new person, decisive mandate of weight 3 from Metalworkers' Union North, verified\n") ||
		!strings.Contains(stdout, "row 24    Ulla Berg — error\n          problem: column C (Delegation): the assembly has no organization Metalworkers Union Suoth") ||
		!strings.Contains(stdout, "dry run: nothing recorded") || !strings.Contains(stderr, "1 row with problems") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if got := logSize(t, db, "congress-2026"); got != size {
		t.Fatalf("a dry run changed the log from %d to %d entries", size, got)
	}

	// The good rows, when asked; then the whole file; then again: nothing.
	code, stdout, stderr = imp("--good-rows", filepath.Join(rosters, "congress-2026.xlsx"))
	if code != 1 || !strings.Contains(stdout, "recorded 176 commands in one batch") || !strings.Contains(stderr, "the good rows were recorded; 1 row with problems was not") {
		t.Fatalf("good rows: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr = imp(filepath.Join(rosters, "congress-2026.csv")); code != 0 || !strings.Contains(stdout, "62 rows: 1 to add, 0 to change, 61 unchanged") {
		t.Fatalf("the CSV: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, _ = imp(filepath.Join(rosters, "congress-2026.csv")); code != 0 || !strings.Contains(stdout, "nothing to record: the assembly already matches the file") {
		t.Fatalf("again: exit %d\n%s", code, stdout)
	}

	// The corrected file says what it changes and who is missing.
	code, stdout, stderr = imp(filepath.Join(rosters, "congress-2026-corrected.csv"))
	if code != 0 || !strings.Contains(stdout, "row 8     Grete Lindqvist-Moen — change: name \"Grete Lindqvist\" → \"Grete Lindqvist-Moen\"\n") ||
		!strings.Contains(stdout, "not in the file, for the mandate commission to decide (the import changes nothing about them):\n  Farida Osman (RC-153), Retail and Commerce Union\n") ||
		!strings.Contains(stdout, "62 rows: 1 to add, 6 to change, 55 unchanged, 0 with problems; 0 new organizations; 1 person of the assembly not in the file") {
		t.Fatalf("corrected: exit %d\n%s\n%s", code, stdout, stderr)
	}

	// The roster exported reads back to nothing to record.
	for _, format := range []string{"roster-csv", "roster-xlsx"} {
		out := filepath.Join(t.TempDir(), "roster."+strings.TrimPrefix(format, "roster-"))
		if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", "congress-2026", "--format", format, "-o", out); code != 0 {
			t.Fatalf("export %s: %s", format, stderr)
		}
		if code, stdout, stderr := imp(out); code != 0 || !strings.Contains(stdout, "nothing to record") {
			t.Fatalf("re-import of the %s export: exit %d\n%s\n%s", format, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--db", db); code != 0 {
		t.Fatalf("verify: %s %s", stdout, stderr)
	}
}

func TestImportRefusals(t *testing.T) {
	db := congressDB(t)
	csv := filepath.Join(rosters, "congress-2026.csv")
	other := filepath.Join(t.TempDir(), "plenum.db")
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", []string{"--db", db, "--assembly", "congress-2026"}, 2, "name one roster file (.xlsx or .csv); options come before it"},
		{"no assembly", []string{"--db", db, csv}, 2, "name the assembly with --assembly ID"},
		{"dry run and good rows", []string{"--db", db, "--assembly", "congress-2026", "--dry-run", "--good-rows", csv}, 2, "--dry-run records nothing; leave out --good-rows"},
		{"unknown assembly", []string{"--db", db, "--assembly", "congress-2027", csv}, 1, db + ` has no assembly "congress-2027"; its assemblies are congress-2026`},
		{"no database", []string{"--db", other, "--assembly", "congress-2026", csv}, 1, "cannot open the database: stat " + other + ": no such file or directory (create the assembly first: plenum replay, or the set-up pages of plenum serve)"},
		{"not a registrar", []string{"--db", db, "--assembly", "congress-2026", "--actor", "nobody", csv}, 1, "nobody may not register delegates in congress-2026: give --actor with an administrator, a secretary or the mandate commission"},
		{"not a roster", []string{"--db", db, "--assembly", "congress-2026", filepath.Join(rosters, "congress-2026.jsonl")}, 1, "no column gives the names"},
		{"postgres without a data directory", []string{"--db", "postgres://nobody@127.0.0.1:1/none", "--assembly", "congress-2026", csv}, 2, "with a PostgreSQL database, give --data DIR: the server's data directory, which holds its signing key"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := exportCLI(t, append([]string{"import"}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d, %q; want %d, %q", code, stderr, c.code, c.msg)
			}
		})
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("import created a database")
	}
}

// postgresDB creates a fresh database on the test server and returns its
// URL; the test is skipped without a server unless PLENUM_REQUIRE_POSTGRES=1.
func postgresDB(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("PLENUM_TEST_POSTGRES")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, admin)
	if err != nil {
		if os.Getenv("PLENUM_REQUIRE_POSTGRES") == "1" {
			t.Fatalf("PostgreSQL at %s unreachable: %v", admin, err)
		}
		t.Skipf("PostgreSQL at PLENUM_TEST_POSTGRES (or %s) unreachable: %v; set PLENUM_REQUIRE_POSTGRES=1 to fail instead", admin, err)
	}
	defer c.Close(context.Background())
	var rnd [6]byte
	rand.Read(rnd[:])
	name := "plenum_test_" + hex.EncodeToString(rnd[:])
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), admin)
		if err != nil {
			t.Errorf("dropping %s: %v", name, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestPostgresCommands: import, verify and export work on PostgreSQL as
// on SQLite, with the key given by --data or --key.
func TestPostgresCommands(t *testing.T) {
	db := postgresDB(t)
	data := t.TempDir()
	// The assembly is set up by replay, as on SQLite, with the key in
	// --data: without it, replay refuses and records nothing.
	script := filepath.Join(rosters, "congress-2026.jsonl")
	if code, _, stderr := exportCLI(t, "replay", "--db", db, script); code != 2 || !strings.Contains(stderr, "with a PostgreSQL database, give --data DIR") {
		t.Fatalf("replay without --data: exit %d %s", code, stderr)
	}
	if code, stdout, stderr := exportCLI(t, "replay", "--db", db, "--data", data, script); code != 0 || !strings.Contains(stdout, "recorded") {
		t.Fatalf("replay: exit %d %s %s", code, stdout, stderr)
	}
	_, vkey, err := ledger.LoadOrCreateKey(data, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	if n := logSize(t, db, "congress-2026"); n == 0 {
		t.Fatalf("replay recorded %d entries", n)
	}

	keyFile := filepath.Join(t.TempDir(), "verifier.key")
	if err := os.WriteFile(keyFile, []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(want int, args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := exportCLI(t, args...)
		if code != want {
			t.Fatalf("plenum %s: exit %d, want %d\n%s\n%s", strings.Join(args, " "), code, want, stdout, stderr)
		}
		return stdout, stderr
	}
	stdout, _ := run(0, "import", "--db", db, "--data", data, "--assembly", "congress-2026", filepath.Join(rosters, "congress-2026.csv"))
	if !strings.Contains(stdout, "recorded 179 commands in one batch") {
		t.Fatalf("import: %s", stdout)
	}
	if stdout, _ = run(0, "import", "--db", db, "--assembly", "congress-2026", "--dry-run", filepath.Join(rosters, "congress-2026.csv")); !strings.Contains(stdout, "62 unchanged") {
		t.Fatalf("dry run: %s", stdout)
	}

	if stdout, _ = run(0, "verify", "--db", db, "--key", keyFile); !strings.Contains(stdout, "OK: 1 assembly, 188 entries") {
		t.Fatalf("verify --key: %s", stdout)
	}
	if _, stderr := run(0, "verify", "--db", db, "--data", data); !strings.Contains(stderr, "warning: no --key given; trusting the key in "+filepath.Join(data, "signing.key")) {
		t.Fatalf("verify --data: %s", stderr)
	}
	if _, stderr := run(2, "verify", "--db", db); !strings.Contains(stderr, "with a PostgreSQL database, give --key VERIFIERKEY") {
		t.Fatalf("verify without a key: %s", stderr)
	}
	_, otherV, _ := note.GenerateKey(rand.Reader, ledger.DefaultServerName)
	if _, stderr := run(1, "verify", "--db", db, "--key", otherV); !strings.Contains(stderr, "is not signed by the key given") || !strings.Contains(stderr, "--key is "+otherV) {
		t.Fatalf("verify with another key: %s", stderr)
	}

	md, _ := run(0, "export", "--db", db, "--key", keyFile, "--assembly", "congress-2026")
	if !strings.Contains(md, "Amira Haddad") {
		t.Fatalf("export md lacks the delegates:\n%s", md)
	}
	if _, stderr := run(2, "export", "--db", db, "--assembly", "congress-2026"); !strings.Contains(stderr, "with a PostgreSQL database, give --key VERIFIERKEY") {
		t.Fatalf("export without a key: %s", stderr)
	}
	doc := filepath.Join(t.TempDir(), "minutes.md")
	if err := os.WriteFile(doc, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	run(0, "verify", "--db", db, "--data", data, "--document", doc)
	roster := filepath.Join(t.TempDir(), "roster.xlsx")
	run(0, "export", "--db", db, "--data", data, "--assembly", "congress-2026", "--format", "roster-xlsx", "-o", roster)
	if stdout, _ = run(0, "import", "--db", db, "--data", data, "--assembly", "congress-2026", roster); !strings.Contains(stdout, "nothing to record") {
		t.Fatalf("re-import of the export: %s", stdout)
	}
}

// rawInt runs query on the database db (a SQLite file or a postgres://
// URL) directly, past plenum's stores and their schema checks, and
// returns the number it gives (0 for a statement).
func rawInt(t *testing.T, db, query string) int64 {
	t.Helper()
	ctx := context.Background()
	var n int64
	if store.IsPostgres(db) {
		c, err := pgx.Connect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if strings.HasPrefix(query, "SELECT") {
			err = c.QueryRow(ctx, query).Scan(&n)
		} else {
			_, err = c.Exec(ctx, query)
		}
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	c, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if strings.HasPrefix(query, "SELECT") {
		err = c.QueryRow(query).Scan(&n)
	} else {
		_, err = c.Exec(query)
	}
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// newerSchema makes db look written by a later plenum: a schema version
// this one does not know.
func newerSchema(t *testing.T, db string) {
	rawInt(t, db, `INSERT INTO schema_migrations (version) VALUES (99)`)
}

// logSizeAnyVersion is logSize for a database whatever its schema version.
func logSizeAnyVersion(t *testing.T, db, id string) int64 {
	return rawInt(t, db, `SELECT size FROM logs WHERE origin = 'plenum.localhost/log/`+id+`'`)
}

// TestBadDatabaseArgument: every command that opens a database names an
// unreachable PostgreSQL without its password, and refuses a database
// written by another plenum version, saying so, changing nothing.
func TestBadDatabaseArgument(t *testing.T) {
	data := t.TempDir()
	if _, _, err := ledger.LoadOrCreateKey(data, ledger.DefaultServerName); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(rosters, "congress-2026.jsonl")
	csv := filepath.Join(rosters, "congress-2026.csv")
	commands := func(db string) map[string][]string {
		return map[string][]string{
			"replay": {"replay", "--db", db, "--data", data, script},
			"import": {"import", "--db", db, "--data", data, "--assembly", "congress-2026", csv},
			"export": {"export", "--db", db, "--data", data, "--assembly", "congress-2026"},
			"verify": {"verify", "--db", db, "--data", data},
			"serve":  {"serve", "--db", db, "--data", data, "--addr", "127.0.0.1:0"},
		}
	}
	unreachable := "postgres://plenum:s3cret-pw@127.0.0.1:1/nowhere?sslmode=disable&connect_timeout=2"
	for name, args := range commands(unreachable) {
		code, stdout, stderr := exportCLI(t, args...)
		out := stdout + stderr
		if code != 1 || !strings.Contains(out, `database "nowhere" on 127.0.0.1:1`) || strings.Contains(out, "s3cret") {
			t.Errorf("%s on an unreachable database: exit %d, %q; want 1 and the database named without its password", name, code, out)
		}
	}

	for store, db := range map[string]string{"sqlite": congressDB(t), "postgres": postgresDB(t)} {
		t.Run(store, func(t *testing.T) {
			if store == "postgres" {
				if code, _, stderr := exportCLI(t, "replay", "--db", db, "--data", data, script); code != 0 {
					t.Fatal(stderr)
				}
			}
			size := logSize(t, db, "congress-2026")
			newerSchema(t, db)
			for name, args := range commands(db) {
				code, stdout, stderr := exportCLI(t, args...)
				out := stdout + stderr
				if code != 1 || !strings.Contains(out, "schema version 99 is newer than this plenum") {
					t.Errorf("%s on a database of a newer plenum: exit %d, %q", name, code, out)
				}
			}
			if n := logSizeAnyVersion(t, db, "congress-2026"); n != size {
				t.Errorf("the refused commands changed the log: %d entries, then %d", size, n)
			}
		})
	}
}
