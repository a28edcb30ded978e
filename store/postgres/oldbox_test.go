package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"plenum/store/postgres/pgtest"
	"plenum/store/schema"
)

// TestOldBallotBoxRefused: a database at migration 3 whose old, plain
// ballot box holds ballots (a secret vote open under an earlier plenum)
// is not migrated — the engine alone can seal a ballot — and Open says
// why and what to do, changing nothing; once that box is empty it is.
func TestOldBallotBoxRefused(t *testing.T) {
	dsn := pgtest.Fresh(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	steps, err := schema.Pending(migrations, "migrations/*.sql", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps[:schema.OldBoxVersion-1] {
		if _, err := c.Exec(ctx, s.SQL); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, s.Version); err != nil {
			t.Fatal(err)
		}
	}
	var id int64
	if err := c.QueryRow(ctx, `INSERT INTO logs (origin, checkpoint) VALUES ('example.org/log/a', '\x00') RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `INSERT INTO sealed_ballots (log_id, box, token, data) VALUES ($1, 'v1', 'AAAAAAAAAAAAAAAA', '{"choice":"for"}')`, id); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, dsn)
	if err == nil {
		st.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "holds 1 ballot of a secret vote still open,") || !strings.Contains(err.Error(), "close (or withdraw) the open secret votes with the earlier plenum") {
		t.Fatalf("Open of a database with ballots in the old box: %v", err)
	}
	var v, n int
	if err := c.QueryRow(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil || v != schema.OldBoxVersion-1 {
		t.Fatalf("after the refusal the schema is at %d (%v)", v, err)
	}
	if err := c.QueryRow(ctx, `SELECT COUNT(*) FROM sealed_ballots`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("after the refusal the old box holds %d (%v)", n, err)
	}
	if _, err := c.Exec(ctx, `DELETE FROM sealed_ballots`); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open once the old box is empty: %v", err)
	}
	defer st.Close()
	if err := c.QueryRow(ctx, `SELECT COUNT(*) FROM ballot_box`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the new box: %d, %v", n, err)
	}
}
