package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestResetAdmin: once a server administrator has logged in no process
// prints another link; ResetAdmin through another store on the same
// database (the operator's plenum access admin-link, while plenum serve
// runs) makes a link that logs in once, voids the unused ones, and with
// endSessions ends every server administrator's session — on the serving
// store too, which on SQLite answers sessions from memory, by the time
// ResetAdmin returns — and no one else's.
func TestResetAdmin(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			var a *Store
			db := ""
			if name == "sqlite" {
				a, db, _ = servedStore(t, Options{RowKey: testKey})
				if !a.cacheUsable() {
					t.Fatal("the serving store keeps no sessions in memory")
				}
			} else {
				db = fresh(t)
				a = openAt(t, db, Options{RowKey: testKey})
			}
			b := openAt(t, db, Options{RowKey: testKey})

			link, err := a.BootstrapAdmin(ctx, "http://x")
			if err != nil || link == "" {
				t.Fatalf("BootstrapAdmin: %q %v", link, err)
			}
			_, first, err := a.LoginAdmin(ctx, strings.TrimPrefix(link, "http://x/login?admin="))
			if err != nil {
				t.Fatal(err)
			}
			delegate := loginTokens(t, a, "ann")[0]
			if link, err := a.BootstrapAdmin(ctx, "http://x"); err != nil || link != "" {
				t.Fatalf("BootstrapAdmin once an administrator logged in: %q %v, want no link", link, err)
			}
			for _, tok := range []string{first, delegate} {
				if _, err := a.Session(ctx, tok); err != nil {
					t.Fatal(err)
				}
			}

			// A new link, sessions left: it logs in once.
			r, err := b.ResetAdmin(ctx, false)
			if err != nil || r.Ended != 0 || !r.Expires.After(time.Now()) {
				t.Fatalf("ResetAdmin: %+v %v", r, err)
			}
			sess, second, err := a.LoginAdmin(ctx, r.Token)
			if err != nil || !sess.Admin {
				t.Fatalf("the operator's new link: %+v %v", sess, err)
			}
			if _, _, err := a.LoginAdmin(ctx, r.Token); !errors.Is(err, ErrBadToken) {
				t.Fatalf("the operator's link used twice: %v", err)
			}
			if _, err := a.Session(ctx, first); err != nil {
				t.Fatalf("the first administrator's session after a reset that ends none: %v", err)
			}
			// A new link voids the unused one.
			unused, err := b.ResetAdmin(ctx, false)
			if err != nil {
				t.Fatal(err)
			}

			// Ending the sessions: over on the serving store once
			// ResetAdmin has returned; the delegate's lives on.
			r, err = b.ResetAdmin(ctx, true)
			if err != nil || r.Ended != 2 {
				t.Fatalf("ResetAdmin ending sessions: %+v %v, want 2 ended", r, err)
			}
			for _, tok := range []string{first, second} {
				if _, err := a.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
					t.Fatalf("a server administrator's session ended through another store, on the serving store: %v, want ErrNoSession", err)
				}
			}
			if s, err := a.Session(ctx, delegate); err != nil || s.Person != "ann" {
				t.Fatalf("a delegate's session after the administrators' were ended: %+v %v", s, err)
			}
			if _, _, err := a.LoginAdmin(ctx, unused.Token); !errors.Is(err, ErrBadToken) {
				t.Fatalf("an unused link after a newer one: %v", err)
			}
			if _, third, err := a.LoginAdmin(ctx, r.Token); err != nil {
				t.Fatal(err)
			} else if _, err := a.Session(ctx, third); err != nil {
				t.Fatal(err)
			}
			var note string
			if err := b.queryRow(ctx, b.db.R, `SELECT v FROM access_meta WHERE k = 'admin_reset'`).Scan(&note); err != nil || !strings.Contains(note, "2 server administrator sessions ended") {
				t.Fatalf("the note of the reset: %q %v", note, err)
			}
		})
	}
}
