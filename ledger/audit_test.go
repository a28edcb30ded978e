package ledger_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite"

	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

const tamperSize = 20

// backend is a store the tamper tests run on, with direct access to its
// database, as an operator with access to the disk or the server has.
type backend struct {
	name  string
	fresh func(t *testing.T) string // a new database, empty
	open  func(t *testing.T, db string) ledger.Store
	sql   func(t *testing.T, db string) *tamperDB
}

// tamperDB runs SQL on a store's database. Queries are written with ?
// placeholders and the helpers below for what the dialects write
// differently.
type tamperDB struct {
	pg    bool
	exec  func(q string, args ...any) error
	bytes func(q string, args ...any) ([]byte, error)
}

// zeros is an expression for n zero bytes.
func (d *tamperDB) zeros(n int) string {
	if d.pg {
		return fmt.Sprintf("decode(repeat('00', %d), 'hex')", n)
	}
	return fmt.Sprintf("zeroblob(%d)", n)
}

// substr is an expression for the bytes of col from the 1-based from, n
// of them, or all to the end if n < 0.
func (d *tamperDB) substr(col string, from, n int) string {
	switch {
	case d.pg && n < 0:
		return fmt.Sprintf("substring(%s from %d)", col, from)
	case d.pg:
		return fmt.Sprintf("substring(%s from %d for %d)", col, from, n)
	case n < 0:
		return fmt.Sprintf("substr(%s, %d)", col, from)
	}
	return fmt.Sprintf("substr(%s, %d, %d)", col, from, n)
}

// replace is an expression for the bytes of col, as UTF-8 text, with old
// replaced by new.
func (d *tamperDB) replace(col, old, new string) string {
	if d.pg {
		return fmt.Sprintf("convert_to(replace(convert_from(%s, 'UTF8'), '%s', '%s'), 'UTF8')", col, old, new)
	}
	return fmt.Sprintf("CAST(replace(CAST(%s AS TEXT), '%s', '%s') AS BLOB)", col, old, new)
}

func sqliteBackend() backend {
	return backend{
		name:  "sqlite",
		fresh: func(t *testing.T) string { return filepath.Join(t.TempDir(), "plenum.db") },
		open:  func(t *testing.T, path string) ledger.Store { return openStore(t, path) },
		sql: func(t *testing.T, path string) *tamperDB {
			db, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return &tamperDB{
				exec: func(q string, args ...any) error { _, err := db.Exec(q, args...); return err },
				bytes: func(q string, args ...any) (b []byte, err error) {
					err = db.QueryRow(q, args...).Scan(&b)
					return b, err
				},
			}
		},
	}
}

func postgresBackend() backend {
	return backend{
		name:  "postgres",
		fresh: func(t *testing.T) string { return pgtest.Fresh(t) },
		open: func(t *testing.T, dsn string) ledger.Store {
			st, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		},
		sql: func(t *testing.T, dsn string) *tamperDB {
			ctx := context.Background()
			c, err := pgx.Connect(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.Close(ctx) })
			// ? → $1, $2, …
			numbered := func(q string) string {
				var b strings.Builder
				n := 0
				for _, r := range q {
					if r == '?' {
						n++
						fmt.Fprintf(&b, "$%d", n)
						continue
					}
					b.WriteRune(r)
				}
				return b.String()
			}
			return &tamperDB{
				pg:   true,
				exec: func(q string, args ...any) error { _, err := c.Exec(ctx, numbered(q), args...); return err },
				bytes: func(q string, args ...any) (b []byte, err error) {
					err = c.QueryRow(ctx, numbered(q), args...).Scan(&b)
					return b, err
				},
			}
		},
	}
}

// backends returns the stores the tamper tests run on: SQLite, and
// PostgreSQL where a server is at hand (see pgtest).
func backends(t *testing.T) []backend {
	bs := []backend{sqliteBackend()}
	if pgtest.Available() {
		bs = append(bs, postgresBackend())
	} else if os.Getenv("PLENUM_REQUIRE_POSTGRES") == "1" {
		pgtest.Server(t) // fails the test, saying why
	} else {
		t.Log("PostgreSQL unreachable: tamper tests on SQLite only (PLENUM_REQUIRE_POSTGRES=1 makes that a failure)")
	}
	return bs
}

