package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// BenchmarkMyBallots10000 renders "All your receipts" (the receipt page
// without an entry) for a delegate who voted in each of 50 roll-call
// votes of an assembly of 10,000 delegates, in each of which the 9,000
// arrived voted, every ballot keyed as the pages key them: 450,000
// ballots in the log. The list was a walk of every key of the state and
// a read of the log for each of the viewer's keyed commands, on every
// view.
func BenchmarkMyBallots10000(b *testing.B) {
	const n, votes = 10_000, 50
	h, _ := bigHall(b, n, 0)
	a, _ := h.eng.Assembly(asm)
	ctx := context.Background()
	submit := func(metas []assembly.Meta, cmds []assembly.Command) {
		for start := 0; start < len(cmds); start += 4096 {
			end := min(start+4096, len(cmds))
			if _, i, err := a.SubmitAll(ctx, metas[start:end], cmds[start:end]); err != nil {
				b.Fatalf("%s: %v", cmds[start+i].CommandName(), err)
			}
		}
	}
	for k := 1; k <= votes; k++ {
		vote := "v" + strconv.Itoa(k)
		var metas []assembly.Meta
		var cmds []assembly.Command
		add := func(actor, key string, c assembly.Command) {
			h.at = h.at.Add(time.Microsecond)
			metas = append(metas, assembly.Meta{Assembly: asm, Actor: actor, At: h.at, Key: key})
			cmds = append(cmds, c)
		}
		if k > 1 {
			add("chair", "", assembly.OpenVote{ID: vote, Question: "Question " + vote, Method: "roll_call"})
		}
		for i := 1; i <= n; i++ {
			if i%10 == 0 {
				continue // not arrived
			}
			p := "p" + strconv.Itoa(i)
			add(p, "ballot-"+vote, assembly.CastBallot{Vote: vote, Voter: p, Choice: []string{"for", "against", "abstain"}[i%3]})
		}
		add("chair", "", assembly.CloseVote{Vote: vote})
		submit(metas, cmds)
	}
	req := httptest.NewRequest("GET", "/a/"+asm+"/receipt", nil)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: h.codes["p1"]})
	var w *httptest.ResponseRecorder
	view := func() time.Duration {
		w = httptest.NewRecorder()
		start := time.Now()
		h.srv.Config.Handler.ServeHTTP(w, req)
		return time.Since(start)
	}
	// The first view waits while the server reads the log into its
	// index, in the background (up to five seconds; then it says the
	// ballots cannot be listed yet); the benchmark measures the views
	// after that.
	b.Logf("the first view: %v", view())
	start := time.Now()
	for view() > 20*time.Millisecond && time.Since(start) < time.Minute {
		time.Sleep(100 * time.Millisecond)
	}
	b.Logf("the views found by the index after %v", time.Since(start))
	if got := len(myBallotRe.FindAllString(w.Body.String(), -1)); got != votes {
		b.Fatalf("the receipts page lists %d ballots, want %d", got, votes)
	}
	benchPages(b, h, []pageCase{
		{"receipts", "p1", "/a/" + asm + "/receipt", "/a/" + asm + "/receipt?entry="},
	})
}
