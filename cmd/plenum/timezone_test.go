package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/ledger"
)

// TestServeInTheHallsTimeZone: plenum serve --time-zone names the hall's
// zone, in which the pages show the time (the projector's clock runs on
// its offset from UTC), whatever the server's zone; the server says at
// start which zone it uses. An unknown zone, or "Local", is refused with
// exit status 2 before anything is opened or created.
func TestServeInTheHallsTimeZone(t *testing.T) {
	for _, bad := range []string{"Europe/Madird", "Local", "UTC+1", "../../etc/passwd"} {
		dir := filepath.Join(t.TempDir(), "data")
		code, _, stderr := run(t, "serve", "--db", filepath.Join(dir, "plenum.db"), "--addr", "127.0.0.1:0", "--time-zone", bad)
		if code != 2 || !strings.Contains(stderr, "is not a time zone plenum knows: give a name of the IANA time zone database, such as Europe/Madrid") {
			t.Errorf("--time-zone %q: exit %d, %q", bad, code, stderr)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("--time-zone %q: the data folder was created", bad)
		}
	}
	if code, _, stderr := runIn(t, "es", "serve", "--time-zone", "Madrid"); code != 2 || !strings.Contains(stderr, "no es una zona horaria que plenum conozca") {
		t.Errorf("in Spanish: exit %d, %q", code, stderr)
	}

	madrid, err := hallZone(nil, "Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, stderr := exportCLI(t, "replay", "--db", db, filepath.Join("..", "..", "testdata", "coop-2026.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	srv, err := openServer(context.Background(), serverConfig{db: db, name: ledger.DefaultServerName, location: madrid})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv.handler)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/a/coop-2026/projector")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	_, off := time.Now().In(madrid).Zone()
	if want := fmt.Sprintf(`data-zone="%d"`, off/60); !bytes.Contains(page, []byte(want)) {
		t.Errorf("the projector's clock is not in Madrid's zone (%s):\n%s", want, page)
	}

	var said bytes.Buffer
	sayZone(&said, madrid, true, time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC))
	if want := "plenum serve: the hall's clock is in the time zone Europe/Madrid (UTC+01:00 now, 00:30)\n"; said.String() != want {
		t.Errorf("at start: %q, want %q", said.String(), want)
	}
	said.Reset()
	sayZone(&said, time.UTC, false, time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC))
	if !strings.Contains(said.String(), "the server's, UTC (UTC+00:00 now, 23:30); give --time-zone to set the hall's") {
		t.Errorf("at start, without --time-zone: %q", said.String())
	}
}
