package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/store/sqlite/sqlitetest"
)

// TestBusyAtAppend: another program — not plenum, so plenum's lock file
// does not keep it out — holds the database's write lock for longer than
// plenum waits for it (busy_timeout, shortened here). The append fails
// with ErrNotAppended and sqlite.ErrBusy, naming the database, saying
// that another program holds its lock and what to do — not SQLite's bare
// "database is locked (5)" — its outcome known, nothing of it stored, the
// Log and the stored head where they were; the record can still be read
// (pages, plenum verify and plenum export of the live database) meanwhile;
// and once the lock is let go, the next appends succeed and the log
// verifies, holding every acknowledged entry and nothing else.
func TestBusyAtAppend(t *testing.T) {
	defer sqlite.SetBusyTimeout(100 * time.Millisecond)()
	holds := map[string][]string{
		"BEGIN IMMEDIATE":       {"BEGIN IMMEDIATE"},
		"BEGIN EXCLUSIVE":       {"BEGIN EXCLUSIVE"},
		"a write not committed": {"BEGIN", "INSERT INTO access_meta (k, v) VALUES ('other', 'program')"},
	}
	// (PRAGMA locking_mode=EXCLUSIVE, which locks readers out too, cannot
	// be taken while plenum has the database open: TestBusyAtOpen.)
	for name, stmts := range holds {
		t.Run(name, func(t *testing.T) {
			testBusyAtAppend(t, stmts)
		})
	}
}

func testBusyAtAppend(t *testing.T, stmts []string) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plenum.db")
	const o = "plenum.test/log/a"
	st, l, verifier := openSignedLog(t, path, o)
	defer st.Close()
	defer l.Close()
	acked := 0
	for ; acked < 5; acked++ {
		if _, err := l.Append(ctx, speech(acked, "")); err != nil {
			t.Fatal(err)
		}
	}
	head, err := st.Head(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	audit := func(what string, s ledger.Store) {
		t.Helper()
		auditSpeeches(t, what, s, verifier, acked)
	}

	release := sqlitetest.HoldLock(t, path, stmts...)
	start := time.Now()
	_, err = l.Append(ctx, speech(acked, ""))
	if err == nil {
		t.Fatal("an append succeeded while another program held the database's lock")
	}
	t.Logf("refused after %v: %v", time.Since(start).Round(time.Millisecond), err)
	if !errors.Is(err, ledger.ErrNotAppended) || errors.Is(err, ledger.ErrOutcomeUnknown) {
		t.Fatalf("the append kept out by the lock: %v; want ErrNotAppended, its outcome known", err)
	}
	sqlitetest.CheckBusy(t, "an append", err, path)
	if l.Size() != int64(acked) {
		t.Fatalf("after the failed append the Log has %d entries, want %d", l.Size(), acked)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != head.Size || string(h.Checkpoint) != string(head.Checkpoint) {
		t.Fatalf("after the failed append Head = %d, %v; want %d, as before", h.Size, err, head.Size)
	}
	// The record can be read meanwhile: the server's pages and the
	// engine's reads (this Store), plenum verify and export (a read-only
	// Store of their own).
	audit("an audit through the writing Store while the lock is held", st)
	ro, err := sqlite.OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly while another program holds the lock: %v", err)
	}
	audit("an audit through a read-only Store while the lock is held", ro)
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	// Still held: still refused, the same way; so are the Store's other
	// writes.
	if _, err := l.Append(ctx, speech(acked, "")); !errors.Is(err, ledger.ErrNotAppended) || !errors.Is(err, sqlite.ErrBusy) {
		t.Fatalf("a second append while the lock is held: %v; want ErrNotAppended and ErrBusy", err)
	}
	sqlitetest.CheckBusy(t, "CreateLog", st.CreateLog(ctx, "plenum.test/log/b", []byte("cp0")), path)
	sqlitetest.CheckBusy(t, "AddCosignatures", st.AddCosignatures(ctx, o, head.Size, [][]byte{[]byte("— witness.example AAAA\n")}), path)

	release()
	for range 3 {
		if _, err := l.Append(ctx, speech(acked, "")); err != nil {
			t.Fatalf("an append once the lock is let go: %v", err)
		}
		acked++
	}
	audit("the audit after the lock is let go", st)
	l.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	audit("the audit of the database reopened", st)
}

