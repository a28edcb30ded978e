package auth

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestAdministratorsDevices: a server administrator logged in on his
// laptop makes a device link, and his phone, logged in with it through
// another node, is the same administrator: both devices' pages list both
// sessions, and "Log out everywhere else" from the laptop ends the
// phone's (noted, as a person's). Another administrator, of another
// link, is neither listed nor ended. A device link logs in once, is valid
// DeviceLinkTTL, is voided by the next one he makes (not by another
// administrator's), by his "Log out everywhere else" and by the
// operator's new link, and is no pending link of a first start
// (AdminTokenPending). A person's session, an administrator's of an
// earlier plenum and an ended one make none, each told why. SQLite,
// PostgreSQL, SQLite held and cached.
func TestAdministratorsDevices(t *testing.T) {
	for name, mk := range storePairs() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			p := mk(t)
			a, b := p.a, p.b
			laptop, ben := adminToken(t, a), adminToken(t, b)
			delegate := loginTokens(t, a, "cy")[0]
			iphone := DeviceOf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")

			before := time.Now()
			link, until, err := a.NewDeviceLink(ctx, laptop)
			if err != nil {
				t.Fatal(err)
			}
			if until.Before(before.Add(DeviceLinkTTL)) || until.After(time.Now().Add(DeviceLinkTTL)) {
				t.Fatalf("the device link is valid until %v; want %v from now", until, DeviceLinkTTL)
			}
			if pending, _, err := b.AdminTokenPending(ctx); err != nil || pending {
				t.Fatalf("a device link taken for the first start's link: %v %v", pending, err)
			}
			sess, phone, err := b.LoginAdminFrom(ctx, link, iphone)
			if err != nil || !sess.Admin || sess.Person != AdminPerson || sess.Assembly != "" {
				t.Fatalf("the phone logs in with the device link: %+v %v", sess, err)
			}
			if _, _, err := a.LoginAdmin(ctx, link); !errors.Is(err, ErrBadToken) {
				t.Fatalf("the device link used twice: %v", err)
			}
			for who, tok := range map[string]string{"the laptop": laptop, "the phone": phone} {
				for _, s := range []*Store{a, b} {
					l, err := s.OwnSessions(ctx, tok)
					if err != nil || len(l) != 2 || !l[0].Current || l[1].Current {
						t.Fatalf("%s's page: %+v %v; want the laptop and the phone, this one first", who, l, err)
					}
				}
			}
			if l, err := a.OwnSessions(ctx, phone); err != nil || l[0].Device != iphone {
				t.Fatalf("the phone's page: %+v %v; want it first, %v", l, err, iphone)
			}
			if l, err := b.OwnSessions(ctx, ben); err != nil || len(l) != 1 {
				t.Fatalf("the other administrator's page: %+v %v; want his own alone", l, err)
			}

			// The next link voids his unused one; another administrator's
			// does not.
			first, _, err := a.NewDeviceLink(ctx, phone)
			if err != nil {
				t.Fatal(err)
			}
			second, _, err := b.NewDeviceLink(ctx, laptop)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := b.NewDeviceLink(ctx, ben); err != nil {
				t.Fatal(err)
			}
			if _, _, err := a.LoginAdmin(ctx, first); !errors.Is(err, ErrBadToken) {
				t.Fatalf("a device link after a newer one: %v", err)
			}
			_, tablet, err := a.LoginAdmin(ctx, second)
			if err != nil {
				t.Fatalf("a device link after another administrator's: %v", err)
			}

			// "Log out everywhere else" from the laptop: the phone and the
			// tablet are ended, told so, and his unused link is voided;
			// the other administrator and the delegate live on.
			unused, _, err := a.NewDeviceLink(ctx, laptop)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := b.EndOtherSessions(ctx, laptop); err != nil || n != 2 {
				t.Fatalf("the laptop logs out everywhere else: %d %v; want the phone and the tablet ended", n, err)
			}
			for who, tok := range map[string]string{"the phone": phone, "the tablet": tablet} {
				for _, s := range []*Store{a, b} {
					if _, err := s.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
						t.Fatalf("%s after the laptop logged out everywhere else: %v", who, err)
					}
				}
				if e := ended(t, a, tok); e == nil || e.Why != EndedElsewhere || e.By != AdminPerson {
					t.Fatalf("%s's note: %+v", who, e)
				}
			}
			if _, _, err := a.LoginAdmin(ctx, unused); !errors.Is(err, ErrBadToken) {
				t.Fatalf("a device link after its administrator logged out everywhere else: %v", err)
			}
			for who, tok := range map[string]string{"the laptop": laptop, "the other administrator": ben, "the delegate": delegate} {
				if _, err := a.Session(ctx, tok); err != nil {
					t.Fatalf("%s after the laptop logged out everywhere else: %v", who, err)
				}
			}

			// No device link for a person, an administrator of an earlier
			// plenum (no id: an administrator of his own) or a session
			// that is over.
			old := adminRow(t, a, "")
			for who, c := range map[string]struct {
				tok  string
				want error
			}{
				"the delegate":                         {delegate, ErrNotAdministrator},
				"the administrator of a plenum before": {old, ErrAdministratorOfOld},
				"the phone, ended":                     {phone, ErrNoSession},
				"no session":                           {"", ErrNoSession},
			} {
				if link, _, err := b.NewDeviceLink(ctx, c.tok); !errors.Is(err, c.want) || link != "" {
					t.Fatalf("%s makes a device link: %q %v; want %v", who, link, err, c.want)
				}
			}

			// The operator's new link voids an unused device link.
			pending, _, err := a.NewDeviceLink(ctx, laptop)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := b.ResetAdmin(ctx, false); err != nil {
				t.Fatal(err)
			}
			if _, _, err := a.LoginAdmin(ctx, pending); !errors.Is(err, ErrBadToken) {
				t.Fatalf("a device link after the operator's new link: %v", err)
			}
		})
	}
}

