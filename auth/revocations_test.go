package auth

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

// TestCarryOutRevocations: a revocation recorded while the codes were not
// deleted is carried out — the person's code made before it no longer
// logs in, their session ends with the revocation's note — and a code
// made at or after it (a later issue) is left alone; a second round finds
// nothing to do.
func TestCarryOutRevocations(t *testing.T) {
	s := open(t, Options{RowKey: testKey})
	ctx := context.Background()
	issued := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	codes, err := s.IssueRecordedCodes(ctx, "x", []string{"ann", "bob"}, issued)
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := s.Login(ctx, codes[0].Code)
	if err != nil {
		t.Fatal(err)
	}
	revoked := map[string]Revocation{
		"ann": {At: issued.Add(time.Minute), By: "mc", Reason: "card lost"},
		"bob": {At: issued.Add(-time.Minute), By: "mc"}, // issued again since
	}
	done, err := s.CarryOutRevocations(ctx, "x", revoked)
	if err != nil || len(done) != 1 || done[0] != "ann" {
		t.Fatalf("carried out %v, %v; want [ann]", done, err)
	}
	if _, _, err := s.Login(ctx, codes[0].Code); !errors.Is(err, ErrBadCode) {
		t.Errorf("ann's revoked code: %v", err)
	}
	if _, err := s.Session(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Errorf("ann's session: %v", err)
	}
	if _, _, err := s.Login(ctx, codes[1].Code); err != nil {
		t.Errorf("bob's code made after his revocation: %v", err)
	}
	if done, err := s.CarryOutRevocations(ctx, "x", revoked); err != nil || len(done) != 0 {
		t.Errorf("a second round: %v, %v", done, err)
	}
}

// TestPlantedCodeDoesNotHoldOffRevocation: a code row planted by whoever
// can write the database (no MAC, or a made-up one), made "after" a
// recorded revocation, does not pass for a later issue: the revocation
// is still carried out, and the person's genuine code made before it no
// longer logs in. Only plenum's codes count, as for VoidUnissuedCodes.
// SQLite and PostgreSQL.
func TestPlantedCodeDoesNotHoldOffRevocation(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			s := openAt(t, db, Options{RowKey: testKey})
			issued := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
			codes, err := s.IssueRecordedCodes(ctx, "x", []string{"ann", "bob"}, issued)
			if err != nil {
				t.Fatal(err)
			}
			revokedAt := issued.Add(time.Minute)
			_, exec := rawDatabase(t, db)
			for _, mac := range [][]byte{nil, bytes.Repeat([]byte{7}, 32)} {
				ch := hashCode(newCode())
				if err := exec(`INSERT INTO access_codes (hash, assembly, person, created, expires, mac) VALUES ($1, $2, $3, $4, $5, $6)`,
					ch[:], "x", "ann", revokedAt.Add(time.Minute).UnixNano(), revokedAt.Add(time.Hour).UnixNano(), mac); err != nil {
					t.Fatal(err)
				}
			}
			revoked := map[string]Revocation{"ann": {At: revokedAt, By: "mc", Reason: "card lost"}}
			done, err := s.CarryOutRevocations(ctx, "x", revoked)
			if err != nil || len(done) != 1 || done[0] != "ann" {
				t.Fatalf("carried out %v, %v; want [ann] (the planted rows held the revocation off)", done, err)
			}
			if _, _, err := s.Login(ctx, codes[0].Code); !errors.Is(err, ErrBadCode) {
				t.Errorf("ann's revoked code: %v", err)
			}
			if _, _, err := s.Login(ctx, codes[1].Code); err != nil {
				t.Errorf("bob's code, not revoked: %v", err)
			}
			if n := count(t, s, `SELECT COUNT(*) FROM access_codes WHERE assembly = ? AND person = ?`, "x", "ann"); n != 0 {
				t.Errorf("ann still has %d code rows", n)
			}
			if done, err := s.CarryOutRevocations(ctx, "x", revoked); err != nil || len(done) != 0 {
				t.Errorf("a second round: %v, %v", done, err)
			}
		})
	}
}
