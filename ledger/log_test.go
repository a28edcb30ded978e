package ledger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/sqlite"
)

const origin = "plenum.localhost/log/march-1917"

type keys struct {
	signer   note.Signer
	vkey     string
	verifier note.Verifier
}

func newKeys(t testing.TB, name string) keys {
	t.Helper()
	skey, vkey, err := ledger.GenerateKey(name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return keys{s, vkey, v}
}

func openStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func openLog(t testing.TB, st ledger.Store, o string, k keys) *ledger.Log {
	t.Helper()
	l, err := ledger.Open(context.Background(), st, o, k.signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func entry(i int) ledger.Entry {
	return ledger.Entry{Actor: "delegate-" + fmt.Sprint(i%7), Type: "speech.noted",
		Payload: json.RawMessage(fmt.Sprintf(`{"n":%d,"text":"Comrades, the resolution point %d"}`, i, i))}
}

func TestAppendRead(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	path := filepath.Join(t.TempDir(), "p.db")
	st := openStore(t, path)
	l := openLog(t, st, origin, k)
	if l.Size() != 0 {
		t.Fatalf("new log size %d", l.Size())
	}
	first, err := l.Append(ctx, entry(0), entry(1), entry(2))
	if err != nil || first != 0 {
		t.Fatalf("Append = %d, %v", first, err)
	}
	first, err = l.Append(ctx, entry(3))
	if err != nil || first != 3 || l.Size() != 4 {
		t.Fatalf("Append = %d, %v; size %d", first, err, l.Size())
	}
	es, err := l.Read(ctx, 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range es {
		if e.Index != int64(i) || e.Type != "speech.noted" || e.Time.IsZero() || e.Time.Location() != time.UTC {
			t.Fatalf("entry %d = %+v", i, e)
		}
		want := entry(i).Payload
		if string(e.Payload) != string(want) {
			t.Fatalf("payload %s, want %s", e.Payload, want)
		}
	}
	raw, err := l.Raw(ctx, 1, 2)
	if err != nil || !strings.HasPrefix(string(raw[0]), `{"index":1,"time":"`) {
		t.Fatalf("Raw = %q, %v", raw, err)
	}
	if _, err := l.Read(ctx, 3, 5); err == nil {
		t.Fatal("read past the end")
	}
	// The checkpoint verifies and names the size.
	c, _, err := ledger.OpenCheckpoint(l.Checkpoint(), note.VerifierList(k.verifier))
	if err != nil || c.Size != 4 || c.Origin != origin {
		t.Fatalf("checkpoint %+v, %v", c, err)
	}
	// Bad input changes nothing.
	if _, err := l.Append(ctx, ledger.Entry{Type: "", Payload: json.RawMessage(`{}`)}); !errors.Is(err, ledger.ErrMalformedEntry) {
		t.Fatalf("empty type: %v", err)
	}
	if _, err := l.Append(ctx, entry(4), ledger.Entry{Type: "x", Payload: json.RawMessage(`{`)}); !errors.Is(err, ledger.ErrMalformedEntry) {
		t.Fatalf("bad payload: %v", err)
	}
	if l.Size() != 4 {
		t.Fatalf("size %d after rejected appends", l.Size())
	}

	// Reopening continues the same tree.
	l.Close()
	if _, err := l.Append(ctx, entry(9)); !errors.Is(err, ledger.ErrClosed) {
		t.Fatalf("Append after Close: %v", err)
	}
	l2 := openLog(t, st, origin, k)
	if first, err := l2.Append(ctx, entry(4)); err != nil || first != 4 {
		t.Fatalf("Append after reopen = %d, %v", first, err)
	}
	rep, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Logs) != 1 || rep.Logs[0].Size != 5 || rep.Logs[0].Checkpoints != 4 {
		t.Fatalf("report %+v", rep)
	}
}

func TestLargePayloadStoredApart(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	l := openLog(t, st, origin, k)
	long := json.RawMessage(`{"resolution":"` + strings.Repeat("All power to the Soviets. ", 5000) + `"}`)
	if _, err := l.Append(ctx, entry(0), ledger.Entry{Actor: "secretary", Type: "resolution.read", Payload: long}, ledger.Entry{Actor: "secretary", Type: "resolution.read", Payload: long}); err != nil {
		t.Fatal(err)
	}
	raw, _ := l.Raw(ctx, 1, 2)
	if len(raw[0]) > 1000 || !strings.Contains(string(raw[0]), "payload_sha256") {
		t.Fatalf("entry not stored apart: %d bytes", len(raw[0]))
	}
	es, err := l.Read(ctx, 1, 3)
	if err != nil || string(es[0].Payload) != string(long) || string(es[1].Payload) != string(long) {
		t.Fatalf("Read: %v", err)
	}
	rep, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{})
	if err != nil || rep.Logs[0].Blobs != 2 {
		t.Fatalf("Audit = %+v, %v", rep, err)
	}
}

// TestConcurrentAppends has many goroutines append at once and checks that
// every caller got its own contiguous indexes, one checkpoint per call
// (grouping is the caller's job: package engine), and that the log
// verifies.
func TestConcurrentAppends(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	l := openLog(t, st, origin, k)
	const callers, per = 16, 10
	var mu sync.Mutex
	seen := map[int64]string{}
	var wg sync.WaitGroup
	for c := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				a, err := l.AppendBatch(ctx, []ledger.Entry{entry(c), entry(i)}, nil)
				if err != nil {
					t.Error(err)
					return
				}
				if len(a.Leaves) != 2 || a.Settled {
					t.Errorf("Appended %+v", a)
				}
				cp, _, err := ledger.OpenCheckpoint(a.Checkpoint, note.VerifierList(k.verifier))
				if err != nil || cp.Size != a.First+2 {
					t.Errorf("the checkpoint of an append at %d: %+v, %v", a.First, cp, err)
				}
				mu.Lock()
				for j, idx := range []int64{a.First, a.First + 1} {
					if prev, dup := seen[idx]; dup {
						t.Errorf("index %d given twice (%s)", idx, prev)
					}
					seen[idx] = fmt.Sprintf("caller %d call %d part %d", c, i, j)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if l.Size() != callers*per*2 || len(seen) != callers*per*2 {
		t.Fatalf("size %d, %d indexes", l.Size(), len(seen))
	}
	rep, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Logs[0].Checkpoints; n != callers*per+1 {
		t.Errorf("%d checkpoints for %d calls", n, callers*per)
	}
	// The leaves AppendBatch returned are the stored entries' record hashes.
	raw, err := l.Raw(ctx, 0, l.Size())
	if err != nil {
		t.Fatal(err)
	}
	a, err := l.AppendBatch(ctx, []ledger.Entry{entry(1000)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := l.Raw(ctx, a.First, a.First+1)
	if a.Leaves[0] != tlog.RecordHash(last[0]) || len(raw) != int(a.First) {
		t.Fatalf("leaf %x, want %x", a.Leaves[0], tlog.RecordHash(last[0]))
	}
}

// TestProofs checks inclusion and consistency proofs with tlog alone
// against the checkpoints the log signed.
func TestProofs(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	l := openLog(t, st, origin, k)
	var cps []ledger.Checkpoint
	for i := 0; i < 300; i += 37 {
		var es []ledger.Entry
		for j := i; j < min(i+37, 300); j++ {
			es = append(es, entry(j))
		}
		if _, err := l.Append(ctx, es...); err != nil {
			t.Fatal(err)
		}
		c, _, err := ledger.OpenCheckpoint(l.Checkpoint(), note.VerifierList(k.verifier))
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, c)
	}
	raw, _ := l.Raw(ctx, 0, 300)
	for _, c := range cps {
		for _, i := range []int64{0, 1, c.Size / 2, c.Size - 1} {
			p, err := l.InclusionProof(ctx, i, c.Size)
			if err != nil {
				t.Fatal(err)
			}
			if err := tlog.CheckRecord(p, c.Size, c.Hash, i, tlog.RecordHash(raw[i])); err != nil {
				t.Fatalf("entry %d in size %d: %v", i, c.Size, err)
			}
			if err := tlog.CheckRecord(p, c.Size, c.Hash, i, tlog.RecordHash(raw[(i+1)%c.Size])); err == nil && c.Size > 1 {
				t.Fatalf("proof for entry %d accepted another entry", i)
			}
		}
	}
	for i := range cps {
		for j := i; j < len(cps); j++ {
			p, err := l.ConsistencyProof(ctx, cps[i].Size, cps[j].Size)
			if err != nil {
				t.Fatal(err)
			}
			if err := tlog.CheckTree(p, cps[j].Size, cps[j].Hash, cps[i].Size, cps[i].Hash); err != nil {
				t.Fatalf("%d → %d: %v", cps[i].Size, cps[j].Size, err)
			}
		}
	}
	if _, err := l.InclusionProof(ctx, 300, 300); err == nil {
		t.Fatal("proof for entry past the end")
	}
}

// TestTwoWritersCannotFork opens the same log twice: the second writer's
// first append fails instead of forking the log, and the log verifies.
func TestTwoWritersCannotFork(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	a := openLog(t, st, origin, k)
	b := openLog(t, st, origin, k)
	if _, err := a.Append(ctx, entry(0)); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Append(ctx, entry(1)); !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("second writer: %v, want ErrConflict", err)
	}
	// After the conflict b rereads the log and carries on at the end.
	if first, err := b.Append(ctx, entry(1)); err != nil || first != 1 {
		t.Fatalf("second writer retry = %d, %v", first, err)
	}
	if _, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestAppendManyInOneCall appends more entries in one call than a batch
// usually holds: they are still one contiguous batch.
func TestAppendManyInOneCall(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	l := openLog(t, st, origin, k)
	es := make([]ledger.Entry, 10000)
	for i := range es {
		es[i] = entry(i)
	}
	if first, err := l.Append(ctx, es...); err != nil || first != 0 || l.Size() != 10000 {
		t.Fatalf("Append = %d, %v; size %d", first, err, l.Size())
	}
	rep, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{})
	if err != nil || rep.Logs[0].Checkpoints != 2 {
		t.Fatalf("Audit = %+v, %v", rep, err)
	}
}

func TestAppendBatchSealed(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	l := openLog(t, st, origin, k)
	tok := func(c byte) string { return string(bytes.Repeat([]byte{c}, 26)) }
	b := func(c byte, data string) ledger.SealedBallot {
		return ledger.SealedBallot{Box: "v1", ID: tok(c), Data: []byte(data)}
	}
	if _, err := l.AppendBatch(ctx, []ledger.Entry{entry(0)}, []ledger.SealedBallot{b('Q', "for")}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AppendBatch(ctx, []ledger.Entry{entry(1)}, []ledger.SealedBallot{b('C', "against")}); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]ledger.SealedBallot{
		"an id twice":   {b('X', "for"), b('X', "against")},
		"a short id":    {{Box: "v1", ID: "abc", Data: []byte("for")}},
		"no data":       {b('Y', "")},
		"an id in box":  {b('Q', "for")}, // refused by the store: the batch fails whole
		"no box":        {{ID: tok('Z'), Data: []byte("for")}},
		"an id with sp": {{Box: "v1", ID: tok('Z') + " ", Data: []byte("for")}},
	} {
		if _, err := l.AppendBatch(ctx, []ledger.Entry{entry(9)}, bad); err == nil {
			t.Errorf("AppendBatch with %s succeeded", name)
		}
	}
	if l.Size() != 2 {
		t.Fatalf("after refused appends the log has %d entries, want 2", l.Size())
	}
	got, err := l.SealedBallots(ctx, "v1")
	if err != nil || len(got) != 2 || got[0].ID != tok('C') || string(got[0].Data) != "against" || got[1].ID != tok('Q') {
		t.Fatalf("SealedBallots = %+v, %v; want C=against, Q=for", got, err)
	}
	// The log goes on, and the audit does not see the box.
	if _, err := l.Append(ctx, entry(2)); err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{}); err != nil {
		t.Fatalf("audit: %v", err)
	} // AppendBoxed empties a box with its entries; a nameless box is
	// refused before anything is stored.
	if _, err := l.AppendBoxed(ctx, []ledger.Entry{entry(3)}, nil, []string{""}); err == nil || l.Size() != 3 {
		t.Fatalf("AppendBoxed emptying a nameless box: %v, size %d", err, l.Size())
	}
	if _, err := l.AppendBoxed(ctx, []ledger.Entry{entry(3)}, nil, []string{"v1"}); err != nil {
		t.Fatal(err)
	}
	if got, err := l.SealedBallots(ctx, "v1"); err != nil || len(got) != 0 {
		t.Fatalf("after emptying, SealedBallots = %+v, %v", got, err)
	}
}

// TestAppendStoresEncodeEntry: what AppendBatch stores for each entry is
// EncodeEntry's bytes for it, whatever the batch's times (zero, shared,
// in another zone, one after another alike and not), payloads (compact,
// with spaces only inside strings, with white space outside them, too
// large to be stored inline) and actors (escaped in JSON to several times
// their length, past the room AppendBatch makes for them).
func TestAppendStoresEncodeEntry(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	l := openLog(t, openStore(t, filepath.Join(t.TempDir(), "p.db")), origin, k)
	t0 := time.Date(2026, 12, 4, 21, 30, 0, 123456789, time.UTC)
	kyiv := time.FixedZone("EET", 2*3600)
	times := []time.Time{{}, t0, t0, t0.In(kyiv), t0.Add(time.Nanosecond), {}, t0, t0.Truncate(time.Second), {}}
	payloads := []string{
		`{"a":"b"}`, `{"text":"two words"}`, "{ \"a\" : [1, 2] }\n", "{\"a\":\"x\"\t}", `{"a":"tab\there"}`,
		`{"q":"\"quoted\" space"}`, `[]`, `"plain"`, "\r\n{\"a\":1}",
	}
	var entries []ledger.Entry
	for i, tm := range times {
		entries = append(entries, ledger.Entry{Time: tm, Actor: fmt.Sprintf("d %d", i), Type: "x.y", Payload: json.RawMessage(payloads[i])})
	}
	entries[2].Actor = strings.Repeat("\"\\\x01", 40)
	entries[3].Payload = json.RawMessage(`{"resolution":"` + strings.Repeat("All power to the Soviets. ", 5000) + `"}`)
	entries[5].Actor = strings.Repeat("\x1f", 30)
	before := time.Now().UTC()
	a, err := l.AppendBatch(ctx, entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := l.Raw(ctx, a.First, a.First+int64(len(entries)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Read(ctx, a.First, a.First+int64(len(entries)))
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		e.Index = a.First + int64(i)
		if e.Time.IsZero() {
			if got[i].Time.Before(before) {
				t.Fatalf("entry %d: a zero time became %v, before the append", i, got[i].Time)
			}
			e.Time = got[i].Time
		}
		want, _, err := ledger.EncodeEntry(e)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw[i], want) {
			t.Errorf("entry %d stored as\n%s\nEncodeEntry gives\n%s", i, raw[i], want)
		}
	}
}
