package ledger_test

import (
	"context"
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
