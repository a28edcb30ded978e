package postgres

import (
	"strings"
	"testing"
)

// TestSyncsToDisk: a writing store refuses a server whose fsync setting is
// off, saying what to do, and takes one whose setting is on. (The shared
// test server cannot be switched to fsync off for one test: the setting
// is the whole server's.)
func TestSyncsToDisk(t *testing.T) {
	if err := syncsToDisk("on"); err != nil {
		t.Fatalf("fsync on: %v", err)
	}
	err := syncsToDisk("off")
	if err == nil || !strings.Contains(err.Error(), "fsync = off") || !strings.Contains(err.Error(), "Set fsync = on") {
		t.Fatalf("fsync off: %v; want a refusal saying to set fsync on", err)
	}
}
