package auth

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// endedVersion is the migration that keeps notes of ended sessions
// (0015_ended_sessions.sql); adminLinkEndedVersion the one that lets a
// note say a new administrator link ended it (0016_admin_link_ended.sql).
const (
	endedVersion          = 15
	adminLinkEndedVersion = 16
)

// clock is a test's clock, moved by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// ended is the note of token's session, read through s; the test fails if
// it cannot be read.
func ended(t *testing.T, s *Store, token string) *EndedSession {
	t.Helper()
	e, err := s.EndedSession(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// loginWith logs in with code through s and returns the session's token.
func loginWith(t *testing.T, s *Store, code string) string {
	t.Helper()
	_, tok, err := s.Login(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestEndedSessionsAreTold: as two plenum nodes on one database, a
// revocation through one leaves, for each of the delegate's sessions, a
// note the other reads by that session's token: when, why, by whom and
// the reason; a replacement of the code, and "log out everywhere else",
// leave theirs. A plain logout, a live session, a session of someone else
// and a token never made read none. SQLite and PostgreSQL.
func TestEndedSessionsAreTold(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			c := &clock{now: time.Date(2026, 12, 6, 10, 41, 0, 0, time.UTC)}
			a, b := openAt(t, db, Options{RowKey: testKey, Now: c.Now}), openAt(t, db, Options{RowKey: testKey, Now: c.Now})
			codes, err := a.IssueCodes(ctx, "coop", []string{"ann", "bob"})
			if err != nil {
				t.Fatal(err)
			}
			phone, laptop := loginWith(t, b, codes[0].Code), loginWith(t, b, codes[0].Code)
			bob := loginWith(t, a, codes[1].Code)

			// The revocation, through a; the delegate's next request,
			// through b.
			if err := a.RevokeCodesBy(ctx, "coop", []string{"ann"}, "sevruk", "card lost"); err != nil {
				t.Fatal(err)
			}
			want := EndedSession{Assembly: "coop", Person: "ann", At: c.Now(), Why: EndedRevoked, By: "sevruk", Reason: "card lost"}
			for n, tok := range map[string]string{"phone": phone, "laptop": laptop} {
				if _, err := b.Session(ctx, tok); err == nil {
					t.Fatalf("ann's %s after the revocation: still a session", n)
				}
				if e := ended(t, b, tok); e == nil || *e != want {
					t.Fatalf("ann's %s after the revocation, through the other node: %+v; want %+v", n, e, want)
				}
			}
			// Someone else's cookie, a token never made, no cookie: no
			// note of ann's.
			other, _ := newToken()
			for n, tok := range map[string]string{"bob's live session": bob, "a token never made": other, "no cookie": ""} {
				if e := ended(t, a, tok); e != nil {
					t.Fatalf("%s reads %+v", n, e)
				}
			}

			// A new code, issued by another officer: the session made
			// with it ends when the administrator replaces the code.
			c.add(time.Minute)
			again, err := b.IssueRecordedCodesBy(ctx, "coop", []string{"ann"}, c.Now(), "boki")
			if err != nil {
				t.Fatal(err)
			}
			if e := ended(t, a, phone); e == nil || *e != want {
				t.Fatalf("the phone's note after a later issue: %+v; want the revocation's still", e)
			}
			phone2 := loginWith(t, a, again[0].Code)
			c.add(time.Minute)
			if _, err := a.IssueRecordedCodesBy(ctx, "coop", []string{"ann"}, c.Now(), AdminPerson); err != nil {
				t.Fatal(err)
			}
			if e := ended(t, b, phone2); e == nil || e.Why != EndedReplaced || e.By != AdminPerson || e.Reason != "" || !e.At.Equal(c.Now()) || e.Person != "ann" {
				t.Fatalf("ann's session after her code was replaced: %+v; want replaced by the server administrator", e)
			}

			// "Log out everywhere else", from bob's laptop: his phone's
			// session is told; the laptop's, still live, has no note.
			bobPhone := loginWith(t, b, codes[1].Code)
			c.add(time.Minute)
			if n, err := a.EndOtherSessions(ctx, bob); err != nil || n != 1 {
				t.Fatalf("bob logs out everywhere else: %d %v", n, err)
			}
			if e := ended(t, b, bobPhone); e == nil || e.Why != EndedElsewhere || e.By != "bob" || e.Person != "bob" || !e.At.Equal(c.Now()) {
				t.Fatalf("bob's phone after he logged out everywhere else: %+v", e)
			}
			if e := ended(t, b, bob); e != nil {
				t.Fatalf("the session that logged out everywhere else reads %+v", e)
			}

			// A plain logout leaves no note.
			if err := b.Logout(ctx, bob); err != nil {
				t.Fatal(err)
			}
			if e := ended(t, a, bob); e != nil {
				t.Fatalf("a plain logout reads %+v; want nothing", e)
			}
		})
	}
}

// TestEndedSessionNotesHoldNothingThatLogsIn: the notes of ended
// sessions hold the SHA-256 of each session's token, never the token nor
// the code, and nothing in them logs in; they are kept at most EndedKeep,
// and no longer than the session would have lasted, and the lapsed ones
// are deleted as new ones are written. SQLite and PostgreSQL.
func TestEndedSessionNotesHoldNothingThatLogsIn(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			c := &clock{now: time.Date(2026, 12, 6, 10, 41, 0, 0, time.UTC)}
			s := openAt(t, db, Options{RowKey: testKey, Now: c.Now, SessionTTL: 30 * 24 * time.Hour})
			codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
			if err != nil {
				t.Fatal(err)
			}
			tok := loginWith(t, s, codes[0].Code)
			if err := s.RevokeCodesBy(ctx, "coop", []string{"ann"}, "sevruk", "card lost"); err != nil {
				t.Fatal(err)
			}
			rows, err := s.db.R.QueryContext(ctx, `SELECT hash, assembly, person, ended, why, ended_by, reason, expires FROM access_sessions_ended`)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
				var h []byte
				var asm, person, why, by, reason string
				var at, exp int64
				if err := rows.Scan(&h, &asm, &person, &at, &why, &by, &reason, &exp); err != nil {
					t.Fatal(err)
				}
				th := hashToken(tok)
				if string(h) != string(th[:]) {
					t.Errorf("the note's hash is not the token's SHA-256")
				}
				all := string(h) + asm + person + why + by + reason
				for what, secret := range map[string]string{"the token": tok, "the code": codes[0].Code, "the code as stored": normalizeCode(codes[0].Code)} {
					if strings.Contains(all, secret) {
						t.Errorf("the note holds %s", what)
					}
				}
				if exp != c.Now().Add(EndedKeep).UnixNano() {
					t.Errorf("the note is kept until %v; want %v", time.Unix(0, exp).UTC(), c.Now().Add(EndedKeep))
				}
			}
			if err := rows.Close(); err != nil || n != 1 {
				t.Fatalf("%d notes (%v); want 1", n, err)
			}
			// Nothing of it logs in: not its hash as a token or a code.
			if _, _, err := s.Login(ctx, codes[0].Code); err == nil {
				t.Fatal("the revoked code logs in")
			}

			// A week later the note is gone: read no more, and deleted
			// once another session is ended. A session that would have
			// ended within the hour is noted only until then.
			c.add(EndedKeep)
			if e := ended(t, s, tok); e != nil {
				t.Fatalf("the note a week later: %+v", e)
			}
			s2 := openAt(t, db, Options{RowKey: testKey, Now: c.Now, SessionTTL: time.Hour})
			more, err := s2.IssueCodes(ctx, "coop", []string{"bob"})
			if err != nil {
				t.Fatal(err)
			}
			bob := loginWith(t, s2, more[0].Code)
			if err := s2.RevokeCodesBy(ctx, "coop", []string{"bob"}, "sevruk", strings.Repeat("x", 3000)); err != nil {
				t.Fatalf("a revocation with a long reason: %v", err)
			}
			var count int
			var exp int64
			if err := s.db.R.QueryRowContext(ctx, `SELECT count(*), max(expires) FROM access_sessions_ended`).Scan(&count, &exp); err != nil {
				t.Fatal(err)
			}
			if count != 1 || exp != c.Now().Add(time.Hour).UnixNano() {
				t.Fatalf("notes after a week and another revocation: %d, kept until %v; want bob's alone, until his session's end", count, time.Unix(0, exp).UTC())
			}
			if e := ended(t, s, bob); e == nil || len([]rune(e.Reason)) != maxEndedReason {
				t.Fatalf("bob's note: %+v; want the reason cut to %d characters", e, maxEndedReason)
			}
		})
	}
}

