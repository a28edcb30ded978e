package ledger_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/store/sqlite"
)

// countingStore counts the batches (transactions, syncs) a Log commits.
type countingStore struct {
	ledger.Store
	batches atomic.Int64
	nanos   atomic.Int64
}

func (c *countingStore) AppendBatch(ctx context.Context, origin string, b *ledger.Batch) error {
	c.batches.Add(1)
	t0 := time.Now()
	defer func() { c.nanos.Add(int64(time.Since(t0))) }()
	return c.Store.AppendBatch(ctx, origin, b)
}

// batcher is the benchmark's group commit, as package engine's writer
// does it for an assembly: appenders queue their entries, and one
// goroutine appends everything queued in one AppendBatch (one
// transaction, one sync) and answers them.
type batcher struct {
	l    *ledger.Log
	reqs chan batchReq
}

type batchReq struct {
	e     ledger.Entry
	reply chan error
}

// maxBenchBatch is the most entries one batch takes (the engine's limit).
const maxBenchBatch = 4096

// run serves the queue until it is closed.
func (b *batcher) run() {
	for r := range b.reqs {
		batch := []batchReq{r}
	drain:
		for len(batch) < maxBenchBatch {
			select {
			case r, ok := <-b.reqs:
				if !ok {
					break drain
				}
				batch = append(batch, r)
			default:
				break drain
			}
		}
		es := make([]ledger.Entry, len(batch))
		for i, r := range batch {
			es[i] = r.e
		}
		_, err := b.l.AppendBatch(context.Background(), es, nil)
		for _, r := range batch {
			r.reply <- err
		}
	}
}

func (b *batcher) append(e ledger.Entry) error {
	r := batchReq{e: e, reply: make(chan error, 1)}
	b.reqs <- r
	return <-r.reply
}

// BenchmarkAppendDurable measures durable appends of one vote-sized entry
// by many concurrent appenders, grouped into batches by one writer as the
// engine groups an assembly's commands: entries/s, time to
// acknowledgement, and entries per batch (one transaction and one sync
// each).
func BenchmarkAppendDurable(b *testing.B) {
	for _, appenders := range []int{1, 64, 1024} {
		b.Run(fmt.Sprintf("appenders=%d", appenders), func(b *testing.B) {
			k := newKeys(b, "plenum.localhost")
			cs := &countingStore{Store: openStore(b, filepath.Join(b.TempDir(), "bench.db"))}
			bt := &batcher{l: openLog(b, cs, origin, k), reqs: make(chan batchReq, maxBenchBatch)}
			go bt.run()
			defer close(bt.reqs)
			payload := json.RawMessage(`{"ballot":"b-2026-04","mandate":"m-0417","choice":"for"}`)
			var next atomic.Int64
			lat := make([][]time.Duration, appenders)
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for a := range appenders {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= int64(b.N) {
						t0 := time.Now()
						if err := bt.append(ledger.Entry{Actor: "delegate", Type: "ballot.cast", Payload: payload}); err != nil {
							b.Error(err)
							return
						}
						lat[a] = append(lat[a], time.Since(t0))
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			all := slices.Concat(lat...)
			slices.Sort(all)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "entries/s")
			b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(b.N)/float64(cs.batches.Load()), "entries/batch")
			b.ReportMetric(float64(cs.nanos.Load())/float64(cs.batches.Load())/1e3, "µs/commit")
		})
	}
}

const auditBenchSize = 1_000_000

var auditBench struct {
	once sync.Once
	path string
	keep bool // the database is PLENUM_AUDIT_DB's, kept after the run
	k    keys
	err  error
}

