package assembly

import "testing"

// TestMandateVotes: a mandate without a weight (0) carries one vote, one
// with a weight carries it.
func TestMandateVotes(t *testing.T) {
	for _, c := range []struct{ weight, votes int }{{0, 1}, {1, 1}, {3, 3}} {
		if got := (&Mandate{Weight: c.weight}).Votes(); got != c.votes {
			t.Errorf("a mandate of weight %d carries %d votes, want %d", c.weight, got, c.votes)
		}
	}
}
