package main

import (
	"crypto/sha256"
	"database/sql"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/auth"
)

// TestServeTakesOverAccessDB: the access.db an earlier plenum kept in the
// data directory is taken over by plenum serve at its first start, on
// either store, saying so; its session and code then work, and the file
// is renamed so that the next start does not read it again.
func TestServeTakesOverAccessDB(t *testing.T) {
	for name, setup := range map[string]func(t *testing.T) (db, data string){
		"sqlite": func(t *testing.T) (string, string) {
			db, _ := makeReplayedDB(t)
			return db, filepath.Dir(db)
		},
		"postgres": func(t *testing.T) (string, string) {
			db, data := postgresDB(t), t.TempDir()
			if code, _, stderr := exportCLI(t, "replay", "--db", db, "--data", data, filepath.Join(rosters, "congress-2026.jsonl")); code != 0 {
				t.Fatal(stderr)
			}
			return db, data
		},
	} {
		t.Run(name, func(t *testing.T) {
			db, data := setup(t)
			legacy := filepath.Join(data, "access.db")
			old, err := sql.Open("sqlite", legacy)
			if err != nil {
				t.Fatal(err)
			}
			const code, token = "ABCD-EFGH-JKLM-NPQR", "a-session-token-of-the-old-file"
			codeHash := sha256.Sum256([]byte("code:" + strings.ReplaceAll(code, "-", "")))
			tokenHash := sha256.Sum256([]byte("token:" + token))
			live := time.Now().Add(time.Hour).UnixNano()
			for _, q := range []string{
				`CREATE TABLE codes (hash BLOB PRIMARY KEY, assembly TEXT NOT NULL, person TEXT NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL)`,
				`CREATE TABLE sessions (hash BLOB PRIMARY KEY, assembly TEXT NOT NULL, person TEXT NOT NULL, admin INTEGER NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL)`,
				`CREATE TABLE admin_tokens (hash BLOB PRIMARY KEY, expires INTEGER NOT NULL)`,
				`CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)`,
				`INSERT INTO meta VALUES ('admin_used', '2026-01-01T00:00:00Z')`,
			} {
				if _, err := old.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := old.Exec(`INSERT INTO codes VALUES (?, 'coop', 'ann', 1, ?)`, codeHash[:], live); err != nil {
				t.Fatal(err)
			}
			if _, err := old.Exec(`INSERT INTO sessions VALUES (?, '', 'admin', 1, 1, ?)`, tokenHash[:], live); err != nil {
				t.Fatal(err)
			}
			old.Close()

			srv := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--data", data, "--addr", "127.0.0.1:0")
			out := srv.stdout.String()
			if !strings.Contains(out, "took over 1 access code, 1 session and 0 administrator links from "+legacy) ||
				!strings.Contains(out, "kept as "+legacy+auth.ImportedSuffix) {
				t.Fatalf("no word of the take-over: %s", out)
			}
			if strings.Contains(out, "one-time administrator login") {
				t.Errorf("an administrator had logged in before, but a new link was printed: %s", out)
			}
			// The old session is a server administrator's, here.
			req, _ := http.NewRequest("GET", srv.match+"/api/session", nil)
			req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: token})
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(body), `"admin":true`) {
				t.Fatalf("the taken-over session: %s %s", resp.Status, body)
			}
			// The old code logs in.
			resp, err = http.Post(srv.match+"/login", "application/json", strings.NewReader(`{"code":"`+code+`"}`))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("the taken-over code: %s", resp.Status)
			}
			if c := srv.stop(); c != 0 {
				t.Fatalf("serve exited %d", c)
			}
			if _, err := os.Stat(legacy); !os.IsNotExist(err) {
				t.Fatalf("access.db is still there: %v", err)
			}
			// The next start reads nothing more.
			srv = startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--data", data, "--addr", "127.0.0.1:0")
			if out := srv.stdout.String(); strings.Contains(out, "took over") {
				t.Fatalf("taken over twice: %s", out)
			}
		})
	}
}
