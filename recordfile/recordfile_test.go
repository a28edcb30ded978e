package recordfile_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/recordfile"
	"plenum/store/sqlite"
)

// newLog is a log "coop" in a new SQLite store, both closed when the
// test ends.
func newLog(t *testing.T) (*sqlite.Store, *ledger.Log, string) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	skey, _, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	origin, err := ledger.Origin(ledger.DefaultServerName, "coop")
	if err != nil {
		t.Fatal(err)
	}
	lg, err := ledger.Open(context.Background(), st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	return st, lg, origin
}

// TestWrite: the record file holds the log as stored — every record with
// its hashes, every signed checkpoint, the cosignatures, the payload
// stored beside an entry — and is a file on its own (no lock file beside
// it); a second Write onto it is refused and changes nothing; a size
// that no stored checkpoint has is refused and leaves no file behind.
func TestWrite(t *testing.T) {
	ctx := context.Background()
	st, lg, origin := newLog(t)
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	entry := func(text string) ledger.Entry {
		p, _ := json.Marshal(map[string]string{"text": text})
		return ledger.Entry{Time: at, Actor: "sec", Type: "note", Payload: p}
	}
	for _, batch := range [][]ledger.Entry{
		{entry("one"), entry("two")},
		{entry(strings.Repeat("a long text stored beside the log ", 3000))},
		{entry("three"), entry("four"), entry("five")},
	} {
		if _, err := lg.Append(ctx, batch...); err != nil {
			t.Fatal(err)
		}
	}
	size := lg.Size()
	cosig := []byte("— witness.example AAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/\n")
	if err := st.AddCosignatures(ctx, origin, size, [][]byte{cosig}); err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(t.TempDir(), "coop-record.db")
	if err := recordfile.Write(ctx, st, origin, size, file); err != nil {
		t.Fatal(err)
	}
	if names, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "*")); len(names) != 1 {
		t.Errorf("beside the record file: %v", names)
	}
	rf, err := sqlite.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	want, _ := st.Checkpoints(ctx, origin, -1, 100)
	got, _ := rf.Checkpoints(ctx, origin, -1, 100)
	if len(got) != 4 || len(got) != len(want) {
		t.Fatalf("the record file has %d checkpoints, the log %d; want 4", len(got), len(want))
	}
	for i := range want {
		if got[i].Size != want[i].Size || !bytes.Equal(got[i].Signed, want[i].Signed) {
			t.Errorf("checkpoint %d differs", i)
		}
	}
	records := func(s ledger.Store) (out []ledger.Record) {
		s.ScanRecords(ctx, origin, 0, size, func(r ledger.Record) error {
			out = append(out, ledger.Record{Index: r.Index, Data: bytes.Clone(r.Data), Hashes: append(r.Hashes[:0:0], r.Hashes...)})
			return nil
		})
		return out
	}
	wr, gr := records(st), records(rf)
	if len(gr) != int(size) || len(wr) != len(gr) {
		t.Fatalf("the record file has %d records, the log %d", len(gr), len(wr))
	}
	for i := range wr {
		if !bytes.Equal(wr[i].Data, gr[i].Data) || len(wr[i].Hashes) != len(gr[i].Hashes) || wr[i].Hashes[0] != gr[i].Hashes[0] {
			t.Errorf("record %d differs", i)
		}
	}
	_, ref, err := ledger.DecodeEntry(gr[2].Data)
	if err != nil || ref == nil {
		t.Fatalf("entry 2 is not stored apart: %v", err)
	}
	if b, err := rf.Blob(ctx, ref.SHA256); err != nil || int64(len(b)) != ref.Size {
		t.Errorf("the payload stored beside entry 2: %d bytes, %v", len(b), err)
	}
	if sigs, err := rf.Cosignatures(ctx, origin, size); err != nil || len(sigs) != 1 || !bytes.Equal(sigs[0], cosig) {
		t.Errorf("the cosignatures: %q %v", sigs, err)
	}

	before, _ := os.ReadFile(file)
	if err := recordfile.Write(ctx, st, origin, size, file); !errors.Is(err, recordfile.ErrExists) {
		t.Errorf("a second Write onto the file: %v", err)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("the refused Write changed the file")
	}

	other := filepath.Join(t.TempDir(), "coop-record.db")
	var nc *recordfile.NoCheckpointError
	if err := recordfile.Write(ctx, st, origin, size-1, other); !errors.As(err, &nc) || nc.After != 3 || nc.Size != size-1 {
		t.Errorf("a size no checkpoint has: %v", err)
	}
	if names, _ := filepath.Glob(filepath.Join(filepath.Dir(other), "*")); len(names) != 0 {
		t.Errorf("left behind by a refused Write: %v", names)
	}
}