// buildLog writes a log of tamperSize entries to a new database of be,
// one batch (and so one checkpoint) per entry, entry 5 with a payload
// stored apart, and closes it.
func buildLog(t *testing.T, k keys, be backend) string {
	t.Helper()
	ctx := context.Background()
	db := be.fresh(t)
	st := be.open(t, db)
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
	return db
}

func audit(t *testing.T, be backend, db string, v note.Verifier, opts ledger.AuditOptions) (*ledger.AuditReport, error) {
	t.Helper()
	st := be.open(t, db)
	return ledger.Audit(context.Background(), st, note.VerifierList(v), opts)
}

// resign replaces the checkpoint stored for size (and the head, if it is
// the head) by c signed with signer.
func resign(db *tamperDB, c ledger.Checkpoint, signer note.Signer, head bool) error {
	signed, err := ledger.SignCheckpoint(c, signer)
	if err != nil {
		return err
	}
	if err := db.exec(`UPDATE checkpoints SET data = ? WHERE size = ?`, signed, c.Size); err != nil {
		return err
	}
	if head {
		return db.exec(`UPDATE logs SET checkpoint = ?, size = ?`, signed, c.Size)
	}
	return nil
}

func storedCheckpoint(db *tamperDB, k keys, size int64) (ledger.Checkpoint, error) {
	signed, err := db.bytes(`SELECT data FROM checkpoints WHERE size = ?`, size)
	if err != nil {
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

	// edit changes entry i's payload text "point i" to "point i+1".
	edit := func(db *tamperDB, i int) error {
		return db.exec(`UPDATE entries SET data = `+db.replace("data", fmt.Sprintf(`point %d"`, i), fmt.Sprintf(`point %d"`, i+1))+` WHERE idx = ?`, i)
	}
	// swap exchanges the places of entries i and j.
	swap := func(db *tamperDB, i, j int) error {
		for _, q := range []struct{ from, to int }{{i, -1}, {j, i}, {-1, j}} {
			if err := db.exec(`UPDATE entries SET idx = ? WHERE idx = ?`, q.to, q.from); err != nil {
				return err
			}
		}
		return nil
	}
	tests := []struct {
		name   string
		change func(db *tamperDB) error
		index  int64
		reason string
	}{
		{"payload byte flipped", func(db *tamperDB) error { return edit(db, 7) }, 7, "record hash"},
		{"two entries edited, in different segments", func(db *tamperDB) error {
			if err := edit(db, 17); err != nil {
				return err
			}
			return edit(db, 3)
		}, 3, "record hash"},
		{"entry edited and its stored hash recomputed", func(db *tamperDB) error {
			// Entry 6 completes no subtree: only its record hash is
			// stored with it. The tree's next checkpoint (7) says
			// otherwise, and entry 7's stored hash of 6 and 7 too.
			data, err := db.bytes(`SELECT data FROM entries WHERE idx = 6`)
			if err != nil {
				return err
			}
			data = bytes.Replace(data, []byte(`point 6"`), []byte(`point 5"`), 1)
			h := tlog.RecordHash(data)
			return db.exec(`UPDATE entries SET data = ?, hashes = ? WHERE idx = 6`, data, h[:])
		}, 6, "checkpoint for tree size 7 has root"},
		{"entry deleted", func(db *tamperDB) error {
			return db.exec(`DELETE FROM entries WHERE idx = 7`)
		}, 7, "missing"},
		{"last entry deleted", func(db *tamperDB) error {
			return db.exec(`DELETE FROM entries WHERE idx = 19`)
		}, 19, "missing"},
		{"log truncated, head kept", func(db *tamperDB) error {
			return db.exec(`DELETE FROM entries WHERE idx >= 12`)
		}, 12, "the log's head says 20 entries"},
		{"two entries swapped", func(db *tamperDB) error { return swap(db, 7, 8) }, 7, "says it is entry 8"},
		{"entries reordered across segments", func(db *tamperDB) error { return swap(db, 3, 14) }, 3, "says it is entry 14"},
		{"record hash altered", func(db *tamperDB) error {
			return db.exec(`UPDATE entries SET hashes = ` + db.zeros(32) + ` || ` + db.substr("hashes", 33, -1) + ` WHERE idx = 11`)
		}, 11, "record hash"},
		{"inner hash altered", func(db *tamperDB) error {
			// Entry 15 completes subtrees at levels 1, 2, 3 and 4.
			return db.exec(`UPDATE entries SET hashes = ` + db.substr("hashes", 1, 64) + ` || ` + db.zeros(32) + ` || ` + db.substr("hashes", 97, -1) + ` WHERE idx = 15`)
		}, 15, "level 2"},
		{"blob altered", func(db *tamperDB) error {
			return db.exec(`UPDATE blobs SET data = ` + db.replace("data", "long speech", "long spEech"))
		}, 5, "payload stored apart"},
		{"truncated and re-signed with another key", func(db *tamperDB) error {
			c, err := storedCheckpoint(db, k, 12)
			if err != nil {
				return err
			}
			if err := db.exec(`DELETE FROM entries WHERE idx >= 12`); err != nil {
				return err
			}
			if err := db.exec(`DELETE FROM checkpoints WHERE size > 12`); err != nil {
				return err
			}
			return resign(db, c, other.signer, true)
		}, 11, "checkpoint for tree size 12"},
		{"all re-signed with another key", func(db *tamperDB) error {
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
		{"checkpoint signature altered", func(db *tamperDB) error {
			signed, err := db.bytes(`SELECT data FROM checkpoints WHERE size = 10`)
			if err != nil {
				return err
			}
			// A character in the middle of the signature's base64.
			i := len(signed) - 30
			if signed[i] == 'A' {
				signed[i] = 'B'
			} else {
				signed[i] = 'A'
			}
			return db.exec(`UPDATE checkpoints SET data = ? WHERE size = 10`, signed)
		}, 9, "checkpoint for tree size 10"},
		{"checkpoint for a forked tree", func(db *tamperDB) error {
			return resign(db, forked, k.signer, false)
		}, 14, "checkpoint for tree size 15 has root"},
		{"checkpoint deleted from the head", func(db *tamperDB) error {
			return db.exec(`DELETE FROM checkpoints WHERE size = 20`)
		}, 19, "latest checkpoint"},
		{"checkpoint stored under another size", func(db *tamperDB) error {
			if err := db.exec(`DELETE FROM checkpoints WHERE size = 11`); err != nil {
				return err
			}
			return db.exec(`UPDATE checkpoints SET size = 11 WHERE size = 10`)
		}, 9, "checkpoint stored for tree size 11 says size 10"},
		{"head's checkpoint replaced by an earlier one", func(db *tamperDB) error {
			return db.exec(`UPDATE logs SET checkpoint = (SELECT data FROM checkpoints WHERE size = 12)`)
		}, 20, "latest checkpoint (tree size 20) is not among"},
		{"head's checkpoint not signed", func(db *tamperDB) error {
			c, err := storedCheckpoint(db, k, tamperSize)
			if err != nil {
				return err
			}
			return db.exec(`UPDATE logs SET checkpoint = ?`, c.Text())
		}, 20, "latest checkpoint (tree size 20) is not among"},
		{"blob deleted", func(db *tamperDB) error {
			return db.exec(`DELETE FROM blobs`)
		}, 5, "payload stored apart"},
		{"entry added beyond the head", func(db *tamperDB) error {
			return db.exec(`INSERT INTO entries SELECT log_id, 20, data, hashes FROM entries WHERE idx = 19`)
		}, 20, "beyond the log's latest checkpoint"},
	}
	for _, be := range backends(t) {
		for _, tt := range tests {
			t.Run(be.name+"/"+tt.name, func(t *testing.T) {
				db := buildLog(t, k, be)
				if err := tt.change(be.sql(t, db)); err != nil {
					t.Fatal(err)
				}
				// Segments of one entry, of two (entry 15's hashes above
				// level 1 are checked across segments), of four, and the
				// default, larger than the log. Segments are checked in
				// parallel and the first failure in the log's order is
				// reported, whichever segment's check ends first.
				st := be.open(t, db)
				// Payloads stored apart are read by the segments'
				// scanners, or, past their allowance, in order.
				for _, bits := range []int{0, 1, 2, 13} {
					for _, blobs := range []int64{32 << 20, 0} {
						restore := ledger.SetSegmentBits(bits)
						restoreBlobs := ledger.SetMaxSegmentBlobBytes(blobs)
						_, err := ledger.Audit(context.Background(), st, note.VerifierList(k.verifier), ledger.AuditOptions{})
						restore()
						restoreBlobs()
						var ae *ledger.AuditError
						if !errors.As(err, &ae) {
							t.Fatalf("segments of %d, %d bytes of blobs: Audit = %v, want *AuditError", 1<<bits, blobs, err)
						}
						if ae.Origin != origin || ae.Index != tt.index || !strings.Contains(ae.Reason, tt.reason) {
							t.Fatalf("segments of %d, %d bytes of blobs: Audit = %v; want entry %d, reason containing %q", 1<<bits, blobs, ae, tt.index, tt.reason)
						}
					}
				}
			})
		}
	}

	be := sqliteBackend()
	t.Run("untouched", func(t *testing.T) {
		for _, be := range backends(t) {
			path := buildLog(t, k, be)
			var progress int64
			rep, err := audit(t, be, path, k.verifier, ledger.AuditOptions{Progress: func(done, total int64) { progress = done }})
			if err != nil {
				t.Fatal(err)
			}
			l := rep.Logs[0]
			if l.Size != tamperSize || l.Checkpoints != tamperSize+1 || l.Blobs != 1 || progress != tamperSize {
				t.Fatalf("%s: report %+v, progress %d", be.name, l, progress)
			}
		}
	})
	t.Run("wrong key", func(t *testing.T) {
		path := buildLog(t, k, be)
		_, err := audit(t, be, path, other.verifier, ledger.AuditOptions{})
		var ae *ledger.AuditError
		if !errors.As(err, &ae) || ae.Index != 0 {
			t.Fatalf("Audit with another key = %v", err)
		}
	})
	t.Run("replay failure", func(t *testing.T) {
		path := buildLog(t, k, be)
		var replayed []int64
		_, err := audit(t, be, path, k.verifier, ledger.AuditOptions{Replay: func(o string, e ledger.Entry) error {
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
			// Entry 5's payload stored apart is decoded in order.
			defer ledger.SetMaxSegmentBlobBytes(map[int]int64{1: 0, 13: 32 << 20}[bits])()
			path := buildLog(t, k, be)
			var mu sync.Mutex
			decoded := map[int64]bool{}
			decode := func(o string, e ledger.Entry) (any, error) {
				mu.Lock()
				decoded[e.Index] = true
				mu.Unlock()
				if e.Index == 13 {
					return nil, errors.New("no such event type")
				}
				return string(e.Payload), nil // a copy
			}
			var applied []int64
			apply := func(o string, e ledger.Entry, v any) error {
				// The payload is still what Decode saw, though the
				// memory of segments done is used again.
				if v != string(e.Payload) {
					return fmt.Errorf("entry %d: decoded %q, payload now %q", e.Index, v, e.Payload)
				}
				if e.Index == 5 && !strings.Contains(string(e.Payload), "long speech") {
					return errors.New("payload stored apart was not resolved")
				}
				applied = append(applied, e.Index)
				return nil
			}
			_, err := audit(t, be, path, k.verifier, ledger.AuditOptions{Decode: decode, Apply: apply})
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
