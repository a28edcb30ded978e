package ledger

import (
	"context"

	"golang.org/x/mod/sumdb/tlog"
)

// scanChunk is how many records readAhead hands over at a time.
const scanChunk = 1024

// readAhead scans the records in a goroutine, sending them in chunks on
// the returned channel, which is closed at the end; the scan's error is
// then sent on errc. Cancel ctx to stop it early.
func readAhead(ctx context.Context, st Store, origin string, start, end int64) (<-chan []Record, <-chan error) {
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
	return ch, errc
}

// decoded is a record with its entry decoded and its record hash computed.
type decoded struct {
	Record
	entry Entry
	ref   *PayloadRef
	err   error // from DecodeEntry
	hash  tlog.Hash
}

// decodeAhead calls fn for each record with start ≤ index < end, in
// order, like st.ScanRecords, but runs a pipeline: one goroutine reads the
// store a few chunks ahead, a second decodes each entry and computes its
// record hash (the work that does not depend on the records before it),
// and fn checks the chain of hashes. fn may keep the records.
func decodeAhead(ctx context.Context, st Store, origin string, start, end int64, fn func(*decoded) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	raw, errc := readAhead(ctx, st, origin, start, end)
	out := make(chan []decoded, 4)
	go func() {
		defer close(out)
		for recs := range raw {
			ds := make([]decoded, len(recs))
			for i, r := range recs {
				d := &ds[i]
				d.Record = r
				d.entry, d.ref, d.err = DecodeEntry(r.Data)
				d.hash = tlog.RecordHash(r.Data)
			}
			select {
			case out <- ds:
			case <-ctx.Done():
				for range raw {
				}
				return
			}
		}
	}()
	for ds := range out {
		for i := range ds {
			if err := fn(&ds[i]); err != nil {
				cancel()
				for range out {
				}
				<-errc
				return err
			}
		}
	}
	return <-errc
}