// TestEndedSessionsOfAnEarlierPlenum: a database made by a plenum before
// ended sessions were noted opens (its schema brought up to date), and a
// session made by that plenum, ended now by a revocation, is told.
// SQLite and PostgreSQL.
func TestEndedSessionsOfAnEarlierPlenum(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			old, _, _ := oldDatabase(t, db, endedVersion)
			s := openAt(t, db, Options{RowKey: testKey})
			if _, err := s.Session(ctx, old); err != nil {
				t.Fatalf("the earlier plenum's session: %v", err)
			}
			if err := s.RevokeCodesBy(ctx, "coop", []string{"ann"}, "sevruk", "card lost"); err != nil {
				t.Fatal(err)
			}
			if e := ended(t, s, old); e == nil || e.Why != EndedRevoked || e.By != "sevruk" || e.Reason != "card lost" {
				t.Fatalf("the earlier plenum's session, revoked: %+v", e)
			}
		})
	}
}

// TestAdminLinkEndedSessionsAreTold: the operator's new administrator
// link with --end-sessions (ResetAdmin, through another store on the
// database, as plenum access admin-link runs beside plenum serve) leaves
// for each server administrator's session it ends a note: when, ended
// by a new administrator link, by no person — for the administrator
// logged in before and the one logged in through this plenum alike. A
// delegate's session, not ended, has none, and a new link that ends no
// session leaves none. A database of a plenum from before such notes
// (migration 0016) keeps the notes it held. SQLite and PostgreSQL.
func TestAdminLinkEndedSessionsAreTold(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			delegate, _, oldAdmin := oldDatabase(t, db, adminLinkEndedVersion)
			// A note as the earlier plenum wrote it.
			_, exec := rawDatabase(t, db)
			earlier, eh := newToken()
			c := &clock{now: time.Now().UTC().Truncate(time.Second)}
			if err := exec(`INSERT INTO access_sessions_ended (hash, assembly, person, ended, why, ended_by, reason, expires) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				eh[:], "coop", "bob", c.Now().Add(-time.Minute).UnixNano(), EndedRevoked, "sevruk", "card lost", c.Now().Add(time.Hour).UnixNano()); err != nil {
				t.Fatal(err)
			}
			a, b := openAt(t, db, Options{RowKey: testKey, Now: c.Now}), openAt(t, db, Options{RowKey: testKey, Now: c.Now})
			if e := ended(t, a, earlier); e == nil || e.Why != EndedRevoked || e.By != "sevruk" || e.Reason != "card lost" || e.Person != "bob" {
				t.Fatalf("the earlier plenum's note after the migration: %+v", e)
			}
			admin := adminToken(t, a)
			c.add(time.Minute)
			r, err := b.ResetAdmin(ctx, true)
			if err != nil || r.Ended != 2 {
				t.Fatalf("a new administrator link ending the sessions: %+v %v; want 2 ended", r, err)
			}
			want := EndedSession{Assembly: "", Person: AdminPerson, At: c.Now(), Why: EndedAdminLink}
			for n, tok := range map[string]string{"the administrator of the earlier plenum": oldAdmin, "the administrator": admin} {
				if _, err := a.Session(ctx, tok); err == nil {
					t.Fatalf("%s after --end-sessions: still a session", n)
				}
				if e := ended(t, a, tok); e == nil || *e != want {
					t.Fatalf("%s after --end-sessions: %+v; want %+v", n, e, want)
				}
			}
			if _, err := a.Session(ctx, delegate); err != nil {
				t.Fatalf("the delegate's session after --end-sessions: %v", err)
			}
			if e := ended(t, a, delegate); e != nil {
				t.Fatalf("the delegate's live session reads %+v", e)
			}

			// A new link that leaves the sessions as they were: the
			// administrator logged in with the last one keeps his, no
			// note.
			_, again, err := a.LoginAdmin(ctx, r.Token)
			if err != nil {
				t.Fatal(err)
			}
			c.add(time.Minute)
			if _, err := b.ResetAdmin(ctx, false); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Session(ctx, again); err != nil {
				t.Fatalf("an administrator's session after a new link without --end-sessions: %v", err)
			}
			if e := ended(t, a, again); e != nil {
				t.Fatalf("an administrator's live session reads %+v", e)
			}
		})
	}
}
