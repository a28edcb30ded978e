package main

import (
	"bytes"
	"database/sql"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite"
)

// forgeAndRehash replaces old by new in the payloads of the entries of
// the SQLite database db that hold it, and recomputes every entry's
// stored hashes, as a database administrator without the signing key
// can: only the signed checkpoints still show the change. It returns the
// indexes of the entries changed.
func forgeAndRehash(t *testing.T, db, old, new string) []int64 {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query("select log_id, idx, data from entries order by log_id, idx")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		log, idx int64
		data     []byte
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.log, &r.idx, &r.data); err != nil {
			t.Fatal(err)
		}
		all = append(all, r)
	}
	rows.Close()
	var changed []int64
	var stored hashList
	for _, r := range all {
		if r.log != all[0].log {
			continue
		}
		if bytes.Contains(r.data, []byte(old)) {
			r.data = bytes.ReplaceAll(r.data, []byte(old), []byte(new))
			changed = append(changed, r.idx)
		}
		hs, err := tlog.StoredHashes(r.idx, r.data, stored)
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, hs...)
		var joined []byte
		for _, h := range hs {
			joined = append(joined, h[:]...)
		}
		if _, err := conn.Exec("update entries set data = ?, hashes = ? where log_id = ? and idx = ?", r.data, joined, r.log, r.idx); err != nil {
			t.Fatal(err)
		}
	}
	if len(changed) == 0 {
		t.Fatalf("no entry holds %q", old)
	}
	return changed
}

// amongRange is the range of entries verify says a checkpoint cannot vouch for.
var amongRange = regexp.MustCompile(`changed: an entry among (\d+)–(\d+)`)

// TestVerifyBlamesTheChangeNotTheAssembly: a payload forged with every
// stored hash recomputed makes the replay fail at a later entry (the
// declaration's arithmetic no longer that of the forged count), but the
// verdict is that an entry among those the first checkpoint after it
// covers was changed after it was signed, naming the range it cannot
// vouch for; the replay's failure comes second, as one that may be due
// to the change (review40 I3). A forgery that still replays gets the
// same range.
func TestVerifyBlamesTheChangeNotTheAssembly(t *testing.T) {
	for _, c := range []struct{ name, old, new string }{
		{"a count", `"for":38,"against":26`, `"for":39,"against":26`},
		{"a speech's notes", `Krasnoyarsk`, `Krasnodar`},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := demoDB(t)
			changed := forgeAndRehash(t, db, c.old, c.new)
			code, out, stderr := runForTest(t, "", "verify", "--db", db)
			want := []string{"FAILED: plenum.localhost/log/march-1917", "changed: an entry among ", "was changed after the checkpoint of tree size", "was signed"}
			if code != 1 || !inOrder(out, want) || strings.Contains(out, "first bad entry") {
				t.Fatalf("entries %v changed: exit %d\n%s%s\nwant 1 and %q", changed, code, out, stderr, want)
			}
			m := amongRange.FindStringSubmatch(out)
			if m == nil || atoiT(t, m[1]) > int(changed[0]) || atoiT(t, m[2]) < int(changed[0]) {
				t.Errorf("the range named does not hold the first entry changed, %d:\n%s", changed[0], out)
			}
			if c.name == "a count" && !strings.Contains(out, "the replay fails too, at entry") {
				t.Errorf("the replay's failure is not named second:\n%s", out)
			}
		})
	}
}
