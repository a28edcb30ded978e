package web_test

import (
	"database/sql"
	"html"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormOnAStoppedAssemblySaysRetryingWillNotHelp: a database
// administrator rolls the log back by an entry while the server runs (the
// red-team review of stop 42, L2). The engine stops the assembly; a page's
// form is then answered that nothing was recorded and that sending it
// again will not help, with what the operator must do — not the
// suspension's "send the form again in a moment", which an officer would
// follow forever — and nothing is recorded.
func TestFormOnAStoppedAssemblySaysRetryingWillNotHelp(t *testing.T) {
	h := newHall(t)
	db, err := sql.Open("sqlite", filepath.Join(h.dir, "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logID, size int64
	if err := db.QueryRow(`SELECT id, size FROM logs WHERE origin LIKE '%/`+asm+`'`).Scan(&logID, &size); err != nil {
		t.Fatalf("the assembly's log: %v", err)
	}
	var before []byte
	if err := db.QueryRow(`SELECT data FROM checkpoints WHERE log_id = ? AND size = ?`, logID, size-1).Scan(&before); err != nil {
		t.Fatalf("the checkpoint of %d entries: %v", size-1, err)
	}
	for _, s := range []string{`DELETE FROM entries WHERE log_id = ? AND idx >= ?`, `DELETE FROM checkpoints WHERE log_id = ? AND size > ?`} {
		if _, err := db.Exec(s, logID, size-1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`UPDATE logs SET size = ?, checkpoint = ? WHERE id = ?`, size-1, before, logID); err != nil {
		t.Fatal(err)
	}

	sec := h.browser("sec")
	for i := range 2 {
		sec.act("secretary", "record_narrative", url.Values{"a:text": {"After the rollback"}})
		_, body, _ := sec.get("/a/" + asm + "/secretary")
		msg := html.UnescapeString(flashOf(body))
		if !strings.Contains(msg, "Nothing of this form was recorded, and sending it again will not help") || strings.Contains(msg, "Send the form again") {
			t.Fatalf("form %d on the stopped assembly is answered: %s", i+1, msg)
		}
	}
	var now int64
	if err := db.QueryRow(`SELECT size FROM logs WHERE id = ?`, logID).Scan(&now); err != nil || now != size-1 {
		t.Fatalf("the log has %d entries (%v), want %d: nothing appended", now, err, size-1)
	}
}
