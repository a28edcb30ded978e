package sqlite

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"plenum/store/schema"
)

// TestOldBallotBoxRefused: a database at migration 3 whose old, plain
// ballot box holds ballots (a secret vote open under an earlier plenum)
// is not migrated — the engine alone can seal a ballot — and Open says
// why and what to do, changing nothing; once that box is empty it is.
func TestOldBallotBoxRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	steps, err := schema.Pending(migrations, "migrations/*.sql", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps[:schema.OldBoxVersion-1] {
		if _, err := db.Exec(s.SQL); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, s.Version); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO logs (id, origin, checkpoint) VALUES (1, 'example.org/log/a', x'00')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO sealed_ballots (log_id, box, token, data) VALUES (1, 'v1', 'AAAAAAAAAAAAAAAA', '{"choice":"for"}')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "holds 1 ballot of a secret vote still open,") || !strings.Contains(err.Error(), "close (or withdraw) the open secret votes with the earlier plenum") {
		t.Fatalf("Open of a database with ballots in the old box: %v", err)
	}
	db, err = sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	var v, n int
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil || v != schema.OldBoxVersion-1 {
		t.Fatalf("after the refusal the schema is at %d (%v)", v, err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM sealed_ballots`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("after the refusal the old box holds %d (%v)", n, err)
	}
	// Emptied (the vote closed under the earlier plenum): migrated.
	if _, err := db.Exec(`DELETE FROM sealed_ballots`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("Open once the old box is empty: %v", err)
	}
	defer st.Close()
	if err := st.w.QueryRow(`SELECT COUNT(*) FROM ballot_box`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the new box: %d, %v", n, err)
	}
}