// TestDeviceLinkDiesWithItsSession: a device link logs in as the
// administrator of the session that made it, so it is worth no more than
// that session: it stayed valid for its ten minutes after the laptop that
// made it logged out. Now it is refused, through another node too, once
// the session that made it is over: logged out, ended by "Log out
// everywhere else" from another of his devices, or expired; and it is
// valid no longer than that session (until). A link whose session lives
// logs in. SQLite and PostgreSQL, two stores on one database.
func TestDeviceLinkDiesWithItsSession(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			var mu sync.Mutex
			now := time.Now()
			clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
			wait := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
			db := fresh(t)
			opts := Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour}
			a, b := openAt(t, db, opts), openAt(t, db, opts)
			link := func(tok string) string {
				t.Helper()
				l, _, err := a.NewDeviceLink(ctx, tok)
				if err != nil {
					t.Fatal(err)
				}
				return l
			}
			deviceOf := func(l string) string {
				t.Helper()
				_, tok, err := b.LoginAdmin(ctx, l)
				if err != nil {
					t.Fatal(err)
				}
				return tok
			}
			refused := func(what, l string) {
				t.Helper()
				if _, _, err := b.LoginAdmin(ctx, l); !errors.Is(err, ErrBadToken) {
					t.Fatalf("a device link after %s: %v, want ErrBadToken", what, err)
				}
			}

			// Logged out.
			laptop := adminToken(t, a)
			l := link(laptop)
			if err := a.Logout(ctx, laptop); err != nil {
				t.Fatal(err)
			}
			refused("the laptop that made it logged out", l)

			// Ended from another device of his: the phone, brought in by
			// the desktop, ends the desktop, whose link dies with it.
			desktop := adminToken(t, a)
			phone := deviceOf(link(desktop))
			l = link(desktop)
			if n, err := b.EndOtherSessions(ctx, phone); err != nil || n != 1 {
				t.Fatalf("the phone logs out everywhere else: %d %v", n, err)
			}
			refused("the desktop that made it was ended from the phone", l)

			// Expired: a link made five minutes before its session ends is
			// valid until then, not ten minutes.
			tablet := adminToken(t, a)
			wait(55 * time.Minute)
			l, until, err := a.NewDeviceLink(ctx, tablet)
			if err != nil {
				t.Fatal(err)
			}
			if s, err := a.Session(ctx, tablet); err != nil || !until.Equal(s.Expires) {
				t.Fatalf("a device link made 5 minutes before its session ends is valid until %v; want %v (%v)", until, s.Expires, err)
			}
			wait(6 * time.Minute)
			refused("the tablet's session that made it expired", l)

			// A link whose session lives logs in, within its ten minutes.
			kiosk := adminToken(t, a)
			l = link(kiosk)
			wait(DeviceLinkTTL - time.Second)
			if sess, err := b.Session(ctx, deviceOf(l)); err != nil || sess.adminID == "" {
				t.Fatalf("a device link of a live session: %+v %v", sess, err)
			}
		})
	}
}

