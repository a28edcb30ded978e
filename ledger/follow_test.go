package ledger_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
)

// headOf is a store whose Head of one log is replaced: a store that lies.
type headOf struct {
	ledger.Store
	head func(ledger.Head) ledger.Head
}

func (s *headOf) Head(ctx context.Context, o string) (ledger.Head, error) {
	h, err := s.Store.Head(ctx, o)
	if err != nil {
		return h, err
	}
	return s.head(h), nil
}

func TestFollow(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	vs := note.VerifierList(k.verifier)
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	writer := openLog(t, st, origin, k)
	follower := openLog(t, st, origin, k)
	if _, err := writer.Append(ctx, entry(0), entry(1), entry(2)); err != nil {
		t.Fatal(err)
	}
	from, to, err := follower.Follow(ctx, vs)
	if err != nil || from != 0 || to != 3 {
		t.Fatalf("Follow = %d, %d, %v; want 0, 3", from, to, err)
	}
	if follower.Size() != 3 || string(follower.Checkpoint()) != string(writer.Checkpoint()) {
		t.Fatalf("the follower's head is %d, not the writer's", follower.Size())
	}
	// Nothing new: nothing to do.
	if from, to, err := follower.Follow(ctx, vs); err != nil || from != 3 || to != 3 {
		t.Fatalf("Follow again = %d, %d, %v", from, to, err)
	}
	// The follower, having followed, can append where the writer left off;
	// the writer, behind now, is refused and can follow in turn.
	for i := 3; i < 70; i++ {
		if _, err := follower.Append(ctx, entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	if from, to, err := writer.Follow(ctx, vs); err != nil || from != 3 || to != 70 {
		t.Fatalf("writer Follow = %d, %d, %v", from, to, err)
	}
	if _, err := writer.Append(ctx, entry(70)); err != nil {
		t.Fatal(err)
	}

	// A head signed by another key, or one that does not match the
	// entries, is refused, and the Log is left as it was.
	other := newKeys(t, "plenum.localhost")
	for name, lie := range map[string]func(ledger.Head) ledger.Head{
		"another key": func(h ledger.Head) ledger.Head {
			c, _ := ledger.ParseSignedCheckpoint(h.Checkpoint)
			h.Checkpoint, _ = ledger.SignCheckpoint(c, other.signer)
			return h
		},
		"a checkpoint of a smaller tree": func(h ledger.Head) ledger.Head {
			cps, _ := st.Checkpoints(ctx, origin, 40, 1)
			h.Checkpoint = cps[0].Signed
			return h
		},
		"a shrunk log": func(h ledger.Head) ledger.Head {
			h.Size = 2
			return h
		},
	} {
		t.Run(name, func(t *testing.T) {
			lying := &headOf{Store: st, head: func(h ledger.Head) ledger.Head { return h }}
			l := openLog(t, lying, origin, k)
			if _, err := writer.Append(ctx, entry(100)); err != nil {
				t.Fatal(err)
			}
			size, cp := l.Size(), string(l.Checkpoint())
			lying.head = lie
			if _, _, err := l.Follow(ctx, vs); err == nil {
				t.Fatal("followed a lying head")
			} else if !strings.Contains(err.Error(), origin) {
				t.Errorf("the error does not name the log: %v", err)
			}
			if l.Size() != size || string(l.Checkpoint()) != cp {
				t.Fatalf("the Log changed after a refused Follow: size %d", l.Size())
			}
			lying.head = func(h ledger.Head) ledger.Head { return h }
			if _, to, err := l.Follow(ctx, vs); err != nil || to != writer.Size() {
				t.Fatalf("Follow of the true head = %d, %v", to, err)
			}
		})
	}
}

// alteredScan is a store whose ScanRecords returns the records of a log
// with their bytes changed (a lying or damaged store), while alter is set.
type alteredScan struct {
	ledger.Store
	alter bool
}

func (s *alteredScan) ScanRecords(ctx context.Context, o string, start, end int64, fn func(ledger.Record) error) error {
	return s.Store.ScanRecords(ctx, o, start, end, func(r ledger.Record) error {
		if s.alter {
			r.Data = []byte(strings.Replace(string(r.Data), "Comrades", "Citizens", 1))
		}
		return fn(r)
	})
}

// TestFollowEntries: FollowEntries returns the entries it checked, as
// Read reads them (payloads stored apart too), in steps of about limit
// entries if asked; entries whose bytes do not hash to the stored hashes
// are refused, and the Log is unchanged.
func TestFollowEntries(t *testing.T) {
	ctx := context.Background()
	k := newKeys(t, "plenum.localhost")
	vs := note.VerifierList(k.verifier)
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	writer := openLog(t, st, origin, k)
	lying := &alteredScan{Store: st}
	follower := openLog(t, lying, origin, k)
	big := ledger.Entry{Actor: "secretary", Type: "minutes.noted",
		Payload: json.RawMessage(`{"text":"` + strings.Repeat("Comrades! ", ledger.MaxEntrySize/8) + `"}`)}
	var es []ledger.Entry
	for i := range 10 {
		es = append(es, entry(i))
	}
	es = append(es, big, entry(10))
	if _, err := writer.Append(ctx, es...); err != nil {
		t.Fatal(err)
	}
	for i := 12; i < 40; i += 4 { // appends of 4: a checkpoint every 4
		if _, err := writer.Append(ctx, entry(i), entry(i+1), entry(i+2), entry(i+3)); err != nil {
			t.Fatal(err)
		}
	}

	// Altered bytes: refused.
	lying.alter = true
	if from, got, more, err := follower.FollowEntries(ctx, vs, 0); err == nil || got != nil || more || from != 0 {
		t.Fatalf("followed altered entries: %d entries, %v", len(got), err)
	} else if !strings.Contains(err.Error(), "not the hash of its bytes") {
		t.Errorf("the refusal: %v", err)
	}
	if follower.Size() != 0 {
		t.Fatalf("the Log grew to %d after a refused follow", follower.Size())
	}
	lying.alter = false

	// All in one (the payload stored apart read back).
	from, got, more, err := follower.FollowEntries(ctx, vs, 0)
	if err != nil || from != 0 || more || len(got) != 40 {
		t.Fatalf("FollowEntries = %d, %d entries, %v, %v; want 0, 40, false", from, len(got), more, err)
	}
	want, err := writer.Read(ctx, 0, 40)
	if err != nil {
		t.Fatal(err)
	}
	same := func(got, want []ledger.Entry) {
		t.Helper()
		if len(got) > len(want) {
			t.Fatalf("%d entries followed, %d appended", len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Index != w.Index || !g.Time.Equal(w.Time) || g.Actor != w.Actor || g.Type != w.Type || string(g.Payload) != string(w.Payload) {
				t.Fatalf("entry %d: followed %+v, read %+v", w.Index, g, w)
			}
		}
	}
	same(got, want)
	if len(got[10].Payload) < ledger.MaxEntrySize {
		t.Fatalf("the payload stored apart has %d bytes", len(got[10].Payload))
	}

	// In steps: up to the first checkpoint at or beyond from+limit.
	for i := 40; i < 80; i += 4 {
		if _, err := writer.Append(ctx, entry(i), entry(i+1), entry(i+2), entry(i+3)); err != nil {
			t.Fatal(err)
		}
	}
	want, err = writer.Read(ctx, 40, 80)
	if err != nil {
		t.Fatal(err)
	}
	var steps [][2]int64
	for next := int64(40); ; {
		from, got, more, err := follower.FollowEntries(ctx, vs, 10)
		if err != nil || from != next {
			t.Fatalf("a step from %d: %d, %v", next, from, err)
		}
		same(got, want[from-40:])
		next += int64(len(got))
		steps = append(steps, [2]int64{from, next})
		if follower.Size() != next {
			t.Fatalf("the Log's size %d after a step to %d", follower.Size(), next)
		}
		if !more {
			break
		}
	}
	if fmt.Sprint(steps) != "[[40 52] [52 64] [64 76] [76 80]]" {
		t.Fatalf("steps %v", steps)
	}
	if string(follower.Checkpoint()) != string(writer.Checkpoint()) {
		t.Fatal("the follower's checkpoint is not the writer's")
	}
	if from, got, more, err := follower.FollowEntries(ctx, vs, 10); err != nil || from != 80 || got != nil || more {
		t.Fatalf("FollowEntries with nothing new = %d, %d, %v, %v", from, len(got), more, err)
	}
}
