package web

import (
	"strconv"
	"testing"
	"time"
)

// TestOpenedHereLetsExpiredGo: a cookie found opened is remembered until
// it expires; a full memory lets the expired go for a new one, and keeps
// no more than maxOpenedHere, the cookie not kept then asked of the
// database (has is false).
func TestOpenedHereLetsExpiredGo(t *testing.T) {
	var o openedHere
	now := time.Unix(1_000_000, 0)
	o.add("old", now.Add(time.Minute), now)
	if !o.has("old", now) || o.has("old", now.Add(time.Minute)) || o.has("other", now) {
		t.Fatal("a cookie found opened is not remembered until it expires, or another is")
	}
	for i := 1; i < maxOpenedHere; i++ {
		o.add(strconv.Itoa(i), now.Add(time.Hour), now)
	}
	later := now.Add(2 * time.Minute)
	o.add("new", later.Add(time.Minute), later)
	if !o.has("new", later) || len(o.m) != maxOpenedHere {
		t.Fatalf("the memory full, the expired cookie is not let go for a new one (%d kept)", len(o.m))
	}
	o.add("more", later.Add(time.Minute), later)
	if o.has("more", later) || len(o.m) != maxOpenedHere {
		t.Fatalf("the memory full of unexpired cookies kept one more (%d kept)", len(o.m))
	}
}
