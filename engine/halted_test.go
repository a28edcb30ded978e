package engine_test

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"plenum/engine"
	"plenum/fault"
	"plenum/ledger"
)

// The review (stop 42, L2) changed a live database under a running
// engine: the log rolled back one entry, or a junk entry put past its
// head. The record held, but the command that met it was told "nothing
// was recorded, send it again", though no retry could be recorded; after
// the junk row every command was, for ever. These tests run on SQLite and
// on PostgreSQL (skipped without a server unless
// PLENUM_REQUIRE_POSTGRES=1).

// dbaOn is the database under env as its administrator reaches it, with a
// rewriter of "?" placeholders for its driver.
func dbaOn(t *testing.T, kind string, env *testEnv, dsn string) (*sql.DB, func(string) string) {
	t.Helper()
	driver, name, q := "sqlite", env.path, func(s string) string { return s }
	if kind == "postgres" {
		driver, name = "pgx", dsn
		q = func(s string) string {
			for n := 1; strings.Contains(s, "?"); n++ {
				s = strings.Replace(s, "?", "$"+strconv.Itoa(n), 1)
			}
			return s
		}
	}
	db, err := sql.Open(driver, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, q
}

// storedSize is the size of coop's log in the database.
func storedSize(t *testing.T, db *sql.DB, q func(string) string) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q(`SELECT size FROM logs WHERE origin = ?`), coopOrigin).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkStopped fails t unless err is the answer of an assembly stopped
// because its log cannot be carried on from: not taking commands, nothing
// recorded, and not "send it again" (ErrNotRecorded, which the API
// answers "Send the command again with the same Idempotency-Key"); and
// unless the engine lists the assembly as halted with that answer.
func checkStopped(t *testing.T, env *testEnv, what string, err error, cause error) {
	t.Helper()
	if !errors.Is(err, engine.ErrStopped) || errors.Is(err, engine.ErrNotRecorded) || errors.Is(err, engine.ErrSuspended) || !errors.Is(err, cause) {
		t.Fatalf("%s: %v; want the assembly stopped (%v), not \"send it again\"", what, err, cause)
	}
	if !strings.Contains(err.Error(), "nothing of this command was recorded") || !strings.Contains(err.Error(), "plenum verify") {
		t.Fatalf("%s: %v; want it to say nothing was recorded, and to run plenum verify", what, err)
	}
	halted := env.eng.Halted()
	if len(halted) != 1 || halted[0].ID != "coop" || halted[0].Err.Error() != err.Error() {
		t.Fatalf("%s: the engine lists as halted %+v; want coop, with the answer %q", what, halted, err)
	}
}

// TestRollbackWhileRunningFirstAnswerIsTheStop: the log rolled back one
// entry (entries, checkpoint and head, consistently) while the engine
// runs. The first command after, whose append finds the log gone back, is
// answered as every one after it: the assembly is not taking commands,
// nothing was recorded, run plenum verify; the engine lists it halted.
func TestRollbackWhileRunningFirstAnswerIsTheStop(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			env, dsn := newTestEnvOn(t, kind)
			env.setup(1)
			if h := env.eng.Halted(); len(h) != 0 {
				t.Fatalf("halted before anything happened: %+v", h)
			}
			db, q := dbaOn(t, kind, env, dsn)
			size := storedSize(t, db, q)
			var logID int64
			var before []byte
			if err := db.QueryRow(q(`SELECT id FROM logs WHERE origin = ?`), coopOrigin).Scan(&logID); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRow(q(`SELECT data FROM checkpoints WHERE log_id = ? AND size = ?`), logID, size-1).Scan(&before); err != nil {
				t.Fatalf("the checkpoint of %d entries: %v", size-1, err)
			}
			for _, s := range []string{`DELETE FROM entries WHERE log_id = ? AND idx >= ?`, `DELETE FROM checkpoints WHERE log_id = ? AND size > ?`} {
				if _, err := db.Exec(q(s), logID, size-1); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := db.Exec(q(`UPDATE logs SET size = ?, checkpoint = ? WHERE id = ?`), size-1, before, logID); err != nil {
				t.Fatal(err)
			}
			_, first := env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
			checkStopped(t, env, "the first command on the rolled-back log", first, ledger.ErrBadHead)
			_, second := env.submit("chief", "add_item", obj{"id": "i3", "title": "The elections"})
			checkStopped(t, env, "the command after", second, engine.ErrStopped)
			if first.Error() != second.Error() {
				t.Fatalf("the first answer and the next differ:\n%v\n%v", first, second)
			}
			if n := storedSize(t, db, q); n != size-1 {
				t.Fatalf("the log has %d entries, want %d: nothing appended", n, size-1)
			}
		})
	}
}