// TestBusyAtOpen: another program holds the database locked against
// every other (PRAGMA locking_mode=EXCLUSIVE, which it can take only while
// no plenum has the file open) when plenum opens it: Open (plenum serve,
// replay, import) and OpenReadOnly (verify, export) fail with ErrBusy,
// naming the database and saying what to do — not that it is not a plenum
// database — and open it once the other program has let go.
func TestBusyAtOpen(t *testing.T) {
	defer sqlite.SetBusyTimeout(100 * time.Millisecond)()
	path := filepath.Join(t.TempDir(), "plenum.db")
	if err := openWithLog(t, path, "plenum.test/log/a").Close(); err != nil {
		t.Fatal(err)
	}
	release := sqlitetest.HoldLock(t, path, "PRAGMA locking_mode=EXCLUSIVE", "BEGIN", "INSERT INTO access_meta (k, v) VALUES ('other', 'program')", "COMMIT")
	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, sqlite.ErrBusy) || strings.Contains(err.Error(), "not a plenum database") {
			t.Fatalf("%s while another program holds the database: %v; want sqlite.ErrBusy", what, err)
		}
		for _, s := range []string{path + ": ", "another program", "close that program", "again"} {
			if !strings.Contains(err.Error(), s) {
				t.Fatalf("%s while another program holds the database: %v; want it to say %q", what, err, s)
			}
		}
	}
	st, err := sqlite.Open(path)
	if err == nil {
		st.Close()
	}
	check("Open", err)
	ro, err := sqlite.OpenReadOnly(path)
	if err == nil {
		ro.Close()
	}
	check("OpenReadOnly", err)
	release()
	if st, err = sqlite.Open(path); err != nil {
		t.Fatalf("Open once the other program let go: %v", err)
	}
	st.Close()
	if ro, err = sqlite.OpenReadOnly(path); err != nil {
		t.Fatalf("OpenReadOnly once the other program let go: %v", err)
	}
	ro.Close()
}

// TestBusyInTheEngine: what the engine makes of an append another
// program's lock kept out. The command is answered ErrNotRecorded (which
// the API answers 503, "send it again"), wrapping sqlite.ErrBusy, so the
// server's log says why; nothing of it is in the record or the state; the
// assembly is neither stopped nor suspended (nor listed halted), however
// many commands the lock keeps out; and once the lock is let go
// the command sent again with its idempotency key is recorded, once.
func TestBusyInTheEngine(t *testing.T) {
	defer sqlite.SetBusyTimeout(100 * time.Millisecond)()
	ctx := context.Background()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	path := filepath.Join(t.TempDir(), "plenum.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	eng, err := engine.Open(ctx, st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	submit := func(cmd, key string, args string) (*engine.Result, error) {
		at = at.Add(time.Second)
		return eng.Submit(ctx, assembly.Envelope{Cmd: cmd, Assembly: "coop", Actor: "admin", At: at, Key: key, Args: json.RawMessage(args)})
	}
	if _, err := submit("create_assembly", "", `{"id":"coop","name":"Spring general meeting","starts":"2026-05-09","rules":"congress"}`); err != nil {
		t.Fatal(err)
	}
	a, ok := eng.Assembly("coop")
	if !ok {
		t.Fatal("no assembly coop")
	}
	size := a.Log().Size()
	people := func() int {
		var n int
		a.Read(func(s *assembly.State) { n = len(s.Persons) })
		return n
	}
	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	// More than the engine's refusals on a constraint that stop an
	// assembly (3): a lock is let go some time, and is no reason to stop.
	for i := range 5 {
		_, err := submit("add_person", "p1", `{"id":"p1","name":"Ann Weiss"}`)
		if !errors.Is(err, engine.ErrNotRecorded) || errors.Is(err, engine.ErrSuspended) || errors.Is(err, engine.ErrStopped) || errors.Is(err, ledger.ErrConstraint) {
			t.Fatalf("command %d while another program holds the lock: %v; want ErrNotRecorded", i+1, err)
		}
		if h := eng.Halted(); len(h) != 0 {
			t.Fatalf("halted after command %d kept out by the lock: %+v", i+1, h)
		}
		sqlitetest.CheckBusy(t, "a command", err, path)
		if a.Log().Size() != size || people() != 0 {
			t.Fatalf("after a command kept out by the lock: log size %d (want %d), %d people (want 0)", a.Log().Size(), size, people())
		}
	}
	release()
	r, err := submit("add_person", "p1", `{"id":"p1","name":"Ann Weiss"}`)
	if err != nil || r.Replayed || r.First() != size {
		t.Fatalf("the command sent again once the lock is let go: %+v, %v; want recorded at %d", r, err, size)
	}
	if r, err := submit("add_person", "p1", `{"id":"p1","name":"Ann Weiss"}`); err != nil || !r.Replayed {
		t.Fatalf("the command sent a third time: %+v, %v; want it answered from the record", r, err)
	}
	if people() != 1 {
		t.Fatalf("%d people, want 1", people())
	}
	if _, err := ledger.Audit(ctx, st, note.VerifierList(verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
}

// openSignedLog opens the database at path and a Log on it, origin o,
// with a new key, whose verifier it returns.
func openSignedLog(t *testing.T, path, o string) (*sqlite.Store, *ledger.Log, note.Verifier) {
	t.Helper()
	skey, vkey, err := ledger.GenerateKey(strings.Split(o, "/")[0])
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), st, o, signer)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, l, verifier
}

