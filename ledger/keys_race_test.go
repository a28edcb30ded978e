package ledger

import (
	"sync"
	"testing"
)

// TestLoadOrCreateKeyRace: processes starting together on an empty data
// directory all end up with the one key that was written first.
func TestLoadOrCreateKeyRace(t *testing.T) {
	for round := 0; round < 20; round++ {
		dir := t.TempDir()
		const n = 8
		vkeys := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, vkeys[i], errs[i] = LoadOrCreateKey(dir, DefaultServerName)
			}()
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("round %d: %v", round, errs[i])
			}
			if vkeys[i] != vkeys[0] {
				t.Fatalf("round %d: two keys were created: %s and %s", round, vkeys[0], vkeys[i])
			}
		}
	}
}
