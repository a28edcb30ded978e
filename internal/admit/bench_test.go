package admit

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkGateBurst10000 is the gate in plenum bench vote's burst:
// 10,000 requests at once, each with a context of its own as net/http
// gives it, through a gate of Default with serve's DefaultMaxWait, each
// holding its slot for a moment of work. It reports the process's CPU
// a request (the work's included, the same in every run).
func BenchmarkGateBurst10000(b *testing.B) {
	b.Run("gate", func(b *testing.B) { benchBurst(b, New(Default, DefaultMaxWait)) })
	// The same without a gate: what the goroutines and their work cost.
	b.Run("none", func(b *testing.B) { benchBurst(b, nil) })
}

func benchBurst(b *testing.B, g *Gate) {
	const n = 10000
	var cpu time.Duration
	b.ReportAllocs()
	for range b.N {
		var wg sync.WaitGroup
		start := make(chan struct{})
		wg.Add(n)
		for range n {
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				<-start
				if err := g.Enter(ctx); err != nil {
					b.Error(err)
					return
				}
				time.Sleep(2 * time.Millisecond) // the slot held, as a ballot holds it until its batch is durable
				g.Leave()
			}()
		}
		time.Sleep(10 * time.Millisecond)
		cpu0 := cpuTime()
		close(start)
		wg.Wait()
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n*b.N)/1e3, "cpu-µs/req")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