// TestJunkRowPastTheHeadStops: a row put past the log's head outside
// plenum (an entry, or a checkpoint) makes every append fail on the
// store's unique key. The first command's append finds it (read back, the
// head is where it was and a row lies beyond it: ledger.ErrBadHead) and
// the assembly stops at once, answering it and the next as stopped —
// before, every command was told "send it again", for ever.
func TestJunkRowPastTheHeadStops(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		for _, row := range []string{"entry", "checkpoint"} {
			t.Run(kind+"/"+row, func(t *testing.T) {
				env, dsn := newTestEnvOn(t, kind)
				env.setup(1)
				db, q := dbaOn(t, kind, env, dsn)
				size := storedSize(t, db, q)
				var junk string
				if row == "entry" {
					junk = `INSERT INTO entries (log_id, idx, data, hashes) SELECT log_id, idx + 1, data, hashes FROM entries WHERE idx = ? AND log_id = (SELECT id FROM logs WHERE origin = ?)`
				} else {
					junk = `INSERT INTO checkpoints (log_id, size, data) SELECT log_id, size + 1, data FROM checkpoints WHERE size = ? AND log_id = (SELECT id FROM logs WHERE origin = ?)`
				}
				at := size - 1
				if row == "checkpoint" {
					at = size
				}
				if _, err := db.Exec(q(junk), at, coopOrigin); err != nil {
					t.Fatal(err)
				}
				_, first := env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
				checkStopped(t, env, "the first command after the junk row", first, ledger.ErrBadHead)
				if !strings.Contains(first.Error(), "stored beyond the log's head") {
					t.Fatalf("the first command: %v; want it to name the row beyond the head", first)
				}
				_, second := env.submit("chief", "add_item", obj{"id": "i3", "title": "The elections"})
				checkStopped(t, env, "the command after", second, engine.ErrStopped)
				if n := storedSize(t, db, q); n != size {
					t.Fatalf("the log has %d entries, want %d: nothing appended", n, size)
				}
			})
		}
	}
}

// TestRepeatedConstraintRefusalStops: the database refuses every append
// on a constraint plenum did not make (a trigger, a check added to its
// schema outside plenum), the head unmoved and nothing beyond it. The
// first refusals are answered "send it again" (a row in the way might be
// taken away), but after a few in a row (engine's maxRefusals, 3) the
// assembly stops, saying why, rather than ask for retries for ever.
func TestRepeatedConstraintRefusalStops(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			env, dsn := newTestEnvOn(t, kind)
			env.setup(1)
			db, q := dbaOn(t, kind, env, dsn)
			size := storedSize(t, db, q)
			refuse := `CREATE TRIGGER not_plenums BEFORE INSERT ON checkpoints BEGIN SELECT RAISE(ABORT, 'not plenum''s rule'); END`
			if kind == "postgres" {
				refuse = `ALTER TABLE checkpoints ADD CONSTRAINT not_plenums CHECK (size < 0) NOT VALID`
			}
			if _, err := db.Exec(refuse); err != nil {
				t.Fatal(err)
			}
			const maxRefusals = 3
			for i := range maxRefusals - 1 {
				_, err := env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
				if !errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, ledger.ErrConstraint) || errors.Is(err, engine.ErrStopped) {
					t.Fatalf("refusal %d: %v; want not recorded, refused on a constraint, send it again", i+1, err)
				}
				if h := env.eng.Halted(); len(h) != 0 {
					t.Fatalf("halted after %d refusals: %+v", i+1, h)
				}
			}
			_, err := env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
			checkStopped(t, env, "refusal "+strconv.Itoa(maxRefusals), err, ledger.ErrConstraint)
			if !strings.Contains(err.Error(), "refused 3 appends in a row") {
				t.Fatalf("refusal %d: %v; want it to say so", maxRefusals, err)
			}
			_, after := env.submit("chief", "add_item", obj{"id": "i3", "title": "The elections"})
			checkStopped(t, env, "the command after", after, engine.ErrStopped)
			if n := storedSize(t, db, q); n != size {
				t.Fatalf("the log has %d entries, want %d: nothing appended", n, size)
			}
		})
	}
}

// TestTransientFailuresStillSendAgain: appends failing one after another
// as over a lost connection (nothing stored, no constraint refused, the
// record readable) are answered "send it again" however many come in a
// row — more than stop an assembly refused on its constraints — and the
// assembly is not halted; the command sent again once the appends go
// through is recorded. (A busy SQLite database: store/sqlite's
// TestBusyInTheEngine.)
func TestTransientFailuresStillSendAgain(t *testing.T) {
	env, fs := faultyEnv(t, 2)
	size := env.logSize()
	const n = 6
	var faults []fault.Fault
	for i := range n {
		faults = append(faults, fault.Fault{Kind: fault.FailAppend, At: i + 1})
	}
	fs.Arm(coopOrigin, faults...)
	for i := range n {
		_, err := env.ballot("d0", "b0")
		if !errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, fault.ErrInjected) || errors.Is(err, engine.ErrStopped) || errors.Is(err, engine.ErrSuspended) {
			t.Fatalf("ballot %d while the appends fail: %v; want not recorded, send it again", i+1, err)
		}
		if h := env.eng.Halted(); len(h) != 0 {
			t.Fatalf("halted after %d failed appends: %+v", i+1, h)
		}
	}
	r, err := env.ballot("d0", "b0")
	if err != nil || r.Replayed || r.First() != size {
		t.Fatalf("the ballot sent again once the appends go through: %+v, %v; want recorded at %d", r, err, size)
	}
	if h := env.eng.Halted(); len(h) != 0 {
		t.Fatalf("halted after the appends went through: %+v", h)
	}
}
