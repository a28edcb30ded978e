package storetest

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// benchRecords returns n records from index first the size of typical
// entries: about 200 bytes, with the two stored hashes an entry has on
// average. The hashes are not a real tree's; a store does not check them.
func benchRecords(first int64, n int) []ledger.Record {
	recs := make([]ledger.Record, n)
	for i := range recs {
		idx := first + int64(i)
		d := fmt.Appendf(make([]byte, 0, 200), `{"index":%d,"time":"2026-11-26T01:30:00.123456789Z","actor":"delegate-%d","type":"vote.cast","payload":{"motion":"m-17","vote":"for"}}`, idx, idx%10000)
		for len(d) < 200 {
			d = append(d, ' ')
		}
		recs[i] = ledger.Record{Index: idx, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d), {byte(idx)}}}
	}
	return recs
}

// BenchmarkAppendBatch measures AppendBatch of batches of perBatch
// records to one log of st, and reports records per second.
func BenchmarkAppendBatch(b *testing.B, st ledger.Store, perBatch int) {
	ctx := context.Background()
	origin := fmt.Sprintf("bench.example/log/append-%d-%d", perBatch, b.N)
	if err := st.CreateLog(ctx, origin, []byte("checkpoint 0")); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var size int64
	for range b.N {
		b.StopTimer()
		batch := &ledger.Batch{First: size, Records: benchRecords(size, perBatch)}
		size += int64(perBatch)
		batch.Checkpoint = fmt.Appendf(nil, "checkpoint %d", size)
		b.StartTimer()
		if err := st.AppendBatch(ctx, origin, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkScanRecords measures ScanRecords over a log of n records, the
// read behind replay at start-up, and reports records per second.
func BenchmarkScanRecords(b *testing.B, st ledger.Store, n int) {
	ctx := context.Background()
	origin := fmt.Sprintf("bench.example/log/scan-%d", n)
	if err := st.CreateLog(ctx, origin, []byte("checkpoint 0")); err != nil {
		b.Fatal(err)
	}
	for first := 0; first < n; first += 5000 {
		k := min(5000, n-first)
		batch := &ledger.Batch{First: int64(first), Records: benchRecords(int64(first), k), Checkpoint: fmt.Appendf(nil, "checkpoint %d", first+k)}
		if err := st.AppendBatch(ctx, origin, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		var seen int
		err := st.ScanRecords(ctx, origin, 0, int64(n), func(r ledger.Record) error {
			seen += len(r.Data)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if seen != 200*n {
			b.Fatalf("scanned %d bytes, want %d", seen, 200*n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	// CPU time per record does not depend on what else runs on the
	// machine (for PostgreSQL it leaves out the server's).
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/(float64(n)*float64(b.N)), "cpu-ns/record")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
