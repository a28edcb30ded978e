package auth

import (
	"context"
	"errors"
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
