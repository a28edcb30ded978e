package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
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

// recordFile writes a record file of a log "coop" of three batches (one
// entry's payload stored beside the log), as plenum export --format
// record does, and returns it with the log's verifier key.
func recordFile(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
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
	lg, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	entry := func(text string) ledger.Entry {
		p, _ := json.Marshal(map[string]string{"text": text})
		return ledger.Entry{Time: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC), Actor: "sec", Type: "note", Payload: p}
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
	file := filepath.Join(t.TempDir(), "coop-record.db")
	if err := recordfile.Write(ctx, st, origin, lg.Size(), file); err != nil {
		t.Fatal(err)
	}
	return file, vkey
}

// TestCheckRecordFile: the program docs/checking-without-plenum.md gives
// checks a record file plenum writes, with the log's key, and refuses one
// whose entry was changed (its stored hashes recomputed, as whoever
// holds the file can) or another key; and the page gives the program as
// it is here, so that neither rots.
func TestCheckRecordFile(t *testing.T) {
	file, vkey := recordFile(t)
	var out bytes.Buffer
	if err := check(&out, file, vkey); err != nil {
		t.Fatalf("an intact record file: %v", err)
	}
	if want := "plenum.localhost/log/coop: 6 entries, 4 checkpoints signed by plenum.localhost, every root recomputed\n"; out.String() != want {
		t.Errorf("said %q, want %q", out.String(), want)
	}

	_, other, _ := ledger.GenerateKey(ledger.DefaultServerName)
	if err := check(&out, file, other); err == nil || !strings.Contains(err.Error(), "checkpoint 0: ") {
		t.Errorf("another key: %v", err)
	}

	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`update entries set data = cast(replace(cast(data as text), '"four"', '"FOUR"') as blob), hashes = x'' where idx = 4`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := check(&out, file, vkey); err == nil || !strings.Contains(err.Error(), "checkpoint 6: the entries hash to ") {
		t.Errorf("a changed entry: %v", err)
	}

	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join("..", "..", "docs", "checking-without-plenum.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("```go\n"+string(src)+"```\n")) {
		t.Error("docs/checking-without-plenum.md does not give examples/checkrecord/main.go as it is")
	}
}