// speech is entry i of the logs of openSignedLog: a speech numbered i.
func speech(i int, text string) ledger.Entry {
	return ledger.Entry{Actor: "secretary", Type: "speech.noted",
		Payload: json.RawMessage(fmt.Sprintf(`{"n":%d,"text":"%s"}`, i, text))}
}

// auditSpeeches audits the store's one log of speeches, and fails t
// unless it verifies, entry i holding speech i, with acked entries.
func auditSpeeches(t *testing.T, what string, st ledger.Store, verifier note.Verifier, acked int) {
	t.Helper()
	rep, err := ledger.Audit(context.Background(), st, note.VerifierList(verifier), ledger.AuditOptions{Replay: func(_ string, e ledger.Entry) error {
		var p struct{ N int64 }
		if err := json.Unmarshal(e.Payload, &p); err != nil || p.N != e.Index {
			return fmt.Errorf("entry %d holds speech %d (%v)", e.Index, p.N, err)
		}
		return nil
	}})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if rep.Logs[0].Size != int64(acked) {
		t.Fatalf("%s: the log has %d entries; %d were acknowledged", what, rep.Logs[0].Size, acked)
	}
}

// TestExplain: the writers of the state beside the record (OpenDB: access
// codes and sessions) say another program's lock as the Store's writes
// do, through Explain: ErrBusy, the database named, what to do. Explain
// leaves other errors, nil and an error it explained already as they are.
func TestExplain(t *testing.T) {
	defer sqlite.SetBusyTimeout(100 * time.Millisecond)()
	path := filepath.Join(t.TempDir(), "plenum.db")
	w, r, err := sqlite.OpenDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	_, err = w.Exec(`INSERT INTO access_meta (k, v) VALUES ('plenum', 'here')`)
	if err == nil || errors.Is(err, sqlite.ErrBusy) {
		t.Fatalf("a write of OpenDB's while another program holds the lock: %v; want SQLite's own error", err)
	}
	explained := sqlite.Explain(path, err)
	sqlitetest.CheckBusy(t, "a write of OpenDB's", explained, path)
	if again := sqlite.Explain(path, explained); again != explained {
		t.Fatalf("explained twice: %v", again)
	}
	for _, e := range []error{nil, sql.ErrNoRows, context.Canceled} {
		if got := sqlite.Explain(path, e); got != e {
			t.Fatalf("Explain(%v) = %v; want it as it is", e, got)
		}
	}
	release()
	if _, err := w.Exec(`INSERT INTO access_meta (k, v) VALUES ('plenum', 'here')`); err != nil {
		t.Fatalf("the write once the lock is let go: %v", err)
	}
}