// BenchmarkAudit audits a log of a million entries. Set PLENUM_AUDIT_DB
// to a path to keep the built database between runs (its signer key is
// kept beside it), so that a profile shows the audit alone.
func BenchmarkAudit(b *testing.B) {
	auditBench.once.Do(func() {
		auditBench.path = os.Getenv("PLENUM_AUDIT_DB")
		if auditBench.path != "" {
			auditBench.keep = true
			if skey, err := os.ReadFile(auditBench.path + ".key"); err == nil {
				auditBench.k, auditBench.err = keysOf(string(skey))
				return
			}
		} else {
			dir, err := osMkdirTemp()
			if err != nil {
				auditBench.err = err
				return
			}
			auditBench.path = filepath.Join(dir, "audit.db")
		}
		skey, _, err := ledger.GenerateKey("plenum.localhost")
		if err != nil {
			auditBench.err = err
			return
		}
		if auditBench.k, err = keysOf(skey); err != nil {
			auditBench.err = err
			return
		}
		auditBench.err = buildAuditBench(auditBench.path, auditBench.k)
		if auditBench.err == nil && auditBench.keep {
			auditBench.err = os.WriteFile(auditBench.path+".key", []byte(skey), 0o600)
		}
	})
	if auditBench.err != nil {
		b.Fatal(auditBench.err)
	}
	// plenum verify audits a database read-only, beside its writer.
	st, err := sqlite.OpenReadOnly(auditBench.path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	cpu0 := cpuTime()
	start := time.Now()
	for range b.N {
		rep, err := ledger.Audit(context.Background(), st, note.VerifierList(auditBench.k.verifier), ledger.AuditOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Entries() != auditBenchSize {
			b.Fatalf("audited %d entries", rep.Entries())
		}
	}
	b.ReportMetric(float64(b.N*auditBenchSize)/time.Since(start).Seconds(), "entries/s")
	// CPU time per entry does not depend on what else runs on the machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*auditBenchSize), "cpu-ns/entry")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// osMkdirTemp makes a directory for the audit benchmark's database that
// outlives one benchmark run (b.TempDir would be removed in between).
func osMkdirTemp() (string, error) { return os.MkdirTemp("", "plenum-audit-bench-") }

// keysOf returns the keys of a signer key.
func keysOf(skey string) (keys, error) {
	vkey, err := ledger.VerifierKey(skey)
	if err != nil {
		return keys{}, err
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		return keys{}, err
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return keys{}, err
	}
	return keys{s, vkey, v}, nil
}

// buildAuditBench writes the audit benchmark's log of auditBenchSize
// entries at path, and closes it, so that its lock is free for the next
// benchmark run's set-up check.
func buildAuditBench(path string, k keys) error {
	st, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := ledger.Open(context.Background(), st, origin, k.signer)
	if err != nil {
		return err
	}
	defer l.Close()
	es := make([]ledger.Entry, 8000)
	for done := 0; done < auditBenchSize; done += len(es) {
		for i := range es {
			es[i] = ledger.Entry{Actor: fmt.Sprintf("delegate-%d", (done+i)%997), Type: "speech.noted",
				Payload: json.RawMessage(fmt.Sprintf(`{"sitting":3,"speaker":"m-%d","note":"Comrades, the question of the war is the question of power."}`, done+i))}
		}
		if _, err := l.Append(context.Background(), es...); err != nil {
			return err
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if auditBench.path != "" && !auditBench.keep {
		os.RemoveAll(filepath.Dir(auditBench.path))
	}
	os.Exit(code)
}

// BenchmarkFollowGrowth measures a follower's cost of one growth of the
// log by 1,000 entries (appended by a writer on the same SQLite store,
// outside the timing): "follow-then-read" is Follow and then Read of the
// new entries (the follower before FollowEntries: two scans, the second
// unchecked), "follow-entries" is FollowEntries (one scan).
func BenchmarkFollowGrowth(b *testing.B) {
	const growth = 1000
	for _, mode := range []string{"follow-then-read", "follow-entries"} {
		b.Run(mode, func(b *testing.B) {
			ctx := context.Background()
			k := newKeys(b, "plenum.localhost")
			vs := note.VerifierList(k.verifier)
			st := openStore(b, filepath.Join(b.TempDir(), "follow.db"))
			writer := openLog(b, st, origin, k)
			follower := openLog(b, st, origin, k)
			es := make([]ledger.Entry, growth)
			var cpu time.Duration
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				for j := range es {
					es[j] = entry(i*growth + j)
				}
				if _, err := writer.Append(ctx, es...); err != nil {
					b.Fatal(err)
				}
				cpu0 := cpuTime()
				b.StartTimer()
				var n int
				switch mode {
				case "follow-then-read":
					from, to, err := follower.Follow(ctx, vs)
					if err != nil {
						b.Fatal(err)
					}
					got, err := follower.Read(ctx, from, to)
					if err != nil {
						b.Fatal(err)
					}
					n = len(got)
				default:
					_, got, _, err := follower.FollowEntries(ctx, vs, 0)
					if err != nil {
						b.Fatal(err)
					}
					n = len(got)
				}
				b.StopTimer()
				cpu += cpuTime() - cpu0
				if n != growth {
					b.Fatalf("followed %d entries", n)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// discardStore takes every batch without writing it.
type discardStore struct{ ledger.Store }

func (discardStore) AppendBatch(context.Context, string, *ledger.Batch) error { return nil }

// BenchmarkLogBatch250 is the Log's own work on a batch of 250
// ballot-sized entries (validating, encoding, hashing, signing: prepare
// and batch), the store's taken out: a batch of a ballot burst as the
// engine's writer appends it.
func BenchmarkLogBatch250(b *testing.B) {
	k := newKeys(b, "plenum.localhost")
	l := openLog(b, discardStore{openStore(b, filepath.Join(b.TempDir(), "bench.db"))}, origin, k)
	entries := make([]ledger.Entry, 250)
	for i := range entries {
		entries[i] = ledger.Entry{Actor: fmt.Sprintf("d%d", i), Type: "ballot_cast", Payload: json.RawMessage(fmt.Sprintf(`{"meta":{"assembly":"coop","actor":"d%d","at":"2026-12-04T21:30:00.123456789Z","key":"d%d/ballot-b1","req":"0123456789abcdef0123456789abcdef"},"vote":"b1","voter":"d%d","right":"md%d","choice":"against","weight":1}`, i, i, i, i))}
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := l.AppendBatch(context.Background(), entries, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(entries)), "cpu-ns/entry")
}
