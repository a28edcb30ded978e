package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// BenchmarkAppendBatchCPU appends batches the size of a ballot burst's
// (about 250 entries of a ballot's size, two hashes each) and reports the
// CPU a record (the process's, user and system, the sync's included):
// the store's share of the engine writer's work a ballot, which wall
// time on a shared machine hides behind the sync.
func BenchmarkAppendBatchCPU(b *testing.B) {
	for _, per := range []int{250, 1000} {
		b.Run(fmt.Sprint(per), func(b *testing.B) {
			st := openConformance(b, filepath.Join(b.TempDir(), "plenum.db"))
			ctx := context.Background()
			const origin = "bench.example/log/cpu"
			if err := st.CreateLog(ctx, origin, []byte("checkpoint 0")); err != nil {
				b.Fatal(err)
			}
			batches := make([]*ledger.Batch, b.N)
			var size int64
			for i := range batches {
				recs := make([]ledger.Record, per)
				for j := range recs {
					idx := size + int64(j)
					d := fmt.Appendf(make([]byte, 0, 360), `{"index":%d,"time":"2026-12-04T21:30:00.123456789Z","actor":"d%d","type":"ballot_cast","payload":{"meta":{"assembly":"coop","actor":"d%d","at":"2026-12-04T21:30:00.123456789Z","key":"d%d/ballot-b1","req":"0123456789abcdef0123456789abcdef"},"vote":"b1","voter":"d%d","right":"d%d","choice":"for","weight":1}}`, idx, idx, idx, idx, idx, idx)
					recs[j] = ledger.Record{Index: idx, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d), {byte(idx)}}}
				}
				size += int64(per)
				batches[i] = &ledger.Batch{First: size - int64(per), Records: recs, Checkpoint: fmt.Appendf(nil, "checkpoint %d\n%64d", size, 0)}
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for _, batch := range batches {
				if err := st.AppendBatch(ctx, origin, batch); err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(size), "cpu-µs/record")
		})
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
