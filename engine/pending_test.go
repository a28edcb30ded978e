package engine_test

import (
	"testing"
	"time"

	"plenum/assembly"
	"plenum/engine"
)

// TestWriterGoesOnWhileAReaderHoldsTheState: a reader holding the
// readers' state (a page being rendered) does not stop the writer: it
// appends the next batches meanwhile, answering none of them and showing
// none to readers until it can apply them; once the reader returns, they
// are visible and answered.
func TestWriterGoesOnWhileAReaderHoldsTheState(t *testing.T) {
	defer engine.SetMaxPendingAge(time.Minute)()
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	a, _ := env.eng.Assembly("coop")
	size := env.logSize()

	holding, release := make(chan struct{}), make(chan struct{})
	go a.Read(func(*assembly.State) {
		close(holding)
		<-release
	})
	<-holding
	waitSize := func(n int64) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); env.logSize() < n; {
			if time.Now().After(deadline) {
				close(release)
				t.Fatalf("the log has %d entries, want %d: the writer waits for the reader", env.logSize(), n)
			}
			time.Sleep(time.Millisecond)
		}
	}
	answered := make(chan string, 3)
	vote := func(voter string) {
		go func() {
			if _, err := env.ballot(voter, "k-"+voter); err != nil {
				t.Error(err)
			}
			answered <- voter
		}()
	}
	vote("d0")
	waitSize(size + 1)
	vote("d1")
	waitSize(size + 2)
	select {
	case v := <-answered:
		t.Fatalf("%s's ballot was answered while the readers' state did not show it", v)
	default:
	}
	// Another reader meanwhile sees the state before both ballots.
	var ballots int
	a.Read(func(s *assembly.State) { ballots = len(s.Votes["v1"].Ballots) })
	if ballots != 0 {
		t.Fatalf("a reader saw %d ballots before they were answered", ballots)
	}
	close(release)
	got := map[string]bool{<-answered: true, <-answered: true}
	if !got["d0"] || !got["d1"] {
		t.Fatalf("answered %v, want d0 and d1", got)
	}
	a.Read(func(s *assembly.State) { ballots = len(s.Votes["v1"].Ballots) })
	if ballots != 2 {
		t.Fatalf("after the answers a reader sees %d ballots, want 2", ballots)
	}
	// A third ballot, with no reader in the way, is answered and shown.
	vote("d2")
	if got := <-answered; got != "d2" {
		t.Fatalf("answered %s, want d2", got)
	}
	a.Read(func(s *assembly.State) { ballots = len(s.Votes["v1"].Ballots) })
	if ballots != 3 {
		t.Fatalf("a reader sees %d ballots, want 3", ballots)
	}
	if got := env.state(); got.Events != int(env.logSize()) {
		t.Fatalf("the readers' state has %d events, the log %d", got.Events, env.logSize())
	}
}
