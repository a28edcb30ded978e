package ledger

import (
	"context"

	"golang.org/x/mod/sumdb/tlog"
)

// scanChunk is how many records scanAhead hands over at a time.
const scanChunk = 1024

// scanAhead is st.ScanRecords with the reading done in a goroutine of its
// own, a few chunks ahead, so that reading the store and checking records
// (decoding, hashing) run on two cores at once. fn may keep the records.
func scanAhead(ctx context.Context, st Store, origin string, start, end int64, fn func(Record) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan []Record, 4)
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		var (
			buf   []Record
			slab  []byte
			hslab []tlog.Hash
		)
		send := func() error {
			if len(buf) == 0 {
				return nil
			}
			select {
			case ch <- buf:
				buf = nil
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := st.ScanRecords(ctx, origin, start, end, func(r Record) error {
			if buf == nil {
				buf = make([]Record, 0, scanChunk)
			}
			if cap(slab)-len(slab) < len(r.Data) {
				slab = make([]byte, 0, max(256<<10, len(r.Data)))
			}
			if cap(hslab)-len(hslab) < len(r.Hashes) {
				hslab = make([]tlog.Hash, 0, 4*scanChunk)
			}
			slab = append(slab, r.Data...)
			data := slab[len(slab)-len(r.Data) : len(slab) : len(slab)]
			var hashes []tlog.Hash
			if r.Hashes != nil {
				hslab = append(hslab, r.Hashes...)
				hashes = hslab[len(hslab)-len(r.Hashes) : len(hslab) : len(hslab)]
			}
			buf = append(buf, Record{Index: r.Index, Data: data, Hashes: hashes})
			if len(buf) == scanChunk {
				return send()
			}
			return nil
		})
		if err == nil {
			err = send()
		}
		errc <- err
	}()
	for recs := range ch {
		for _, r := range recs {
			if err := fn(r); err != nil {
				cancel()
				for range ch {
				}
				<-errc
				return err
			}
		}
	}
	return <-errc
}
