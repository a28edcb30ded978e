package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// TestRecordFileFromTheRecordPage: the record page offers the record file
// with its size, what it is for and the command that checks the minutes
// with it; /a/{id}/record.db serves it, named by the assembly and its
// size, as a SQLite file holding the log as the server holds it (every
// entry, the latest checkpoint), from a temporary file kept for the next
// reader; and only to those who may read the record, as the
// minutes are: a visitor under a record open to its participants, a
// delegate under one open to its officers, are refused.
func TestRecordFileFromTheRecordPage(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	h := newHall(t)
	a, _ := h.eng.Assembly(asm)
	size := a.Log().Size()
	name := fmt.Sprintf("coop-record-%d.db", size)

	chair := h.browser("chair")
	code, page, _ := chair.get("/a/coop/record")
	for _, want := range []string{
		`<a href="/a/coop/record.db" download>Download the record file (` + fmt.Sprint(size) + ` entries)</a>.`,
		"it is the signed log itself, so that whoever holds both can check the minutes offline",
		"plenum verify --db " + name + " --document coop-minutes-" + fmt.Sprint(size) + ".md",
	} {
		if code != 200 || !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("the record page (%d) does not show %q", code, want)
		}
	}

	public := h.browser("")
	resp, body := public.getWith("/a/coop/record.db", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/vnd.sqlite3" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="`+name+`"` {
		t.Fatalf("the record file: %s %v", resp.Status, resp.Header)
	}
	// The file is kept, the one file in the server's folder in the
	// temporary directory, for the next reader (until a newer checkpoint
	// or the server's Close: TestRecordFileWrittenOncePerCheckpoint).
	if kept, _ := filepath.Glob(filepath.Join(tmp, "plenum-record-*", "*")); len(kept) != 1 {
		t.Errorf("kept in the temporary directory once served: %v, want one file", kept)
	}
	// A HEAD request is told the headers without a copy of the log being
	// written to learn them (its length is known only once written).
	hreq, _ := http.NewRequest(http.MethodHead, h.srv.URL+"/a/coop/record.db", nil)
	hresp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		t.Fatal(err)
	}
	hresp.Body.Close()
	if hresp.StatusCode != 200 || hresp.Header.Get("Content-Type") != "application/vnd.sqlite3" || hresp.Header.Get("Content-Length") != "" {
		t.Errorf("HEAD of the record file: %s %v", hresp.Status, hresp.Header)
	}
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	head, err := st.Head(ctx, a.Log().Origin())
	if err != nil || head.Size != size || string(head.Checkpoint) != string(a.Log().Checkpoint()) {
		t.Fatalf("the record file's head: %d %v, want the log's, %d", head.Size, err, size)
	}
	want, err := a.Log().Raw(ctx, 0, size)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]byte
	st.ScanRecords(ctx, a.Log().Origin(), 0, size, func(r ledger.Record) error {
		got = append(got, append([]byte(nil), r.Data...))
		return nil
	})
	if len(got) != len(want) {
		t.Fatalf("the record file holds %d entries, the log %d", len(got), len(want))
	}
	for i := range want {
		if string(got[i]) != string(want[i]) {
			t.Fatalf("entry %d differs in the record file", i)
		}
	}

	// Who may read it.
	for _, c := range []struct {
		access, person string
		status         int
	}{
		{"participants", "", http.StatusUnauthorized},
		{"participants", "anna", 200},
		{"officers", "anna", http.StatusForbidden},
		{"officers", "", http.StatusUnauthorized},
		{"officers", "chair", 200},
	} {
		if read(h, func(s *assembly.State) string { return s.RecordAccess() }) != c.access {
			h.must("admin", "set_record_access", obj{"access": c.access})
		}
		if code, body, hdr := h.browser(c.person).get("/a/coop/record.db"); code != c.status || code != 200 && hdr.Get("Content-Disposition") != "" {
			t.Errorf("%s, as %q: %d, want %d\n%.300s", c.access, c.person, code, c.status, body)
		}
	}
}
