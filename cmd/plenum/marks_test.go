package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

const coopOrigin = "plenum.localhost/log/coop-2026"

// markedDB records coop-2026 in two replays (two batches, so that the log
// has a checkpoint inside it) on a fresh database of the store name
// names, with its data directory; it returns the database, the data
// directory, the arguments naming both, and the checkpoint size between
// the replays and at the end.
func markedDB(t *testing.T, name string, fresh func(testing.TB) string) (db, data string, args []string, mid, end int64) {
	t.Helper()
	db = fresh(t)
	data = filepath.Dir(db)
	args = []string{"--db", db}
	if name == "postgres" {
		data = t.TempDir()
		args = append(args, "--data", data)
	}
	b, err := os.ReadFile("../../testdata/coop-2026.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "second.jsonl")
	os.WriteFile(first, []byte(strings.Join(lines[:80], "")), 0o600)
	os.WriteFile(second, []byte(inAssembly(lines[80:])), 0o600)
	for _, script := range []string{first, second} {
		if code, _, errs := runIn(t, "", append(append([]string{"replay"}, args...), script)...); code != 0 {
			t.Fatalf("replay %s: exit %d: %s", script, code, errs)
		}
		mid, end = end, headSize(t, name, db)
	}
	return db, data, args, mid, end
}

// rawDB opens the database as a DBA would, with a query rewriter for its
// placeholders.
func rawDB(t *testing.T, name, db string) (*sql.DB, func(string) string) {
	t.Helper()
	driver, q := "sqlite", func(s string) string { return s }
	if name == "postgres" {
		driver = "pgx"
		q = func(s string) string {
			for n := 1; strings.Contains(s, "?"); n++ {
				s = strings.Replace(s, "?", "$"+string(rune('0'+n)), 1)
			}
			return s
		}
	}
	raw, err := sql.Open(driver, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw, q
}

func headSize(t *testing.T, name, db string) int64 {
	t.Helper()
	raw, q := rawDB(t, name, db)
	var n int64
	if err := raw.QueryRow(q(`SELECT size FROM logs WHERE origin = ?`), coopOrigin).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// rollBack rolls the log back consistently to its checkpoint of size n,
// as the review did: the later entries and checkpoints deleted, the head
// set to checkpoint n.
func rollBack(t *testing.T, name, db string, n int64) {
	t.Helper()
	raw, q := rawDB(t, name, db)
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	var cp []byte
	if err := tx.QueryRow(q(`SELECT id FROM logs WHERE origin = ?`), coopOrigin).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := tx.QueryRow(q(`SELECT data FROM checkpoints WHERE log_id = ? AND size = ?`), id, n).Scan(&cp); err != nil {
		t.Fatalf("checkpoint %d: %v", n, err)
	}
	for _, s := range []string{
		`DELETE FROM entries WHERE log_id = ? AND idx >= ?`,
		`DELETE FROM cosignatures WHERE log_id = ? AND size > ?`,
		`DELETE FROM checkpoints WHERE log_id = ? AND size > ?`,
	} {
		if _, err := tx.Exec(q(s), id, n); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := tx.Exec(q(`UPDATE logs SET size = ?, checkpoint = ? WHERE id = ?`), n, cp, id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestRollbackRefused: a database rolled back consistently to an earlier
// signed checkpoint, which verifies on its own, is refused by serve,
// replay and verify against the high-water marks in the data directory;
// so is a fork (rolled back, then other entries signed at the same
// indexes); a normal restart is not; --accept-rollback starts, moving the
// mark, and the acceptance is kept in the marks file and shown.
func TestRollbackRefused(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db, data, args, mid, end := markedDB(t, name, fresh)
			if mid <= 0 || end <= mid {
				t.Fatalf("checkpoints at %d and %d", mid, end)
			}
			serve := append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
			// Listening: it started (a refusal comes before); a stop
			// during the first start's administrator link may exit 1.
			startCLI(t, `listening on (http://[^/ ]+)/`, serve...).stop()
			marks, err := os.ReadFile(highwater.Path(data, db))
			if err != nil {
				t.Fatal(err)
			}

			rollBack(t, name, db, mid)
			want := []string{coopOrigin, "log is at size " + i64(mid), "size " + i64(end), "Restore the database from a backup", "--accept-rollback"}
			for _, cmd := range [][]string{serve, append(append([]string{"replay"}, args...), "../../testdata/coop-2026.jsonl")} {
				code, _, errs := runIn(t, "", cmd...)
				if code != 1 || !containsAll(errs, want...) {
					t.Fatalf("%s on a rolled-back database: exit %d: %s", cmd[0], code, errs)
				}
			}
			if code, out, errs := runIn(t, "", append([]string{"verify", "--no-replay"}, args...)...); code != 1 || !strings.Contains(out, "log is at size "+i64(mid)) || !strings.Contains(errs, "rolled back behind the high-water marks") {
				t.Fatalf("verify on a rolled-back database: exit %d: %s %s", code, out, errs)
			}

			// With the published key, the marks are read when --marks names
			// them (the data directory or the file), and only then.
			vkey, err := readVerifierKey(filepath.Join(data, ledger.SigningKeyFile))
			if err != nil {
				t.Fatal(err)
			}
			for _, marksArg := range []string{data, highwater.Path(data, db)} {
				if code, out, errs := runIn(t, "", "verify", "--no-replay", "--db", db, "--key", vkey, "--marks", marksArg); code != 1 || !strings.Contains(out, "log is at size "+i64(mid)) {
					t.Fatalf("verify --key --marks %s: exit %d: %s %s", marksArg, code, out, errs)
				}
			}
			if code, out, errs := runIn(t, "", "verify", "--no-replay", "--db", db, "--key", vkey); code != 0 || strings.Contains(out, "high-water") {
				t.Fatalf("verify --key without --marks: exit %d: %s %s", code, out, errs)
			}

			// A fork: the marks set aside (as by the plenum before them),
			// the rolled-back log continued, then the marks back.
			os.Remove(highwater.Path(data, db))
			b, _ := os.ReadFile("../../testdata/coop-2026.jsonl")
			second := filepath.Join(t.TempDir(), "second.jsonl")
			os.WriteFile(second, []byte(inAssembly(strings.SplitAfter(string(b), "\n")[80:])), 0o600)
			if code, _, errs := runIn(t, "", append(append([]string{"replay"}, args...), second)...); code != 0 {
				t.Fatalf("replay after the rollback: %d %s", code, errs)
			}
			if n := headSize(t, name, db); n != end {
				t.Fatalf("the fork has %d entries, want %d", n, end)
			}
			if err := os.WriteFile(highwater.Path(data, db), marks, 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, errs := runIn(t, "", serve...)
			if code != 1 || !containsAll(errs, coopOrigin, "a fork", "size "+i64(end)) {
				t.Fatalf("serve on a fork: exit %d: %s", code, errs)
			}

			// Accepted on purpose: it starts, says so, and the file keeps it.
			srv := startCLI(t, `listening on (http://[^/ ]+)/`, append(serve, "--accept-rollback")...)
			srv.stop()
			if out := srv.stdout.String(); !containsAll(out, "ROLLBACK ACCEPTED", coopOrigin) {
				t.Fatalf("--accept-rollback said: %s", out)
			}
			after, _ := os.ReadFile(highwater.Path(data, db))
			if !containsAll(string(after), `"accepted"`, `"fork": true`, `"mark_size": `+i64(end)) {
				t.Fatalf("the marks file after the acceptance: %s", after)
			}
			startCLI(t, `listening on (http://[^/ ]+)/`, serve...).stop()
			if code, out, errs := runIn(t, "", append([]string{"verify", "--no-replay"}, args...)...); code != 0 || !containsAll(out, "a rollback of "+coopOrigin+" from size "+i64(end)+" to size "+i64(end)+" was accepted", "every log reaches its mark") {
				t.Fatalf("verify after the acceptance: exit %d: %s %s", code, out, errs)
			}
		})
	}
}

// TestMarksFile: a missing marks file (the first start of this version)
// is made, not refused; a damaged one is refused, naming it.
func TestMarksFile(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db, data, args, _, end := markedDB(t, name, fresh)
			path := highwater.Path(data, db)
			os.Remove(path)
			serve := append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
			srv := startCLI(t, `listening on (http://[^/ ]+)/`, serve...)
			srv.stop()
			if !strings.Contains(srv.stdout.String(), "high-water marks kept in "+path+" (made now") {
				t.Fatalf("the first start said: %s", srv.stdout.String())
			}
			b, err := os.ReadFile(path)
			if err != nil || !strings.Contains(string(b), coopOrigin+`\n`+i64(end)+`\n`) {
				t.Fatalf("the marks made: %v %s", err, b)
			}
			for why, damaged := range map[string]string{
				"not JSON":          string(b[:len(b)/2]),
				"invalid signature": strings.Replace(string(b), coopOrigin+`\n`+i64(end), coopOrigin+`\n`+i64(end+1), 1),
			} {
				os.WriteFile(path, []byte(damaged), 0o600)
				code, _, errs := runIn(t, "", serve...)
				if code != 1 || !containsAll(errs, "high-water marks file "+path+" is damaged", why) {
					t.Fatalf("%s: exit %d: %s", why, code, errs)
				}
			}
		})
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
func i64(n int64) string { return strconv.FormatInt(n, 10) }

// inAssembly is script lines, each naming coop-2026 (the later part of a
// script, without its create_assembly).
func inAssembly(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.Replace(l, `{"cmd": `, `{"assembly": "coop-2026", "cmd": `, 1))
	}
	return b.String()
}

// TestFollowerMarks: on a cluster each node keeps its own marks, in its
// own data directory; a follower's follow the writer's checkpoints it
// reads (it signs none of them itself).
func TestFollowerMarks(t *testing.T) {
	dsn := pgtest.Fresh(t)
	dataW, dataF := t.TempDir(), t.TempDir()
	writer := startNode(t, dsn, dataW, "w")
	key, err := os.ReadFile(filepath.Join(dataW, ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataF, ledger.SigningKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	follower := startNode(t, dsn, dataF, "f")
	cookie := adminCookie(t, writer)
	if r := send(t, writer.url+"/api/assemblies", cookie, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	const origin = "plenum.localhost/log/x"
	a, ok := writer.srv.engine.Assembly("x")
	if !ok {
		t.Fatal("no assembly x on the writer")
	}
	want := a.Log().Size()
	if a.Writing() == false || want == 0 {
		t.Fatalf("the writer writes x: %v, size %d", a.Writing(), want)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if follower.srv.marks.Size(origin) >= want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the follower's mark of x: %d, the writer's log %d", follower.srv.marks.Size(origin), want)
		}
	}
	follower.stop()
	writer.stop()
	for _, dir := range []string{dataW, dataF} {
		b, err := os.ReadFile(highwater.Path(dir, dsn))
		if err != nil || !strings.Contains(string(b), origin+`\n`+i64(want)+`\n`) {
			t.Errorf("the marks in %s: %v %s", dir, err, b)
		}
	}
}
