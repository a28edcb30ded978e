package httpapi

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/engine"
)

// leaves reads the leaf hashes of entries for ballot receipts. A thousand
// ballots answered at once would be a thousand reads of one entry each;
// leaves gathers the indexes asked for while a read is under way and reads
// them next as one range, so a batch of ballots costs a read or two.
type leaves struct {
	mu     sync.Mutex
	queues map[*engine.Assembly]*leafQueue
}

type leafQueue struct {
	pending []leafReq
	running bool
}

type leafReq struct {
	index int64
	reply chan leafRes
}

type leafRes struct {
	hash tlog.Hash
	err  error
}

// maxLeafSpan bounds the entries one range read covers.
const maxLeafSpan = 4096

func newLeaves() *leaves { return &leaves{queues: map[*engine.Assembly]*leafQueue{}} }

// leaf returns tlog.RecordHash of the stored bytes of entry index.
func (l *leaves) leaf(ctx context.Context, a *engine.Assembly, index int64) (tlog.Hash, error) {
	ch := make(chan leafRes, 1)
	l.mu.Lock()
	q := l.queues[a]
	if q == nil {
		q = &leafQueue{}
		l.queues[a] = q
	}
	q.pending = append(q.pending, leafReq{index, ch})
	if !q.running {
		q.running = true
		go l.run(a, q)
	}
	l.mu.Unlock()
	select {
	case r := <-ch:
		return r.hash, r.err
	case <-ctx.Done():
		return tlog.Hash{}, ctx.Err()
	}
}

// run serves the queue until it is empty.
func (l *leaves) run(a *engine.Assembly, q *leafQueue) {
	for {
		l.mu.Lock()
		batch := q.pending
		q.pending = nil
		if len(batch) == 0 {
			q.running = false
			delete(l.queues, a)
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		slices.SortFunc(batch, func(x, y leafReq) int { return int(x.index - y.index) })
		for start := 0; start < len(batch); {
			lo := batch[start].index
			end := start
			for end < len(batch) && batch[end].index-lo < maxLeafSpan {
				end++
			}
			hi := batch[end-1].index
			raws, err := a.Log().Raw(context.Background(), lo, hi+1)
			for _, r := range batch[start:end] {
				var res leafRes
				switch {
				case err != nil:
					res.err = fmt.Errorf("reading entry %d for the receipt: %w", r.index, err)
				default:
					res.hash = tlog.RecordHash(raws[r.index-lo])
				}
				r.reply <- res
			}
			start = end
		}
	}
}
