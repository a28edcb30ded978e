package ledger_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// liveLog opens a new database of be and a Log on it, and appends n
// entries, one batch (and one checkpoint) each. The Log stays open, as a
// running server's does, while the test changes the database beside it.
func liveLog(t *testing.T, k keys, be backend, n int) (string, ledger.Store, *ledger.Log) {
	t.Helper()
	db := be.fresh(t)
	st := be.open(t, db)
	l := openLog(t, st, origin, k)
	for i := range n {
		if _, err := l.Append(context.Background(), entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	return db, st, l
}

// forgeEntry stores, through db, an entry of its own after the last of
// the log's n entries, with the right hashes, and makes the log's head
// say n+1 entries under checkpoint, given the tree's root: what someone
// who can write the database but has not the log's key can do.
func forgeEntry(t *testing.T, ctx context.Context, st ledger.Store, db *tamperDB, n int64, checkpoint func(root tlog.Hash) []byte) {
	t.Helper()
	last, err := db.bytes(`SELECT data FROM entries WHERE idx = ?`, n-1)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Replace(last, []byte(fmt.Sprintf(`{"index":%d,`, n-1)), []byte(fmt.Sprintf(`{"index":%d,`, n)), 1)
	data = bytes.Replace(data, []byte(`Comrades`), []byte(`Citizens`), 1)
	hashes, err := tlog.StoredHashes(n, data, ledger.HashReader(ctx, st, origin))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.exec(`INSERT INTO entries (log_id, idx, data, hashes) SELECT id, ?, ?, ? FROM logs`, n, data, ledger.JoinHashes(hashes)); err != nil {
		t.Fatal(err)
	}
	root, err := tlog.TreeHash(n+1, ledger.HashReader(ctx, st, origin))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.exec(`UPDATE logs SET size = ?, checkpoint = ?`, n+1, checkpoint(root)); err != nil {
		t.Fatal(err)
	}
}

// TestWriterSignsNoForgedHead: someone who can write the database beside
// a running writer but has not the log's key (a second process, the
// database's administrator) adds an entry, with its hashes right, and
// moves the log's head over it — signed with another key, or not signed
// at all, and with no checkpoint stored for it. The writer's next append
// is fenced off; it must then refuse to carry on from that head, rather
// than read it back as another writer's and sign the next checkpoint
// over the forged entry, which would leave nothing for plenum verify to
// find. Reopening the log refuses it too. Every append is refused, saying
// what is wrong and what to do, and nothing is stored.
func TestWriterSignsNoForgedHead(t *testing.T) {
	k := newKeys(t, "plenum.localhost")
	other := newKeys(t, "plenum.localhost")
	heads := []struct {
		name string
		sign func(t *testing.T, root tlog.Hash) []byte
	}{
		{"signed with another key", func(t *testing.T, root tlog.Hash) []byte {
			cp, err := ledger.SignCheckpoint(ledger.Checkpoint{Origin: origin, Size: 11, Hash: root}, other.signer)
			if err != nil {
				t.Fatal(err)
			}
			return cp
		}},
		{"not signed", func(t *testing.T, root tlog.Hash) []byte {
			return ledger.Checkpoint{Origin: origin, Size: 11, Hash: root}.Text()
		}},
	}
	for _, be := range backends(t) {
		for _, h := range heads {
			t.Run(be.name+"/"+h.name, func(t *testing.T) {
				ctx := context.Background()
				db, st, l := liveLog(t, k, be, 10)
				forgeEntry(t, ctx, st, be.sql(t, db), 10, func(root tlog.Hash) []byte { return h.sign(t, root) })
				for try := range 3 {
					_, err := l.Append(ctx, entry(10+try))
					if err == nil || !errors.Is(err, ledger.ErrBadHead) || !strings.Contains(err.Error(), "plenum verify") {
						t.Fatalf("append %d after the head was forged: %v; want an error wrapping ErrBadHead that says to run plenum verify", try+1, err)
					}
					if errors.Is(err, ledger.ErrOutcomeUnknown) {
						t.Fatalf("append %d: %v; the outcome is known: nothing was stored", try+1, err)
					}
				}
				if l.Size() != 10 {
					t.Fatalf("the Log took the forged head: size %d, want 10", l.Size())
				}
				if hd, err := st.Head(ctx, origin); err != nil || hd.Size != 11 {
					t.Fatalf("Head = %d, %v; want the forged head of 11 entries, nothing appended on it", hd.Size, err)
				}
				if _, err := ledger.Open(ctx, st, origin, k.signer); !errors.Is(err, ledger.ErrBadHead) || !strings.Contains(err.Error(), "plenum verify") {
					t.Fatalf("Open of the forged log: %v; want an error wrapping ErrBadHead", err)
				}
				var ae *ledger.AuditError
				if _, err := ledger.Audit(ctx, st, note.VerifierList(k.verifier), ledger.AuditOptions{}); !errors.As(err, &ae) {
					t.Fatalf("Audit of the forged log: %v, want an *AuditError", err)
				}
			})
		}
	}
}

// TestWriterDoesNotGoBack: the log's head in the database goes back
// under a running writer — the logs row restored from an old copy, or the
// whole database from a backup, or a write-ahead log lost (the entries
// and checkpoints after it gone too: a state the audit alone cannot tell
// from a shorter log). Entries the writer appended and acknowledged are
// no longer in the log. The writer must not take the old head as another
// writer's, and append again over the places of entries it acknowledged
// (a fork of what witnesses and clients were shown) or fail on them with
// the database's duplicate-key error: every append is refused, saying
// what is wrong and what to do, and the Log keeps its size. Reopening the
// log with entries stored beyond its head refuses it too.
func TestWriterDoesNotGoBack(t *testing.T) {
	k := newKeys(t, "plenum.localhost")
	cases := []struct {
		name    string
		change  func(db *tamperDB) error
		reopens bool // the log is as it was at size 12: Open takes it
	}{
		{"head rolled back", func(db *tamperDB) error {
			return db.exec(`UPDATE logs SET size = 12, checkpoint = (SELECT data FROM checkpoints WHERE size = 12)`)
		}, false},
		{"head and checkpoints rolled back", func(db *tamperDB) error {
			if err := db.exec(`DELETE FROM checkpoints WHERE size > 12`); err != nil {
				return err
			}
			return db.exec(`UPDATE logs SET size = 12, checkpoint = (SELECT data FROM checkpoints WHERE size = 12)`)
		}, false},
		{"everything after entry 12 lost", func(db *tamperDB) error {
			for _, q := range []string{`DELETE FROM entries WHERE idx >= 12`, `DELETE FROM checkpoints WHERE size > 12`,
				`UPDATE logs SET size = 12, checkpoint = (SELECT data FROM checkpoints WHERE size = 12)`} {
				if err := db.exec(q); err != nil {
					return err
				}
			}
			return nil
		}, true},
	}
	for _, be := range backends(t) {
		for _, c := range cases {
			t.Run(be.name+"/"+c.name, func(t *testing.T) {
				ctx := context.Background()
				db, st, l := liveLog(t, k, be, 20)
				if err := c.change(be.sql(t, db)); err != nil {
					t.Fatal(err)
				}
				for try := range 3 {
					_, err := l.Append(ctx, entry(20+try))
					if !errors.Is(err, ledger.ErrBadHead) || !strings.Contains(err.Error(), "plenum verify") || !strings.Contains(err.Error(), "went back from 20 to 12 entries") {
						t.Fatalf("append %d after the head went back: %v; want an error wrapping ErrBadHead saying it went back from 20 to 12 entries, and to run plenum verify", try+1, err)
					}
				}
				if l.Size() != 20 {
					t.Fatalf("the Log went back to size %d, want 20", l.Size())
				}
				if hd, err := st.Head(ctx, origin); err != nil || hd.Size != 12 {
					t.Fatalf("Head = %d, %v; want 12, nothing appended", hd.Size, err)
				}
				l2, err := ledger.Open(ctx, st, origin, k.signer)
				switch {
				case c.reopens && err != nil:
					t.Fatalf("Open of a log of 12 entries, nothing beyond: %v", err)
				case c.reopens:
					l2.Close()
				case !errors.Is(err, ledger.ErrBadHead) || !strings.Contains(err.Error(), "beyond the log's head") || !strings.Contains(err.Error(), "plenum verify"):
					t.Fatalf("Open of a log with entries beyond its head: %v; want an error wrapping ErrBadHead naming them", err)
				}
			})
		}
	}
}
