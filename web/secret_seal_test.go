package web

import (
	"testing"
	"time"
)

// TestTokenSeal: a sealed token opens only with the key it was sealed by,
// for the assembly, person and entry it was sealed for, unaltered, before
// it expires.
func TestTokenSeal(t *testing.T) {
	now := time.Date(2026, 12, 3, 13, 0, 0, 0, time.UTC)
	seal := newTokenSeal([]byte("the pages' secret"))
	const token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	v := seal.seal("coop", "anna", 17, token, now.Add(tokenLife))
	if got := seal.open(v, "coop", "anna", 17, now.Add(tokenLife-time.Second)); got != token {
		t.Fatalf("opened %q", got)
	}
	if v2 := seal.seal("coop", "anna", 17, token, now.Add(tokenLife)); v2 == v {
		t.Error("two seals of one token are the same bytes")
	}
	for name, got := range map[string]string{
		"another assembly": seal.open(v, "coop2", "anna", 17, now),
		"another person":   seal.open(v, "coop", "boris", 17, now),
		"another entry":    seal.open(v, "coop", "anna", 18, now),
		"expired":          seal.open(v, "coop", "anna", 17, now.Add(tokenLife)),
		"another key":      newTokenSeal([]byte("another secret")).open(v, "coop", "anna", 17, now),
		"cut short":        seal.open(v[:len(v)-2], "coop", "anna", 17, now),
		"not base64":       seal.open("*"+v[1:], "coop", "anna", 17, now),
		"empty":            seal.open("", "coop", "anna", 17, now),
		"altered":          seal.open(v[:30]+string(v[30]^1)+v[31:], "coop", "anna", 17, now),
	} {
		if got != "" {
			t.Errorf("%s: opened %q", name, got)
		}
	}
}

// open is unseal's token: what a cookie's value opens to, however often.
func (t tokenSeal) open(value, assemblyID, person string, entry int64, now time.Time) string {
	token, _, _ := t.unseal(value, assemblyID, person, entry, now)
	return token
}
