package auth

import (
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
