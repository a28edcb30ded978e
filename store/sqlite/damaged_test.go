package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/sqlite"
)

// TestDamagedFile: a database file cut short (a failing disk, a copy
// that stopped half-way), to nothing (which SQLite would take for a new
// database), or overwritten at its start is refused by Open,
// OpenDB and OpenReadOnly with an error that says the file is damaged and
// what to do — not that it is not a plenum database — and is left as it
// was.
func TestDamagedFile(t *testing.T) {
	ctx := context.Background()
	damage := map[string]func(t *testing.T, path string){
		"cut to nothing": func(t *testing.T, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		},
		"cut to half its size": func(t *testing.T, path string) {
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		},
		"its first page overwritten": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt(bytes.Repeat([]byte{0xa5}, 4096), 0); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, change := range damage {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plenum.db")
			const o = "example.org/log/a"
			st := openWithLog(t, path, o)
			for i := range int64(500) {
				d := fmt.Appendf(nil, "entry %d %0200d", i, i)
				rec := ledger.Record{Index: i, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d)}}
				if err := st.AppendBatch(ctx, o, &ledger.Batch{First: i, Records: []ledger.Record{rec}, Checkpoint: fmt.Appendf(nil, "cp%d", i+1)}); err != nil {
					t.Fatal(err)
				}
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			change(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, err error) {
				t.Helper()
				if err == nil {
					t.Fatalf("%s of a damaged database succeeded", what)
				}
				if msg := err.Error(); !strings.Contains(msg, path+" is damaged") || !strings.Contains(msg, "restore it from a copy") || strings.Contains(msg, "not a plenum database") {
					t.Fatalf("%s of a damaged database: %v; want it to say the file is damaged, and to restore it from a copy", what, err)
				}
			}
			s, err := sqlite.Open(path)
			if err == nil {
				s.Close()
			}
			check("Open", err)
			w, r, err := sqlite.OpenDB(path)
			if err == nil {
				w.Close()
				r.Close()
			}
			check("OpenDB", err)
			s, err = sqlite.OpenReadOnly(path)
			if err == nil {
				s.Close()
			}
			check("OpenReadOnly", err)
			if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, before) {
				t.Fatalf("the damaged database was changed (%v)", err)
			}
		})
	}
}
