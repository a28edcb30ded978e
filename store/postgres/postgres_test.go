package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
	"plenum/store/storetest"
)

func openStore(t testing.TB, dsn string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestConformance(t *testing.T) {
	pgtest.Server(t)
	storetest.Run(t, storetest.PerTest(
		func(t *testing.T) string { return pgtest.Fresh(t) },
		func(t *testing.T, dsn string) ledger.Store { return openStore(t, dsn) },
	))
}

func TestMigrateOnceConcurrently(t *testing.T) {
	dsn := pgtest.Fresh(t)
	errc := make(chan error, 4)
	for range 4 {
		go func() {
			st, err := postgres.Open(context.Background(), dsn)
			if err == nil {
				st.Close()
			}
			errc <- err
		}()
	}
	for range 4 {
		if err := <-errc; err != nil {
			t.Fatalf("concurrent Open: %v", err)
		}
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n, v int
	if err := c.QueryRow(ctx, `SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&n, &v); err != nil {
		t.Fatal(err)
	}
	if want, latest := postgres.MigrationCount(), postgres.LatestVersion(); n != want || v != latest {
		t.Fatalf("schema_migrations has %d rows, version %d; want %d, %d", n, v, want, latest)
	}
	// Reopening finds the schema current and changes nothing.
	openStore(t, dsn)
}

func TestRefusesNewerSchema(t *testing.T) {
	dsn := pgtest.Fresh(t)
	openStore(t, dsn).Close()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES (99)`); err != nil {
		t.Fatal(err)
	}
	if st, err := postgres.Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		if err == nil {
			st.Close()
		}
		t.Fatalf("Open of a database with schema version 99: %v, want an error saying it is newer", err)
	}
	if st, err := postgres.OpenReadOnly(ctx, dsn); err == nil {
		st.Close()
		t.Fatal("OpenReadOnly of a database with schema version 99 succeeded")
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	if st, err := postgres.OpenReadOnly(ctx, dsn); err == nil {
		st.Close()
		t.Fatal("OpenReadOnly of an empty database succeeded")
	}
	rw := openStore(t, dsn)
	const o = "example.org/log/a"
	if err := rw.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	ro, err := postgres.OpenReadOnly(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if h, err := ro.Head(ctx, o); err != nil || h.Size != 0 || string(h.Checkpoint) != "cp0" {
		t.Fatalf("read-only Head = %+v, %v", h, err)
	}
	if err := ro.CreateLog(ctx, "example.org/log/b", []byte("cp0")); err == nil {
		t.Fatal("read-only store created a log")
	}
	b := &ledger.Batch{First: 0, Records: []ledger.Record{{Index: 0, Data: []byte("x"), Hashes: make([]tlog.Hash, 1)}}, Checkpoint: []byte("cp1")}
	if err := ro.AppendBatch(ctx, o, b); err == nil {
		t.Fatal("read-only store appended")
	}
	if logs, err := ro.Logs(ctx); err != nil || len(logs) != 1 {
		t.Fatalf("read-only Logs = %q, %v", logs, err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := postgres.Open(ctx, "postgres://nobody:secret-password@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("Open of an unreachable server succeeded")
	}
	if strings.Contains(err.Error(), "secret-password") {
		t.Fatalf("error shows the password: %v", err)
	}
}

// BenchmarkAppendBatch appends batches of 1,000 records, as group commit
// does under load.
func BenchmarkAppendBatch(b *testing.B) {
	storetest.BenchmarkAppendBatch(b, openStore(b, pgtest.Fresh(b)), 1000)
}

// BenchmarkScanRecords reads a log of 100,000 records, as replay does.
func BenchmarkScanRecords(b *testing.B) {
	storetest.BenchmarkScanRecords(b, openStore(b, pgtest.Fresh(b)), 100000)
}

// TestSynchronousCommit checks that a connection asked to commit
// asynchronously (synchronous_commit=off) is set back to on, and that a
// stronger setting is kept.
func TestSynchronousCommit(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	sep := "&"
	if !strings.Contains(dsn, "?") {
		sep = "?"
	}
	for _, c := range []struct{ set, want string }{
		{"off", "on"},
		{"local", "local"},
		{"remote_apply", "remote_apply"},
	} {
		st := openStore(t, dsn+sep+"synchronous_commit="+c.set) // a run-time parameter for pgx
		var got string
		if err := st.Pool().QueryRow(ctx, `SHOW synchronous_commit`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("with synchronous_commit=%s asked for, the store's connections run with %s, want %s", c.set, got, c.want)
		}
		st.Close()
	}
}
