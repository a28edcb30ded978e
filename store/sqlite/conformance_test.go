package sqlite_test

import (
	"path/filepath"
	"sync"
	"testing"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/store/storetest"
)

// TestConformance runs the ledger.Store conformance suite on a fresh
// database file per test. One Store writes a SQLite database (Open locks
// it), so the suite's second store on a database is the first again.
func TestConformance(t *testing.T) {
	var (
		mu   sync.Mutex
		open = map[string]ledger.Store{}
	)
	storetest.Run(t, storetest.PerTest(
		func(t *testing.T) string { return filepath.Join(t.TempDir(), "plenum.db") },
		func(t *testing.T, path string) ledger.Store {
			mu.Lock()
			defer mu.Unlock()
			if st, ok := open[path]; ok {
				return st
			}
			st := openConformance(t, path)
			open[path] = st
			t.Cleanup(func() {
				mu.Lock()
				delete(open, path)
				mu.Unlock()
			})
			return st
		},
	))
}

func openConformance(t testing.TB, path string) ledger.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkConformanceAppendBatch appends batches of 1,000 records, for
// comparison with store/postgres's BenchmarkAppendBatch.
func BenchmarkConformanceAppendBatch(b *testing.B) {
	storetest.BenchmarkAppendBatch(b, openConformance(b, filepath.Join(b.TempDir(), "plenum.db")), 1000)
}

// BenchmarkConformanceScanRecords reads a log of 100,000 records, for
// comparison with store/postgres's BenchmarkScanRecords.
func BenchmarkConformanceScanRecords(b *testing.B) {
	storetest.BenchmarkScanRecords(b, openConformance(b, filepath.Join(b.TempDir(), "plenum.db")), 100000)
}