// TestDeviceLinkRefusedByAnEarlierNode: a node of an earlier plenum
// still running on the same PostgreSQL looks an administrator link up in
// access_admin_tokens alone (its LoginAdmin, written out here) and, given
// a device link kept there (migration 0017), logged the device in as an
// administrator of its own, whose sessions the maker's page neither
// listed nor ended. Device links are kept apart now (migration 0018): the
// earlier node finds none, refuses it and leaves it unused, and this
// plenum's node logs the device in with it as the same administrator.
func TestDeviceLinkRefusedByAnEarlierNode(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := openAt(t, fresh(t), Options{RowKey: testKey})
			laptop := adminToken(t, s)
			link, _, err := s.NewDeviceLink(ctx, laptop)
			if err != nil {
				t.Fatal(err)
			}
			h := hashToken(link)
			var exp int64
			if err := s.db.W.QueryRowContext(ctx, s.db.Rebind(`DELETE FROM access_admin_tokens WHERE hash = ? RETURNING expires`), h[:]).Scan(&exp); !errors.Is(err, sql.ErrNoRows) {
				t.Fatalf("an earlier node looks the device link up: %v %v; want none", exp, err)
			}
			phone, _, err := s.LoginAdmin(ctx, link)
			if err != nil {
				t.Fatalf("the device link after an earlier node refused it: %v", err)
			}
			me, err := s.Session(ctx, laptop)
			if err != nil || phone.adminID != me.adminID {
				t.Fatalf("the phone is administrator %q, want the laptop's %q (%v)", phone.adminID, me.adminID, err)
			}
		})
	}
}

// TestDeviceLinksOf0017Dropped: migration 0018 drops the device links a
// plenum of migration 0017 kept unused among the operator's links (they
// name no session to die with, and an earlier node took them for the
// operator's), and leaves the operator's link, which logs in.
func TestDeviceLinksOf0017Dropped(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			oldDatabase(t, db, 18)
			_, exec := rawDatabase(t, db)
			exp := time.Now().Add(DeviceLinkTTL).UnixNano()
			operator, oh := newToken()
			device, dh := newToken()
			for _, row := range []struct {
				h  [32]byte
				id string
			}{{oh, ""}, {dh, adminIDOf(oh)}} {
				if err := exec(`INSERT INTO access_admin_tokens (hash, expires, admin_id) VALUES ($1, $2, $3)`, row.h[:], exp, row.id); err != nil {
					t.Fatal(err)
				}
			}
			s := openAt(t, db, Options{RowKey: testKey})
			if _, _, err := s.LoginAdmin(ctx, device); !errors.Is(err, ErrBadToken) {
				t.Fatalf("a device link of 0017 after 0018: %v, want ErrBadToken", err)
			}
			if _, _, err := s.LoginAdmin(ctx, operator); err != nil {
				t.Fatalf("the operator's link after 0018: %v", err)
			}
		})
	}
}
