package gcpercent

import (
	"runtime/debug"
	"testing"
)

// current returns GOGC as it is set.
func current() int {
	v := debug.SetGCPercent(-1)
	debug.SetGCPercent(v)
	return v
}

func TestHold(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)

	raise := Hold(400)
	if v := current(); v != 400 {
		t.Fatalf("GOGC %d while 400 is held, want 400", v)
	}
	off := Hold(-1)
	if v := current(); v != -1 {
		t.Fatalf("GOGC %d while off is held beside 400, want off (-1)", v)
	}
	low := Hold(50) // below what is set: changes nothing
	raise()
	if v := current(); v != -1 {
		t.Fatalf("GOGC %d with off still held, want off (-1)", v)
	}
	off()
	off() // a second release changes nothing
	if v := current(); v != 100 {
		t.Fatalf("GOGC %d with only 50 held over 100, want 100", v)
	}
	low()
	if v := current(); v != 100 {
		t.Fatalf("GOGC %d after every hold let go, want 100 (as before)", v)
	}
}

// Off before the first hold stays off: a raise does not turn the
// collector on.
func TestHoldKeepsOff(t *testing.T) {
	old := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(old)
	release := Hold(400)
	if v := current(); v != -1 {
		t.Fatalf("GOGC %d with the collector off before, want off (-1)", v)
	}
	release()
	if v := current(); v != -1 {
		t.Fatalf("GOGC %d after the hold, want off (-1) as before", v)
	}
}
