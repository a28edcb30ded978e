package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

// TestWaitNamesWhoHoldsTheLog: another session — a psql left in a
// transaction, a stuck program — holds a log's row locked, and an append,
// and then SettledHead (reading back whether it committed), wait for it
// until their context ends. Their errors must name that session, and
// say what to do, not only that a deadline passed; and nothing is stored.
func TestWaitNamesWhoHoldsTheLog(t *testing.T) {
	dsn := pgtest.Fresh(t)
	st := openStore(t, dsn)
	const o = "example.org/log/a"
	ctx := context.Background()
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	c, tx := holdLog(t, dsn+sep+"application_name=psql-left-open", st, o)
	pid := c.PgConn().PID()
	check := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s succeeded while another session held the log's row", what)
		}
		for _, want := range []string{fmt.Sprintf("process %d", pid), "psql-left-open", "idle in transaction", "pg_terminate_backend"} {
			if !strings.Contains(err.Error(), want) {
				t.Fatalf("%s: %v; want it to name the session holding the log's row (%q)", what, err, want)
			}
		}
	}
	actx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	b := &ledger.Batch{First: 0, Records: []ledger.Record{{Index: 0, Data: []byte("x"), Hashes: []tlog.Hash{tlog.RecordHash([]byte("x"))}}}, Checkpoint: []byte("cp1")}
	check("AppendBatch", st.AppendBatch(actx, o, b))
	cancel()
	sctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	_, err := st.SettledHead(sctx, o)
	cancel()
	check("SettledHead", err)
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if h, err := st.SettledHead(ctx, o); err != nil || h.Size != 0 {
		t.Fatalf("SettledHead = %d, %v; want 0, nothing stored", h.Size, err)
	}
}
