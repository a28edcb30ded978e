package ledger_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"
	_ "modernc.org/sqlite"

	"plenum/ledger"
)

const tamperSize = 20

// buildLog writes a log of tamperSize entries, one batch (and so one
// checkpoint) per entry, entry 5 with a payload stored apart, and closes it.
func buildLog(t *testing.T, k keys) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plenum.db")
	st := openStore(t, path)
	l, err := ledger.Open(ctx, st, origin, k.signer)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tamperSize {
		e := entry(i)
		if i == 5 {
			e.Payload = json.RawMessage(`{"text":"` + strings.Repeat("long speech ", 7000) + `"}`)
		}
		if _, err := l.Append(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// tamper runs SQL statements on the database file directly, as an
// operator with access to the disk could.
func tamper(t *testing.T, path string, f func(db *sql.DB) error) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := f(db); err != nil {
		t.Fatal(err)
	}
}

func execSQL(db *sql.DB, q string, args ...any) error {
	_, err := db.Exec(q, args...)
	return err
}

func audit(t *testing.T, path string, v note.Verifier, opts ledger.AuditOptions) (*ledger.AuditReport, error) {
	t.Helper()
	st := openStore(t, path)
	return ledger.Audit(context.Background(), st, note.VerifierList(v), opts)
}

// resign replaces the checkpoint stored for size (and the head, if it is
// the head) by c signed with signer.
func resign(db *sql.DB, c ledger.Checkpoint, signer note.Signer, head bool) error {
	signed, err := ledger.SignCheckpoint(c, signer)
	if err != nil {
		return err
	}
	if err := execSQL(db, `UPDATE checkpoints SET data = ? WHERE size = ?`, signed, c.Size); err != nil {
		return err
	}
	if head {
		return execSQL(db, `UPDATE logs SET checkpoint = ?, size = ?`, signed, c.Size)
	}
	return nil
}

func storedCheckpoint(db *sql.DB, k keys, size int64) (ledger.Checkpoint, error) {
	var signed []byte
	if err := db.QueryRow(`SELECT data FROM checkpoints WHERE size = ?`, size).Scan(&signed); err != nil {
		return ledger.Checkpoint{}, err
	}
	c, _, err := ledger.OpenCheckpoint(signed, note.VerifierList(k.verifier))
	return c, err
}

func TestAuditDetectsTampering(t *testing.T) {
	k := newKeys(t, "plenum.localhost")
	other := newKeys(t, "plenum.localhost")

	// A forked tree: the same log with a different entry 9, signed with
	// the real key (a server showing someone else another history).
	var forked ledger.Checkpoint
	{
		ctx := context.Background()
		st := openStore(t, filepath.Join(t.TempDir(), "fork.db"))
		l := openLog(t, st, origin, k)
		for i := range 15 {
			e := entry(i)
			if i == 9 {
				e.Payload = json.RawMessage(`{"n":9,"text":"a different resolution"}`)
			}
			if _, err := l.Append(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		if forked, _, err = ledger.OpenCheckpoint(l.Checkpoint(), note.VerifierList(k.verifier)); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name   string
		change func(db *sql.DB) error
		index  int64
		reason string
	}{
		{"payload byte flipped", func(db *sql.DB) error {
			return execSQL(db, `UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), 'point 7"', 'point 6"') AS BLOB) WHERE idx = 7`)
		}, 7, "record hash"},
		{"entry deleted", func(db *sql.DB) error {
			return execSQL(db, `DELETE FROM entries WHERE idx = 7`)
		}, 7, "missing"},
		{"last entry deleted", func(db *sql.DB) error {
			return execSQL(db, `DELETE FROM entries WHERE idx = 19`)
		}, 19, "missing"},
		{"two entries swapped", func(db *sql.DB) error {
			for _, q := range []string{
				`UPDATE entries SET idx = -1 WHERE idx = 7`,
				`UPDATE entries SET idx = 7 WHERE idx = 8`,
				`UPDATE entries SET idx = 8 WHERE idx = -1`,
			} {
				if err := execSQL(db, q); err != nil {
					return err
				}
			}
			return nil
		}, 7, "says it is entry 8"},
		{"record hash altered", func(db *sql.DB) error {
			return execSQL(db, `UPDATE entries SET hashes = zeroblob(32) || substr(hashes, 33) WHERE idx = 11`)
		}, 11, "record hash"},
		{"inner hash altered", func(db *sql.DB) error {
			// Entry 15 completes subtrees at levels 1, 2, 3 and 4.
			return execSQL(db, `UPDATE entries SET hashes = substr(hashes, 1, 64) || zeroblob(32) || substr(hashes, 97) WHERE idx = 15`)
		}, 15, "level 2"},
		{"blob altered", func(db *sql.DB) error {
			return execSQL(db, `UPDATE blobs SET data = CAST(replace(CAST(data AS TEXT), 'long speech', 'long spEech') AS BLOB)`)
		}, 5, "payload stored apart"},
		{"truncated and re-signed with another key", func(db *sql.DB) error {
			c, err := storedCheckpoint(db, k, 12)
			if err != nil {
				return err
			}
			if err := execSQL(db, `DELETE FROM entries WHERE idx >= 12`); err != nil {
				return err
			}
			if err := execSQL(db, `DELETE FROM checkpoints WHERE size > 12`); err != nil {
				return err
			}
			return resign(db, c, other.signer, true)
		}, 11, "checkpoint for tree size 12"},
		{"all re-signed with another key", func(db *sql.DB) error {
			for size := int64(0); size <= tamperSize; size++ {
				c, err := storedCheckpoint(db, k, size)
				if err != nil {
					return err
				}
				if err := resign(db, c, other.signer, size == tamperSize); err != nil {
					return err
				}
			}
			return nil
		}, 0, "checkpoint for tree size 0"},
		{"checkpoint for a forked tree", func(db *sql.DB) error {
			return resign(db, forked, k.signer, false)
		}, 14, "checkpoint for tree size 15 has root"},
		{"checkpoint deleted from the head", func(db *sql.DB) error {
			return execSQL(db, `DELETE FROM checkpoints WHERE size = 20`)
		}, 19, "latest checkpoint"},
		{"entry added beyond the head", func(db *sql.DB) error {
			return execSQL(db, `INSERT INTO entries SELECT log_id, 20, data, hashes FROM entries WHERE idx = 19`)
		}, 20, "beyond the log's latest checkpoint"},
	}
	// Segments of one entry, of two (entry 15's hashes above level 1 are
	// checked across segments) and the default, larger than the log.
	for _, bits := range []int{0, 1, 13} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/segments of %d", tt.name, 1<<bits), func(t *testing.T) {
				defer ledger.SetSegmentBits(bits)()
				path := buildLog(t, k)
				tamper(t, path, tt.change)
				_, err := audit(t, path, k.verifier, ledger.AuditOptions{})
				var ae *ledger.AuditError
				if !errors.As(err, &ae) {
					t.Fatalf("Audit = %v, want *AuditError", err)
				}
				if ae.Origin != origin || ae.Index != tt.index || !strings.Contains(ae.Reason, tt.reason) {
					t.Fatalf("Audit = %v; want entry %d, reason containing %q", ae, tt.index, tt.reason)
				}
			})
		}
	}

	t.Run("untouched", func(t *testing.T) {
		path := buildLog(t, k)
		var progress int64
		rep, err := audit(t, path, k.verifier, ledger.AuditOptions{Progress: func(done, total int64) { progress = done }})
		if err != nil {
			t.Fatal(err)
		}
		l := rep.Logs[0]
		if l.Size != tamperSize || l.Checkpoints != tamperSize+1 || l.Blobs != 1 || progress != tamperSize {
			t.Fatalf("report %+v, progress %d", l, progress)
		}
	})
	t.Run("wrong key", func(t *testing.T) {
		path := buildLog(t, k)
		_, err := audit(t, path, other.verifier, ledger.AuditOptions{})
		var ae *ledger.AuditError
		if !errors.As(err, &ae) || ae.Index != 0 {
			t.Fatalf("Audit with another key = %v", err)
		}
	})
	t.Run("replay failure", func(t *testing.T) {
		path := buildLog(t, k)
		var replayed []int64
		_, err := audit(t, path, k.verifier, ledger.AuditOptions{Replay: func(o string, e ledger.Entry) error {
			replayed = append(replayed, e.Index)
			if e.Index == 5 && !strings.Contains(string(e.Payload), "long speech") {
				return errors.New("payload stored apart was not resolved")
			}
			if e.Index == 13 {
				return errors.New("motion put to the vote twice")
			}
			return nil
		}})
		var ae *ledger.AuditError
		if !errors.As(err, &ae) || ae.Index != 13 || !strings.Contains(ae.Reason, "twice") || len(replayed) != 14 {
			t.Fatalf("Audit = %v after replaying %v", err, replayed)
		}
	})
	t.Run("decode and apply", func(t *testing.T) {
		for _, bits := range []int{1, 13} {
			defer ledger.SetSegmentBits(bits)()
			path := buildLog(t, k)
			var mu sync.Mutex
			decoded := map[int64]bool{}
			decode := func(o string, e ledger.Entry) (any, error) {
				mu.Lock()
				decoded[e.Index] = true
				mu.Unlock()
				if e.Index == 13 {
					return nil, errors.New("no such event type")
				}
				return len(e.Payload), nil
			}
			var applied []int64
			apply := func(o string, e ledger.Entry, v any) error {
				if v != len(e.Payload) {
					return fmt.Errorf("entry %d: decoded %v, payload of %d bytes", e.Index, v, len(e.Payload))
				}
				if e.Index == 5 && !strings.Contains(string(e.Payload), "long speech") {
					return errors.New("payload stored apart was not resolved")
				}
				applied = append(applied, e.Index)
				return nil
			}
			_, err := audit(t, path, k.verifier, ledger.AuditOptions{Decode: decode, Apply: apply})
			var ae *ledger.AuditError
			if !errors.As(err, &ae) || ae.Index != 13 || !strings.Contains(ae.Reason, "no such event type") || len(applied) != 13 || !decoded[5] {
				t.Fatalf("segments of %d: Audit = %v after applying %v", 1<<bits, err, applied)
			}
			for i, x := range applied {
				if x != int64(i) {
					t.Fatalf("segments of %d: applied out of order: %v", 1<<bits, applied)
				}
			}
		}
	})
}
