package sqlite_test

import (
	"path/filepath"
	"testing"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/store/storetest"
)

// TestConformance runs the ledger.Store conformance suite on a fresh
// database file per test.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.PerTest(
		func(t *testing.T) string { return filepath.Join(t.TempDir(), "plenum.db") },
		func(t *testing.T, path string) ledger.Store { return openConformance(t, path) },
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
